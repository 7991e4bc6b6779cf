"""The reading place is kept in the library too (issue 19): it travels in the annotations
file, and a window that has no place of its own for an article opens it at the library's."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from tests.ui.conftest import open_article, settle


def _long_articles(library, count: int):
    articles = [library.articles.get(a.id) for issue in library.issues.all()
                for a in library.articles.in_issue(issue.id)]
    return sorted(articles, key=lambda a: -len(a.text))[:count]


def test_the_place_is_written_to_the_library_and_opens_a_window_without_one(
        qtbot, open_window, library_dir, tmp_path):
    window = open_window(library_dir)
    window.resize(1024, 640)
    first, second = _long_articles(window.session.library, 2)
    open_article(qtbot, window, first.id)
    bar = window.pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    bar.setValue(bar.maximum() // 2)
    open_article(qtbot, window, second.id)
    settle(qtbot, window)
    place = window.session.library.reading.place(first.id)
    assert place is not None and 400 <= place <= 600
    window.close()

    # another window (its own settings: no places), as after importing the annotations
    other = open_window(library_dir, QSettings(str(tmp_path / "other.ini"),
                                               QSettings.Format.IniFormat))
    other.resize(1024, 640)
    open_article(qtbot, other, first.id)
    bar = other.pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0
                    and abs(bar.value() / bar.maximum() * 1000 - place) < 60, timeout=10000)
