"""A navigator view that reads its lists only while it is shown.

The 标签, 作者 and 批注 views re-read after a change only if the change concerns
them (`wants`), and a hidden view only marks itself stale and reads when it is
shown again, so a note autosave costs no read of views nobody looks at.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from reader.app.changes import Changes


class LazyView(QWidget):
    """Subclasses say which changes concern them (`wants`) and how to read (`read`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stale = True

    def wants(self, changes: Changes) -> bool:
        raise NotImplementedError

    def read(self) -> None:
        raise NotImplementedError

    def apply(self, changes: Changes) -> None:
        if self.wants(changes):
            self._stale = True
            if self.isVisible():
                self.reload()

    def shown(self) -> None:
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        self.read()
