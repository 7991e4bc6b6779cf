"""The frequent words' leaders (reader/search/leaders.py) and the pages proven from them
(ranking_leaders.py): every page must be exactly the one ranking every posting gives (same
articles, same order, same scores, same total), on an index of several segments with replaced
and deleted articles, for one word, AND, OR, exclusions and terms of several words, at any
page size; and the leaders must actually answer (not only fall back).

The thresholds are lowered (a word in 8 documents of a segment gets leaders, at least 2 of
them) so that a few hundred articles have many frequent words, ties and fallbacks.
"""

from __future__ import annotations

import logging
import random
from array import array
from collections import Counter

import pytest

from reader.models import IndexDoc
from reader.search import SearchIndex, parse_query, ranking_leaders
from reader.search import leaders as leaders_module
from reader.search import ranking as ranking_module
from reader.search.leaders import SegmentLeaders, choose, decode, encode

#: Words jieba keeps whole (the project's vocabulary), some common, some rare.
WORDS = ["的", "社区", "服务", "党建", "嘎查", "网格", "人才", "培训", "产业", "干部", "党员",
         "物业", "驿站", "红色", "乡村", "牧区"]
FILLER = ["工作", "发展", "建设", "群众", "会议", "活动"]
QUERIES = ["的", "社区", "党建", "嘎查", "驿站", "党员 OR 干部", "社区 -物业", "党建 嘎查",
           "人才 培训", "社区 网格", "红色 驿站", "的 社区 服务", "党建 OR 嘎查 OR 牧区",
           "的 -社区 -服务", "社区 服务 -物业", "党建 干部 OR 人才", "没有"]


def _docs(seed: int, first: int, count: int) -> list[IndexDoc]:
    """Articles of the vocabulary, Zipf-like: word i in a document with chance ~1/(i+1),
    1-6 times; titles repeat a word (the title counts twice); lengths vary with filler."""
    rng = random.Random(seed)
    docs = []
    for n in range(first, first + count):
        parts = []
        for rank, word in enumerate(WORDS):
            if rng.random() < 1.6 / (rank + 1.5):
                parts += [word] * rng.choice([1, 1, 1, 2, 2, 3, 6])
        parts += rng.choices(FILLER, k=rng.choice([0, 2, 5, 20, 60]))
        rng.shuffle(parts)
        title = rng.choice(WORDS[:6]) if rng.random() < 0.3 else ""
        docs.append(IndexDoc(id=n, title=title, body="，".join(parts) or "工作",
                             date=f"20{10 + n % 12:02d}-0{1 + n % 9}-1{n % 10}"))
    return docs


@pytest.fixture(scope="module")
def lowered():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(leaders_module, "MIN_DF", 8)
        patch.setattr(leaders_module, "LEAD_MIN", 2)
        patch.setattr(leaders_module, "LEAD_SHARE", 2)
        patch.setattr(ranking_module, "LEADERS_AMONG", 0)  # filtered searches use them too
        patch.setattr(ranking_leaders, "MANY_MIN", 0)
        yield patch


@pytest.fixture(scope="module")
def index(tmp_path_factory, lowered):
    index = SearchIndex.open(tmp_path_factory.mktemp("leaders"))
    docs = _docs(1, 1, 300)
    index.rebuild(docs)
    # More segments, and replaced and deleted articles in the first.
    index.update(_docs(2, 301, 200) + [IndexDoc(id=d.id, title=d.title, body=d.body + "，社区",
                                                date=d.date) for d in docs[:30]],
                 deletes=[d.id for d in docs[30:50]])
    index.update(_docs(3, 501, 60), deletes=[d.id for d in docs[50:55]])
    assert len(index._words.searcher().reader().leaf_readers()) >= 2
    yield index
    index.close()


class _Counting:
    """LeaderRanking.top counted: how often the leaders proved the page, how often not."""

    def __init__(self, patch) -> None:
        self.proved = self.not_proved = 0
        self.off = False
        original = ranking_leaders.LeaderRanking.top

        def top(ranking, *args, **kwargs):
            if self.off:
                return None
            found = original(ranking, *args, **kwargs)
            if found is None:
                self.not_proved += 1
            else:
                self.proved += 1
            return found

        patch.setattr(ranking_leaders.LeaderRanking, "top", top)


