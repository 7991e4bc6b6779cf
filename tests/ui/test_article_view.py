"""The article pane: plain text only, typography, defects, zoom, theme and hit stepping."""

from __future__ import annotations

from PySide6.QtGui import QTextBlockFormat

from reader.models import ArticleRecord, Author, Entry, Highlight
from reader.ui.article_document import FONT_FAMILIES, LIGHT, LINE_HEIGHT
from reader.ui.article_view import BASE_POINT_SIZE, DARK, ArticleView

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


def _blocks(view: ArticleView):
    block = view.document().firstBlock()
    while block.isValid():
        yield block
        block = block.next()


def _block(view: ArticleView, text: str):
    return next(b for b in _blocks(view) if text in b.text())


def test_every_field_is_shown_literally_never_as_markup(qtbot):
    article = make_article(
        title=HOSTILE[0], subtitle=HOSTILE[1], column=HOSTILE[2],
        authors=(Author("记者", "<b>名</b>"),),
        paragraphs=HOSTILE, entries=(Entry("<i>x</i>", "<u>来源</u>"),),
        subheads=("<h1>小标题</h1>",),
    )
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(article, terms=["script", "lt"])
    text = view.toPlainText()
    for line in HOSTILE:
        assert line in text
    assert "<b>名</b>" in text and "<i>x</i>" in text and "<u>来源</u>" in text
    assert "<h1>小标题</h1>" in text
    # no image, link, anchor or table came out of the page text; hits were marked in it
    for block in _blocks(view):
        assert view.document().rootFrame().childFrames() == []
        fragment = block.begin()
        while not fragment.atEnd():
            fmt = fragment.fragment().charFormat()
            assert not fmt.isImageFormat() and not fmt.isAnchor() and not fmt.anchorHref()
            fragment += 1
    assert view.hit_count == text.count("script") + text.count("lt")


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
    assert "一条简讯。" in text and "——乌利娅苏" in text and "「无题」" in text
    assert "无标题" not in text
    assert "提取问题" not in text


