"""The undo stack of a session's annotation changes (no Qt: the window shows 撤销 + `undo_text`).

Each entry is a description in the user's words ("添加标签 红色物业") and a
function that reverses the change through the library.  Only tag and
highlight changes are recorded: notes are autosaved text, undone in the
editor itself.  There is no redo.  The stack is per session and in memory;
it is bounded so a long session does not keep closures of old changes forever.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from reader.app.changes import NO_CHANGES, Changes

#: Entries kept; older ones are forgotten.
LIMIT = 100


@dataclass(frozen=True)
class _Entry:
    description: str
    undo: Callable[[], object]
    changes: Changes


@dataclass(frozen=True)
class Undone:
    """What `History.undo` reversed: its description and what the reversal changed."""

    description: str
    changes: Changes


class History:
    """A bounded stack of undoable changes.  Thread-safe: the window records from workers."""

    def __init__(self, limit: int = LIMIT) -> None:
        self._entries: list[_Entry] = []
        self._limit = limit
        self._lock = threading.RLock()

    def record(self, description: str, undo_fn: Callable[[], object],
               changes: Changes = NO_CHANGES) -> None:
        """Remember a change, how to reverse it, and what reversing it changes."""
        with self._lock:
            self._entries.append(_Entry(description, undo_fn, changes))
            del self._entries[: -self._limit]

    @property
    def can_undo(self) -> bool:
        with self._lock:
            return bool(self._entries)

    @property
    def undo_text(self) -> str | None:
        """The description of the change `undo` would reverse, or None."""
        with self._lock:
            return self._entries[-1].description if self._entries else None

    def undo(self) -> Undone | None:
        """Reverse the latest change; say what it was (None if there was nothing).

        The entry is taken off the stack before it runs: if reversing fails (the
        article it touched is gone), the error propagates and the entry is dropped
        rather than failing again on every later undo.
        """
        with self._lock:
            if not self._entries:
                return None
            entry = self._entries.pop()
            entry.undo()
            return Undone(entry.description, entry.changes)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
