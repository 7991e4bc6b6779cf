"""Full-width punctuation in display (issue 19): where it converts, where it does not, and that
the shown text is as long as the stored one, character for character."""

from __future__ import annotations

import pytest

from reader.ui.punctuation import full_width


@pytest.mark.parametrize(("stored", "shown"), [
    ("我们,他们:好!", "我们，他们：好！"),
    ("真的吗?是的;走", "真的吗？是的；走"),
    ("”,他说", "”，他说"),  # after a closing quote, before an ideograph
    ("见(第5版)", "见（第5版）"),
    ("(1)我们", "（1）我们"),  # the pair changes together, never half
    ("时间:12:30", "时间：12:30"),  # the clock keeps its colon
    ("3,000元", "3,000元"),
    ("Hello, world! (ok)", "Hello, world! (ok)"),
    ("网址 http://x.cn/a,b 见", "网址 http://x.cn/a,b 见"),
    ("f(a,b) 函数", "f(a,b) 函数"),
])
def test_only_punctuation_in_chinese_is_converted(stored, shown):
    assert full_width(stored) == shown


def test_one_character_for_one():
    text = "科尔沁镇平安村,一栋栋蔬菜大棚(新建)拔地而起!12:30,Hello, world."
    shown = full_width(text)
    assert len(shown) == len(text)
    changed = [(a, b) for a, b in zip(text, shown, strict=True) if a != b]
    assert changed == [(",", "，"), ("(", "（"), (")", "）"), ("!", "！")]  # not "30,Hello"
