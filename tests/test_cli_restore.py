"""Automatic daily backups and `reader restore` (issue 18: "Automatic backups").

The library is copied at most once a day when it opens, keeping the newest
five, each packed with zstd (issue 17); `reader restore` lists them and puts one
back, keeping the library as it was aside, never deleting it.  Plain copies made
before issue 17 are listed and restored the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from reader.app import Session
from reader.catalogue import Code
from reader.library import Library
from reader.library.backups import BACKUP_DIR, KEEP, daily_backup
from reader.library.errors import LibraryError
from reader.library.packed_backups import unpack
from reader.paths import resolve_paths
from tests.library.test_safety import damage_an_index_page
from tests.reader_cli import reader


def _backups(library_dir):
    return sorted(p.name for p in (library_dir / BACKUP_DIR).iterdir())


def _backed_up(library_dir) -> None:
    """The day's backup, made as the first command of the day that may change the library
    makes it (one that only reads makes none)."""
    reader(library_dir, "tag", "1", "备份之前", check=True)


def _unpacked(backup: Path, tmp_path: Path) -> Path:
    plain = tmp_path / "unpacked.sqlite3"
    with plain.open("wb") as handle:
        unpack(backup, handle)
    return plain


def damage_packed_bytes(path: Path) -> None:
    """Flip bytes in the middle of a packed backup, as a bad sector would."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 4] = bytes(b ^ 0xFF for b in data[middle:middle + 4])
    path.write_bytes(bytes(data))


def test_opening_backs_the_library_up_once_a_day_privately(library_dir, tmp_path):
    old = os.umask(0o022)
    try:
        reader(library_dir, "tag", "1", "红色", check=True)
    finally:
        os.umask(old)
    today = f"library-{date.today().isoformat()}.sqlite3.zst"
    assert _backups(library_dir) == [today]
    backup = library_dir / BACKUP_DIR / today
    assert backup.stat().st_mode & 0o777 == 0o600
    assert (library_dir / BACKUP_DIR).stat().st_mode & 0o777 == 0o700
    first = backup.stat().st_mtime_ns
    reader(library_dir, "tag", "2", "红色", check=True)
    assert _backups(library_dir) == [today]
    assert backup.stat().st_mtime_ns == first  # not again the same day
    assert backup.stat().st_size < resolve_paths(library_dir).db_path.stat().st_size / 2
    with Library.open(_unpacked(backup, tmp_path)) as copy:
        assert copy.stats()["articles"] == 43


def test_commands_that_only_read_make_no_backup(library_dir):
    # At a million articles the copy costs the first command of a day some 20 s: only a
    # command that may change the library makes it.
    for command in (["stats"], ["search", "红色物业"], ["show", "1"], ["list"], ["check"],
                    ["tags"], ["searches"], ["kwic", "网格"], ["trend", "网格"]):
        reader(library_dir, *command, check=True)
    assert not (library_dir / BACKUP_DIR).exists() or _backups(library_dir) == []
    reader(library_dir, "searches", "save", "物业", "红色物业", check=True)
    assert _backups(library_dir) == [f"library-{date.today().isoformat()}.sqlite3.zst"]


def test_only_the_newest_backups_are_kept(library_dir):
    with Library.open(resolve_paths(library_dir).db_path) as library:
        start = date(2026, 1, 1)
        for n in range(KEEP + 3):
            library.notes.set(1, f"第{n}天的笔记")
            daily_backup(library, library_dir, start + timedelta(days=n))
    names = _backups(library_dir)
    assert len(names) == KEEP
    assert names[-1] == f"library-{(start + timedelta(days=KEEP + 2)).isoformat()}.sqlite3.zst"


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
    _backed_up(library_dir)
    [name] = _backups(library_dir)
    damage_packed_bytes(library_dir / BACKUP_DIR / name)
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
    _backed_up(library_dir)
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
    _backed_up(library_dir)
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


def test_a_plain_backup_from_before_packing_still_lists_and_restores(library_dir):
    paths = resolve_paths(library_dir)
    reader(library_dir, "note", "2", "旧备份里的笔记", check=True)
    (library_dir / BACKUP_DIR).mkdir(mode=0o700, exist_ok=True)
    with Library.open(paths.db_path) as library:  # as daily_backup made them before issue 17
        library.backup(library_dir / BACKUP_DIR / "library-2020-01-02.sqlite3")
    reader(library_dir, "note", "2", "", check=True)
    listed = reader(library_dir, "restore", check=True).stdout
    assert "2020-01-02  library-2020-01-02.sqlite3" in listed
    assert "43 articles, 1 notes" in listed or "43 articles, 1 note" in listed
    reader(library_dir, "restore", "2020-01-02", check=True)
    with Session.open(paths) as session:
        assert session.library.notes.get(2) == "旧备份里的笔记"


