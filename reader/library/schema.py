"""The library's schema as numbered migrations, and the code that applies them.

A migration is `(version, sql)`.  `migrate` applies every migration newer
than the database, each in its own `BEGIN IMMEDIATE` transaction together
with its row in `schema_migrations`, so a crash leaves the database at the
last whole version and a second process opening the same file waits rather
than migrating twice.  Migrations are append-only: a released one is never
edited, a change is a new number (tests open a version-1 database with the
full list to prove the upgrade path).

Design notes carried by migration 1:
- notes and highlights are keyed by the article's stable `key`, not its id,
  and carry no foreign key: an article that vanishes from a re-parse must not
  take the user's writing with it;
- ids are AUTOINCREMENT so a deleted article's id is never reused (the
  search index and open windows refer to articles by id);
- deleting a source or issue is refused (no cascade): imports never delete
  them, and user data hangs off their articles.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from reader.catalogue import Code
from reader.library.errors import LibraryError
from reader.library.index_record import INDEX_RECORD_MIGRATION
from reader.library.schema_corrections import CORRECTIONS_MIGRATION
from reader.library.schema_reading import READING_MIGRATION
from reader.library.text_once import MIGRATION_9

if TYPE_CHECKING:  # only a type here: the window imports this module before the library opens
    from reader.library.lean_sqlite_utils import sqlite_utils

_MIGRATION_1 = """
CREATE TABLE sources (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    path TEXT NOT NULL,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    encoding TEXT,
    parser_version INTEGER,
    status TEXT NOT NULL CHECK (status IN ('imported', 'failed')),
    error TEXT,
    imported_at TEXT NOT NULL
);
CREATE INDEX sources_path ON sources(path);

