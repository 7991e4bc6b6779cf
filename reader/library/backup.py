"""A consistent copy of the library file, made while it is open.

SQLite's online backup API copies the pages under the connection's lock, so
the copy is one committed state even while the window writes.  It is
written to a temporary file next to the target and renamed over it only when
complete: a failed or interrupted backup never leaves half a file where the
user expects a backup.  The copy is switched to a rollback journal so it is
one self-contained file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from reader.library.connection import LibraryConnection
from reader.library.errors import LibraryError

#: The first bytes of every SQLite database file.
_SQLITE_HEADER = b"SQLite format 3\x00"


def backup_library(db: LibraryConnection, live_path: Path, path: str | os.PathLike) -> Path:
    """Copy the library open on `db` (its file is `live_path`) to `path`; return it (absolute).

    An existing file there is replaced only if it is a SQLite database (an
    older backup); the live library itself, a folder or any other file is refused.
    """
    target = Path(path).expanduser().absolute()
    label = f"Cannot back up the library to {target}"
    live = Path(live_path).absolute()
    if target.resolve() in {live.resolve(), *(Path(f"{live}{s}").resolve()
                                               for s in ("-wal", "-shm", "-journal"))}:
        raise LibraryError(f"{label}: that is the library itself.")
    if target.is_dir():
        raise LibraryError(f"{label}: it is a folder.")
    if not target.parent.is_dir():
        raise LibraryError(f"{label}: the folder {target.parent} does not exist.")
    if target.exists() and not _is_sqlite(target):
        raise LibraryError(f"{label}: a file that is not a library backup is already there.")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        copy = sqlite3.connect(temporary)
        try:
            with db.lock:
                db.conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE").fetchone()
        finally:
            copy.close()
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        reason = getattr(error, "strerror", None) or str(error)
        raise LibraryError(f"{label}: {reason}.") from None
    return target


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False
