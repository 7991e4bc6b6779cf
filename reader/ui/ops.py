"""Running work off the UI thread and getting its result back on it.

`OpRunner.run(work, on_done, on_failed, on_progress)` queues
`work(progress, cancelled)` on the runner's thread pool.  The pool runs one
job at a time, so every use of the session is serialised (SQLite and the
Whoosh index are used from one worker at a time) and jobs run in the order
they were asked for.  Results, failures and progress come back as queued
signals, so the callbacks always run on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from reader.progress import Cancelled, Progress

Work = Callable[[Progress, Cancelled], Any]


class _Signals(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class Op(QRunnable):
    """One queued job; `cancel()` asks it to stop at its next check."""

    def __init__(self, work: Work):
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it alive until its result is delivered
        self.signals = _Signals()
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self.signals.progressed.emit, self._cancel.is_set)
        except Exception as exc:  # delivered to the UI thread, which reports it
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class _Delivery(QObject):
    """Lives on the UI thread so that queued signals land there."""

    def __init__(self, runner: OpRunner, op: Op, on_done, on_failed, on_progress):
        super().__init__(runner)
        self._runner, self._op = runner, op
        self.op = op
        self._on_done, self._on_failed, self._on_progress = on_done, on_failed, on_progress
        op.signals.finished.connect(self.finished)
        op.signals.failed.connect(self.failed)
        op.signals.progressed.connect(self.progressed)

    @Slot(int, int, str)
    def progressed(self, done: int, total: int, label: str) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, label)

    @Slot(object)
    def finished(self, result: object) -> None:
        self._runner._forget(self)
        if self._on_done is not None and not self._runner.closed:
            self._on_done(result)

    @Slot(object)
    def failed(self, exc: object) -> None:
        self._runner._forget(self)
        if self._on_failed is not None and not self._runner.closed:
            self._on_failed(exc)


class OpRunner(QObject):
    """A one-thread pool for the session's work; `busy` while jobs are pending."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending: set[_Delivery] = set()
        #: Set by `shutdown`: results still queued are dropped, not delivered.
        self.closed = False

    def run(self, work: Work, on_done=None, on_failed=None, on_progress=None) -> Op:
        op = Op(work)
        delivery = _Delivery(self, op, on_done, on_failed, on_progress)
        self._pending.add(delivery)
        self._pool.start(op)
        return op

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def shutdown(self) -> None:
        """Ask long jobs to stop, and wait for every queued job to end.

        Queued jobs still run (a note written as the window closes is a queued
        write); long ones see `cancelled()` at once and stop early.
        """
        self.closed = True
        for delivery in self._pending:
            delivery.op.cancel()
        self._pool.waitForDone()

    def _forget(self, delivery: _Delivery) -> None:
        self._pending.discard(delivery)
        delivery.deleteLater()
