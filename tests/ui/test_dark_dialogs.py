"""In the dark theme every dialog, the calendar, the menus, the tree and the scroll bars are
drawn dark (issue 19): each is shown and grabbed, and what is drawn is measured."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMessageBox, QToolTip

from reader.app.archive import page_values
from reader.models import ImportResult, ImportStatus
from reader.ui.import_options import ImportOptionsDialog
from reader.ui.import_report import ImportReport
from reader.ui.metadata_dialog import PageMetaDialog
from reader.ui.theme import dark_palette
from tests.ui.conftest import expand_issue, settle

DARK_WINDOW = dark_palette().color(QPalette.ColorRole.Window)


def lightness(widget) -> float:
    """The mean lightness (0-255) of what the widget draws, on a grid of points."""
    image = widget.grab().toImage()
    points = [(x, y) for x in range(2, image.width() - 2, max(1, image.width() // 24))
              for y in range(2, image.height() - 2, max(1, image.height() // 24))]
    return sum(image.pixelColor(x, y).lightness() for x, y in points) / len(points)


def test_every_dialog_is_drawn_dark(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    library = window.session.library
    window.dark_action.trigger()
    qtbot.wait(20)  # the palette reaches the widgets already made through posted events
    pages = [page_values(p) for p in library.pages.all()[:2]]
    report = ImportReport(window)
    report.set_results([ImportResult("a.txt", ImportStatus.IMPORTED, articles=3),
                        ImportResult("b.txt", ImportStatus.FAILED, message="Cannot read b.txt.")])
    dialogs = {
        "import options": ImportOptionsDialog(3, window),
        "page metadata": PageMetaDialog(pages, ["人民日报"], window),
        "import report": report,
        "message box": QMessageBox(QMessageBox.Icon.Information, "Reader", window.about_text(),
                                   QMessageBox.StandardButton.Ok, window),
        "reading settings": window.reading_settings.open(),
    }
    for name, dialog in dialogs.items():
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.palette().color(QPalette.ColorRole.Window) == DARK_WINDOW, name
        assert lightness(dialog) < 90, name
        dialog.close()
    # the menus and the tooltips take the dark palette too
    menu = window.menuBar().actions()[0].menu()
    assert menu.palette().color(QPalette.ColorRole.Window) == DARK_WINDOW
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    assert lightness(menu) < 90
    menu.hide()
    assert QToolTip.palette().color(QPalette.ColorRole.ToolTipBase).lightness() < 90
    # what cannot be used now (文件 → 最近导入's "no imports yet") is greyed, not bright
    [empty] = window.recent_menu.actions()
    assert not empty.isEnabled()
    palette = window.recent_menu.palette()
    assert palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).lightness() \
        < palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text).lightness() - 60


def test_the_tree_its_scroll_bar_and_the_calendar_are_dark(qtbot, open_window, papers_dir):
    window = open_window(papers_dir)  # pages dated to the day: the calendar marks them
    window.resize(900, 420)
    for row in range(3):
        expand_issue(qtbot, window, row)
    window.dark_action.trigger()
    settle(qtbot, window)
    qtbot.wait(20)
    assert lightness(window.tree) < 90
    bar = window.tree.verticalScrollBar()
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert lightness(bar) < 110
    window.jump_action.trigger()
    qtbot.waitUntil(lambda: window.issues_view.date_jump is not None
                    and window.issues_view.date_jump.isVisible(), timeout=10000)
    jump = window.issues_view.date_jump
    qtbot.waitUntil(lambda: bool(jump.dates), timeout=10000)
    assert lightness(jump) < 90
    marked = jump.calendar.dateTextFormat()
    assert marked and all(f.background().color().lightness() < 90 for f in marked.values())
    jump.hide()
    # back to light, the calendar's marks are light again when it opens
    window.dark_action.trigger()
    window.jump_action.trigger()
    qtbot.waitUntil(jump.isVisible, timeout=10000)
    assert all(f.background().color().lightness() > 180
               for f in jump.calendar.dateTextFormat().values())
    jump.hide()