def _page(result):
    return result.total, [(h.id, h.score, h.match, h.snippet) for h in result.hits]


def test_each_segment_has_its_leaders_in_its_compound_file(index):
    folder = index._words.folder
    leaves = [leaf for leaf, _ in index._words.searcher().reader().leaf_readers()]
    read = [SegmentLeaders.read(leaf.storage(), leaf.segment().segment_id()) for leaf in leaves]
    assert all(r is not None and len(r) > 3 for r in read)
    assert list(folder.glob("*.lead")) == []  # packed into the .seg with the rest


@pytest.mark.parametrize("text", QUERIES)
def test_pages_from_the_leaders_are_the_full_rankings(index, monkeypatch, text):
    counting = _Counting(monkeypatch)
    query = parse_query(text)
    everything = index.ids()
    some = set(sorted(everything)[::2])
    for limit, offset in [(1, 0), (3, 0), (20, 0), (10, 15), (60, 0), (1000, 0)]:
        for allowed in (None, everything, some):
            counting.off = False
            index.forget_answers()
            got = index.search(query, allowed=allowed, limit=limit, offset=offset)
            counting.off = True
            index.forget_answers()
            expected = index.search(query, allowed=allowed, limit=limit, offset=offset)
            assert _page(got) == _page(expected), (text, limit, offset, allowed is None)


def test_the_leaders_prove_most_first_pages(index, monkeypatch):
    counting = _Counting(monkeypatch)
    proved = []
    for text in QUERIES[:-1]:
        before = counting.proved
        index.forget_answers()
        index.search(parse_query(text), limit=3)
        if counting.proved > before:
            proved.append(text)
    print(proved)
    assert len(proved) >= 0.6 * len(QUERIES[:-1]), proved
    # One word, one with an exclusion, AND, OR.
    assert {"的", "社区", "社区 -物业", "党建 嘎查", "党员 OR 干部"} <= set(proved), proved


def test_the_cost_of_ranking_from_the_leaders_is_estimated_from_the_term_entries(index):
    """What page_first.first_ask prices a ranking over every article at: a frequent word's
    leaders where it has them (fewer than its postings), several words' at LEAD_COST each,
    a rare word's every posting."""
    words = index._words
    frequency = words.doc_frequency
    postings, cost = words.ranking_cost(("tokens", ("的",)))
    assert postings == frequency("的") and 0 < cost < postings
    both, cost_of_both = words.ranking_cost(("and", (("tokens", ("党建",)), ("tokens", ("嘎查",)))))
    assert both == frequency("党建") + frequency("嘎查")
    assert cost_of_both <= ranking_leaders.LEAD_COST * both
    assert words.ranking_cost(("tokens", ("没有",))) == (0, 0.0)


def test_a_page_the_leaders_cannot_prove_is_ranked_from_every_posting(index, monkeypatch):
    """A page deeper than the leaders reach is not proven; it is still the full ranking."""
    counting = _Counting(monkeypatch)
    query = parse_query("的")
    got = index.search(query, limit=400)
    assert counting.not_proved == 1 and counting.proved == 0
    counting.off = True
    index.forget_answers()
    assert _page(index.search(query, limit=400)) == _page(got)


