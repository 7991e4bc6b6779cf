"""The smaller faults of issue 18 (item 10): check's exit code after a tag or a note, a newer
index, terminal escapes in `reader show`, jieba's temporary files on a full disk, and what a
failed read of the index is said to be."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from reader.catalogue import Code
from reader.errors import ReaderError
from reader.search import SCHEMA_VERSION, SearchIndex
from tests.reader_cli import reader


def test_check_is_ok_after_an_ordinary_tag_and_note(library_dir):
    reader(library_dir, "check", check=True)
    reader(library_dir, "tag", "2", "检查", check=True)
    reader(library_dir, "note", "3", "检查之后的笔记", check=True)
    check = reader(library_dir, "check")
    assert check.returncode == 0, check.stdout
    assert "behind the library" in check.stdout and check.stdout.rstrip().endswith("OK")
    # what check is for still fails it: an index that claims to be in step but is not
    reader(library_dir, "search", "网格", check=True)  # catches the index up
    with sqlite3.connect(library_dir / "index" / "substring.sqlite3") as conn:
        conn.execute("DELETE FROM docs WHERE id = 3")
    conn.close()
    damaged = reader(library_dir, "check", "--json")
    assert damaged.returncode == 1
    assert json.loads(damaged.stdout)["missing_from_index"] == 1


def test_a_newer_index_is_called_newer(library_dir):
    with sqlite3.connect(library_dir / "index" / "substring.sqlite3") as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                     (str(SCHEMA_VERSION + 1),))
    conn.close()
    result = reader(library_dir, "search", "网格", check=True)
    assert "Rebuilt the search index (it was made by a newer version of Reader)." in result.stderr


def test_show_and_list_print_no_terminal_escapes(library_dir, tmp_path):
    page = tmp_path / "escapes.txt"
    page.write_text("北疆日报 2025年2月1日 第3版 要闻\n控制\x1b[2J\x1b]0;pwned\x07标题\n"
                    "正文里有\x1b[31m红色\x1b[0m的字，还有响铃\x07。\n"
                    + "一段很长的正文，记者走访社区，了解基层治理的新做法。" * 40 + "\n",
                    encoding="utf-8")
    imported = reader(library_dir, "import", "--json", str(page), check=True)
    issue = json.loads(imported.stdout)[0]["issue_id"]
    listed = reader(library_dir, "list", "--json", "--issue", str(issue), check=True)
    article_id = str(json.loads(listed.stdout)[0]["id"])
    reader(library_dir, "note", article_id, "笔记\x1b[5m闪烁", check=True)
    for args in (("show", article_id), ("list", "--issue", str(issue)),
                 ("notes", article_id), ("search", "红色")):
        out = reader(library_dir, *args, check=True).stdout
        assert "\x1b" not in out and "\x07" not in out, (args, out)
    shown = reader(library_dir, "show", article_id, check=True).stdout
    assert "控制\\x1b[2J\\x1b]0;pwned\\x07标题" in shown
    assert "\\x1b[31m红色" in shown
    # the JSON keeps the text exactly (JSON escapes control characters itself)
    data = json.loads(reader(library_dir, "show", "--json", article_id, check=True).stdout)
    assert "\x1b[31m红色" in data["paragraphs"][0]


def test_jieba_leaves_no_temporary_file_when_its_cache_cannot_be_written(tmp_path):
    """jieba writes its cache to a temporary file; on a full disk the write fails half-way."""
    cache = tmp_path / "cache"
    code = textwrap.dedent(f"""
        import errno, marshal, jieba
        def full_disk(value, handle):
            handle.write(b"x" * 1_000_000)
            raise OSError(errno.ENOSPC, "No space left on device")
        jieba.marshal = type("M", (), {{"dump": staticmethod(full_disk),
                                        "load": staticmethod(marshal.load)}})
        from pathlib import Path
        from reader.search import configure_jieba
        configure_jieba(Path({str(cache)!r}), [])
        from reader.search.analysis import analyze
        print(" ".join(analyze("网格员走访居民")))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no traceback logged by jieba
    assert "网格" in result.stdout
    assert sorted(p.name for p in cache.iterdir()) == []


@pytest.mark.parametrize(("sqlite_code", "expected"), [
    (sqlite3.SQLITE_FULL, Code.DISK_FULL),
    (sqlite3.SQLITE_BUSY, Code.INDEX_BUSY),
    (sqlite3.SQLITE_CORRUPT, Code.INDEX_DAMAGED),
    (sqlite3.SQLITE_NOTADB, Code.INDEX_DAMAGED),
])
def test_a_failed_index_read_is_named_by_its_cause(tmp_path, monkeypatch, sqlite_code, expected):
    from reader.search.query import parse_query

    index = SearchIndex.open(tmp_path / "index")
    error = sqlite3.OperationalError("failed")
    error.sqlite_errorcode = sqlite_code

    def fail(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(index._searching, "search", fail)
    with pytest.raises(ReaderError) as raised:
        index.search(parse_query("网格"))
    assert raised.value.code == expected
    index.close()


def test_a_damaged_stored_list_is_flagged_not_a_traceback(library_dir):
    """Found by the fault campaign: random bytes that broke one article's paragraphs (a JSON
    text column) made every `search`, `show` and `check` end in a traceback."""
    reader(library_dir, "search", "网格", check=True)
    db = library_dir / "library.sqlite3"
    with sqlite3.connect(db) as conn:
        victim = conn.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()[0]
        conn.execute("UPDATE articles SET paragraphs = '[\"半截的段落' WHERE id = ?", [victim])
    shown = reader(library_dir, "show", str(victim), "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["paragraphs"] == []
    from reader.library import Library

    library = Library.open(db)
    try:
        assert "stored text damaged" in library.articles.get(victim).defects
    finally:
        library.close()
    for args in (("search", "网格"), ("list",), ("stats",)):
        result = reader(library_dir, *args)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr)
    with sqlite3.connect(db) as conn:  # the row itself is left as it was, for a rescue
        stored = conn.execute("SELECT paragraphs FROM articles WHERE id = ?", [victim]).fetchone()
    assert stored[0] == '["半截的段落'
