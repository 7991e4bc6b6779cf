"""Pages stored in shared transactions during a big import (issue 17: the store's CPU).

A transaction per page costs a commit per page: at ten articles a page, SQLite writes the
same index pages to the log again and again (and waits for the disk each time).  Inside
`PageBatches.batch()` the pages stored share one transaction of up to `BATCH_PAGES` pages or
`BATCH_SECONDS` of storing, whichever comes first; each page is still a savepoint of its own,
so a page that fails is rolled back alone, and nothing is ever half-written: a page is
committed whole with its batch or not at all.  A killed import loses at most the batch
under way, which the next run stores again (`reader.app.importing` skips only committed pages).

While a batch is open the connection writes as a bulk load does (`BULK_PRAGMAS`): commits are
not synced to the disk one by one (with a write-ahead log, `synchronous=NORMAL` keeps the file
whole if the process or the machine dies; a power cut may lose the last batches, whose pages
the next import stores again, as after a kill), the page cache is larger (at a million articles
each batch changes some 600 pages of the articles' key index alone, read back each time from
the operating system with the default 2 MB), and the log is folded into the file less often
(each fold writes every page changed since, once).  At the end the log is folded in and
synced, and the connection is as it was.

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
#: The connection's settings while a batch is open (see the module docstring); what they
#: were is put back when it closes.  cache_size in KiB when negative: 64 MB;
#: wal_autocheckpoint in pages of 16 KB: 64 MB of log at most before it is folded in.
BULK_PRAGMAS = {"synchronous": "NORMAL", "cache_size": -65536, "wal_autocheckpoint": 4096}


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
        # Under the connection's lock: settings cannot change inside another thread's
        # transaction, nor should its commits run with these.
        with self._db.lock:
            before = self._set(self._bulk())
        try:
            yield
        finally:
            self._thread = None
            with self._db.lock:
                try:
                    # The pages stored are whole (a failed one rolled back to its savepoint):
                    # keep them, then make them durable (a checkpoint syncs the log, then the
                    # file).
                    self._commit()
                    if before:
                        self._db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                finally:
                    self._set(before)

    def _bulk(self) -> dict:
        """BULK_PRAGMAS, for a library written with a write-ahead log (with a rollback
        journal an unsynced commit can damage the file on a power cut); none read-only, or
        inside a transaction (whose commit is the caller's)."""
        if self._db.read_only is not None or self._db.conn.in_transaction:
            return {}
        mode = self._db.execute("PRAGMA journal_mode").fetchone()[0]
        return BULK_PRAGMAS if str(mode).lower() == "wal" else {}

    def _set(self, pragmas: dict) -> dict:
        """Set the connection's `pragmas`; return what they were."""
        before = {name: self._db.execute(f"PRAGMA {name}").fetchone()[0] for name in pragmas}
        for name, value in pragmas.items():
            self._db.execute(f"PRAGMA {name} = {value}").fetchall()
        return before

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
