"""An open library and its search index: what the CLI and the window work on.

`Session.open(paths)` opens (or creates) the library; an empty library is
filled from the bundled seeds, with progress, on first open.  An existing,
healthy, writable library is backed up at most once a day
(`reader.library.backups`).  A library open read-only (damaged, or not
writable) is neither seeded nor backed up; `notices` says what the user
should be told, and its index goes to a scratch folder when the library's
own cannot be written.  The search
index opens lazily: the window can show the tree before jieba and Whoosh
have loaded, and `ensure_index` brings the index in step (rebuilding a
missing, corrupt or outdated one) when search is first needed.  Tagging,
notes and highlights (with their undo `history`) are `session.annotations`
(`annotating.AnnotationServices`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.app.annotating import AnnotationServices
from reader.app.corrections import CorrectionServices
from reader.app.indexing import SyncReport, sync_index
from reader.app.metadata import MetadataServices
from reader.app.saved_searches import SavedSearchServices
from reader.app.searching import SearchOutcome, run_search
from reader.app.tagwords import catch_up_tag_words
from reader.catalogue import Code, Message
from reader.errors import ReaderError, sqlite_code
from reader.library import Library
from reader.library.backups import daily_backup
from reader.library.errors import LibraryError
from reader.models import ImportResult, ImportStatus, PageMeta
from reader.paths import Paths, resource_path, seeds_dir
from reader.progress import Cancelled, Progress, never_cancelled, no_progress

logger = logging.getLogger(__name__)

if TYPE_CHECKING:  # imported when first used: jieba and Whoosh load slowly
    from reader.app.research import ResearchOutcome
    from reader.search import SearchIndex

#: Library meta key set once the first run has imported every seed.
SEEDED_KEY = "seeds_imported"


@dataclass(frozen=True)
class CheckReport:
    """Library and index consistency, as `reader check` prints it."""

    library_ok: bool
    library_message: str
    articles: int
    indexed: int
    missing_from_index: int
    stale_in_index: int
    outdated_in_index: int
    #: What SQLite's and FTS5's integrity checks found wrong with the index, or None.
    index_problem: str | None = None
    #: The index says it reflects the library as it is now.  When it does not (a tag or
    #: a note since the last search), its differences are expected: the next search
    #: catches it up, so they are no fault.
    index_in_step: bool = True
    #: The library file's page size, when smaller than a new library's (made before issue
    #: 17): `reader compact` rewrites it smaller; None when it has a new one's pages.
    old_page_size: int | None = None

    @property
    def index_differs(self) -> bool:
        return bool(self.missing_from_index or self.stale_in_index or self.outdated_in_index)

    @property
    def ok(self) -> bool:
        return self.library_ok and self.index_problem is None and not (
            self.index_in_step and self.index_differs)


@contextmanager
def _index_busy_said() -> Iterator[None]:
    """Another process writing the index (a reindex) past SQLite's wait: say so in a sentence."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if sqlite_code(error) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise ReaderError(Code.INDEX_BUSY) from error
        raise


