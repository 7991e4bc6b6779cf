"""File names from titles: safe everywhere, length-limited, unique ignoring case."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.export.naming import MAX_NAME_BYTES, NameAllocator, safe_stem


@pytest.mark.parametrize(("title", "stem"), [
    ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j"),
    ("“红色物业”打造温馨家园", "“红色物业”打造温馨家园"),
    ("...隐藏", "隐藏"),
    (" 结尾. ", "结尾"),
    ("tab\there\nnew", "tab here new"),
    ("a\x00\x07b", "a_b"),
    ("CON", "CON_"),
    ("nul.txt", "nul.txt_"),
    ("com1", "com1_"),
    ("CONSOLE", "CONSOLE"),
    ("///", "_"),
    ("...", "未命名"),
    ("", "未命名"),
])
def test_unsafe_characters_and_names_are_replaced(title, stem):
    assert safe_stem(title) == stem


def test_long_titles_are_cut_at_a_character_within_the_byte_budget():
    stem = safe_stem("党" * 100, max_bytes=20)
    assert stem == "党" * 6 and len(stem.encode("utf-8")) <= 20
    name = NameAllocator().allocate("党" * 100, ".txt")
    assert name == "党" * 38 + ".txt" and len(name.encode("utf-8")) == 118


def test_repeats_are_numbered_ignoring_case():
    names = NameAllocator({"Report.md"})
    assert names.allocate("report", ".md") == "report (2).md"
    assert names.allocate("REPORT", ".md") == "REPORT (3).md"
    assert names.allocate("致读者", ".txt") == "致读者.txt"
    assert names.allocate("致读者", ".txt") == "致读者 (2).txt"


def test_a_numbered_long_name_stays_within_the_budget():
    names = NameAllocator()
    first, second = names.allocate("党" * 100, ".txt"), names.allocate("党" * 100, ".txt")
    assert second.endswith(" (2).txt") and second != first
    assert len(second.encode("utf-8")) <= MAX_NAME_BYTES


@given(st.text())
def test_any_title_gives_a_usable_name(title):
    stem = safe_stem(title)
    assert stem and len(stem.encode("utf-8")) <= MAX_NAME_BYTES
    assert not any(c in stem for c in '/\\:*?"<>|') and all(ord(c) >= 32 for c in stem)
    assert not stem.startswith((".", " ")) and not stem.endswith((".", " "))
    assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}


def test_a_cut_that_leaves_a_device_name_is_still_suffixed():
    assert safe_stem("CON" + "." * 200) == "CON_"
    # A device name with an extension is reserved too; the "_" still fits the budget.
    assert safe_stem("CON." + "a" * 200) == "CON." + "a" * 115 + "_"
