"""One channel for what the window tells its user: non-modal, in the status bar.

Like qutebrowser's `message` module: code anywhere in the window calls
`messages.info(...)`, `warning(...)` or `error(...)` instead of opening a
dialog; the status bar (or a test) listens to `posted`.  Errors are one
sentence that says what failed; the details of an unexpected exception go
to the log, not to the user.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar

from reader.errors import ReaderError
from reader.ui.reasons import environment_reason, localized, without_stop

log = logging.getLogger(__name__)

#: How long a message stays in the status bar, in milliseconds (errors stay until replaced).
TIMEOUTS = {"info": 6000, "warning": 12000, "error": 0}


class MessageChannel(QObject):
    """Posts user messages; `posted(level, text)` for every one of them."""

    posted = Signal(str, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.history: list[tuple[str, str]] = []

    def info(self, text: str) -> None:
        self._post("info", text)

    def warning(self, text: str) -> None:
        self._post("warning", text)

    def error(self, text: str) -> None:
        self._post("error", text)

    def failure(self, what: str, exc: BaseException) -> None:
        """An operation failed: one sentence, `what` failed and why."""
        environment = environment_reason(exc)
        if isinstance(exc, ReaderError):
            reason = without_stop(localized(exc))
        elif environment is not None:
            log.warning("%s: %s", what, exc)
            reason = environment
        else:
            log.error("%s", what, exc_info=(type(exc), exc, exc.__traceback__))
            reason = self.tr("发生了意外错误，详情已写入日志")
        self._post("error", self.tr("{what}：{reason}。").format(what=what, reason=reason))

    def attach(self, bar: QStatusBar) -> None:
        """Show every message in `bar`."""
        self.posted.connect(lambda level, text: bar.showMessage(text, TIMEOUTS[level]))

    def _post(self, level: str, text: str) -> None:
        self.history.append((level, text))
        del self.history[:-50]
        self.posted.emit(level, text)
