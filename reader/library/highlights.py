"""Highlights: marked ranges of an article's text, with colour, note and anchor.

A highlight hangs on the article's stable key and keeps its quote with some
context (`anchoring`), so a re-parse that moves the text re-anchors it and
one that drops the text leaves it `orphaned`, never deleted.  Only the user
removes a highlight.  Every write is one transaction and bumps `generation`.
"""

from __future__ import annotations

from reader.catalogue import Code
from reader.library.anchoring import anchor_at, reanchor
from reader.library.connection import LibraryConnection, chunks
from reader.library.errors import LibraryError
from reader.library.schema import now_iso
from reader.library.values import normalize_color
from reader.models import Highlight

_HIGHLIGHT_COLUMNS = (
    'id, article_key, start, "end", quote, prefix, suffix, color, note, orphaned, created_at'
)


def _highlight(row) -> Highlight:
    return Highlight(
        id=row[0], article_key=row[1], start=row[2], end=row[3], quote=row[4],
        prefix=row[5], suffix=row[6], color=row[7], note=row[8], orphaned=bool(row[9]),
        created_at=row[10],
    )


class Highlights:
    """`library.highlights`: add, change, remove and restore highlights."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def add(
        self,
        article_id: int,
        start: int,
        end: int,
        color: str = "yellow",
        note: str | None = None,
    ) -> Highlight:
        """Mark `text[start:end]` of an article (offsets into `ArticleRecord.text`)."""
        with self._db.transaction():
            key, text = self._db.require_article(article_id)
            if not 0 <= start < end <= len(text):
                raise LibraryError(Code.HIGHLIGHT_OUT_OF_RANGE, length=len(text), start=start,
                                   end=end)
            anchor = anchor_at(text, start, end)
            color = normalize_color(color) or "yellow"
            row = self._db.execute(
                'INSERT INTO highlights (article_key, start, "end", quote, prefix, suffix, '
                f"color, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                f"RETURNING {_HIGHLIGHT_COLUMNS}",
                [key, start, end, anchor.quote, anchor.prefix, anchor.suffix, color,
                 note or None, now_iso()],
            ).fetchall()[0]
            self._db.bump_generation(annotations_only=True)
            return _highlight(row)

    def get(self, highlight_id: int) -> Highlight:
        """One highlight by id."""
        row = self._db.execute(
            f"SELECT {_HIGHLIGHT_COLUMNS} FROM highlights WHERE id = ?", [highlight_id]
        ).fetchone()
        if row is None:
            raise LibraryError(Code.NO_HIGHLIGHT, id=highlight_id)
        return _highlight(row)

    def article_id(self, highlight_id: int) -> int | None:
        """The id of the article a highlight sits on (None: no article holds its key)."""
        row = self._db.execute(
            "SELECT a.id FROM highlights h JOIN articles a ON a.key = h.article_key "
            "WHERE h.id = ?", [highlight_id]
        ).fetchone()
        return row[0] if row is not None else None

    def of_article(self, article_id: int) -> list[Highlight]:
        """An article's highlights in text order (orphaned ones included)."""
        key, _ = self._db.require_article(article_id)
        return highlights_of_keys(self._db, [key]).get(key, [])

    def restore(self, h: Highlight) -> Highlight:
        """Put back a removed highlight (undo), with its quote, context, colour, note and date.

        It gets its old id back when that id is free (ids are never reused, so it
        is unless the highlight was never removed), and is re-anchored if the
        article text changed meanwhile; if its quote is gone it comes back orphaned.
        """
        if not h.quote or h.start < 0 or h.end <= h.start:
            raise LibraryError(Code.HIGHLIGHT_CANNOT_RESTORE)
        with self._db.transaction():
            start, end, prefix, suffix, orphaned = h.start, h.end, h.prefix, h.suffix, h.orphaned
            row = self._db.execute(
                "SELECT text FROM articles WHERE key = ?", [h.article_key]
            ).fetchone()
            if row is not None:
                anchor = reanchor(row[0], h.start, h.end, h.quote, h.prefix, h.suffix)
                orphaned = anchor is None
                if anchor is not None:
                    start, end, prefix, suffix = anchor.start, anchor.end, anchor.prefix, anchor.suffix
            taken = self._db.execute(
                "SELECT 1 FROM highlights WHERE id = ?", [h.id]
            ).fetchone()
            restored = self._db.execute(
                'INSERT INTO highlights (id, article_key, start, "end", quote, prefix, suffix, '
                "color, note, orphaned, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                f"RETURNING {_HIGHLIGHT_COLUMNS}",
                [None if taken else h.id, h.article_key, start, end, h.quote, prefix, suffix,
                 normalize_color(h.color) or "yellow", h.note or None, int(orphaned),
                 h.created_at or now_iso()],
            ).fetchall()[0]
            self._db.bump_generation(annotations_only=True)
            return _highlight(restored)

    def set_color(self, highlight_id: int, color: str) -> None:
        """Change the colour of one highlight."""
        value = normalize_color(color)
        if value is None:
            raise LibraryError(Code.HIGHLIGHT_NEEDS_COLOR)
        self._update(highlight_id, "UPDATE highlights SET color = ? WHERE id = ?", value)

    def set_note(self, highlight_id: int, note: str | None) -> None:
        """Write (or with None/blank, clear) the note of one highlight."""
        self._update(highlight_id, "UPDATE highlights SET note = ? WHERE id = ?",
                     note if note and note.strip() else None)

    def remove(self, highlight_id: int) -> None:
        """Delete one highlight (only the user does this; imports never do)."""
        with self._db.transaction():
            cursor = self._db.execute("DELETE FROM highlights WHERE id = ?", [highlight_id])
            if cursor.rowcount == 0:
                raise LibraryError(Code.NO_HIGHLIGHT, id=highlight_id)
            self._db.bump_generation(annotations_only=True)

    def _update(self, highlight_id: int, sql: str, value: str | None) -> None:
        with self._db.transaction():
            if self._db.execute(sql, [value, highlight_id]).rowcount == 0:
                raise LibraryError(Code.NO_HIGHLIGHT, id=highlight_id)
            self._db.bump_generation(annotations_only=True)


def highlights_of_keys(db: LibraryConnection, keys: list[str]) -> dict[str, list[Highlight]]:
    """The highlights of each article key, in text order (for building records)."""
    found: dict[str, list[Highlight]] = {}
    for chunk in chunks(keys):
        marks = ", ".join("?" * len(chunk))
        for row in db.execute(
            f"SELECT {_HIGHLIGHT_COLUMNS} FROM highlights WHERE article_key IN ({marks}) "
            "ORDER BY start, id",
            chunk,
        ):
            found.setdefault(row[1], []).append(_highlight(row))
    return found
