"""Hostile files and folders given to `reader import` and `reader parse` (issue 18, items 3, 6, 10).

A file name that is not UTF-8, a FIFO, /dev/zero, a huge file, an empty file and a
folder that cannot be read: each gets its own line in the per-file report, one
sentence, and never stops the files after it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.app import Session
from reader.ingest.read import MAX_PAGE_BYTES
from reader.paths import resolve_paths
from tests.reader_cli import reader

SEEDS = Path(__file__).parent.parent / "seeds"
BAD_NAME = b"bad\xff\xfename.txt"


def new_page(number: int) -> bytes:
    """A page file the seeded library has not seen (a seed with one more paragraph)."""
    seed = sorted(SEEDS.glob("*.txt"))[number % 5].read_bytes()
    return seed + f"\n新增的一段文字，编号{number}。\n".encode()


def test_a_file_name_that_is_not_utf8_is_imported_and_shown_escaped(library_dir, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a_first.txt").write_bytes(new_page(1))
    Path(os.fsdecode(os.fsencode(folder) + b"/" + BAD_NAME)).write_bytes(new_page(2))
    (folder / "z_after.txt").write_bytes(new_page(3))
    result = reader(library_dir, "import", str(folder))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["imported"] * 3
    assert lines[1].startswith(f"imported          {folder}/bad\\xff\\xfename.txt")
    # stored under the same printable name; the next import knows the file
    again = reader(library_dir, "import", "--json", str(folder))
    assert again.returncode == 0, again.stderr
    rows = json.loads(again.stdout)
    assert [row["status"] for row in rows] == ["already imported"] * 3
    assert rows[1]["path"] == f"{folder}/bad\\xff\\xfename.txt"
    with Session.open(resolve_paths(library_dir)) as session:
        paths = [row[0] for row in session.library.db.execute("SELECT path FROM sources")]
    assert f"{folder}/bad\\xff\\xfename.txt" in paths


def test_parse_of_a_file_name_that_is_not_utf8_prints(tmp_path):
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/" + BAD_NAME))
    path.write_bytes(new_page(0))
    result = reader(tmp_path / "lib", "parse", "--json", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"] == f"{tmp_path}/bad\\xff\\xfename.txt"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_is_refused_at_once_by_import_and_parse(library_dir, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "page.txt").write_bytes(new_page(4))
    env = {**os.environ, "READER_LIBRARY": str(library_dir)}
    command = [sys.executable, "-m", "reader"]
    # A real process: a hang must fail the test, not hold the suite.
    imported = subprocess.run([*command, "import", str(folder)], capture_output=True,
                              text=True, timeout=120, env=env)
    assert imported.returncode == 1
    assert f"failed            {folder / 'pipe.txt'}: Cannot read {folder / 'pipe.txt'}: it is " \
           "a pipe, device or socket, not a page file." in imported.stdout
    assert f"imported          {folder / 'page.txt'}" in imported.stdout
    parsed = subprocess.run([*command, "parse", str(folder / "pipe.txt")], capture_output=True,
                            text=True, timeout=60, env=env)
    assert parsed.returncode == 1
    assert parsed.stderr == f"reader: Cannot read {folder / 'pipe.txt'}: it is a pipe, " \
                            "device or socket, not a page file.\n"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_is_refused_not_read(library_dir):
    for command in ("parse", "import"):
        result = reader(library_dir, command, "/dev/zero")
        assert result.returncode == 1
        assert "Cannot read /dev/zero: it is a pipe, device or socket, not a page file." in \
            result.stdout + result.stderr


def test_a_huge_file_is_refused_with_the_limit(library_dir, tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: no disk is filled
        handle.truncate(MAX_PAGE_BYTES + 1)
    limit = MAX_PAGE_BYTES // (1024 * 1024)
    sentence = f"Cannot read {big}: it is {limit + 1} MB; a page file is at most {limit} MB."
    parsed = reader(library_dir, "parse", str(big))
    assert (parsed.returncode, parsed.stderr) == (1, f"reader: {sentence}\n")
    imported = reader(library_dir, "import", str(big))
    assert imported.returncode == 1
    assert imported.stdout == f"failed            {big}: {sentence}\n"


def test_empty_files_are_reported_as_empty(library_dir, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("\n  \n\u3000\n", encoding="utf-8")
    (folder / "page.txt").write_bytes(new_page(2))
    result = reader(library_dir, "import", str(folder))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        f"failed            {folder / 'blank.txt'}: Cannot read {folder / 'blank.txt'}: "
        "it holds no text.",
        f"failed            {folder / 'empty.txt'}: Cannot read {folder / 'empty.txt'}: "
        "it holds no text.",
    ]
    assert lines[2].startswith(f"imported          {folder / 'page.txt'}")


def test_an_unreadable_subfolder_is_reported(library_dir, tmp_path, monkeypatch):
    folder = tmp_path / "pages"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    (locked / "hidden.txt").write_bytes(new_page(1))
    (folder / "page.txt").write_bytes(new_page(3))
    if os.geteuid() == 0:
        # root reads every folder: make this one fail as it fails for a user
        real_scandir = os.scandir

        def scandir(path="."):
            if Path(os.fspath(path)) == locked:
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        result = reader(library_dir, "import", str(folder))
    finally:
        locked.chmod(0o755)
    assert result.returncode == 1
    assert f"failed            {locked}: Cannot read {locked}: permission denied." \
        in result.stdout.splitlines()
    assert any(line.startswith(f"imported          {folder / 'page.txt'}")
               for line in result.stdout.splitlines())
