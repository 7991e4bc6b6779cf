"""Automatic backups of the library, as Zotero keeps them, and putting one back.

When Reader opens a healthy, writable library it copies it (SQLite's backup
API, `backup.backup_library`), checks the copy whole and packs it into
`<library>/backups/library-YYYY-MM-DD.sqlite3.zst` (zstd, `packed_backups`: a
third of the library's size or less) at most once a day, and keeps the newest
`KEEP` of them.  A damaged library is never backed up (it would push good
backups out).  Backups are 0600 in a 0700 folder: they hold every note.
Backups made before issue 17 (plain `library-YYYY-MM-DD.sqlite3` copies) are
listed, checked, kept and restored the same way.

`restore` puts a backup back: the library file as it is now (with its
write-ahead log) is moved aside, never deleted, to
`library.sqlite3.before-restore-<time>`; the backup is copied into place
(0600); the search index, a cache of the library, is removed so that the next
open rebuilds it from the restored library.  It refuses while another Reader
has the library open (`holders.other_holder`: a live marker or window lock).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from reader.atomic import replacing, sync_folder
from reader.catalogue import Code, Message
from reader.errors import write_reason
from reader.library.errors import LibraryError
from reader.library.holders import other_holder
from reader.library.packed_backups import (
    SUFFIX,
    PackedBackupError,
    PackedFacts,
    count_and_check,
    facts_of,
    pack,
    unpack,
)

BACKUP_DIR = "backups"
#: How many daily backups are kept.
KEEP = 5
_NAME = re.compile(r"^library-(\d{4}-\d{2}-\d{2})\.sqlite3(?:\.zst)?$")
#: The plain copy a daily backup is packed from; a crash may leave one, removed next time.
_UNPACKED = ".unpacked"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: its day, size, whether it is whole, and what it holds."""

    path: Path
    day: str
    size: int
    problem: str | None
    articles: int = 0
    notes: int = 0
    tags: int = 0

    @property
    def good(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class Restored:
    """What `restore` did."""

    backup: BackupInfo
    library: Path
    kept_aside: tuple[Path, ...]


def backup_folder(library_dir: Path) -> Path:
    return Path(library_dir) / BACKUP_DIR


def backup_files(library_dir: Path) -> list[tuple[str, Path]]:
    """(day, path) of every backup, newest first."""
    folder = backup_folder(library_dir)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = [(m.group(1), p) for p in entries if (m := _NAME.match(p.name)) and p.is_file()]
    return sorted(found, reverse=True)


def inspect_backup(path: Path, day: str = "") -> BackupInfo:
    """Check a backup whole and a Reader library: a plain copy opened read-only (SQLite's
    quick_check), a packed one read through (zstd's checksum, `packed_backups.unpack`)."""
    try:
        size = path.stat().st_size
    except OSError as error:
        return BackupInfo(path, day, 0, error.strerror or str(error))
    if path.name.endswith(SUFFIX):
        try:
            facts = unpack(path)
        except (OSError, PackedBackupError) as error:
            return BackupInfo(path, day, size, _problem(error))
        return BackupInfo(path, day, size, None, facts.articles, facts.notes, facts.tags)
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return BackupInfo(path, day, size, str(error))
    try:
        found = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if found != ["ok"]:
            return BackupInfo(path, day, size, "; ".join(found[:3]))
        counts = [conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("articles", "notes", "tags")]
    except sqlite3.Error as error:
        return BackupInfo(path, day, size, str(error))
    finally:
        conn.close()
    return BackupInfo(path, day, size, None, *counts)


def _problem(error: OSError | PackedBackupError) -> str:
    return (error.strerror or str(error)) if isinstance(error, OSError) else str(error)


def list_backups(library_dir: Path) -> list[BackupInfo]:
    """Every backup, newest first, each checked."""
    return [inspect_backup(path, day) for day, path in backup_files(library_dir)]


def newest_good_backup(library_dir: Path) -> BackupInfo | None:
    for day, path in backup_files(library_dir):
        info = inspect_backup(path, day)
        if info.good:
            return info
    return None


def restore_advice(library_dir: Path) -> Message:
    """What the user can do about a damaged library: the newest good backup, if any."""
    best = newest_good_backup(library_dir)
    if best is None:
        return Message.of(Code.NO_BACKUP_ADVICE)
    return Message.of(Code.RESTORE_ADVICE, day=best.day)


def daily_backup(library, library_dir: Path, today: date | None = None,
                 own_reader: bool = False) -> Path | None:
    """Back up `library` (a `Library`) unless a backup of today exists; keep the newest KEEP.

    The copy is made next to its place, checked whole, packed (written to a
    temporary file and renamed into place only when complete) and removed.  When
    it is the library the newest backup holds (same digest), that backup is given
    today's name instead of a second copy being made.
    Returns the new backup, or None when there was one already.  `own_reader`: see
    `backup.backup_library` (the window makes the day's backup on a thread of its own).
    """
    day = (today or date.today()).isoformat()
    existing = backup_files(library_dir)
    if existing and existing[0][0] >= day:
        return None
    folder = backup_folder(library_dir)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as error:
        raise LibraryError(Code.BACKUP_FAILED, path=str(folder), reason=write_reason(error)) from None
    for leftover in folder.glob(f"*{_UNPACKED}"):  # from a backup cut short
        leftover.unlink(missing_ok=True)
    target = folder / f"library-{day}.sqlite3{SUFFIX}"
    plain = library.backup(folder / f"library-{day}.sqlite3{_UNPACKED}", own_reader)
    try:
        facts = count_and_check(plain)
        newest = _newest_packed(library_dir)
        if newest is not None and newest[1].digest == facts.digest:
            # Unchanged since that backup: it becomes today's, and an older, different
            # state is not pushed out by a second copy of this one.
            os.replace(newest[0], target)
            sync_folder(folder)
            return target
        with replacing(target, private=True) as temporary, open(temporary, "wb") as handle:
            pack(plain, handle, facts)
    except PackedBackupError as error:  # the copy is not whole: the disk or SQLite failed
        raise LibraryError(Code.BACKUP_FAILED, path=str(target),
                           reason=Message.of(Code.WRITE_OS,
                                             detail=f"the copy is not whole ({error})")) from None
    except OSError as error:
        raise LibraryError(Code.BACKUP_FAILED, path=str(target), reason=write_reason(error)) from None
    finally:
        plain.unlink(missing_ok=True)
    for _, old in backup_files(library_dir)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def _newest_packed(library_dir: Path) -> tuple[Path, PackedFacts] | None:
    """The newest backup, if it is packed, whole and its metadata holds a digest."""
    files = backup_files(library_dir)
    if not files or not files[0][1].name.endswith(SUFFIX):
        return None
    facts = facts_of(files[0][1])
    if facts is None or not facts.digest:
        return None
    try:
        unpack(files[0][1])  # whole: a damaged backup is not carried forward as today's
    except (OSError, PackedBackupError):
        return None
    return files[0][1], facts


def choose_backup(library_dir: Path, name: str | None) -> BackupInfo:
    """The backup `name` (a day, a file name or a path), or the newest good one."""
    folder = backup_folder(library_dir)
    files = backup_files(library_dir)
    if name is None:
        best = newest_good_backup(library_dir)
        if best is None:
            raise LibraryError(Code.NO_BACKUPS, folder=str(folder))
        return best
    candidates = [p for d, p in files if name in (d, p.name)]
    path = candidates[0] if candidates else Path(name).expanduser()
    if not path.is_file():
        raise LibraryError(Code.NO_SUCH_BACKUP, name=name, folder=str(folder))
    match = _NAME.match(path.name)
    info = inspect_backup(path, match.group(1) if match else "")
    if not info.good:
        raise LibraryError(Code.BACKUP_DAMAGED, path=str(path), detail=info.problem)
    return info


def restore(library_dir: Path, db_path: Path, backup: BackupInfo, index_dir: Path,
            now: datetime | None = None) -> Restored:
    """Put `backup` in the library's place (see the module docstring); the library is closed."""
    holder = other_holder(library_dir)
    if holder is not None:
        raise LibraryError(Code.LIBRARY_OPEN_ELSEWHERE, pid=holder)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside: list[Path] = []
    try:
        with replacing(db_path, private=True) as temporary:
            # The backup is written out first: one that fails to unpack leaves the library
            # where it was.
            if backup.path.name.endswith(SUFFIX):
                with open(temporary, "wb") as handle:
                    unpack(backup.path, handle)
            else:
                shutil.copyfile(backup.path, temporary)
            for suffix in ("", "-wal", "-shm"):
                current = Path(f"{db_path}{suffix}")
                if current.exists():
                    # The pair keeps its names' relation, so SQLite still finds the log.
                    target = Path(f"{db_path}.before-restore-{stamp}{suffix}")
                    os.replace(current, target)
                    aside.append(target)
        shutil.rmtree(index_dir, ignore_errors=True)
    except PackedBackupError as error:  # damaged since it was checked: nothing was replaced
        raise LibraryError(Code.BACKUP_DAMAGED, path=str(backup.path), detail=str(error)) from None
    except OSError as error:
        raise LibraryError(Code.BACKUP_FAILED, path=str(db_path),
                           reason=write_reason(error)) from None
    sync_folder(db_path.parent)
    return Restored(backup, db_path, tuple(aside))
