"""Opening the library file without ever making things worse.

What Reader does with what it finds (issue 18, "Nothing lost"):

- **no file**: a new library is made at a temporary name (0600) and renamed into
  place whole, so a library file is either absent or a library.  But when
  backups of an earlier library exist, the file's absence is a loss, not a first
  run: Reader says so and offers the newest good backup (`reader restore`) instead
  of seeding a new library over it.
- **an empty (0-byte) file**, or one SQLite cannot read: the same refusal and offer.
- **a file SQLite reports malformed** (`PRAGMA quick_check`, see below): it is
  opened read-only, with a notice and the offer; writes are refused with a
  sentence instead of going into a damaged file.
- **a file or folder that cannot be written** (permissions, read-only disk): opened
  read-only for reading, searching and exporting, with a notice.
- **a write-ahead log deleted after a crash**: committed changes that were only in
  the log are gone, and SQLite cannot know.  Each process that opens the library for
  writing leaves a marker (`.sessions/<pid>-<start>`) and removes it when it closes;
  a marker whose process no longer runs means a crash, and if the `-wal` file is
  missing then, the notice says that changes made after that session opened may be
  lost, and offers the newest backup.  (The alternative, checkpointing after every
  write so the log is always empty, would double the writes of an import; a clean
  close already folds the log into the file, and SQLite's default synchronous=FULL
  makes each commit durable in the log.)

`quick_check` reads every page of the file (0.9 s for a 124 MB file on the 2-core
test machine), too slow for every `reader` command at 100k articles.  So it runs
whenever there is reason to doubt the file, and at least once a day: when no
backup of today exists (the daily backup must never copy damage), after a crash
(a stale marker), and when the file is not exactly as the last clean close left
it (size and modification time, kept in `.sessions/clean`).  Otherwise the file
is the one a clean close left, already checked today.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import quote

from reader.atomic import sync_folder, temp_name
from reader.catalogue import Code, Message
from reader.errors import sqlite_code, sqlite_reason, write_reason
from reader.library.backups import backup_files, backup_folder, restore_advice
from reader.library.errors import LibraryError
from reader.library.holders import as_left, crashed_sessions, leave_marker
from reader.library.lean_sqlite_utils import sqlite_utils
from reader.library.schema import MIGRATIONS, applied_versions, migrate, refuse_foreign_database

#: How long a writer waits for another process's transaction, in milliseconds.
BUSY_TIMEOUT_MS = 5000


@dataclass
class OpenedFile:
    """A connection to the library file and what was found opening it."""

    conn: sqlite3.Connection
    #: Why writes are refused (the library is open read-only), or None.
    read_only: Message | None = None
    #: What the user should be told (read-only, damage, a lost write-ahead log).
    notices: list[Message] = field(default_factory=list)
    #: The file was made by this open (a new library).
    created: bool = False
    #: This process's marker, removed when the library closes cleanly.
    marker: Path | None = None


#: The first bytes of every SQLite database file.
_SQLITE_MAGIC = b"SQLite format 3\x00"


def open_library_file(path: Path) -> OpenedFile:
    """Open (or make) the library file at `path`; see the module docstring."""
    shown = str(path)
    if path.is_dir():
        raise LibraryError(Code.LIBRARY_IS_FOLDER, path=shown)
    folder = path.parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryError(Code.LIBRARY_FOLDER_FAILED, path=shown,
                           reason=write_reason(error)) from None
    created = False
    if not path.exists():
        if backup_files(folder):
            raise LibraryError(Code.LIBRARY_FILE_MISSING, path=shown,
                               folder=str(backup_folder(folder)), advice=restore_advice(folder))
        if os.access(folder, os.W_OK):
            _create(path)
            created = True
    with contextlib.suppress(OSError):
        if path.stat().st_size == 0:
            raise LibraryError(Code.LIBRARY_EMPTY_FILE, path=shown, advice=restore_advice(folder))
        # SQLite takes a file shorter than its first page for an empty database and would
        # seed a new library over what was left of the old one (a file cut to a few bytes).
        with path.open("rb") as head:
            if head.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
                raise LibraryError(Code.LIBRARY_NOT_SQLITE, path=shown,
                                   advice=restore_advice(folder))
    if not (os.access(path, os.W_OK) and os.access(folder, os.W_OK)):
        opened = _open_read_only(path)
        opened.read_only = Message.of(Code.WHY_CANNOT_WRITE)
        opened.notices.append(Message.of(Code.LIBRARY_OPENED_READ_ONLY, path=shown))
        return opened
    lost = crashed_sessions(folder) if not created else []
    wal_missing = not Path(f"{path}-wal").exists()
    trusted = created or (not lost and as_left(path) and _checked_today(folder))
    conn = _connect(path, uri=False)
    problem = None if trusted else _quick_check(conn, shown)
    if problem is not None:
        conn.close()
        opened = _open_read_only(path)
        opened.read_only = Message.of(Code.WHY_DAMAGED)
        opened.notices.append(Message.of(Code.LIBRARY_OPENED_DAMAGED, path=shown, detail=problem,
                                         advice=restore_advice(folder)))
        return opened
    try:
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        db = sqlite_utils.Database(conn, execute_plugins=False)
        had = applied_versions(db)
        migrate(db, path=shown)
        if had and TEXT_ONCE not in had:
            _give_back_space(conn)
    except LibraryError:
        conn.close()
        raise
    except sqlite3.DatabaseError as error:
        conn.close()
        if sqlite_code(error) in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN,
                                  sqlite3.SQLITE_PERM):
            # Writable by its permissions, yet SQLite cannot write (a read-only mount).
            opened = _open_read_only(path)
            opened.read_only = Message.of(Code.WHY_CANNOT_WRITE)
            opened.notices.append(Message.of(Code.LIBRARY_OPENED_READ_ONLY, path=shown))
            return opened
        raise LibraryError(open_error(shown, error, folder)) from None
    opened = OpenedFile(conn, created=created)
    if lost and wal_missing:
        since = min(when for _, when in lost)
        opened.notices.append(Message.of(Code.WAL_LOST, wal=f"{path.name}-wal", since=since,
                                         advice=restore_advice(folder)))
    for marker, _ in lost:
        marker.unlink(missing_ok=True)
    opened.marker = leave_marker(folder)
    return opened


def _checked_today(folder: Path) -> bool:
    """Whether today's backup exists: it was made right after a check of the file."""
    found = backup_files(folder)
    return bool(found) and found[0][0] >= date.today().isoformat()


