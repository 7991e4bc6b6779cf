"""Files and folders dropped on the window are imported, as 文件 → 导入文件… would.

`ImportDrop` watches the main window's drag and drop events.  A drag of
local files is accepted when at least one of them can be imported: a
folder (its page files are imported, as `reader import FOLDER` does) or a
page file (`.txt`, `.text`, `.md`, the suffixes `reader.app.importing`
takes from a folder).  On the drop the importable paths go to the window's
`import_paths` (import options, progress, the import report), and whatever
was refused (a `.pdf`, a photo) is named in one sentence in the status bar,
also when nothing else was dropped: a drag of local files is taken so the
drop can say why.  A drag of no local file at all (text, a web link) is
refused at once, and so is any drag while the library is not open or
another import runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from reader.ui.messages import MessageChannel


@dataclass(frozen=True)
class DroppedPaths:
    """What a drop holds: paths to import, and names refused (not page files or folders)."""

    accepted: tuple[str, ...]
    refused: tuple[str, ...]


def dropped_paths(mime: QMimeData) -> DroppedPaths:
    # Imported at the drag, not with the window: reader.app.importing brings the library.
    from reader.app.importing import PAGE_SUFFIXES

    accepted: list[str] = []
    refused: list[str] = []
    for url in mime.urls() if mime.hasUrls() else ():
        if not url.isLocalFile():
            refused.append(url.toString())
            continue
        path = Path(url.toLocalFile())
        if path.is_dir() or path.suffix.lower() in PAGE_SUFFIXES:
            accepted.append(str(path))
        else:
            refused.append(path.name or str(path))
    return DroppedPaths(tuple(accepted), tuple(refused))


def refused_sentence(refused: Sequence[str]) -> str:
    """Why the dropped files named were not imported (one sentence)."""
    names = QCoreApplication.translate("ImportDrop", "、").join(refused[:3]) + ("…" if len(refused) > 3 else "")
    return QCoreApplication.translate(
        "ImportDrop", "没有导入 {}：只能导入页面文本（.txt、.md）和文件夹。").format(names)


class ImportDrop(QObject):
    """Accepts drops of page files and folders on `window`; hands them to `import_paths`."""

    def __init__(self, window: QWidget, import_paths: Callable[[list[str]], None],
                 can_import: Callable[[], bool], messages: MessageChannel):
        super().__init__(window)
        self._import_paths, self._can_import, self._messages = import_paths, can_import, messages
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) \
                and isinstance(event, (QDragEnterEvent, QDragMoveEvent)):
            dropped = dropped_paths(event.mimeData())
            wanted = self._can_import() and any(
                url.isLocalFile() for url in event.mimeData().urls()) \
                and bool(dropped.accepted or dropped.refused)
            if wanted:
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            self.drop(event.mimeData())
            event.acceptProposedAction()
            return True
        return False

    def drop(self, mime: QMimeData) -> bool:
        """Import what `mime` holds that can be imported; False if nothing could."""
        dropped = dropped_paths(mime)
        if dropped.refused:
            self._messages.warning(refused_sentence(dropped.refused))
        if not dropped.accepted:
            return False
        if not self._can_import():
            self._messages.warning(QCoreApplication.translate(
                "ImportDrop", "现在不能导入：书库还没有打开，或者另一次导入还在进行。"))
            return False
        self._import_paths(list(dropped.accepted))
        return True


__all__ = ["DroppedPaths", "ImportDrop", "dropped_paths", "refused_sentence"]
