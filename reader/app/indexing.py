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
from reader.models import ArticleRecord, IndexDoc
from reader.progress import Cancelled, Progress, never_cancelled, no_progress

if TYPE_CHECKING:  # sqlite-utils, jieba and Whoosh load when the library and index open
    from reader.library import Library
    from reader.library.articles import ArticleText
    from reader.search import SearchIndex


def index_body(article: ArticleRecord | ArticleText) -> str:
    """The body the index searches: subtitle, byline, subheads, paragraphs, box entries."""
    byline = " ".join(f"{a.role} {a.name}" for a in article.authors)
    parts = [article.subtitle, byline, *article.subheads, *article.paragraphs]
    parts += [f"{e.text} {e.source}" if e.source else e.text for e in article.entries]
    return "\n".join(p for p in parts if p)


def index_doc(article: ArticleRecord, note: str = "") -> IndexDoc:
    """What the index holds of one article."""
    return IndexDoc(
        id=article.id,
        title=article.title or "",
        body=index_body(article),
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
    if force or state not in ("ok", "missing"):
        # A damaged or outdated index is replaced whole: cancelled, it stays as it was.
        reason = "asked to" if force else {
            "corrupt": "it was damaged", "old schema": "it was made by an older version",
            "newer schema": "it was made by a newer version of Reader",
        }.get(state, "it was damaged")
        return _rebuild(library, index, generation, reason, progress, cancelled)
    from reader.search.index import SearchIndexError

    try:
        if index.doc_count == 0:
            return _fill(library, index, generation, state, progress, cancelled)
        return _catch_up(library, index, generation, progress, cancelled)
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


def _fill(library: Library, index: SearchIndex, generation: str, state: str,
          progress: Progress, cancelled: Cancelled) -> SyncReport:
    """A new index is filled in committed batches: a fill that is killed or cancelled goes
    on from where it stopped at the next sync (`_catch_up`)."""
    reason = "it was missing" if state == "missing" else "it was empty"
    total = library.stats()["articles"]
    added = index.update(library_docs(library), [], progress, cancelled, total=total)
    if cancelled():
        return SyncReport("cancelled", reason, added=added)
    index.set_stamp(generation)
    return SyncReport("rebuilt", reason, added=added)


def _catch_up(library: Library, index: SearchIndex, generation: str,
              progress: Progress = no_progress,
              cancelled: Cancelled = never_cancelled) -> SyncReport:
    from reader.search.index import doc_hash

    # Only the documents that differ are held in memory: at a million articles the texts
    # would not fit.
    have = index.doc_hashes()
    current = set(library.articles.ids())
    deletes = [doc_id for doc_id in have if doc_id not in current]
    changed = (doc for doc in library_docs(library) if have.get(doc.id) != doc_hash(doc))
    missing = len(current.difference(have))
    added = index.update(changed, deletes, progress, cancelled, total=missing)
    if cancelled():
        return SyncReport("cancelled", "out of step", added=added)
    if added or deletes:
        # An index from before the words' leaders gets them with its next change (issue 17:
        # some 80 CPU-s at a million articles, once; searches work without them meanwhile).
        index.write_leaders(progress, cancelled)
    index.set_stamp(generation)
    return SyncReport("caught up", "out of step", added=added, removed=len(deletes))
