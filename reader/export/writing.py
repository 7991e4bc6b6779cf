"""Writing an export's files: never over an existing file unasked, one-sentence errors.

The writes themselves are `reader.atomic`'s (a file appears whole or not at
all); this module adds what an export promises on top: an existing target is
refused unless overwriting was asked (`TargetExistsError`, naming the files),
and a failed write becomes an `ExportWriteError` saying in one sentence what
went wrong.  Messages are English, like every other error the CLI and library
raise.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.atomic import write_atomic
from reader.catalogue import Code, Message
from reader.errors import ReaderError, cannot_write


class ExportWriteError(ReaderError):
    """Writing an export failed (disk full, no permission …); nothing partial was left."""


class TargetExistsError(ReaderError):
    """The export would overwrite existing files and overwriting was not allowed."""

    def __init__(self, message: Message, paths: list[Path]):
        super().__init__(message)
        self.paths = paths


def refuse_existing(paths: list[Path]) -> None:
    """Raise `TargetExistsError` naming the first of `paths` that exists, if any does."""
    existing = [p for p in paths if p.exists() or p.is_symlink()]
    if not existing:
        return
    if len(existing) == 1:
        message = Message.of(Code.EXISTS, path=str(existing[0]))
    else:
        message = Message.of(Code.EXISTS_MANY, path=str(existing[0]), more=len(existing) - 1)
    raise TargetExistsError(message, existing)


def write_export_file(path: str | os.PathLike[str], text: str, overwrite: bool = False,
                      private: bool = False) -> Path:
    """Write `text` as UTF-8 to `path` atomically; `TargetExistsError` if it exists unasked.

    A `private` file (one holding the user's notes) is readable by the user only.
    """
    path = Path(path)
    if not overwrite:
        refuse_existing([path])
    if path.is_dir():
        raise ExportWriteError(Code.CANNOT_WRITE, path=str(path), reason=Message.of(Code.WRITE_IS_FOLDER))
    try:
        return write_atomic(path, text, private=private)
    except OSError as error:
        raise ExportWriteError(cannot_write(path, error)) from None
