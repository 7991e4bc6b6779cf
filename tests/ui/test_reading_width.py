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
    qtbot.waitUntil(lambda: window.splitter.sizes()[1] > 0, timeout=5000)
    wide = window.splitter.sizes()
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.reading_width.chars_per_line() >= MIN_CHARS, timeout=5000)
    navigator, pane, panel = window.splitter.sizes()
    assert navigator >= 200 and panel >= 200  # narrowed, not gone
    # grown again, the side panes get back what they gave
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.splitter.sizes()[0] == wide[0], timeout=5000)
    assert window.splitter.sizes()[2] == wide[2]
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.reading_width.chars_per_line() >= MIN_CHARS, timeout=5000)
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


def test_a_narrow_tree_keeps_room_for_titles(qtbot, open_window, library_dir):
    """At the navigator's narrowest the tree shows titles and counts; the other columns come
    back when it is wide again, and a column the reader hid stays hidden."""
    from reader.ui.issues_view import NARROW_TREE
    from reader.ui.tree_model import COLUMN_COLUMN, COUNT_COLUMN, TAGS_COLUMN, TITLE_COLUMN

    window = open_window(library_dir)
    header = window.tree.header()
    window.resize(1600, 1000)
    window.splitter.setSizes([420, 900, 280])
    qtbot.waitUntil(lambda: window.tree.width() >= NARROW_TREE, timeout=5000)
    assert not header.isSectionHidden(COLUMN_COLUMN) and not header.isSectionHidden(TAGS_COLUMN)
    header.setSectionHidden(TAGS_COLUMN, True)  # the reader's choice
    window.splitter.setSizes([200, 1120, 280])
    qtbot.waitUntil(lambda: header.isSectionHidden(COLUMN_COLUMN), timeout=5000)
    assert not header.isSectionHidden(TITLE_COLUMN) and not header.isSectionHidden(COUNT_COLUMN)
    assert header.sectionSize(TITLE_COLUMN) > 120
    window.splitter.setSizes([420, 900, 280])
    qtbot.waitUntil(lambda: not header.isSectionHidden(COLUMN_COLUMN), timeout=5000)
    assert header.isSectionHidden(TAGS_COLUMN)
