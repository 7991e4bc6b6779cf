"""Screenshots of 阅读设置 and of every dialog in the dark theme (issue 19), to look at.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/dialog_screenshots.py

Builds a fresh library from the seeds in a temporary folder and opens the
real window at 1024×640.  docs/dialogs/reading-settings-{light,dark}.png:
the window with the 阅读设置 panel laid over it (a 16 pt serif, 2.0 line
spacing, justified, full-width punctuation), the pane typeset with those
choices.  docs/dialogs/dark-*.png: each dialog in the dark theme: import
options, the page metadata editor, export, the 跳到日期 calendar, the Ctrl+T
tag prompt, a message box, the import report and a menu.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader.app.archive import page_values
from reader.ui.export_dialog import ExportDialog
from reader.ui.import_options import ImportOptionsDialog
from reader.ui.import_report import ImportReport
from reader.ui.main import session_factory
from reader.ui.metadata_dialog import PageMetaDialog
from reader.ui.tag_prompt import TagPrompt
from reader.ui.window import MainWindow

OUT = Path(__file__).resolve().parent / "dialogs"


def wait_until(check, seconds: float = 60.0) -> None:
    end = time.monotonic() + seconds
    while not check():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there")
        QApplication.processEvents()
        time.sleep(0.01)


def settle(window: MainWindow) -> None:
    for _ in range(3):
        wait_until(lambda: not window.runner.busy)
        for _ in range(20):
            QApplication.processEvents()
            time.sleep(0.01)


def save(widget: QWidget, name: str) -> Path:
    QApplication.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    return path


def over(window: QWidget, dialog: QWidget, name: str) -> Path:
    """The window with the dialog drawn over its top right, as it stands on screen."""
    QApplication.processEvents()
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(image)
    shot = dialog.grab()
    painter.drawPixmap(QPoint(image.width() - shot.width() - 24, 72), shot)
    painter.end()
    path = OUT / f"{name}.png"
    image.save(str(path))
    return path


def main() -> int:
    app = QApplication(sys.argv[:1])
    OUT.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="reader-dialogs-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session_factory(str(folder / "library")), settings=settings)
    window.resize(1024, 640)
    window.show()
    window.open_library()
    wait_until(lambda: window.session is not None and window.search_bar.isEnabled(), 300)
    library = window.session.library
    article = next(library.articles.get(a.id) for issue in library.issues.all()
                   for a in library.articles.in_issue(issue.id)
                   if "," in "".join(library.articles.get(a.id).paragraphs))
    window.show_article(article.id)
    settle(window)

    for dark in (False, True):
        window.set_dark(dark)
        dialog = window.reading_settings.open()
        dialog.font_box.setCurrentIndex(max(0, dialog.font_box.findData("Noto Serif CJK SC")))
        dialog.size_box.setValue(16)
        dialog.spacing_box.setValue(2.0)
        dialog.justify_box.setChecked(True)
        dialog.full_width_box.setChecked(True)
        settle(window)
        print(over(window, dialog, f"reading-settings-{'dark' if dark else 'light'}"))
        dialog.restore_defaults()
        dialog.close()
    settle(window)

    # every dialog, dark
    window.set_dark(True)
    shots: list[tuple[str, QWidget]] = []
    shots.append(("dark-import-options", ImportOptionsDialog(3, window)))
    pages = [page_values(p) for p in library.pages.all()[:1]]
    shots.append(("dark-page-metadata", PageMetaDialog(pages, ["人民日报", "先锋"], window)))
    export = ExportDialog(window.session, [article.id], article.title or "", window,
                          settings=settings, runner=window.runner)
    shots.append(("dark-export", export))
    shots.append(("dark-tag-prompt", TagPrompt(2, library.tags.summaries(), window)))
    box = QMessageBox(QMessageBox.Icon.Information, window.tr("关于 Reader"),
                      window.about_text(), QMessageBox.StandardButton.Ok, window)
    shots.append(("dark-message-box", box))
    report = ImportReport(window)
    report.set_results(window.session.first_run_results or [])
    shots.append(("dark-import-report", report))
    for name, dialog in shots:
        dialog.show()
        settle(window)
        print(save(dialog, name))
        dialog.close()
    window.issues_view.jump_to_date()
    settle(window)
    if window.issues_view.date_jump is not None:
        print(save(window.issues_view.date_jump, "dark-date-jump"))
        window.issues_view.date_jump.hide()
    menu = next(a.menu() for a in window.menuBar().actions() if "视图" in a.text())
    menu.popup(window.mapToGlobal(QPoint(80, 30)))
    settle(window)
    print(save(menu, "dark-menu"))
    menu.hide()
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
