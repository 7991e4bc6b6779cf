"""Take the screenshots of issue 15's corrections in the window (run under Xvfb, CJK font).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshot_corrections.py

Builds a fresh library from the seeds in a temporary folder, opens a long
article at 1600×1000 (light) and right-clicks one of its paragraphs:
docs/screenshot-corrections-menu.png is the pane's context menu with the
此行是 submenu open.  Then it splits the article before that paragraph and
corrects a paragraph's text (full-width commas for the extraction's half-width
ones), each through the window's commands, and grabs
docs/screenshot-corrected.png: the first part open with its 已更正 mark, the
corrected paragraph's original in its tooltip, and both parts in the tree.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QToolTip

from reader.ui import translation
from reader.ui.main import session_factory
from reader.ui.plain import plain_tooltip
from reader.ui.window import MainWindow

DOCS = Path(__file__).resolve().parent
TITLE = "从一个人的微光到一群人闪光"
SPLIT_AT = 7  # the paragraph the second story starts with


def main() -> int:
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="reader-corrections-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/language", "zh")
    translation.install_translation(settings, app)  # Qt's own words (复制, 全选) in Chinese too
    window = MainWindow(session_factory(str(folder / "library")), settings=settings)
    window.move(0, 0)
    window.resize(1600, 1000)
    steps: list[tuple[int, object]] = []
    state: dict = {}

    def later(ms: int, action) -> None:
        steps.append((ms, action))

    def open_article() -> None:
        library = window.session.library
        article = next(a for i in library.issues.all() for a in library.articles.in_issue(i.id)
                       if a.title == TITLE)
        state["article"] = article
        window.splitter.setSizes([460, 840, 300])
        window.show_article(article.id)

    def point_of(text: str):
        pane = window.pane
        found = pane.document().find(text)
        found.setPosition(found.selectionStart() + 3)
        pane.setTextCursor(found)
        pane.ensureCursorVisible()
        return pane.cursorRect(found).center()

    def open_menu() -> None:
        article = state["article"]
        pane = window.pane
        start = sum(len(p) + 1 for p in article.paragraphs[:SPLIT_AT - 1])
        pane.select_text_range(start, start + 4)  # the paragraph a third down the pane
        pos = point_of(article.paragraphs[SPLIT_AT - 1][:10])
        menu = pane.context_menu(pos)
        state["menu"] = menu
        menu.popup(pane.viewport().mapToGlobal(pos))
        roles = next(a for a in menu.actions() if a.menu() is not None)
        QTimer.singleShot(300, lambda: (menu.setActiveAction(roles), roles.menu().popup(
            menu.mapToGlobal(menu.actionGeometry(roles).topRight()))))

    def grab_screen(name: str):
        return lambda: QApplication.primaryScreen().grabWindow(0).copy(
            window.frameGeometry()).save(str(DOCS / name))

    def close_menu() -> None:
        menu = state.pop("menu")
        for action in menu.actions():
            if action.menu() is not None:
                action.menu().hide()
        menu.hide()
        menu.deleteLater()

    def split() -> None:
        window.pane.select_paragraph(SPLIT_AT)
        window.corrections.run("split", None)

    def edit_text() -> None:
        article = state["article"]
        # the extraction left half-width commas in the Chinese: the reader puts full-width ones
        fixed = article.paragraphs[1].replace(",", "，").replace("!", "！")
        state["fixed"] = fixed
        window.corrections.dialog_opened.connect(lambda dialog: (
            dialog.editor.setPlainText(fixed), dialog.accept()))
        window.pane.select_paragraph(2)
        window.corrections.run("edit_text", None)

    def show_tooltip() -> None:
        # What hovering the corrected paragraph shows (the pane's own tooltip text).
        pane = window.pane
        pos = point_of(state["fixed"][:10]) + QPoint(120, 0)
        QCursor.setPos(pane.viewport().mapToGlobal(pos))
        QToolTip.showText(pane.viewport().mapToGlobal(pos), plain_tooltip(pane.tooltip_at(pos)),
                          pane.viewport())

    later(300, open_article)
    later(1500, open_menu)
    later(2600, grab_screen("screenshot-corrections-menu.png"))
    later(2700, close_menu)
    later(2900, split)
    later(3900, edit_text)
    later(5200, lambda: window.show_article(state["article"].id))
    later(6200, show_tooltip)
    later(7000, grab_screen("screenshot-corrected.png"))
    later(7200, lambda: (window.close(), app.quit()))

    def run_steps(number: int = 0, waited: int = 0) -> None:
        """The steps in order, each once the window's worker is idle after the one before."""
        if number >= len(steps):
            return
        gap = steps[number][0] - (steps[number - 1][0] if number else 0)
        if window.runner.busy or waited < gap:
            QTimer.singleShot(50, lambda: run_steps(number, waited + 50))
            return
        steps[number][1]()
        QTimer.singleShot(50, lambda: run_steps(number + 1, 50))

    window.search_ready.connect(run_steps)
    window.show()
    QTimer.singleShot(0, window.open_library)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
