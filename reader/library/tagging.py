"""Working on tags as a whole: bulk tagging, rename and merge, delete, colours, summaries.

`annotations` tags one article at a time; this mixin serves the tag list and
multi-selection of the window: many articles at once, a tag renamed (onto an
existing tag it merges), deleted or coloured, and the overview of what the
user has annotated.  Names are compared after `normalize_tag` (NFKC, so
full- and half-width forms never make two tags) and, as the `tags.name`
column says, ASCII case-insensitively.  Every mutation is one transaction
and bumps `generation`.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.library.annotations import normalize_color, normalize_tag
from reader.library.errors import LibraryError
from reader.models import AnnotatedSummary, TagSummary

#: SQLite's default limit on host parameters is far above this; chunks keep queries small.
_CHUNK = 500

#: Every annotation mark with its time: the rows `annotated_articles` groups by article.
_MARKS = """
SELECT a.id AS article_id, n.updated_at AS at, 1 AS note, 0 AS highlight, 0 AS tag
  FROM articles a JOIN notes n ON n.article_key = a.key
UNION ALL
SELECT a.id, h.created_at, 0, 1, 0 FROM articles a JOIN highlights h ON h.article_key = a.key
UNION ALL
SELECT at.article_id, at.created_at, 0, 0, 1 FROM article_tags at
"""


class TaggingMixin:
    """Tag-list operations (mixed into `Library`)."""

    def _tag_names(self, names: Iterable[str]) -> list[str]:
        wanted = [n for n in dict.fromkeys(normalize_tag(name) for name in names) if n]
        if not wanted:
            raise LibraryError("Give at least one tag name.")
        return wanted

    def _require_articles(self, article_ids: Iterable[int]) -> list[int]:
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            raise LibraryError("Select at least one article.")
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            found = {row[0] for row in self._conn.execute(
                f"SELECT id FROM articles WHERE id IN ({marks})", chunk)}
            for article_id in chunk:
                if article_id not in found:
                    raise LibraryError(f"No article with id {article_id}.")
        return ids

    def _tag_row(self, name: str) -> tuple[int, str, str | None]:
        row = self._conn.execute(
            "SELECT id, name, color FROM tags WHERE name = ?", [normalize_tag(name)]
        ).fetchone()
        if row is None:
            raise LibraryError(f"No tag named “{normalize_tag(name)}”.")
        return row[0], row[1], row[2]

    # -- many articles at once --------------------------------------------------------

    def add_tags_many(self, article_ids: Iterable[int], names: Iterable[str]) -> None:
        """Put every tag on every article (those already there stay as they were)."""
        wanted = self._tag_names(names)
        with self.transaction():
            self._attach_tags(self._require_articles(article_ids), wanted)
            self._bump_generation()

    def remove_tags_many(self, article_ids: Iterable[int], names: Iterable[str]) -> None:
        """Take the tags off every article; a tag left on no article is deleted."""
        unwanted = self._tag_names(names)
        with self.transaction():
            self._detach_tags(self._require_articles(article_ids), unwanted)
            self._bump_generation()

    # -- one tag -------------------------------------------------------------------

    def rename_tag(self, old: str, new: str) -> str:
        """Rename a tag and return its final name.

        Renaming onto another existing tag merges the two: the target keeps its
        name and colour and gains the articles of `old`, which disappears.
        A change of case only ("party" → "Party") renames in place.
        """
        target_name = normalize_tag(new)
        if not target_name:
            raise LibraryError("A tag name cannot be empty.")
        with self.transaction():
            source_id, source_name, _ = self._tag_row(old)
            if source_name == target_name:
                return source_name
            target = self._conn.execute(
                "SELECT id, name FROM tags WHERE name = ?", [target_name]
            ).fetchone()
            if target is None or target[0] == source_id:
                self._conn.execute("UPDATE tags SET name = ? WHERE id = ?",
                                   [target_name, source_id])
                final = target_name
            else:
                self._conn.execute(
                    "INSERT INTO article_tags (article_id, tag_id, created_at) "
                    "SELECT article_id, ?, created_at FROM article_tags WHERE tag_id = ? "
                    "ON CONFLICT DO NOTHING",
                    [target[0], source_id],
                )
                self._conn.execute("DELETE FROM article_tags WHERE tag_id = ?", [source_id])
                self._conn.execute("DELETE FROM tags WHERE id = ?", [source_id])
                final = target[1]
            self._bump_generation()
            return final

    def delete_tag(self, name: str) -> None:
        """Delete a tag from every article (the articles stay)."""
        with self.transaction():
            tag_id, _, _ = self._tag_row(name)
            self._conn.execute("DELETE FROM article_tags WHERE tag_id = ?", [tag_id])
            self._conn.execute("DELETE FROM tags WHERE id = ?", [tag_id])
            self._bump_generation()

    def set_tag_color(self, name: str, color: str | None) -> None:
        """Give a tag a colour (a name or #rrggbb); None or blank removes it."""
        value = normalize_color(color)
        with self.transaction():
            tag_id, _, _ = self._tag_row(name)
            self._conn.execute("UPDATE tags SET color = ? WHERE id = ?", [value, tag_id])
            self._bump_generation()

    # -- reading -------------------------------------------------------------------

    def tag_summaries(self) -> list[TagSummary]:
        """Every tag with its article count and colour, by name (case-insensitively)."""
        return [
            TagSummary(name, count, color)
            for name, count, color in self._conn.execute(
                "SELECT t.name, COUNT(at.article_id), t.color FROM tags t "
                "LEFT JOIN article_tags at ON at.tag_id = t.id "
                "GROUP BY t.id ORDER BY t.name COLLATE NOCASE"
            )
        ]

    def tags_of(self, article_id: int) -> tuple[str, ...]:
        """The tags of one article, by name."""
        self._article_key_and_text(article_id)
        return self._tags_of(article_id)

    def annotated_articles(self) -> list[AnnotatedSummary]:
        """Every article with a note, a highlight or a tag, most recently annotated first."""
        rows = self._conn.execute(
            f"SELECT article_id, MAX(at), MAX(note), SUM(highlight), SUM(tag) FROM ({_MARKS}) "
            "GROUP BY article_id ORDER BY MAX(at) IS NULL, MAX(at) DESC, article_id DESC"
        )
        return [
            AnnotatedSummary(article_id, at, bool(note), highlights, tags)
            for article_id, at, note, highlights, tags in rows
        ]
