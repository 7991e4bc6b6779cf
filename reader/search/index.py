"""`SearchIndex`: the search cache of the library, in one directory: opening, writing, repair.

Two structures, both rebuildable from the library at any time:

- `words.WordIndex` (Whoosh over jieba tokens) ranks word matches by BM25F, title boosted;
- `substring.SubstringStore` (SQLite: character grams, FTS5) decides what matches, checking
  candidates against the text of a `texts.TextSource` (the library's, in the app).

How a search is answered is `searching.IndexSearch`'s (searching.py); this module serialises
calls, translates SQLite's errors, and tells the search what a write made stale.

Writes go to Whoosh first and SQLite second, and SQLite's `docs` table (ids and content
hashes) records what both hold; so after a crash between the two commits, comparing
`doc_hashes()` with the library and calling `update()` repairs the index.  Every write
clears the stamp first; the app sets it again when the index reflects a library generation.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import shutil
import sqlite3
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from whoosh.index import LockError

from reader.catalogue import Code
from reader.errors import ReaderError, environment_message, sqlite_code
from reader.models import IndexDoc
from reader.progress import Cancelled, Progress, never_cancelled, no_progress
from reader.search.date_ranks import DateRanks
from reader.search.query import Query
from reader.search.results import BuildReport, SearchResult
from reader.search.searching import ANSWERS_KEPT, TITLE_WEIGHT, IndexSearch
from reader.search.segment_merge import merge_group, merge_steps
from reader.search.substring import (
    COMPANION_SUFFIXES,
    FILE_NAME,
    SubstringStore,
    text_grams,
)
from reader.search.texts import TextSource
from reader.search.words import (
    INDEX_NAME,
    WRITER_RECORD,
    WordIndex,
    default_procs,
    document_fields,
)

logger = logging.getLogger(__name__)

__all__ = ["ANSWERS_KEPT", "SCHEMA_VERSION", "STATES", "TITLE_WEIGHT", "SearchIndex",
           "SearchIndexError", "doc_hash"]

#: Bump when the index layout or the analysis changes: old indexes are then rebuilt.
SCHEMA_VERSION = 4
#: What `SearchIndex.open` found: usable, absent, unreadable, or built by another version.
STATES = ("ok", "missing", "corrupt", "old schema", "newer schema")
#: Rebuild progress is reported every this many documents, with this label.
PROGRESS_EVERY = 200
PROGRESS_LABEL = "indexing"
#: A rebuild or batch of fewer documents (or of an unknown number) uses one process.
PARALLEL_MIN_DOCS = 1000
#: A catch-up of at least 1/OPTIMIZE_SHARE of the index optimizes the pairs index whole; a
#: smaller one merges at most MERGE_PAGES of its b-tree pages (FTS5's 'merge').
OPTIMIZE_SHARE = 5
MERGE_PAGES = 2000
#: `update` commits every this many documents (about 25 MB of text): what a killed import
#: loses at most.
BATCH_DOCS = 20_000
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


class SearchIndex:
    """The search index in one directory.  Thread-safe: calls are serialised."""

    def __init__(
        self, folder: Path, words: WordIndex, store: SubstringStore, state: str, problem: str | None
    ) -> None:
        self.folder = folder
        #: Where the text is read (the library in the app); None: the index's own copy.
        self.source: TextSource | None = None if store.holds_text else store.source
        #: One of STATES: what `open` found before any repair.
        self.state = state
        #: Why the index was recreated (for logs), or None.
        self.problem = problem
        self._words = words
        self._store = store
        self._lock = threading.RLock()
        #: How searches are answered, and what they keep between them (searching.py).
        self._searching = IndexSearch(words, store)
        #: Processes Whoosh indexes in during a rebuild of PARALLEL_MIN_DOCS or more.
        self.writer_procs = default_procs()

    # -- opening ---------------------------------------------------------------------------------

    @classmethod
    def open(cls, index_dir: Path, source: TextSource | None = None) -> SearchIndex:
        """Open the index in `index_dir`, creating or recreating it empty if it is unusable.

        `state` tells the caller what was found, so the app can rebuild and say why.
        `source` is where the text of the indexed articles is read (the library, so the
        index holds no copy of it); without one the index keeps its own copy (texts.py).
        """
        folder = Path(index_dir)
        if folder.exists() and not folder.is_dir():
            # Not ours to delete: it may be anything the user put there.
            raise SearchIndexError(Code.INDEX_NOT_FOLDER, path=str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        with warnings.catch_warnings():
            # Whoosh leaves a damaged segment's file open when reading it fails; it is closed
            # by the collection below, which should not warn about it.
            warnings.simplefilter("ignore", ResourceWarning)
            state, problem, words, store = _inspect(folder, source)
            if state != "ok":
                for part in (words, store):
                    if part is not None:
                        # Closing a damaged file may fail too; it is wiped next anyway.
                        with contextlib.suppress(Exception):
                            part.close()
                words = store = None
                gc.collect()
        if words is None or store is None:
            _wipe(folder)
            words = WordIndex.create(folder)
            store = SubstringStore.create(folder / FILE_NAME, SCHEMA_VERSION, source)
        return cls(folder, words, store, state, problem)

    def close(self) -> None:
        with self._lock:
            self._words.close()
            self._store.close()

    # -- bookkeeping -----------------------------------------------------------------------------

    @property
    def stamp(self) -> str | None:
        """The library generation the index reflects (set by the app), or None if unknown."""
        with self._lock:
            return self._store.get_meta("stamp")

    def set_stamp(self, stamp: str | None) -> None:
        with self._lock:
            self._store.set_meta("stamp", stamp)

    def meta(self, key: str) -> str | None:
        """A value the app keeps with the index (e.g. which words it was analysed with)."""
        with self._lock:
            return self._store.get_meta(key)

    def set_meta(self, key: str, value: str | None) -> None:
        with self._lock:
            self._store.set_meta(key, value)

    def ids_containing(self, text: str) -> set[int]:
        """Ids of the indexed articles whose title, body or note contain `text` verbatim."""
        with self._lock:
            return self._store.find(text)

    def doc_hashes(self) -> dict[int, str]:
        """Article id → `doc_hash` of what is indexed, to find what changed in the library."""
        with self._lock:
            return self._store.doc_hashes()

    def ids(self) -> set[int]:
        with self._lock:
            return set(self._searching.ranks().ids)

    @property
    def doc_count(self) -> int:
        with self._lock:
            return self._store.count()

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
                        progress(count, total or 0, PROGRESS_LABEL)
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
        progress(count, total or count, PROGRESS_LABEL)
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

        The documents are read lazily and committed in batches of BATCH_DOCS (a Whoosh
        segment and an SQLite transaction each): a process killed or cancelled between
        batches keeps what it committed, and the next catch-up goes on from there (the
        `docs` table says what is in).  `progress(done, total, "indexing")` follows each
        batch; big batches are indexed in `writer_procs` processes.
        """
        deletes = list(deletes)
        done = 0
        with self._lock:
            batch: list[IndexDoc] = []
            for doc in upserts:
                batch.append(doc)
                if len(batch) >= BATCH_DOCS:
                    done += self._write_batch(batch, deletes, merge=done > 0)
                    batch, deletes = [], []
                    progress(done, total, PROGRESS_LABEL)
                    if cancelled():
                        return done
            if batch or deletes:
                done += self._write_batch(batch, deletes, merge=done > 0)
                if total:
                    progress(done, total, PROGRESS_LABEL)
            if done >= PARALLEL_MIN_DOCS:
                # One FTS5 segment instead of several: a sixth smaller, and a second at 10k.
                # What is committed stays whole if this fails (a full disk): it is only tidier.
                # Into a large index a bounded merge only (issue 17: optimizing rewrites the
                # whole pairs index, 0.7 GB at a million articles, after every import of a
                # thousand articles); FTS5's automerge keeps its levels in hand meanwhile.
                try:
                    if done * OPTIMIZE_SHARE >= self._store.count():
                        self._store.optimize()
                    else:
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
            progress(min(merged, total), max(merged, total), PROGRESS_LABEL)
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
                    lambda done, total: progress(done, total, PROGRESS_LABEL), cancelled)
            except OSError as exc:  # (a full disk): searches read every posting meanwhile
                logger.warning("could not write the words' leaders (%s)", _describe(exc))
                return 0
            if written:
                self._words.forget_searcher()  # its ranker read the segments without them
            return written

    def _write_batch(self, docs: list[IndexDoc], deletes: list[int], merge: bool = False) -> int:
        """One committed batch: Whoosh first, then SQLite (see the module docstring).

        `merge` (a later batch of a catch-up), or a batch written in parallel, asks for the
        word index's segments to be merged once the catch-up ends (MERGE_PENDING).

        Every document is written as a replacement, even one new to the index: after a
        crash between the two commits Whoosh may hold documents the `docs` table does not
        list, and writing them again must not duplicate them.
        """
        self._before_write()
        procs = self.writer_procs if len(docs) >= PARALLEL_MIN_DOCS else 1
        expected = None
        if procs > 1:
            gone = len(self._store.present(deletes))
            new = len(docs) - len(self._store.present([doc.id for doc in docs]))
            expected = self._words.doc_count() - gone + new
        self._store.begin()
        writer, queue = self._storing_writer(procs, self._store.upsert)
        try:
            for doc_id in deletes:
                writer.delete_by_term("id", doc_id)
                self._store.delete(doc_id)
            for doc in docs:
                queue.append((doc, doc_hash(doc)))
                writer.update_document(**document_fields(doc))
            writer.write_pending()
            if merge or procs > 1:
                self._store.set_meta(MERGE_PENDING, "1")
        except sqlite3.DatabaseError as exc:
            _abandon(writer, self._store)
            if environment_message(exc) is not None:
                raise  # a full disk or another writer: no damage, a rebuild would not help
            # Writing reads the full-text index: damage shows here; a rebuild repairs it.
            raise SearchIndexError(Code.INDEX_DAMAGED) from exc
        except BaseException as exc:
            _abandon(writer, self._store)
            self._worker_died(exc)
            raise
        try:
            writer.commit()
        except BaseException as exc:
            _commit_failed(writer, self._store)
            self._worker_died(exc)
            raise
        if expected is not None and self._words.doc_count() != expected:
            # Every document given must be in the index (a guard, see rebuild).  The store
            # does not record the batch, so the next catch-up writes it again.
            self._store.rollback()
            self.writer_procs = 1
            raise SearchIndexError(Code.INDEX_BUILD_FAILED)
        self._store.commit()
        self._words.forget_searcher()
        if self.state == "missing":  # created empty at open, and now written to
            self.state, self.problem = "ok", None
        return len(docs)

    def _worker_died(self, exc: BaseException) -> None:
        """A worker process of the parallel writer died (killed, or out of memory): the
        batch was abandoned; say so, and write in this process from now on."""
        if isinstance(exc, BrokenProcessPool):
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
            self._store = SubstringStore.create(self.folder / FILE_NAME, SCHEMA_VERSION,
                                                self.source)
            self._searching.store = self._store
            self._store.begin()

    def problems(self) -> str | None:
        """What the integrity checks find wrong with the index (for `reader check`), or None."""
        with self._lock:
            return self._store.problems()

    def _before_write(self) -> None:
        self._searching.forget()
        self._store.set_meta("stamp", None)

    def _storing_writer(self, procs: int, store: Callable[[IndexDoc, str, str | None], None]):
        """A Whoosh writer that has each document's grams made with its words (in the
        worker processes, with procs > 1) and `store`s the document once it is written,
        in order: the caller queues (document, hash) before adding each.  `write_pending`
        writes what the workers still hold (so that the store's errors show there)."""
        queue: deque[tuple[IndexDoc, str]] = deque()

        def written(known: object) -> None:
            doc, digest = queue.popleft()
            store(doc, digest, known if isinstance(known, str) else None)

        return self._writer(procs, text_grams, written), queue

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

    # -- searching -------------------------------------------------------------------------------

    def search(
        self, query: Query, allowed: set[int] | None = None, limit: int = 20, offset: int = 0,
        matched: bool = False, page_first: bool = False,
    ) -> SearchResult:
        """One page of the articles matching `query` within `allowed` (searching.py).

        `matched`: `allowed` holds only articles `matching_ids` gave for this query, so the
        query is not evaluated again (at 100k articles that is half a search page's time).
        `page_first`: the page may come before its exact total (`total_exact` False, see
        page_first.py); `matching_ids` then counts it."""
        limit, offset = max(0, limit), max(0, offset)
        with self._lock:
            try:
                return self._searching.search(query, allowed, limit, offset,
                                              matched and allowed is not None, page_first)
            except sqlite3.DatabaseError as exc:
                raise self._read_error(exc) from exc

    def _read_error(self, exc: sqlite3.DatabaseError) -> ReaderError:
        """What a failed read of the index means: busy, the disk, or (only then) damage."""
        code = sqlite_code(exc)
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return SearchIndexError(Code.INDEX_BUSY)
        found = environment_message(exc, self.folder)
        return ReaderError(found) if found is not None else SearchIndexError(Code.INDEX_DAMAGED)

    def matching_ids(self, query: Query, allowed: set[int] | None = None) -> set[int]:
        """Every article `search` would count for `query` within `allowed` (its `total`)."""
        with self._lock:
            try:
                return self._searching.matching_ids(query, allowed)
            except sqlite3.DatabaseError as exc:
                raise SearchIndexError(Code.INDEX_DAMAGED) from exc

    def prepare_search(self) -> None:
        """Read what every search needs before the first is asked (IndexSearch.prepare)."""
        while self.prepare_search_step():
            pass

    def prepare_search_step(self) -> bool:
        """Read a piece of it (IndexSearch.prepare_step); False once all is read."""
        with self._lock:
            try:
                return self._searching.prepare_step()
            except sqlite3.DatabaseError as exc:
                raise self._read_error(exc) from exc

    def forget_answers(self) -> None:
        """Forget what earlier searches found and read (the next search reads afresh, as
        the first after opening does: the benchmarks' cold figures)."""
        with self._lock:
            self._searching.forget_answers()

    def _ranks(self) -> DateRanks:
        """Article id → rank of its date (newest highest, undated 0); its keys are all ids."""
        return self._searching.ranks()


