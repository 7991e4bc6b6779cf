"""Topping up None's references keeps a long session alive under PySide6 6.12.0 / Python 3.11."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QObject

from reader.ui import none_refs

#: More calls that return nothing than None has references in a fresh process (~20,000).
CALLS = 60_000

SCRIPT = """
import sys
from PySide6.QtCore import QObject
from reader.ui import none_refs
thing = QObject()
for n in range({calls}):
    if sys.argv[1] == "guarded" and n % 1000 == 0:
        none_refs.top_up()  # as the window's timer does
    thing.setObjectName("x")  # returns nothing
print("survived")
"""


def _this_pyside_drops_none() -> bool:
    thing = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        thing.setObjectName("x")
    return before - sys.getrefcount(None) >= 50


def _run(mode: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT.format(calls=CALLS), mode],
                          capture_output=True, text=True, timeout=120)


def test_a_session_of_many_qt_calls_survives_when_topped_up():
    guarded = _run("guarded")
    assert guarded.returncode == 0 and "survived" in guarded.stdout, guarded.stderr
    bare = _run("bare")
    # Where PySide drops None (6.12.0 on 3.11) the same calls without it abort the process.
    assert (bare.returncode != 0) == _this_pyside_drops_none(), bare.stderr
    if bare.returncode:
        assert "deallocating None" in bare.stderr


def test_top_up_raises_the_count_only_when_it_runs_low():
    if not none_refs.applies():
        assert none_refs.top_up() == 0
        return
    none_refs.top_up()
    count = sys.getrefcount(None)
    assert count >= none_refs.LOW
    assert none_refs.top_up() == 0  # enough already: nothing is added
    assert sys.getrefcount(None) < count + none_refs.BATCH
