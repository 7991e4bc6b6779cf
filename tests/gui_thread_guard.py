"""The test suite's guard: the window must not touch the library or the index on its own thread.

Every read and write of the window runs on its worker (reader/ui/operations.py);
on the GUI thread a library call would freeze the window for as long as the
call waits (on the index lock of a rebuild, say).  The guard makes that a test
failure.  It is precise and cheap:

- every statement of the library goes through `LibraryConnection.execute` /
  `executemany` (the managers') or a public method of `Library` (meta, stats,
  integrity): those are wrapped with the check, as is every public method of
  `SearchIndex` (Whoosh and its substring store);
- on the main thread (the one that owns the QApplication) the check walks up the
  Python stack: the first frame of a `reader.ui` module makes it a violation; the
  first frame of a test module stops the walk (a test may read the library to check
  what the window did).  Off the main thread the check returns at once.

Violations are recorded with the statement and the `reader.ui` frame that led to it;
`tests/conftest.py` fails the test that caused one.

The check runs in Python before SQLite is entered, never as an SQLite callback: a
callback needs the GIL while SQLite holds the connection's mutex, and a test thread
reading the same connection meanwhile would deadlock with it.
"""

from __future__ import annotations

import functools
import inspect
import sys
import threading
from dataclasses import dataclass

_MAIN = threading.main_thread().ident


@dataclass(frozen=True)
class Violation:
    what: str  # the SQL statement or the index method
    where: str  # file:line in reader/ui
    function: str

    def __str__(self) -> str:
        return f"{self.where} ({self.function}) on the GUI thread: {self.what[:120]}"


violations: list[Violation] = []


def check(what: str) -> None:
    """Record a violation if the GUI thread reached here from `reader.ui` code."""
    if threading.get_ident() != _MAIN:
        return
    frame = sys._getframe(1)
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if name.startswith("reader.ui"):
            code = frame.f_code
            violations.append(Violation(what, f"{code.co_filename}:{frame.f_lineno}",
                                        code.co_name))
            return
        if name.startswith("tests") and name != __name__:  # the guard's own frames go on
            return
        frame = frame.f_back


def _guarded(owner: str, method, describe=None):
    @functools.wraps(method)
    def guarded(*args, **kwargs):
        check(describe(args) if describe else f"{owner}.{method.__name__}")
        return method(*args, **kwargs)

    return guarded


def _guard_class(cls, names=None, describe=None) -> None:
    for name, value in list(vars(cls).items()):
        if inspect.isfunction(value) and not name.startswith("_") \
                and (names is None or name in names):
            setattr(cls, name, _guarded(cls.__name__, value, describe))


def install() -> None:
    """Guard the library's statements and the search index's methods (see the docstring)."""
    from reader.library.connection import LibraryConnection
    from reader.library.store import Library
    from reader.search.index import SearchIndex
    from reader.search.index_writing import IndexWriting

    _guard_class(LibraryConnection, {"execute", "executemany"},
                 describe=lambda args: str(args[1]) if len(args) > 1 else "execute")
    _guard_class(Library, set(vars(Library)) - {"open", "close", "transaction"})
    _guard_class(SearchIndex, set(vars(SearchIndex)) - {"open", "close"})
    _guard_class(IndexWriting)  # its writes: rebuild, update, write_leaders


def take() -> list[Violation]:
    """The violations recorded so far (and forget them)."""
    found = list(violations)
    violations.clear()
    return found
