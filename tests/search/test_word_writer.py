"""The word index's own segment writer (reader/search/word_writer.py) against Whoosh's.

Its segments must be ordinary Whoosh segments: byte for byte what Whoosh writes where the
two write the same form, and, with rare words inlined, read by stock Whoosh with the same
postings and the same BM25F scores.
"""

from __future__ import annotations

import multiprocessing
import os
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh import scoring
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import QueryParser
from whoosh.writing import SegmentWriter

from reader.catalogue import Code
from reader.models import IndexDoc
from reader.search import (
    SearchIndex,
    SearchIndexError,
    leaders,
    parallel_writer,
    w3_blocks,
    word_writer,
)
from reader.search import index_writing as index_module
from reader.search.query import parse_query
from reader.search.word_writer import MemoryPostings, MemoryPostingWriter
from reader.search.words import INDEX_NAME, WordIndex, document_fields

from .conftest import seed_docs


def _docs() -> list[IndexDoc]:
    """The seed paragraphs, one word added to six in seven of them (a posting list of more
    than one W3 block)."""
    docs = seed_docs()
    return [
        IndexDoc(id=d.id, title=d.title, body=d.body + (" 网格员" * (n % 3 + 1) if n % 7 else ""),
                 note=d.note, column=d.column, kind=d.kind, date=d.date)
        for n, d in enumerate(docs)
    ]


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _build(folder: Path, writer_class, docs: list[IndexDoc], **kwargs) -> WordIndex:
    words = WordIndex.create(_folder(folder))
    writer = writer_class(words.ix, **kwargs)
    for doc in docs:
        writer.add_document(**document_fields(doc))
    writer.commit()
    return words


def _segment_files(words: WordIndex) -> dict[str, bytes]:
    """The files inside each segment's compound file, by extension, segment by segment."""
    found: dict[str, bytes] = {}
    for n, segment in enumerate(words.ix._segments()):
        compound = CompoundStorage(words.ix.storage.open_file(segment.make_filename(".seg")),
                                   use_mmap=False)
        for name in compound.list():
            with compound.open_file(name) as f:
                found[f"{n}{name.split('.', 1)[1]}"] = f.read()
        compound.close()
    return found


def _postings(folder: Path) -> dict[tuple[str, bytes], list[tuple[int, float, bytes]]]:
    """Every term's postings as stock Whoosh reads them (deleted documents left out), with
    the article id in place of the document number."""
    ix = whoosh_index.open_dir(str(folder), indexname=INDEX_NAME)
    with ix.reader() as reader:
        ids = {n: fields["id"] for n, fields in reader.iter_docs()}
        found: dict[tuple[str, bytes], list] = {}
        for fieldname, text, docnum, weight, value in reader.iter_postings():
            # A field without values (the id's Existence) reads None from a block and ""
            # from inlined postings: no value either way.
            found.setdefault((fieldname, text), []).append((ids[docnum], weight, value or None))
    ix.close()
    return {key: sorted(value) for key, value in found.items()}


def _scores(folder: Path, queries: list[str]) -> list[list[tuple[int, float]]]:
    """Stock Whoosh's own search: (article id, BM25F score) of every hit, per query."""
    ix = whoosh_index.open_dir(str(folder), indexname=INDEX_NAME)
    parser = QueryParser("text", ix.schema)
    found = []
    with ix.searcher(weighting=scoring.BM25F()) as searcher:
        for text in queries:
            hits = searcher.search(parser.parse(text), limit=None)
            found.append(sorted((hit["id"], round(hit.score, 6)) for hit in hits))
    ix.close()
    return found


QUERIES = ["网格员", "党建", "嘎查 OR 社区", "服务 AND 群众", "的", "没有这个词"]


