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
    library.facets       counts and date order over ids    (facets.py)
    library.saved_searches  收藏的检索: name → query          (saved_searches.py)
    library.corrections  the reader's fixes of pages        (corrections.py)
    library.import_log      最近导入: each import's results    (import_log.py)
    library.index_record    what the search index must catch up with (index_record.py)

Every mutation runs in exactly one `transaction()` and bumps `generation`,
which the search index compares against to know whether it is in step.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path

from reader.catalogue import Message
from reader.library.articles import Articles
from reader.library.authors import Authors
from reader.library.backup import backup_library
from reader.library.connection import LibraryConnection
from reader.library.corrections import Corrections
from reader.library.facets import FacetQueries
from reader.library.filters import Filters
from reader.library.highlights import Highlights
from reader.library.holders import close_marker
from reader.library.import_log import ImportLog
from reader.library.importing import Imports
from reader.library.index_record import IndexRecord
from reader.library.issues import Issues
from reader.library.lean_sqlite_utils import sqlite_utils
from reader.library.notes import Notes
from reader.library.opening import OpenedFile, open_library_file
from reader.library.pages import Pages
from reader.library.publications import Publications
from reader.library.reading import Reading
from reader.library.saved_searches import SavedSearches
from reader.library.sources import Sources
from reader.library.tags import Tags
from reader.library.transfer import Annotations
from reader.models import SourceStatus


class Library:
    """A Reader library file.  Open with `Library.open(path)`; close, or use `with`."""

    def __init__(self, path: Path, db: sqlite_utils.Database,
                 opened: OpenedFile | None = None):
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
        self.reading = Reading(connection)
        self.highlights = Highlights(connection)
        self.annotations = Annotations(connection)
        self.filters = Filters(connection)
        self.facets = FacetQueries(connection)
        self.saved_searches = SavedSearches(connection)
        self.corrections = Corrections(connection)
        self.import_log = ImportLog(connection)
        self.index_record = IndexRecord(connection)
        opened = opened or OpenedFile(db.conn)
        #: Why the library is open read-only (writes are refused with it), or None.
        self.read_only: Message | None = opened.read_only
        connection.read_only = opened.read_only
        #: What opening found that the user should be told (see reader.library.opening).
        self.notices: list[Message] = list(opened.notices)
        #: Whether this open made the file (a new library).
        self.created = opened.created
        self._marker: Path | None = opened.marker

    # -- opening and closing ---------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike) -> Library:
        """Open (creating if needed) the library at `path` and bring its schema up to date.

        A damaged file or one that cannot be written opens read-only (`read_only`
        says why, `notices` what to tell the user); see `reader.library.opening`.
        """
        opened = open_library_file(Path(path))
        return cls(Path(path), sqlite_utils.Database(opened.conn, execute_plugins=False), opened)

    def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        self._conn.close()
        close_marker(self._marker, self.path)
        self._marker = None

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
        try:
            problems = [row[0] for row in self._conn.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as error:  # damage can stop the check itself
            return False, str(error)
        if problems != ["ok"]:
            return False, "; ".join(problems[:5])
        broken = self._conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            tables = sorted({row[0] for row in broken})
            return False, f"{len(broken)} rows point at missing rows (in {', '.join(tables)})"
        return True, "ok"

    def backup(self, path: str | os.PathLike, own_reader: bool = False) -> Path:
        """Copy the library to `path` while it is open and return it (see `backup`)."""
        return backup_library(self._connection, self.path, path, own_reader)

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
