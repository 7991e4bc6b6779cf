"""In a 1024×640 window the article keeps at least 28 characters a line (issue 19): the
navigator and the side panel narrow first; sizes dragged wider stay as the reader left them."""

from __future__ import annotations

from reader.ui.reading_width import MIN_CHARS
from tests.ui.conftest import open_article, settle


def test_a_small_window_keeps_28_characters_a_line(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    library = window.session.library
    open_article(qtbot, window, library.articles.in_issue(library.issues.all()[0].id)[0].id)
    window.resize(1600, 1000)
    settle(qtbot, window)
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.reading_width.chars_per_line() >= MIN_CHARS, timeout=5000)
    navigator, pane, panel = window.splitter.sizes()
    assert navigator >= 200 and panel >= 200  # narrowed, not gone
    # zoomed in, the side panes give what they can: the panel goes down to its floor
    window.set_zoom(3)
    window.resize(1030, 640)
    qtbot.waitUntil(lambda: window.splitter.sizes()[2] == 200, timeout=5000)


def test_the_english_window_keeps_28_characters_a_line_too(qtbot, open_window, library_dir,
                                                          tmp_path, qapp):
    """English labels are wider than Chinese ones: the navigator's tab bar must not hold the
    navigator wide (it scrolls instead)."""
    from PySide6.QtCore import QSettings

    from reader.ui import translation

    settings = QSettings(str(tmp_path / "en.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/language", "en")
    assert translation.install_translation(settings) == "en"
    try:
        window = open_window(library_dir, settings)
        library = window.session.library
        open_article(qtbot, window, library.articles.in_issue(library.issues.all()[0].id)[0].id)
        window.resize(1600, 1000)
        settle(qtbot, window)
        window.resize(1024, 640)
        qtbot.waitUntil(lambda: window.reading_width.chars_per_line() >= MIN_CHARS,
                        timeout=5000)
        navigator, pane, panel = window.splitter.sizes()
        assert navigator >= 200 and panel >= 200
        assert window.navigator.minimumSizeHint().width() <= 220
    finally:
        translation.remove_translation()
