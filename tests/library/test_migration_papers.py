"""Migration 6 (papers → issues → pages) from every earlier schema version, with user data in it.

Each test builds a library at version N with the SQL of its time (page files as rows of the
old `issues`), fills it with the reader's data (tags, notes, highlights, title and date
overrides, the user's fields of version 4), opens it with today's Reader and checks that
nothing was lost and every page found its paper and issue.
"""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from reader.library import LATEST_VERSION, MIGRATIONS, Library, migrate
from reader.library.schema import schema_version


def _database(path) -> sqlite_utils.Database:
    return sqlite_utils.Database(sqlite3.connect(path, isolation_level=None),
                                 execute_plugins=False)


def _old_library(path, version: int) -> None:
    """A library at `version` holding four page files and the reader's marks on them."""
    db = _database(path)
    assert migrate(db, [m for m in MIGRATIONS if m[0] <= version]) == version
    db.conn.execute("PRAGMA foreign_keys = ON")
    for n in range(1, 5):
        db.execute("INSERT INTO sources (path, name, sha256, size, parser_version, status, "
                   "imported_at) VALUES (?, ?, ?, 10, 1, 'imported', 't')",
                   [f"/p/{n}.txt", f"{n}.txt", f"sha{n}"])
    pages = [
        # page_name, title, date, precision, user_title
        ("先锋", "先锋", "2024-01", "month", "我的标题"),
        (None, "破解“灯下黑”等", None, "unknown", None),
        ("要闻", "人民日报 第5版 要闻", "2025-01-07", "day", None),
        ("评论", "人民日报 第6版 评论", "2025-01-07", "day", None),
    ]
    for n, (name, title, date, precision, user_title) in enumerate(pages, start=1):
        db.execute("INSERT INTO issues (source_id, page_name, title, date, date_precision, "
                   "user_title) VALUES (?, ?, ?, ?, ?, ?)",
                   [n, name, title, date, precision, user_title])
        db.execute("INSERT INTO articles (key, issue_id, position, kind, title, paragraphs, "
                   "text, updated_at) VALUES (?, ?, 0, 'article', ?, '[\"正文一段\"]', "
                   "'正文一段', 't')", [f"k{n}", n, f"文章{n}"])
    # The user corrected page 2's date.
    db.execute("UPDATE issues SET user_date = '2024-02-03', user_date_precision = 'day' "
               "WHERE id = 2")
    if version >= 4:
        # Pages 3 and 4 were imported with their paper and date from a header and a file
        # name; the user gave page 4 another page name on import.
        db.execute("UPDATE issues SET paper = '人民日报', page_number = 5, date_source = 'header' "
                   "WHERE id = 3")
        db.execute("UPDATE issues SET paper = '人民日报', page_number = 6, "
                   "date_source = 'filename', user_page_name = '理论' WHERE id = 4")
        # (an import at version 4 says where page 1's date came from)
        db.execute("UPDATE issues SET date_source = 'inferred' WHERE id = 1")
    db.execute("INSERT INTO tags (name, color) VALUES ('党建', 'red')")
    db.execute("INSERT INTO article_tags (article_id, tag_id) VALUES (1, 1)")
    db.execute("INSERT INTO article_tags (article_id, tag_id) VALUES (4, 1)")
    db.execute("INSERT INTO notes (article_key, body, updated_at) VALUES ('k2', '笔记', 't')")
    db.execute("INSERT INTO notes (article_key, body, updated_at) VALUES ('gone', '孤笔记', 't')")
    db.execute('INSERT INTO highlights (article_key, start, "end", quote, color, note, '
               "created_at) VALUES ('k3', 0, 2, '正文', 'green', '划线批注', 't')")
    db.close()


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_every_old_library_keeps_its_data_and_finds_its_papers(tmp_path, version):
    path = tmp_path / f"v{version}.sqlite3"
    _old_library(path, version)
    with Library.open(path) as lib:
        assert schema_version(lib.db) == LATEST_VERSION
        ok, message = lib.integrity()
        assert ok, message
        # Articles keep their ids and keys, and everything the reader left on them.
        articles = {a.id: a for a in lib.articles.by_ids([1, 2, 3, 4])}
        assert [(a.id, a.key, a.title) for a in articles.values()] == [
            (n, f"k{n}", f"文章{n}") for n in range(1, 5)]
        assert articles[1].tags == ("党建",) and articles[4].tags == ("党建",)
        assert articles[2].note == "笔记"
        assert [(h.quote, h.color, h.note) for h in articles[3].highlights] == [
            ("正文", "green", "划线批注")]
        exported = {a["key"]: a for a in lib.annotations.export()["articles"]}
        assert exported["gone"]["note"]["text"] == "孤笔记"
        # Every page file is a page with its id; each article is on its page.
        assert [a.page_id for a in articles.values()] == [1, 2, 3, 4]
        pages = {p.id: p for p in lib.pages.all()}
        assert sorted(pages) == [1, 2, 3, 4]
        # Page 1: no paper, so its page's name stands in; the user's title still wins.
        first = lib.issues.get(pages[1].issue_id)
        assert (first.paper, first.paper_known, first.title) == ("先锋", False, "我的标题")
        assert (first.date, first.date_precision, first.date_source) == (
            "2024-01", "month", "inferred")
        # Page 2: neither paper nor page name; the user's date is kept and shown as theirs.
        second = lib.issues.get(pages[2].issue_id)
        assert (second.paper, second.paper_known) == ("报纸不详", False)
        assert (second.date, second.date_source, second.date_overridden) == (
            "2024-02-03", "user", True)
        assert pages[2].user_fields == frozenset({"date"})
        if version >= 4:
            # Pages 3 and 4: one paper, one given date: one issue of two pages, in order.
            assert pages[3].issue_id == pages[4].issue_id == 3  # the id of its first page
            issue = lib.issues.get(3)
            assert (issue.paper, issue.paper_known, issue.page_count, issue.article_count) == (
                "人民日报", True, 2, 2)
            assert (issue.title, issue.date_source) == ("人民日报 · 2025-01-07", "header")
            assert [(p.number, p.name) for p in lib.pages.in_issue(3)] == [
                (5, "要闻"), (6, "理论")]
            assert pages[4].user_fields == frozenset({"name"})
            assert [a.id for a in lib.articles.in_issue(3)] == [3, 4]
        else:
            # Dates from before version 4 were inferred: each page is an issue of its own,
            # with the id it had.
            assert [pages[n].issue_id for n in (1, 2, 3, 4)] == [1, 2, 3, 4]
            assert lib.issues.get(3).date_source == "inferred"
        assert lib.stats()["issues"] == (3 if version >= 4 else 4)
        # The upgraded library takes new writes: tags, and a page of the same day.
        lib.tags.add(3, ["新标签"])
        assert lib.articles.get(3).tags == ("新标签",)


def test_a_page_imported_after_the_upgrade_joins_its_day(tmp_path):
    from dataclasses import replace

    from reader.models import IssueDate
    from tests.library.conftest import PARAGRAPHS_A, item, page, sha

    path = tmp_path / "v5.sqlite3"
    _old_library(path, 5)
    with Library.open(path) as lib:
        parsed = replace(page(item("新文章", PARAGRAPHS_A), page_name="国际"), paper="人民日报",
                         page_number=17, date=IssueDate("2025-01-07", "day", ()),
                         date_source="filename")
        result = lib.imports.import_page("/p/17.txt", sha("17"), 1, parsed, 1)
        assert result.issue_id == 3
        assert [p.number for p in lib.pages.in_issue(3)] == [5, 6, 17]
