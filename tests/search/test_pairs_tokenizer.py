"""The pairs index's FTS5 tokenizer (substring.py): files made now read their grams with
`ascii`, files made before with `unicode61`; both must answer every search alike, since
an index is never rebuilt for this (issue 17)."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.models import IndexDoc
from reader.search.substring import SubstringStore

#: Text as pages have it, and what a tokenizer could read differently: ASCII in both
#: cases, digits, CJK of both ranges, CJK beyond them, other scripts, punctuation.
ALPHABET = "党建引领网格员走访群众的一了abcXYZ019，。、“”《》 \n-_.%㐀䶵鿌鿕𠀋äΣσカ한"
TEXT = st.text(alphabet=ALPHABET, max_size=40)


def _unicode61(path) -> SubstringStore:
    """A new store whose grams table is as files made before this change have it."""
    store = SubstringStore.create(path, 4)
    store.conn.execute("DROP TABLE grams")
    store.conn.execute(
        "CREATE VIRTUAL TABLE grams USING fts5(g, content='', detail=none, columnsize=0, "
        "tokenize='unicode61 remove_diacritics 0')")
    return store


def _tokenizer(store: SubstringStore) -> str:
    (sql,) = store.conn.execute(
        "SELECT sql FROM sqlite_schema WHERE name = 'grams'").fetchone()
    return sql.split("tokenize=")[1]


@pytest.fixture
def stores(tmp_path):
    made = SubstringStore.create(tmp_path / "now.sqlite3", 4)
    before = _unicode61(tmp_path / "before.sqlite3")
    yield made, before
    made.close()
    before.close()


def test_a_new_file_reads_its_grams_with_ascii(stores):
    made, before = stores
    assert "ascii" in _tokenizer(made) and "unicode61" in _tokenizer(before)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.tuples(TEXT, TEXT, TEXT), min_size=1, max_size=8),
       terms=st.lists(TEXT, max_size=6), data=st.data())
def test_both_tokenizers_find_the_same_articles(stores, texts, terms, data):
    for store in stores:
        store.begin()
        store.clear()
        for n, (title, body, note) in enumerate(texts, start=1):
            store.insert(IndexDoc(id=n, title=title, body=body, note=note), "h")
        store.commit()
    # Terms from the texts (pieces of them, in another case) and of their own.
    for title, body, note in texts:
        text = title + body + note
        if text:
            start = data.draw(st.integers(0, len(text) - 1))
            piece = text[start:start + data.draw(st.integers(1, 4))]
            terms += [piece, piece.upper(), piece[:1]]
    made, before = stores
    for term in terms:
        assert made.find(term) == before.find(term), term
        if SubstringStore.exact(term):
            phrase = SubstringStore.phrase(term)
            assert made.count_matching(phrase) == before.count_matching(phrase)
        if (candidates := SubstringStore.candidates(term)) is not None:
            assert made.count_matching(candidates) == before.count_matching(candidates)


def test_an_index_made_before_is_read_and_written_as_it_is(tmp_path):
    path = tmp_path / "before.sqlite3"
    store = _unicode61(path)
    store.begin()
    store.insert(IndexDoc(id=1, title="党建引领", body="网格员走访 LED屏"), "h")
    store.commit()
    store.close()
    store = SubstringStore.open(path, 4)
    try:
        assert "unicode61" in _tokenizer(store)
        store.begin()
        store.upsert(IndexDoc(id=2, title="群众", body="led屏幕"), "h")
        store.commit()
        assert store.find("LED屏") == {1, 2} and store.find("走访") == {1}
        assert store.problems() is None
    finally:
        store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO grams(grams) VALUES ('integrity-check')")
    conn.close()
