"""Authors: who wrote what, as the 作者 view and article records need it."""

from __future__ import annotations

from reader.library.connection import LibraryConnection, chunks
from reader.models import Author


class Authors:
    """`library.authors`: the author list and one author's articles."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def summaries(self) -> list[tuple[str, int]]:
        """Every author with the number of articles they appear on, most articles first."""
        return [
            (row[0], row[1])
            for row in self._db.execute(
                "SELECT au.name, COUNT(DISTINCT aa.article_id) AS n FROM authors au "
                "JOIN article_authors aa ON aa.author_id = au.id "
                "GROUP BY au.id ORDER BY n DESC, au.name"
            )
        ]

    def article_ids(self, name: str) -> set[int]:
        """Articles this exact author name appears on (any role)."""
        return {
            row[0]
            for row in self._db.execute(
                "SELECT aa.article_id FROM article_authors aa "
                "JOIN authors au ON au.id = aa.author_id WHERE au.name = ?",
                [name],
            )
        }


def authors_of_ids(db: LibraryConnection, ids: list[int]) -> dict[int, list[Author]]:
    """The authors of each article, in byline order (for building records)."""
    found: dict[int, list[Author]] = {}
    for chunk in chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for article_id, role, name in db.execute(
            "SELECT aa.article_id, aa.role, au.name FROM article_authors aa "
            f"JOIN authors au ON au.id = aa.author_id WHERE aa.article_id IN ({marks}) "
            "ORDER BY aa.article_id, aa.position",
            chunk,
        ):
            found.setdefault(article_id, []).append(Author(role, name))
    return found
