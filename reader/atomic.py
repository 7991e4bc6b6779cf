"""Atomic file writes: a file appears whole or not at all.

Every file Reader writes for the user (an export, an annotations file, a
library backup) goes through here.  The data is written to a hidden temporary
file in the target's own folder (same file system, so the rename is atomic),
flushed and fsync'd, then renamed over the target with `os.replace`, and the
folder is fsync'd so the rename survives a crash.  A `private` file (a library
backup, an export holding the user's notes) is created readable by its owner
only (0600), as a personal notebook should be; other files get what the umask gives.  Readers of the target see
the old file or the new one, never half of one; on any failure the temporary
file is removed and the `OSError` goes on to the caller, which turns it into
its own one-sentence error (`reader.errors.cannot_write`).

Like models, errors and paths this module sits below every layer: no Qt, no
SQLite, only the standard library.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

#: Prefix of our temporary files and folders, so a crash leaves recognisable litter only.
TEMP_PREFIX = ".reader-"


def temp_name(folder: Path) -> Path:
    """A hidden name in `folder` that nothing uses yet (random, so no lock is needed)."""
    return folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}.tmp"


def make_temp_folder(parent: Path) -> Path:
    """A new hidden folder in `parent` with the permissions a new folder normally gets."""
    while True:
        path = temp_name(parent)
        try:
            # Not tempfile.mkdtemp: its 0700 would make the moved-in folder private.
            os.mkdir(path, 0o777)
        except FileExistsError:
            continue
        return path


#: Permissions of a new file: the user's only, or what the umask leaves of 0666.
PRIVATE_MODE, SHARED_MODE = 0o600, 0o666


def write_synced(path: Path, data: bytes, private: bool = False) -> None:
    """Create `path` (it must not exist) holding `data`, fsync'd; removed again on failure."""
    # Not tempfile.mkstemp: its 0600 would survive the rename; 0666 lets umask decide.
    mode = PRIVATE_MODE if private else SHARED_MODE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        remove_quietly(path)
        raise


def write_temp(folder: Path, data: bytes, private: bool = False) -> Path:
    """`data` in a new fsync'd temporary file in `folder`."""
    while True:
        path = temp_name(folder)
        try:
            write_synced(path, data, private)
        except FileExistsError:
            continue
        return path


def write_atomic(path: str | os.PathLike[str], data: bytes | str, private: bool = False) -> Path:
    """Replace `path` with `data` (str is written as UTF-8) in one step; OSError on failure."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    temp = write_temp(path.parent, data, private)
    try:
        os.replace(temp, path)
    except BaseException:
        remove_quietly(temp)
        raise
    sync_folder(path.parent)
    return path


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str], private: bool = False) -> Iterator[Path]:
    """A temporary path next to `path` for a writer that makes its own file (SQLite's backup).

    When the block ends normally the file there replaces `path`; when it raises, the
    temporary file is removed and `path` is left as it was.  With `private` the
    temporary file is made (empty, 0600) before the writer opens it, which keeps
    those permissions (SQLite does).
    """
    path = Path(path)
    temp = write_temp(path.parent, b"", private=True) if private else temp_name(path.parent)
    try:
        yield temp
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        remove_quietly(temp)
        raise
    sync_folder(path.parent)


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


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
