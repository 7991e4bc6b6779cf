"""Word postings read whole (postings.py) and used as proof of a match (issue 17).

A term of Han characters that is one word token is in the title or body of every article
whose Whoosh document holds that token, so a search reads the text only of the other
candidates.  What must hold: the postings read in one piece are Whoosh's own (both block
forms, inlined ones, two segments with deleted documents); answers stay exact; fewer texts
are read; and a searcher another process has outdated is not believed.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.search import SearchIndex, parse_query
from reader.search.analysis import analyze
from reader.search.matching import text_matches
from reader.search.postings import segment_postings
from reader.search.ranking import proof_token
from tests.search.conftest import seed_docs, whooshs_own_index


def _whoosh_postings(reader, token: str) -> tuple[list[int], list[float]]:
    matcher = reader.postings("text", token)
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


def _check_every_word(searcher) -> int:
    checked = 0
    for leaf, _offset in searcher.reader().leaf_readers():
        for token in {t.decode() for t in leaf.lexicon("text")}:
            ids, weights = segment_postings(leaf, "text", token)
            # Deleted documents are left in (never candidates); Whoosh's matcher skips them.
            live = [(d, w) for d, w in zip(ids, weights, strict=True) if not leaf.is_deleted(d)]
            assert live == list(zip(*_whoosh_postings(leaf, token), strict=True)), token
            checked += 1
        assert segment_postings(leaf, "text", "没有这个词语") == ([], [])
    return checked


def test_postings_read_whole_are_whooshs_in_reader_segments(tmp_path):
    docs = seed_docs()
    index = SearchIndex.open(tmp_path)
    index.rebuild(docs[: len(docs) // 2])
    changed = [replace(d, body=d.body + " 网格员") for d in docs[:40]]
    index.update(changed + docs[len(docs) // 2 :], deletes=[d.id for d in docs[40:60]])
    searcher = index._words.searcher()
    assert len(searcher.reader().leaf_readers()) == 2
    assert _check_every_word(searcher) > 1000
    index.close()


def test_postings_read_whole_are_whooshs_in_whooshs_own_segments(tmp_path):
    # Whoosh's own writer: blocks of 128 (a common word spans several), extents as Whoosh
    # records them (read back as a 1-tuple), nothing inlined.
    ix = whooshs_own_index(tmp_path)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        assert reader.doc_frequency("text", "的") > 128
        assert _check_every_word(searcher) > 1000


def test_proof_tokens_are_han_terms_that_are_one_word():
    assert analyze("网格员") == ["网格员"]
    assert proof_token("网格员") == "网格员"
    assert len(analyze("志愿服务")) > 1 and proof_token("志愿服务") is None
    for term in ("网", "LED", "led", "网格员 ", "网格员。", "ａｂｃ"):
        assert proof_token(term) is None, term


def _exact(index: SearchIndex, docs, text: str) -> set[int]:
    root = parse_query(text).root
    return {d.id for d in docs if text_matches(root, (d.title, d.body, d.note))}


def test_proven_articles_are_not_read_and_answers_stay_exact(tmp_path, monkeypatch):
    docs = seed_docs()
    index = SearchIndex.open(tmp_path)
    index.rebuild(docs)
    source = index._store.source
    asked: list[int] = []
    real = source.fields_with

    def counting(term, ids=None):
        asked.extend(ids or [])
        return real(term, ids)

    monkeypatch.setattr(source, "fields_with", counting)
    for text in ("网格员", "党建引领", "志愿服务", "网格员 -党建", "乌兰察布"):
        asked.clear()
        result = index.search(parse_query(text), limit=10_000)
        expected = _exact(index, docs, text)
        assert {h.id for h in result.hits} == expected and result.total == len(expected), text
        if proof_token(parse_query(text).terms[0].text):
            # Only the candidates the words do not prove are read: here, none or few.
            assert len(asked) < len(expected) / 2, text
    index.close()


def test_a_searcher_another_writer_outdated_proves_nothing(tmp_path):
    """Two indexes over one folder stand for the window and a `reader import` beside it."""
    docs = seed_docs()
    window = SearchIndex.open(tmp_path)
    window.rebuild(docs)
    holder = next(d for d in docs if "网格员" in d.body)
    assert holder.id in {h.id for h in window.search(parse_query("网格员"), limit=1000).hits}
    other = SearchIndex.open(tmp_path)
    # Still every pair of the term (网格, 格员), no longer the term: a candidate the pairs
    # cannot rule out, which only the outdated words would prove.
    other.update([replace(holder, title="", body="网格 格员")], [])
    other.close()
    expected = _exact(window, [d for d in docs if d.id != holder.id], "网格员")
    # (`matching_ids` has no last check of the text, as a page of hits has.)
    assert window.matching_ids(parse_query("网格员")) == expected
    result = window.search(parse_query("网格员"), limit=1000)
    assert {h.id for h in result.hits} == expected
    assert result.total == len(expected)
    window.close()


@pytest.mark.parametrize("text", ["网格员", "党建引领 OR 网格员", "网格员 -党建"])
def test_matching_ids_agree_with_search(seed_index, text):
    query = parse_query(text)
    assert seed_index.matching_ids(query) == {
        h.id for h in seed_index.search(query, limit=10_000).hits
    }
