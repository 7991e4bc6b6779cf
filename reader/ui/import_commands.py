"""文件 → 导入文件…, files dropped on the window, 文件 → 最近导入: importing from the window.

`ImportCommands` runs an import as the window's File menu starts it: the
files chosen (the window's `choose_files`), the page metadata asked for
(`ask_import_options`), the import itself as a mutation on the worker with
progress, then its report (`show_import_report`, a non-modal `ImportReport`)
and a line in the status bar.  Those three are the window's attributes, not
this object's, so that tests replace them on the window.  It also owns the
drop handler (reader/ui/import_drop.py) and the 最近导入 submenu
(reader/ui/recent_imports.py), which reopens an earlier import's report.

Texts are said in the "MainWindow" translation context, where they were
before this module took them out of reader/ui/window.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:  # the library's modules load on the worker, after the first paint
    from reader.app.importing import ImportOutcome
    from reader.ui.import_report import ImportReport

# The window imports this module for `choose_files` and `ask_import_options`; what
# `ImportCommands` uses (and reader.models with it) loads when the window builds it,
# after its first paint (issue 17).

#: The main window (reader/ui/window.py imports this module, so it is not named here).
MainWindow = Any

def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class ImportCommands(QObject):
    """Imports for `window`: from the File menu, from a drop, and 最近导入's reports."""

    def __init__(self, window: MainWindow, recent_menu: QMenu):
        from reader.ui.import_drop import ImportDrop
        from reader.ui.recent_imports import RecentImports

        super().__init__(window)
        self._window = window
        #: the import report dialog, made when first shown
        self.report: ImportReport | None = None
        #: 文件 → 最近导入 (its menu is made by build_menus)
        self.recent = RecentImports(window.ops, window.messages, recent_menu,
                                    self.show_logged, self)
        #: files and folders dropped on the window are imported (reader/ui/import_drop.py)
        self.drop = ImportDrop(window, self.import_paths, self.can_import, window.messages)

    def can_import(self) -> bool:
        window = self._window
        return window.session is not None and window.import_action.isEnabled()

    def import_files(self) -> None:
        """文件 → 导入文件…: choose files, then import them."""
        if self._window.session is None:
            return
        paths = list(self._window.choose_files() or [])
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[str]) -> None:
        """Import files and folders (chosen in 导入文件…, or dropped on the window): the
        import options, then the import with progress, then its report."""
        window = self._window
        if window.session is None or not paths:
            return
        given = window.ask_import_options(paths)
        if given is None:
            return

        def write(session, progress, cancelled):
            from reader.app.importing import ImportOutcome

            return ImportOutcome.of(session.import_paths(
                paths, progress=progress, cancelled=cancelled, given=given or None))

        window.ops.mutate(
            write,
            _tr("导入失败"), done=self._imported,
            progress=_tr("正在导入…"), item_format=_tr("正在导入：{}"))

    def _imported(self, outcome: ImportOutcome) -> None:
        from reader.ui.import_report import import_summary

        window = self._window
        results = outcome.results
        failures, sentence = import_summary(results)
        (window.messages.error if failures else window.messages.info)(sentence)
        window.show_import_report(results)
        self.recent.refresh()
        window.import_finished.emit(results)

    def show_report(self, results) -> None:
        """What an import did, file by file, in the (non-modal) import report."""
        from reader.ui.import_report import ImportReport

        if self.report is None:
            self.report = ImportReport(self._window)
        self.report.setWindowTitle(QCoreApplication.translate("ImportReport", "导入结果"))
        self.report.set_results(results)
        self.report.show()

    def show_logged(self, logged, title: str) -> None:
        """An earlier import's report, from 文件 → 最近导入."""
        self._window.show_import_report(list(logged.results))
        if self.report is not None:
            self.report.setWindowTitle(title)


def ask_import_options(window: MainWindow, count: int):
    """Paper/date/page for `count` chosen files (a PageMeta; None: cancelled)."""
    # The dialog (and the page-metadata parser it checks dates with) loads when first
    # asked for, not with the window (issue 17).
    from reader.ui.import_options import ask_import_options as ask

    return ask(window, count)


def choose_files(window: MainWindow) -> list[str]:
    """The file chooser of 文件 → 导入文件…."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getOpenFileNames(
        window, _tr("导入文件"), "", _tr("页面文本 (*.txt *.md);;所有文件 (*)"))[0]


__all__ = ["ImportCommands", "ask_import_options", "choose_files"]
