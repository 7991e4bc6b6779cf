"""The user's data: tags, notes, highlights, and issue title/date overrides.

Tags hang on article ids (ids survive re-parses: articles are updated in
place); notes and highlights hang on the article's stable key, so even an
article that vanished from a re-parse keeps them.  Imports never touch
anything written here.  Every method is one transaction and bumps
`generation`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date as _date

from reader.library.anchoring import anchor_at, reanchor
from reader.library.errors import LibraryError
from reader.library.schema import now_iso
from reader.models import DATE_PRECISIONS, Highlight

#: The precision an ISO prefix of each length implies.
_PRECISION_OF = {
    re.compile(r"\d{4}"): "year",
    re.compile(r"\d{4}-\d{2}"): "month",
    re.compile(r"\d{4}-\d{2}-\d{2}"): "day",
}


def normalize_tag(name: str) -> str:
    """A tag as stored and compared: NFKC (full-width ＡＢＣ → ABC), trimmed, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).split())


def date_precision_of(value: str) -> str | None:
    """"year", "month" or "day" for a valid ISO prefix, else None."""
    for pattern, precision in _PRECISION_OF.items():
        if pattern.fullmatch(value):
            parts = [int(p) for p in value.split("-")] + [1, 1]
            try:
                _date(parts[0], parts[1], parts[2])
            except ValueError:
                return None
            return precision
    return None


def _highlight(row) -> Highlight:
    return Highlight(
        id=row[0], article_key=row[1], start=row[2], end=row[3], quote=row[4],
        prefix=row[5], suffix=row[6], color=row[7], note=row[8], orphaned=bool(row[9]),
        created_at=row[10],
    )


_HIGHLIGHT_COLUMNS = (
    'id, article_key, start, "end", quote, prefix, suffix, color, note, orphaned, created_at'
)

#: A colour as the window stores it: a name (yellow, red …) or #rgb / #rrggbb.
_COLOR = re.compile(r"[a-z]{1,20}|#[0-9a-f]{3}|#[0-9a-f]{6}")


def normalize_color(color: str | None) -> str | None:
    """A tag or highlight colour, lower-cased; None for blank; LibraryError if it is not one."""
    if color is None or not color.strip():
        return None
    value = color.strip().lower()
    if not _COLOR.fullmatch(value):
        raise LibraryError(f"“{color}” is not a colour: use a name like yellow or #rrggbb.")
    return value


