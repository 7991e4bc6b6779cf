"""Keeping the search index in step with the library.

The index is a cache of the library.  Each article becomes an `IndexDoc`
(title; body with kicker, byline, subheads, paragraphs and box entries, so a
reporter's name is findable; note text).  The index records the library
generation it reflects: when the two differ, or the index was missing,
corrupt or of an old schema, `sync_index` compares content hashes and
writes only what changed, or rebuilds everything.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.app.changes import NO_CHANGES, Changes
from reader.catalogue import Code
from reader.models import ArticleRecord, IndexDoc
from reader.progress import Cancelled, Progress, never_cancelled, no_progress

if TYPE_CHECKING:  # sqlite-utils, jieba and Whoosh load when the library and index open
    from reader.library import Library
    from reader.library.articles import ArticleText
    from reader.library.index_record import IndexRecord, RecordedChanges
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


def docs_for(library: Library, ids: Iterable[int], batch: int = 500) -> Iterator[IndexDoc]:
    """The index documents of some articles (unknown ids are left out), read `batch` at a
    time with their notes (a big import names many)."""
    ids = list(ids)
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        notes = library.notes.search_texts(chunk)
        for article in library.articles.by_ids(chunk):
            yield index_doc(article, notes.get(article.id, ""))


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
    # The library's record of changes (index_record.py), unless the library cannot be
    # written (open read-only: its index is a scratch one, compared whole).
    record = library.index_record if library.read_only is None else None
    if not force and state == "ok" and index.stamp == generation \
            and (record is None or _in_step_with_record(record, index)):
        return SyncReport("none")
    if force or state not in ("ok", "missing"):
        # A damaged or outdated index is replaced whole: cancelled, it stays as it was.
        reason = "asked to" if force else {
            "corrupt": "it was damaged", "old schema": "it was made by an older version",
            "newer schema": "it was made by a newer version of Reader",
        }.get(state, "it was damaged")
        return _full(record, index, generation, lambda: _rebuild(
            library, index, reason, progress, cancelled))
    from reader.search.index import SearchIndexError

    try:
        if index.doc_count == 0:
            return _full(record, index, generation, lambda: _fill(
                library, index, state, progress, cancelled))
        recorded = _trusted_record(record, index)
        if record is not None and recorded is not None:
            return _catch_up_recorded(library, index, record, *recorded, generation,
                                      progress, cancelled)
        return _full(record, index, generation, lambda: _catch_up(
            library, index, progress, cancelled))
    except SearchIndexError as error:
        if error.code != Code.INDEX_DAMAGED:
            raise
        # Damage that only writing reveals: the index is a cache, so make it anew.
        return _full(record, index, generation, lambda: _rebuild(
            library, index, "it was damaged", progress, cancelled))


# -- the record of changes (issue 17) ----------------------------------------------------------
#
# The index keeps, in its meta, the token of the library's record (RECORD_KEY) it is in step
# with: equal tokens say that the record holds every change since the index's state, so a
# catch-up reads only the articles it names.  Every catch-up ends with a new token on both
# sides (an index or a library restored from a backup then holds an old one, and is
# compared whole).  A catch-up through the record notes in the index which entries it is
# working on (RECORD_PENDING_KEY) before it writes: killed, the next one trusts the record
# only if the library still holds those entries (it does, unless the library was restored).

#: Index meta key: the library record's token the index is in step with.
RECORD_KEY = "library_record"
#: Index meta key: "upto:digest" of the entries a catch-up through the record is writing.
RECORD_PENDING_KEY = "library_record_pending"


def _renew_token(record: IndexRecord, index: SearchIndex, upto: int, expected: str | None,
                 any_token: bool = False) -> bool:
    """The record's entries up to `upto` are caught up with: the library drops them and both
    sides hold a new token (`IndexRecord.settle`); False, and nothing changed, when the
    library's token is no longer `expected`."""
    fresh = uuid.uuid4().hex
    if not record.settle(upto, fresh, expected, any_token):
        return False
    index.set_meta(RECORD_PENDING_KEY, None)
    index.set_meta(RECORD_KEY, fresh)
    return True


def _in_step_with_record(record: IndexRecord, index: SearchIndex) -> bool:
    """Whether an index whose stamp is the library's generation is in step with it.

    The generation alone can mislead: a library restored from a backup counts again from
    the backup's, and may reach the index's stamp with other changes.  Then the tokens
    differ.  When neither side has one (the library was just migrated to 16, and the
    index was made before), the index is trusted as before, and the record, whatever it
    holds (changes made since the migration only), becomes relative to it: the next
    change is caught up without a whole comparison.  Nothing is cleared."""
    token = record.token()
    held = index.meta(RECORD_KEY)
    if token is not None or held is not None:
        return token == held
    _renew_token(record, index, 0, expected=None)
    return True


