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

#: Where today's code fails, and who fixes it.  (robust fixed the read-only and file index
#: folders, the full disk, FIFOs, /dev/zero, names not in UTF-8 and the long run.)
OWNERS = {
    "two writers at once": owned(7, "robust", racy=True),
    # Whoosh leaves the files of a write that failed for want of space to the garbage
    # collector; a real command's process ends, this test's process notices.
    "full disk": pytest.mark.filterwarnings(
        "ignore::pytest.PytestUnraisableExceptionWarning"),
}


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=[OWNERS[name]] if name in OWNERS else [])
    for name in SCENARIOS if LONG or name not in SLOW
])
def test_environment(name, tmp_path, seeded_template):
    trials = SCENARIOS[name](seeded_template, tmp_path, random.Random(18))
    failed = [t for t in trials if t.failed]
    assert not failed, "\n\n".join(map(str, failed))
