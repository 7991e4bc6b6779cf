"""Keeps Python's `None` from running out of references under PySide6 6.12.0 on Python 3.11.

PySide6 6.12.0 (shiboken6 6.12.0) hands back `None` from every wrapped C++
function that returns nothing without taking a reference to it.  From
Python 3.12 `None` is immortal and nothing happens; on 3.11 every such call
(`setText`, `insertBlock`, `setCurrentIndex` …) lowers `None`'s reference
count by one, and the interpreter aborts with "none_dealloc: deallocating
None" when it reaches zero: about 23,000 calls after start, which the window
spends in a few hundred article views (measured: ~35 a view).  6.11.2 does
not do this.

`top_up()` gives back what those calls took: when the count runs low it
raises it by a batch, in place (the count is the first field of the object in
CPython 3.11's release builds).  Holding references in a list instead would
not do: the list is freed when the interpreter finalizes, its references go
with it, and the process aborts on the way out.  `reader.ui.main.run` calls
it at start and then every second; where None is immortal (3.12+) or the
build is not a plain CPython 3.11 it does nothing.
"""

from __future__ import annotations

import ctypes
import sys

#: Top up when None has fewer references than this; by this many at a time.
LOW = 1_000_000
BATCH = 10_000_000


def applies() -> bool:
    """Whether None's count can run out here (and can be raised in place)."""
    return (sys.implementation.name == "cpython" and sys.version_info < (3, 12)
            and not hasattr(sys, "gettotalrefcount"))  # debug builds lay objects out otherwise


def top_up() -> int:
    """Raise None's reference count by BATCH if it is below LOW; by how much."""
    if not applies() or sys.getrefcount(None) >= LOW:
        return 0
    ctypes.c_ssize_t.from_address(id(None)).value += BATCH
    return BATCH


__all__ = ["BATCH", "LOW", "applies", "top_up"]
