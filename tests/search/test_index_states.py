"""Opening the index: what it finds (ok, missing, corrupt, old schema) and that it is usable after."""

from __future__ import annotations

import sqlite3

import pytest

from reader.models import IndexDoc
from reader.search import SCHEMA_VERSION, STATES, SearchIndex, parse_query
from reader.search.substring import FILE_NAME

from .conftest import make_index

DOCS = [
    IndexDoc(id=1, title="嘎查新事", body="牧民来到嘎查。", date="2024-01"),
    IndexDoc(id=2, title="网格", body="社区设立网格员。", date="2024-02"),
]


def works(index: SearchIndex) -> bool:
    return [h.id for h in index.search(parse_query("嘎查")).hits] == [1]


def reopened(folder) -> SearchIndex:
    return SearchIndex.open(folder)


def test_states_are_the_documented_ones():
    assert STATES == ("ok", "missing", "corrupt", "old schema", "newer schema")


def test_a_missing_directory_is_created_empty(tmp_path):
    folder = tmp_path / "not" / "there"
    index = SearchIndex.open(folder)
    assert index.state == "missing" and index.problem is None
    assert index.doc_count == 0 and index.ids() == set() and index.doc_hashes() == {}
    assert index.search(parse_query("嘎查")).total == 0
    assert index.stamp is None
    index.close()


def test_a_built_index_reopens_ok(tmp_path):
    make_index(tmp_path, DOCS).close()
    index = reopened(tmp_path)
    assert index.state == "ok" and index.problem is None
    assert index.doc_count == 2 and works(index)
    index.close()


@pytest.mark.parametrize("pattern", ["*.seg", "_MAIN_*.toc"])
def test_garbage_in_the_word_index_is_corrupt_and_rebuildable(tmp_path, pattern):
    make_index(tmp_path, DOCS).close()
    for path in tmp_path.glob(pattern):
        path.write_bytes(b"\x00garbage\xff" * 500)
    index = reopened(tmp_path)
    assert index.state == "corrupt" and index.problem
    assert index.doc_count == 0
    index.rebuild(DOCS)
    assert works(index)
    index.close()
    index = reopened(tmp_path)
    assert index.state == "ok"
    index.close()


def test_a_truncated_segment_is_corrupt(tmp_path):
    make_index(tmp_path, DOCS).close()
    for path in tmp_path.glob("*.seg"):
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    index = reopened(tmp_path)
    assert index.state == "corrupt"
    index.close()


def test_garbage_in_the_sqlite_file_is_corrupt_and_rebuildable(tmp_path):
    make_index(tmp_path, DOCS).close()
    (tmp_path / FILE_NAME).write_bytes(b"this is not a database" * 300)
    index = reopened(tmp_path)
    assert index.state == "corrupt" and "DatabaseError" in index.problem
    index.rebuild(DOCS)
    assert works(index)
    index.close()


def test_an_old_schema_version_is_rebuilt(tmp_path):
    # (The version just before this one is upgraded in place: test_text_once_upgrade.py.)
    make_index(tmp_path, DOCS).close()
    with sqlite3.connect(tmp_path / FILE_NAME) as conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION - 2),)
        )
    conn.close()
    index = reopened(tmp_path)
    assert index.state == "old schema" and str(SCHEMA_VERSION - 2) in index.problem
    assert index.doc_count == 0
    index.rebuild(DOCS)
    assert works(index)
    index.close()
    index = reopened(tmp_path)
    assert index.state == "ok"
    index.close()


def test_one_structure_missing_counts_as_missing(tmp_path):
    make_index(tmp_path, DOCS).close()
    (tmp_path / FILE_NAME).unlink()
    index = reopened(tmp_path)
    assert index.state == "missing" and index.problem == "the substring index was missing"
    assert index.doc_count == 0 and index.search(parse_query("嘎查")).total == 0
    index.close()


def test_only_the_index_files_are_wiped(tmp_path):
    make_index(tmp_path, DOCS).close()
    (tmp_path / "README.txt").write_text("keep me", encoding="utf-8")
    (tmp_path / FILE_NAME).write_bytes(b"garbage" * 100)
    reopened(tmp_path).close()
    assert (tmp_path / "README.txt").read_text(encoding="utf-8") == "keep me"


def test_the_stamp_persists_and_any_write_clears_it(tmp_path):
    index = make_index(tmp_path, DOCS)
    assert index.stamp is None
    index.set_stamp("generation-7")
    index.close()
    index = reopened(tmp_path)
    assert index.stamp == "generation-7"
    index.update([IndexDoc(id=3, title="新", body="新文章")], [])
    assert index.stamp is None
    index.close()
