"""Highlight anchors: quote with context, re-found after the text moved."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.library.anchoring import CONTEXT, anchor_at, reanchor

TEXT = "党建引领基层治理。" * 3 + "这里是独特的一句话。" + "党建引领基层治理。" * 3


def test_anchor_keeps_context_on_both_sides():
    start = TEXT.index("独特")
    anchor = anchor_at(TEXT, start, start + 2)
    assert anchor.quote == "独特"
    assert anchor.prefix == TEXT[max(0, start - CONTEXT) : start]
    assert anchor.suffix == TEXT[start + 2 : start + 2 + CONTEXT]
    assert anchor_at("短文", 0, 1).prefix == ""


def test_unchanged_offsets_are_kept():
    start = TEXT.index("独特")
    a = anchor_at(TEXT, start, start + 2)
    assert reanchor(TEXT, a.start, a.end, a.quote, a.prefix, a.suffix) == a


def test_moved_quote_is_found_again():
    start = TEXT.index("独特")
    a = anchor_at(TEXT, start, start + 2)
    new = "新加的一段开头。\n" + TEXT
    found = reanchor(new, a.start, a.end, a.quote, a.prefix, a.suffix)
    assert new[found.start : found.end] == "独特"
    assert found.start == start + len("新加的一段开头。\n")


def test_the_occurrence_with_matching_context_wins():
    # The same words occur six times; the context picks the fourth (after 独特的一句话).
    start = TEXT.index("党建引领", TEXT.index("独特"))
    a = anchor_at(TEXT, start, start + 4)
    new = "开头" + TEXT.replace("这里是独特的一句话。", "这里是独特的一句话，")
    found = reanchor(new, a.start, a.end, a.quote, a.prefix, a.suffix)
    assert found.start == new.index("党建引领", new.index("独特"))


def test_a_vanished_quote_is_none():
    assert reanchor("全新的文字", 0, 2, "独特", "", "") is None
    assert reanchor("全新的文字", 0, 0, "", "", "") is None


text_chars = st.text(alphabet="党建引领基层治理，。甲乙丙\n", max_size=80)


@given(before=text_chars, quote=st.text(alphabet="子丑寅卯", min_size=1, max_size=6),
       after=text_chars, inserted=text_chars)
def test_inserting_text_before_a_quote_keeps_it_anchored(before, quote, after, inserted):
    text = before + quote + after
    a = anchor_at(text, len(before), len(before) + len(quote))
    new = inserted + text
    found = reanchor(new, a.start, a.end, a.quote, a.prefix, a.suffix)
    assert found is not None
    assert new[found.start : found.end] == quote
    assert found.start == len(inserted) + len(before)
