"""What an import did, file by file: a non-modal report the user can keep open.

`import_summary(results)` is the status-bar sentence for the whole import;
`report_lines(results)` says, for each file, whether it was imported, was
already in the library, was updated or failed (and why); `ImportReport`
shows them in a read-only text browser, as plain text, so nothing a file
name says becomes markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reader.models import ImportResult, ImportStatus
from reader.ui.counts import Counts
from reader.ui.reasons import file_reason


def import_summary(results: Sequence[ImportResult]) -> tuple[bool, str]:
    """The status-bar sentence for a finished import, and whether it reports failures."""
    done = sum(1 for r in results if r.status in (ImportStatus.IMPORTED, ImportStatus.UPDATED))
    failed = [r for r in results if r.status == ImportStatus.FAILED]
    if failed:
        return True, Counts.tr("%n 个文件导入失败，例如 {}：{}", "", len(failed)).format(
            failed[0].path, file_reason(failed[0]))
    return False, Counts.tr("已导入 %n 个文件", "", done) + Counts.tr(
        "，%n 个无变化。", "", len(results) - done)


def result_line(result: ImportResult) -> str:
    name = Path(result.path).name or result.path
    if result.status == ImportStatus.IMPORTED:
        what = Counts.tr("已导入，%n 篇文章", "", result.articles)
    elif result.status == ImportStatus.UPDATED:
        what = Counts.tr("已更新，%n 篇文章", "", result.articles)
    elif result.status == ImportStatus.ALREADY_IMPORTED:
        what = QCoreApplication.translate("ImportReport", "以前已导入，无变化")
    elif result.status == ImportStatus.FAILED:
        reason = file_reason(result) if result.message or result.error \
            else QCoreApplication.translate("ImportReport", "原因不明")
        what = QCoreApplication.translate("ImportReport", "失败：{}").format(reason)
    else:
        what = result.status
    return QCoreApplication.translate("ImportReport", "{name}　{what}（{path}）").format(
        name=name, what=what, path=result.path)


def summary_line(results: Sequence[ImportResult]) -> str:
    counts = {status: sum(1 for r in results if r.status == status)
              for status in ImportStatus}
    return Counts.tr("共 %n 个文件：导入 {imported}，更新 {updated}，已有 {same}，失败 {failed}。",
                     "", len(results)).format(
        imported=counts[ImportStatus.IMPORTED],
        updated=counts[ImportStatus.UPDATED], same=counts[ImportStatus.ALREADY_IMPORTED],
        failed=counts[ImportStatus.FAILED])


def report_lines(results: Sequence[ImportResult]) -> list[str]:
    return [summary_line(results), "", *(result_line(r) for r in results)]


class ImportReport(QDialog):
    """The report of the last import; shown with `show()`, never `exec()`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入结果"))
        self.setModal(False)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def set_results(self, results: Sequence[ImportResult]) -> None:
        self.browser.setPlainText("\n".join(report_lines(results)))

    def text(self) -> str:
        return self.browser.toPlainText()


__all__ = ["ImportReport", "report_lines"]
