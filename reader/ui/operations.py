"""Every call from the window into `reader.app`: a *query* (read) or a *mutation* (write).

Modelled on Anki's `QueryOp` / `CollectionOp` (qt/aqt/operations): the
work is a function of the session that runs on the `OpRunner`'s worker,
never on the UI thread; its result comes back on the UI thread.

- `query(read, done, failed_text)`: `read(session)` returns data (the
  dataclasses of `reader.app.browsing`, a search outcome …); `done(result)`
  renders it.  A query changes nothing, so nothing else is told.
- `mutate(write, failed_text, done=…)`: `write(session)` returns a
  `reader.app.changes.Changes` or a result with a `changes` field.  On
  success `done(result)` runs, then `changed(changes)` is emitted: the
  window's `apply` hands it to every view, and each redraws what it shows.
- `mutate(…, progress=…)`: a long mutation (import, re-index) gets
  `(session, progress, cancelled)`, shows a cancellable progress dialog,
  and while it runs `blocking` is True (`busy_changed`): views that read
  the library lazily (the issue tree) hold their reads until it ends, like
  Anki's browser `_block_updates`.

A failure is reported through the message channel in one sentence
(`failed_text`: what failed), or handed to `failed` if given.  Jobs run one
at a time in the order asked for (the session is used by one thread).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader.app.changes import NO_CHANGES, Changes
from reader.ui.messages import MessageChannel
from reader.ui.ops import Op, OpRunner
from reader.ui.progress import ProgressPresenter


def changes_of(result: Any) -> Changes:
    """The `Changes` a mutation reported (itself, or its `changes` field)."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else NO_CHANGES


class Operations(QObject):
    """Queries and mutations on the window's session, run on its worker."""

    #: a mutation succeeded: what it changed (a Changes)
    changed = Signal(object)
    #: a long mutation started (True) or ended (False)
    busy_changed = Signal(bool)

    def __init__(self, runner: OpRunner, messages: MessageChannel, progress: ProgressPresenter,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.messages = messages
        self.progress = progress
        self.session = None
        self._long = 0

    @property
    def blocking(self) -> bool:
        """A long mutation is running; lazy reads wait for it."""
        return self._long > 0

    # -- reads ------------------------------------------------------------------------------

    def query(self, read: Callable[[Any], Any], done: Callable[[Any], None] | None,
              failed_text: str, failed: Callable[[BaseException], None] | None = None
              ) -> Op | None:
        """Run `read(session)` on the worker; `done(result)` on the UI thread."""
        session = self.session
        if session is None:
            return None
        return self.runner.run(lambda _progress, _cancelled: read(session), on_done=done,
                               on_failed=failed or self._reporter(failed_text))

    # -- writes -----------------------------------------------------------------------------

    def mutate(self, write: Callable[..., Any], failed_text: str,
               done: Callable[[Any], None] | None = None,
               failed: Callable[[BaseException], None] | None = None,
               progress: str | None = None, item_format: str | None = None) -> Op | None:
        """Run `write(session)` on the worker; on success `done(result)`, then `changed`.

        With `progress` (the dialog's label) the write is long: it is called
        as `write(session, progress, cancelled)` behind a cancellable dialog.
        """
        session = self.session
        if session is None:
            return None
        long = progress is not None

        def work(report, cancelled):
            return write(session, report, cancelled) if long else write(session)

        def succeeded(result) -> None:
            self._end(long)
            try:
                if done is not None:
                    done(result)
            finally:
                changes = changes_of(result)
                if not changes.empty:
                    self.changed.emit(changes)

        def went_wrong(exc: BaseException) -> None:
            self._end(long)
            (failed or self._reporter(failed_text))(exc)

        op = self.runner.run(work, on_done=succeeded, on_failed=went_wrong,
                             on_progress=self.progress.update if long else None)
        if long:
            self._long += 1
            self.progress.start(progress, op, item_format)
            if self._long == 1:
                self.busy_changed.emit(True)
        return op

    def _end(self, long: bool) -> None:
        if not long:
            return
        self.progress.finish()
        self._long -= 1
        if self._long == 0:
            self.busy_changed.emit(False)

    def _reporter(self, failed_text: str) -> Callable[[BaseException], None]:
        return lambda exc: self.messages.failure(failed_text, exc)


__all__ = ["Operations", "changes_of"]