def test_the_same_bytes_as_whooshs_writer_in_its_own_form(tmp_path, monkeypatch):
    docs = _docs()
    theirs = _segment_files(_build(tmp_path / "whoosh", SegmentWriter, docs))
    monkeypatch.setattr(w3_blocks, "INLINE_LIMIT", 1)  # Whoosh's writer never inlines
    monkeypatch.setattr(w3_blocks, "COMPACT", False)
    ours = _segment_files(_build(tmp_path / "ours", MemoryPostingWriter, docs))
    # Ours adds the frequent words' leaders (reader/search/leaders.py), which Whoosh ignores.
    assert ours.pop("0lead").startswith(leaders.MAGIC)
    assert sorted(ours) == sorted(theirs)
    for name, data in theirs.items():
        assert ours[name] == data, name
    # More than one block was written for a word (what the comparison must cover).
    assert max(len(p) for p in _postings(tmp_path / "ours").values()) > w3_blocks.BLOCK_LIMIT


def test_stock_whoosh_reads_inlined_postings_and_scores_alike(tmp_path):
    docs = _docs()
    _build(tmp_path / "whoosh", SegmentWriter, docs)
    ours = _build(tmp_path / "ours", MemoryPostingWriter, docs)
    ours.close()
    assert _postings(tmp_path / "ours") == _postings(tmp_path / "whoosh")
    assert _scores(tmp_path / "ours", QUERIES) == _scores(tmp_path / "whoosh", QUERIES)
    assert any(_scores(tmp_path / "ours", ["网格员"])[0])
    # Rare words were inlined: the postings file is smaller than Whoosh's.
    theirs_files = _segment_files(WordIndex.open(tmp_path / "whoosh"))
    ours_files = _segment_files(WordIndex.open(tmp_path / "ours"))
    assert len(ours_files["0pst"]) < len(theirs_files["0pst"])


def test_whooshs_own_writer_merges_our_segments(tmp_path):
    docs = _docs()
    half = len(docs) // 2
    words = WordIndex.create(_folder(tmp_path / "ours"))
    for part in (docs[:half], docs[half:]):
        writer = MemoryPostingWriter(words.ix)
        for doc in part:
            writer.add_document(**document_fields(doc))
        writer.commit(merge=False)
    before = _postings(tmp_path / "ours")
    SegmentWriter(words.ix).commit(optimize=True)  # stock Whoosh reads every posting back
    assert len(words.ix._segments()) == 1
    words.close()
    assert _postings(tmp_path / "ours") == before


def test_merging_segments_keeps_the_live_postings(tmp_path):
    """Three commits (one replacing documents of the first), then a merge of everything by
    our writer: the postings are those of one index written in one go."""
    docs = _docs()
    third = len(docs) // 3
    changed = [IndexDoc(id=d.id, title=d.title, body="改写的正文 网格员 嘎查", note="", column="",
                        kind="", date=d.date) for d in docs[:20]]
    words = WordIndex.create(_folder(tmp_path / "merged"))
    for part in (docs[:third], docs[third:2 * third], docs[2 * third:]):
        writer = MemoryPostingWriter(words.ix)
        for doc in part:
            writer.add_document(**document_fields(doc))
        writer.commit(merge=False)
    writer = MemoryPostingWriter(words.ix)
    for doc in changed:
        writer.update_document(**document_fields(doc))
    writer.commit(merge=False)
    assert len(words.ix._segments()) == 4
    writer = MemoryPostingWriter(words.ix)
    writer.commit(optimize=True)
    assert len(words.ix._segments()) == 1
    words.close()
    _build(tmp_path / "whole", SegmentWriter, changed + docs[20:])
    assert _postings(tmp_path / "merged") == _postings(tmp_path / "whole")


