"""`reader compact`: an old library file rewritten in a new one's form (issue 17: disk).

A library made before issue 17 has 4 KB pages; compacting gives it 16 KB pages and
no free space, keeps every row (ids included, so the search index stays valid), and
leaves the library as it was when it cannot run.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from reader.library import Library
from reader.library.opening import PAGE_SIZE
from reader.paths import resolve_paths
from tests.library.test_safety import damage_an_index_page
from tests.reader_cli import reader


def _make_old(db_path) -> None:
    """Give the library 4 KB pages and some free pages, as an old, lived-in one has."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("VACUUM")
    conn.execute("CREATE TABLE scratch AS SELECT text FROM articles")
    conn.execute("DROP TABLE scratch")  # its pages stay in the file, free
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


def _pragma(db_path, name: str) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def _page_size(db_path) -> int:
    return _pragma(db_path, "page_size")


def test_compact_rewrites_an_old_library_smaller_and_keeps_everything(library_dir):
    paths = resolve_paths(library_dir)
    reader(library_dir, "note", "7", "压缩前写的笔记", check=True)
    reader(library_dir, "tag", "7", "留着", check=True)
    before_search = reader(library_dir, "search", "红色物业", "--json", check=True).stdout
    _make_old(paths.db_path)
    assert _page_size(paths.db_path) == 4096
    assert _pragma(paths.db_path, "freelist_count") > 0

    done = reader(library_dir, "compact", check=True).stdout
    assert "Compacted the library:" in done and "(4 KB → 16 KB pages)" in done
    assert _page_size(paths.db_path) == PAGE_SIZE
    # (A 43-article library is no smaller with 16 KB pages, each of its 40 tables and
    # indexes taking one; at 100k articles the file is 13 % smaller: README, Disk.)
    assert _pragma(paths.db_path, "freelist_count") == 0
    assert paths.db_path.stat().st_mode & 0o777 == 0o600
    assert not [p for p in library_dir.iterdir() if p.name.startswith(".reader-")]
    with Library.open(paths.db_path) as library:
        assert library.read_only is None
        assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert library.stats()["articles"] == 43
        assert library.notes.get(7) == "压缩前写的笔记"
        assert library.tags.of(7) == ("留着",)
    # The index was not rebuilt and still agrees with the library, row for row.
    checked = reader(library_dir, "check", check=True).stdout
    assert "43 documents for 43 articles; 0 missing, 0 outdated, 0 stale" in checked
    assert reader(library_dir, "search", "红色物业", "--json", check=True).stdout == before_search


def test_check_tells_of_compact_for_an_old_library_only(library_dir):
    paths = resolve_paths(library_dir)
    hint = "`reader compact` rewrites it in the new form"
    assert hint not in reader(library_dir, "check", check=True).stdout
    _make_old(paths.db_path)
    checked = reader(library_dir, "check", check=True).stdout
    assert "library: stored in 4 KB pages, as older libraries were; " + hint in checked
    reader(library_dir, "compact", check=True)
    assert hint not in reader(library_dir, "check", check=True).stdout


def test_compact_refuses_a_damaged_library_and_leaves_it_as_it_was(library_dir):
    paths = resolve_paths(library_dir)
    reader(library_dir, "stats", check=True)
    damage_an_index_page(paths.db_path)
    before = paths.db_path.read_bytes()
    refused = reader(library_dir, "compact")
    assert refused.returncode == 1
    assert "damaged" in refused.stderr
    assert paths.db_path.read_bytes() == before


def test_compact_refuses_while_a_window_holds_the_library(library_dir):
    paths = resolve_paths(library_dir)
    window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (library_dir / "reader.lock").write_text(f"{window.pid}\nreader\nhost\n")
        refused = reader(library_dir, "compact")
    finally:
        window.kill()
        window.wait()
    assert refused.returncode == 1
    assert f"Another Reader (process {window.pid}) has this library open" in refused.stderr
    assert _page_size(paths.db_path) == PAGE_SIZE  # untouched; a new library has it already
