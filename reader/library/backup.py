"""A consistent copy of the library file, made while it is open.

SQLite's online backup API copies the pages under the connection's lock, so
the copy is one committed state even while the window writes.  It is
written to a temporary file next to the target and renamed over it only when
complete (`reader.atomic.replacing`): a failed or interrupted backup never
leaves half a file where the user expects a backup.  The copy is switched to a
rollback journal so it is one self-contained file, readable by the user only
(0600): a backup holds every note.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.atomic import replacing
from reader.catalogue import Code, Message
from reader.errors import sqlite_reason, write_reason
from reader.library.connection import LibraryConnection
from reader.library.errors import LibraryError

#: The first bytes of every SQLite database file.
_SQLITE_HEADER = b"SQLite format 3\x00"


def backup_library(db: LibraryConnection, live_path: Path, path: str | os.PathLike,
                   own_reader: bool = False) -> Path:
    """Copy the library open on `db` (its file is `live_path`) to `path`; return it (absolute).

    An existing file there is replaced only if it is a SQLite database (an
    older backup); the live library itself, a folder or any other file is refused.
    With `own_reader` the pages are read by a read-only connection of the copy's own,
    in one step (one snapshot of the write-ahead-logged file), and `db` is not held:
    the library stays usable while a large copy is made on another thread.
    """
    target = Path(path).expanduser().absolute()
    live = Path(live_path).absolute()
    if target.resolve() in {live.resolve(), *(Path(f"{live}{s}").resolve()
                                               for s in ("-wal", "-shm", "-journal"))}:
        raise LibraryError(Code.BACKUP_IS_LIBRARY, path=str(target))
    if target.is_dir():
        raise LibraryError(Code.BACKUP_IS_FOLDER, path=str(target))
    if not target.parent.is_dir():
        raise LibraryError(Code.BACKUP_NO_FOLDER, path=str(target), folder=str(target.parent))
    if target.exists() and not _is_sqlite(target):
        raise LibraryError(Code.BACKUP_NOT_A_BACKUP, path=str(target))
    try:
        with replacing(target, private=True) as temporary:
            copy = sqlite3.connect(temporary)
            try:
                if own_reader:
                    source = sqlite3.connect(f"{live.as_uri()}?mode=ro", uri=True, timeout=30)
                    try:
                        source.backup(copy)  # pages=-1: all in one step, one snapshot
                    finally:
                        source.close()
                else:
                    with db.lock:
                        db.conn.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE").fetchone()
            finally:
                copy.close()
    except (OSError, sqlite3.Error) as error:
        raise LibraryError(Code.BACKUP_FAILED, path=str(target), reason=_why(error)) from None
    return target


def _why(error: OSError | sqlite3.Error) -> Message:
    return write_reason(error) if isinstance(error, OSError) else sqlite_reason(error)


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False
