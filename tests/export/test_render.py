"""The plain-text and Markdown layout of one article, checked character for character."""

from __future__ import annotations

from reader.export.formats import render_article, render_document
from reader.export.options import ExportOptions
from reader.export.render import md_escape
from reader.models import Entry
from tests.export.conftest import highlight, item, make_article

TEXT = "第一段。\n第二段。"


def annotated(**fields):
    return make_article(
        subtitle="引题在此", series="系列一", subheads=("小标题甲", "小标题乙"),
        tags=("党建", "物业"), note="我的笔记",
        highlights=(highlight(TEXT, "第一段", "值得引用", id=1), highlight(TEXT, "第二段", id=2)),
        **fields)


def test_plain_text_has_every_part_in_order():
    assert render_article(item(annotated()), ExportOptions()) == (
        "红色物业暖人心\n"
        "栏目：知行合一 · 系列一\n"
        "引题：引题在此\n"
        "作者：本报记者 宋爽　通讯员 李宝乐\n"
        "出处：约2024年1月 · 先锋 · 知行合一\n"
        "小标题：小标题甲；小标题乙\n"
        "标签：党建、物业\n"
        "\n"
        "第一段。\n"
        "\n"
        "第二段。\n"
        "\n"
        "笔记：我的笔记\n"
        "\n"
        "划线：\n"
        "「第一段」\n"
        "  批注：值得引用\n"
        "「第二段」\n"
        "\n"
        "引用：宋爽, 李宝乐. 红色物业暖人心[N]. [2024-01](先锋).\n"
    )


def test_parts_left_out_are_not_written():
    options = ExportOptions(include=frozenset({"body"}))
    assert render_article(item(annotated()), options) == (
        "红色物业暖人心\n\n第一段。\n\n第二段。\n\n"
        "引用：宋爽, 李宝乐. 红色物业暖人心[N]. [2024-01](先锋).\n"
    )


def test_box_entries_carry_their_sources():
    box = make_article(kind="quotes", title=None, column="每周一学", authors=(), paragraphs=(),
                       entries=(Entry("学习要有恒心。", "共产党员网"), Entry("无出处。")))
    options = ExportOptions(include=frozenset({"body"}))
    assert render_article(item(box), options) == (
        "(无标题)\n\n• 学习要有恒心。\n  ——共产党员网\n\n• 无出处。\n\n"
        "引用：每周一学[N]. [2024-01](先锋).\n"
    )


def test_highlights_only_writes_title_quotes_and_citation():
    options = ExportOptions(include=frozenset({"highlights"}), highlights_only=True)
    assert render_article(item(annotated()), options) == (
        "红色物业暖人心\n\n「第一段」\n  批注：值得引用\n「第二段」\n\n"
        "引用：宋爽, 李宝乐. 红色物业暖人心[N]. [2024-01](先锋).\n"
    )
    assert render_article(item(make_article()), options) is None


def test_an_orphaned_highlight_says_so():
    lost = make_article(highlights=(highlight(TEXT, "第二段", orphaned=True),))
    text = render_article(item(lost), ExportOptions(include=frozenset({"highlights"})))
    assert "「第二段」（此段原文已改动，位置未能确定）" in text


def test_markdown_uses_a_heading_a_list_and_block_quotes():
    assert render_article(item(annotated()), ExportOptions(format="md")) == (
        "# 红色物业暖人心\n"
        "\n"
        "- 栏目：知行合一 · 系列一\n"
        "- 引题：引题在此\n"
        "- 作者：本报记者 宋爽　通讯员 李宝乐\n"
        "- 出处：约2024年1月 · 先锋 · 知行合一\n"
        "- 小标题：小标题甲；小标题乙\n"
        "- 标签：党建、物业\n"
        "\n"
        "第一段。\n"
        "\n"
        "第二段。\n"
        "\n"
        "**笔记：**\n"
        "\n"
        "我的笔记\n"
        "\n"
        "## 划线\n"
        "\n"
        "> 第一段\n"
        ">\n"
        "> 批注：值得引用\n"
        "\n"
        "> 第二段\n"
        "\n"
        "引用：宋爽, 李宝乐. 红色物业暖人心\\[N\\]. \\[2024-01\\](先锋).\n"
    )


def test_markdown_escapes_the_articles_own_text():
    assert md_escape("# 不是标题 *也非强调* [链接](x) <b>") == (
        "\\# 不是标题 \\*也非强调\\* \\[链接\\](x) \\<b\\>")
    assert md_escape("1. 不是列表\n- 也不是\n> 非引用") == "1\\. 不是列表\n\\- 也不是\n\\> 非引用"
    multi = make_article(highlights=(highlight(TEXT, "第一段。\n第二段", "注*一*"),))
    text = render_article(item(multi), ExportOptions(format="md", highlights_only=True))
    assert "> 第一段。\n> 第二段\n>\n> 批注：注\\*一\\*\n" in text


def test_one_file_joins_articles_under_a_heading():
    first, second = make_article(id=1), make_article(id=2, position=2, title="第二篇")
    options = ExportOptions(include=frozenset({"body"}))
    text, count = render_document([item(first), item(second)], options, heading="先锋 · 2024-01")
    cite = "引用：宋爽, 李宝乐. {}[N]. [2024-01](先锋).\n"
    assert count == 2
    assert text == (
        "先锋 · 2024-01\n共 2 篇\n\n" + "=" * 40 + "\n\n"
        "红色物业暖人心\n\n第一段。\n\n第二段。\n\n" + cite.format("红色物业暖人心")
        + "\n" + "=" * 40 + "\n\n"
        "第二篇\n\n第一段。\n\n第二段。\n\n" + cite.format("第二篇")
    )
    md, _ = render_document([item(first), item(second)], options.with_(format="md"), "专题")
    assert md.startswith("# 专题\n\n共 2 篇\n\n---\n\n## 红色物业暖人心\n\n第一段。\n")
    assert "(先锋).\n\n---\n\n## 第二篇\n" in md


def test_markdown_keeps_the_readers_own_markdown_in_the_note():
    noted = make_article(note="要点：\n\n- **网格员**入户\n- 见 [原文](http://example.com)\n")
    text = render_article(item(noted), ExportOptions(format="md", include=frozenset({"note"})))
    assert "**笔记：**\n\n要点：\n\n- **网格员**入户\n- 见 [原文](http://example.com)\n\n引用：" in text
    # the plain-text export is unchanged: the note as typed
    plain = render_article(item(noted), ExportOptions(include=frozenset({"note"})))
    assert "笔记：要点：\n\n- **网格员**入户" in plain
