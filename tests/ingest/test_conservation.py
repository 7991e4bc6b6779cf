"""Every non-blank input line ends up in exactly one item field or in `unassigned`."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.ingest import parse_page, read_page
from tests.ingest.conservation import check_conservation

ROOT = Path(__file__).parent.parent.parent
PAGES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/eval/pages").glob("*.txt"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_every_page_conserves_its_text(path):
    text = read_page(path)
    page = parse_page(text, source=path.name)
    assert check_conservation(text, page) == []
    assert page.items


def test_checker_notices_a_lost_line():
    text = "标题一行\n\n□本报记者 宋爽\n\n第一段正文写在这里。"
    page = parse_page(text)
    item = page.items[0]
    broken = page.__class__(
        source=None, page_name=None, date=page.date,
        items=(item.__class__(title=item.title, lines=item.lines),),
    )
    assert check_conservation(text, broken)


# Building blocks that look like page lines, so the generator reaches the
# parser's branches rather than producing only one big paragraph.
_PIECES = st.sampled_from([
    "知行合一", "◎观潮", "信息集装箱", "每周一学", "◎五化协同 大抓基层③", "先锋", "致读者",
    "□本报记者 宋爽", "□本报记者 潘佳 通讯员 计蕊", "◎郝佳丽", "董海 摄", "本报记者 陈春艳 摄",
    "●近日,某地开展活动。(本报记者 郝佳丽)", "★学习是一种能力。", "——2018年5月4日,讲话",
    "(来源:共产党员网)", "(雷雷)", "——编者", "扩大监督圈 筑牢“防火墙”", "系统化布局落子有方",
    "人才公寓是一项务实", "举措。", "色教育基地,探索形成特色模式。", "**代办暖民心**  ",
    "## 警地“牵手”为民解忧", "本版编辑：李  明", "新华社北京3月5日电（记者 刘晓 王毅）春天来了。",
    "近日,乌兰察布市四子王旗开展活动,群众反响热烈。", "", "", "\n\n",
])
_LINES = st.one_of(_PIECES, st.text(max_size=60), st.text(alphabet="党建引领,。“”□◎●★—()摄 \n", max_size=40))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_LINES, max_size=40))
def test_any_text_parses_and_conserves(pieces):
    text = "\n\n".join(pieces)
    page = parse_page(text)
    assert check_conservation(text, page) == []


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_unicode_parses_and_conserves(text):
    page = parse_page(text)
    assert check_conservation(text, page) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "一行字",
        "x",
        "<html><body><script>alert(1)</script><p>你好</p></body></html>",
        "\u0000\u0001\ufffd\U0001f600 emoji 🙂 text",
        "".join(chr(b) for b in range(256)),  # a binary file decoded as Latin-1
        string.printable * 20,
    ],
    ids=["empty", "blank", "one-line", "one-char", "html", "controls", "latin1-bytes", "ascii"],
)
def test_odd_input_parses_into_something_sensible(text):
    page = parse_page(text)
    assert check_conservation(text, page) == []
    if text.strip():
        assert page.items or page.unassigned


def test_one_megabyte_paragraph():
    text = "党建引领基层治理," * 120_000  # ~1.1 MB without a line break
    page = parse_page(text)
    assert len(page.items) == 1
    assert page.items[0].paragraphs[0] == text
    assert check_conservation(text, page) == []
