"""Pages stored in shared transactions during a big import (issue 17: the store's CPU).

A transaction per page costs a commit per page: at ten articles a page, SQLite writes the
same index pages to the log again and again (and waits for the disk each time).  Inside
`PageBatches.batch()` the pages stored share one transaction of up to `BATCH_PAGES` pages or
`BATCH_SECONDS` of storing, whichever comes first; each page is still a savepoint of its own,
so a page that fails is rolled back alone, and nothing is ever half-written: a page is
committed whole with its batch or not at all.  A killed import loses at most the batch
under way, which the next run stores again (`reader.app.importing` skips only committed pages).

The batch belongs to the thread that opened it (it holds the connection's lock between its
pages, as any transaction does); another thread's transactions wait for its commit, at most
`BATCH_SECONDS` and a page.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from reader.library.connection import LibraryConnection

#: Pages stored per transaction in a batch, at most.
BATCH_PAGES = 64
#: Seconds of storing per transaction in a batch, at most (a killed import loses no more,
#: and another thread waits no longer).
BATCH_SECONDS = 1.0


class PageBatches:
    """The page transactions of one library connection, shared while `batch()` is open."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection
        self._thread: int | None = None
        self._open: ExitStack | None = None
        self._pages = 0
        self._since = 0.0

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Pages stored on this thread inside share transactions; all committed at the end."""
        if self._thread is not None:  # nested: the outer batch goes on
            yield
            return
        self._thread = threading.get_ident()
        try:
            yield
        finally:
            self._thread = None
            # The pages stored are whole (a failed one rolled back to its savepoint): keep them.
            self._commit()

    @contextmanager
    def page(self) -> Iterator[None]:
        """One page's transaction: its own, or a savepoint in the batch's."""
        if self._thread != threading.get_ident():
            with self._db.transaction():
                yield
            return
        if self._open is None:
            stack = ExitStack()
            stack.enter_context(self._db.transaction())
            self._open, self._pages, self._since = stack, 0, time.monotonic()
        with self._db.transaction():
            yield
        self._pages += 1
        if self._pages >= BATCH_PAGES or time.monotonic() - self._since >= BATCH_SECONDS:
            self._commit()

    def _commit(self) -> None:
        stack, self._open = self._open, None
        if stack is not None:
            stack.close()
