"""Atomic writes: all or nothing, never over an existing file unasked, one-sentence errors."""

from __future__ import annotations

import errno
import os

import pytest

from reader.export.writing import ExportWriteError, TargetExistsError, write_export_file


def test_writes_utf8_without_a_bom(tmp_path):
    path = write_export_file(tmp_path / "甲.txt", "中文\n")
    assert path.read_bytes() == "中文\n".encode()
    assert os.listdir(tmp_path) == ["甲.txt"]


def test_an_existing_file_is_kept_unless_overwrite_is_asked(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(TargetExistsError, match=r"a\.txt already exists; not overwriting it\."):
        write_export_file(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    write_export_file(path, "new", overwrite=True)
    assert path.read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_full_disk_leaves_neither_the_file_nor_a_temporary(tmp_path, monkeypatch, failing):
    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, disk_full)
    with pytest.raises(ExportWriteError) as raised:
        write_export_file(tmp_path / "a.txt", "内容" * 1000)
    assert str(raised.value) == f"Cannot write {tmp_path / 'a.txt'}: the disk is full."
    assert os.listdir(tmp_path) == []


def test_a_failed_overwrite_keeps_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("old", encoding="utf-8")

    def denied(*args):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(ExportWriteError, match="permission denied"):
        write_export_file(path, "new", overwrite=True)
    assert path.read_text(encoding="utf-8") == "old" and os.listdir(tmp_path) == ["a.txt"]


def test_a_missing_folder_is_one_sentence(tmp_path):
    with pytest.raises(ExportWriteError) as raised:
        write_export_file(tmp_path / "no" / "a.txt", "x")
    assert str(raised.value) == f"Cannot write {tmp_path / 'no' / 'a.txt'}: the folder does not exist."


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_files_and_folders_get_the_usual_permissions_not_private_ones(tmp_path):
    from reader.export import ExportOptions, write_export
    from tests.export.conftest import item, make_article, make_issue

    old = os.umask(0o022)
    try:
        path = write_export_file(tmp_path / "a.txt", "x")
        no_notes = ExportOptions(split=True, include=frozenset({"header", "body", "tags"}))
        write_export([item(make_article())], [make_issue()], no_notes, tmp_path / "folder")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "folder").stat().st_mode & 0o777 == 0o755
    assert (tmp_path / "folder" / "01 红色物业暖人心.txt").stat().st_mode & 0o777 == 0o644


def test_exports_holding_notes_or_highlights_are_readable_by_the_user_only(tmp_path):
    from reader.export import ExportOptions, write_export
    from tests.export.conftest import item, make_article, make_issue

    old = os.umask(0o022)
    try:
        for name, include in (("notes", {"body", "note"}), ("highlights", {"highlights"})):
            options = ExportOptions(include=frozenset(include))
            write_export([item(make_article())], [make_issue()], options,
                         tmp_path / f"{name}.txt")
            split = ExportOptions(split=True, include=frozenset(include))
            write_export([item(make_article())], [make_issue()], split, tmp_path / name)
    finally:
        os.umask(old)
    for name in ("notes", "highlights"):
        assert (tmp_path / f"{name}.txt").stat().st_mode & 0o777 == 0o600
        assert (tmp_path / name / "01 红色物业暖人心.txt").stat().st_mode & 0o777 == 0o600
