"""What searches keep for the next ones (issue 17): whole answers per term
(matching.TermCache) and word postings per searcher (postings.SearchPostings).

The window asks the same terms again at every facet click and sort change; a kept answer
must never outlive a change of the index, whoever makes it.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.search import SearchIndex, parse_query
from reader.search.matching import TermCache, text_matches
from reader.search.postings import SearchPostings
from tests.search.conftest import seed_docs


def _exact(docs, text: str) -> set[int]:
    root = parse_query(text).root
    return {d.id for d in docs if text_matches(root, (d.title, d.body, d.note))}


def _ids(index: SearchIndex, text: str) -> set[int]:
    return {h.id for h in index.search(parse_query(text), limit=10_000).hits}


@pytest.fixture
def counted(tmp_path, monkeypatch):
    """An index of the seed documents, counting its substring lookups."""
    docs = seed_docs()
    index = SearchIndex.open(tmp_path)
    index.rebuild(docs)
    calls: list[str] = []
    real = index._store.find

    def find(term, within=None, proven=None):
        calls.append(term)
        return real(term, within, proven)

    monkeypatch.setattr(index._store, "find", find)
    yield index, docs, calls
    index.close()


def test_a_term_asked_again_is_not_looked_up_again(counted):
    index, docs, calls = counted
    for text in ("网格员", "党建", "志愿服务 -网格员"):
        first = _ids(index, text)
        looked_up = len(calls)
        assert looked_up > 0
        assert _ids(index, text) == first == _exact(docs, text)
        # Matches, then a page of them, as a research search asks.
        assert index.matching_ids(parse_query(text)) == first
        assert len(calls) == looked_up, text
        calls.clear()


def test_forgetting_answers_makes_the_next_search_look_again(counted):
    index, _docs, calls = counted
    first = _ids(index, "网格员")
    calls.clear()
    index.forget_answers()
    assert _ids(index, "网格员") == first
    assert calls == ["网格员"]


def test_an_update_forgets_the_answers_it_changes(counted):
    index, docs, _calls = counted
    holder = next(d for d in docs if "网格员" in d.body)
    before = _ids(index, "网格员")
    assert holder.id in before
    changed = replace(holder, title="", body="网格 格员")
    index.update([changed], [])
    docs = [changed if d.id == holder.id else d for d in docs]
    assert _ids(index, "网格员") == _exact(docs, "网格员") == before - {holder.id}
    added = replace(holder, id=max(d.id for d in docs) + 1, body="新的网格员")
    index.update([added], [])
    assert _ids(index, "网格员") == before - {holder.id} | {added.id}
    index.update([], [added.id])
    assert added.id not in _ids(index, "网格员")
    assert added.id not in index.matching_ids(parse_query("网格员"))


def test_another_writers_change_is_seen(tmp_path):
    docs = seed_docs()
    window = SearchIndex.open(tmp_path)
    window.rebuild(docs)
    before = _ids(window, "党建")
    other = SearchIndex.open(tmp_path)
    extra = replace(docs[0], id=max(d.id for d in docs) + 1, body="党建")
    other.update([extra], [])
    other.close()
    assert _ids(window, "党建") == before | {extra.id}
    assert extra.id in window.matching_ids(parse_query("党建"))
    window.close()


def test_kept_answers_stay_within_their_limit_newest_kept():
    cache = TermCache(limit=10)
    cache.put("a", set(range(4)))
    cache.put("b", set(range(4)))
    assert cache.get("a") == set(range(4))  # now the most recent
    cache.put("c", set(range(4)))
    assert cache.get("b") is None and cache.get("a") is not None and cache.get("c") is not None
    cache.put("huge", set(range(11)))  # larger than the whole limit: not kept
    assert cache.get("huge") is None and cache.get("c") is not None
    cache.clear()
    assert cache.get("a") is None


def test_kept_postings_stay_within_their_limit(seed_index):
    ranker = seed_index._words.ranker()
    leaves = [(leaf.reader, leaf.offset) for leaf in ranker._leaves]
    postings = SearchPostings(leaves, "text", limit=100)
    common = postings.frequencies("的")
    assert len(common) > 100  # kept while it is the newest: its search uses it
    assert postings.frequencies("的") is common
    rare = postings.frequencies("网格员")
    assert postings.frequencies("网格员") is rare
    assert postings.frequencies("的") is not common and postings.frequencies("的") == common
