"""One Reader window per library: an exclusive `reader.lock` in the library folder.

A QLockFile records the holder's process id and host; a lock left behind by
a process that no longer runs is stale and is taken over.  Age alone never
makes a lock stale (a window may stay open for days), so the stale-lock
time is switched off.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "reader.lock"


class LibraryLock:
    """`acquire()` takes the library's lock without waiting; `release()` lets it go."""

    def __init__(self, library_dir: Path):
        self.path = Path(library_dir) / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        """True if this window now holds the lock; False if another Reader does."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True  # opening the library will say what is wrong with the folder
        if self._lock.tryLock(0):
            return True
        # Permission or other errors: the folder cannot hold a lock; do not stop the user.
        return self._lock.error() != QLockFile.LockError.LockFailedError

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


__all__ = ["LOCK_NAME", "LibraryLock"]
