"""Quotation marks are put around a text once."""

from __future__ import annotations

from reader.quotes import quoted, shortened


def test_a_plain_text_is_wrapped_in_the_marks_asked_for():
    assert quoted("灯下黑") == "“灯下黑”"
    assert quoted("第二段", "「」") == "「第二段」"


def test_a_text_that_opens_with_its_own_mark_is_not_wrapped_again():
    assert quoted("“灯下黑”") == "“灯下黑”"
    assert quoted("“红色物业”打造温馨家园") == "“红色物业”打造温馨家园"
    assert quoted("「夜读」", "「」") == "「夜读」"
    assert quoted("“业委会进行换届", "「」") == "「“业委会进行换届」"  # marks of another kind
    assert quoted(" “有空格” ") == "“有空格”"


def test_a_text_holding_the_marks_takes_the_outer_pair():
    assert quoted("在选举“红色业委会”") == "「在选举“红色业委会”」"
    assert quoted("引「原话」后", "「」") == "『引「原话」后』"


def test_shortened_keeps_one_line_and_says_where_it_cut():
    assert shortened("一二\n三四五", 3) == "一二 …"
    assert shortened("一二三", 3) == "一二三"
