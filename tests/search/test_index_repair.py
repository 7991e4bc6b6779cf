"""Damaged full-text data in the substring index: `reader check` finds it and the advised
`reader reindex` repairs it (issue 18, item 4).

The damage is made the way a bad disk sector or a torn write makes it: the FTS5
shadow tables' blocks are overwritten, so SQLite's page checks pass and only the
full-text index's own integrity check sees it.
"""

from __future__ import annotations

import sqlite3

import pytest

from reader.search.substring import FILE_NAME
from tests.reader_cli import reader


def _damage(library_dir, sql: str) -> None:
    conn = sqlite3.connect(library_dir / "index" / FILE_NAME)
    try:
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


DAMAGE = {
    "zeroed gram blocks": "UPDATE grams_data SET block = zeroblob(length(block)) WHERE id > 10",
    "lost segment index": "DELETE FROM grams_idx",
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_check_finds_damaged_full_text_data_and_reindex_repairs_it(library_dir, damage):
    assert reader(library_dir, "check").returncode == 0
    _damage(library_dir, DAMAGE[damage])

    found = reader(library_dir, "check")
    assert found.returncode == 1
    assert "index:   damaged:" in found.stdout
    assert "reader reindex" in found.stdout

    repaired = reader(library_dir, "reindex")
    assert repaired.returncode == 0, repaired.stderr
    assert reader(library_dir, "check").returncode == 0
    hits = reader(library_dir, "search", "红色物业", check=True).stdout
    assert hits.startswith("3 articles match 红色物业")


def test_a_damaged_file_that_cannot_even_be_emptied_is_made_anew(library_dir):
    # Not a SQLite file any more past its first page: the store opens, emptying it fails.
    path = library_dir / "index" / FILE_NAME
    reader(library_dir, "search", "红色物业", check=True)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page:] = b"\xff" * (len(data) - page)
    path.write_bytes(bytes(data))

    repaired = reader(library_dir, "reindex")
    assert repaired.returncode == 0, repaired.stderr
    assert reader(library_dir, "check").returncode == 0
    assert reader(library_dir, "search", "红色物业", check=True).stdout.startswith("3 articles")
