"""Importing page files into the library: per-file results, never a half-written file.

Each file is read, hashed, decoded, parsed and stored in one library
transaction.  Big imports parse in worker processes (both cores) while the
main process stores finished pages in order.  A file that cannot be read or decoded is recorded as failed
with its one-sentence reason, and the others are still imported.  The same
bytes again are "already imported" without being parsed; `reparse` forces a
re-parse that updates articles in place.

What the user says of the pages (`given`: paper, date, page number, page name,
from `reader import --paper …` or the window's import options) goes to the
parser, where it wins over the header line, the file name and a `page.json`
beside the file, and to the library, which keeps it through later re-parses.
A page number names one page, so it is refused for more than one file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path

from reader.app.changes import NO_CHANGES, Changes
from reader.catalogue import Code, Message
from reader.errors import IngestError, ReaderError
from reader.ingest import PARSER_VERSION, page_file, parse_page
from reader.ingest.page_file import os_unreadable
from reader.ingest.read import read_page_bytes, shown_path
from reader.library import Library
from reader.models import ImportResult, ImportStatus, PageMeta, ParsedPage, SourceStatus
from reader.processes import die_with_parent
from reader.progress import READING, Cancelled, Progress, never_cancelled, no_progress

#: File name endings imported from a folder (a file named explicitly is always tried).
PAGE_SUFFIXES = (".txt", ".text", ".md")


def expand_paths(paths: Iterable[str | os.PathLike],
                 unlisted: dict[Path, Message] | None = None) -> list[Path]:
    """Files named, and page files inside folders named, in a stable order.

    A folder inside that cannot be listed is in the list too, with its reason in
    `unlisted`: the import reports it rather than skipping its files silently.  Pipes
    and devices with a page file's name are listed, to be refused by name when read.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            files.append(path)
            continue
        found: list[Path] = []

        def cannot_list(error: OSError, found: list[Path] = found, top: Path = path) -> None:
            folder = Path(error.filename) if error.filename else top
            found.append(folder)
            if unlisted is not None:
                unlisted[folder] = os_unreadable(str(folder), error)

        for folder, _folders, names in os.walk(path, onerror=cannot_list):
            found.extend(Path(folder, name) for name in names
                         if Path(name).suffix.lower() in PAGE_SUFFIXES and not name.startswith("."))
        files.extend(sorted(found))
    return files


#: Files read and hashed between reports of that stage (`reader.progress.READING`).
READ_PROGRESS_EVERY = 1000
#: Below this many files to parse, a process pool costs more than it saves.
POOL_THRESHOLD = 16
#: Pages a parse worker is given at a time, and such tasks handed out ahead of the page
#: being stored, at most (`_parsed_in`): some 2,500 articles waiting at most.
PARSE_TASK = 4
PARSE_AHEAD = 64


def import_files(
    library: Library,
    paths: Iterable[str | os.PathLike],
    reparse: bool = False,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
    workers: int | None = None,
    given: PageMeta | None = None,
) -> list[ImportResult]:
    """Import files and folders; one result per file, in order.

    Files are hashed first (`progress(n, files, READING)` every READ_PROGRESS_EVERY);
    those not already imported are decoded and parsed in `workers` processes (default:
    one per core) while this process stores each finished page in its own transaction,
    in order.  Cancelled, it stops between files and returns the results so far.  `given` is
    what the user says of every page (see the module docstring).
    """
    unlisted: dict[Path, Message] = {}
    files = expand_paths(paths, unlisted)
    given = given or None
    if given is not None and given.page_number and len(files) > 1:
        raise ReaderError(Code.PAGE_NUMBER_FOR_BATCH, count=len(files))
    results: dict[int, ImportResult] = {}
    todo: list[tuple[int, Path, str, int]] = []
    for number, path in enumerate(files):
        if number and number % READ_PROGRESS_EVERY == 0:
            # Reading a million articles' files takes half a minute before any is stored.
            progress(number, len(files), READING)
            if cancelled():
                break
        if path in unlisted:
            results[number] = _failed(shown_path(path), unlisted[path])
            continue
        outcome = _check_file(library, path, reparse)
        if isinstance(outcome, ImportResult):
            results[number] = _apply_given(library, outcome, given)
        else:
            todo.append((number, path, *outcome))
    done = len(results)
    progress(done, len(files), "")
    parse_one = partial(decode_and_parse, given=given)
    # Pages stored in shared transactions: a commit per page cost more than storing it.
    with _parser_pool(len(todo), workers, given) as parse_all, \
            library.imports.batch():
        parsed_pages = parse_all([str(p) for _, p, _, _ in todo])
        for number, path, sha256, size in todo:
            if cancelled():
                break
            try:
                parsed = next(parsed_pages)
            except BrokenProcessPool:
                # Workers could not start (an embedding without a main module) or
                # died: parse the rest here rather than fail the import.
                remaining = [str(p) for n, p, _, _ in todo if n > number]
                parsed_pages = map(parse_one, remaining)
                parsed = parse_one(str(path))
            results[number] = _store(library, shown_path(path), sha256, size, parsed, reparse,
                                     given)
            done += 1
            progress(done, len(files), shown_path(path.name))
    return [results[n] for n in sorted(results)]