def test_typography_uses_cjk_fonts_line_height_and_the_block_styles(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(make_article())
    body = _block(view, "第一段网格员的故事。")
    assert body.charFormat().fontFamilies() == list(FONT_FAMILIES)
    fmt = body.blockFormat()
    assert fmt.lineHeight() == LINE_HEIGHT  # of Noto CJK's own ~1.45em spacing
    assert fmt.lineHeightType() == QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    px = BASE_POINT_SIZE * 96 / 72
    assert fmt.textIndent() == round(px * 2) and fmt.bottomMargin() == round(px * 0.8)
    title = _block(view, "乌兰察布破解")
    assert title.blockFormat().headingLevel() == 1
    assert title.charFormat().fontPointSize() == BASE_POINT_SIZE * 2
    assert title.charFormat().fontWeight() == 700
    assert _block(view, "系统化布局").blockFormat().headingLevel() == 2
    kicker = _block(view, "引题在此").charFormat()
    assert kicker.foreground().color().name() == LIGHT.muted
    assert _block(view, "视点 · 系列").charFormat().foreground().color().name() == LIGHT.accent
    assert _block(view, "卢兵兵 摄").charFormat().fontPointSize() == BASE_POINT_SIZE * 0.85


def test_a_line_break_in_an_entry_stays_in_its_block(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(make_article(kind="quotes", paragraphs=(), entries=(
        Entry("民主评议党员:\n党支部每年开展1次。\n", None), Entry("第二条。", "来源")), defects=()))
    entry = _block(view, "民主评议党员")
    assert entry.text() == "民主评议党员:\u2028党支部每年开展1次。\u2028"
    assert entry.next().text() == "第二条。"
    assert entry.blockFormat().bottomMargin() == round(BASE_POINT_SIZE * 96 / 72 * 0.3)


def test_hits_are_marked_after_escaping_and_stepped_through(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    article = make_article(paragraphs=("网格 <网格> 网格员",))
    view.show_article(article, terms=["网格", "网格员"])
    assert view.hit_count == 3
    marked = [f.fragment().text() for f in _fragments(_block(view, "网格员"))
              if f.fragment().charFormat().background().color().name() == LIGHT.hit]
    assert marked == ["网格", "网格", "网格员"]
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
    assert _block(view, "第一段").charFormat().fontPointSize() == BASE_POINT_SIZE + 2
    assert _block(view, "乌兰察布").charFormat().fontPointSize() == (BASE_POINT_SIZE + 2) * 2
    view.set_zoom(99)
    assert view.zoom == 14
    view.set_dark(True)
    assert view.theme is DARK
    assert DARK.background in view.styleSheet()
    assert "乌兰察布" in view.toPlainText()
    assert _block(view, "第一段").charFormat().foreground().color().name() == DARK.text


def _fragments(block):
    it = block.begin()
    while not it.atEnd():
        yield it
        it += 1


def _select(view: ArticleView, text: str, occurrence: int = 0) -> None:
    """Select the `occurrence`-th appearance of `text` in the pane, as a mouse drag would."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    for _ in range(occurrence + 1):
        cursor = view.document().find(text, cursor)
    assert not cursor.isNull(), text
    view.setTextCursor(cursor)


def _highlight(article: ArticleRecord, start: int, end: int, **fields) -> Highlight:
    return Highlight(id=fields.pop("id", 1), article_key=article.key, start=start, end=end,
                     quote=article.text[start:end], prefix="", suffix="", **fields)


def test_a_selection_maps_to_offsets_of_the_article_text(qtbot):
    article = make_article(
        title="标题里也有网格员", paragraphs=("第一段说网格员。", "第二段也说网格员，还有别的。"),
        entries=(Entry("简讯一条：网格员上岗。", "新华社"),))
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(article)
    for occurrence in range(4):  # the title's is not in the article text; the rest are
        _select(view, "网格员", occurrence)
        offsets = view.selection_offsets()
        if occurrence == 0:
            assert offsets is None
            continue
        expected = [i for i in range(len(article.text)) if article.text.startswith("网格员", i)]
        assert offsets == (expected[occurrence - 1], expected[occurrence - 1] + 3)
        assert article.text[offsets[0]:offsets[1]] == "网格员"
    # a drag from the title into the first paragraph keeps only the body part
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document().find("标题").selectionStart())
    cursor.setPosition(view.document().find("第一段说").selectionEnd(),
                       QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selection_offsets() == (0, 4)
    # across two paragraphs: the joining newline is part of the span
    _select(view, "网格员", 1)
    cursor = view.textCursor()
    cursor.setPosition(view.document().find("第二段也").selectionEnd(),
                       QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    start, end = view.selection_offsets()
    assert article.text[start:end] == "网格员。\n第二段也"


def test_highlights_are_drawn_where_they_belong_and_orphans_are_not(qtbot):
    article = make_article(paragraphs=("第一段说网格员。", "第二段也说网格员。"))
    view = ArticleView()
    qtbot.addWidget(view)
    start = article.text.index("第二段")
    article = article.__class__(**{**article.__dict__, "highlights": (
        _highlight(article, start, start + 3, color="green"),
        _highlight(article, 0, 2, id=2, orphaned=True),
    )})
    view.show_article(article)
    selections = view.extraSelections()
    assert len(selections) == 1
    assert selections[0].cursor.selectedText() == "第二段"
    assert selections[0].format.background().color().name() == "#cdeccb"
    view.set_dark(True)  # re-rendered in the dark colours, same place
    assert view.extraSelections()[0].cursor.selectedText() == "第二段"
    assert view.extraSelections()[0].format.background().color().name() == "#2f5a32"
    assert view.scroll_to_highlight(article.highlights[0])
    assert not view.scroll_to_highlight(article.highlights[1])


def test_highlighting_the_selection_asks_with_its_offsets(qtbot):
    article = make_article(paragraphs=("第一段说网格员。", "第二段也说网格员。"))
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(article)
    assert not view.request_highlight()  # nothing selected
    _select(view, "网格员", 1)
    with qtbot.waitSignal(view.highlight_requested) as signal:
        menu = view.context_menu(view.cursorRect().center())
        entries = [a for a in menu.actions() if a.text().startswith("划线")]
        assert [a.text() for a in entries] == ["划线（黄色）", "划线（绿色）", "划线（蓝色）", "划线（粉色）"]
        entries[2].trigger()
    start = article.text.index("网格员", 5)
    assert signal.args == [start, start + 3, "blue"]
