"""One sentence and the contract's exit code, never a traceback (issue 18, item 7).

The library folder in the wrong place, the index folder being a file or read-only, a
full disk, a library locked by another process, a damaged library, and queries and
arguments no one meant to type.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest

from reader.library import opening as library_store
from reader.search import substring
from tests.reader_cli import reader, run


def one_sentence(result, code: int = 1) -> str:
    """The single stderr line of a failed command (and that it failed with `code`)."""
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: "), result.stderr
    return lines[0]


# -- where the library is ---------------------------------------------------------------------

def test_library_given_as_a_file_or_below_one(tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")
    assert one_sentence(run("--library", str(a_file), "stats")) == (
        f"reader: Cannot use {a_file} as the library folder: it is a file, not a folder.")
    below = a_file / "lib"
    sentence = one_sentence(run("--library", str(below), "stats"))
    assert sentence.startswith(f"reader: Cannot create the folder for the library {below}")
    assert sentence.endswith(": a part of the path is not a folder.")
    assert a_file.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("place", ["/dev/null", "/proc"])
def test_library_in_a_system_place(place):
    if not Path(place).exists():
        pytest.skip(f"no {place} here")
    one_sentence(run("--library", place, "stats"))


def test_index_folder_that_is_a_file(library_dir):
    index = library_dir / "index"
    shutil.rmtree(index)
    index.write_text("not an index", encoding="utf-8")
    assert one_sentence(reader(library_dir, "search", "网格")) == (
        f"reader: The search index folder {index} is a file; move it away and the index will "
        "be built again.")
    assert index.read_text(encoding="utf-8") == "not an index"


def test_index_that_cannot_be_written(library_dir, monkeypatch):
    """A read-only index folder: writing the index fails with EROFS (as on a read-only mount)."""
    reader(library_dir, "note", "3", "要写进索引的笔记", check=True)  # the index is now behind
    real_unlink = os.unlink

    def read_only(path, *args, **kwargs):
        if str(library_dir / "index") in os.fspath(path):
            raise OSError(errno.EROFS, "Read-only file system", os.fspath(path))
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", read_only)
    monkeypatch.setattr(os, "remove", read_only)
    result = reader(library_dir, "reindex")
    assert one_sentence(result).startswith("reader: ")
    assert "read-only disk" in result.stderr


# -- a full disk ------------------------------------------------------------------------------

@contextlib.contextmanager
def small_disk(tmp_path: Path, megabytes: int):
    """A tmpfs of `megabytes` at tmp_path/disk (root only); skip where none can be mounted."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small disk needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs",
                              str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill `disk` until `leave` bytes are free; the filler file."""
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with filler.open("wb") as handle:
        chunk = b"\0" * (1 << 20)
        size = max(0, free - leave)
        while size > 0:
            handle.write(chunk[: min(size, len(chunk))])
            size -= len(chunk)
    return filler


@pytest.mark.parametrize("leave", [0, 150_000])
# Whoosh leaves a segment file of a failed write to the garbage collector; in a real
# process nothing is left open after the command, here the test's process notices.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_full_disk_is_one_sentence_and_loses_nothing(tmp_path, library_dir, leave):
    with small_disk(tmp_path, 24) as disk:
        lib = disk / "lib"
        shutil.copytree(library_dir, lib, ignore=shutil.ignore_patterns("cache"))
        reader(lib, "search", "网格", check=True)  # jieba's cache and the index are in place
        reader(lib, "tag", "2", "满盘之前", check=True)
        filler = fill(disk, leave)
        page = tmp_path / "page.txt"
        page.write_text("北疆日报 2025年2月1日 第3版 要闻\n一个新标题\n" + "新的正文内容。" * 4000,
                        encoding="utf-8")
        for args in (("tag", "2", "满盘"), ("note", "2", "满盘的笔记" * 3000),
                     ("import", str(page)), ("search", "网格"), ("reindex",)):
            result = reader(lib, *args)
            if result.returncode == 0:
                continue  # it fitted in what was left
            sentence = one_sentence(result)
            assert "disk is full" in sentence, (args, sentence)
        filler.unlink()
        reader(lib, "check", check=True)
        shown = reader(lib, "show", "2", "--json", check=True)
        assert "满盘之前" in json.loads(shown.stdout)["tags"]
        assert reader(lib, "search", "网格", check=True).stdout


# -- another process at work ------------------------------------------------------------------

def hold_write_lock(path: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_a_locked_library_waits_then_says_so(library_dir, tmp_path, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text("北疆日报 2025年2月1日 第3版 要闻\n锁住的标题\n正文。\n", encoding="utf-8")
    monkeypatch.setattr(library_store, "BUSY_TIMEOUT_MS", 300)
    holder = hold_write_lock(library_dir / "library.sqlite3")
    try:
        for args in (("tag", "2", "锁住"), ("import", str(page))):
            assert one_sentence(reader(library_dir, *args)) == (
                "reader: Another program is using the library; try again in a moment.")
    finally:
        holder.rollback()
        holder.close()
    # a lock released while the command waits: the command goes ahead
    monkeypatch.setattr(library_store, "BUSY_TIMEOUT_MS", 10_000)
    holder = hold_write_lock(library_dir / "library.sqlite3")
    releaser = threading.Timer(0.5, lambda: (holder.rollback(), holder.close()))
    releaser.start()
    reader(library_dir, "tag", "2", "等到了", check=True)
    releaser.join()


def test_a_search_while_the_index_is_written_says_so(library_dir, monkeypatch):
    monkeypatch.setattr(substring, "BUSY_TIMEOUT_S", 0.3)
    reader(library_dir, "note", "3", "索引要跟上的笔记", check=True)
    holder = hold_write_lock(library_dir / "index" / "substring.sqlite3")
    try:
        assert one_sentence(reader(library_dir, "search", "网格")) == (
            "reader: The search index is being written by another Reader window; try again "
            "when it is done.")
    finally:
        holder.rollback()
        holder.close()
    assert reader(library_dir, "search", "索引要跟上", check=True).stdout.startswith("1 ")


# -- a damaged library ------------------------------------------------------------------------

def damage_articles(library_dir: Path) -> None:
    """Overwrite the header of one leaf page of the articles table (as a bad sector would)."""
    path = library_dir / "library.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        leaves = [row[0] for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' "
            "ORDER BY pageno")]
    conn.close()
    assert len(leaves) > 2
    with path.open("r+b") as handle:
        handle.seek((leaves[len(leaves) // 2] - 1) * page_size)
        handle.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff")


def test_a_damaged_library_check_stats_and_the_rescue_export(library_dir, tmp_path):
    reader(library_dir, "tag", "1", "救回来", check=True)
    reader(library_dir, "note", "1", "这条笔记要救回来", check=True)
    damage_articles(library_dir)
    check = reader(library_dir, "check")
    assert check.returncode == 1 and "Traceback" not in check.stderr
    assert check.stdout.startswith("library: damaged")
    assert "reader backup" in check.stdout or "annotations export" in check.stdout
    stats = reader(library_dir, "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    out = tmp_path / "rescued.json"
    exported = reader(library_dir, "annotations", "export", str(out))
    assert "Traceback" not in exported.stderr
    assert exported.returncode == 0, exported.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    notes = [a["note"]["text"] for a in data["articles"] if a["note"]]
    assert "这条笔记要救回来" in notes
    assert {"name": "救回来", "color": None} in data["tags"]


# -- queries and arguments --------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    "issue:²", "issue:12345678901234567890123", "date:²⁰²⁴", "网格\x00员", "“", "”", "＂",
])
def test_odd_queries_are_searched_or_explained(library_dir, query):
    result = reader(library_dir, "search", query)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_a_lone_curly_quote_is_found(library_dir, tmp_path):
    page = tmp_path / "quote.txt"
    page.write_text("北疆日报 2025年2月1日 第3版 要闻\n引号的标题\n他说：“我们一起干。\n",
                    encoding="utf-8")
    reader(library_dir, "import", str(page), check=True)
    found = reader(library_dir, "search", "--json", "--limit", "1000", "“", check=True)
    titles = [hit["title"] for hit in json.loads(found.stdout)["hits"]]
    assert "引号的标题" in titles


def test_a_nul_in_a_query_is_not_index_damage(library_dir):
    result = reader(library_dir, "search", "网格\x00员")
    assert "damaged" not in result.stderr
    assert result.returncode == 0


def test_thousands_of_terms(library_dir):
    for query in (" ".join(["网格"] * 2500), " ".join(f"网格{i}" for i in range(2500)),
                  " OR ".join(["网格"] * 2500), " ".join(f"-词{i}" for i in range(2500))):
        result = reader(library_dir, "search", query, "--limit", "3")
        assert result.returncode == 0, result.stderr[-500:]


def test_arguments_that_are_not_utf8(library_dir):
    bad = os.fsdecode(b"\xff\xfe")  # what Python makes of invalid bytes in argv
    for args in (("search", bad), ("tag", "2", bad), ("note", "2", bad),
                 ("export", "--tag", bad, "-o", str(library_dir.parent / "x.txt"))):
        result = reader(library_dir, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert "not valid UTF-8" in result.stderr and "\\xff\\xfe" in result.stderr
