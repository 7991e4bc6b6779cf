"""The test suite's guard: the window must not touch the library or the index on its own thread.

Every read and write of the window runs on its worker (reader/ui/operations.py);
on the GUI thread a library call would freeze the window for as long as the
call waits (on the index lock of a rebuild, say).  The guard makes that a test
failure.  It is precise and cheap:

- every SQLite connection the code opens (the library's, the index's substring
  store) gets a trace callback, run for each statement on the thread that runs it;
- every public method of `SearchIndex` (Whoosh) is wrapped the same way;
- on the main thread (the one that owns the QApplication) the check walks up the
  Python stack: the first frame of a `reader.ui` module makes it a violation; the
  first frame of a test module stops the walk (a test may read the library to check
  what the window did).  Off the main thread the check returns at once.

Violations are recorded with the statement and the `reader.ui` frame that led to it;
`tests/conftest.py` fails the test that caused one.
"""

from __future__ import annotations

import functools
import inspect
import sqlite3
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


def _connect(*args, **kwargs):
    conn = _real_connect(*args, **kwargs)
    conn.set_trace_callback(check)
    return conn


_real_connect = sqlite3.connect


def _guarded(method):
    @functools.wraps(method)
    def guarded(*args, **kwargs):
        check(f"SearchIndex.{method.__name__}")
        return method(*args, **kwargs)

    return guarded


def install() -> None:
    """Guard every connection opened from now on, and the search index's methods."""
    sqlite3.connect = _connect
    from reader.search.index import SearchIndex

    for name, value in list(vars(SearchIndex).items()):
        if inspect.isfunction(value) and not name.startswith("_"):
            setattr(SearchIndex, name, _guarded(value))


def take() -> list[Violation]:
    """The violations recorded so far (and forget them)."""
    found = list(violations)
    violations.clear()
    return found