CREATE TABLE issues (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id INTEGER NOT NULL UNIQUE REFERENCES sources(id),
    page_name TEXT,
    title TEXT NOT NULL,
    date TEXT,
    date_precision TEXT NOT NULL DEFAULT 'unknown',
    date_evidence TEXT NOT NULL DEFAULT '[]',
    user_title TEXT,
    user_date TEXT,
    user_date_precision TEXT
);
CREATE INDEX issues_date ON issues(date);
CREATE INDEX issues_user_date ON issues(user_date);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    issue_id INTEGER NOT NULL REFERENCES issues(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    column_label TEXT,
    series TEXT,
    title TEXT,
    subtitle TEXT,
    subheads TEXT NOT NULL DEFAULT '[]',
    paragraphs TEXT NOT NULL DEFAULT '[]',
    entries TEXT NOT NULL DEFAULT '[]',
    defects TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL DEFAULT '',
    missing INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX articles_issue_id ON articles(issue_id, position);
CREATE INDEX articles_kind ON articles(kind);
CREATE INDEX articles_column_label ON articles(column_label);

CREATE TABLE authors (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES authors(id),
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_authors_author_id ON article_authors(author_id);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    color TEXT
);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag_id ON article_tags(tag_id);

CREATE TABLE notes (
    article_key TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE highlights (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_key TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    color TEXT NOT NULL DEFAULT 'yellow',
    note TEXT,
    orphaned INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX highlights_article_key ON highlights(article_key);

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
INSERT INTO meta (key, value) VALUES ('generation', '0');
"""

# When a tag was put on an article: lets the tag panel list recent tags first.
# Rows tagged before this migration keep NULL ("some time before").
_MIGRATION_2 = """
ALTER TABLE article_tags ADD COLUMN created_at TEXT;
CREATE INDEX article_tags_created_at ON article_tags(created_at);
"""

# Issues of pages with no page name were titled by their file's stem
# ("001_f647707586ad7244 · 2021-01"); they are now named by their first
# headline ("破解机关党建“灯下黑”等 · 2021-01"), as `issue_title` does.
_MIGRATION_3 = """
UPDATE issues SET title = (
        SELECT a.title FROM articles a
        WHERE a.issue_id = issues.id AND COALESCE(a.title, '') != ''
        ORDER BY a.position LIMIT 1
    ) || '等' || CASE WHEN date IS NOT NULL THEN ' · ' || date ELSE '' END
WHERE page_name IS NULL AND EXISTS (
    SELECT 1 FROM articles a WHERE a.issue_id = issues.id AND COALESCE(a.title, '') != ''
);
"""

# Paper, page number and where the date came from, for each imported page (issue 13).
# One page file is still one row of `issues`; the parsed values sit beside the
# user's (`user_*`, given on import, which win like `user_title`/`user_date` do).
# A later migration moves them into publications → issues → pages.  Dates stored
# before this came from the text: `inferred`.
_MIGRATION_4 = """
ALTER TABLE issues ADD COLUMN paper TEXT;
ALTER TABLE issues ADD COLUMN page_number INTEGER;
ALTER TABLE issues ADD COLUMN date_source TEXT;
ALTER TABLE issues ADD COLUMN user_paper TEXT;
ALTER TABLE issues ADD COLUMN user_page_number INTEGER;
ALTER TABLE issues ADD COLUMN user_page_name TEXT;
UPDATE issues SET date_source = 'inferred' WHERE date IS NOT NULL;
CREATE INDEX issues_paper ON issues(COALESCE(user_paper, paper));
"""

# Issue titles no longer carry the date ("先锋 · 2024-01" is stored as "先锋"): the
# date is shown from its own column (the user's override when there is one), so a
# corrected date is never contradicted by the title.  (Number 4 is the page
# metadata columns of the pagemeta branch; each migration is applied on its own.)
_MIGRATION_5 = """
UPDATE issues SET title = substr(title, 1, length(title) - length(' · ' || date))
WHERE date IS NOT NULL AND length(title) > length(' · ' || date)
  AND substr(title, -length(' · ' || date)) = ' · ' || date;
"""

# Papers, issues and pages (issue 14).  Until now one page file was one row of
# `issues`; that row becomes a page (`pages`, same id, same columns), articles point
# at their page (`page_id`, ids and keys unchanged), and two tables group the pages:
# `publications` (报纸, one name each) and `issues` (one date of one paper, edition if
# any).  The user's fields stay on the page (`user_*`, plus `user_edition`), so a
# re-import, which writes only the parsed columns, never loses them; a page's issue
# is derived from its effective paper, date and edition (reader/library/placing.py).
#
# Which pages share an issue: those of one paper with the same given date (from the
# user, a header, a file name or a sidecar) and edition; a page whose date was only
# inferred from its text, or is unknown, is an issue of its own (`shared = 0`).  A page
# whose paper is unknown lives under a publication named by its page name
# (`placeholder = 1`), else under 报纸不详, until the user names the paper.  Each issue
# takes the id of its lowest page, so a library of one-page issues keeps its issue ids.
_MIGRATION_6 = """
ALTER TABLE issues RENAME TO pages;
ALTER TABLE articles RENAME COLUMN issue_id TO page_id;
DROP INDEX articles_issue_id;
DROP INDEX issues_date;
DROP INDEX issues_user_date;
DROP INDEX issues_paper;
CREATE INDEX articles_page_id ON articles(page_id, position);

CREATE TABLE publications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    user_set INTEGER NOT NULL DEFAULT 0,
    placeholder INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE issues (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    publication_id INTEGER NOT NULL REFERENCES publications(id),
    date TEXT,
    date_precision TEXT NOT NULL DEFAULT 'unknown',
    date_source TEXT,
    edition TEXT,
    shared INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX issues_publication_date ON issues(publication_id, date);
CREATE INDEX issues_date ON issues(date);
CREATE UNIQUE INDEX issues_one_per_date
    ON issues(publication_id, date, COALESCE(edition, '')) WHERE shared = 1;

ALTER TABLE pages ADD COLUMN user_edition TEXT;
ALTER TABLE pages ADD COLUMN issue_id INTEGER REFERENCES issues(id);

CREATE TEMP TABLE m6_place AS
SELECT id AS page_id,
       COALESCE(NULLIF(TRIM(user_paper), ''), NULLIF(TRIM(paper), ''),
                NULLIF(TRIM(COALESCE(user_page_name, page_name)), ''), '报纸不详') AS name,
       COALESCE(NULLIF(TRIM(user_paper), ''), NULLIF(TRIM(paper), '')) IS NULL AS placeholder,
       NULLIF(TRIM(user_paper), '') IS NOT NULL AS user_set,
       CASE WHEN user_date_precision IS NOT NULL THEN user_date ELSE date END AS date,
       COALESCE(user_date_precision, date_precision) AS date_precision,
       CASE WHEN user_date_precision IS NOT NULL THEN 'user' ELSE date_source END
           AS date_source
FROM pages;
ALTER TABLE temp.m6_place ADD COLUMN grouping TEXT;
UPDATE temp.m6_place SET grouping = CASE
    WHEN date IS NOT NULL AND COALESCE(date_source, 'inferred') != 'inferred'
    THEN 'date:' || name || '|' || date ELSE 'page:' || page_id END;

INSERT INTO publications (name, user_set, placeholder)
SELECT name, MAX(user_set), MIN(placeholder) FROM temp.m6_place GROUP BY name ORDER BY MIN(page_id);

INSERT INTO issues (id, publication_id, date, date_precision, date_source, shared)
SELECT MIN(m.page_id), p.id, m.date, m.date_precision,
       CASE MIN(CASE m.date_source WHEN 'user' THEN 0 WHEN 'header' THEN 1
                WHEN 'filename' THEN 2 WHEN 'sidecar' THEN 3 WHEN 'text' THEN 4
                WHEN 'inferred' THEN 5 END)
           WHEN 0 THEN 'user' WHEN 1 THEN 'header' WHEN 2 THEN 'filename'
           WHEN 3 THEN 'sidecar' WHEN 4 THEN 'text' WHEN 5 THEN 'inferred' END,
       m.grouping LIKE 'date:%'
FROM temp.m6_place m JOIN publications p ON p.name = m.name
GROUP BY m.grouping;

UPDATE pages SET issue_id = (
    SELECT MIN(b.page_id) FROM temp.m6_place a JOIN temp.m6_place b ON b.grouping = a.grouping
    WHERE a.page_id = pages.id
);
DROP TABLE temp.m6_place;
CREATE INDEX pages_issue_id ON pages(issue_id);
"""

# Reading state (issue 19): read/unread and a star per article, keyed like notes by the
# article's stable key so a re-parse keeps them.  No row: unread, not starred.
# (Number 6 is the papers/issues/pages migration of the model branch.)
_MIGRATION_7 = """
CREATE TABLE reading (
    article_key TEXT PRIMARY KEY,
    read_at TEXT,
    starred_at TEXT
);
CREATE INDEX reading_starred ON reading(starred_at) WHERE starred_at IS NOT NULL;
"""

# Saved searches (issue 16): a name, the query as typed and the order of its results.
# Names are unique (NOCASE, like tags).  Number 8 is research's; 6, 7 and 9 are other
# branches' and may land in any order.
_MIGRATION_8 = """
CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    query TEXT NOT NULL,
    sort TEXT NOT NULL DEFAULT 'relevance',
    created_at TEXT NOT NULL
);
"""

#: Every migration, oldest first.  Append only.
MIGRATIONS: list[tuple[int, str]] = [
    (1, _MIGRATION_1),
    (2, _MIGRATION_2),
    (3, _MIGRATION_3),
    (4, _MIGRATION_4),
    (5, _MIGRATION_5),
    (6, _MIGRATION_6),
    (7, _MIGRATION_7),
    (8, _MIGRATION_8),
    (9, MIGRATION_9),  # issue 17: the text stored once (text_once.py)
    (10, CORRECTIONS_MIGRATION),  # issue 15, in schema_corrections.py
    (11, READING_MIGRATION),  # issue 19, in schema_reading.py
    (16, INDEX_RECORD_MIGRATION),  # issue 17: what the index must catch up with
]

LATEST_VERSION = MIGRATIONS[-1][0]

_BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
)
"""


def now_iso() -> str:
    """The current UTC time as the library stores it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def schema_version(db: sqlite_utils.Database) -> int:
    """The highest applied migration, 0 for a database that has none."""
    if not db["schema_migrations"].exists():
        return 0
    row = db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def applied_versions(db: sqlite_utils.Database) -> set[int]:
    """Every migration recorded as applied."""
    if not db["schema_migrations"].exists():
        return set()
    return {row[0] for row in db.execute("SELECT version FROM schema_migrations")}


def migrate(
    db: sqlite_utils.Database,
    migrations: list[tuple[int, str]] = MIGRATIONS,
    path: str = "",
) -> int:
    """Apply every migration `db` has not had; return the highest version reached.

    Each migration is applied unless it is recorded, not merely when it is
    newer than the last: two branches may number theirs 4 and 5 and land in
    either order.  `db` must wrap a connection opened with
    `isolation_level=None`, so that the transactions here are the only ones.
    Raises `LibraryError` for a database that belongs to something else or
    to a newer Reader.
    """
    refuse_foreign_database(db, path)
    newest = migrations[-1][0] if migrations else 0
    for version, sql in migrations:
        if version in applied_versions(db):
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute(_BOOKKEEPING)
            # Another process may have migrated while we waited for the lock.
            if version not in applied_versions(db):
                db.executescript(sql)
                db.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    [version, now_iso()],
                )
            db.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.execute("ROLLBACK")
            raise
    reached = schema_version(db)
    if reached > newest:
        raise LibraryError(Code.LIBRARY_TOO_NEW, path=path, reached=reached, newest=newest)
    return reached


def refuse_foreign_database(db: sqlite_utils.Database, path: str) -> None:
    """A SQLite file with tables but no migration record is someone else's data."""
    if db["schema_migrations"].exists():
        return
    tables = [name for name in db.table_names() if not name.startswith("sqlite_")]
    if tables:
        raise LibraryError(Code.LIBRARY_NOT_READER, path=path)
