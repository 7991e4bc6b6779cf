"""One page file read, decoded and parsed: the work of an import's parse workers.

Apart from `reader.app.importing` so that a worker process imports the parser and no more:
not the library, SQLite or the search index (issue 17: each worker's start-up is CPU the
import pays, twice on two cores).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.catalogue import Code, Message
from reader.errors import IngestError
from reader.ingest.parser import parse_page
from reader.ingest.read import decode_page, read_page_bytes, shown_path, unreadable
from reader.ingest.sidecar import read_sidecar
from reader.models import PageMeta, ParsedPage


def decode_and_parse(path: str, given: PageMeta | None = None,
                     parse: Callable[..., ParsedPage] = parse_page) -> ParsedPage | Message:
    """Read, decode and parse one file (with the `page.json` beside it and what the user
    gave); the error message instead if it cannot be read.

    Runs in worker processes, so it takes and returns only picklable values.  `parse` is
    `parse_page` (another in tests: a parser of a newer version).
    """
    shown = shown_path(path)
    try:
        text = decode_page(read_page_bytes(path), shown)
        sidecar = read_sidecar(path)
    except IngestError as error:
        return error.message
    except OSError as error:
        return os_unreadable(shown, error)
    if not text.strip():
        # Nothing to import: saying "imported" of it would hide a failed extraction.
        return unreadable(shown, Code.READ_EMPTY)
    return parse(text, source=Path(shown).name, user=given, path=shown, sidecar=sidecar)


def decode_and_parse_all(paths: list[str], given: PageMeta | None = None
                         ) -> list[ParsedPage | Message]:
    """`decode_and_parse` of several files (a worker's task: fewer messages than pages)."""
    return [decode_and_parse(path, given) for path in paths]


def os_unreadable(path: str, error: OSError) -> Message:
    """"Cannot read PATH: <why>." for an error of the operating system."""
    if isinstance(error, PermissionError):
        return unreadable(path, Code.READ_DENIED)
    if isinstance(error, FileNotFoundError):
        return unreadable(path, Code.READ_MISSING)
    return unreadable(path, Code.READ_OS, detail=error.strerror or str(error))
