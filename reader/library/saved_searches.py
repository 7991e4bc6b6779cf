"""Saved searches (收藏的检索): a name and a query, kept with the user's annotations.

A saved search is the query text as typed (filters included) and the order to list its
results in; its count is not stored but asked of the search each time it is shown, so it
is always live.  Names are unique, compared case-insensitively after NFKC and trimming.
Saved searches are the user's writing: they travel in the annotations export and survive
re-imports like tags do.  Changing them does not bump `generation` (that counter tells
the search index whether the articles changed; a saved search is not indexed).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reader.catalogue import Code
from reader.library.connection import LibraryConnection
from reader.library.errors import LibraryError
from reader.library.schema import now_iso

#: The orders a saved search may list its results in (reader.app.research.SORTS).
SAVED_SORTS = ("relevance", "newest", "oldest")


@dataclass(frozen=True)
class SavedSearch:
    id: int
    name: str
    query: str
    sort: str
    created_at: str


def saved_name(name: str) -> str:
    """A saved search's name as stored: NFKC, spaces collapsed and trimmed."""
    return " ".join(unicodedata.normalize("NFKC", name or "").split())


_SELECT = "SELECT id, name, query, sort, created_at FROM saved_searches "


class SavedSearches:
    """`library.saved_searches`: list, save, rename, delete and restore saved searches."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def all(self) -> list[SavedSearch]:
        """Every saved search, by name."""
        return [SavedSearch(*row) for row in
                self._db.execute(_SELECT + "ORDER BY name COLLATE NOCASE, id")]

    def get(self, name: str) -> SavedSearch:
        row = self._db.execute(_SELECT + "WHERE name = ?", [saved_name(name)]).fetchone()
        if row is None:
            raise LibraryError(Code.NO_SAVED_SEARCH, name=saved_name(name))
        return SavedSearch(*row)

    def find(self, name: str) -> SavedSearch | None:
        row = self._db.execute(_SELECT + "WHERE name = ?", [saved_name(name)]).fetchone()
        return SavedSearch(*row) if row else None

    def save(self, name: str, query: str, sort: str = "relevance") -> SavedSearch:
        """Save `query` under `name`; a search of that name gets the new query."""
        name, query = saved_name(name), " ".join((query or "").split())
        if not name or not query:
            raise LibraryError(Code.SAVED_SEARCH_EMPTY)
        sort = sort if sort in SAVED_SORTS else "relevance"
        with self._db.transaction():
            row = self._db.execute(
                "INSERT INTO saved_searches (name, query, sort, created_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET query = excluded.query, sort = excluded.sort "
                "RETURNING id, name, query, sort, created_at",
                [name, query, sort, now_iso()],
            ).fetchone()
        return SavedSearch(*row)

    def rename(self, old: str, new: str) -> SavedSearch:
        """Give a saved search another name (refused if another search has it)."""
        found, new = self.get(old), saved_name(new)
        if not new:
            raise LibraryError(Code.SAVED_SEARCH_EMPTY)
        other = self.find(new)
        if other is not None and other.id != found.id:
            raise LibraryError(Code.SAVED_SEARCH_EXISTS, name=new)
        with self._db.transaction():
            self._db.execute("UPDATE saved_searches SET name = ? WHERE id = ?", [new, found.id])
        return SavedSearch(found.id, new, found.query, found.sort, found.created_at)

    def delete(self, name: str) -> SavedSearch:
        """Delete a saved search; return it (to restore on undo)."""
        found = self.get(name)
        with self._db.transaction():
            self._db.execute("DELETE FROM saved_searches WHERE id = ?", [found.id])
        return found

    def restore(self, saved: SavedSearch) -> None:
        """Put back a deleted saved search as it was (its id and date included)."""
        with self._db.transaction():
            self._db.execute(
                "INSERT INTO saved_searches (id, name, query, sort, created_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [saved.id, saved.name, saved.query, saved.sort, saved.created_at],
            )

    def merge(self, items: list[dict]) -> tuple[int, int]:
        """Imported saved searches (inside the caller's transaction): (added, unchanged).

        One with a name and query already here is unchanged; one whose name is taken by a
        different query comes in under the name followed by " (2)", " (3)" …: nothing
        local is overwritten."""
        added = unchanged = 0
        for item in items:
            name, query = saved_name(item["name"]), " ".join(item["query"].split())
            taken, candidate, number = self.find(name), name, 2
            while taken is not None and taken.query != query:
                candidate, number = f"{name} ({number})", number + 1
                taken = self.find(candidate)
            if taken is not None:  # this query is here already, under this or a numbered name
                unchanged += 1
                continue
            self._db.execute(
                "INSERT INTO saved_searches (name, query, sort, created_at) VALUES (?, ?, ?, ?)",
                [candidate, query, item.get("sort") or "relevance",
                 item.get("created_at") or now_iso()],
            )
            added += 1
        return added, unchanged

    def export(self) -> list[dict]:
        return [{"name": s.name, "query": s.query, "sort": s.sort, "created_at": s.created_at}
                for s in self.all()]
