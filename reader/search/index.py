"""`SearchIndex`: the search cache of the library, in one directory: opening, searching, repair.

Two structures, both rebuildable from the library at any time:

- `words.WordIndex` (Whoosh over jieba tokens) ranks word matches by BM25F, title boosted;
- `substring.SubstringStore` (SQLite: character grams, FTS5) decides what matches, checking
  candidates against the text of a `texts.TextSource` (the library's, in the app).

How a search is answered is `searching.IndexSearch`'s (searching.py); this module serialises
calls, translates SQLite's errors, and tells the search what a write made stale.

Writing (rebuilds, catch-ups in committed batches, the segment merge) is
`index_writing.IndexWriting`'s, which this class inherits.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import shutil
import sqlite3
import threading
import warnings
from pathlib import Path

from reader.catalogue import Code
from reader.errors import ReaderError, environment_message, sqlite_code
from reader.search.date_ranks import DateRanks
from reader.search.index_writing import IndexWriting, SearchIndexError, _describe, doc_hash
from reader.search.query import Query
from reader.search.results import SearchResult
from reader.search.searching import ANSWERS_KEPT, TITLE_WEIGHT, IndexSearch
from reader.search.substring import COMPANION_SUFFIXES, FILE_NAME, SubstringStore
from reader.search.texts import TextSource
from reader.search.words import INDEX_NAME, WRITER_RECORD, WordIndex, default_procs

logger = logging.getLogger(__name__)

__all__ = ["ANSWERS_KEPT", "SCHEMA_VERSION", "STATES", "TITLE_WEIGHT", "SearchIndex",
           "SearchIndexError", "doc_hash"]

#: Bump when the index layout or the analysis changes: old indexes are then rebuilt.
SCHEMA_VERSION = 4
#: What `SearchIndex.open` found: usable, absent, unreadable, or built by another version.
STATES = ("ok", "missing", "corrupt", "old schema", "newer schema")


class SearchIndex(IndexWriting):
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

    def doc_hashes(self, ids: list[int] | None = None) -> dict[int, str]:
        """Article id → `doc_hash` of what is indexed (of all, or of those of `ids`), to
        find what changed in the library."""
        with self._lock:
            return self._store.doc_hashes(ids)

    def ids(self) -> set[int]:
        with self._lock:
            return set(self._searching.ranks().ids)

    @property
    def doc_count(self) -> int:
        with self._lock:
            return self._store.count()

    def _new_store(self) -> SubstringStore:
        return SubstringStore.create(self.folder / FILE_NAME, SCHEMA_VERSION, self.source)

    def problems(self) -> str | None:
        """What the integrity checks find wrong with the index (for `reader check`), or None."""
        with self._lock:
            return self._store.problems()

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


def _wipe(folder: Path) -> None:
    """Remove the index's own files (and only those) from `folder`."""
    ours = {FILE_NAME + suffix for suffix in COMPANION_SUFFIXES} | {WRITER_RECORD}
    for path in folder.iterdir():
        if path.name in ours or path.name.startswith((INDEX_NAME, "_" + INDEX_NAME)):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
