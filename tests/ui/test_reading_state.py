"""Reading state in the window (issue 19): read after a while or by M, a star by S, Space at
the end of an article opens the next unread, and an article reopens where the reader was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.app import reading
from reader.ui import reading_commands
from tests.ui.conftest import open_article, settle


@pytest.fixture(autouse=True)
def _quick_reading(monkeypatch):
    monkeypatch.setattr(reading_commands, "READ_AFTER_MS", 150)


def _state(window, article_id):
    return reading.state(window.session, article_id)


def _articles(window):
    library = window.session.library
    return library.articles.in_issue(library.issues.all()[0].id)


def test_an_article_left_open_is_read_m_and_s_toggle(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    first = _articles(window)[0]
    open_article(qtbot, window, first.id)
    qtbot.waitUntil(lambda: _state(window, first.id).read, timeout=5000)
    settle(qtbot, window)
    assert window.reading_state.label.text() == "已读"

    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_M)
    settle(qtbot, window)
    assert not _state(window, first.id).read and window.reading_state.label.text() == "未读"
    qtbot.wait(400)  # the timer does not mark it read again
    settle(qtbot, window)
    assert not _state(window, first.id).read

    qtbot.keyClick(window.pane, Qt.Key.Key_S)
    settle(qtbot, window)
    assert _state(window, first.id).starred and window.reading_state.label.text() == "★ 星标  未读"
    assert [h.id for h in window.session.search("is:starred").hits] == [first.id]


def test_space_scrolls_then_opens_the_next_unread(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    articles = _articles(window)
    reading.mark_read(window.session, [articles[1].id])  # read already: skipped
    open_article(qtbot, window, articles[0].id)
    window.resize(900, 400)  # a short pane: the article needs scrolling
    settle(qtbot, window)
    window.pane.setFocus()
    bar = window.pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    qtbot.keyClick(window.pane, Qt.Key.Key_Space)
    assert bar.value() == min(bar.pageStep(), bar.maximum())
    qtbot.keyClick(window.pane, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    with qtbot.waitSignal(window.article_shown, timeout=10000) as shown:
        qtbot.keyClick(window.pane, Qt.Key.Key_Space)
    assert shown.args == [articles[2].id]


def _laid_out(qtbot, bar) -> None:
    """Wait until the pane has laid the whole text out (it does so in steps when idle, the
    scroll range growing with each): a place is a share of the final height."""
    seen: list[int] = []

    def steady() -> bool:
        seen.append(bar.maximum())
        qtbot.wait(50)
        return bar.maximum() > 0 and bar.maximum() == seen[-1]

    qtbot.waitUntil(steady, timeout=5000)


def test_an_article_reopens_where_the_reader_was(qtbot, open_window, library_dir, settings):
    window = open_window(library_dir)
    long_one = max(_articles(window), key=lambda a: len(a.text))
    other = next(a for a in _articles(window) if a.id != long_one.id)
    window.resize(900, 400)
    open_article(qtbot, window, long_one.id)
    bar = window.pane.verticalScrollBar()
    _laid_out(qtbot, bar)
    settle(qtbot, window)
    bar.setValue(bar.maximum() // 2)
    half = bar.value()
    open_article(qtbot, window, other.id)
    assert bar.value() == 0
    open_article(qtbot, window, long_one.id)
    # Once the text is laid out it comes back to the same line: the place is kept as a
    # position in the text, so the pixel offset may differ by less than a line (and the
    # half-way value itself depends on how much of the text was laid out when it was set).
    line = window.pane.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: abs(bar.value() - half) <= line)

    # and after a restart, the article open at the close comes back at its place
    bar.setValue(bar.maximum())
    window.close()
    again = open_window(library_dir, settings)
    again.resize(900, 400)
    settle(qtbot, again)
    qtbot.waitUntil(lambda: again.pane.article is not None and again.pane.article.id == long_one.id)
    again_bar = again.pane.verticalScrollBar()
    qtbot.waitUntil(lambda: again_bar.value() >= again_bar.maximum() - 2 > 0)
