"""The dark theme reaches the dialogs and the scroll bars, not only the main window (issue 19)."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from reader.ui.theme import dark_palette
from tests.ui.conftest import select_in_tree, settle

DARK_WINDOW = dark_palette().color(QPalette.ColorRole.Window)


def test_dialogs_and_scroll_bars_follow_the_dark_theme(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    library = window.session.library
    select_in_tree(qtbot, window, library.articles.in_issue(library.issues.all()[0].id)[0])
    window.dark_action.trigger()
    with qtbot.waitSignal(window.commands.tag_prompt_opened, timeout=10000) as opened:
        window.tag_action.trigger()
    prompt = opened.args[0]
    assert prompt.palette().color(QPalette.ColorRole.Window) == DARK_WINDOW
    # the article's scroll bar is drawn in the page's dark colours, not white
    window.resize(900, 400)
    bar = window.pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.isVisible() and bar.maximum() > 0)
    image = bar.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() - 3).lightness() < 80
    prompt.reject()
    # back to light: the next dialog is light again
    window.dark_action.trigger()
    settle(qtbot, window)
    with qtbot.waitSignal(window.commands.tag_prompt_opened, timeout=10000) as opened:
        window.tag_action.trigger()
    assert opened.args[0].palette().color(QPalette.ColorRole.Window) != DARK_WINDOW
    opened.args[0].reject()
