"""How hard the fault suite tries: the fast profile by default, the long one on demand.

`READER_FUZZ=long` selects the long profile (the campaign's `--long` sets it).
Under CI (`CI` set, as `.ci/run` does) the fast profile is derandomized: the gate
that decides whether a change lands draws the same examples every run, and
exploring new ones is the long campaign's and a developer's local runs' job.
Hypothesis' deadline is off: each command has its own time limit
(`trials.time_limit`), which a hang trips and reports as a "hang".
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG = os.environ.get("READER_FUZZ", "").lower() == "long"

DERANDOMIZE = bool(os.environ.get("CI")) and not LONG

_COMMON = dict(deadline=None, database=None, derandomize=DERANDOMIZE,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])


def examples(fast: int, long: int) -> settings:
    """Hypothesis settings for a test: `fast` examples by default, `long` with READER_FUZZ=long."""
    return settings(max_examples=long if LONG else fast, **_COMMON)


def count(fast: int, long: int) -> int:
    """How many repetitions (kills, damaged files) a scenario runs."""
    return long if LONG else fast
