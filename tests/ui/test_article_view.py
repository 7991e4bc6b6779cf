"""The article pane: escaped HTML, typography, defects, zoom, theme and hit stepping."""

from __future__ import annotations

from reader.models import ArticleRecord, Author, Entry
from reader.ui.article_view import BASE_POINT_SIZE, DARK, ArticleView, article_html

HOSTILE = ("<script>alert(1)</script>", "<img src=file:///etc/passwd>", "&lt;")


def make_article(**fields) -> ArticleRecord:
    values = dict(
        id=1, key="k", issue_id=1, position=0, kind="article", column="视点", series="系列",
        title="乌兰察布破解“灯下黑”", subtitle="引题在此",
        authors=(Author("本报记者", "张洋"), Author("摄影", "卢兵兵")),
        subheads=("系统化布局",), paragraphs=("第一段网格员的故事。", "第二段，网格化管理。"),
        entries=(), defects=("opening lost", "joined split paragraph", "joined split paragraph",
                             "interleaved with 另一篇"),
        issue_title="先锋 · 2024-01", date="2024-01", date_precision="month",
    )
    values.update(fields)
    return ArticleRecord(**values)


def test_every_field_is_escaped_and_shown_literally(qtbot):
    article = make_article(
        title=HOSTILE[0], subtitle=HOSTILE[1], column=HOSTILE[2],
        authors=(Author("记者", "<b>名</b>"),),
        paragraphs=HOSTILE, entries=(Entry("<i>x</i>", "<u>来源</u>"),),
        subheads=("<h1>小标题</h1>",),
    )
    markup = article_html(article, terms=["script", "lt"])
    assert "<script>" not in markup and "<img" not in markup and "<b>名" not in markup
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(article, terms=["script", "lt"])
    text = view.toPlainText()
    for line in HOSTILE:
        assert line in text
    assert "<b>名</b>" in text and "<i>x</i>" in text and "<u>来源</u>" in text
    assert "<h1>小标题</h1>" in text


def test_pane_shows_label_kicker_title_byline_body_credit_and_defects(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(make_article())
    text = view.toPlainText()
    for expected in ("视点 · 系列", "引题在此", "乌兰察布破解“灯下黑”", "本报记者 张洋",
                     "系统化布局", "第一段网格员的故事。", "卢兵兵 摄"):
        assert expected in text
    assert "提取问题：开头缺失；段落已拼接；与他文穿插" in text


def test_briefs_show_entries_with_their_sources(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(make_article(kind="briefs", title=None, paragraphs=(),
                                   entries=(Entry("一条简讯。", "乌利娅苏"),), defects=()))
    text = view.toPlainText()
    assert "一条简讯。" in text and "——乌利娅苏" in text and "(无标题)" in text
    assert "提取问题" not in text


def test_typography_uses_cjk_fonts_and_line_height():
    markup = article_html(make_article())
    assert '"Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", serif' in markup
    assert "line-height: 118%" in markup  # of Noto CJK's own ~1.45em spacing


def test_hits_are_marked_after_escaping_and_stepped_through(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    article = make_article(paragraphs=("网格 <网格> 网格员",))
    markup = article_html(article, terms=["网格"])
    assert markup.count("background-color: #ffe27a") == 3
    assert "&lt;<span" in markup
    view.show_article(article, terms=["网格", "网格员"])
    assert view.hit_count == 3
    with qtbot.waitSignal(view.hit_changed) as signal:
        assert view.next_hit()
    assert signal.args == [1, 3]
    assert view.textCursor().selectedText() == "网格"
    view.next_hit()
    view.next_hit()
    assert view.textCursor().selectedText() == "网格员"
    view.next_hit()
    assert view.current_hit == 1
    view.previous_hit()
    assert view.current_hit == 3


def test_zoom_changes_the_base_size_within_limits_and_theme_switches(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(make_article())
    view.set_zoom(2)
    assert view.point_size == BASE_POINT_SIZE + 2
    assert f"font-size: {BASE_POINT_SIZE + 2:.1f}pt" in article_html(
        view.article, point_size=view.point_size)
    view.set_zoom(99)
    assert view.zoom == 14
    view.set_dark(True)
    assert view.theme is DARK
    assert DARK.background in view.styleSheet()
    assert "乌兰察布" in view.toPlainText()
