"""The substring store's writes of a parallel batch, in a process of their own (issue 17).

Writing the character pairs into FTS5 is SQLite's work in C, half of what the index
writer's process did in an import (5-6 of 11 CPU-s at 10k articles), while the word
workers waited for it.  `StoreProcess` holds the batch's transaction in a forked child
instead: the writer sends it what to write, some hundred documents a message, and goes
on with the words; the child runs the same `SubstringStore` methods on a connection of
its own.

The order of the two commits stays what index.py relies on (Whoosh first, then SQLite):
`commit` asks the child to commit and waits for its answer.  Errors come back at `sync`
and `commit` as the same sqlite3 exception (class, message and SQLite's error code), so
the caller handles a full disk or damage as it does in one process.  A child that dies,
or a writer that dies, leaves the transaction uncommitted: SQLite discards it.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sqlite3
import threading
from collections.abc import Iterator
from typing import Any

from reader.models import IndexDoc
from reader.processes import die_with_parent
from reader.search.substring import SubstringStore

#: Operations sent to the child in one message.
SEND_EVERY = 256
#: Messages the child reads ahead of what it has written, at most (`_received`).
READ_AHEAD = 64


class StoreProcessError(Exception):
    """The child stopped without answering (killed, or out of memory)."""


class StoreProcess:
    """A forked process writing one transaction of `store`'s file (see the module docstring).

    Start it before anything this process must not share with a child is opened (the
    word index's write lock): a forked child holds what its parent held.
    """

    def __init__(self, store: SubstringStore) -> None:
        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe()
        synchronous = store.conn.execute("PRAGMA synchronous").fetchone()[0]
        self._process = context.Process(
            target=_serve, args=(child, store, synchronous, os.getpid()), daemon=True,
            name="reader-store-writer")
        self._process.start()
        child.close()
        self._ops: list[tuple] = []

    @property
    def pid(self) -> int | None:
        return self._process.pid

    # -- what SubstringStore's writing offers, sent to the child ------------------------------

    def begin(self) -> None:
        self._send(("begin",))

    def bulk(self) -> None:
        self._send(("bulk",))

    def delete(self, doc_id: int) -> None:
        self._send(("delete", doc_id))

    def upsert(self, doc: IndexDoc, digest: str) -> None:
        self._send(("upsert", doc, digest))

    def insert(self, doc: IndexDoc, digest: str) -> None:
        self._send(("insert", doc, digest))

    def optimize_within(self) -> None:
        """`SubstringStore.optimize_within` in the child, after what was sent before: it
        runs while this process writes the word index's segment; `sync` and `commit`
        wait for it."""
        self._send(("optimize_within",))
        self._flush()  # now, not with the commit's message

    def set_meta(self, key: str, value: str | None) -> None:
        self._send(("set_meta", key, value))

    def sync(self) -> None:
        """Wait until the child has written everything sent; raise what failed there."""
        self._call("sync")

    def commit(self) -> None:
        """Commit the child's transaction (everything sent), then stop the child."""
        try:
            self._call("commit")
        finally:
            self.close()

    def rollback(self) -> None:
        """Drop the child's transaction and stop it (the file is as it was)."""
        self.close()

    def close(self) -> None:
        """Stop the child; a transaction it has not committed is discarded."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._conn.close()

    # -- the pipe ------------------------------------------------------------------------------

    def _send(self, op: tuple) -> None:
        self._ops.append(op)
        if len(self._ops) >= SEND_EVERY:
            self._flush()

    def _flush(self) -> None:
        ops, self._ops = self._ops, []
        try:
            self._conn.send(ops)
        except (BrokenPipeError, ConnectionResetError) as exc:
            raise StoreProcessError("the index's store process stopped") from exc

    def _call(self, what: str) -> None:
        self._ops.append((what,))
        self._flush()
        try:
            answer = self._conn.recv()
        except (EOFError, ConnectionResetError) as exc:
            raise StoreProcessError("the index's store process stopped") from exc
        if answer is not None:
            raise _rebuilt(answer)


def _serve(conn, parent_store: SubstringStore, synchronous: int, parent: int) -> None:
    """The child: apply the operations received to a store of its own, answer syncs."""
    die_with_parent(parent)
    # The parent's connection came along with the fork: never used here (SQLite forbids
    # using a connection across a fork), and not closed either (the process ends by _exit).
    store = SubstringStore(parent_store.path, None if parent_store.holds_text
                           else parent_store.source)
    store.conn.execute(f"PRAGMA synchronous = {int(synchronous)}")
    failed: BaseException | None = None
    for ops in _received(conn):
        if ops is None:  # the writer is gone: the transaction goes with this process
            os._exit(0)
        for op in ops:
            name = op[0]
            if name in ("sync", "commit"):
                if failed is None and name == "commit":
                    try:
                        store.commit()
                    except BaseException as exc:  # sent back to be raised there
                        failed = exc
                conn.send(None if failed is None else _described(failed))
                if name == "commit":
                    os._exit(0)
                continue
            if failed is not None:
                continue  # the batch is lost: what follows is not written
            try:
                getattr(store, name)(*op[1:])
            except BaseException as exc:
                failed = exc


def _received(conn) -> Iterator[list[tuple] | None]:
    """The messages from the writer, read ahead in a thread (None once it is gone).

    A message of 256 documents' grams is larger than the pipe holds, so the writer's
    `send` waited until this process had written the message before and read again: in
    step with FTS5, stopped for seconds whenever FTS5 wrote out a segment, and the word
    workers with it (issue 17).  SQLite lets go of the GIL while it writes, so the thread
    reads on meanwhile, `READ_AHEAD` messages at most."""
    received: queue.Queue[list[tuple] | None] = queue.Queue(READ_AHEAD)

    def read() -> None:
        while True:
            try:
                ops = conn.recv()
            except (EOFError, OSError):
                received.put(None)
                return
            received.put(ops)

    threading.Thread(target=read, daemon=True, name="reader-store-reader").start()
    while True:
        yield received.get()


def _described(exc: BaseException) -> tuple[str, str, Any, Any]:
    return (type(exc).__name__, str(exc), getattr(exc, "sqlite_errorcode", None),
            getattr(exc, "sqlite_errorname", None))


def _rebuilt(answer: tuple[str, str, Any, Any]) -> BaseException:
    """The child's error, as this process's exception of the same kind and code."""
    name, message, code, code_name = answer
    kind = getattr(sqlite3, name, None)
    if not (isinstance(kind, type) and issubclass(kind, sqlite3.Error)):
        return StoreProcessError(f"{name}: {message}")
    exc = kind(message)
    if code is not None:
        exc.sqlite_errorcode = code
        exc.sqlite_errorname = code_name
    return exc
