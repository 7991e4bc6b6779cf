"""Paper, page number, page name and the date's source of each page: stored, kept, overridden."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
import sqlite_utils

from reader.library import LATEST_VERSION, MIGRATIONS, Library, LibraryError, migrate
from reader.library.schema import schema_version
from reader.models import IssueDate, PageMeta
from tests.library.conftest import PARAGRAPHS_A, item, page, sha


def header_page(paper="人民日报", date="2025-01-07", number=19, name="党建", source="header"):
    parsed = page(item("坚持以人民为中心", PARAGRAPHS_A), page_name=name)
    return replace(parsed, paper=paper, page_number=number,
                   date=IssueDate(date, "day", ("the page's header line",)), date_source=source)


def test_migration_4_from_version_3_keeps_data_and_marks_old_dates_inferred(tmp_path):
    path = tmp_path / "v3.sqlite3"
    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None), execute_plugins=False)
    assert migrate(db, MIGRATIONS[:3]) == 3
    for n, (date, precision, user_title) in enumerate(
            [("2024-01", "month", None), (None, "unknown", "我的标题")], start=1):
        db.execute("INSERT INTO sources (path, name, sha256, size, parser_version, status, "
                   "imported_at) VALUES (?, ?, ?, 10, 1, 'imported', 't')",
                   [f"{n}.txt", f"{n}.txt", f"sha{n}"])
        db.execute("INSERT INTO issues (source_id, page_name, title, date, date_precision, "
                   "user_title) VALUES (?, '先锋', ?, ?, ?, ?)",
                   [n, f"先锋 · {date}" if date else "先锋", date, precision, user_title])
        db.execute("INSERT INTO articles (key, issue_id, position, kind, title, updated_at) "
                   "VALUES (?, ?, 0, 'article', '旧文章', 't')", [f"k{n}", n])
    db.execute("INSERT INTO notes (article_key, body, updated_at) VALUES ('k1', '笔记', 't')")
    db.execute("UPDATE issues SET user_date = '2024-02-03', user_date_precision = 'day' "
               "WHERE id = 2")
    db.close()

    with Library.open(path) as lib:
        assert schema_version(lib.db) == LATEST_VERSION >= 4
        columns = lib.db["pages"].columns_dict  # the page files' rows since migration 6
        assert {"paper", "page_number", "date_source", "user_paper", "user_page_number",
                "user_page_name"} <= set(columns)
        first, second = sorted(lib.issues.all(), key=lambda i: i.id)
        assert (first.title, first.date, first.date_source, first.paper, first.paper_known) == (
            "先锋 · 2024-01", "2024-01", "inferred", "先锋", False)
        assert lib.pages.get(1).number is None
        assert not first.date_confirmed
        # The user's date and title overrides still win after the upgrade.
        assert (second.title, second.date, second.date_source) == ("我的标题", "2024-02-03", "user")
        assert second.date_confirmed
        assert lib.articles.get(1).note == "笔记"
        raw = lib.db.execute("SELECT date_source FROM pages ORDER BY id").fetchall()
        assert raw == [("inferred",), (None,)]  # no parsed date: no source


def test_a_page_stores_its_paper_page_and_date_source(library):
    result = library.imports.import_page("rmrb_20250107_p19.txt", sha("a"), 1, header_page(), 1)
    issue = library.pages.get(result.page_id)
    assert (issue.paper, issue.page_number, issue.page_name) == ("人民日报", 19, "党建")
    assert (issue.date, issue.date_precision, issue.date_source) == ("2025-01-07", "day", "header")
    assert issue.title == "人民日报 第19版 党建 · 2025-01-07"
    assert issue.date_confirmed and not issue.date_overridden


def test_a_page_without_a_paper_keeps_its_old_title(library):
    result = library.imports.import_page("000_ab.txt", sha("b"), 1, page(item("标题", PARAGRAPHS_A)), 1)
    assert library.issues.get(result.issue_id).title == "先锋 · 2024-01"


def test_reimport_updates_in_place_and_the_users_fields_survive_a_reparse(library):
    first = library.imports.import_page("p.txt", sha("c"), 1, header_page(source="filename"), 1,
                                user=PageMeta(paper="经济日报", date="2025-01-09"))
    issue = library.issues.get(first.issue_id)
    assert (issue.paper, issue.date, issue.date_source) == ("经济日报", "2025-01-09", "user")
    # A newer parser finds another page number; nothing is given this time.
    again = library.imports.import_page("p.txt", sha("c"), 1, header_page(number=20, source="filename"),
                                2)
    assert (again.status, again.issue_id) == ("updated", first.issue_id)
    issue = library.pages.get(first.page_id)
    assert (issue.paper, issue.page_number, issue.date, issue.date_source) == (
        "经济日报", 20, "2025-01-09", "user")
    assert issue.title == "经济日报 第20版 党建 · 2025-01-09"
    assert len(library.issues.all()) == 1


def test_the_users_title_and_later_date_override_still_win(library):
    result = library.imports.import_page("p.txt", sha("d"), 1, header_page(), 1)
    library.issues.set_title(result.issue_id, "我的标题")
    library.issues.set_date(result.issue_id, "2025-02")
    library.imports.import_page("p.txt", sha("d"), 1, header_page(date="2025-01-08"), 2)
    issue = library.issues.get(result.issue_id)
    assert (issue.title, issue.date, issue.date_precision, issue.date_source) == (
        "我的标题", "2025-02", "month", "user")


def test_given_fields_on_an_already_imported_page_update_it_without_a_reparse(library):
    result = library.imports.import_page("p.txt", sha("e"), 1, header_page(), 1)
    generation = library.generation()
    same = library.imports.import_page("p.txt", sha("e"), 1, header_page(), 1,
                               user=PageMeta(page_name="理论"))
    assert same.status == "updated"
    assert library.issues.get(result.issue_id).title == "人民日报 第19版 理论 · 2025-01-07"
    assert library.generation() > generation
    unchanged = library.imports.import_page("p.txt", sha("e"), 1, header_page(), 1,
                                    user=PageMeta(page_name="理论"))
    assert unchanged.status == "already imported"
    assert library.imports.set_page_meta(result.page_id, PageMeta(page_number=3)) is True
    assert library.pages.get(result.page_id).page_number == 3
    with pytest.raises(LibraryError, match="No page with id 99"):
        library.imports.set_page_meta(99, PageMeta(paper="人民日报"))
    with pytest.raises(LibraryError, match="is not a date"):
        library.imports.set_page_meta(result.page_id, PageMeta(date="2025-13"))


def test_a_library_that_had_migration_5_first_still_gets_4(tmp_path):
    # A library opened by a Reader with migration 5 but not 4 (the branches landed apart).
    path = tmp_path / "v5.sqlite3"
    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None), execute_plugins=False)
    migrate(db, [m for m in MIGRATIONS if m[0] in (1, 2, 3, 5)])  # 6 and later build on 4
    db.execute("INSERT INTO sources (path, name, sha256, size, parser_version, status, "
               "imported_at) VALUES ('1.txt', '1.txt', 'sha', 10, 1, 'imported', 't')")
    db.execute("INSERT INTO issues (source_id, page_name, title, date, date_precision) "
               "VALUES (1, '先锋', '先锋', '2024-01', 'month')")
    db.close()
    with Library.open(path) as lib:
        [issue] = lib.issues.all()
        assert (issue.title, issue.date_source, issue.paper) == ("先锋 · 2024-01", "inferred", "先锋")
        assert lib.pages.get(1).paper == "先锋" and not lib.pages.get(1).paper_known