class AnnotationsMixin:
    """Tags, notes, highlights and issue overrides (mixed into `Library`)."""

    # -- lookups shared by the methods below ------------------------------------

    def _article_key_and_text(self, article_id: int) -> tuple[str, str]:
        row = self._conn.execute(
            "SELECT key, text FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise LibraryError(f"No article with id {article_id}.")
        return row[0], row[1]

    def _require_issue(self, issue_id: int) -> None:
        if self._conn.execute("SELECT 1 FROM issues WHERE id = ?", [issue_id]).fetchone() is None:
            raise LibraryError(f"No issue with id {issue_id}.")

    # -- issue overrides ----------------------------------------------------------

    def set_issue_date(self, issue_id: int, date: str | None, precision: str | None = None) -> None:
        """Override an issue's date; it survives re-imports.

        `precision` defaults to what the date's shape says ("2024" → year).
        `set_issue_date(id, None, "unknown")` declares the date unknown;
        `set_issue_date(id, None)` removes the override (back to the parser's).
        """
        if date is not None:
            date = date.strip()
            shape = date_precision_of(date)
            if shape is None:
                raise LibraryError(
                    f"“{date}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD."
                )
            precision = precision or shape
            if precision != shape:
                raise LibraryError(f"“{date}” does not have {precision} precision.")
        elif precision not in (None, "unknown"):
            raise LibraryError("A date is needed for any precision other than unknown.")
        if precision is not None and precision not in DATE_PRECISIONS:
            raise LibraryError(f"Unknown date precision “{precision}”.")
        with self.transaction():
            self._require_issue(issue_id)
            self._conn.execute(
                "UPDATE issues SET user_date = ?, user_date_precision = ? WHERE id = ?",
                [date, precision, issue_id],
            )
            self._bump_generation()

    def set_issue_title(self, issue_id: int, title: str | None) -> None:
        """Override an issue's title; None or blank removes the override."""
        title = (title or "").strip() or None
        with self.transaction():
            self._require_issue(issue_id)
            self._conn.execute("UPDATE issues SET user_title = ? WHERE id = ?", [title, issue_id])
            self._bump_generation()

    # -- tags ---------------------------------------------------------------------

    def add_tags(self, article_id: int, names: Iterable[str]) -> tuple[str, ...]:
        """Tag an article; returns its tags afterwards.  Blank names are ignored."""
        wanted = [n for n in dict.fromkeys(normalize_tag(name) for name in names) if n]
        with self.transaction():
            self._article_key_and_text(article_id)
            self._attach_tags([article_id], wanted)
            self._bump_generation()
            return self._tags_of(article_id)

    def remove_tags(self, article_id: int, names: Iterable[str]) -> tuple[str, ...]:
        """Untag an article; a tag left on no article is deleted.  Returns its tags afterwards."""
        unwanted = [n for n in {normalize_tag(name) for name in names} if n]
        with self.transaction():
            self._article_key_and_text(article_id)
            self._detach_tags([article_id], unwanted)
            self._bump_generation()
            return self._tags_of(article_id)

    def _attach_tags(self, article_ids: list[int], names: list[str]) -> None:
        """Put normalised tag names on articles (inside the caller's transaction)."""
        now = now_iso()
        for name in names:
            tag_id = self._conn.execute(
                "INSERT INTO tags (name) VALUES (?) "
                "ON CONFLICT(name) DO UPDATE SET name = name RETURNING id",
                [name],
            ).fetchall()[0][0]
            self._conn.executemany(
                "INSERT INTO article_tags (article_id, tag_id, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [(article_id, tag_id, now) for article_id in article_ids],
            )

    def _detach_tags(self, article_ids: list[int], names: list[str]) -> None:
        """Take normalised tag names off articles; tags left on none go (caller's transaction)."""
        for name in names:
            self._conn.executemany(
                "DELETE FROM article_tags WHERE article_id = ? "
                "AND tag_id = (SELECT id FROM tags WHERE name = ?)",
                [(article_id, name) for article_id in article_ids],
            )
        self._conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)")

    def tags(self) -> list[tuple[str, int]]:
        """Every tag with the number of articles carrying it, by name."""
        return [(tag.name, tag.count) for tag in self.tag_summaries()]

    def _tags_of(self, article_id: int) -> tuple[str, ...]:
        return tuple(
            row[0]
            for row in self._conn.execute(
                "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                "WHERE at.article_id = ? ORDER BY t.name COLLATE NOCASE",
                [article_id],
            )
        )

    # -- notes --------------------------------------------------------------------

    def set_note(self, article_id: int, text: str | None) -> None:
        """Write an article's note; empty text deletes it."""
        with self.transaction():
            key, _ = self._article_key_and_text(article_id)
            if text is None or not text.strip():
                self._conn.execute("DELETE FROM notes WHERE article_key = ?", [key])
            else:
                self._conn.execute(
                    "INSERT INTO notes (article_key, body, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(article_key) DO UPDATE SET body = excluded.body, "
                    "updated_at = excluded.updated_at",
                    [key, text, now_iso()],
                )
            self._bump_generation()

    def note(self, article_id: int) -> str | None:
        """An article's note, or None."""
        key, _ = self._article_key_and_text(article_id)
        row = self._conn.execute("SELECT body FROM notes WHERE article_key = ?", [key]).fetchone()
        return row[0] if row else None

    # -- highlights -----------------------------------------------------------------

    def add_highlight(
        self,
        article_id: int,
        start: int,
        end: int,
        color: str = "yellow",
        note: str | None = None,
    ) -> Highlight:
        """Mark `text[start:end]` of an article (offsets into `ArticleRecord.text`)."""
        with self.transaction():
            key, text = self._article_key_and_text(article_id)
            if not 0 <= start < end <= len(text):
                raise LibraryError(
                    f"A highlight must cover characters 0 to {len(text)} of the article "
                    f"and at least one of them, not {start} to {end}."
                )
            anchor = anchor_at(text, start, end)
            color = normalize_color(color) or "yellow"
            row = self._conn.execute(
                'INSERT INTO highlights (article_key, start, "end", quote, prefix, suffix, '
                f"color, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                f"RETURNING {_HIGHLIGHT_COLUMNS}",
                [key, start, end, anchor.quote, anchor.prefix, anchor.suffix, color,
                 note or None, now_iso()],
            ).fetchall()[0]
            self._bump_generation()
            return _highlight(row)

    def highlight(self, highlight_id: int) -> Highlight:
        """One highlight by id."""
        row = self._conn.execute(
            f"SELECT {_HIGHLIGHT_COLUMNS} FROM highlights WHERE id = ?", [highlight_id]
        ).fetchone()
        if row is None:
            raise LibraryError(f"No highlight with id {highlight_id}.")
        return _highlight(row)

    def restore_highlight(self, h: Highlight) -> Highlight:
        """Put back a removed highlight (undo), with its quote, context, colour, note and date.

        It gets its old id back when that id is free (ids are never reused, so it
        is unless the highlight was never removed), and is re-anchored if the
        article text changed meanwhile; if its quote is gone it comes back orphaned.
        """
        if not h.quote or h.start < 0 or h.end <= h.start:
            raise LibraryError("Cannot restore a highlight without a quote and its place.")
        with self.transaction():
            start, end, prefix, suffix, orphaned = h.start, h.end, h.prefix, h.suffix, h.orphaned
            row = self._conn.execute(
                "SELECT text FROM articles WHERE key = ?", [h.article_key]
            ).fetchone()
            if row is not None:
                anchor = reanchor(row[0], h.start, h.end, h.quote, h.prefix, h.suffix)
                orphaned = anchor is None
                if anchor is not None:
                    start, end, prefix, suffix = anchor.start, anchor.end, anchor.prefix, anchor.suffix
            taken = self._conn.execute(
                "SELECT 1 FROM highlights WHERE id = ?", [h.id]
            ).fetchone()
            restored = self._conn.execute(
                'INSERT INTO highlights (id, article_key, start, "end", quote, prefix, suffix, '
                "color, note, orphaned, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                f"RETURNING {_HIGHLIGHT_COLUMNS}",
                [None if taken else h.id, h.article_key, start, end, h.quote, prefix, suffix,
                 normalize_color(h.color) or "yellow", h.note or None, int(orphaned),
                 h.created_at or now_iso()],
            ).fetchall()[0]
            self._bump_generation()
            return _highlight(restored)

    def set_highlight_color(self, highlight_id: int, color: str) -> None:
        """Change the colour of one highlight."""
        value = normalize_color(color)
        if value is None:
            raise LibraryError("A highlight needs a colour.")
        with self.transaction():
            cursor = self._conn.execute(
                "UPDATE highlights SET color = ? WHERE id = ?", [value, highlight_id]
            )
            if cursor.rowcount == 0:
                raise LibraryError(f"No highlight with id {highlight_id}.")
            self._bump_generation()

    def highlights(self, article_id: int) -> list[Highlight]:
        """An article's highlights in text order (orphaned ones included)."""
        key, _ = self._article_key_and_text(article_id)
        return self._highlights_of_keys([key]).get(key, [])

    def set_highlight_note(self, highlight_id: int, note: str | None) -> None:
        """Write (or with None/blank, clear) the note of one highlight."""
        with self.transaction():
            cursor = self._conn.execute(
                "UPDATE highlights SET note = ? WHERE id = ?",
                [note if note and note.strip() else None, highlight_id],
            )
            if cursor.rowcount == 0:
                raise LibraryError(f"No highlight with id {highlight_id}.")
            self._bump_generation()

    def remove_highlight(self, highlight_id: int) -> None:
        """Delete one highlight (only the user does this; imports never do)."""
        with self.transaction():
            cursor = self._conn.execute("DELETE FROM highlights WHERE id = ?", [highlight_id])
            if cursor.rowcount == 0:
                raise LibraryError(f"No highlight with id {highlight_id}.")
            self._bump_generation()

    def _highlights_of_keys(self, keys: list[str]) -> dict[str, list[Highlight]]:
        found: dict[str, list[Highlight]] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self._conn.execute(
                f"SELECT {_HIGHLIGHT_COLUMNS} FROM highlights WHERE article_key IN ({marks}) "
                "ORDER BY start, id",
                chunk,
            ):
                found.setdefault(row[1], []).append(_highlight(row))
        return found
