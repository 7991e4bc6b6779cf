"""Reading what can still be read of a damaged library: the annotations, row by row.

When SQLite reports the file damaged ("database disk image is malformed"), a
query over a whole table stops at the first bad page.  The user's own work
(tags, notes, highlights) usually sits on pages that are still whole, so the
rescue reads each table whole if it can and otherwise one row at a time by
rowid, skipping the rows on damaged pages.  Article keys (what an annotations
file names articles by) are read from the key index first, which is a
separate b-tree and survives damage to the articles' own pages.

`rescue_annotations` builds the same dict as `Annotations.export`, and says
how many rows it could not read.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reader.library.connection import LibraryConnection
from reader.library.schema import now_iso

#: Reading row by row stops after this many unreadable rowids in a row past the last
#: readable one (the table's end is unknown when its last page is damaged).
_GIVE_UP_AFTER = 1000


@dataclass(frozen=True)
class Salvaged:
    """The rows read of one table, and how many rowids could not be read."""

    rows: list[tuple]
    unreadable: int


def readable_rows(db: LibraryConnection, table: str, columns: str) -> Salvaged:
    """`SELECT columns FROM table`, or as many of its rows as can be read."""
    try:
        return Salvaged(list(db.execute(f"SELECT {columns} FROM {table}")), 0)
    except sqlite3.DatabaseError:
        pass
    last = _last_rowid(db, table)
    rows: list[tuple] = []
    unreadable = 0
    rowid, misses = 0, 0
    while rowid < last or misses < _GIVE_UP_AFTER and last == 0:
        rowid += 1
        try:
            row = db.execute(f"SELECT {columns} FROM {table} WHERE rowid = ?", [rowid]).fetchone()
        except sqlite3.DatabaseError:
            unreadable += 1
            misses += 1
            continue
        if row is not None:
            rows.append(tuple(row))
            misses = 0
        else:
            misses += 1
    return Salvaged(rows, unreadable)


def _last_rowid(db: LibraryConnection, table: str) -> int:
    """The largest rowid of `table` as far as it can be known (0 when it cannot)."""
    for sql in (f"SELECT max(rowid) FROM {table}",
                "SELECT seq FROM sqlite_sequence WHERE name = ?"):
        try:
            row = db.execute(sql, [table] if "?" in sql else []).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row and row[0]:
            return int(row[0])
    return 0


def _article_keys(db: LibraryConnection) -> tuple[dict[int, str], dict[str, str | None], int]:
    """Article id → key (from the key index if the table is damaged), key → title."""
    keys: dict[int, str] = {}
    titles: dict[str, str | None] = {}
    whole = readable_rows(db, "articles", "id, key, title")
    for article_id, key, title in whole.rows:
        keys[article_id] = key
        titles[key] = title
    if whole.unreadable:
        try:
            # The UNIQUE(key) index holds every key with its rowid: a covering read.
            for key, article_id in db.execute(
                    "SELECT key, rowid FROM articles INDEXED BY sqlite_autoindex_articles_1 "
                    "WHERE key IS NOT NULL"):
                keys.setdefault(article_id, key)
        except sqlite3.DatabaseError:
            pass
    return keys, titles, whole.unreadable


def rescue_annotations(db: LibraryConnection, format_name: str, version: int) -> tuple[dict, int]:
    """The annotations export of a damaged library, and the number of rows left unread."""
    keys, titles, lost = _article_keys(db)
    articles: dict[str, dict] = {}

    def entry(key: str) -> dict:
        if key not in articles:
            articles[key] = {"key": key, "title": titles.get(key), "tags": [], "note": None,
                             "highlights": []}
        return articles[key]

    tags = readable_rows(db, "tags", "id, name, color")
    names = {tag_id: name for tag_id, name, _ in tags.rows}
    links = readable_rows(db, "article_tags", "article_id, tag_id")
    for article_id, tag_id in sorted(links.rows):
        if article_id in keys and tag_id in names:
            entry(keys[article_id])["tags"].append(names[tag_id])
        else:
            lost += 1
    notes = readable_rows(db, "notes", "article_key, body, updated_at")
    for key, body, updated_at in notes.rows:
        entry(key)["note"] = {"text": body, "updated_at": updated_at}
    marks = readable_rows(db, "highlights", 'article_key, quote, prefix, suffix, start, "end", '
                          "color, note, orphaned, created_at")
    for row in sorted(marks.rows, key=lambda r: (r[0], r[4])):
        entry(row[0])["highlights"].append({
            "quote": row[1], "prefix": row[2], "suffix": row[3], "start": row[4],
            "end": row[5], "color": row[6], "note": row[7], "orphaned": bool(row[8]),
            "created_at": row[9],
        })
    for found in articles.values():
        found["tags"].sort(key=str.casefold)
    lost += tags.unreadable + links.unreadable + notes.unreadable + marks.unreadable
    data = {
        "format": format_name,
        "version": version,
        "exported_at": now_iso(),
        "tags": [{"name": name, "color": color}
                 for _, name, color in sorted(tags.rows, key=lambda t: t[1].casefold())],
        "articles": [articles[key] for key in sorted(articles)],
    }
    return data, lost
