"""Reading state: which articles have been read and which are starred (migration 7).

One row per article key (like notes: a re-parse keeps the state of an article
whose text it keeps), `read_at` and `starred_at` each NULL when not set.  An
article with no row is unread and not starred, so a fresh import needs no
writes.  Marking is idempotent: marking a read article read keeps its first
`read_at`.  Writes bump `generation` like every other user change, except the
reading place (migration 11: where the reader was, in thousandths of the
article's height), which the window writes each time it leaves an article and
which nothing indexed depends on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.library.connection import LibraryConnection, chunks
from reader.library.pages import PAGE_ORDER
from reader.library.schema import now_iso


@dataclass(frozen=True)
class IssueCounts:
    """How many of an issue's articles there are and how many are unread."""

    issue_id: int
    articles: int
    unread: int


@dataclass(frozen=True)
class PageReadCount:
    """How many articles of one page are read, and where the page sits in the archive."""

    publication_id: int
    year: str  # "" for an undated issue
    issue_id: int
    page_id: int
    read: int


class Reading:
    """`library.reading`: read/unread and starred, per article."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def _keys(self, article_ids: Iterable[int]) -> dict[int, str]:
        found: dict[int, str] = {}
        for chunk in chunks(list(dict.fromkeys(article_ids))):
            marks = ", ".join("?" * len(chunk))
            found.update(self._db.execute(
                f"SELECT id, key FROM articles WHERE id IN ({marks})", chunk).fetchall())
        return found

    def _set(self, column: str, article_ids: Iterable[int], on: bool) -> list[int]:
        """Set or clear `column` for the articles; the ids whose state changed."""
        keys = self._keys(article_ids)
        now = now_iso()
        changed: list[int] = []
        with self._db.transaction():
            for article_id, key in keys.items():
                row = self._db.execute(
                    f"SELECT {column} FROM reading WHERE article_key = ?", [key]).fetchone()
                was = row is not None and row[0] is not None
                if was == on:
                    continue
                self._db.execute(
                    f"INSERT INTO reading (article_key, {column}) VALUES (?, ?) "
                    f"ON CONFLICT(article_key) DO UPDATE SET {column} = excluded.{column}",
                    [key, now if on else None])
                changed.append(article_id)
            if changed:
                self._db.bump_generation(annotations_only=True)
        return changed

    def mark_read(self, article_ids: Iterable[int], read: bool = True) -> list[int]:
        """Mark the articles read (or unread); the ids that changed."""
        return self._set("read_at", article_ids, read)

    def star(self, article_ids: Iterable[int], starred: bool = True) -> list[int]:
        """Star (or unstar) the articles; the ids that changed."""
        return self._set("starred_at", article_ids, starred)

    def states(self, article_ids: Iterable[int]) -> dict[int, tuple[bool, bool]]:
        """(read, starred) of each article asked about (unknown ids left out)."""
        keys = self._keys(article_ids)
        by_key = {key: article_id for article_id, key in keys.items()}
        found = {article_id: (False, False) for article_id in keys}
        for chunk in chunks(list(by_key)):
            marks = ", ".join("?" * len(chunk))
            for key, read_at, starred_at in self._db.execute(
                    f"SELECT article_key, read_at, starred_at FROM reading "
                    f"WHERE article_key IN ({marks})", chunk):
                found[by_key[key]] = (read_at is not None, starred_at is not None)
        return found

    def set_place(self, article_id: int, permille: int) -> None:
        """Remember where the reader is in an article (0 top … 1000 end)."""
        keys = self._keys([article_id])
        if article_id not in keys:
            return
        with self._db.transaction():
            self._db.execute(
                "INSERT INTO reading (article_key, place) VALUES (?, ?) "
                "ON CONFLICT(article_key) DO UPDATE SET place = excluded.place",
                [keys[article_id], max(0, min(1000, int(permille)))])

    def place(self, article_id: int) -> int | None:
        """Where the reader was in an article, or None if not known."""
        row = self._db.execute(
            "SELECT r.place FROM articles a JOIN reading r ON r.article_key = a.key "
            "WHERE a.id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def read_ids(self) -> set[int]:
        return {row[0] for row in self._db.execute(
            "SELECT a.id FROM articles a JOIN reading r ON r.article_key = a.key "
            "WHERE r.read_at IS NOT NULL")}

    def unread_ids(self) -> set[int]:
        return {row[0] for row in self._db.execute(
            "SELECT a.id FROM articles a LEFT JOIN reading r ON r.article_key = a.key "
            "WHERE r.read_at IS NULL AND a.missing = 0")}

    def starred_ids(self) -> set[int]:
        return {row[0] for row in self._db.execute(
            "SELECT a.id FROM articles a JOIN reading r ON r.article_key = a.key "
            "WHERE r.starred_at IS NOT NULL")}

    def in_order(self) -> list[tuple[int, int, bool]]:
        """(article id, issue id, read) of every article, each issue's in page and printed
        order (the tree's order within an issue; the caller orders the issues)."""
        return [(row[0], row[1], bool(row[2])) for row in self._db.execute(
            "SELECT a.id, p.issue_id, r.read_at IS NOT NULL FROM articles a "
            "JOIN pages p ON p.id = a.page_id LEFT JOIN reading r ON r.article_key = a.key "
            f"WHERE a.missing = 0 ORDER BY p.issue_id, {PAGE_ORDER}, a.position, a.id")]

    def read_per_page(self) -> list[PageReadCount]:
        """Every page holding read articles, with its issue, paper and year, and how many
        of its articles are read (missing ones too, as the tree's counts include them).

        Walks the read rows only (`reading` → `articles.key` → page → issue, all through
        indexes), so it costs what the reader has read, not the size of the library: the
        tree's unread count of a node is its article count minus this."""
        return [PageReadCount(*row) for row in self._db.execute(
            "SELECT i.publication_id, COALESCE(substr(i.date, 1, 4), ''), p.issue_id, "
            "a.page_id, COUNT(*) FROM reading r "
            # CROSS JOIN keeps this order (SQLite's rule): from the read rows out, never a
            # scan of every article looking for its reading row
            "CROSS JOIN articles a ON a.key = r.article_key "
            "JOIN pages p ON p.id = a.page_id JOIN issues i ON i.id = p.issue_id "
            "WHERE r.read_at IS NOT NULL GROUP BY a.page_id")]

    def issue_counts(self) -> list[IssueCounts]:
        """Per issue, its articles and how many are unread (one query; for the tree)."""
        return [IssueCounts(*row) for row in self._db.execute(
            "SELECT p.issue_id, COUNT(*), SUM(r.read_at IS NULL) FROM articles a "
            "JOIN pages p ON p.id = a.page_id LEFT JOIN reading r ON r.article_key = a.key "
            "WHERE a.missing = 0 GROUP BY p.issue_id ORDER BY p.issue_id")]


__all__ = ["IssueCounts", "PageReadCount", "Reading"]