# -- connecting ---------------------------------------------------------------------------------


def _connect(path: Path, uri: bool, target: str | None = None) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(target or path, isolation_level=None, check_same_thread=False,
                               uri=uri)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as error:
        raise LibraryError(open_error(str(path), error, path.parent)) from None
    # A damaged byte inside a stored text (a bad sector, issue 18's fault campaign)
    # would otherwise fail every read of that row, search and `check` included.
    conn.text_factory = _lenient_text
    return conn


def _lenient_text(data: bytes) -> str:
    """A stored text as str; bytes that are not UTF-8 read as U+FFFD, not an exception."""
    return data.decode("utf-8", "replace")


def _open_read_only(path: Path) -> OpenedFile:
    """The file opened read-only: SQLite writes nothing, not even its `-shm`, if it cannot."""
    shown = str(path)
    target = f"file:{quote(str(path))}?mode=ro"
    conn = _connect(path, uri=True, target=target)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        conn.close()
        if sqlite_code(error) != sqlite3.SQLITE_CANTOPEN or Path(f"{path}-wal").exists():
            raise LibraryError(open_error(shown, error, path.parent)) from None
        # A WAL-mode file on a read-only disk, closed cleanly (no log): nothing can change
        # it while it is open, so SQLite may read it without its shared-memory file.
        conn = _connect(path, uri=True, target=target + "&immutable=1")
    db = sqlite_utils.Database(conn, execute_plugins=False)
    try:
        refuse_foreign_database(db, shown)
        missing = {v for v, _ in MIGRATIONS} - applied_versions(db)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise LibraryError(open_error(shown, error, path.parent)) from None
    except LibraryError:
        conn.close()
        raise
    if missing:
        conn.close()
        raise LibraryError(Code.LIBRARY_READ_ONLY_NEEDS_UPGRADE, path=shown)
    return OpenedFile(conn)


