"""Saved searches as the window and the CLI use them: save, rename, delete (undoable), and
the list with live counts.

Each change is one library call recorded on the session's undo `history` (the one the
tag and highlight changes use, so 撤销 reverses whichever came last, 重做 makes it again) and
returns the
`Changes` it made (`searches`).  Counts are not stored: `with_counts` runs each saved query
to its set of matches (`research.find_matches`), so a count is always what opening the
search would show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.app.changes import Changes
from reader.app.research import find_matches
from reader.app.undo import History, Step
from reader.library.saved_searches import SavedSearch

if TYPE_CHECKING:  # sqlite-utils, jieba and Whoosh load when the library and index open
    from reader.library import Library
    from reader.search import SearchIndex

SEARCHES_CHANGED = Changes(searches=True)


@dataclass(frozen=True)
class SavedSearchCount:
    """A saved search and how many articles it finds now."""

    saved: SavedSearch
    count: int


class SavedSearchServices:
    """`session.searches`: the saved searches with undo."""

    def __init__(self, library: Library, history: History):
        self.library = library
        self.history = history

    def all(self) -> list[SavedSearch]:
        return self.library.saved_searches.all()

    def with_counts(self, index: SearchIndex) -> list[SavedSearchCount]:
        """Every saved search with its number of matches now (the index must be in step)."""
        return [SavedSearchCount(saved, len(find_matches(self.library, index, saved.query).ids))
                for saved in self.all()]

    def save(self, name: str, query: str, sort: str = "relevance") -> Changes:
        """Save a query under a name (undoable: a replaced query comes back)."""
        before = self.library.saved_searches.find(name)
        saved = self.library.saved_searches.save(name, query, sort)

        def undo() -> None:
            if before is None:
                self.library.saved_searches.delete(saved.name)
            else:
                self.library.saved_searches.save(before.name, before.query, before.sort)

        self.history.record(Step("save_search", (saved.name,)), undo, SEARCHES_CHANGED,
                            lambda: self.library.saved_searches.save(saved.name, saved.query,
                                                                     saved.sort))
        return SEARCHES_CHANGED

    def rename(self, old: str, new: str) -> Changes:
        before = self.library.saved_searches.get(old)
        after = self.library.saved_searches.rename(old, new)
        if after.name == before.name:
            return SEARCHES_CHANGED
        self.history.record(Step("rename_search", (before.name, after.name)),
                            lambda: self.library.saved_searches.rename(after.name, before.name),
                            SEARCHES_CHANGED,
                            lambda: self.library.saved_searches.rename(before.name, after.name))
        return SEARCHES_CHANGED

    def delete(self, name: str) -> Changes:
        gone = self.library.saved_searches.delete(name)
        self.history.record(Step("delete_search", (gone.name,)),
                            lambda: self.library.saved_searches.restore(gone), SEARCHES_CHANGED,
                            lambda: self.library.saved_searches.delete(gone.name))
        return SEARCHES_CHANGED
