"""The query language: words, OR, exclusions, phrases, filters, and forgiving fallbacks."""

from __future__ import annotations

import pytest

from reader.search import And, Filter, Not, Or, Term, date_bounds, date_matches, parse_query
from reader.search.query import FILTER_NAMES


def parsed(text):
    q = parse_query(text)
    return q.root, list(q.filters), [str(n) for n in q.notices]


def test_words_are_anded():
    assert parsed("网格员 嘎查") == (And((Term("网格员"), Term("嘎查"))), [], [])


def test_a_single_word():
    assert parsed("  网格员　") == (Term("网格员"), [], [])  # ideographic space too


def test_or_joins_its_neighbours_and_binds_tighter_than_and():
    root, _, notices = parsed("党建 网格员 OR 楼栋长 OR 嘎查")
    assert root == And((Term("党建"), Or((Term("网格员"), Term("楼栋长"), Term("嘎查")))))
    assert notices == []


def test_lowercase_or_is_a_word():
    assert parsed("a or b")[0] == And((Term("a"), Term("or"), Term("b")))


def test_minus_and_not_exclude():
    assert parsed("党建 -物业")[0] == And((Term("党建"), Not(Term("物业"))))
    assert parsed("党建 NOT 物业")[0] == And((Term("党建"), Not(Term("物业"))))
    assert parsed("党建 －物业")[0] == And((Term("党建"), Not(Term("物业"))))


def test_a_hyphen_inside_a_word_is_text():
    assert parsed("COVID-19 2024-01")[0] == And((Term("COVID-19"), Term("2024-01")))


def test_quoted_phrases_keep_spaces_and_operators():
    assert parsed('"党建引领  基层" "OR" -"红色 物业"')[0] == And(
        (
            Term("党建引领 基层", phrase=True),
            Term("OR", phrase=True),
            Not(Term("红色 物业", phrase=True)),
        )
    )


def test_full_width_quotes():
    assert parsed("“红色业委会”激活")[0] == And((Term("红色业委会", phrase=True), Term("激活")))
    assert parsed("＂网格员＂")[0] == Term("网格员", phrase=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tag:红色物业", Filter("tag", "红色物业")),
        ('tag:"红色 物业"', Filter("tag", "红色 物业")),
        ("tag:“红色 物业”", Filter("tag", "红色 物业")),
        ("author:宋爽", Filter("author", "宋爽")),
        ("author：宋爽", Filter("author", "宋爽")),
        ("作者：宋爽", Filter("author", "宋爽")),
        ("column:知行合一", Filter("column", "知行合一")),
        ("栏目:知行合一", Filter("column", "知行合一")),
        ("标签:党建", Filter("tag", "党建")),
        ("kind:commentary", Filter("kind", "commentary")),
        ("Kind:Photo", Filter("kind", "photo")),
        ("kind:评论", Filter("kind", "commentary")),
        ("has:笔记", Filter("has", "note")),
        ("issue:12", Filter("issue", "12")),
        ("issue:007", Filter("issue", "7")),
        ("date:2024", Filter("date", "2024")),
        ("date:2024-1", Filter("date", "2024-01")),
        ("date:2024-01", Filter("date", "2024-01")),
        ("date:2024/01/06", Filter("date", "2024-01-06")),
        ("日期:2024.01", Filter("date", "2024-01")),
        ("date:2024-01..2024-06", Filter("date", "2024-01..2024-06")),
        ("date:2021..2024-06-30", Filter("date", "2021..2024-06-30")),
        ("date:2024..", Filter("date", "2024..")),
        ("date:..2024-06", Filter("date", "..2024-06")),
        ("has:note", Filter("has", "note")),
        ("has:notes", Filter("has", "note")),
        ("has:highlight", Filter("has", "highlight")),
        ("-tag:草稿", Filter("tag", "草稿", negated=True)),
        ("NOT tag:草稿", Filter("tag", "草稿", negated=True)),
    ],
)
def test_each_filter(text, expected):
    root, filters, notices = parsed(text)
    assert (root, filters, notices) == (None, [expected], [])


def test_filters_and_words_together():
    q = parse_query('网格员 tag:"红色 物业" date:2024 -嘎查')
    assert q.root == And((Term("网格员"), Not(Term("嘎查"))))
    assert q.filters == (Filter("tag", "红色 物业"), Filter("date", "2024"))
    assert q.terms == (Term("网格员"),)


def test_a_query_of_filters_only_is_valid():
    q = parse_query("tag:a has:note")
    assert q.root is None and len(q.filters) == 2 and q.notices == () and not q.is_empty


