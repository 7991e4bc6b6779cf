"""Phrase queries work over our tokens (stock jieba's ChineseAnalyzer breaks them, ../shared/BENCHMARKS.md)."""

from __future__ import annotations

from whoosh import query as wq
from whoosh.fields import NUMERIC, TEXT, Schema
from whoosh.filedb.filestore import FileStorage

from reader.models import IndexDoc
from reader.search import JiebaTokenizer, analyze, parse_query

from .conftest import make_index

DOCS = [
    "坚持党建引领基层治理，推动城市基层党建提质增效。",
    "基层治理离不开党建引领，这是经验。",  # the same words, not as a phrase
    "党建工作引领基层的治理。",
]


def whoosh_index(tmp_path):
    # A field with positions (the app's own index stores none: the substring store
    # decides phrases), to prove the tokenizer's positions are sequential.
    schema = Schema(id=NUMERIC(int, stored=True), body=TEXT(analyzer=JiebaTokenizer()))
    ix = FileStorage(str(tmp_path), supports_mmap=False).create_index(schema)
    with ix.writer() as writer:
        for n, text in enumerate(DOCS, start=1):
            writer.add_document(id=n, body=text)
    return ix


def test_a_whoosh_phrase_over_our_tokens_matches_only_the_phrase(tmp_path):
    ix = whoosh_index(tmp_path)
    tokens = analyze("党建引领基层治理")
    assert len(tokens) > 1
    with ix.searcher() as searcher:
        found = [hit["id"] for hit in searcher.search(wq.Phrase("body", tokens))]
    assert found == [1]


def test_a_multi_word_phrase_with_several_tokens(tmp_path):
    ix = whoosh_index(tmp_path)
    with ix.searcher() as searcher:
        found = [
            hit["id"] for hit in searcher.search(wq.Phrase("body", analyze("城市基层党建提质增效")))
        ]
    assert found == [1]


def test_a_quoted_phrase_is_a_word_match_through_the_index(tmp_path):
    docs = [IndexDoc(id=n, title="", body=text) for n, text in enumerate(DOCS, start=1)]
    index = make_index(tmp_path, docs)
    result = index.search(parse_query('"党建引领基层治理"'))
    assert [(h.id, h.match) for h in result.hits] == [(1, "word")]
    assert result.total == 1
    index.close()
