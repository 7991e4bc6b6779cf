"""Hostile surroundings: a lost -wal, read-only places, a full disk, two writers, odd files."""

from __future__ import annotations

import random

import pytest

from tests.fault.environment import SCENARIOS
from tests.fault.known import owned
from tests.fault.profile import LONG

#: Scenarios that take 10-40 s: run with READER_FUZZ=long (and by the campaign).
SLOW = {"missing -wal after a crash", "two writers at once", "/dev/zero as a page",
        "a 100,000-character run"}

#: Where today's code fails, and who fixes it.
OWNERS = {
    "read-only index": owned(7, "robust"),
    "index path is a file": owned(7, "robust"),
    "full disk": owned(7, "robust"),
    "two writers at once": owned(7, "robust", racy=True),
    "a FIFO as a page": owned(6, "robust"),
    "/dev/zero as a page": owned(6, "robust"),
    "a file name not in UTF-8": owned(3, "robust"),
    "a 100,000-character run": owned(9, "robust"),
}


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=[OWNERS[name]] if name in OWNERS else [])
    for name in SCENARIOS if LONG or name not in SLOW
])
def test_environment(name, tmp_path, seeded_template):
    trials = SCENARIOS[name](seeded_template, tmp_path, random.Random(18))
    failed = [t for t in trials if t.failed]
    assert not failed, "\n\n".join(map(str, failed))
