"""The page before the exact total (page_first.py; issue 17): a long term's page is found
among the best word hits, each checked against its text, and must be EXACTLY the page the
full evaluation gives (ids, order, scores, match kinds, snippets), on an index of two
segments with replaced and deleted articles (stale grams rows) and notes, for exclusions,
AND and OR, any page; when the word hits hold too few, the full evaluation answers."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.models import IndexDoc
from reader.search import SearchIndex, parse_query
from reader.search import page_first as page_first_module
from reader.search import searching as searching_module
from tests.search.conftest import index_with_stale_rows, make_index

#: Queries the pairs index cannot answer alone (a term of 3+ characters, or one that is not
#: one word): page first.
LONG = ["网格员", "志愿服务", '"党建引领"', "基层治理", "党群服务中心", "网格员 社区",
        "网格员 -社区", "社区 -网格员", "志愿服务 OR 网格员", "网格员 OR 志愿服务 -物业",
        "NOT 嘎查 网格员", "服务中心 OR 网格化", "社区 网格员 OR 楼栋长"]
PAGES = [(20, 0), (3, 0), (5, 7), (1000, 0)]


@pytest.fixture(scope="module")
def updated_index(tmp_path_factory):
    index = index_with_stale_rows(tmp_path_factory.mktemp("page-first"), " 网格员服务")
    yield index
    index.close()


def _page(result):
    return [(h.id, round(h.score, 9), h.match, h.snippet) for h in result.hits]


def _full(index: SearchIndex, text: str, limit: int, offset: int):
    """The full evaluation (every article allowed: the set of matches is built)."""
    index.forget_answers()
    return index.search(parse_query(text), allowed=index.ids(), limit=limit, offset=offset)


@pytest.mark.parametrize("text", LONG)
@pytest.mark.parametrize(("limit", "offset"), PAGES)
def test_the_first_page_is_the_full_evaluations_page(updated_index, text, limit, offset):
    expected = _full(updated_index, text, limit, offset)
    updated_index.forget_answers()
    got = updated_index.search(parse_query(text), limit=limit, offset=offset, page_first=True)
    assert _page(got) == _page(expected), text
    if got.total_exact:
        assert got.total == expected.total
    else:  # an upper bound: the articles holding the terms' pairs
        assert got.total >= expected.total and len(got.hits) == limit


def test_long_terms_come_page_first_and_a_large_page_falls_back(updated_index):
    taken = [text for text in LONG
             if not updated_index.search(parse_query(text), limit=3,
                                         page_first=True).total_exact]
    # Those whose best word hits hold three matches (the others fall back, exactly).
    assert {"网格员", "志愿服务", "基层治理", "网格员 社区", "网格员 -社区",
            "志愿服务 OR 网格员"} <= set(taken)
    # More than the word hits: the page needs substring hits, the full evaluation's.
    assert updated_index.search(parse_query("网格员"), limit=1000, page_first=True).total_exact
    # Without page_first (the CLI, Session.search) the total is always counted.
    assert updated_index.search(parse_query("网格员"), limit=3).total_exact


def test_a_page_first_reads_only_the_candidates_it_shows(updated_index, monkeypatch):
    def evaluated(*_args, **_kwargs):
        raise AssertionError("the query was evaluated over sets of ids")

    checked: list[int] = []
    fields_with = updated_index._store.fields_with

    def counting(term, ids=None):
        assert ids is not None, "every article's text was read"
        checked.append(len(ids))
        return fields_with(term, ids)

    updated_index.forget_answers()
    monkeypatch.setattr(searching_module, "evaluate", evaluated)
    monkeypatch.setattr(updated_index._store, "fields_with", counting)
    result = updated_index.search(parse_query("网格员"), limit=5, page_first=True)
    assert len(result.hits) == 5 and not result.total_exact
    assert checked and sum(checked) <= page_first_module.FIRST_ASK
    # The exact total, when asked for, is the full evaluation's.
    monkeypatch.undo()
    assert len(updated_index.matching_ids(parse_query("网格员"))) == \
        _full(updated_index, "网格员", 5, 0).total <= result.total


def test_more_word_hits_are_asked_for_while_too_few_hold(tmp_path, monkeypatch):
    # 志愿服务 is two words to jieba (志愿, 服务): the best word hits hold both words apart,
    # not the term; the first ask finds no match, the next one does.
    apart = [IndexDoc(id=n, title="志愿 服务", body="志愿 服务 志愿 服务", date="2024-05-01")
             for n in range(1, 41)]
    held = [IndexDoc(id=100 + n, title="", body="一名网格员在社区里走了很久很久的路，做志愿服务。"
                     * 3, date="2024-01-01") for n in range(6)]
    index = make_index(tmp_path, apart + held)
    asked: list[int] = []
    top = index._searching.words.top

    def counting(tree, among, limit, *args):
        asked.append(limit)
        return top(tree, among, limit, *args)

    # Six candidates: checking them all is the cheaper way (page_first.first_ask); asked
    # for the page first all the same, the asks grow until it holds.
    assert index.search(parse_query("志愿服务"), limit=3, page_first=True).total_exact
    monkeypatch.setattr(searching_module, "first_ask", lambda costs, wanted: 20)
    monkeypatch.setattr(index._searching.words, "top", counting)
    got = index.search(parse_query("志愿服务"), limit=3, page_first=True)
    monkeypatch.undo()
    assert asked[:2] == [page_first_module.FIRST_ASK, page_first_module.FIRST_ASK
                         * page_first_module.GROWTH]
    assert not got.total_exact and {h.id for h in got.hits} <= {h.id for h in held}
    assert _page(got) == _page(_full(index, "志愿服务", 3, 0))
    index.close()


# -- generated libraries ------------------------------------------------------------------------

#: Words jieba keeps whole, and pieces of them, so that terms are words, parts of words
#: and runs over word boundaries.
WORDS = ["网格员", "社区", "志愿服务", "党建引领", "基层治理", "物业", "楼栋长", "嘎查",
         "服务中心", "网格", "志愿", "服务", "党建", "治理", "员工", "中心"]
TERMS = ["网格员", "志愿服务", "基层治理", "楼栋长", "服务中心", "格员", "愿服务", "社区",
         "物业", "网格", "党建引领基层"]


@st.composite
def libraries(draw):
    count = draw(st.integers(15, 50))
    texts = st.lists(st.sampled_from(WORDS + ["，", "。", "的"]), min_size=0, max_size=30)
    docs = []
    for n in range(1, count + 1):
        note = "".join(draw(texts)) if draw(st.integers(0, 5)) == 0 else None
        docs.append(IndexDoc(id=n, title="".join(draw(texts))[:12], body="".join(draw(texts)),
                             note=note, date=f"2024-0{draw(st.integers(1, 9))}-01"))
    changed = draw(st.lists(st.integers(1, count), max_size=6, unique=True))
    deleted = draw(st.lists(st.integers(1, count), max_size=4, unique=True))
    replaced = [replace(docs[n - 1], body="".join(draw(texts))) for n in changed
                if n not in deleted]
    return docs, replaced, deleted


@st.composite
def queries(draw):
    term = st.sampled_from(TERMS)
    # Mostly one term (a page can be filled), some AND, OR and exclusions.
    size = draw(st.sampled_from([1, 1, 1, 2]))
    text = " ".join(draw(st.lists(term, min_size=size, max_size=size, unique=True)))
    if draw(st.integers(0, 3)) == 0:
        text += " OR " + draw(term)
    if draw(st.integers(0, 2)) == 0:
        text += " -" + draw(term)
    return text


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(library=libraries(), text=queries(), limit=st.integers(1, 5), offset=st.integers(0, 4))
def test_generated_libraries_give_the_full_evaluations_page(tmp_path_factory, library, text,
                                                            limit, offset):
    docs, replaced, deleted = library
    index = make_index(tmp_path_factory.mktemp("generated"), docs)
    try:
        index.update(replaced, deleted)
        expected = _full(index, text, limit, offset)
        index.forget_answers()
        got = index.search(parse_query(text), limit=limit, offset=offset, page_first=True)
        assert _page(got) == _page(expected)
        assert got.total == expected.total if got.total_exact else got.total >= expected.total
    finally:
        index.close()


def test_a_rare_phrase_of_common_words_is_checked_in_full_at_once(tmp_path, monkeypatch):
    # Every article holds 人民政府 and 举行 as words, one the phrase: ranking all their
    # postings would cost more than checking the one candidate (page_first.first_ask).
    docs = [IndexDoc(id=n, title="", body="人民政府，会议。举行活动。", date="2024-02-01")
            for n in range(1, 61)]
    docs.append(IndexDoc(id=99, title="", body="人民政府举行会议。", date="2024-03-01"))
    index = make_index(tmp_path, docs)
    everywhere: list[int] = []
    top = index._searching.words.top

    def recording(tree, among, limit, *args):
        if among is None:
            everywhere.append(limit)
        return top(tree, among, limit, *args)

    monkeypatch.setattr(index._searching.words, "top", recording)
    got = index.search(parse_query("人民政府举行"), limit=3, page_first=True)
    assert everywhere == [] and got.total_exact and [h.id for h in got.hits] == [99]
    index.close()


def _costs(candidates, postings, ranking, hits, proven=False):
    return page_first_module.Costs(candidates, postings, ranking, hits, proven)


def test_the_cheaper_way_is_priced_per_query():
    first_ask = page_first_module.first_ask
    # Fewer candidates than the page: the word hits cannot hold enough of them.
    assert first_ask(_costs(3, 457_553, 49_383, 48), 20) is None
    assert first_ask(_costs(3, 60, 60, 3, proven=True), 3) == 20
    # Measured at 1M: "人民政府举行" (44 candidates among ~50,000 word hits) is checked in
    # full; "网格化治理" (6,177 candidates, its words ranked from their leaders) and
    # 志愿服务 come page first, though their words have many postings.
    assert first_ask(_costs(44, 108_412, 54_069, 50_123), 20) is None
    assert first_ask(_costs(6_177, 179_007, 24_129, 6_187), 20) == 26
    assert first_ask(_costs(55_529, 437_614, 71_715, 73_306), 20) == 34
    # Without leaders the words' every posting is the ranking's cost, either way.
    assert first_ask(_costs(6_177, 179_007, 179_007, 6_187), 20) is not None
    assert first_ask(_costs(200, 179_007, 179_007, 150_000), 20) is None
    # Where one word hit in four is expected to hold, twice the page is asked for first
    # (the best hold more often than the rest); where each term is a word, every hit holds.
    assert first_ask(_costs(25_135, 225_121, 83_958, 92_220), 20) == 50
    assert first_ask(_costs(8_100, 215_581, 39_948, 38_546, proven=True), 20) == 25
    # A larger page asks for itself at least; past MOST_CHECKED expected checks, never.
    assert first_ask(_costs(25_135, 225_121, 83_958, 92_220), 500) == 1250
    assert first_ask(_costs(25_135, 10**7, 83_958, 92_220), 2000) is None


def test_first_ranked_asks_from_the_first_ask_and_grows():
    ranked = [(n, 100.0 - n) for n in range(1, 1001)]  # one total order, best first
    asked: list[int] = []

    def top(n):
        asked.append(n)
        return ranked[:n]

    def one_in_ten(term, ids):
        return {i: 2 for i in ids if i % 10 == 0}

    root = parse_query("网格员").root
    got = page_first_module.first_ranked(root, 5, top, one_in_ten, first=30)
    assert got == [(i, 100.0 - i) for i in (10, 20, 30, 40, 50)]
    assert asked == [30, 30 * page_first_module.GROWTH]
    asked.clear()
    # Fewer word hits than asked for: every one was seen, none is the page.
    assert page_first_module.first_ranked(root, 200, top, one_in_ten, first=30) is None
    assert asked == [200, 800, 3200]
