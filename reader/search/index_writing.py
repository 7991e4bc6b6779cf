"""The writing side of `SearchIndex` (index.py): rebuilds, catch-ups in committed batches,
the word index's segment merge, and the plumbing that keeps the two halves in step.

Writes go to Whoosh first and SQLite second, and SQLite's `docs` table (ids and content
hashes) records what both hold; so after a crash between the two commits, comparing
`doc_hashes()` with the library and calling `update()` repairs the index.  Every write
clears the stamp first; the app sets it again when the index reflects a library generation.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import NoReturn

from whoosh.index import LockError

from reader.catalogue import Code
from reader.errors import ReaderError, environment_message
from reader.models import IndexDoc
from reader.progress import INDEXING, Cancelled, Progress, never_cancelled, no_progress
from reader.search.results import BuildReport
from reader.search.searching import IndexSearch
from reader.search.segment_merge import merge_group, merge_steps
from reader.search.store_process import StoreProcess, StoreProcessError
from reader.search.substring import COMPANION_SUFFIXES, FILE_NAME, SubstringStore
from reader.search.texts import TextSource
from reader.search.words import WordIndex, document_fields

logger = logging.getLogger(__name__)

#: Rebuild progress is reported every this many documents (labelled `reader.progress.INDEXING`).
PROGRESS_EVERY = 200
#: A rebuild or batch of fewer documents (or of an unknown number) uses one process.
PARALLEL_MIN_DOCS = 1000
#: A catch-up of at least 1/OPTIMIZE_SHARE of the index optimizes the pairs index whole; a
#: smaller one merges at most MERGE_PAGES of its b-tree pages (FTS5's 'merge').
OPTIMIZE_SHARE = 5
MERGE_PAGES = 2000
#: `update` commits every this many documents (about 130 MB of text, one segment for a
#: 100k import: no merge of its segments, which cost 45 CPU-s there): what a killed
#: import loses at most.  The documents stream through the writer; what a batch holds in
#: memory is its postings (spilled to sorted runs past word_writer.SPILL_POSTINGS) and
#: the pairs FTS5 has not written out yet (substring.BULK_HASH).
BATCH_DOCS = 100_000
#: Meta key set (in the batch's transaction) when a catch-up has written more than one
#: batch or a parallel one, cleared once the word index's segments are merged: a merge
#: killed or cancelled part-way is finished by the next catch-up.
MERGE_PENDING = "merge_words"


class SearchIndexError(ReaderError):
    """The index cannot be used right now; the message says why and what to do."""


def doc_hash(doc: IndexDoc) -> str:
    """A stable fingerprint of everything the index holds of a document."""
    fields = [doc.id, doc.title, doc.body, doc.note, doc.column, doc.kind, doc.date]
    return hashlib.sha1(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


class _Cancelled(Exception):
    pass


class IndexWriting:
    """What `SearchIndex` writes with; its state is `SearchIndex`'s (index.py)."""

    folder: Path
    source: TextSource | None
    state: str
    problem: str | None
    writer_procs: int
    _words: WordIndex
    _store: SubstringStore
    _lock: threading.RLock
    _searching: IndexSearch

    def _new_store(self) -> SubstringStore:
        """An empty substring store in the index's folder, at the index's schema version."""
        raise NotImplementedError

    # -- writing ---------------------------------------------------------------------------------

    def rebuild(
        self,
        docs: Iterable[IndexDoc],
        total: int | None = None,
        progress: Progress = no_progress,
        cancelled: Cancelled = never_cancelled,
    ) -> BuildReport:
        """Replace the whole index with `docs`.

        `progress(done, total, "indexing")` is called every PROGRESS_EVERY documents and at
        the end (`total` 0 when unknown).  If `cancelled()` turns true, the index is left as
        it was.
        """
        started = time.perf_counter()
        procs = self.writer_procs if total is not None and total >= PARALLEL_MIN_DOCS else 1
        with self._lock:
            self._begin_rebuild()
            self._store.bulk()
            writer, queue = self._storing_writer(procs, self._store.insert)
            count = 0
            seen: set[int] = set()
            try:
                for doc in docs:
                    if cancelled():
                        raise _Cancelled
                    if doc.id in seen:
                        raise ValueError(f"article {doc.id} was given twice to rebuild()")
                    seen.add(doc.id)
                    queue.append((doc, doc_hash(doc)))
                    writer.add_document(**document_fields(doc))
                    count += 1
                    if count % PROGRESS_EVERY == 0:
                        progress(count, total or 0, INDEXING)
                writer.write_pending()
                if cancelled():
                    raise _Cancelled
            except _Cancelled:
                _abandon(writer, self._store)
                return BuildReport(count, True, time.perf_counter() - started)
            except BaseException as exc:
                _abandon(writer, self._store)
                self._worker_died(exc)
                raise
            try:
                WordIndex.commit_replacing(writer)
            except BaseException as exc:
                _commit_failed(writer, self._store)
                self._worker_died(exc)
                raise
            if procs > 1 and self._words.doc_count() != count:
                # Every document given must be in the index (Whoosh's own parallel writer
                # dropped a dead worker's part silently; ours raises, this stays a guard).
                self._store.rollback()
                self.writer_procs = 1
                raise SearchIndexError(Code.INDEX_BUILD_FAILED)
            self._store.optimize()
            self._store.commit()
            self._store.checkpoint()
            # Whatever was wrong when the index was opened, it is whole now.
            self.state, self.problem = "ok", None
        progress(count, total or count, INDEXING)
        return BuildReport(count, False, time.perf_counter() - started)

    def update(
        self,
        upserts: Iterable[IndexDoc],
        deletes: Iterable[int],
        progress: Progress = no_progress,
        cancelled: Cancelled = never_cancelled,
        total: int = 0,
    ) -> int:
        """Add or replace `upserts` and remove `deletes` (ids); return how many were upserted.

        The documents are read lazily, streamed through the writer (never a batch's
        worth held at once), and committed in batches of BATCH_DOCS (a Whoosh segment and
        an SQLite transaction each): a process killed between batches keeps what it
        committed, and the next catch-up goes on from there (the `docs` table says what is
        in); cancelled, the batch being written is cut short and committed.
        `progress(done, total, "indexing")` follows every PROGRESS_EVERY documents within a
        batch and each batch's end; big batches are indexed in `writer_procs` processes.
        """
        deletes = list(deletes)
        done = 0
        # Whether the last batch, or any, had the pairs index optimized before its commit.
        whole = merged = False
        with self._lock:
            docs = iter(upserts)
            while True:
                # Enough documents to decide whether the batch is written in parallel.
                head = list(islice(docs, min(PARALLEL_MIN_DOCS, BATCH_DOCS)))
                if not head and not deletes:
                    break
                stream = chain(head, islice(docs, BATCH_DOCS - len(head)))
                written, whole = self._write_batch(
                    stream, deletes, merge=done > 0, parallel=len(head) >= PARALLEL_MIN_DOCS,
                    written=partial(_advanced, progress, done, total), cancelled=cancelled)
                done += written
                merged |= whole
                deletes = []
                full = written == BATCH_DOCS
                if full or total:
                    progress(done, total, INDEXING)
                if cancelled():
                    return done
                following = next(docs, None)
                if following is None:
                    break
                docs = chain([following], docs)
            if done >= PARALLEL_MIN_DOCS:
                # One FTS5 segment instead of several: a sixth smaller, and a second at 10k.
                # What is committed stays whole if this fails (a full disk): it is only tidier.
                # Into a large index a bounded merge only (issue 17: optimizing rewrites the
                # whole pairs index, 0.7 GB at a million articles, after every import of a
                # thousand articles); FTS5's automerge keeps its levels in hand meanwhile.
                try:
                    if whole:
                        pass  # optimized by the last batch's store process
                    elif not merged and done * OPTIMIZE_SHARE >= self._store.count():
                        self._store.optimize()
                    else:  # into a large index, or what followed an optimized batch
                        self._store.merge_some(MERGE_PAGES)
                    self._store.checkpoint()
                except sqlite3.DatabaseError as exc:
                    logger.warning("could not merge the substring index (%s)", _describe(exc))
            self._merge_words(progress, cancelled)
        return done

    def _merge_words(self, progress: Progress, cancelled: Cancelled) -> None:
        """Merge the word index's segments a large catch-up left (segment_merge.py), a
        committed step at a time, if one asked for it (MERGE_PENDING).

        Each step is a Whoosh commit of a bounded size; cancelled, or killed, the steps
        done stay done and the next catch-up does the rest.  A failure leaves the index
        whole (it is only tidier), and is logged.
        """
        if self._store.get_meta(MERGE_PENDING) is None:
            return
        steps = merge_steps(self._words.segment_sizes())
        total, merged = sum(steps), 0
        while merge_group(self._words.segment_sizes()):
            if cancelled():
                return
            before = self._words.doc_count()
            self._before_write()  # the documents are renumbered: forget what refers to them
            try:
                # One process: encoding the merged terms in the workers took 20 CPU-s
                # there (pickling the postings both ways) to save 7.5 here, at 100k.
                writer = self._writer(1)
            except SearchIndexError as exc:
                if exc.code != Code.INDEX_BUSY:
                    raise
                logger.warning("could not merge the word index: another writer holds it")
                return
            sizes = self._words.segment_sizes()
            try:
                WordIndex.commit_merging(writer)
            except OSError as exc:  # a full or read-only disk: the old segments stay
                _commit_failed(writer, self._store)
                logger.warning("could not merge the word index (%s)", _describe(exc))
                return
            except BaseException:
                _commit_failed(writer, self._store)
                raise
            finally:
                self._words.forget_searcher()
            if self._words.doc_count() != before:  # a merge keeps every live document
                raise SearchIndexError(Code.INDEX_BUILD_FAILED)
            merged += sum(sizes[i] for i in merge_group(sizes))
            progress(min(merged, total), max(merged, total), INDEXING)
        self._store.set_meta(MERGE_PENDING, None)

    def write_leaders(self, progress: Progress = no_progress,
                      cancelled: Cancelled = never_cancelled) -> int:
        """Write the frequent words' leaders of the segments written before they existed
        (leaders.py; until then those are searched by reading every posting): one file a
        segment, whole, so a killed or cancelled run goes on where it stopped.  Returns the
        number of segments done; `progress(done, total, "indexing")` counts documents."""
        from reader.search.leaders import FIELD, write_missing
        from reader.search.ranking import _lengths

        with self._lock:
            reader = self._words.searcher().reader()
            try:
                written = write_missing(
                    self._words.folder, reader, FIELD, lambda leaf: _lengths(leaf, FIELD),
                    lambda done, total: progress(done, total, INDEXING), cancelled)
            except OSError as exc:  # (a full disk): searches read every posting meanwhile
                logger.warning("could not write the words' leaders (%s)", _describe(exc))
                return 0
            if written:
                self._words.forget_searcher()  # its ranker read the segments without them
            return written

    def _write_batch(self, docs: Iterable[IndexDoc], deletes: list[int], merge: bool = False,
                     parallel: bool = False, written: Callable[[int], None] | None = None,
                     cancelled: Cancelled = never_cancelled) -> tuple[int, bool]:
        """One committed batch of `docs` (read as they are written): Whoosh first, then
        SQLite (see the module docstring); returns how many documents it wrote, and whether
        the pairs index was optimized with it (in the store process, before its commit).

        `parallel`: written in `writer_procs` processes.  `merge` (a later batch of a
        catch-up), or a batch written in parallel, asks for the word index's segments to
        be merged once the catch-up ends (MERGE_PENDING).  `written(count)` is told every
        PROGRESS_EVERY documents; `cancelled()`, asked then, cuts the batch short there
        (what was given is committed).

        Every document is written as a replacement, even one new to the index: after a
        crash between the two commits Whoosh may hold documents the `docs` table does not
        list, and writing them again must not duplicate them.
        """
        self._before_write()
        whole = False
        procs = self.writer_procs if parallel else 1
        target: SubstringStore | StoreProcess = self._store
        expected = None
        if procs > 1:
            # Live documents once the batch is in, the new ones counted as they go, by the
            # word index itself: after a crash between the two commits it holds documents
            # the store does not list, and those are replaced, not added.
            live = self._words.docnums()
            expected = self._words.doc_count() - len(live.of(set(deletes)))
            # The pairs go into FTS5 in a process of their own (store_process.py), started
            # before the word index's write lock is taken: a child holds what it inherits.
            target = StoreProcess(self._store)
        target.begin()
        if parallel:
            target.bulk()
        try:
            writer, queue = self._storing_writer(procs, target.upsert)
        except BaseException:
            target.rollback()
            raise
        count = 0
        try:
            for doc_id in deletes:
                writer.delete_by_term("id", doc_id)
                target.delete(doc_id)
            ids: list[int] = []
            for doc in docs:
                queue.append((doc, doc_hash(doc)))
                writer.update_document(**document_fields(doc))
                count += 1
                if expected is not None:
                    ids.append(doc.id)
                    if len(ids) >= PROGRESS_EVERY:
                        expected += len(ids) - len(live.of(ids))
                        ids = []
                if count % PROGRESS_EVERY == 0:
                    if written is not None:
                        written(count)
                    if cancelled():
                        break
            if expected is not None:
                expected += len(ids) - len(live.of(ids))
            writer.write_pending()
            if merge or procs > 1:
                target.set_meta(MERGE_PENDING, "1")
            if isinstance(target, StoreProcess):
                if expected is not None and count * OPTIMIZE_SHARE >= expected:
                    # The pairs merged into one segment in the store's process while this
                    # one writes the word index's segment (issue 17: 4 s alone at 100k
                    # once both had committed); the closing merge of `update` is then small.
                    target.optimize_within()
                    whole = True
                # The store's errors show once the word segment is written, before Whoosh
                # commits: the store catches up meanwhile (it waited alone for 7 s at 100k).
                # (`_storing_writer` is always a MemoryPostingWriter.)
                writer.before_toc = partial(_synced, target)
        except sqlite3.DatabaseError as exc:
            _abandon(writer, target)
            _raise_store_error(exc)
        except BaseException as exc:
            _abandon(writer, target)
            self._worker_died(exc)
            raise
        try:
            writer.commit()
        except BaseException as exc:
            _commit_failed(writer, target)
            self._worker_died(exc)
            raise
        if expected is not None and self._words.doc_count() != expected:
            # Every document given must be in the index (a guard, see rebuild).  The store
            # does not record the batch, so the next catch-up writes it again.
            target.rollback()
            self.writer_procs = 1
            raise SearchIndexError(Code.INDEX_BUILD_FAILED)
        try:
            target.commit()
        except StoreProcessError as exc:
            self._worker_died(exc)
            raise
        self._words.forget_searcher()
        if self.state == "missing":  # created empty at open, and now written to
            self.state, self.problem = "ok", None
        return count, whole

    def _worker_died(self, exc: BaseException) -> None:
        """A worker process of the parallel writer, or its store process, died (killed, or
        out of memory): the batch was abandoned; say so, and write in this process from now on."""
        if isinstance(exc, (BrokenProcessPool, StoreProcessError)):
            self.writer_procs = 1
            raise SearchIndexError(Code.INDEX_BUILD_FAILED) from exc

    def _begin_rebuild(self) -> None:
        """Open the rebuild's transaction on an empty store, making the file anew if damaged.

        Emptying a damaged file can fail (SQLite finds a malformed page); it is a
        cache, so it is replaced by a new, empty one, and the rebuild goes on.
        """
        try:
            self._before_write()
            self._store.begin()
            self._store.clear()
        except sqlite3.DatabaseError as exc:
            logger.warning("search index file damaged (%s); making it anew", _describe(exc))
            with contextlib.suppress(sqlite3.Error):
                self._store.rollback()
            with contextlib.suppress(sqlite3.Error):
                self._store.close()
            for suffix in COMPANION_SUFFIXES:
                (self.folder / (FILE_NAME + suffix)).unlink(missing_ok=True)
            self._store = self._new_store()
            self._searching.store = self._store
            self._store.begin()

    def _before_write(self) -> None:
        self._searching.forget()
        self._store.set_meta("stamp", None)

    def _storing_writer(self, procs: int, store: Callable[[IndexDoc, str], None]):
        """A Whoosh writer that `store`s each document once it is written, in order: the
        caller queues (document, hash) before adding each.  `write_pending` writes what
        the workers still hold (so that the store's errors show there).

        The store makes a document's grams itself (in its own process, in parallel): made
        in the word workers, they went through two pipes, five times the text's size
        (issue 17: 7 % of a 100k import's time)."""
        queue: deque[tuple[IndexDoc, str]] = deque()

        def written(_result: object) -> None:
            store(*queue.popleft())

        return self._writer(procs, None, written), queue

    def _writer(self, procs: int = 1, side=None, on_written=None):
        """A Whoosh writer, called inside the store's transaction (rolled back if this fails)."""
        try:
            try:
                return self._words.writer(procs, side, on_written)
            except LockError:
                # Held by the workers of a Reader that died?  Then they are stopped and
                # the lock is free: decided by whether the owner runs, not by waiting.
                if not self._words.stop_stale_writer():
                    raise
                return self._words.writer(procs, side, on_written)
        except BaseException as exc:
            self._store.rollback()
            if not isinstance(exc, LockError):
                raise
            raise SearchIndexError(Code.INDEX_BUSY) from exc


