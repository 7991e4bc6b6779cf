"""Numbered migrations: each transactional, recorded, and upgrading old libraries intact."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from reader.library import LATEST_VERSION, MIGRATIONS, Library, migrate
from reader.library.schema import schema_version


def _database(path) -> sqlite_utils.Database:
    return sqlite_utils.Database(sqlite3.connect(path, isolation_level=None),
                                 execute_plugins=False)


def test_migrations_are_numbered_in_order():
    versions = [v for v, _ in MIGRATIONS]
    assert versions == sorted(set(versions)) and versions[:3] == [1, 2, 3]
    assert LATEST_VERSION == versions[-1] >= 5


def test_a_migration_that_lands_after_a_higher_one_is_still_applied(tmp_path):
    # Two branches number their migrations 2 and 3; 3 (and later ones) reach a library first.
    path = tmp_path / "lib.sqlite3"
    db = _database(path)
    without_2 = [(v, sql) for v, sql in MIGRATIONS if v != 2]
    assert migrate(db, without_2) == LATEST_VERSION
    late = (2, "CREATE TABLE landed_late (x)")
    with_2 = sorted([*without_2, late])
    assert migrate(db, with_2) == LATEST_VERSION
    assert db["landed_late"].exists()
    versions = [r[0] for r in db.execute("SELECT version FROM schema_migrations ORDER BY 1")]
    assert versions == [v for v, _ in with_2]
    migrate(db, with_2)  # and only once


def test_upgrade_from_version_1_keeps_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = _database(path)
    assert migrate(db, MIGRATIONS[:1]) == 1
    db.conn.execute("PRAGMA foreign_keys = ON")
    db.execute("INSERT INTO sources (path, name, sha256, size, parser_version, status, "
               "imported_at) VALUES ('p.txt', 'p.txt', 'abc', 10, 1, 'imported', 't')")
    db.execute("INSERT INTO issues (source_id, page_name, title, date, date_precision) "
               "VALUES (1, '先锋', '先锋 · 2024-01', '2024-01', 'month')")
    db.execute("INSERT INTO articles (key, issue_id, position, kind, title, paragraphs, text, "
               "updated_at) VALUES ('k1', 1, 0, 'article', '旧文章', '[\"正文\"]', '正文', 't')")
    db.execute("INSERT INTO tags (name, color) VALUES ('党建', 'red')")
    db.execute("INSERT INTO article_tags (article_id, tag_id) VALUES (1, 1)")
    db.execute("INSERT INTO notes (article_key, body, updated_at) VALUES ('k1', '旧笔记', 't')")
    db.execute("INSERT INTO highlights (article_key, start, \"end\", quote, color, note, "
               "created_at) VALUES ('k1', 0, 2, '正文', 'green', '高亮笔记', 't')")
    # A note and a highlight whose article is gone (kept by key) must survive too.
    db.execute("INSERT INTO notes (article_key, body, updated_at) VALUES ('gone', '孤笔记', 't')")
    assert "created_at" not in db["article_tags"].columns_dict
    db.close()

    with Library.open(path) as lib:
        assert schema_version(lib.db) == LATEST_VERSION
        assert "created_at" in lib.db["article_tags"].columns_dict
        article = lib.articles.get(1)
        assert article.title == "旧文章"
        assert article.tags == ("党建",)
        assert article.note == "旧笔记"
        assert [(h.quote, h.color, h.note) for h in article.highlights] == [
            ("正文", "green", "高亮笔记")]
        assert [(t.name, t.count, t.color) for t in lib.tags.summaries()] == [("党建", 1, "red")]
        exported = {a["key"]: a for a in lib.annotations.export()["articles"]}
        assert exported["gone"]["note"]["text"] == "孤笔记"
        assert exported["k1"]["tags"] == ["党建"]
        # Tags from before schema 2 have no date: listed, last.
        [summary] = lib.annotations.annotated_articles()
        assert summary.article_id == 1 and summary.tag_count == 1
        assert lib.issues.all()[0].title == "先锋 · 2024-01"
        # The upgraded library works for new writes too.
        lib.tags.add(1, ["新标签"])
        assert lib.articles.get(1).tags == ("党建", "新标签")


def test_migration_3_names_unnamed_issues_by_their_first_headline(tmp_path):
    path = tmp_path / "lib.sqlite3"
    db = _database(path)
    migrate(db, MIGRATIONS[:2])
    db.execute("INSERT INTO sources (path, name, sha256, size, parser_version, status, "
               "imported_at) VALUES ('001_ab.txt', '001_ab.txt', 'abc', 10, 1, 'imported', 't')")
    db.execute("INSERT INTO sources (path, name, sha256, size, parser_version, status, "
               "imported_at) VALUES ('002_cd.txt', '002_cd.txt', 'def', 10, 1, 'imported', 't')")
    db.execute("INSERT INTO issues (source_id, page_name, title, date, date_precision, "
               "user_title) VALUES (1, NULL, '001_ab · 2021-01', '2021-01', 'month', '我的')")
    db.execute("INSERT INTO issues (source_id, page_name, title) VALUES (2, NULL, '002_cd')")
    for position, title in [(0, None), (1, "破解“灯下黑”"), (2, "第二篇")]:
        db.execute("INSERT INTO articles (key, issue_id, position, kind, title, updated_at) "
                   "VALUES (?, 1, ?, 'article', ?, 't')", [f"k{position}", position, title])
    db.close()

    with Library.open(path) as lib:
        titles = {i.id: i.title for i in lib.issues.all()}
        raw = dict(lib.db.execute("SELECT id, title FROM pages").fetchall())
    # Migration 3 named it by its headline; migration 5 took the date out of the stored title.
    assert raw == {1: "破解“灯下黑”等", 2: "002_cd"}  # no headline: the stem stays
    assert titles[1] == "我的"  # the user's own title still wins


def test_migration_5_takes_the_date_out_of_stored_titles(tmp_path):
    path = tmp_path / "lib.sqlite3"
    db = _database(path)
    migrate(db, [(v, sql) for v, sql in MIGRATIONS if v < 5])
    for n, (title, date) in enumerate([("先锋 · 2024-01", "2024-01"), ("先锋", "2024-02"),
                                       ("二 · 2024 · 2024", "2024"), ("无日期 · 2024", None)]):
        db.execute("INSERT INTO sources (path, name, sha256, size, parser_version, status, "
                   "imported_at) VALUES (?, ?, ?, 10, 1, 'imported', 't')", [f"{n}", f"{n}", f"{n}"])
        db.execute("INSERT INTO issues (source_id, title, date, date_precision) "
                   "VALUES (?, ?, ?, 'month')", [n + 1, title, date])
    db.close()
    with Library.open(path) as lib:
        raw = [r[0] for r in lib.db.execute("SELECT title FROM pages ORDER BY id")]
        shown = {i.id: i.title for i in lib.issues.all()}
    assert raw == ["先锋", "先锋", "二 · 2024", "无日期 · 2024"]
    assert shown == {1: "先锋 · 2024-01", 2: "先锋 · 2024-02", 3: "二 · 2024 · 2024",
                     4: "无日期 · 2024"}


def test_each_migration_is_recorded_once(tmp_path):
    path = tmp_path / "lib.sqlite3"
    Library.open(path).close()
    Library.open(path).close()
    db = _database(path)
    rows = db.execute("SELECT version, applied_at FROM schema_migrations").fetchall()
    assert [r[0] for r in rows] == [v for v, _ in MIGRATIONS]
    assert all(r[1] for r in rows)
    db.close()


def test_a_failing_migration_leaves_the_previous_version(tmp_path):
    path = tmp_path / "lib.sqlite3"
    db = _database(path)
    broken = [*MIGRATIONS, (LATEST_VERSION + 1, "CREATE TABLE half (x); SELECT * FROM nowhere;")]
    with pytest.raises(sqlite3.OperationalError):
        migrate(db, broken)
    assert schema_version(db) == LATEST_VERSION
    assert not db["half"].exists()
    assert not db.conn.in_transaction
    db.close()
