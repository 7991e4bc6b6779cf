"""Atomic file writes that never overwrite unasked and leave no partial file behind.

A file is written to a hidden temporary file in its own folder (same file
system, so the rename is atomic), flushed and fsync'd, then renamed over the
target with `os.replace`.  Readers of the target see the old file or the new
one, never half of one.  On any OSError the temporary file is removed and a
`ExportWriteError` says in one sentence what went wrong.

Messages are English, like every other error the CLI and library raise.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from reader.catalogue import Code, Message
from reader.errors import ReaderError, cannot_write

#: Prefix of our temporary files and folders, so a crash leaves recognisable litter only.
TEMP_PREFIX = ".reader-export-"


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


def _temp_name(folder: Path) -> Path:
    return folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}.tmp"


def make_temp_folder(parent: Path) -> Path:
    """A new hidden folder in `parent` with the permissions a new folder normally gets."""
    while True:
        path = _temp_name(parent)
        try:
            # Not tempfile.mkdtemp: its 0700 would make the moved-in export private.
            os.mkdir(path, 0o777)
        except FileExistsError:
            continue
        return path


def write_temp(folder: Path, data: bytes) -> Path:
    """`data` in a new fsync'd temporary file in `folder`; removed again if writing fails."""
    while True:
        path = _temp_name(folder)
        try:
            # Not tempfile.mkstemp: its 0600 would survive the rename; 0666 lets umask decide.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o666)
        except FileExistsError:
            continue
        break
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _remove_quietly(path)
        raise
    return path


def write_atomic(path: str | os.PathLike, text: str, overwrite: bool = False) -> Path:
    """Write `text` as UTF-8 to `path` atomically; `TargetExistsError` if it exists unasked."""
    path = Path(path)
    if not overwrite:
        refuse_existing([path])
    if path.is_dir():
        raise ExportWriteError(Code.CANNOT_WRITE, path=str(path), reason=Message.of(Code.WRITE_IS_FOLDER))
    temp: Path | None = None
    try:
        temp = write_temp(path.parent, text.encode("utf-8"))
        os.replace(temp, path)
    except OSError as error:
        if temp is not None:
            _remove_quietly(temp)
        raise ExportWriteError(cannot_write(path, error)) from None
    sync_folder(path.parent)
    return path


def sync_folder(folder: Path) -> None:
    """fsync a folder so a rename in it survives a crash (POSIX only; best effort)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on folders; the data itself is synced
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