def _apply_given(library: Library, result: ImportResult, given: PageMeta | None) -> ImportResult:
    """A file imported before, now with the user's fields: keep them (no re-parse needed)."""
    if not given or result.status != ImportStatus.ALREADY_IMPORTED or result.page_id is None:
        return result
    try:
        changed = library.imports.set_page_meta(result.page_id, given)
    except ReaderError as error:
        return dataclasses.replace(_failed(result.path, error.message), issue_id=result.issue_id,
                                   page_id=result.page_id)
    if not changed:
        return result
    page = library.pages.get(result.page_id)  # its issue may have changed with its date
    return ImportResult(result.path, ImportStatus.UPDATED, page.issue_id, page.article_count,
                        page_id=page.id)


def _check_file(library: Library, path: Path, reparse: bool) -> ImportResult | tuple[str, int]:
    """A result when the file needs no parsing (unreadable, already imported), else (sha, size)."""
    shown = shown_path(path)
    try:
        data = read_page_bytes(path)
    except IngestError as error:
        return _failed(shown, error.message)
    # The bytes are read again where they are parsed (a worker process): a
    # second read from the page cache is cheaper than sending them across,
    # and files already imported are never parsed at all.
    sha256 = hashlib.sha256(data).hexdigest()
    known = library.sources.by_sha(sha256)
    if (
        known is not None
        and not reparse
        and known["status"] == SourceStatus.IMPORTED
        and known["parser_version"] == PARSER_VERSION
    ):
        return ImportResult(shown, ImportStatus.ALREADY_IMPORTED, issue_id=known.get("issue_id"),
                            page_id=known.get("page_id"))
    return sha256, len(data)


def decode_and_parse(path: str, given: PageMeta | None = None) -> ParsedPage | Message:
    """`page_file.decode_and_parse` in this process, with the parser this module names."""
    return page_file.decode_and_parse(path, given, parse_page)


def _store(library: Library, shown: str, sha256: str, size: int, parsed: ParsedPage | Message,
           reparse: bool, given: PageMeta | None = None) -> ImportResult:
    if isinstance(parsed, Message):
        result = library.imports.record_failure(shown, sha256, size, str(parsed))
        return dataclasses.replace(result, error=parsed)
    try:
        return library.imports.import_page(shown, sha256, size, parsed, PARSER_VERSION,
                                           reparse=reparse, user=given)
    except ReaderError as error:
        return _failed(shown, error.message)


def _failed(shown: str, message: Message) -> ImportResult:
    return ImportResult(shown, ImportStatus.FAILED, message=str(message), error=message)


@contextmanager
def _parser_pool(count: int, workers: int | None, given: PageMeta | None = None):
    """A function mapping paths to parsed pages (with what the user gave of them): in
    worker processes when it pays.

    In this process pages are parsed by `decode_and_parse` (which tests replace); the
    workers run `page_file.decode_and_parse`: they import the parser and no more (not the
    library, SQLite or the index, which cost each worker's start-up: issue 17).
    """
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if count < POOL_THRESHOLD or workers < 2:
        parse_here = partial(decode_and_parse, given=given)
        yield lambda paths: iter(map(parse_here, paths))
        return
    # spawn, not fork: the window calls this from a process with threads.
    context = multiprocessing.get_context("spawn")
    # Workers die with this process: a killed import leaves none parsing on (and holding
    # the terminal's output open).
    with ProcessPoolExecutor(max_workers=min(workers, 4), mp_context=context,
                             initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        try:
            yield partial(_parsed_in, pool, given=given)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _parsed_in(pool: ProcessPoolExecutor, paths: list[str], given: PageMeta | None = None
               ) -> Iterator[ParsedPage | Message]:
    """The pages parsed in `pool`, in order, at most `PARSE_AHEAD` tasks of `PARSE_TASK`
    pages ahead of the one taken.

    Not `Executor.map`, which hands every page to the workers at once: the pages are
    parsed faster than they are stored (the storing process is the slower at 100k: the
    workers were done at 25 s of its 50), and each one parsed waited in memory until
    stored; at a million articles, some 40 % of the archive at a time."""
    chunks = (paths[start:start + PARSE_TASK] for start in range(0, len(paths), PARSE_TASK))
    tasks = (pool.submit(page_file.decode_and_parse_all, chunk, given) for chunk in chunks)
    pending: deque[Future] = deque(islice(tasks, PARSE_AHEAD))
    while pending:
        parsed = pending.popleft().result()
        pending.extend(islice(tasks, 1))
        yield from parsed


@dataclass(frozen=True)
class ImportOutcome:
    """An import's per-file results and what it changed in the library."""

    results: list[ImportResult]
    changes: Changes

    @classmethod
    def of(cls, results: list[ImportResult]) -> ImportOutcome:
        return cls(results, import_changes(results))


def import_changes(results: Iterable[ImportResult]) -> Changes:
    """New issues change the library's structure; a re-parse may change any of its articles."""
    done = [r for r in results if r.status in (ImportStatus.IMPORTED, ImportStatus.UPDATED)]
    if not done:
        return NO_CHANGES
    updated = any(r.status == ImportStatus.UPDATED for r in done)
    return Changes(all_articles=updated, structure=True, metadata=updated, index=True)