#: The migration that stores an article's text once (issue 17); it frees about a third of
#: an existing library's file, given back to the disk once, right after.
TEXT_ONCE = 9


def _give_back_space(conn: sqlite3.Connection) -> None:
    """VACUUM: rewrite the file without its free pages (atomic: a kill leaves it as it was).
    A full disk leaves the free pages to later imports, which reuse them."""
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("VACUUM")


def _quick_check(conn: sqlite3.Connection, shown: str) -> str | None:
    """SQLite's verdict on the file's pages, or None when whole."""
    try:
        found = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        if sqlite_code(error) == sqlite3.SQLITE_NOTADB:
            conn.close()
            raise LibraryError(open_error(shown, error, Path(shown).parent)) from None
        return str(error)
    if found == ["ok"]:
        return None
    # Rows may hold several lines, headed "*** in database main ***": keep the findings.
    lines = [line.strip() for row in found[:3] for line in str(row).splitlines()]
    return "; ".join(line for line in lines if line and not line.startswith("***"))[:300]


#: The page size of a new library file (bytes); `compact.compact_library` gives an existing
#: library the same.
PAGE_SIZE = 16384


def _create(path: Path) -> None:
    """Make a new, empty library at a temporary name (0600) and rename it into place."""
    temporary = temp_name(path.parent)
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        conn = sqlite3.connect(temporary, isolation_level=None)
        try:
            # An article row is about 1.3 KB a 500-character article: 4 KB pages hold two or
            # three and leave a fifth empty.  Measured on a 100k-article library (133 MB of
            # page text; issue 17): 4 KB pages 197 MB, 8 KB 179 MB, 16 KB 171 MB, 32 KB
            # 2 % less again, each page then read whole for one row.  Set before the first
            # table; an existing library keeps its page size until `reader compact`.
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            migrate(sqlite_utils.Database(conn, execute_plugins=False), path=str(path))
        finally:
            conn.close()
        os.replace(temporary, path)
    except OSError as error:
        raise LibraryError(Code.LIBRARY_FOLDER_FAILED, path=str(path),
                           reason=write_reason(error)) from None
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{temporary}{suffix}").unlink(missing_ok=True)
    sync_folder(path.parent)


#: SQLite's verdicts on a file that would not open, by primary result code.
_OPEN_ERRORS = {
    sqlite3.SQLITE_NOTADB: Code.LIBRARY_NOT_SQLITE,
    sqlite3.SQLITE_BUSY: Code.LIBRARY_IN_USE,
    sqlite3.SQLITE_LOCKED: Code.LIBRARY_IN_USE,
    sqlite3.SQLITE_CORRUPT: Code.LIBRARY_DAMAGED,
}


def open_error(path: str, error: sqlite3.Error, folder: Path) -> Message:
    """Why the library would not open, by SQLite's error code (never its message text);
    for a file that is not or no longer a database, with the newest good backup."""
    code = _OPEN_ERRORS.get(sqlite_code(error) or 0)
    if code is None:
        return Message.of(Code.LIBRARY_OPEN_FAILED, path=path,
                          reason=sqlite_reason(error, Path(path).parent))
    if code in (Code.LIBRARY_NOT_SQLITE, Code.LIBRARY_DAMAGED):
        return Message.of(code, path=path, advice=restore_advice(folder))
    return Message.of(code, path=path)