def test_postings_spilled_to_runs_come_back_in_order(tmp_path, monkeypatch):
    docs = _docs()
    whole = _segment_files(_build(tmp_path / "memory", MemoryPostingWriter, docs))

    class Spilling(MemoryPostings):
        def __init__(self, tempstore, spill=word_writer.SPILL_POSTINGS):
            super().__init__(tempstore, spill=500)

    monkeypatch.setattr(word_writer, "MemoryPostings", Spilling)
    words = WordIndex.create(_folder(tmp_path / "spilled"))
    writer = MemoryPostingWriter(words.ix)
    assert isinstance(writer.pool, Spilling)
    for doc in docs:
        writer.add_document(**document_fields(doc))
    assert len(writer.pool._runs) > 3
    writer.commit()
    assert _segment_files(words) == whole
    assert not list(Path(tmp_path / "spilled").glob("*.tmp*"))  # the runs were removed


def test_documents_with_boosts_take_whooshs_own_path(tmp_path):
    words = WordIndex.create(_folder(tmp_path / "boost"))
    writer = MemoryPostingWriter(words.ix)
    writer.add_document(id=1, text="网格员 网格员 嘎查")
    writer.add_document(id=2, text="网格员", _text_boost=3.0)
    writer.commit()
    words.close()
    postings = _postings(tmp_path / "boost")
    assert [(i, w) for i, w, _ in postings[("text", "网格员".encode())]] == [(1, 2.0), (2, 3.0)]


@pytest.mark.parametrize("procs", [2])
def test_the_parallel_writer_writes_every_document_once(tmp_path, procs):
    docs = _docs()
    words = WordIndex.create(_folder(tmp_path / "parallel"))
    writer = words.writer(procs)
    for doc in docs:
        writer.add_document(**document_fields(doc))
    writer.commit()
    assert words.doc_count() == len(docs)
    words.close()
    _build(tmp_path / "whoosh", SegmentWriter, docs)
    assert _postings(tmp_path / "parallel") == _postings(tmp_path / "whoosh")


def _die(text: str) -> dict[str, int]:
    os._exit(3)


def test_a_dead_worker_fails_the_batch_and_the_next_write_goes_on_in_one_process(
        tmp_path, monkeypatch):
    docs = _docs()
    monkeypatch.setattr(index_module, "PARALLEL_MIN_DOCS", 10)
    index = SearchIndex.open(tmp_path / "index")
    index.writer_procs = 2
    # Forked workers see this module's word_counts: every worker dies at its first batch.
    monkeypatch.setattr(parallel_writer, "word_counts", _die)
    with pytest.raises(SearchIndexError) as failed:
        index.update(docs, [])
    assert failed.value.code == Code.INDEX_BUILD_FAILED
    assert index.writer_procs == 1 and index.doc_count == 0
    assert multiprocessing.active_children() == []
    monkeypatch.undo()
    assert index.update(docs, []) == len(docs)
    assert index.doc_count == len(docs)
    assert index.search(parse_query("网格员"), limit=5).total > 0
    index.close()


def test_segments_whooshs_writer_wrote_are_merged_as_they_are(tmp_path):
    """An index written before Reader had its own writer (Whoosh's segments, one with
    deleted documents) is merged by ours into one segment with the same live postings."""
    docs = _docs()
    half = len(docs) // 2
    words = WordIndex.create(_folder(tmp_path / "old"))
    for part in (docs[:half], docs[half:]):
        writer = SegmentWriter(words.ix)
        for doc in part:
            writer.add_document(**document_fields(doc))
        writer.commit(merge=False)
    writer = SegmentWriter(words.ix)
    for doc in docs[:10]:
        writer.delete_by_term("id", doc.id)
    writer.commit(merge=False)
    before = _postings(tmp_path / "old")
    MemoryPostingWriter(words.ix).commit(optimize=True)
    assert len(words.ix._segments()) == 1
    words.close()
    after = _postings(tmp_path / "old")
    assert after == before
    assert not any(article_id <= 10 for postings in after.values() for article_id, _, _ in postings)