def test_a_packed_backup_is_a_standard_zstd_file_of_the_library(library_dir, tmp_path):
    import zstandard

    reader(library_dir, "note", "3", "打包的笔记", check=True)
    with Library.open(resolve_paths(library_dir).db_path) as library:
        made = daily_backup(library, library_dir, date(2030, 5, 6))
    assert made is not None and made.name == "library-2030-05-06.sqlite3.zst"
    # Any zstd decoder passes over the metadata frame and gives the library file back.
    with made.open("rb") as handle:
        plain = zstandard.ZstdDecompressor().stream_reader(handle, read_across_frames=True).read()
    assert plain.startswith(b"SQLite format 3\x00")
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(plain)
    with Library.open(copy) as restored:
        assert restored.notes.get(3) == "打包的笔记"
    assert not list((library_dir / BACKUP_DIR).glob("*.unpacked"))


def test_a_backup_damaged_after_its_check_leaves_the_library_in_place(library_dir):
    from reader.library import backups

    paths = resolve_paths(library_dir)
    _backed_up(library_dir)
    chosen = backups.choose_backup(library_dir, None)
    damage_packed_bytes(chosen.path)
    before = paths.db_path.read_bytes()
    try:
        backups.restore(library_dir, paths.db_path, chosen, paths.index_dir)
    except LibraryError as error:
        assert error.code == Code.BACKUP_DAMAGED
    else:
        raise AssertionError("a damaged backup was restored")
    assert paths.db_path.read_bytes() == before
    assert not [p for p in library_dir.iterdir() if ".before-restore-" in p.name]


def test_a_backup_cut_short_by_a_crash_is_cleared_at_the_next(library_dir):
    folder = library_dir / BACKUP_DIR
    folder.mkdir(mode=0o700, exist_ok=True)
    leftover = folder / "library-2030-01-01.sqlite3.unpacked"
    leftover.write_bytes(b"SQLite format 3\x00 cut short")
    with Library.open(resolve_paths(library_dir).db_path) as library:
        daily_backup(library, library_dir, date(2030, 1, 2))
    assert _backups(library_dir)[-1] == "library-2030-01-02.sqlite3.zst"
    assert not leftover.exists()


def test_a_day_without_changes_renames_the_newest_backup_instead_of_copying_it(library_dir,
                                                                             tmp_path):
    with Library.open(resolve_paths(library_dir).db_path) as library:
        library.notes.set(4, "第一天")
        daily_backup(library, library_dir, date(2030, 3, 1))
        library.notes.set(4, "第二天")
        daily_backup(library, library_dir, date(2030, 3, 2))
        daily_backup(library, library_dir, date(2030, 3, 3))  # nothing changed since the 2nd
        daily_backup(library, library_dir, date(2030, 3, 4))
    assert _backups(library_dir) == ["library-2030-03-01.sqlite3.zst",
                                     "library-2030-03-04.sqlite3.zst"]
    with Library.open(_unpacked(library_dir / BACKUP_DIR / _backups(library_dir)[1],
                                tmp_path)) as kept:
        assert kept.notes.get(4) == "第二天"
    # A damaged newest backup is not carried forward: a fresh copy is made.
    damage_packed_bytes(library_dir / BACKUP_DIR / "library-2030-03-04.sqlite3.zst")
    with Library.open(resolve_paths(library_dir).db_path) as library:
        daily_backup(library, library_dir, date(2030, 3, 5))
    listed = reader(library_dir, "restore").stdout
    assert "2030-03-05  library-2030-03-05.sqlite3.zst" in listed
    [line] = [line for line in listed.splitlines() if "library-2030-03-04" in line]
    assert "damaged" in line


def test_the_window_makes_the_days_backup_beside_its_work_not_before_it(library_dir, monkeypatch,
                                                                        tmp_path):
    """The window opens with backup_in_background: while the copy is being checked the
    library answers and takes writes; closing waits for the backup, which holds the
    library as it was when the copy was made."""
    import threading

    from reader.library import backups

    copied, release = threading.Event(), threading.Event()
    check = backups.count_and_check

    def slow_check(path):
        copied.set()
        assert release.wait(30)
        return check(path)

    monkeypatch.setattr(backups, "count_and_check", slow_check)
    session = Session.open(resolve_paths(library_dir), backup_in_background=True)
    try:
        assert copied.wait(30)  # the copy is made and being checked ...
        assert session.library.stats()["articles"] == 43  # ... and the library answers
        session.annotations.tag([1], ["在备份时"])  # and takes writes
        assert not [n for n in _backups(library_dir) if n.endswith(".zst")]  # not packed yet
        release.set()
    finally:
        release.set()
        session.close()
    today = f"library-{date.today().isoformat()}.sqlite3.zst"
    assert _backups(library_dir) == [today]
    with Library.open(_unpacked(library_dir / BACKUP_DIR / today, tmp_path)) as copy:
        assert copy.stats()["articles"] == 43
        assert "在备份时" not in dict(copy.tags.counts())


def test_a_backup_with_its_own_reader_does_not_wait_for_the_librarys_connection(
        library_dir, tmp_path):
    import threading

    with Library.open(resolve_paths(library_dir).db_path) as library:
        made: list[Path] = []
        with library._connection.lock:  # as a long write on the window's worker would
            copier = threading.Thread(
                target=lambda: made.append(library.backup(tmp_path / "copy.sqlite3", True)))
            copier.start()
            copier.join(30)
            assert made, "the copy waited for the library's connection"
    with Library.open(made[0]) as copy:
        assert copy.stats()["articles"] == 43
