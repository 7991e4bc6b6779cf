"""What the window does with a library it cannot trust: say so, and offer the newest backup.

Opening the library may find it empty, missing (with backups), not a database,
damaged (then it opens read-only) or not writable (read-only, nothing wrong
with it); see `reader.library.opening`.  The window

- keeps a permanent "只读" (read-only) label in the status bar while the library
  is open read-only, its tooltip saying why, and posts what opening found;
- offers the newest good backup in a `RescueDialog` (non-modal) when the library
  is damaged, empty or missing: accepting closes the session, restores the
  backup (`reader.library.backups.restore`, the library as it was kept aside),
  and opens the library again.

Backups are looked for and restored on the window's worker, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from reader.catalogue import Code
from reader.errors import ReaderError
from reader.ui.messages import MessageChannel
from reader.ui.ops import OpRunner
from reader.ui.plain import plain_tooltip
from reader.ui.reasons import localized

if TYPE_CHECKING:  # the backups' module loads on the worker, when a rescue is looked for
    from reader.library.backups import BackupInfo

#: What opening may find that a backup can repair.
RESCUED = frozenset({Code.LIBRARY_EMPTY_FILE, Code.LIBRARY_FILE_MISSING,
                     Code.LIBRARY_NOT_SQLITE, Code.LIBRARY_DAMAGED, Code.LIBRARY_OPENED_DAMAGED})


class RescueDialog(QDialog):
    """What was found, and the newest good backup with what it holds; restore or not."""

    def __init__(self, found: str, backup: BackupInfo, parent: QWidget | None = None):
        from PySide6.QtCore import Qt  # its namespace: 20 ms, after the first paint

        super().__init__(parent)
        self.backup = backup
        self.setWindowTitle(self.tr("书库需要恢复"))
        layout = QVBoxLayout(self)
        self.found_label = QLabel(found, self)
        holds = self.tr("，").join([self.tr("%n 篇文章", "", backup.articles),
                                    self.tr("%n 条笔记", "", backup.notes),
                                    self.tr("%n 个标签", "", backup.tags)])
        self.backup_label = QLabel(self.tr(
            "最新的完好备份：{day}（{holds}）。"
            "恢复后，现在的书库文件会另存一份，不会删除。").format(day=backup.day, holds=holds), self)
        for label in (self.found_label, self.backup_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(
            self.tr("恢复这个备份"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("暂不恢复"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


class LibraryRescue(QObject):
    """The window's part in a damaged, empty or read-only library (see the module docstring)."""

    #: a RescueDialog was shown (tests answer it)
    offered = Signal(object)
    #: a backup was put back; the library is being opened again
    restored = Signal(object)

    def __init__(self, window: QMainWindow, runner: OpRunner, messages: MessageChannel,
                 reopen: Callable[[], None]):
        super().__init__(window)
        self._window, self._runner, self._messages = window, runner, messages
        self._reopen = reopen
        self.dialog: RescueDialog | None = None
        # Made hidden; said as plain text when shown (`opened`): Qt's namespace costs 20 ms
        # on first use, which the window's first paint does without (issue 17).
        self.read_only_label = QLabel(self.tr("只读"), window)
        self.read_only_label.hide()
        window.statusBar().addPermanentWidget(self.read_only_label)

    def opened(self, session) -> None:
        """The library opened: say what opening found; offer a backup if it is damaged."""
        from PySide6.QtCore import Qt

        notices = [localized(n) for n in session.notices]
        for text in notices:
            self._messages.warning(text)
        self.read_only_label.setTextFormat(Qt.TextFormat.PlainText)
        self.read_only_label.setVisible(session.read_only is not None)
        self.read_only_label.setToolTip(plain_tooltip("\n".join(notices)))
        if any(n.code in RESCUED for n in session.notices):
            self._offer(" ".join(notices), session)

    def failed(self, exc: BaseException) -> None:
        """Opening failed: if a backup can repair what was found, offer it."""
        if isinstance(exc, ReaderError) and exc.code in RESCUED:
            self._offer(localized(exc), None)

    def _offer(self, found: str, session) -> None:
        paths = self._window.library_paths  # type: ignore[attr-defined]
        if paths is None:
            return
        def look(_progress, _cancelled) -> BackupInfo | None:
            from reader.library.backups import newest_good_backup

            return newest_good_backup(paths.library_dir)

        self._runner.run(look, on_done=lambda backup: self._show(found, backup, session))

    def _show(self, found: str, backup: BackupInfo | None, session) -> None:
        if backup is None:
            return
        self.dialog = RescueDialog(found, backup, self._window)
        self.dialog.accepted.connect(lambda: self._restore(backup, session))
        self.dialog.open()
        self.offered.emit(self.dialog)

    def _restore(self, backup: BackupInfo, session) -> None:
        paths = self._window.library_paths  # type: ignore[attr-defined]
        self._window.close_session()  # type: ignore[attr-defined]

        def work(_progress, _cancelled):
            from reader.library.backups import restore

            if session is not None:
                session.close()
            return restore(paths.library_dir, paths.db_path, backup, paths.index_dir)

        def done(result) -> None:
            self._messages.info(self.tr("已恢复 {day} 的备份；原来的书库文件另存为 {path}。").format(
                day=backup.day, path=", ".join(p.name for p in result.kept_aside) or "—"))
            self.read_only_label.hide()
            self.restored.emit(result)
            self._reopen()

        self._runner.run(work, on_done=done,
                         on_failed=lambda exc: self._messages.failure(self.tr("无法恢复备份"), exc))
