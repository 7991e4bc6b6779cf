"""The `Library`: one SQLite file holding issues, articles and the user's data.

This module owns the connection: opening (WAL, foreign keys, busy timeout,
migrations), transactions, the `generation` counter and small bookkeeping
(meta values, integrity, sources, stats).  What the library does is spread
over mixins, one job each: `importing` (pages in, updates in place),
`annotations` (tags, notes, highlights, date overrides), `tagging` (bulk
tagging, rename/merge, colours, summaries), `transfer` (annotations export
and import), `backup`, `reading` (records out) and `filters` (id sets for
search filters).

Every mutation runs in exactly one `transaction()` and bumps `generation`,
which the search index compares against to know whether it is in step.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from reader.library.annotations import AnnotationsMixin
from reader.library.backup import BackupMixin
from reader.library.errors import LibraryError
from reader.library.filters import FiltersMixin
from reader.library.importing import ImportingMixin
from reader.library.reading import ReadingMixin
from reader.library.schema import migrate
from reader.library.tagging import TaggingMixin
from reader.library.transfer import TransferMixin

#: How long a writer waits for another process's transaction, in milliseconds.
BUSY_TIMEOUT_MS = 5000


class Library(ImportingMixin, AnnotationsMixin, TaggingMixin, TransferMixin, BackupMixin,
              ReadingMixin, FiltersMixin):
    """A Reader library file.  Open with `Library.open(path)`; close, or use `with`."""

    def __init__(self, path: Path, db: sqlite_utils.Database):
        self.path = path
        self._db = db
        self._conn = db.conn
        # One connection may be shared by a UI thread and a worker: transactions
        # must not interleave on it.
        self._lock = threading.RLock()
        self._savepoints = 0

    # -- opening and closing ---------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike) -> Library:
        """Open (creating if needed) the library at `path` and bring its schema up to date."""
        path = Path(path)
        label = f"the library {path}"
        if path.is_dir():
            raise LibraryError(f"Cannot open {label}: it is a folder, not a library file.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(
                f"Cannot create the folder for {label}: {error.strerror or error}."
            ) from None
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise LibraryError(f"Cannot open {label}: {error}.") from None
        try:
            db = sqlite_utils.Database(conn, execute_plugins=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(db, label=label)
        except LibraryError:
            conn.close()
            raise
        except sqlite3.DatabaseError as error:
            conn.close()
            raise LibraryError(_open_error_sentence(label, error)) from None
        return cls(path, db)

    def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the connection (for maintenance and tests)."""
        return self._db

    # -- transactions and the generation counter -------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception.

        Nested use becomes a savepoint, so a service may group several library
        calls into one transaction.  IMMEDIATE takes the write lock up front:
        a read-then-write transaction cannot fail half-way on a lock upgrade.
        """
        with self._lock:
            if self._conn.in_transaction:
                self._savepoints += 1
                name = f"reader_{self._savepoints}"
                self._conn.execute(f"SAVEPOINT {name}")
                try:
                    yield
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute(f"ROLLBACK TO {name}")
                        self._conn.execute(f"RELEASE {name}")
                    raise
                else:
                    self._conn.execute(f"RELEASE {name}")
                finally:
                    self._savepoints -= 1
                return
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")

    def generation(self) -> int:
        """A counter bumped by every mutation: equal values mean nothing changed."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def _bump_generation(self) -> None:
        self._conn.execute(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'"
        )

    # -- bookkeeping ------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        """A value the app keeps in the library (first-run flags and the like)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Set a meta value.  Not user content, so `generation` does not move."""
        if key == "generation":
            raise ValueError("generation is maintained by the library")
        with self.transaction():
            self._conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    def integrity(self) -> tuple[bool, str]:
        """(ok, message) from SQLite's integrity and foreign-key checks."""
        problems = [row[0] for row in self._conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            return False, "; ".join(problems[:5])
        broken = self._conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            tables = sorted({row[0] for row in broken})
            return False, f"{len(broken)} rows point at missing rows (in {', '.join(tables)})"
        return True, "ok"

    def source_by_sha(self, sha256: str) -> dict | None:
        """The source row with this content hash (plus its `issue_id`), or None."""
        cursor = self._conn.execute(
            "SELECT s.*, i.id AS issue_id FROM sources s "
            "LEFT JOIN issues i ON i.source_id = s.id WHERE s.sha256 = ?",
            [sha256],
        )
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def sources(self) -> list[dict]:
        """Every source row (imported and failed) with its `issue_id`, in id order."""
        cursor = self._conn.execute(
            "SELECT s.*, i.id AS issue_id FROM sources s "
            "LEFT JOIN issues i ON i.source_id = s.id ORDER BY s.id"
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def stats(self) -> dict[str, int]:
        """Counts of what the library holds."""
        one = self._conn.execute
        return {
            "issues": one("SELECT COUNT(*) FROM issues").fetchone()[0],
            "articles": one("SELECT COUNT(*) FROM articles").fetchone()[0],
            "tags": one("SELECT COUNT(*) FROM tags").fetchone()[0],
            "notes": one("SELECT COUNT(*) FROM notes").fetchone()[0],
            "highlights": one("SELECT COUNT(*) FROM highlights").fetchone()[0],
            "sources": one("SELECT COUNT(*) FROM sources WHERE status = 'imported'").fetchone()[0],
            "failed": one("SELECT COUNT(*) FROM sources WHERE status = 'failed'").fetchone()[0],
        }


def _open_error_sentence(label: str, error: sqlite3.DatabaseError) -> str:
    # Extended result codes carry the primary code in their low byte.
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code == sqlite3.SQLITE_NOTADB or "not a database" in str(error):
        return f"Cannot open {label}: it is not a SQLite database."
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(error):
        return f"Cannot open {label}: another program is using it."
    if code == sqlite3.SQLITE_CORRUPT or "malformed" in str(error):
        return f"Cannot open {label}: the file is damaged."
    return f"Cannot open {label}: {error}."
