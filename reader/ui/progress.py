"""The progress dialog of the window's long operations (open, import, re-index).

One operation at a time shows a window-modal, cancellable QProgressDialog;
`finish` closes it and says whether the user cancelled.  An item's label (a file's name)
goes into the operation's `item_format`; in such an operation a stage's label
(`reader.progress.READING`, `INDEXING`: the files read before an import stores any, the
search index's catch-up after it) is said in words of its own, the bar counting that
stage's files or articles.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.progress import INDEXING, READING


class ProgressPresenter(QObject):
    """Shows the progress of the current background operation."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._parent = parent
        self.dialog: QProgressDialog | None = None
        self._op = None
        self._item_format: str | None = None

    def start(self, label: str, op, item_format: str | None = None) -> None:
        """Show progress for `op`; `item_format` ("正在导入：{}") names each item as it goes."""
        from PySide6.QtCore import Qt  # its namespace: 20 ms, after the first paint

        dialog = QProgressDialog(label, self.tr("取消"), 0, 0, self._parent)
        dialog.setWindowTitle("Reader")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(op.cancel)
        self.dialog, self._op, self._item_format = dialog, op, item_format

    def update(self, done: int, total: int, label: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if label and self._item_format:  # an operation that names its items (an import)
            dialog.setLabelText(self._stage(label) or self._item_format.format(label))

    def _stage(self, label: str) -> str:
        """The words for a stage's label, or "" for an item's."""
        if label == READING:
            return self.tr("正在读取文件…")
        if label == INDEXING:
            return self.tr("正在更新搜索索引…")
        return ""

    def finish(self) -> bool:
        """Close the dialog; True if the user cancelled."""
        dialog, self.dialog = self.dialog, None
        cancelled = self._op is not None and self._op.cancelled
        if dialog is not None:
            dialog.canceled.disconnect()
            dialog.hide()
            dialog.deleteLater()
        return cancelled
