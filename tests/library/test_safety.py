"""What Reader does with a library it cannot trust (issue 18, item 5 and "Nothing lost").

An empty or missing library file with backups is never seeded over; a file
SQLite reports malformed opens read-only and refuses writes; a write-ahead log
deleted after a crash is noticed; new library files are the user's only.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.app import Session
from reader.catalogue import Code
from reader.library import Library
from reader.library.backups import BACKUP_DIR
from reader.library.errors import LibraryError
from reader.paths import resolve_paths

ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _with_a_backup(library_dir: Path) -> None:
    """Open the library once: the day's backup is made."""
    with Session.open(resolve_paths(library_dir)):
        pass
    assert list((library_dir / BACKUP_DIR).iterdir())


def damage_an_index_page(db_path: Path, index: str = "sources_path") -> None:
    """Make one b-tree page of an index unreadable, as a torn write would: reads that do
    not use that index still work, SQLite's quick_check reports the file malformed."""
    conn = sqlite3.connect(db_path)
    page = conn.execute("SELECT pageno FROM dbstat WHERE name = ?", [index]).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db_path.read_bytes())
    offset = (page - 1) * size
    data[offset + 3:offset + 5] = b"\x7f\xff"  # the page's cell count
    db_path.write_bytes(bytes(data))


# -- empty and missing files ------------------------------------------------------------------


def test_a_zero_byte_library_is_not_seeded_over_and_the_backup_is_offered(library_dir):
    _with_a_backup(library_dir)
    paths = resolve_paths(library_dir)
    paths.db_path.write_bytes(b"")
    with pytest.raises(LibraryError) as caught:
        Session.open(paths)
    assert caught.value.code == Code.LIBRARY_EMPTY_FILE
    message = str(caught.value)
    assert "is empty (0 bytes)" in message
    assert "The newest good backup is from" in message and "reader restore" in message
    assert paths.db_path.stat().st_size == 0  # left exactly as found


def test_a_zero_byte_library_without_backups_is_refused_too(library_dir):
    paths = resolve_paths(library_dir)
    paths.db_path.write_bytes(b"")
    with pytest.raises(LibraryError, match="There is no good backup of it"):
        Session.open(paths)
    assert paths.db_path.stat().st_size == 0


@pytest.mark.parametrize("left", [b"S", b"SQLite format 3\x00"[:10], b"\x00" * 300])
def test_a_library_cut_to_a_few_bytes_is_not_seeded_over(library_dir, left):
    # SQLite takes a file shorter than one page for an empty database: found by the fault
    # suite, a library cut to 1 byte was seeded anew and the day's annotations were gone.
    _with_a_backup(library_dir)
    paths = resolve_paths(library_dir)
    paths.db_path.write_bytes(left)
    with pytest.raises(LibraryError) as caught:
        Session.open(paths)
    assert caught.value.code == Code.LIBRARY_NOT_SQLITE
    assert "reader restore" in str(caught.value)
    assert paths.db_path.read_bytes() == left  # left exactly as found


def test_a_missing_library_file_with_backups_is_not_replaced_by_a_new_one(library_dir):
    _with_a_backup(library_dir)
    paths = resolve_paths(library_dir)
    paths.db_path.unlink()
    with pytest.raises(LibraryError) as caught:
        Session.open(paths)
    assert caught.value.code == Code.LIBRARY_FILE_MISSING
    assert not paths.db_path.exists()


def test_a_new_library_is_the_users_only(tmp_path):
    old = os.umask(0o022)
    try:
        with Library.open(tmp_path / "new" / "library.sqlite3") as library:
            assert library.created
            library.set_meta("x", "y")
    finally:
        os.umask(old)
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "new" / "library.sqlite3").stat().st_mode & 0o777 == 0o600
    with Library.open(tmp_path / "new" / "library.sqlite3") as library:
        assert not library.created
        assert library.get_meta("x") == "y"


# -- a malformed file ---------------------------------------------------------------------------


def test_a_malformed_library_opens_read_only_and_refuses_writes(library_dir):
    _with_a_backup(library_dir)
    paths = resolve_paths(library_dir)
    damage_an_index_page(paths.db_path)
    before = _digest(paths.db_path)
    with Session.open(paths) as session:
        assert session.read_only is not None
        [notice] = session.notices
        assert notice.code == Code.LIBRARY_OPENED_DAMAGED
        assert "open read-only" in str(notice) and "reader restore" in str(notice)
        # Reading still works: the articles, and a search.
        assert session.library.stats()["articles"] == 43
        assert session.search("红色物业").total == 3
        with pytest.raises(LibraryError) as caught:
            session.annotations.tag([1], ["红色"])
        assert str(caught.value) == ("Nothing was changed: the library is open read-only "
                                     "(it is damaged; reader restore puts back a backup).")
        with pytest.raises(LibraryError, match="read-only"):
            session.library.notes.set(1, "一条笔记")
    assert _digest(paths.db_path) == before
    # And no backup of the damaged file pushed a good one out.
    backups = list((library_dir / BACKUP_DIR).iterdir())
    assert len(backups) == 1


# -- a write-ahead log deleted after a crash ------------------------------------------------------

_WRITE_AND_DIE = (
    "import os, signal, sys\n"
    "from reader.library import Library\n"
    "library = Library.open(sys.argv[1])\n"
    "library.notes.set(1, 'only in the log')\n"
    "os.kill(os.getpid(), signal.SIGKILL)\n"
)


def _write_and_crash(db_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", _WRITE_AND_DIE, str(db_path)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == -signal.SIGKILL


def test_a_write_ahead_log_deleted_after_a_crash_is_noticed(library_dir):
    paths = resolve_paths(library_dir)
    _write_and_crash(paths.db_path)
    Path(f"{paths.db_path}-wal").unlink()
    with Library.open(paths.db_path) as library:
        [notice] = library.notices
        assert notice.code == Code.WAL_LOST
        assert "write-ahead log (library.sqlite3-wal) is gone" in str(notice)
        assert "may be lost" in str(notice)
        assert library.notes.get(1) is None  # what was lost is lost; it was said
    with Library.open(paths.db_path) as library:
        assert library.notices == []  # said once


def test_a_crash_with_its_log_in_place_loses_nothing_and_says_nothing(library_dir):
    paths = resolve_paths(library_dir)
    _write_and_crash(paths.db_path)
    with Library.open(paths.db_path) as library:
        assert library.notices == []
        assert library.notes.get(1) == "only in the log"


def test_a_clean_close_leaves_no_marker_and_no_log(library_dir):
    paths = resolve_paths(library_dir)
    with Library.open(paths.db_path) as library:
        library.notes.set(1, "kept")
    assert not Path(f"{paths.db_path}-wal").exists()
    # No marker is left; the record of the file as this close left it is.
    assert [p.name for p in (library_dir / ".sessions").iterdir()] == ["clean"]


def test_a_file_changed_after_a_clean_close_is_checked_again(library_dir):
    """The check is skipped only for the very file a clean close left on a day it was checked."""
    _with_a_backup(library_dir)
    paths = resolve_paths(library_dir)
    with Library.open(paths.db_path) as library:
        assert library.read_only is None
    damage_an_index_page(paths.db_path)
    with Library.open(paths.db_path) as library:
        assert library.read_only is not None
