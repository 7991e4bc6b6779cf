"""What happens when code in the window raises and nothing catches it.

`CrashHandler.install()` replaces `sys.excepthook` and `threading.excepthook`
(while the window runs; `uninstall()` puts the previous hooks back).  An
uncaught exception is written, with its traceback and the Reader version,
to a timestamped file in the library's `logs/` folder, and the user is told
in one sentence that something went wrong and where that file is, instead
of the application vanishing.  The message is shown through `show_report`,
an attribute tests replace; by default a non-modal message box.

Exceptions raised on a worker thread are logged on that thread and
reported on the UI thread through a queued signal.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, Signal, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

import reader

#: Where crash logs go when no library folder is known yet.
FALLBACK_LOG_DIR = Path(tempfile.gettempdir()) / "Reader-logs"


def crash_log_text(exc_type, exc, tb) -> str:
    """The log file's content: versions, time, and the traceback."""
    import platform  # only a crash needs it: not loaded with the window (issue 17)

    lines = [
        f"Reader {reader.__version__} crash report",
        f"Time: {datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"PySide6 {pyside_version}, Qt {qVersion()}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
        "",
    ]
    return "\n".join(lines)


def write_crash_log(log_dir: Path, exc_type, exc, tb) -> Path:
    """Write one crash log in `log_dir` (created if needed); its path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = log_dir / f"crash-{stamp}.log"
    path.write_text(crash_log_text(exc_type, exc, tb), encoding="utf-8")
    return path


def crash_sentence(path: Path) -> str:
    return QCoreApplication.translate(
        "CrashHandler", "Reader 出了问题，但没有退出；详情已写入日志文件：{0}").format(path)


class CrashHandler(QObject):
    """Logs uncaught exceptions and tells the user; `crashed(sentence, log path)`."""

    crashed = Signal(str, str)
    _from_thread = Signal(str, str)

    def __init__(self, log_dir: Callable[[], Path | None], parent: QWidget | None = None):
        super().__init__(parent)
        self._log_dir = log_dir
        self._parent_widget = parent
        self._previous: tuple | None = None
        self._box: QMessageBox | None = None
        #: log paths written so far, newest last
        self.logs: list[Path] = []
        #: shows the sentence to the user; tests replace it
        self.show_report: Callable[[str], None] = self._show_box
        self._from_thread.connect(self._report)

    # -- hooks -----------------------------------------------------------------------

    def install(self) -> None:
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
            sys.excepthook = self.handle
            threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def _thread_hook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(self, exc_type, exc, tb) -> Path | None:
        """The excepthook: log, then report on the UI thread; the log's path."""
        if issubclass(exc_type, KeyboardInterrupt):
            previous = self._previous[0] if self._previous else sys.__excepthook__
            previous(exc_type, exc, tb)
            return None
        try:
            path = write_crash_log(self._where(), exc_type, exc, tb)
        except OSError:
            try:
                path = write_crash_log(FALLBACK_LOG_DIR, exc_type, exc, tb)
            except OSError:
                sys.__excepthook__(exc_type, exc, tb)
                return None
        self.logs.append(path)
        sys.stderr.write(crash_log_text(exc_type, exc, tb))
        sentence = crash_sentence(path)
        if threading.current_thread() is threading.main_thread():
            self._report(sentence, str(path))
        else:
            self._from_thread.emit(sentence, str(path))
        return path

    def _where(self) -> Path:
        try:
            folder = self._log_dir()
        except Exception:
            folder = None
        return Path(folder) if folder is not None else FALLBACK_LOG_DIR

    # -- telling the user -----------------------------------------------------------------

    def _report(self, sentence: str, path: str) -> None:
        self.crashed.emit(sentence, path)
        self.show_report(sentence)

    def _show_box(self, sentence: str) -> None:
        from PySide6.QtCore import Qt  # its namespace: 20 ms, after the first paint

        if self._box is None:
            box = QMessageBox(self._parent_widget)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("Reader")
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.setModal(False)
            box.setTextFormat(Qt.TextFormat.PlainText)  # the sentence may quote a path
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._box = box
        self._box.setText(sentence)
        self._box.show()


__all__ = ["CrashHandler", "crash_log_text", "write_crash_log"]
