"""Tags: on one article or many, renamed and merged, deleted, coloured, summarised.

Tags hang on article ids (ids survive re-parses: articles are updated in
place).  Names are compared after `normalize_tag` (NFKC, so full- and
half-width forms never make two tags) and, as the `tags.name` column says,
ASCII case-insensitively.  A tag left on no article is deleted.  Every
mutation is one transaction and bumps `generation`.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.catalogue import Code
from reader.library.connection import LibraryConnection, chunks
from reader.library.errors import LibraryError
from reader.library.schema import now_iso
from reader.library.values import normalize_color, normalize_tag, tag_names
from reader.models import TagSummary


class Tags:
    """`library.tags`: every tag operation of the library."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    # -- one article ----------------------------------------------------------------

    def add(self, article_id: int, names: Iterable[str]) -> tuple[str, ...]:
        """Tag an article; returns its tags afterwards.  Blank names are ignored."""
        wanted = tag_names(names)
        with self._db.transaction():
            self._db.require_article(article_id)
            self._attach([article_id], wanted)
            self._db.bump_generation(annotations_only=True)
            return self._of(article_id)

    def remove(self, article_id: int, names: Iterable[str]) -> tuple[str, ...]:
        """Untag an article; a tag left on no article is deleted.  Returns its tags afterwards."""
        unwanted = tag_names(names)
        with self._db.transaction():
            self._db.require_article(article_id)
            self._detach([article_id], unwanted)
            self._db.bump_generation(annotations_only=True)
            return self._of(article_id)

    def of(self, article_id: int) -> tuple[str, ...]:
        """The tags of one article, by name."""
        self._db.require_article(article_id)
        return self._of(article_id)

    # -- many articles at once --------------------------------------------------------

    def add_many(self, article_ids: Iterable[int], names: Iterable[str]) -> None:
        """Put every tag on every article (those already there stay as they were)."""
        wanted = self._required_names(names)
        with self._db.transaction():
            self._attach(self._required_articles(article_ids), wanted)
            self._db.bump_generation(annotations_only=True)

    def remove_many(self, article_ids: Iterable[int], names: Iterable[str]) -> None:
        """Take the tags off every article; a tag left on no article is deleted."""
        unwanted = self._required_names(names)
        with self._db.transaction():
            self._detach(self._required_articles(article_ids), unwanted)
            self._db.bump_generation(annotations_only=True)

    # -- one tag -------------------------------------------------------------------

    def rename(self, old: str, new: str) -> str:
        """Rename a tag and return its final name.

        Renaming onto another existing tag merges the two: the target keeps its
        name and colour and gains the articles of `old`, which disappears.
        A change of case only ("party" → "Party") renames in place.
        """
        target_name = normalize_tag(new)
        if not target_name:
            raise LibraryError(Code.TAG_NAME_EMPTY)
        with self._db.transaction():
            source_id, source_name, _ = self._row(old)
            if source_name == target_name:
                return source_name
            target = self._db.execute(
                "SELECT id, name FROM tags WHERE name = ?", [target_name]
            ).fetchone()
            if target is None or target[0] == source_id:
                self._db.execute("UPDATE tags SET name = ? WHERE id = ?",
                                 [target_name, source_id])
                final = target_name
            else:
                self._db.execute(
                    "INSERT INTO article_tags (article_id, tag_id, created_at) "
                    "SELECT article_id, ?, created_at FROM article_tags WHERE tag_id = ? "
                    "ON CONFLICT DO NOTHING",
                    [target[0], source_id],
                )
                self._db.execute("DELETE FROM article_tags WHERE tag_id = ?", [source_id])
                self._db.execute("DELETE FROM tags WHERE id = ?", [source_id])
                final = target[1]
            self._db.bump_generation(annotations_only=True)
            return final

    def delete(self, name: str) -> None:
        """Delete a tag from every article (the articles stay)."""
        with self._db.transaction():
            tag_id, _, _ = self._row(name)
            self._db.execute("DELETE FROM article_tags WHERE tag_id = ?", [tag_id])
            self._db.execute("DELETE FROM tags WHERE id = ?", [tag_id])
            self._db.bump_generation(annotations_only=True)

    def set_color(self, name: str, color: str | None) -> None:
        """Give a tag a colour (a name or #rrggbb); None or blank removes it."""
        value = normalize_color(color)
        with self._db.transaction():
            tag_id, _, _ = self._row(name)
            self._db.execute("UPDATE tags SET color = ? WHERE id = ?", [value, tag_id])
            self._db.bump_generation(annotations_only=True)

    # -- reading -------------------------------------------------------------------

    def summaries(self) -> list[TagSummary]:
        """Every tag with its article count and colour, by name (case-insensitively)."""
        return [
            TagSummary(name, count, color)
            for name, count, color in self._db.execute(
                "SELECT t.name, COUNT(at.article_id), t.color FROM tags t "
                "LEFT JOIN article_tags at ON at.tag_id = t.id "
                "GROUP BY t.id ORDER BY t.name COLLATE NOCASE"
            )
        ]

    def counts(self) -> list[tuple[str, int]]:
        """Every tag with the number of articles carrying it, by name."""
        return [(tag.name, tag.count) for tag in self.summaries()]

    # -- inside a transaction ----------------------------------------------------------

    def _attach(self, article_ids: list[int], names: list[str]) -> None:
        now = now_iso()
        for name in names:
            tag_id = self._db.execute(
                "INSERT INTO tags (name) VALUES (?) "
                "ON CONFLICT(name) DO UPDATE SET name = name RETURNING id",
                [name],
            ).fetchall()[0][0]
            self._db.executemany(
                "INSERT INTO article_tags (article_id, tag_id, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [(article_id, tag_id, now) for article_id in article_ids],
            )

    def _detach(self, article_ids: list[int], names: list[str]) -> None:
        for name in names:
            self._db.executemany(
                "DELETE FROM article_tags WHERE article_id = ? "
                "AND tag_id = (SELECT id FROM tags WHERE name = ?)",
                [(article_id, name) for article_id in article_ids],
            )
        self._db.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)")

    def _of(self, article_id: int) -> tuple[str, ...]:
        return tuple(tags_of_ids(self._db, [article_id]).get(article_id, ()))

    def _required_names(self, names: Iterable[str]) -> list[str]:
        wanted = tag_names(names)
        if not wanted:
            raise LibraryError(Code.NO_TAG_NAMES)
        return wanted

    def _required_articles(self, article_ids: Iterable[int]) -> list[int]:
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            raise LibraryError(Code.NO_ARTICLES_SELECTED)
        for chunk in chunks(ids):
            marks = ", ".join("?" * len(chunk))
            found = {row[0] for row in self._db.execute(
                f"SELECT id FROM articles WHERE id IN ({marks})", chunk)}
            for article_id in chunk:
                if article_id not in found:
                    raise LibraryError(Code.NO_ARTICLE, id=article_id)
        return ids

    def _row(self, name: str) -> tuple[int, str, str | None]:
        row = self._db.execute(
            "SELECT id, name, color FROM tags WHERE name = ?", [normalize_tag(name)]
        ).fetchone()
        if row is None:
            raise LibraryError(Code.NO_TAG, name=normalize_tag(name))
        return row[0], row[1], row[2]


def tags_of_ids(db: LibraryConnection, ids: list[int]) -> dict[int, list[str]]:
    """The tag names of each article, by name (for building records)."""
    found: dict[int, list[str]] = {}
    for chunk in chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for article_id, name in db.execute(
            "SELECT at.article_id, t.name FROM article_tags at "
            f"JOIN tags t ON t.id = at.tag_id WHERE at.article_id IN ({marks}) "
            "ORDER BY t.name COLLATE NOCASE",
            chunk,
        ):
            found.setdefault(article_id, []).append(name)
    return found
