"""The progress and cancellation callbacks long operations accept.

A `Progress` is called as `progress(done, total, label)`; the CLI draws a
bar, the window a dialog (`reader.ui.progress`).  A `Cancelled` returns True
when the user asked to stop; operations stop between items, leaving the
library consistent.  It sits below every layer (like models and errors) so
that export, app, the CLI and the window share one definition.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

#: Labels that name a stage of an import rather than an item (a file's name): the files
#: being read and hashed before any is stored, and the search index's catch-up after it
#: (counted in articles).  The CLI times each stage's pace apart; the window says them.
READING = "reading"
INDEXING = "indexing"


def no_progress(done: int, total: int, label: str) -> None:
    """A progress callback that reports nothing."""


def never_cancelled() -> bool:
    """A cancellation check for an operation nobody can stop."""
    return False
