"""Importing page files into the library: per-file results, never a half-written file.

Each file is read, hashed, decoded, parsed and stored in one library
transaction.  A file that cannot be read or decoded is recorded as failed
with its one-sentence reason, and the others are still imported.  The same
bytes again are "already imported" without being parsed; `reparse` forces a
re-parse that updates articles in place.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from reader.app.progress import Cancelled, Progress, never_cancelled, no_progress
from reader.errors import IngestError, ReaderError
from reader.ingest import PARSER_VERSION, decode_page, parse_page
from reader.library import Library
from reader.models import ImportResult

#: File name endings imported from a folder (a file named explicitly is always tried).
PAGE_SUFFIXES = (".txt", ".text", ".md")


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named, and page files inside folders named, in a stable order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES and not p.name.startswith(".")
            )
        else:
            files.append(path)
    return files


def import_files(
    library: Library,
    paths: Iterable[str | os.PathLike],
    reparse: bool = False,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> list[ImportResult]:
    """Import files and folders; one result per file, in order."""
    files = expand_paths(paths)
    results: list[ImportResult] = []
    for done, path in enumerate(files):
        if cancelled():
            break
        progress(done, len(files), path.name)
        results.append(import_file(library, path, reparse=reparse))
    progress(len(results), len(files), "")
    return results


def import_file(library: Library, path: Path, reparse: bool = False) -> ImportResult:
    """Import one page file; failures come back as a result, not an exception."""
    shown = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ImportResult(shown, "failed", message=f"Cannot read {shown}: the file does not exist.")
    except IsADirectoryError:
        return ImportResult(shown, "failed", message=f"Cannot read {shown}: it is a folder.")
    except OSError as error:
        return ImportResult(shown, "failed", message=f"Cannot read {shown}: {error.strerror or error}.")
    sha256 = hashlib.sha256(data).hexdigest()
    known = library.source_by_sha(sha256)
    if (
        known is not None
        and not reparse
        and known["status"] == "imported"
        and known["parser_version"] == PARSER_VERSION
    ):
        return ImportResult(shown, "already imported", issue_id=_issue_of(library, known))
    try:
        text = decode_page(data, shown)
    except IngestError as error:
        return library.record_failure(shown, sha256, len(data), str(error))
    page = parse_page(text, source=path.name)
    try:
        return library.import_page(shown, sha256, len(data), page, PARSER_VERSION, reparse=reparse)
    except ReaderError as error:
        return ImportResult(shown, "failed", message=str(error))


def _issue_of(library: Library, source_row) -> int | None:
    try:
        return source_row["issue_id"]
    except (KeyError, IndexError, TypeError):
        return None
