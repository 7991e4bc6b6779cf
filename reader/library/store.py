"""The `Library`: one SQLite file holding issues, articles and the user's data.

This module opens the file (WAL, foreign keys, busy timeout, migrations) and
keeps small bookkeeping (meta values, integrity, stats, backup).  What the
library does is done by managers, one job each, every one given the shared
`LibraryConnection` and nothing else:

    library.imports      pages in, updates in place        (importing.py)
    library.sources      the page files imported or failed (sources.py)
    library.publications papers (报纸), their years, rename/merge (publications.py)
    library.issues       issues: one date of one paper      (issues.py)
    library.pages        pages (版), the user's page edits  (pages.py)
    library.articles     article records out               (articles.py)
    library.authors      the author list                   (authors.py)
    library.tags         tagging, rename/merge, colours     (tags.py)
    library.notes        article notes                     (notes.py)
    library.highlights   highlights                        (highlights.py)
    library.annotations  overview, export and merge        (transfer.py)
    library.filters      id sets for search filters        (filters.py)

Every mutation runs in exactly one `transaction()` and bumps `generation`,
which the search index compares against to know whether it is in step.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path

import sqlite_utils

from reader.catalogue import Code, Message
from reader.errors import sqlite_code, sqlite_reason, write_reason
from reader.library.articles import Articles
from reader.library.authors import Authors
from reader.library.backup import backup_library
from reader.library.connection import LibraryConnection
from reader.library.errors import LibraryError
from reader.library.filters import Filters
from reader.library.highlights import Highlights
from reader.library.importing import Imports
from reader.library.issues import Issues
from reader.library.notes import Notes
from reader.library.pages import Pages
from reader.library.publications import Publications
from reader.library.schema import migrate
from reader.library.sources import Sources
from reader.library.tags import Tags
from reader.library.transfer import Annotations
from reader.models import SourceStatus

#: How long a writer waits for another process's transaction, in milliseconds.
BUSY_TIMEOUT_MS = 5000


class Library:
    """A Reader library file.  Open with `Library.open(path)`; close, or use `with`."""

    def __init__(self, path: Path, db: sqlite_utils.Database):
        self.path = path
        self._db = db
        self._conn = db.conn
        self._connection = connection = LibraryConnection(db.conn)
        self.imports = Imports(connection)
        self.sources = Sources(connection)
        self.publications = Publications(connection)
        self.issues = Issues(connection)
        self.pages = Pages(connection)
        self.articles = Articles(connection)
        self.authors = Authors(connection)
        self.tags = Tags(connection)
        self.notes = Notes(connection)
        self.highlights = Highlights(connection)
        self.annotations = Annotations(connection)
        self.filters = Filters(connection)

    # -- opening and closing ---------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike) -> Library:
        """Open (creating if needed) the library at `path` and bring its schema up to date."""
        path = Path(path)
        shown = str(path)
        if path.is_dir():
            raise LibraryError(Code.LIBRARY_IS_FOLDER, path=shown)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(Code.LIBRARY_FOLDER_FAILED, path=shown,
                               reason=write_reason(error)) from None
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise LibraryError(_open_error(shown, error)) from None
        # A damaged byte inside a stored text (a bad sector, issue 18's fault campaign)
        # would otherwise fail every read of that row, search and `check` included.
        conn.text_factory = _lenient_text
        try:
            db = sqlite_utils.Database(conn, execute_plugins=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(db, path=shown)
        except LibraryError:
            conn.close()
            raise
        except sqlite3.DatabaseError as error:
            conn.close()
            raise LibraryError(_open_error(shown, error)) from None
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

    @property
    def connection(self) -> LibraryConnection:
        """The connection every manager shares (for maintenance and tests)."""
        return self._connection

    def transaction(self) -> AbstractContextManager[None]:
        """One transaction around several manager calls (nested use is a savepoint)."""
        return self._connection.transaction()

    def generation(self) -> int:
        """A counter bumped by every mutation: equal values mean nothing changed."""
        return self._connection.generation()

    # -- bookkeeping ------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        """A value the app keeps in the library (first-run flags and the like)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Set a meta value.  Not user content, so `generation` does not move."""
        if key == "generation":
            raise ValueError("generation is maintained by the library")
        with self._connection.transaction():
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

    def backup(self, path: str | os.PathLike) -> Path:
        """Copy the library to `path` while it is open and return it (see `backup`)."""
        return backup_library(self._connection, self.path, path)

    def stats(self) -> dict[str, int]:
        """Counts of what the library holds."""
        one = self._conn.execute
        return {
            "papers": one("SELECT COUNT(*) FROM publications").fetchone()[0],
            "issues": one("SELECT COUNT(*) FROM issues").fetchone()[0],
            "pages": one("SELECT COUNT(*) FROM pages").fetchone()[0],
            "articles": one("SELECT COUNT(*) FROM articles").fetchone()[0],
            "tags": one("SELECT COUNT(*) FROM tags").fetchone()[0],
            "notes": one("SELECT COUNT(*) FROM notes").fetchone()[0],
            "highlights": one("SELECT COUNT(*) FROM highlights").fetchone()[0],
            "sources": one("SELECT COUNT(*) FROM sources WHERE status = ?",
                           [SourceStatus.IMPORTED]).fetchone()[0],
            "failed": one("SELECT COUNT(*) FROM sources WHERE status = ?",
                          [SourceStatus.FAILED]).fetchone()[0],
        }


#: SQLite's verdicts on a file that would not open, by primary result code.
_OPEN_ERRORS = {
    sqlite3.SQLITE_NOTADB: Code.LIBRARY_NOT_SQLITE,
    sqlite3.SQLITE_BUSY: Code.LIBRARY_IN_USE,
    sqlite3.SQLITE_LOCKED: Code.LIBRARY_IN_USE,
    sqlite3.SQLITE_CORRUPT: Code.LIBRARY_DAMAGED,
}


def _lenient_text(data: bytes) -> str:
    """A stored text as str; bytes that are not UTF-8 read as U+FFFD, not an exception."""
    return data.decode("utf-8", "replace")


def _open_error(path: str, error: sqlite3.Error) -> Message:
    """Why the library would not open, by SQLite's error code (never its message text)."""
    code = _OPEN_ERRORS.get(sqlite_code(error) or 0)
    if code is not None:
        return Message.of(code, path=path)
    return Message.of(Code.LIBRARY_OPEN_FAILED, path=path, reason=sqlite_reason(error))