def test_an_index_without_leaders_is_searched_as_before_until_they_are_written(
        tmp_path, lowered, monkeypatch, caplog):
    """An index written before leaders existed: every posting is read, the pages the same;
    `SearchIndex.write_leaders` (the upgrade) writes each segment's file beside it, after which the
    leaders answer; an unreadable file is logged and searched without."""
    from reader.search import word_writer
    from reader.search.leaders import missing_segments

    monkeypatch.setattr(word_writer, "save_leaders", lambda *args: None)
    index = SearchIndex.open(tmp_path / "old")
    try:
        index.rebuild(_docs(1, 1, 300))
        index.update(_docs(2, 301, 200), deletes=[5, 6, 7])
        monkeypatch.undo()
        counting = _Counting(monkeypatch)
        words = index._words
        queries = [parse_query(text) for text in ("的", "党建 嘎查", "社区 -物业")]
        before = [_page(index.search(query, limit=5)) for query in queries]
        assert counting.proved == 0 and counting.not_proved == 3
        # Without leaders every posting is read, the estimate says so.
        postings, cost = words.ranking_cost(("tokens", ("的",)))
        assert postings == words.doc_frequency("的") == cost
        reader = words.searcher().reader()
        assert len(missing_segments(reader)) == 2
        # Cancelled (or killed) after one segment: the next run does the other.
        seen = []
        assert index.write_leaders(lambda *p: seen.append(p), cancelled=lambda: bool(seen[1:])) == 1
        assert len(missing_segments(words.searcher().reader())) == 1
        seen = []
        assert index.write_leaders(lambda *p: seen.append(p)) == 1
        assert seen[-1][1:] == (seen[-1][0], "indexing") and seen[-1][0] in (200, 300)
        assert missing_segments(words.searcher().reader()) == []
        assert index.write_leaders() == 0
        beside = sorted(words.folder.glob("*.lead"))
        assert len(beside) == 2
        words.forget_searcher()
        index.forget_answers()
        assert [_page(index.search(query, limit=5)) for query in queries] == before
        assert counting.proved == 3
        assert words.ranking_cost(("tokens", ("的",)))[1] < postings
        beside[0].write_bytes(beside[0].read_bytes()[:100])  # cut short
        words.forget_searcher()
        with caplog.at_level(logging.WARNING):
            assert [_page(index.search(query, limit=5)) for query in queries] == before
        assert "unreadable" in caplog.text
        # Whoosh deletes a segment's file with the segment (here: all replaced by one).
        index.rebuild(_docs(1, 1, 100))
        assert list(words.folder.glob("*.lead")) == []
    finally:
        index.close()


def test_leaders_are_whole_pairs_and_the_frontier_bounds_the_rest(lowered):
    rng = random.Random(7)
    codes = bytes(rng.randrange(1, 120) for _ in range(5000))
    docnums = sorted(rng.sample(range(5000), 900))
    weights = [float(rng.choice([1, 1, 1, 2, 2, 3, 4, 9])) for _ in docnums]
    led, led_weights, frontier = choose(docnums, weights, codes, avgdl=40.0)
    pairs = Counter(zip(weights, (codes[d] for d in docnums), strict=True))
    lead_pairs = Counter(zip(led_weights, (codes[d] for d in led), strict=True))
    assert 0 < len(led) < len(docnums)
    assert all(lead_pairs[p] == pairs[p] for p in lead_pairs)  # whole groups
    rest = set(pairs) - set(lead_pairs)
    assert set(frontier) <= rest
    assert all(any(w >= tf and c <= code for w, c in frontier) for tf, code in rest)
    # The frontier's frequencies rise with the length (ranking_leaders._caps relies on it).
    assert [c for _, c in frontier] == sorted(c for _, c in frontier)
    assert [w for w, _ in frontier] == sorted(w for w, _ in frontier)
    entry = decode(encode(led, led_weights, frontier))
    assert entry.docnums == array("I", led) and list(entry.weights) == led_weights
    assert list(entry.frontier) == frontier


def test_a_merged_segment_has_its_leaders_and_the_same_pages(tmp_path, lowered, monkeypatch):
    """A large catch-up's batches are merged into one segment (segment_merge.py): the merged
    segment is written by the same writer, so it carries its own leaders."""
    from reader.search import index_writing as index_module
    from reader.search.leaders import missing_segments

    whole = SearchIndex.open(tmp_path / "whole")
    whole.rebuild(_docs(4, 1, 240))
    queries = [parse_query(text) for text in ("的", "党建 嘎查", "社区 -物业", "党员 OR 干部")]
    expected = [_page(whole.search(query, limit=10)) for query in queries]
    whole.close()
    monkeypatch.setattr(index_module, "BATCH_DOCS", 40)
    index = SearchIndex.open(tmp_path / "batches")
    try:
        index.update(_docs(4, 1, 240), [])
        assert index._words.segment_sizes() == [240]
        reader = index._words.searcher().reader()
        assert missing_segments(reader) == []
        leaf = reader.leaf_readers()[0][0]
        assert len(SegmentLeaders.read(leaf.storage(), leaf.segment().segment_id())) > 3
        counting = _Counting(monkeypatch)
        assert [_page(index.search(query, limit=10)) for query in queries] == expected
        assert counting.proved >= 2
    finally:
        index.close()
