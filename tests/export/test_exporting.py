"""Whole exports written to disk and read back: one file, split, highlights only, cancel, failure."""

from __future__ import annotations

import errno
import os

import pytest

from reader.errors import ReaderError
from reader.export import ExportOptions, TargetExistsError, preview, write_export
from reader.export.exporting import planned_files
from reader.export.writing import ExportWriteError
from tests.export.conftest import highlight, item, make_article, make_issue

TEXT = "第一段。\n第二段。"
CITE = "引用：宋爽, 李宝乐. {}[N]. [2024-01](先锋).\n"
BODY_ONLY = ExportOptions(include=frozenset({"body"}))


@pytest.fixture
def items():
    """Three articles in two issues, given newest issue first; two share a title."""
    return [
        item(make_article(id=3, issue_id=2, position=1, title="新一期", date="2025-01", highlights=(
            highlight(TEXT, "第二段", "要点"),)), make_issue(2, "先锋 · 2025-01", date="2025-01")),
        item(make_article(id=1, position=2, title="致读者")),
        item(make_article(id=2, position=1, title="致读者")),
    ]


ISSUES = [make_issue(1), make_issue(2, "先锋 · 2025-01", date="2025-01")]


def names(folder):
    return sorted(os.listdir(folder))


def test_one_file_in_page_order_reads_back_exactly(tmp_path, items):
    target = tmp_path / "导出.txt"
    report = write_export(items, ISSUES, BODY_ONLY, target)
    text = target.read_bytes().decode("utf-8")  # strict: the file is valid UTF-8
    body = "{}\n\n第一段。\n\n第二段。\n\n"
    sep = "\n" + "=" * 40 + "\n\n"
    assert text == sep.join([
        body.format("致读者") + CITE.format("致读者"),
        body.format("致读者") + CITE.format("致读者"),
        body.format("新一期") + "引用：宋爽, 李宝乐. 新一期[N]. [2025-01](先锋).\n",
    ])
    assert report.files == (target,) and report.articles == 3 and report.characters == len(text)
    assert names(tmp_path) == ["导出.txt"]


@pytest.mark.parametrize(("order", "expected"), [
    ("page", ["乙", "甲", "丙"]), ("date", ["丙", "乙", "甲"]), ("rank", ["丙", "甲", "乙"])])
def test_each_order(tmp_path, order, expected):
    given = [item(make_article(id=3, issue_id=2, position=1, title="丙"), ISSUES[1]),
             item(make_article(id=1, position=2, title="甲")),
             item(make_article(id=2, position=1, title="乙"))]
    target = tmp_path / "out.txt"
    write_export(given, ISSUES, BODY_ONLY.with_(order=order), target)
    lines = target.read_text(encoding="utf-8").split("\n")
    assert [line for line in lines if line in ("甲", "乙", "丙")] == expected


def test_split_writes_one_numbered_file_per_article_into_a_new_folder(tmp_path, items):
    folder = tmp_path / "专题"
    report = write_export(items, ISSUES, BODY_ONLY.with_(format="md", split=True), folder)
    assert names(folder) == ["01 致读者.md", "02 致读者.md", "03 新一期.md"]
    assert report.files == tuple(folder / n for n in names(folder))
    assert planned_files(items, ISSUES, BODY_ONLY.with_(format="md", split=True), folder) == list(
        report.files)
    assert (folder / "03 新一期.md").read_text(encoding="utf-8") == (
        "# 新一期\n\n第一段。\n\n第二段。\n\n引用：宋爽, 李宝乐. 新一期\\[N\\]. \\[2025-01\\](先锋).\n")
    assert report.characters == sum(len(p.read_text(encoding="utf-8")) for p in report.files)
    assert names(tmp_path) == ["专题"]  # no staging folder left


