"""The library as the search index's text source (issue 17: the text on disk once).

`LibraryTexts` answers from the library's columns in SQL what the index documents
(`index_doc`) would answer in Python; these tests hold it to that, on the seed library with
notes, highlight notes, bylines, subheads, box entries with sources and damaged rows.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import shutil
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.app import Session
from reader.app.index_texts import LibraryTexts, _paragraphs_end, decoded_paragraphs_end
from reader.app.indexing import docs_for, library_docs
from reader.paths import resolve_paths
from reader.search import index_writing
from reader.search.store_process import StoreProcess
from reader.search.substring import FILE_NAME, SubstringStore
from reader.search.texts import counts_in, in_fields

#: Terms of every kind: one and two Han characters, longer ones, a byline's role and name
#: (with the space between them: read in Python), a box entry's source, Latin letters in
#: either case, digits, punctuation, a quote, Greek (case folded in Python), nothing, and
#: words of box entries (in `articles.text` after the paragraphs).
TERMS = [
    "的", "党建", "乌兰察布", "本报记者", "本报记者 宋爽", "宋爽", "习近平在", "纪念马克思",
    "郝佳丽", "A", "a", "ab", "2018", "，", ",", "“", '"', "小标题", "副题", "笔记",
    "批注甲", "σοφία", "ΣΟΦΊΑ", "没有这个词", "筑牢思想道德防线", "“五位一体”", "亲如一家",
]


def _damage(db_path) -> list[int]:
    """Rows as a damaged file or an old library holds them; the ids changed."""
    with sqlite3.connect(db_path) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
        conn.execute("UPDATE articles SET paragraphs = '[\"半截的段落' WHERE id = ?", [ids[0]])
        conn.execute("UPDATE articles SET paragraphs = '[1, 2, 99999]' WHERE id = ?", [ids[1]])
        conn.execute("UPDATE articles SET paragraphs = json_array(substr(text, 1, 30), "
                     "substr(text, 31)) WHERE id = ?", [ids[2]])
        conn.execute("UPDATE articles SET entries = '[\"坏\", {\"text\": \"框\", "
                     "\"source\": \"新华社记者\"}]', subheads = '[\"小标题的\"]', "
                     "subtitle = '副题的 σοφία' WHERE id = ?", [ids[3]])
        conn.execute("UPDATE articles SET entries = '{bad', subheads = '{\"a\":1}' WHERE id = ?",
                     [ids[4]])
        # A NUL inside the text (a hostile page): SQLite's length() stops there.
        conn.execute("UPDATE articles SET text = substr(text, 1, 5) || char(0) || substr(text, 6), "
                     "title = title || char(0) || '的' WHERE id = ?", [ids[5]])
    conn.close()
    return ids[:6]


def test_the_library_answers_as_its_index_documents_do(library_dir):
    damaged = _damage(library_dir / "library.sqlite3")
    with Session.open(resolve_paths(library_dir)) as session:
        library = session.library
        ids = library.articles.ids()
        library.notes.set(ids[6], "笔记：党建 ABC 与 σοφία")
        library.notes.set(ids[7], "另一条笔记")
        library.highlights.add(ids[7], 0, 4, note="批注甲 2018")
        library.highlights.add(ids[8], 2, 6, note="批注甲")
        truth = {d.id: (d.title, d.body, d.note) for d in library_docs(library)}
        source = LibraryTexts(library)
        rng = random.Random(5)
        some = sorted({*rng.sample(ids, 15), *damaged, ids[6], ids[7]})
        for term in TERMS:
            for within in (None, some):
                texts = truth if within is None else {i: truth[i] for i in within}
                found = source.fields_with(term, within)
                assert found == in_fields(term, texts), (term, within)
                assert source.occurrences(term, list(texts)) == counts_in(term, texts), term
        assert source.texts(some) == {i: truth[i] for i in some}
        # Each kind of place was found somewhere (the terms reach what they are meant to).
        assert source.fields_with("批注甲")[ids[7]] == 4
        assert source.fields_with("新华社记者")[damaged[3]] == 2
        # The damaged rows' stored text, which their documents do not hold in full.
        raw = dict(library.connection.execute("SELECT id, text FROM articles WHERE id IN "
                                              f"({', '.join(map(str, damaged[:3]))})"))
        for doc_id, text in raw.items():
            term = text.strip()[:6]
            assert (doc_id in source.fields_with(term, some)) == (term in truth[doc_id][1])
        assert damaged[1] not in source.fields_with(raw[damaged[1]].strip()[:6])


def test_the_index_holds_no_copy_of_the_text_and_search_follows_the_library(library_dir):
    with Session.open(resolve_paths(library_dir)) as session:
        session.ensure_index()
        article = session.library.articles.get(session.library.articles.ids()[3])
        paragraph = max(article.paragraphs, key=len)
        before = session.search("“甲乙丙丁戊”")
        assert before.total == 0
        session.library.notes.set(article.id, "我的批注：甲乙丙丁戊")
        assert [h.id for h in session.search("“甲乙丙丁戊”").hits] == [article.id]
        session.library.notes.set(article.id, "换了：己庚辛壬")
        assert session.search("“甲乙丙丁戊”").total == 0
        assert [h.id for h in session.search("己庚辛壬").hits] == [article.id]
        assert session.search("丁戊").total == 0
        assert session.check().index_problem is None
    conn = sqlite3.connect(library_dir / "index" / FILE_NAME)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
    conn.close()
    assert "texts" not in tables
    assert paragraph[:20].encode() not in (library_dir / "index" / FILE_NAME).read_bytes()


def _as_schema_3(index_file, texts: dict[int, tuple[str, str, str]]) -> None:
    """Turn an index file back into the layout of schema version 3: the text copied into
    a `texts` table, no version tables."""
    conn = sqlite3.connect(index_file)
    with conn:
        conn.execute("CREATE TABLE texts(rowid INTEGER PRIMARY KEY, title TEXT, body TEXT, note TEXT)")
        conn.executemany("INSERT INTO texts VALUES (?, ?, ?, ?)",
                         [(i, *t) for i, t in texts.items()])
        conn.execute("DROP TABLE moved")
        conn.execute("DROP TABLE stale")
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.execute("VACUUM")
    conn.close()


def test_an_index_of_the_previous_version_drops_its_text_copy_in_place(tmp_path, seeded_template):
    library_dir = tmp_path / "lib"
    shutil.copytree(seeded_template, library_dir)
    index_file = library_dir / "index" / FILE_NAME
    with Session.open(resolve_paths(library_dir)) as session:
        truth = {d.id: (d.title, d.body, d.note) for d in library_docs(session.library)}
        expected = {q: session.search(q).total for q in ("党建", "乌兰察布", "，", "本报记者 宋爽")}
    # Enough text that the copy is most of the file, as in a real archive.
    _as_schema_3(index_file, {i + k * 1000: t for k in range(20) for i, t in truth.items()})
    whoosh = {p.name: p.stat().st_mtime_ns for p in (library_dir / "index").glob("*.seg")}
    size = index_file.stat().st_size
    with Session.open(resolve_paths(library_dir)) as session:
        assert session.index.state == "ok"
        assert session.ensure_index().action == "none"  # upgraded, not rebuilt
        assert {q: session.search(q).total for q in expected} == expected
    assert {p.name: p.stat().st_mtime_ns for p in (library_dir / "index").glob("*.seg")} == whoosh
    store = SubstringStore.open(index_file, 4, LibraryTexts.__new__(LibraryTexts))
    try:
        assert store.get_meta("schema_version") == "4" and not store.holds_text
        assert store.conn.execute(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'texts'").fetchone()[0] == 0
    finally:
        store.close()
    assert index_file.stat().st_size < size / 3


_STORED = st.one_of(
    # as Reader writes lengths: json.dumps, compact or spaced
    st.builds(lambda xs, compact: json.dumps(xs, separators=(",", ":") if compact else None),
              st.lists(st.integers(0, 5000), max_size=12), st.booleans()),
    # what a damaged or old row may hold
    st.builds(json.dumps, st.lists(st.one_of(st.integers(-3, 50), st.booleans(), st.floats(0, 9),
                                             st.text(max_size=3), st.none()), max_size=5)),
    st.text(alphabet="[]0123456789,- \t\n\u3000e.\"", max_size=16),
)


@given(stored=_STORED, text_length=st.integers(0, 60_000))
def test_the_paragraphs_end_without_decoding_json_is_what_decoding_gives(stored, text_length):
    _paragraphs_end.cache_clear()
    assert _paragraphs_end(stored, text_length) == decoded_paragraphs_end(stored, text_length)
    # As the search reads the column: its bytes (a damaged byte reads as U+FFFD).
    assert _paragraphs_end(stored.encode(), text_length) == \
        decoded_paragraphs_end(stored, text_length)
    assert _paragraphs_end(stored.encode() + b"\xff", text_length) == \
        decoded_paragraphs_end(stored + "\ufffd", text_length)


def test_a_parallel_fill_sends_the_store_process_the_texts_and_finds_the_same(
        library_dir, monkeypatch):
    """The store process gets each document with its title, body and note and makes the
    grams itself (store_process.py); the answers are those of the index written in one
    process."""
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the parallel writer needs fork")
    with Session.open(resolve_paths(library_dir)) as session:
        session.library.notes.set(session.library.articles.ids()[2], "批注甲：乌兰察布")
        session.ensure_index()
        expected = {term: session.search(term).total for term in TERMS}
    shutil.rmtree(library_dir / "index")
    monkeypatch.setattr(index_writing, "PARALLEL_MIN_DOCS", 10)
    sent: list[tuple] = []
    flush = StoreProcess._flush

    def recording(self) -> None:
        sent.extend(op for op in self._ops if op[0] in ("insert", "upsert"))
        flush(self)

    monkeypatch.setattr(StoreProcess, "_flush", recording)
    with Session.open(resolve_paths(library_dir)) as session:
        session.index.writer_procs = 2
        report = session.ensure_index()
        assert report.added == session.library.stats()["articles"] == len(sent)
        by_id = {doc.id: doc for doc in docs_for(session.library, [d.id for _, d, _ in sent])}
        assert all(doc == by_id[doc.id] for _, doc, _ in sent)
        assert sum(bool(doc.note) for _, doc, _ in sent) == 1
        assert {term: session.search(term).total for term in TERMS} == expected
        assert session.check().index_problem is None
