"""A library that cannot be written opens read-only for reading, searching and exporting,
and says so (issue 18: "A read-only library"; item 10: it could not even be read).

Made read-only the way users meet it: as a user, by permissions; as root (who
ignores permissions), by a read-only mount; where neither is possible the test
is skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.app import Session
from reader.catalogue import Code
from reader.library.errors import LibraryError
from reader.paths import resolve_paths
from tests.reader_cli import reader


def _make_read_only(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)


@pytest.fixture
def read_only_library(library_dir, tmp_path):
    """The seeded library (closed cleanly, indexed) where nothing can be written."""
    if os.geteuid() != 0:
        _make_read_only(library_dir)
        yield library_dir
        for path in [library_dir, *library_dir.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        return
    mount = tmp_path / "mount"
    mount.mkdir()
    if not sys.platform.startswith("linux") or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mount)],
            capture_output=True).returncode != 0:
        pytest.skip("running as root and cannot mount a read-only file system")
    try:
        shutil.copytree(library_dir, mount / "lib")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount / "lib"
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_read_only_library_can_be_read_searched_and_exported(read_only_library, tmp_path):
    stats = reader(read_only_library, "stats")
    assert stats.returncode == 0, stats.stderr
    assert "articles   43" in stats.stdout
    notice = ("reader: The library {}/library.sqlite3 cannot be written (no permission, or a "
              "read-only disk): it is open read-only; reading, searching and exporting work.\n")
    assert stats.stderr == notice.format(read_only_library)

    found = reader(read_only_library, "search", "红色物业")
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("3 articles match 红色物业")
    assert reader(read_only_library, "show", "29").returncode == 0

    exported = reader(read_only_library, "export", "29", "-o", str(tmp_path / "out.md"))
    assert exported.returncode == 0, exported.stderr
    assert "红色物业" in (tmp_path / "out.md").read_text(encoding="utf-8")
    annotations = reader(read_only_library, "annotations", "export", str(tmp_path / "a.json"))
    assert annotations.returncode == 0, annotations.stderr


def test_a_read_only_library_refuses_changes_in_a_sentence(read_only_library):
    refused = reader(read_only_library, "tag", "29", "红色")
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[-1] == (
        "reader: Nothing was changed: the library is open read-only (it cannot be written).")
    with Session.open(resolve_paths(read_only_library)) as session:
        assert session.read_only is not None
        assert [n.code for n in session.notices] == [Code.LIBRARY_OPENED_READ_ONLY]
        with pytest.raises(LibraryError, match="open read-only"):
            session.library.notes.set(29, "笔记")
        assert session.search("红色物业").total == 3
