"""A query the word postings prove alone is answered without the set of every match
(searching.py, `_proven_page`; issue 17): the page and the total must be exactly those of
the full evaluation, on an index of two segments with replaced and deleted articles (whose
old grams stay behind as stale rows), for one and two characters, AND and OR, any page."""

from __future__ import annotations

import pytest

from reader.search import parse_query
from reader.search import searching as searching_module
from reader.search.searching import _proven_query
from tests.search.conftest import index_with_stale_rows, total_and_page

PROVEN = ["的", "社区", "服务", "党建", "嘎查", "社区 服务", "党员 OR 干部", "社区 服务 OR 党建",
          "的 OR 网格", "社区 -物业", "的 -社区 -服务", "社区 服务 -物业"]
NOT_PROVEN = ["网格员", "志愿服务", "社区 -网格员", '"党建引领"', "LED", "网格化", "-社区",
              "社区 OR 网格员"]


@pytest.fixture(scope="module")
def updated_index(tmp_path_factory):
    index = index_with_stale_rows(tmp_path_factory.mktemp("proven"), " 社区服务")
    yield index
    index.close()


def test_which_queries_the_postings_prove():
    assert [q for q in PROVEN if _proven_query(parse_query(q).root) is None] == []
    assert [q for q in NOT_PROVEN if _proven_query(parse_query(q).root) is not None] == []


@pytest.mark.parametrize("text", PROVEN)
@pytest.mark.parametrize(("limit", "offset"), [(20, 0), (3, 0), (5, 7), (1000, 0)])
def test_a_proven_query_gives_the_full_evaluations_page_and_total(updated_index, text, limit,
                                                                   offset):
    query = parse_query(text)
    everything = updated_index.ids()
    # `allowed` given (every article): the full evaluation, with its set of matches.
    expected = updated_index.search(query, allowed=everything, limit=limit, offset=offset)
    updated_index.forget_answers()
    got = updated_index.search(query, limit=limit, offset=offset)
    assert total_and_page(got) == total_and_page(expected), text
    assert got.total == len(updated_index.matching_ids(query))


@pytest.mark.parametrize("text", ["的", "社区 服务", "党员 OR 干部", "的 -社区"])
def test_a_proven_query_builds_no_set_of_matches(updated_index, monkeypatch, text):
    def evaluated(*_args, **_kwargs):
        raise AssertionError("the query was evaluated over sets of ids")

    updated_index.forget_answers()
    monkeypatch.setattr(searching_module, "evaluate", evaluated)
    result = updated_index.search(parse_query(text), limit=20)
    assert len(result.hits) == 20 and result.total > 20


def test_fewer_word_hits_than_the_page_falls_back_to_the_full_evaluation(updated_index):
    # 区 is in every article holding 社区, but as a word hardly anywhere: the page is made
    # of substring hits, which only the full evaluation ranks.
    query = parse_query("区")
    expected = updated_index.search(query, allowed=updated_index.ids(), limit=30)
    updated_index.forget_answers()
    got = updated_index.search(query, limit=30)
    assert total_and_page(got) == total_and_page(expected)
    assert any(h.match == "substring" for h in got.hits)