class Session:
    """One open library with its lazily opened search index."""

    def __init__(self, paths: Paths, library: Library):
        self.paths = paths
        self.library = library
        self._index: SearchIndex | None = None
        #: Tag, note and highlight services with their undo history.
        self.annotations = AnnotationServices(library, self._learn_tag_words)
        #: Paper, date and page edits, on the same undo stack.
        self.metadata = MetadataServices(library, self.annotations.history)
        #: Saved searches (收藏的检索), undone on the annotations' history.
        self.searches = SavedSearchServices(library, self.annotations.history)
        #: Corrections of what the parser got wrong (issue 15), on the same undo stack.
        self.corrections = CorrectionServices(library, self.annotations.history)
        self._tag_words_checked = False
        self.first_run_results: list[ImportResult] = []
        #: What opening found that the user should be told, beyond the library's own.
        self._notices: list[Message] = []
        self._scratch: Path | None = None
        #: The day's backup, when it is made on a thread of its own (`open`).
        self._backup: threading.Thread | None = None

    @classmethod
    def open(
        cls,
        paths: Paths,
        progress: Progress = no_progress,
        cancelled: Cancelled = never_cancelled,
        fill_from_seeds: bool = True,
        backup_in_background: bool = False,
        daily_backup: bool = True,
    ) -> Session:
        """Open the library at `paths` (see the class docstring).

        The day's backup is made here, before the session is used, unless
        `backup_in_background` (the window): then it is made on a thread of its own with
        its own read-only connection, so that at archive scale (a minute or more for a
        million articles) it never delays the first answer; `close` waits for it.
        Without `daily_backup` (a command that only reads) none is made: what the session
        does cannot lose anything a backup would keep, and at a million articles the copy
        costs the first command of a day some 20 s.
        """
        if paths.library_dir.exists() and not paths.library_dir.is_dir():
            raise ReaderError(Code.LIBRARY_DIR_IS_FILE, path=str(paths.library_dir))
        session = cls(paths, Library.open(paths.db_path))
        library = session.library
        if library.read_only is not None:
            return session
        _drop_old_cache(paths)
        if not library.created and daily_backup:
            if backup_in_background:
                session._backup = threading.Thread(
                    target=session._daily_backup, args=(True,), name="daily backup")
                session._backup.start()
            else:
                session._daily_backup(False)
        if fill_from_seeds and library.get_meta(SEEDED_KEY) != "yes":
            session._fill_from_seeds(progress, cancelled)
        return session

    def _daily_backup(self, own_reader: bool) -> None:
        try:
            daily_backup(self.library, self.paths.library_dir, own_reader=own_reader)
        except LibraryError as error:
            self._notices.append(Message.of(Code.DAILY_BACKUP_FAILED, reason=error.message))
            if own_reader:  # found after the window has shown what opening found
                logger.warning("daily backup failed: %s", error.message)

    def wait_for_backup(self) -> None:
        """Return once the day's backup made in the background (if any) is done."""
        if self._backup is not None:
            self._backup.join()
            self._backup = None

    @property
    def read_only(self) -> Message | None:
        """Why the library is open read-only, or None."""
        return self.library.read_only

    @property
    def notices(self) -> list[Message]:
        """What opening found: read-only, damage, a lost write-ahead log, a failed backup."""
        return [*self.library.notices, *self._notices]

    def _fill_from_seeds(self, progress: Progress, cancelled: Cancelled) -> None:
        """First run: import the bundled seeds; a cancelled run resumes on the next open."""
        seeds = seeds_dir()
        if not seeds.is_dir():
            return
        from reader.app.importing import import_files

        self.first_run_results = import_files(
            self.library, [seeds], progress=progress, cancelled=cancelled
        )
        if not cancelled():
            self.library.set_meta(SEEDED_KEY, "yes")

    def close(self) -> None:
        self.wait_for_backup()
        if self._index is not None:
            self._index.close()
            self._index = None
        self.library.close()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- index ------------------------------------------------------------

    @property
    def index(self) -> SearchIndex:
        """The search index, opened (and jieba configured) on first use."""
        if self._index is None:
            from reader.search import SearchIndex, configure_jieba

            index_dir, cache_dir = self.paths.index_dir, self.paths.cache_dir
            if self.read_only is not None and not (_writable(index_dir) and _writable(cache_dir)):
                # A library on a read-only disk is still searched: its index is built
                # in a scratch folder for this session.
                self._scratch = Path(tempfile.mkdtemp(prefix="reader-index-"))
                index_dir, cache_dir = self._scratch / "index", self._scratch / "cache"
            configure_jieba(cache_dir, [resource_path("userdict.txt")],
                            extra_words=[name for name, _ in self.library.tags.counts()])
            from reader.app.index_texts import LibraryTexts

            # The index reads the articles' text from the library: no copy of it (issue 17).
            self._index = SearchIndex.open(index_dir, LibraryTexts(self.library))
        return self._index

    def ensure_index(self, progress: Progress = no_progress,
                     cancelled: Cancelled = never_cancelled) -> SyncReport:
        """Bring the index in step with the library; says what it did."""
        with _index_busy_said():
            report = sync_index(self.library, self.index, progress, cancelled)
        # Every search syncs first: when the index was already in step, no tag can have
        # appeared since the last catch-up of this process (a new tag bumps the
        # generation), so the check runs once per process and after real syncs only.
        if report.action != "none" or not self._tag_words_checked:
            self._catch_up_tag_words(report)
        return report

    def reindex(self, progress: Progress = no_progress,
                cancelled: Cancelled = never_cancelled) -> SyncReport:
        with _index_busy_said():
            report = sync_index(self.library, self.index, progress, cancelled, force=True)
        self._catch_up_tag_words(report)
        return report

    def _learn_tag_words(self) -> None:
        # With the index closed there is nothing to do now: opening it catches up.
        if self._index is not None:
            catch_up_tag_words(self.library, self._index, self.paths.cache_dir)

    def _catch_up_tag_words(self, report: SyncReport) -> None:
        catch_up_tag_words(self.library, self.index, self.paths.cache_dir,
                           rebuilt=report.action == "rebuilt")
        self._tag_words_checked = True

    # -- operations -------------------------------------------------------

    def import_paths(self, paths: Iterable[str | os.PathLike], reparse: bool = False,
                     progress: Progress = no_progress,
                     cancelled: Cancelled = never_cancelled,
                     given: PageMeta | None = None) -> list[ImportResult]:
        """Import files and folders; `given` is what the user says of every page."""
        # The parser and the import's process pool load with the first import, not when the
        # library opens (issue 17: the window's first answer).
        from reader.app.importing import import_files

        results = import_files(self.library, paths, reparse, progress, cancelled, given=given)
        if results:  # 文件 → 最近导入 lists it, with its report (reader/library/import_log.py)
            self.library.import_log.record(results)
        if any(r.status in (ImportStatus.IMPORTED, ImportStatus.UPDATED) for r in results) \
                and self._index is not None:
            # The catch-up is most of a large import's time: it reports and stops as the
            # import does (stopped, the next search goes on with it).
            self.ensure_index(progress, cancelled)
        return results

    def search(self, text: str, limit: int = 20, offset: int = 0) -> SearchOutcome:
        self.ensure_index()
        return run_search(self.library, self.index, text, limit, offset)

    def research(self, text: str, limit: int = 20, offset: int = 0, sort: str = "relevance",
                 with_facets: bool = True, facet_top: int | None = None,
                 facets_when_ready: bool = False, page_first: bool = False) -> ResearchOutcome:
        """A page of results in `sort` order with facets over all matches (app/research.py)."""
        from reader.app.research import research_search

        self.ensure_index()
        return research_search(self.library, self.index, text, limit, offset, sort, with_facets,
                               facet_top, facets_when_ready, page_first)

    def prepare_search(self) -> None:
        """Bring the index in step and read what searches need, before the first is asked
        (issue 17, a first answer at 1M)."""
        self.ensure_index()
        self.index.prepare_search()

    def prepare_search_step(self) -> bool:
        """`prepare_search` a piece at a time (the window, while it waits for a query: each
        piece a query of its worker, so that a search asked meanwhile waits for one piece,
        not for all); False once all is read."""
        self.ensure_index()
        return self.index.prepare_search_step()

    def count_facets(self, found: ResearchOutcome, top: int | None = None) -> ResearchOutcome:
        """`found` with the facets `research(…, facets_when_ready=True)` left pending (and
        the matches and exact total `research(…, page_first=True)` left pending)."""
        from reader.app.research import count_facets

        if found.matches_pending:
            self.ensure_index()
        return count_facets(self.library, found, top, self.index)

    def check(self) -> CheckReport:
        from reader.app.indexing import library_docs
        from reader.search import doc_hash

        # `check` reports; it does not repair (that is `reindex`, or any open).
        library_ok, message = self.library.integrity()
        if not library_ok:
            # Reading every article of a damaged file fails part-way; the library's
            # state is the news.
            return CheckReport(False, message, 0, 0, 0, 0, 0)
        in_step = self.index.stamp == str(self.library.generation())
        have = self.index.doc_hashes()
        missing = outdated = 0
        seen: set[int] = set()
        for doc in library_docs(self.library):
            seen.add(doc.id)
            if doc.id not in have:
                missing += 1
            elif have[doc.id] != doc_hash(doc):
                outdated += 1
        stale = sum(1 for doc_id in have if doc_id not in seen)
        from reader.library.opening import PAGE_SIZE

        page_size = self.library.db.execute("PRAGMA page_size").fetchone()[0]
        return CheckReport(library_ok, message, len(seen), len(have), missing, stale, outdated,
                           index_problem=self.index.problems(), index_in_step=in_step,
                           old_page_size=page_size if page_size < PAGE_SIZE else None)


#: What the library folder's `cache/` held before jieba's caches moved to the user's cache
#: folder (issue 17): 18 MB no longer read by anything.
_OLD_CACHE_FILES = ("jieba.cache", "jieba-words.sqlite3", "jieba-words.sqlite3-wal",
                    "jieba-words.sqlite3-shm", "jieba-words.sqlite3-journal")


def _drop_old_cache(paths: Paths) -> None:
    """Remove the library folder's old `cache/`: only the files Reader put there, and the
    folder once empty (anything else in it is left alone), unless it is where the caches
    are kept now (READER_CACHE may name it)."""
    old = paths.library_dir / "cache"
    if not old.is_dir() or old.resolve() == paths.cache_dir.resolve():
        return
    for name in _OLD_CACHE_FILES:
        with contextlib.suppress(OSError):
            (old / name).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        old.rmdir()  # fails, harmlessly, when something else is in it


def _writable(folder: Path) -> bool:
    """Whether files can be made in `folder` (or in the folder that would hold it)."""
    while not folder.exists():
        if folder.parent == folder:
            return False
        folder = folder.parent
    return os.access(folder, os.W_OK)
