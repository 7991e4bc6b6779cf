"""Reading state for the window and the CLI: mark read, star, count unread, find the next unread.

Writes return `Changes` with `reading` set (the articles whose state changed),
so views that show unread counts or stars redraw only then; reads return
small dataclasses.  The order "next unread" walks is the tree's: issues by
effective date (`library.issues.all()`), articles by position, wrapping
around to the first unread article before the current one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.app.archive import node_key
from reader.app.changes import NO_CHANGES, Changes
from reader.library.reading import IssueCounts


@dataclass(frozen=True)
class ReadingState:
    """One article's state."""

    article_id: int
    read: bool
    starred: bool
    #: where the reader was, in thousandths of the text's height (None: not known)
    place: int | None = None


def mark_read(session, article_ids: Iterable[int], read: bool = True) -> Changes:
    changed = session.library.reading.mark_read(article_ids, read)
    return Changes.of(changed, reading=True) if changed else NO_CHANGES


def star(session, article_ids: Iterable[int], starred: bool = True) -> Changes:
    changed = session.library.reading.star(article_ids, starred)
    return Changes.of(changed, reading=True) if changed else NO_CHANGES


def state(session, article_id: int) -> ReadingState:
    read, starred = session.library.reading.states([article_id]).get(article_id, (False, False))
    return ReadingState(article_id, read, starred, session.library.reading.place(article_id))


def remember_place(session, article_id: int, permille: int) -> Changes:
    """Keep the reader's place in an article (it travels in the annotations file); no view
    shows it, so nothing is reported changed."""
    session.library.reading.set_place(article_id, permille)
    return NO_CHANGES


def unread_counts(session) -> dict[int, IssueCounts]:
    """Per issue id, its article and unread counts (what the tree's issue rows show)."""
    return {counts.issue_id: counts for counts in session.library.reading.issue_counts()}


def read_by_node(session) -> dict[str, int]:
    """How many articles under each archive node are read, by node key (paper, year,
    issue, page; nodes with none read are left out).  The tree shows a node's unread
    count as its article count minus this."""
    read: dict[str, int] = {}
    for page in session.library.reading.read_per_page():
        for key in (node_key("paper", page.publication_id),
                    node_key("year", page.publication_id, page.year),
                    node_key("issue", page.issue_id), node_key("page", page.page_id)):
            read[key] = read.get(key, 0) + page.read
    return read


def next_unread(session, after: int | None) -> int | None:
    """The first unread article after `after` in tree order (wrapping), or None if all are read."""
    library = session.library
    issue_order = {issue.id: n for n, issue in enumerate(library.issues.all())}
    last = len(issue_order)
    rows = library.reading.in_order()  # each issue's articles in order
    # sorted() is stable: issues by the tree's order, each keeping its own article order
    ordered = sorted(rows, key=lambda row: issue_order.get(row[1], last))
    start = next((n + 1 for n, row in enumerate(ordered) if row[0] == after), 0)
    for row in ordered[start:] + ordered[:start]:
        if not row[2] and row[0] != after:
            return row[0]
    return None


__all__ = ["ReadingState", "mark_read", "next_unread", "read_by_node", "remember_place", "star",
           "state",
           "unread_counts"]
