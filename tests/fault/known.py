"""Failures this suite has found whose fix belongs to another branch of issue 18.

A named scenario that hits one is marked `owned(item, branch)`: a strict xfail,
so the default run stays green and turns red (XPASS) when the fix lands, telling
us to remove the mark.  Random trials (hypothesis, the campaign) that end in a
failure carrying one of the `SIGNATURES` are tolerated by the tests and counted by
the campaign as what they are; any other failure fails the test.
"""

from __future__ import annotations

import re

import pytest

from tests.fault.trials import Trial


def owned(item: int | str, branch: str, racy: bool = False) -> pytest.MarkDecorator:
    """A strict xfail for a failure issue 18's item `item` fixes on `branch`.

    `racy`: the failure needs two processes to meet at the wrong moment, which they do
    not every time, so a pass is no news (not strict).
    """
    return pytest.mark.xfail(strict=not racy, reason=f"issue 18 item {item}, branch {branch}")


#: (failure kind or "", pattern in a failed trial's evidence, item, branch).
SIGNATURES: list[tuple[str, str, str, str]] = [
    # a field value that is not an ASCII number (issue:²) or too large for SQLite
    ("traceback", r"ValueError: invalid literal for int\(\)", "7", "robust"),
    ("traceback", r"OverflowError: Python int too large to convert to SQLite INTEGER", "7",
     "robust"),
    # invalid UTF-8 in a command-line argument (surrogate escapes)
    ("traceback", r"UnicodeEncodeError: 'utf-8' codec can't encode .*surrogates not allowed",
     "7", "robust"),
    # a damaged library: check, stats, export and the rest fail with a traceback
    ("traceback", r"DatabaseError: (database disk image is malformed|file is not a database)",
     "7", "robust"),
    # the index folder read-only or a file, --library at a file, a full disk, two writers
    ("traceback", r"^(read-only index|index is a file|--library |full disk|two writers)",
     "7", "robust"),
    ("hang", r"^a FIFO as a page", "6", "robust"),
    ("traceback", r"^/dev/zero as a page", "6", "robust"),
    ("traceback", r"^a file name not in UTF-8", "3", "robust"),
    ("hang", r"^a 100,000-character run", "9", "robust"),
]


def known(trial: Trial) -> str | None:
    """"item N, branch B" if a failed trial is one already owned, else None."""
    if not trial.failed:
        return None
    for kind, pattern, item, branch in SIGNATURES:
        evidence = f"{trial.scenario}\n{trial.detail}"
        if kind in ("", trial.kind) and re.search(pattern, evidence, re.MULTILINE):
            return f"item {item}, branch {branch}"
    return None


def unowned(trials: list[Trial]) -> list[Trial]:
    """The failed trials nobody owns yet: a test fails on these."""
    return [t for t in trials if t.failed and known(t) is None]
