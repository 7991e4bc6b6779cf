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
import errno
import os
import secrets
from pathlib import Path

from reader.errors import ReaderError

#: Prefix of our temporary files and folders, so a crash leaves recognisable litter only.
TEMP_PREFIX = ".reader-export-"


class ExportWriteError(ReaderError):
    """Writing an export failed (disk full, no permission …); nothing partial was left."""


class TargetExistsError(ReaderError):
    """The export would overwrite existing files and overwriting was not allowed."""

    def __init__(self, message: str, paths: list[Path]):
        super().__init__(message)
        self.paths = paths


def describe_os_error(path: Path | str, error: OSError) -> str:
    """One sentence for a failed write of `path`."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the disk is read-only",
        errno.ENOENT: "the folder does not exist",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.EISDIR: "it is a folder",
        errno.ENAMETOOLONG: "the name is too long",
    }
    reason = reasons.get(error.errno) or (error.strerror or str(error)).rstrip(".").lower()
    return f"Cannot write {path}: {reason}."


def refuse_existing(paths: list[Path]) -> None:
    """Raise `TargetExistsError` naming the first of `paths` that exists, if any does."""
    existing = [p for p in paths if p.exists() or p.is_symlink()]
    if not existing:
        return
    if len(existing) == 1:
        message = f"{existing[0]} already exists; not overwriting it."
    else:
        message = f"{existing[0]} and {len(existing) - 1} more files already exist; not overwriting them."
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
        raise ExportWriteError(f"Cannot write {path}: it is a folder.")
    temp: Path | None = None
    try:
        temp = write_temp(path.parent, text.encode("utf-8"))
        os.replace(temp, path)
    except OSError as error:
        if temp is not None:
            _remove_quietly(temp)
        raise ExportWriteError(describe_os_error(path, error)) from None
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
