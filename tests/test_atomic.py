"""reader.atomic: a file appears whole or not at all, and failures leave nothing behind."""

from __future__ import annotations

import errno
import os
import sqlite3

import pytest

from reader.atomic import replacing, write_atomic


def test_write_atomic_replaces_the_file_and_leaves_only_it(tmp_path):
    path = tmp_path / "a.json"
    path.write_text("old", encoding="utf-8")
    assert write_atomic(path, "新的") == path
    assert path.read_bytes() == "新的".encode()
    write_atomic(path, b"\x00bytes")
    assert path.read_bytes() == b"\x00bytes"
    assert os.listdir(tmp_path) == ["a.json"]


def test_a_failed_rename_keeps_the_old_file_and_removes_the_temporary(tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    path.write_text("old", encoding="utf-8")

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old" and os.listdir(tmp_path) == ["a.json"]


def test_replacing_moves_a_finished_file_in(tmp_path):
    target = tmp_path / "copy.sqlite3"
    with replacing(target) as temporary:
        assert temporary.parent == tmp_path and not temporary.exists()
        with sqlite3.connect(temporary) as db:
            db.execute("CREATE TABLE t (x)")
        db.close()
    assert os.listdir(tmp_path) == ["copy.sqlite3"]
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT name FROM sqlite_master").fetchone() == ("t",)
    db.close()


def test_replacing_leaves_the_target_alone_when_the_writer_fails(tmp_path):
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"older backup")
    with pytest.raises(RuntimeError), replacing(target) as temporary:
        temporary.write_bytes(b"half a")
        raise RuntimeError("interrupted")
    assert target.read_bytes() == b"older backup" and os.listdir(tmp_path) == ["copy.sqlite3"]