#: In a fresh interpreter (tests/search/test_word_table.py's `_cut`): documents through
#: the parallel writer while jieba reads its dictionary lazily from the word table.
_PARALLEL_LAZY = """
import tempfile
from reader.search.parallel_writer import ParallelPostingWriter
from reader.search.words import WordIndex
folder = Path(tempfile.mkdtemp())
words = WordIndex.create(folder)
writer = ParallelPostingWriter(words.ix, procs=2)
for n, text in enumerate(texts * 20):
    writer.add_document(id=n + 1, text=text)
writer.write_pending()  # the workers are forked at the first batch
report["forked_with"] = type(jieba.dt.FREQ).__name__
writer.commit()
report["docs"] = words.doc_count()
with words.ix.searcher() as searcher:
    report["words"] = sorted(t.decode() for t in searcher.reader().lexicon("text"))
"""


def test_workers_fork_with_the_whole_dictionary_when_jieba_reads_it_lazily(tmp_path):
    from .test_word_table import TEXTS, _cut

    whole = _cut(tmp_path)  # writes the word table
    lazy = _cut(tmp_path, _PARALLEL_LAZY)
    assert lazy["table"]  # jieba started on the table …
    assert lazy["forked_with"] == "dict"  # … and the workers were forked with it whole
    assert lazy["docs"] == 20 * len(TEXTS)
    assert lazy["words"] == sorted({w for words in whole["cut"] for w in words})


def _text_length(texts: dict[str, str]) -> int:
    """Side work for the writers below (a module function: the workers get it by name)."""
    return len(texts["text"])


@pytest.mark.parametrize("procs", [1, 2])
def test_side_work_is_told_in_order_with_each_document_written(tmp_path, procs):
    """The index has each document's grams made where its words are counted, and stores
    the document when the writer says it is written: in the order given, every one."""
    from reader.search import analysis

    docs = _docs()
    words = WordIndex.create(_folder(tmp_path / "side"))
    told: list[object] = []
    writer = words.writer(procs, side=_text_length, on_written=told.append)
    expected: list[object] = []
    for n, doc in enumerate(docs):
        fields = document_fields(doc)
        if n == 300:  # a boosted document takes Whoosh's own path, in its place
            fields["_boost"] = 2.0
            expected.append(None)
        else:
            expected.append(len(fields["text"]))
        writer.add_document(**fields)
    writer.write_pending()
    assert told == expected
    writer.commit()
    assert analysis._setup.compiled is None  # jieba-rs's dictionary let go at commit
    assert words.doc_count() == len(docs)
    words.close()


def test_terms_encoded_by_the_workers_are_the_same_bytes(tmp_path, monkeypatch):
    """At commit the parallel writer has its workers encode the terms, a chunk at a time,
    and writes them where they belong: the same segment, byte for byte, as one process."""
    monkeypatch.setattr(w3_blocks, "CHUNK_TERMS", 97)  # many chunks, offsets to move
    docs = _docs()
    one = _build(tmp_path / "one", MemoryPostingWriter, docs)
    both = _build(tmp_path / "both", parallel_writer.ParallelPostingWriter, docs, procs=2)
    assert _segment_files(both) == _segment_files(one)
    one.close()
    both.close()


@settings(max_examples=100, deadline=None)
@given(batches=st.lists(st.dictionaries(
    st.text(alphabet="党建网格员abc1", min_size=1, max_size=3),
    st.lists(st.integers(0, 2**32 - 1), min_size=2, max_size=8).filter(lambda x: len(x) % 2 == 0),
    max_size=12), max_size=5))
def test_postings_packed_for_the_pipe_add_what_they_held(batches):
    """A worker's batch, packed (`word_writer.pack`), is added as it was counted."""
    counted, packed = MemoryPostings(RamStorage()), MemoryPostings(RamStorage())
    for batch in batches:
        counted.add_counted("text", {w: array("I", p) for w, p in batch.items()})
        packed.add_packed("text", word_writer.pack({w: array("I", p) for w, p in batch.items()}))
    assert list(packed.terms()) == list(counted.terms())
    assert packed._count == counted._count
