"""Notes: one free-text note per article, keyed by the article's stable key.

A note hangs on the key, not the id, so an article that vanished from a
re-parse keeps it.  Every write is one transaction and bumps `generation`.
"""

from __future__ import annotations

import json

from reader.library.connection import LibraryConnection, chunks
from reader.library.schema import now_iso


class Notes:
    """`library.notes`: read and write article notes."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def set(self, article_id: int, text: str | None) -> None:
        """Write an article's note; empty text deletes it."""
        with self._db.transaction():
            key, _ = self._db.require_article(article_id)
            if text is None or not text.strip():
                self._db.execute("DELETE FROM notes WHERE article_key = ?", [key])
            else:
                self._db.execute(
                    "INSERT INTO notes (article_key, body, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(article_key) DO UPDATE SET body = excluded.body, "
                    "updated_at = excluded.updated_at",
                    [key, text, now_iso()],
                )
            self._db.bump_generation(annotations_only=True)

    def get(self, article_id: int) -> str | None:
        """An article's note, or None."""
        key, _ = self._db.require_article(article_id)
        row = self._db.execute("SELECT body FROM notes WHERE article_key = ?", [key]).fetchone()
        return row[0] if row else None

    def search_texts(self, ids: list[int] | None = None) -> dict[int, str]:
        """Per article (all, or those of `ids`), its note and highlight notes as one text
        (for the search index)."""
        texts: dict[int, list[str]] = {}
        among, params = "", []
        if ids is not None:
            among, params = " AND a.id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]
        for article_id, body, _place in self._db.execute(
            "SELECT a.id, n.body, -1 AS place FROM articles a "
            f"JOIN notes n ON n.article_key = a.key WHERE 1{among} "
            "UNION ALL "
            "SELECT a.id, h.note, h.start FROM articles a JOIN highlights h ON h.article_key = a.key "
            f"WHERE h.note IS NOT NULL AND h.note != ''{among} "
            "ORDER BY 1, 3",
            params * 2,
        ):
            texts.setdefault(article_id, []).append(body)
        return {article_id: "\n".join(parts) for article_id, parts in texts.items()}


def notes_of_keys(db: LibraryConnection, keys: list[str]) -> dict[str, str]:
    """The note of each article key that has one (for building records)."""
    found: dict[str, str] = {}
    for chunk in chunks(keys):
        marks = ", ".join("?" * len(chunk))
        found.update(
            db.execute(
                f"SELECT article_key, body FROM notes WHERE article_key IN ({marks})", chunk
            ).fetchall()
        )
    return found
