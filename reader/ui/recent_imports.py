"""文件 → 最近导入: the library's recent imports, each reopening its report.

The menu lists the newest imports (reader/library/import_log.py keeps them
in the library): when each finished, in local time, how many files, how
many articles, how many failed.  Choosing one reads its results on the
worker and shows them in the window's import report, titled with its time.
The list is read when the 文件 menu opens and after every import, so it is
ready before the pointer reaches the submenu.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QObject, Qt, Signal
from PySide6.QtWidgets import QMenu

from reader.app.import_history import logged_import, recent_imports
from reader.ui.messages import MessageChannel
from reader.ui.operations import Operations

if TYPE_CHECKING:  # the library layer loads on the worker, after the window's first paint
    from reader.library.import_log import ImportSummary, LoggedImport

translate = QCoreApplication.translate


def local_time(iso: str) -> str:
    """A stored UTC time as the reader's local date and minute."""
    when = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    return when.toLocalTime().toString("yyyy-MM-dd HH:mm") if when.isValid() else iso


def summary_text(summary: ImportSummary) -> str:
    """2026-11-29 12:05　3 个文件，57 篇文章，1 个失败"""
    parts = [translate("RecentImports", "%n 个文件", "", summary.files),
             translate("RecentImports", "%n 篇文章", "", summary.articles)]
    if summary.failures:
        parts.append(translate("RecentImports", "%n 个失败", "", summary.failures))
    return translate("RecentImports", "{when}　{what}").format(
        when=local_time(summary.finished_at),
        what=translate("RecentImports", "，").join(parts))


class RecentImports(QObject):
    """Fills `menu` with the recent imports; opens one's report with `show_report`."""

    #: the recent imports were read and listed (their ImportSummary list)
    listed = Signal(object)
    #: an import's report was read and shown (the LoggedImport)
    report_opened = Signal(object)

    def __init__(self, ops: Operations, messages: MessageChannel, menu: QMenu,
                 show_report: Callable[[LoggedImport, str], None], parent: QObject):
        super().__init__(parent)
        self.ops, self.messages, self.menu = ops, messages, menu
        self._show_report = show_report
        self.summaries: list[ImportSummary] = []
        self._fill([])

    def retranslate(self) -> None:
        """The entries again in the language just switched to (reader/ui/retranslation.py)."""
        self._fill(self.summaries)

    def refresh(self) -> None:
        """Read the list again (after the library opened, after an import)."""
        if self.ops.session is None:
            return
        self.ops.query(recent_imports, self._fill, translate("RecentImports", "无法读取最近导入"))

    def _fill(self, summaries: Sequence[ImportSummary]) -> None:
        self.summaries = list(summaries)
        self.menu.clear()
        if not self.summaries:
            empty = self.menu.addAction(translate("RecentImports", "还没有导入过文件"))
            empty.setEnabled(False)
        for summary in self.summaries:
            action = self.menu.addAction(summary_text(summary))
            action.triggered.connect(
                lambda _checked=False, import_id=summary.id: self.open_report(import_id))
        self.listed.emit(self.summaries)

    def open_report(self, import_id: int) -> None:
        """Read one import's results on the worker and show its report."""
        def shown(logged: LoggedImport | None) -> None:
            if logged is None:  # dropped out of the log since the menu was filled
                self.messages.warning(translate("RecentImports", "这次导入的记录已不在书库中。"))
                self.refresh()
                return
            title = translate("RecentImports", "导入结果（{}）").format(
                local_time(logged.summary.finished_at))
            self._show_report(logged, title)
            self.report_opened.emit(logged)

        self.ops.query(lambda session: logged_import(session, import_id), shown,
                       translate("RecentImports", "无法读取这次导入的结果"))


__all__ = ["RecentImports", "local_time", "summary_text"]
