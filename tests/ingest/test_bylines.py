"""Unit tests of reader.ingest.bylines: bylines, photo credits, signatures, attributions."""

from __future__ import annotations

import pytest

from reader.ingest.bylines import (
    parse_attribution,
    parse_byline,
    parse_photo_credit,
    parse_signature,
)
from reader.models import Author

# --- parse_byline -----------------------------------------------------------------------------

def test_byline_with_box_and_one_name():
    assert parse_byline("□见习记者 杨柳") == [Author("见习记者", "杨柳")]


def test_byline_role_governs_names_until_the_next_role():
    assert parse_byline("□本报记者 陈琳 实习生 高远 韩梅") == [
        Author("本报记者", "陈琳"),
        Author("实习生", "高远"),
        Author("实习生", "韩梅"),
    ]


def test_byline_two_roles_one_name_each():
    assert parse_byline("□本报记者 潘明 通讯员 计芳") == [
        Author("本报记者", "潘明"),
        Author("通讯员", "计芳"),
    ]


def test_byline_padded_names_are_paired_back():
    assert parse_byline("本报记者  张  洋  何昭宇") == [
        Author("本报记者", "张洋"),
        Author("本报记者", "何昭宇"),
    ]


def test_byline_ideographic_spaces_separate_roles_and_names():
    assert parse_byline("□本报记者\u3000王明\u3000通讯员\u3000计芳") == [
        Author("本报记者", "王明"),
        Author("通讯员", "计芳"),
    ]


def test_byline_longest_role_wins():
    # 本报记者, not 记者 with a name 本报.
    assert parse_byline("本报记者 王明") == [Author("本报记者", "王明")]
    assert parse_byline("新华社记者 李贺") == [Author("新华社记者", "李贺")]


def test_byline_name_joined_to_its_role():
    assert parse_byline("记者王迪") == [Author("记者", "王迪")]


def test_byline_transliterated_name_with_middle_dot():
    assert parse_byline("本报记者 阿依古丽·买买提") == [Author("本报记者", "阿依古丽·买买提")]


def test_byline_closing_word_is_not_a_name_but_is_kept_in_the_role():
    # 采访整理 is printed text: it qualifies the role instead of being dropped.
    assert parse_byline("（本报记者王迪采访整理）") == [Author("本报记者采访整理", "王迪")]
    assert parse_byline("（本报记者杨迅采访整理）") == [Author("本报记者采访整理", "杨迅")]
    assert parse_byline("本报记者 王明 报道") == [Author("本报记者报道", "王明")]
    assert parse_byline("（杨迅整理）") == [Author("整理", "杨迅")]
    assert parse_byline("（张三口述）") == [Author("口述", "张三")]


def test_byline_without_role_needs_a_default_role():
    assert parse_byline("宋爽") == []
    assert parse_byline("宋爽", default_role="作者") == [Author("作者", "宋爽")]


@pytest.mark.parametrize("text", [
    "",
    "□",
    "本报记者",
    "本报记者 abc",
    "近日,某旗召开党建工作推进会。",
    "党建引领促发展",
    "本报记者 某旗委组织部全体干部职工",
])
def test_byline_rejects_what_names_nobody(text):
    assert parse_byline(text) == []


# --- parse_photo_credit -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "names"), [
    ("董明 摄", ["董明"]),
    ("本报记者 陈春 摄", ["陈春"]),
    ("新华社记者 李贺 摄", ["李贺"]),
    ("（王五 摄）", ["王五"]),
    ("王五、赵六 摄", ["王五", "赵六"]),
])
def test_photo_credit_names_photographers(text, names):
    assert parse_photo_credit(text) == [Author("摄影", name) for name in names]


@pytest.mark.parametrize("text", ["摄", "2024年 摄", "abc 摄", "图为党员志愿者在社区开展义诊活动 摄"])
def test_photo_credit_rejects_garbage(text):
    assert parse_photo_credit(text) == []


# --- parse_signature --------------------------------------------------------------------------

def test_signature_with_circle_mark():
    assert parse_signature("◎李四") == Author("作者", "李四")


def test_signature_spaces_are_layout():
    assert parse_signature("◎ 郝 佳丽") == Author("作者", "郝佳丽")


@pytest.mark.parametrize("text", ["◎李", "◎abc", "◎李四。", "◎把实事办到群众心坎上的好干部"])
def test_signature_rejects_what_is_not_a_name(text):
    assert parse_signature(text) is None


# --- parse_attribution ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "authors"), [
    ("(本报记者 宋明)", [Author("本报记者", "宋明")]),
    ("（本报记者　郝　明）", [Author("本报记者", "郝明")]),
    ("（郭  帅）", [Author("作者", "郭帅")]),
    ("(雷雷)", [Author("作者", "雷雷")]),
    ("（记者 刘晓 王毅）", [Author("记者", "刘晓"), Author("记者", "王毅")]),
    ("（通讯员 李雷 韩梅梅）", [Author("通讯员", "李雷"), Author("通讯员", "韩梅梅")]),
])
def test_attribution_names_the_authors(text, authors):
    assert parse_attribution(text) == authors


@pytest.mark.parametrize("text", [
    "（作者为某大学教授）",
    "(作者为某大学教授)",
    "（作者系某旗委党校讲师）",
    "（作者单位：某旗委党校）",
    "（图为党员志愿者入户走访）",
    "(来源:共产党员网)",
    "(2024年)",
    "(abc)",
    "（）",
    "（本报评论员）",
])
def test_attribution_rejects_prose_and_garbage(text):
    assert parse_attribution(text) == []


@pytest.mark.parametrize("text", [
    pytest.param("（有删节）", id="youshanjie"),
    pytest.param("（资料图片）", id="ziliaotupian"),
    pytest.param("（完）", id="wan"),
    pytest.param("（待续）", id="daixu"),
    pytest.param("（据新华社电）", id="ju-xinhuashe-dian"),
])
def test_attribution_rejects_editorial_notes(text):
    assert parse_attribution(text) == []
