"""Exceptions that carry a code and parameters, put into words where they are shown.

Every error a user can cause (a bad file, an unknown id) is a `ReaderError`
holding a `Message` (a `catalogue.Code` and its parameters).  The CLI prints
`str(error)`, the English sentence from `catalogue.ENGLISH`, and exits 1;
the window shows the same code in its language (`reader/ui/error_text.py`).
Anything else is a bug.

`environment_message` classifies the system's and SQLite's failures (disk
full, read-only, library busy) by their error numbers, never by their text.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from reader.catalogue import Code, Message


class ReaderError(Exception):
    """An error the user can act on; `str(error)` is the English sentence to show."""

    def __init__(self, code: Code | Message, **params: object):
        message = code if isinstance(code, Message) else Message.of(code, **params)
        super().__init__(message)
        self.message = message

    @property
    def code(self) -> Code:
        return self.message.code

    @property
    def params(self) -> dict[str, object]:
        return self.message.params

    def __str__(self) -> str:
        return str(self.message)

    def __reduce__(self):
        # Worker processes send errors back pickled: keep the message whole.
        return (type(self), (self.message,))


class IngestError(ReaderError):
    """A page file that cannot be read or decoded."""


#: SQLite's primary result codes a user can act on.  Extended codes carry the
#: primary one in their low byte (SQLITE_IOERR_WRITE & 0xFF == SQLITE_IOERR).
_SQLITE_CODES = {
    sqlite3.SQLITE_FULL: Code.DISK_FULL,
    sqlite3.SQLITE_READONLY: Code.LIBRARY_READ_ONLY,
    sqlite3.SQLITE_PERM: Code.LIBRARY_READ_ONLY,
    sqlite3.SQLITE_BUSY: Code.LIBRARY_BUSY,
    sqlite3.SQLITE_LOCKED: Code.LIBRARY_BUSY,
    sqlite3.SQLITE_IOERR: Code.DISK_IO,
    sqlite3.SQLITE_CANTOPEN: Code.LIBRARY_CANNOT_OPEN_FILE,
}

#: errno values a user can act on, as the reason inside "Cannot write PATH: …".
WRITE_REASONS = {
    errno.ENOSPC: Code.WRITE_DISK_FULL,
    errno.EDQUOT: Code.WRITE_QUOTA,
    errno.EACCES: Code.WRITE_DENIED,
    errno.EPERM: Code.WRITE_DENIED,
    errno.EROFS: Code.WRITE_READ_ONLY,
    errno.ENOENT: Code.WRITE_NO_FOLDER,
    errno.ENOTDIR: Code.WRITE_NOT_FOLDER,
    errno.EISDIR: Code.WRITE_IS_FOLDER,
    errno.ENAMETOOLONG: Code.WRITE_NAME_TOO_LONG,
}

#: errno values that say something about the environment: (code with a place, without).
_ENVIRONMENT_ERRNOS = {
    errno.ENOSPC: (Code.DISK_FULL, Code.DISK_FULL),
    errno.EDQUOT: (Code.DISK_FULL, Code.DISK_FULL),
    errno.EACCES: (Code.NO_WRITE_PERMISSION, Code.NO_WRITE_PERMISSION_HERE),
    errno.EPERM: (Code.NO_WRITE_PERMISSION, Code.NO_WRITE_PERMISSION_HERE),
    errno.EROFS: (Code.READ_ONLY_DISK, Code.READ_ONLY_DISK_HERE),
}


def sqlite_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code of `error`, or None for an error SQLite did not raise."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def write_reason(error: OSError) -> Message:
    """Why writing failed, as the reason inside `Code.CANNOT_WRITE`."""
    code = WRITE_REASONS.get(error.errno) if error.errno is not None else None
    if code is not None:
        return Message.of(code)
    return Message.of(Code.WRITE_OS, detail=(error.strerror or str(error)).rstrip(".").lower())


#: SQLite's failures, as the reason inside "Cannot open/back up …: <why>.".
_SQLITE_REASONS = {
    sqlite3.SQLITE_FULL: Code.WRITE_DISK_FULL,
    sqlite3.SQLITE_READONLY: Code.WRITE_READ_ONLY,
    sqlite3.SQLITE_PERM: Code.WRITE_DENIED,
    sqlite3.SQLITE_CANTOPEN: Code.WRITE_DENIED,
}


def sqlite_reason(error: sqlite3.Error, where: str | os.PathLike | None = None) -> Message:
    """Why a SQLite operation on a file failed, by SQLite's error code (and, for an I/O
    error, whether the disk at `where` is full)."""
    code = _SQLITE_REASONS.get(sqlite_code(error) or 0)
    if code is None and sqlite_code(error) == sqlite3.SQLITE_IOERR and where is not None \
            and disk_full(where):
        code = Code.WRITE_DISK_FULL
    return Message.of(code) if code else Message.of(Code.WRITE_OS, detail=str(error))


def cannot_write(path: object, error: OSError) -> Message:
    """"Cannot write PATH: <why>." for a failed write."""
    return Message.of(Code.CANNOT_WRITE, path=str(path), reason=write_reason(error))


#: Less free space than this, and a failed write is put down to a full disk.
LOW_SPACE = 256 * 1024


def disk_full(where: str | os.PathLike) -> bool:
    """True if the disk holding `where` (or its nearest existing parent) is (almost) full.

    SQLite reports a full disk while opening (no room for its -shm file) as an I/O
    error; asking the disk tells the two apart.
    """
    place = Path(where)
    while not place.exists() and place != place.parent:
        place = place.parent
    try:
        return shutil.disk_usage(place).free < LOW_SPACE
    except OSError:
        return False


def environment_message(exc: BaseException,
                        where: str | os.PathLike | None = None) -> Message | None:
    """A message for a failure of the environment (disk, permissions, a busy library), or None.

    SQLite failures are classified by SQLite's error code, system failures by
    errno; the text of the exception is never matched.  `where` is the folder the
    failed operation wrote to: an I/O error there on a full disk is a full disk.
    """
    if isinstance(exc, sqlite3.Error):
        code = sqlite_code(exc)
        found = _SQLITE_CODES.get(code) if code is not None else None
        if found in (Code.DISK_IO, Code.LIBRARY_CANNOT_OPEN_FILE) and where is not None \
                and disk_full(where):
            found = Code.DISK_FULL
        return Message.of(found) if found is not None else None
    if isinstance(exc, OSError) and exc.errno in _ENVIRONMENT_ERRNOS:
        placed, unplaced = _ENVIRONMENT_ERRNOS[exc.errno]
        if exc.filename and placed is not unplaced:
            return Message.of(placed, where=str(exc.filename))
        return Message.of(unplaced)
    return None