def _trusted_record(record: IndexRecord | None, index: SearchIndex
                    ) -> tuple[str, RecordedChanges] | None:
    """(token, the changes to look at) when the record covers everything since the index's
    state, else None (then the index is compared whole)."""
    if record is None:
        return None
    token = record.token()
    if token is None or index.meta(RECORD_KEY) != token:
        return None
    pending = index.meta(RECORD_PENDING_KEY)
    if pending:
        upto, _, digest = pending.partition(":")
        if not upto.isdigit() or record.read(int(upto)).digest != digest:
            return None
    return token, record.read()


def _full(record: IndexRecord | None, index: SearchIndex, generation: str,
          run: Callable[[], SyncReport]) -> SyncReport:
    """`run` a whole comparison or rebuild; then the record starts afresh from what it saw.

    The record's last entry is read first: a change made while `run` reads the library
    stays recorded.  The index holds no token meanwhile (it is written outside the record).
    """
    upto = 0
    if record is not None:
        upto = record.last()
        # A damaged index file may refuse even this; a rebuild makes it anew, token-less.
        with contextlib.suppress(sqlite3.DatabaseError):
            index.set_meta(RECORD_KEY, None)
    report = run()
    if report.action == "cancelled":
        return report
    if record is not None:
        _renew_token(record, index, upto, expected=None, any_token=True)
    index.set_stamp(generation)
    return report


def _catch_up_recorded(library: Library, index: SearchIndex, record: IndexRecord, token: str,
                       recorded: RecordedChanges, generation: str,
                       progress: Progress = no_progress,
                       cancelled: Cancelled = never_cancelled) -> SyncReport:
    """Catch up with the articles the record names only, comparing their hashes."""
    from reader.search.index import doc_hash

    ids = recorded.ids
    if ids:
        index.set_meta(RECORD_PENDING_KEY, f"{recorded.upto}:{recorded.digest}")
    have = index.doc_hashes(ids)
    present = record.existing(ids)
    deletes = [doc_id for doc_id in ids if doc_id in have and doc_id not in present]
    wanted = [doc_id for doc_id in ids if doc_id in present]
    changed = (doc for doc in docs_for(library, wanted) if have.get(doc.id) != doc_hash(doc))
    added = index.update(changed, deletes, progress, cancelled, total=len(wanted))
    if cancelled():
        return SyncReport("cancelled", "out of step", added=added)
    if added or deletes:
        index.write_leaders(progress, cancelled)
    # Nothing recorded (a tag, a read mark): nothing to clear, and the token stays.
    if ids and not _renew_token(record, index, recorded.upto, expected=token):
        # Another process caught up meanwhile (or the library was replaced): what it and
        # this one wrote is not known to be in step; the next one compares whole.
        index.set_meta(RECORD_KEY, None)
    index.set_stamp(generation)
    return SyncReport("caught up", "out of step", added=added, removed=len(deletes))


def _rebuild(library: Library, index: SearchIndex, reason: str,
             progress: Progress, cancelled: Cancelled) -> SyncReport:
    total = library.stats()["articles"]
    index.rebuild(library_docs(library), total, progress, cancelled)
    if cancelled():
        # The index was left as it was: it must not claim to be in step.
        return SyncReport("cancelled", reason)
    return SyncReport("rebuilt", reason, added=total)


def _fill(library: Library, index: SearchIndex, state: str,
          progress: Progress, cancelled: Cancelled) -> SyncReport:
    """A new index is filled in committed batches: a fill that is killed or cancelled goes
    on from where it stopped at the next sync (`_catch_up`)."""
    reason = "it was missing" if state == "missing" else "it was empty"
    total = library.stats()["articles"]
    added = index.update(library_docs(library), [], progress, cancelled, total=total)
    if cancelled():
        return SyncReport("cancelled", reason, added=added)
    return SyncReport("rebuilt", reason, added=added)


def _catch_up(library: Library, index: SearchIndex,
              progress: Progress = no_progress,
              cancelled: Cancelled = never_cancelled) -> SyncReport:
    """The whole comparison: every article's hash against the index's."""
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
    return SyncReport("caught up", "out of step", added=added, removed=len(deletes))
