"""Rewriting a library file in the form a new one has: `reader compact` (issue 17).

A library made before issue 17 has 4 KB pages, and one that has lived a while
has free pages and half-empty ones where rows were replaced.  SQLite's
`VACUUM INTO` writes every table and index afresh, in order, into a new file
with the page size a new library gets (`opening.PAGE_SIZE`); at 100k articles
that takes a library from 1.48× the page text to 1.29×.  The new file is made
next to the library (0600) and renamed over it only when whole
(`reader.atomic.replacing`): an interrupted compact leaves the library as it
was.  Row ids stay as they are, so the search index stays valid.

It is a command, not a migration run at open: it rewrites the whole file
(about a minute a GB) and needs as much free space again while it runs.  It
refuses while another Reader has the library open, and refuses a library that
opens read-only (damaged or not writable: restore a backup first).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reader.atomic import replacing
from reader.catalogue import Code
from reader.errors import sqlite_reason, write_reason
from reader.library.errors import LibraryError
from reader.library.holders import other_holder
from reader.library.opening import PAGE_SIZE


@dataclass(frozen=True)
class Compacted:
    """What `compact_library` did: the file's size and page size before and after."""

    path: Path
    size_before: int
    size_after: int
    page_size_before: int
    page_size_after: int


def compact_library(library_dir: Path, db_path: Path) -> Compacted:
    """Rewrite the (closed) library file at `db_path` compactly; see the module docstring."""
    from reader.library.store import Library

    holder = other_holder(library_dir)
    if holder is not None:
        raise LibraryError(Code.LIBRARY_OPEN_ELSEWHERE, pid=holder)
    with Library.open(db_path) as library:  # migrated, checked, and the log folded in
        if library.read_only is not None:
            raise LibraryError(library.read_only)
        page_size_before = library.db.execute("PRAGMA page_size").fetchone()[0]
    size_before = db_path.stat().st_size
    try:
        conn = sqlite3.connect(db_path, isolation_level=None)
        try:
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # VACUUM INTO writes with it
            with replacing(db_path, private=True) as temporary:
                conn.execute("VACUUM INTO ?", [str(temporary)])
                _use_wal(temporary)
                # The last connection's close folds the old file's log in and removes it,
                # so no log is left beside the new file.
                conn.close()
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise LibraryError(Code.LIBRARY_OPEN_FAILED, path=str(db_path),
                           reason=sqlite_reason(error, db_path.parent)) from None
    except OSError as error:
        raise LibraryError(Code.CANNOT_WRITE, path=str(db_path),
                           reason=write_reason(error)) from None
    return Compacted(db_path, size_before, db_path.stat().st_size, page_size_before, PAGE_SIZE)


def _use_wal(path: Path) -> None:
    """VACUUM INTO makes a rollback-journal file; a library runs with a write-ahead log."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
    finally:
        conn.close()