def _synced(store: StoreProcess) -> None:
    """Wait for the store process to have written everything; its errors as `update`
    raises them (`_raise_store_error`)."""
    try:
        store.sync()
    except sqlite3.DatabaseError as exc:
        _raise_store_error(exc)


def _raise_store_error(exc: sqlite3.DatabaseError) -> NoReturn:
    """A write's SQLite error as `update` raises it: a full disk or another writer as
    itself (no damage, a rebuild would not help), anything else as damage (writing reads
    the full-text index: damage shows there; a rebuild repairs it)."""
    if environment_message(exc) is not None:
        raise exc
    raise SearchIndexError(Code.INDEX_DAMAGED) from exc


def _abandon(writer, store: SubstringStore | StoreProcess) -> None:
    try:
        WordIndex.cancel(writer)
    finally:
        _release_write_lock(writer)
        store.rollback()


def _commit_failed(writer, store: SubstringStore | StoreProcess) -> None:
    """A Whoosh commit failed part-way (a full or read-only disk): close what it left open."""
    for part in ("perdocwriter", "fieldwriter", "termswriter"):
        with contextlib.suppress(Exception):
            getattr(writer, part).close()
    with contextlib.suppress(Exception):
        writer.cancel()
    _release_write_lock(writer)
    store.rollback()


def _release_write_lock(writer) -> None:
    """Let go of Whoosh's write lock even when cancelling failed half-way (closing files on a
    full disk fails too): a lock kept would refuse every later write of this process as
    "being written by another Reader window"."""
    lock = getattr(writer, "writelock", None)
    if lock is not None and getattr(lock, "fd", None) is not None:  # still held
        with contextlib.suppress(Exception):
            lock.release()


def _advanced(progress: Progress, before: int, total: int, count: int) -> None:
    """Progress within a batch: `count` documents written after `before`."""
    progress(before + count, total, INDEXING)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]