def test_split_into_an_existing_folder_refuses_to_overwrite_before_writing(tmp_path, items):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "02 致读者.txt").write_text("mine", encoding="utf-8")
    (folder / "other.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(TargetExistsError) as raised:
        write_export(items, ISSUES, BODY_ONLY.with_(split=True), folder)
    assert raised.value.paths == [folder / "02 致读者.txt"]
    assert names(folder) == ["02 致读者.txt", "other.txt"]
    write_export(items, ISSUES, BODY_ONLY.with_(split=True), folder, overwrite=True)
    assert names(folder) == ["01 致读者.txt", "02 致读者.txt", "03 新一期.txt", "other.txt"]
    assert (folder / "02 致读者.txt").read_text(encoding="utf-8").startswith("致读者\n\n第一段")
    assert (folder / "other.txt").read_text(encoding="utf-8") == "keep"


def test_one_file_refuses_to_overwrite(tmp_path, items):
    target = tmp_path / "a.txt"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(TargetExistsError, match="already exists"):
        write_export(items, ISSUES, BODY_ONLY, target)
    assert target.read_text(encoding="utf-8") == "mine"


def test_highlights_only_leaves_out_articles_without_highlights(tmp_path, items):
    options = ExportOptions(highlights_only=True, split=True)
    report = write_export(items, ISSUES, options, tmp_path / "q")
    assert names(tmp_path / "q") == ["01 新一期.txt"]
    assert (tmp_path / "q" / "01 新一期.txt").read_text(encoding="utf-8") == (
        "新一期\n\n「第二段」\n  批注：要点\n\n引用：宋爽, 李宝乐. 新一期[N]. [2025-01](先锋).\n")
    assert (report.articles, report.skipped) == (1, 2)
    with pytest.raises(ReaderError, match="None of the selected articles has highlights"):
        write_export(items[1:], ISSUES, options, tmp_path / "none.txt")
    assert names(tmp_path) == ["q"]


@pytest.mark.parametrize("split", [False, True])
def test_a_cancelled_export_leaves_nothing(tmp_path, items, split):
    seen = []

    def progress(done, total, label):
        seen.append(done)

    report = write_export(items, ISSUES, BODY_ONLY.with_(split=split), tmp_path / "out",
                          progress=progress, cancelled=lambda: len(seen) >= 2)
    assert report.cancelled and report.files == () and seen == [0, 1]
    assert names(tmp_path) == []


@pytest.mark.parametrize("split", [False, True])
def test_a_full_disk_midway_leaves_no_partial_file(tmp_path, items, monkeypatch, split):
    real_fsync, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:  # the second file (split) or the folder sync after the first
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    target = tmp_path / ("out" if split else "out.txt")
    if split:
        with pytest.raises(ExportWriteError, match=r"02 致读者\.txt: the disk is full\.$"):
            write_export(items, ISSUES, BODY_ONLY.with_(split=True), target)
        assert names(tmp_path) == []
    else:
        monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(
            OSError(errno.ENOSPC, "No space left on device")))
        with pytest.raises(ExportWriteError, match="the disk is full"):
            write_export(items, ISSUES, BODY_ONLY, target)
        assert names(tmp_path) == []


def test_a_failure_while_moving_in_removes_the_new_files(tmp_path, items, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    real_replace = os.replace

    def replace(src, dst):
        if str(dst).endswith("03 新一期.txt"):
            raise OSError(errno.EACCES, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(ExportWriteError, match="permission denied"):
        write_export(items, ISSUES, BODY_ONLY.with_(split=True), folder)
    assert names(folder) == []


def test_preview_shows_the_first_lines_and_counts(items):
    shown = preview(items, ISSUES, BODY_ONLY, heading="专题", lines=4)
    assert shown.text == "专题\n共 3 篇\n\n" + "=" * 40
    assert (shown.articles, shown.files) == (3, 1)
    split = preview(items, ISSUES, BODY_ONLY.with_(split=True), lines=3)
    assert split.text == "【01 致读者.txt】\n致读者\n"
    assert split.files == 3 and split.characters == sum(
        len(t) for t in ("致读者\n\n第一段。\n\n第二段。\n\n" + CITE.format("致读者"),) * 2) + len(
        "新一期\n\n第一段。\n\n第二段。\n\n引用：宋爽, 李宝乐. 新一期[N]. [2025-01](先锋).\n")
    none = preview(items[1:], ISSUES, ExportOptions(highlights_only=True))
    assert (none.articles, none.skipped, none.files, none.text) == (0, 2, 0, "")
