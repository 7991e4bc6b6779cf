"""How hits are marked and ordered: word, then substring, then note; BM25F; counts; dates."""

from __future__ import annotations

import pytest

from reader.models import IndexDoc
from reader.search import parse_query

from .conftest import make_index

DOCS = [
    IndexDoc(id=1, title="社区治理", body="社区设立网格员三名。", date="2024-01-05"),
    IndexDoc(id=2, title="划分网格", body="把社区划分为十个网格。", date="2024-02-01"),
    IndexDoc(
        id=3, title="网格化", body="全面推行网格化管理，网格化管理，网格化管理。", date="2023-05"
    ),
    IndexDoc(
        id=4, title="无关", body="今天天气很好。", note="网格员的做法值得学习", date="2025-01"
    ),
    IndexDoc(id=5, title="嘎查新事", body="牧民来到嘎查。", date="2022-01-01"),
    IndexDoc(id=6, title="牧区", body="牧民来到嘎查。", date="2022-01-01"),
    IndexDoc(id=7, title="牧区", body="牧民来到嘎查。", date="2024-06-01"),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    index = make_index(tmp_path_factory.mktemp("ranking"), DOCS)
    yield index
    index.close()


def ranked(index, text, **kwargs):
    return [(h.id, h.match) for h in index.search(parse_query(text), **kwargs).hits]


def test_a_dictionary_word_matches_as_a_word(index):
    assert ranked(index, "网格员") == [(1, "word"), (4, "note")]


def test_part_of_a_word_matches_as_a_substring_after_the_word_matches(index):
    # 网格 is a token in doc 2 only; inside 网格员 and 网格化 it is a substring.
    hits = ranked(index, "网格")
    assert hits[0] == (2, "word")
    assert set(hits[1:3]) == {(3, "substring"), (1, "substring")}
    assert hits[3] == (4, "note")


def test_substring_hits_are_ordered_by_occurrences(index):
    hits = ranked(index, "网格")
    assert [doc_id for doc_id, match in hits if match == "substring"] == [3, 1]


def test_note_only_hits_are_marked_note_and_come_last(index):
    result = index.search(parse_query("网格员"))
    assert result.hits[-1].id == 4 and result.hits[-1].match == "note"
    assert "【网格员】" in result.hits[-1].snippet


def test_title_matches_rank_higher(index):
    hits = ranked(index, "嘎查")
    assert hits[0] == (5, "word")  # 嘎查 in the title and the body


def test_ties_go_to_the_newest(index):
    hits = ranked(index, "牧民 嘎查")
    assert [doc_id for doc_id, _ in hits][-2:] == [7, 6]


def test_scores_are_bm25f_for_words_and_counts_for_substrings(index):
    result = index.search(parse_query("网格"))
    by_id = {h.id: h for h in result.hits}
    assert by_id[2].score > 0
    assert by_id[3].score == 3 * 1 + 3.0  # TITLE_WEIGHT × one title hit + three body hits
    assert by_id[1].score == 1.0
    assert by_id[4].score == 1.0  # one occurrence in the note


def test_title_occurrences_weigh_more_for_substrings(tmp_path):
    docs = [
        IndexDoc(id=1, title="无关", body="格员格员"),
        IndexDoc(id=2, title="格员", body="格员"),
    ]
    index = make_index(tmp_path, docs)
    assert [h.id for h in index.search(parse_query("格员")).hits] == [2, 1]
    index.close()


def test_pages_concatenate_to_the_full_ranking(index):
    full = ranked(index, "网格 OR 嘎查", limit=50)
    pages = [ranked(index, "网格 OR 嘎查", limit=2, offset=k) for k in range(0, len(full), 2)]
    assert [hit for page in pages for hit in page] == full


def test_total_counts_every_match_not_the_page(index):
    result = index.search(parse_query("网格 OR 嘎查"), limit=2)
    assert result.total == 7 and len(result.hits) == 2


def test_allowed_restricts_and_total_follows(index):
    result = index.search(parse_query("网格"), allowed={1, 4, 99})
    assert [(h.id, h.match) for h in result.hits] == [(1, "substring"), (4, "note")]
    assert result.total == 2


def test_filters_only_list_allowed_articles_newest_first(index):
    result = index.search(parse_query("tag:x"), allowed={1, 2, 3, 99})
    assert [(h.id, h.match, h.score) for h in result.hits] == [
        (2, "filter", 0.0),
        (1, "filter", 0.0),
        (3, "filter", 0.0),
    ]
    assert result.total == 3
    assert result.hits[0].snippet.startswith("把社区")


def test_exclusions_only_list_the_rest_newest_first(index):
    result = index.search(parse_query("-嘎查"))
    assert [h.id for h in result.hits] == [4, 2, 1, 3]
    assert {h.match for h in result.hits} == {"filter"}


def test_an_empty_query_finds_nothing(index):
    result = index.search(parse_query("   "))
    assert result.total == 0 and result.hits == []


def test_notices_are_passed_through(index):
    result = index.search(parse_query('网格员 "嘎查'))
    assert [str(n) for n in result.notices] == [
        "Unbalanced quote ignored; searched for the words instead."]
    assert result.total == 0  # 网格员 AND 嘎查: no article has both
