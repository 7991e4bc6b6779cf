"""The library's connection: transactions and the `generation` counter.

`LibraryConnection` is what every manager of the `Library` is given: the
SQLite connection, `transaction()` (nested use becomes a savepoint) and
`bump_generation()`.  Managers hold no other shared state, so each one can
be read alone: its SQL and the transaction it runs in.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from reader.catalogue import Code, Message
from reader.library.errors import LibraryError

#: Parameters in one statement of `insert_rows`, at most (SQLite's limit before 3.32).
_MOST_PARAMETERS = 999


class LibraryConnection:
    """One SQLite connection shared by the library's managers."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        # One connection may be shared by a UI thread and a worker: transactions
        # must not interleave on it.
        self.lock = threading.RLock()
        self._savepoints = 0
        #: Why the library is open read-only, or None: every transaction is then refused.
        self.read_only: Message | None = None

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        """Run one statement on the connection."""
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows) -> sqlite3.Cursor:
        """Run one statement once per row."""
        return self.conn.executemany(sql, rows)

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence],
                    returning: str | None = None) -> list[tuple]:
        """Insert `rows` (values in `columns` order) with one statement for many rows, in
        their order; the rows of `returning` (columns of the rows inserted, in no order).

        Not `executemany`, a statement a row: inside a transaction, a statement that
        writes through a trigger (every table the index follows has one) first copies each
        page it changes to a statement journal, to undo itself alone if it fails; a row a
        statement copied a whole 16 KB page of the table and of each of its indexes for
        each row (issue 17: at 100k articles, 115 µs to store an article, 61 µs a
        statement for the page's articles; 6 and 1.7 s for a page's bylines)."""
        found: list[tuple] = []
        if not rows:
            return found
        names = ", ".join(columns)
        one = "(" + ", ".join("?" * len(columns)) + ")"
        tail = f" RETURNING {returning}" if returning else ""
        per = max(1, _MOST_PARAMETERS // len(columns))
        for start in range(0, len(rows), per):
            chunk = rows[start:start + per]
            cursor = self.conn.execute(
                f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * len(chunk))}{tail}",
                [value for row in chunk for value in row])
            if returning:
                found.extend(cursor.fetchall())
        return found

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception.

        Nested use becomes a savepoint, so a service may group several library
        calls into one transaction.  IMMEDIATE takes the write lock up front:
        a read-then-write transaction cannot fail half-way on a lock upgrade.
        A library open read-only refuses with one sentence saying why.
        """
        if self.read_only is not None:
            raise LibraryError(Code.LIBRARY_WRITE_REFUSED, why=self.read_only)
        with self.lock:
            if self.conn.in_transaction:
                self._savepoints += 1
                name = f"reader_{self._savepoints}"
                self.conn.execute(f"SAVEPOINT {name}")
                try:
                    yield
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute(f"ROLLBACK TO {name}")
                        self.conn.execute(f"RELEASE {name}")
                    raise
                else:
                    self.conn.execute(f"RELEASE {name}")
                finally:
                    self._savepoints -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")

    def generation(self) -> int:
        """A counter bumped by every mutation: equal values mean nothing changed."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def bump_generation(self, annotations_only: bool = False) -> None:
        """Mark that user-visible content changed (inside the caller's transaction).

        `annotations_only`: only the reader's annotations (tags, notes, highlights, read and
        starred) changed, not where articles were printed; `places_generation` stays."""
        self.conn.execute(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'"
        )
        if annotations_only:
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES ('annotation_generation', '1') "
                "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")

    def places_generation(self) -> int:
        """A counter that moves whenever articles, their pages, issues, papers or authors may
        have changed (the facets' cache keys on it).  It is `generation` less the bumps
        marked `annotations_only`: a writer that does not say so moves it (safe: the cache
        is read again), never the other way round."""
        rows = dict(self.conn.execute(
            "SELECT key, CAST(value AS INTEGER) FROM meta "
            "WHERE key IN ('generation', 'annotation_generation')").fetchall())
        return rows.get("generation", 0) - rows.get("annotation_generation", 0)

    def require_article(self, article_id: int) -> tuple[str, str]:
        """(key, text) of an article, or LibraryError naming the unknown id."""
        row = self.conn.execute(
            "SELECT key, text FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise LibraryError(Code.NO_ARTICLE, id=article_id)
        return row[0], row[1]

    def require_issue(self, issue_id: int) -> None:
        """LibraryError unless the issue exists."""
        if self.conn.execute("SELECT 1 FROM issues WHERE id = ?", [issue_id]).fetchone() is None:
            raise LibraryError(Code.NO_ISSUE, id=issue_id)


def chunks(values: list, size: int = 500) -> Iterator[list]:
    """`values` in slices of `size`, so `IN (…)` queries stay small."""
    for start in range(0, len(values), size):
        yield values[start : start + size]