def test_a_colon_after_other_text_is_text():
    assert parsed("记者：宋爽 10:30")[0] == And((Term("记者：宋爽"), Term("10:30")))
    assert parsed("记者：宋爽")[2] == []


@pytest.mark.parametrize(
    ("text", "root", "notice"),
    [
        (
            '"党建 引领',
            And((Term("党建"), Term("引领"))),
            "Unbalanced quote ignored; searched for the words instead.",
        ),
        ("“党建", Term("党建"), "Unbalanced quote ignored; searched for the words instead."),
        ("OR 党建", Term("党建"), "“OR” needs a word on both sides; it was ignored."),
        ("党建 OR", Term("党建"), "“OR” needs a word on both sides; it was ignored."),
        (
            "党建 OR OR 引领",
            And((Term("党建"), Term("引领"))),
            "“OR” needs a word on both sides; it was ignored.",
        ),
        ("党建 NOT", Term("党建"), "“NOT” needs a word after it; it was ignored."),
        (
            "- 党建",
            Term("党建"),
            "A lone “-” was ignored; put it right before the word to exclude.",
        ),
        (
            "党建 -",
            Term("党建"),
            "A lone “-” was ignored; put it right before the word to exclude.",
        ),
        ('党建 ""', Term("党建"), "Empty quotes were ignored."),
        ("AND 党建", Term("党建"), "“AND” needs a word on both sides; it was ignored."),
        ("tag:a OR tag:b", None, "OR joins words, not filters; all filters apply."),
    ],
)
def test_malformed_syntax_falls_back_with_a_notice(text, root, notice):
    got_root, _, notices = parsed(text)
    assert got_root == root
    assert notice in notices


@pytest.mark.parametrize(
    "text",
    [
        "foo:bar",
        "date:2024-13",
        "date:2024-02-30",
        "date:24",
        "date:2024-06..2024-01",
        "date:..",
        "issue:abc",
        "issue:0",
        "kind:story",
        "has:tags",
        "tag:",
    ],
)
def test_a_bad_filter_is_searched_as_text_with_a_notice(text):
    root, filters, notices = parsed(text)
    assert root == Term(text) and filters == []
    assert len(notices) == 1 and f"searched for “{text}” as text instead." in notices[0]


def test_and_between_words_is_allowed():
    assert parsed("党建 AND 引领") == (And((Term("党建"), Term("引领"))), [], [])


def test_every_notice_is_one_sentence():
    q = parse_query('"a OR -  NOT foo:x date:2024-13 tag: ""')
    assert q.notices
    for notice in map(str, q.notices):
        assert notice.endswith(".") and notice.count(". ") == 0


def test_terms_are_the_positive_leaves_in_order_without_duplicates():
    q = parse_query('嘎查 "网格员" OR 苏木 -物业 嘎查')
    assert q.terms == (Term("嘎查"), Term("网格员", phrase=True), Term("苏木"))


def test_filter_names():
    assert set(FILTER_NAMES) == {"tag", "author", "column", "kind", "issue", "date", "has", "is",
                                 "paper", "page", "title", "note"}


@pytest.mark.parametrize(
    ("value", "date", "expected"),
    [
        ("2024", "2024-03-05", True),
        ("2024", "2023-12-31", False),
        ("2024-01", "2024-01", True),
        ("2024-01", "2024", True),  # a year-precision issue may be in January
        ("2024-01-15", "2024-01", True),
        ("2024-01..2024-06", "2024-06-30", True),
        ("2024-01..2024-06", "2024-07-01", False),
        ("2024-01..2024-06", "2023-12", False),
        ("2024..", "2030-01-01", True),
        ("..2024-06", "2024-07", False),
        ("..2024-06", "1999", True),
        ("2024", None, False),
    ],
)
def test_date_matches(value, date, expected):
    assert date_matches(value, date) is expected


def test_date_bounds():
    assert date_bounds("2024-02") == ("2024-02-01", "2024-02-31")
    assert date_bounds("2024..") == ("2024-01-01", None)
    assert date_bounds("..2024-06") == (None, "2024-06-31")


def test_filter_tokens_are_the_valid_filters_as_typed():
    from reader.search.query import filter_tokens

    text = '网格 tag:"红色 物业" -kind:photo foo:bar 日期：2024 date:2024-13'
    assert filter_tokens(text) == ['tag:"红色 物业"', "-kind:photo", "日期：2024"]