def _abandon(writer, store: SubstringStore) -> None:
    try:
        WordIndex.cancel(writer)
    finally:
        _release_write_lock(writer)
        store.rollback()


def _commit_failed(writer, store: SubstringStore) -> None:
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


def _inspect(
    folder: Path, source: TextSource | None = None,
) -> tuple[str, str | None, WordIndex | None, SubstringStore | None]:
    """What is in `folder`: (state, problem, word index, store), the last two opened if present."""
    store_path = folder / FILE_NAME
    words: WordIndex | None = None
    store: SubstringStore | None = None
    try:
        has_words = WordIndex.exists(folder)
    except Exception as exc:  # Whoosh reads the TOC here; damage raises anything
        return "corrupt", _describe(exc), None, None
    has_store = store_path.exists()
    if not has_words and not has_store:
        return "missing", None, None, None
    if not has_store:
        return "missing", "the substring index was missing", None, None
    if not has_words:
        return "missing", "the word index was missing", None, None
    try:
        store = SubstringStore.open(store_path, SCHEMA_VERSION, source)
        version = store.get_meta("schema_version")
        if version != str(SCHEMA_VERSION):
            problem = f"it has schema version {version}, this Reader uses {SCHEMA_VERSION}"
            newer = version is not None and version.isdigit() and int(version) > SCHEMA_VERSION
            return "newer schema" if newer else "old schema", problem, None, store
        words = WordIndex.open(folder)
        if not words.schema_matches():
            return "old schema", "its word index has other fields", words, store
        words.probe()
    except Exception as exc:  # sqlite3 and Whoosh raise many kinds on damaged files
        return "corrupt", _describe(exc), words, store
    return "ok", None, words, store


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def _wipe(folder: Path) -> None:
    """Remove the index's own files (and only those) from `folder`."""
    ours = {FILE_NAME + suffix for suffix in COMPANION_SUFFIXES} | {WRITER_RECORD}
    for path in folder.iterdir():
        if path.name in ours or path.name.startswith((INDEX_NAME, "_" + INDEX_NAME)):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
