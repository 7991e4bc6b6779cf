"""Right-click on a highlight in the text: recolour, note, delete (undoable); the side list's
swatch is the colour the text is drawn in, in the light and the dark theme."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor

from reader.ui.article_document import DARK, LIGHT
from reader.ui.article_view import ArticleView, highlight_background
from reader.ui.list_delegate import SwatchRole
from tests.ui.conftest import open_article, settle

WORDS = "林西县聚焦"


def _article_with(window, words: str):
    library = window.session.library
    return next(article for issue in library.issues.all()
                for article in library.articles.in_issue(issue.id) if words in article.text)


def _highlight(qtbot, window, words: str, color: str = "yellow"):
    article = _article_with(window, words)
    open_article(qtbot, window, article.id)
    start = article.text.index(words)
    window.panel.add_highlight(start, start + len(words), color)
    settle(qtbot, window)
    [mark] = window.session.library.highlights.of_article(article.id)
    return article, mark


def _point_on(view: ArticleView, mark) -> QPoint:
    """A point of the viewport over the highlight's second character."""
    start, _end = next(where for shown, where in view.shown_highlights() if shown.id == mark.id)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start + 1)
    return view.cursorRect(cursor).center()


def _action(menu, text: str):
    return next(a for a in menu.actions() if a.text() == text)


def _drawn_colour(view: ArticleView, mark) -> str:
    [selection] = [s for s in view.extraSelections()
                   if s.cursor.selectedText() == mark.quote]
    return selection.format.background().color().name()


def _swatch(window) -> str:
    return QColor(window.panel.highlight_list.item(0).data(SwatchRole)).name()


def test_right_click_recolours_notes_and_deletes_a_highlight_undoably(qtbot, open_window,
                                                                     library_dir):
    window = open_window(library_dir)
    article, mark = _highlight(qtbot, window, WORDS)
    library = window.session.library

    # Plain text (not on a highlight): no highlight actions
    assert "删除高亮" not in [a.text() for a in window.pane.context_menu(QPoint(2, 2)).actions()]

    menu = window.pane.context_menu(_point_on(window.pane, mark))
    colours = _action(menu, "改颜色").menu()
    assert [a.text() for a in colours.actions() if a.isChecked()] == ["黄色"]
    _action(colours, "绿色").trigger()
    settle(qtbot, window)
    assert library.highlights.get(mark.id).color == "green"
    assert _drawn_colour(window.pane, mark) == highlight_background("green", LIGHT) == _swatch(window)

    window.panel.ask_text = lambda _title, label, text: "要引用" if "林西县" in label else None
    _action(window.pane.context_menu(_point_on(window.pane, mark)), "批注…").trigger()
    settle(qtbot, window)
    assert library.highlights.get(mark.id).note == "要引用"

    _action(window.pane.context_menu(_point_on(window.pane, mark)), "删除高亮").trigger()
    settle(qtbot, window)
    assert library.highlights.of_article(article.id) == []
    assert window.pane.extraSelections() == [] and window.panel.highlight_list.count() == 0

    # Ctrl+Z brings it back, then the recolour is undone too
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert [h.id for h in library.highlights.of_article(article.id)] == [mark.id]
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert library.highlights.get(mark.id).color == "yellow"


def test_the_list_swatch_is_the_colour_drawn_in_the_text_in_both_themes(qtbot, open_window,
                                                                       library_dir):
    window = open_window(library_dir)
    _article, mark = _highlight(qtbot, window, WORDS, "blue")
    assert _swatch(window) == _drawn_colour(window.pane, mark) == highlight_background("blue", LIGHT)
    window.set_dark(True)
    settle(qtbot, window)
    assert _swatch(window) == _drawn_colour(window.pane, mark) == highlight_background("blue", DARK)
    # and painted: the swatch's pixels in the list are that colour
    listing = window.panel.highlight_list
    image = listing.viewport().grab().toImage()
    rect = listing.visualItemRect(listing.item(0))
    found = {image.pixelColor(x, y).name() for x in range(rect.left(), rect.left() + 30)
             for y in range(rect.top(), rect.bottom())}
    assert highlight_background("blue", DARK) in found
    window.set_dark(False)
    qtbot.waitUntil(lambda: _swatch(window) == highlight_background("blue", LIGHT))


def test_right_click_on_a_highlight_in_the_whole_page_view_deletes_it(qtbot, open_window,
                                                                     library_dir):
    window = open_window(library_dir)
    article, mark = _highlight(qtbot, window, WORDS)
    with qtbot.waitSignal(window.reading.page_shown, timeout=10000):
        window.reading.show_page(article.page_id)
    page = window.page_view
    assert [m.id for m, _where in page.shown_highlights()] == [mark.id]
    _action(page.context_menu(_point_on(page, mark)), "删除高亮").trigger()
    settle(qtbot, window)
    assert window.session.library.highlights.of_article(article.id) == []
    qtbot.waitUntil(lambda: page.extraSelections() == [])
