"""Layout (issue 19): every splitter keeps the sizes the reader dragged it to after a restart,
and the pane scrolls by the keyboard: Ctrl+Home/End to the top and the end, Space and
Shift+Space a page down and up (the whole-page view too)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from reader.ui.splitter_state import splitter_keys
from tests.ui.conftest import open_article


def _longest(library):
    articles = [a for issue in library.issues.all() for a in library.articles.in_issue(issue.id)]
    return max(articles, key=lambda a: len(library.articles.get(a.id).text))


def test_every_splitter_comes_back_as_the_reader_left_it(qtbot, open_window, library_dir,
                                                         tmp_path):
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    window = open_window(library_dir, settings)
    window.resize(780, 560)  # inside the offscreen screen: the geometry comes back as it is
    qtbot.wait(50)
    others = splitter_keys(window, skip=window.splitter)
    assert {"TagsView", "AuthorsView"} <= set(others)
    dragged = {}
    for key, splitter in others.items():
        total = sum(splitter.sizes())
        if total <= 0 or splitter.count() < 2:
            continue
        sizes = [total // 3] + [total - total // 3] + [0] * (splitter.count() - 2)
        splitter.setSizes(sizes)
        dragged[key] = splitter.sizes()
    assert "TagsView" in dragged or "AuthorsView" in dragged
    window.close()

    # (the main splitter is kept by its own setting: tests/ui/test_window.py)
    again = open_window(library_dir, settings)
    restored = splitter_keys(again, skip=again.splitter)
    for key, sizes in dragged.items():
        assert restored[key].sizes() == sizes, key


def test_ctrl_home_end_and_space_scroll_the_pane(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    window.resize(1024, 640)
    open_article(qtbot, window, _longest(window.session.library).id)
    bar = window.pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > bar.pageStep(), timeout=5000)
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == bar.maximum() > 0
    qtbot.keyClick(window.pane, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0
    qtbot.keyClick(window.pane, Qt.Key.Key_Space)
    assert bar.value() == bar.pageStep()
    qtbot.keyClick(window.pane, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() == 0
    qtbot.keyClick(window.pane, Qt.Key.Key_End)  # Home and End alone, as in a browser
    assert bar.value() == bar.maximum()
    qtbot.keyClick(window.pane, Qt.Key.Key_Home)
    assert bar.value() == 0


def test_ctrl_end_scrolls_the_whole_page_view(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    window.resize(1024, 640)
    article = _longest(window.session.library)
    with qtbot.waitSignal(window.reading.page_shown, timeout=10000):
        window.reading.show_page(window.session.library.articles.get(article.id).page_id)
    view = window.page_view
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0
