"""The annotation commands run in-process against a copy of the seeded library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.app import Session
from reader.library import Library
from reader.paths import resolve_paths
from tests.reader_cli import Run, reader

ROOT = Path(__file__).parent.parent


def _one_sentence_error(result: Run, *words: str) -> None:
    assert result.returncode == 1
    message = result.stderr.strip()
    assert message.startswith("reader: ") and "\n" not in message and "Traceback" not in message
    for word in words:
        assert word in message


def test_tag_and_tags(library_dir):
    result = reader(library_dir, "tag", "1", "红色业委会", "ＡＢＣ", check=True)
    assert result.stdout.strip() == "#1 tags: ABC, 红色业委会"
    reader(library_dir, "tag", "2", "红色业委会", check=True)
    text = reader(library_dir, "tags", check=True).stdout.splitlines()
    assert [line.split() for line in text] == [["ABC", "1"], ["红色业委会", "2"]]
    data = json.loads(reader(library_dir, "tags", "--json", check=True).stdout)
    assert data == [{"name": "ABC", "count": 1, "color": None},
                    {"name": "红色业委会", "count": 2, "color": None}]


def test_untag(library_dir):
    reader(library_dir, "tag", "1", "甲", "乙", check=True)
    result = reader(library_dir, "untag", "1", "甲", "丙", check=True)
    assert result.stdout.strip() == "#1 tags: 乙"
    assert json.loads(reader(library_dir, "tags", "--json", check=True).stdout)[0]["name"] == "乙"


def test_note_from_an_argument_and_from_stdin_and_deleted(library_dir):
    assert reader(library_dir, "note", "3", "第一句笔记", check=True).stdout.startswith("Saved")
    assert reader(library_dir, "notes", "3", check=True).stdout == "第一句笔记\n"
    reader(library_dir, "note", "3", "-", stdin="两行的\n笔记\n", check=True)
    assert json.loads(reader(library_dir, "notes", "3", "--json", check=True).stdout) == {
        "id": 3, "note": "两行的\n笔记"}
    assert reader(library_dir, "note", "3", "", check=True).stdout.startswith("Deleted")
    empty = reader(library_dir, "notes", "3", check=True)
    assert empty.stdout == "" and "has no note" in empty.stderr


def test_a_note_written_from_the_cli_is_searchable_as_a_note(library_dir):
    reader(library_dir, "note", "4", "命令行写下的独特批注", check=True)
    data = json.loads(reader(library_dir, "search", "独特批注", "--json", check=True).stdout)
    assert [(h["id"], h["match"]) for h in data["hits"]] == [(4, "note")]


def test_a_tag_from_the_cli_becomes_a_search_word(library_dir):
    reader(library_dir, "tag", "1", "两地报到", check=True)  # jieba alone: 两地 / 报 / 到
    data = json.loads(reader(library_dir, "search", "两地报到", "--json", check=True).stdout)
    assert [(h["id"], h["match"]) for h in data["hits"]] == [(1, "word")]


def test_highlights(library_dir):
    with Library.open(library_dir / "library.sqlite3") as library:
        library.highlights.add(1, 0, 5, color="green", note="开头")
        library.highlights.add(1, 10, 14)
        library.db.execute("UPDATE highlights SET orphaned = 1 WHERE start = 10")
    lines = reader(library_dir, "highlights", "1", check=True).stdout.splitlines()
    assert len(lines) == 2
    assert "[green]" in lines[0] and "— 开头" in lines[0] and "orphaned" not in lines[0]
    assert "[yellow]" in lines[1] and "orphaned" in lines[1]
    data = json.loads(reader(library_dir, "highlights", "1", "--json", check=True).stdout)
    assert [(h["start"], h["color"], h["note"], h["orphaned"]) for h in data] == [
        (0, "green", "开头", False), (10, "yellow", None, True)]
    assert all(h["quote"] for h in data)


def test_backup(library_dir, tmp_path):
    reader(library_dir, "tag", "1", "党建", check=True)
    reader(library_dir, "note", "1", "要备份的笔记", check=True)
    target = tmp_path / "backup.sqlite3"
    result = reader(library_dir, "backup", str(target), check=True)
    assert str(target) in result.stdout
    with Library.open(target) as copy:
        assert copy.tags.of(1) == ("党建",) and copy.notes.get(1) == "要备份的笔记"
    _one_sentence_error(reader(library_dir, "backup", str(library_dir / "library.sqlite3")),
                        "the library itself")


def test_annotations_export_and_import(library_dir, tmp_path, seeded_template):
    reader(library_dir, "tag", "2", "党建", check=True)
    reader(library_dir, "note", "2", "导出的笔记", check=True)
    exported = tmp_path / "annotations.json"
    result = reader(library_dir, "annotations", "export", str(exported), check=True)
    assert "Exported 1 tag and" in result.stdout
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "reader-annotations" and len(data["articles"]) == 1
    _one_sentence_error(reader(library_dir, "annotations", "export", str(exported)),
                        "already exists", "--force")
    reader(library_dir, "annotations", "export", str(exported), "--force", check=True)

    other = tmp_path / "other"
    shutil.copytree(seeded_template, other)
    merged = reader(other, "annotations", "import", str(exported), check=True).stdout
    assert "tags:       1 added" in merged and "notes:      1 added" in merged
    again = reader(other, "annotations", "import", str(exported), check=True).stdout
    assert "Nothing new" in again
    with Session.open(resolve_paths(other)) as session:
        assert session.library.tags.of(2) == ("党建",)
        assert session.library.notes.get(2) == "导出的笔记"


def test_bad_annotation_files_are_one_sentence(library_dir, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    _one_sentence_error(reader(library_dir, "annotations", "import", str(bad)), "not JSON")
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    _one_sentence_error(reader(library_dir, "annotations", "import", str(bad)),
                        "not a Reader annotations file")
    _one_sentence_error(reader(library_dir, "annotations", "import", str(tmp_path / "no.json")),
                        "does not exist")


@pytest.mark.parametrize("args", [
    ("tag", "999999", "党建"), ("untag", "999999", "党建"), ("note", "999999", "x"),
    ("notes", "999999"), ("highlights", "999999"),
])
def test_unknown_ids_are_one_sentence_and_exit_1(library_dir, args):
    _one_sentence_error(reader(library_dir, *args), "999999")


def test_bad_usage_exits_2(library_dir):
    assert reader(library_dir, "tag", "1").returncode == 2
    assert reader(library_dir, "annotations").returncode == 2


def test_every_annotation_command_is_in_the_readme():
    from reader.cli_annotations import COMMANDS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"$ reader {command} " in readme, command
