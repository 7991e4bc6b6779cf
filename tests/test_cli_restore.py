"""Automatic daily backups and `reader restore` (issue 18: "Automatic backups").

The library is copied at most once a day when it opens, keeping the newest
five; `reader restore` lists them and puts one back, keeping the library as it
was aside, never deleting it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from reader.app import Session
from reader.library import Library
from reader.library.backups import BACKUP_DIR, KEEP, daily_backup
from reader.paths import resolve_paths
from tests.library.test_safety import damage_an_index_page
from tests.reader_cli import reader


def _backups(library_dir):
    return sorted(p.name for p in (library_dir / BACKUP_DIR).iterdir())


def test_opening_backs_the_library_up_once_a_day_privately(library_dir):
    old = os.umask(0o022)
    try:
        reader(library_dir, "tag", "1", "红色", check=True)
    finally:
        os.umask(old)
    today = f"library-{date.today().isoformat()}.sqlite3"
    assert _backups(library_dir) == [today]
    backup = library_dir / BACKUP_DIR / today
    assert backup.stat().st_mode & 0o777 == 0o600
    assert (library_dir / BACKUP_DIR).stat().st_mode & 0o777 == 0o700
    first = backup.stat().st_mtime_ns
    reader(library_dir, "tag", "2", "红色", check=True)
    assert _backups(library_dir) == [today]
    assert backup.stat().st_mtime_ns == first  # not again the same day
    with Library.open(backup) as copy:
        assert copy.stats()["articles"] == 43


def test_only_the_newest_backups_are_kept(library_dir):
    with Library.open(resolve_paths(library_dir).db_path) as library:
        start = date(2026, 1, 1)
        for n in range(KEEP + 3):
            daily_backup(library, library_dir, start + timedelta(days=n))
    names = _backups(library_dir)
    assert len(names) == KEEP
    assert names[-1] == f"library-{(start + timedelta(days=KEEP + 2)).isoformat()}.sqlite3"


def test_restore_lists_then_puts_the_newest_good_backup_back(library_dir):
    paths = resolve_paths(library_dir)
    reader(library_dir, "note", "1", "备份里有的笔记", check=True)  # the day's backup: before it
    with Session.open(paths) as session:
        session.library.notes.set(1, "备份之后写的笔记")
    listed = reader(library_dir, "restore", check=True).stdout
    assert f"{date.today().isoformat()}  library-" in listed
    assert "43 articles, 0 notes, 0 tags" in listed
    damage_an_index_page(paths.db_path)
    damaged = paths.db_path.read_bytes()

    done = reader(library_dir, "restore", "newest", check=True).stdout
    assert done.startswith(f"Restored the library from the backup of {date.today().isoformat()}")
    kept = [p for p in library_dir.iterdir() if ".before-restore-" in p.name]
    assert [p.read_bytes() for p in kept if not p.name.endswith(("-wal", "-shm"))] == [damaged]
    assert "Kept the library as it was" in done
    assert not paths.index_dir.exists()
    with Session.open(paths) as session:
        assert session.read_only is None
        assert session.library.notes.get(1) is None
        assert session.search("红色物业").total == 3


def test_restore_refuses_a_damaged_backup_and_an_unknown_one(library_dir):
    reader(library_dir, "stats", check=True)
    [name] = _backups(library_dir)
    damage_an_index_page(library_dir / BACKUP_DIR / name)
    listed = reader(library_dir, "restore")
    assert listed.returncode == 1
    assert "damaged:" in listed.stdout
    refused = reader(library_dir, "restore", name)
    assert refused.returncode == 1
    assert "is damaged" in refused.stderr and "choose another" in refused.stderr
    unknown = reader(library_dir, "restore", "1999-01-01")
    assert unknown.returncode == 1
    assert "No backup named 1999-01-01" in unknown.stderr


def test_restore_refuses_while_a_window_holds_the_library(library_dir):
    reader(library_dir, "stats", check=True)
    window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (library_dir / "reader.lock").write_text(f"{window.pid}\nreader\nhost\n")
        refused = reader(library_dir, "restore", "newest")
    finally:
        window.kill()
        window.wait()
    assert refused.returncode == 1
    assert f"Another Reader (process {window.pid}) has this library open" in refused.stderr
    # Its owner gone, the lock no longer stands in the way.
    assert reader(library_dir, "restore", "newest").returncode == 0


def test_restore_brings_back_an_emptied_library(library_dir):
    paths = resolve_paths(library_dir)
    reader(library_dir, "tag", "5", "留着", check=True)
    reader(library_dir, "stats", check=True)
    paths.db_path.write_bytes(b"")
    refused = reader(library_dir, "stats")
    assert refused.returncode == 1 and "is empty (0 bytes)" in refused.stderr
    reader(library_dir, "restore", "newest", check=True)
    assert reader(library_dir, "stats", check=True).stdout.splitlines()[1] == "articles   43"


def test_restore_refuses_while_another_reader_has_the_library_open(library_dir):
    reader(library_dir, "stats", check=True)
    code = ("import sys, time\nfrom reader.library import Library\n"
            "library = Library.open(sys.argv[1])\nprint('open', flush=True)\ntime.sleep(60)\n")
    other = subprocess.Popen([sys.executable, "-c", code,
                              str(resolve_paths(library_dir).db_path)],
                             stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parent.parent)
    try:
        assert other.stdout.readline().strip() == "open"
        refused = reader(library_dir, "restore", "newest")
    finally:
        other.kill()
        other.wait()
        other.stdout.close()
    assert refused.returncode == 1
    assert f"Another Reader (process {other.pid}) has this library open" in refused.stderr
