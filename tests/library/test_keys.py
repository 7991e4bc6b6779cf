"""Stable article keys and the similarity pairing used when a key changed."""

from __future__ import annotations

import hashlib

from reader.library.keys import (
    anchor_of,
    assign_keys,
    base_key,
    pair_by_similarity,
    similarity,
    trigrams,
)
from reader.models import Entry

from .conftest import item, page, sha


def test_key_formula():
    expected = hashlib.sha1("p.txt\narticle\n一二三".encode()).hexdigest()[:16]
    assert base_key("p.txt", "article", "一二三") == expected
    assert len(expected) == 16


def test_anchor_prefers_body_then_title_then_position():
    body = item("标题", ("  第一段 有 空格的文字，" + "字" * 40,))
    assert anchor_of(body, 3) == ("第一段有空格的文字，" + "字" * 40)[:24]
    entries = item(None, (), entries=(Entry("简讯一则。"),))
    assert anchor_of(entries, 0) == "简讯一则。"
    assert anchor_of(item("只有 标题"), 0) == "只有标题"
    assert anchor_of(item(None), 5) == "#5"


def test_whitespace_changes_do_not_change_the_key():
    one = item("题", ("甲乙丙丁戊己庚辛壬癸 子丑寅卯",))
    two = item("题", ("甲乙丙丁戊己庚辛壬癸\n子丑寅卯",))
    assert assign_keys("p.txt", [one]) == assign_keys("p.txt", [two])


def test_duplicate_keys_on_a_page_are_numbered():
    same = item(None)
    twin = item("照片", ("图为活动现场。",), kind="photo")
    keys = assign_keys("p.txt", [twin, twin, twin])
    assert keys[1] == keys[0] + "#2" and keys[2] == keys[0] + "#3"
    assert len(set(assign_keys("p.txt", [same, same]))) == 2


def test_keys_depend_on_source_name_and_kind():
    one = item("题", ("同样的开头文字",))
    assert assign_keys("a.txt", [one]) != assign_keys("b.txt", [one])
    other = item("题", ("同样的开头文字",), kind="commentary")
    assert assign_keys("a.txt", [one]) != assign_keys("a.txt", [other])


def test_a_key_owned_by_another_issue_is_numbered_on(library):
    parsed = page(item("题", ("两个同名文件里开头相同的文章。",)))
    first = library.imports.import_page("/a/page.txt", sha("a"), 1, parsed, 1)
    second = library.imports.import_page("/b/page.txt", sha("b"), 1, parsed, 1)
    key_a = library.articles.in_issue(first.issue_id)[0].key
    key_b = library.articles.in_issue(second.issue_id)[0].key
    assert key_b == key_a + "#2"
    # Re-parsing the second file finds its own article again, not the first file's.
    again = library.imports.import_page("/b/page.txt", sha("b"), 1, parsed, 2)
    assert again.status == "updated"
    assert library.articles.in_issue(second.issue_id)[0].key == key_b
    assert len(library.articles.in_issue(first.issue_id)) == 1


def test_trigram_similarity():
    assert trigrams("甲乙") == {"甲乙"}
    assert trigrams("") == set()
    a = trigrams("乌兰察布市围绕解决基层党建工作突出问题")
    assert similarity(a, a) == 1.0
    assert similarity(a, set()) == 0.0
    assert 0.5 < similarity(a, trigrams("乌兰察布市紧紧围绕解决基层党建工作突出问题")) < 1.0


def test_pairing_takes_best_pairs_first_and_respects_the_threshold():
    text = "乌兰察布市围绕解决基层党建工作突出问题编制了建设书"
    other = "党群关系好党建根基牢联系群众鱼得水脱离群众树断根"
    old = [(10, 0, text), (11, 1, other)]
    new = [(0, "本报讯" + text), (1, "完全不同的一段文字内容在这里出现")]
    assert pair_by_similarity(old, new) == {0: 10}
    # Two equally good candidates: the one at the nearer position wins.
    old = [(20, 0, text), (21, 5, text)]
    assert pair_by_similarity(old, [(4, text)]) == {4: 21}
