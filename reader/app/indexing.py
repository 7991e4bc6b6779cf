"""Keeping the search index in step with the library.

The index is a cache of the library.  Each article becomes an `IndexDoc`
(title; body with kicker, byline, subheads, paragraphs and box entries, so a
reporter's name is findable; note text).  The index records the library
generation it reflects: when the two differ, or the index was missing,
corrupt or of an old schema, `sync_index` compares content hashes and
writes only what changed, or rebuilds everything.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.app.changes import NO_CHANGES, Changes
from reader.catalogue import Code
from reader.library import Library
from reader.models import ArticleRecord, IndexDoc
from reader.progress import Cancelled, Progress, never_cancelled, no_progress

if TYPE_CHECKING:  # jieba and Whoosh load when the index is first opened
    from reader.search import SearchIndex


def index_doc(article: ArticleRecord, note: str = "") -> IndexDoc:
    """What the index holds of one article."""
    byline = " ".join(f"{a.role} {a.name}" for a in article.authors)
    parts = [article.subtitle, byline, *article.subheads, *article.paragraphs]
    parts += [f"{e.text} {e.source}" if e.source else e.text for e in article.entries]
    return IndexDoc(
        id=article.id,
        title=article.title or "",
        body="\n".join(p for p in parts if p),
        note=note,
        column=article.column,
        kind=article.kind,
        date=article.date,
    )


def docs_for(library: Library, ids: Iterable[int]) -> list[IndexDoc]:
    """The index documents of some articles (unknown ids are left out)."""
    notes = library.notes.search_texts()
    return [index_doc(a, notes.get(a.id, "")) for a in library.articles.by_ids(ids)]


def library_docs(library: Library) -> Iterator[IndexDoc]:
    notes = library.notes.search_texts()
    for article in library.articles.iter_all():
        yield index_doc(article, notes.get(article.id, ""))


@dataclass(frozen=True)
class SyncReport:
    """What `sync_index` did, in words a user can read."""

    action: str          # "none", "caught up", "rebuilt", "cancelled" (the index as it was)
    reason: str = ""     # why (index missing, corrupt, old schema, out of step)
    added: int = 0
    removed: int = 0

    @property
    def changes(self) -> Changes:
        """What syncing changed: the index, unless it was already in step or was cancelled."""
        return Changes(index=True) if self.action in ("caught up", "rebuilt") else NO_CHANGES

    @property
    def message(self) -> str:
        if self.action == "none":
            return ""
        if self.action == "rebuilt":
            return f"Rebuilt the search index ({self.reason})."
        if self.action == "cancelled":
            return "Rebuilding the search index was cancelled; it is as it was."
        return f"Brought the search index up to date ({self.added} updated, {self.removed} removed)."


def sync_index(
    library: Library,
    index: SearchIndex,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
    force: bool = False,
) -> SyncReport:
    """Make `index` reflect `library`; cheap when they are already in step."""
    generation = str(library.generation())
    state = index.state
    if not force and state == "ok" and index.stamp == generation:
        return SyncReport("none")
    if force or state != "ok" or index.doc_count == 0:
        reason = "asked to" if force else {
            "missing": "it was missing", "corrupt": "it was damaged",
            "old schema": "it was made by an older version",
        }.get(state, "it was empty")
        return _rebuild(library, index, generation, reason, progress, cancelled)
    from reader.search.index import SearchIndexError

    try:
        return _catch_up(library, index, generation)
    except SearchIndexError as error:
        if error.code != Code.INDEX_DAMAGED:
            raise
        # Damage that only writing reveals: the index is a cache, so make it anew.
        return _rebuild(library, index, generation, "it was damaged", progress, cancelled)


def _rebuild(library: Library, index: SearchIndex, generation: str, reason: str,
             progress: Progress, cancelled: Cancelled) -> SyncReport:
    total = library.stats()["articles"]
    index.rebuild(library_docs(library), total, progress, cancelled)
    if cancelled():
        # The index was left as it was: it must not claim to be in step.
        return SyncReport("cancelled", reason)
    index.set_stamp(generation)
    return SyncReport("rebuilt", reason, added=total)


def _catch_up(library: Library, index: SearchIndex, generation: str) -> SyncReport:
    from reader.search.index import doc_hash

    have = index.doc_hashes()
    upserts: list[IndexDoc] = []
    seen: set[int] = set()
    for doc in library_docs(library):
        seen.add(doc.id)
        if have.get(doc.id) != doc_hash(doc):
            upserts.append(doc)
    deletes = [doc_id for doc_id in have if doc_id not in seen]
    if upserts or deletes:
        index.update(upserts, deletes)
    index.set_stamp(generation)
    return SyncReport("caught up", "out of step", added=len(upserts), removed=len(deletes))

