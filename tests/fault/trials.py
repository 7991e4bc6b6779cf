"""What one hostile attempt ended as, and the checks every attempt ends with.

A `Trial` is one command (or one kill, or one damaged file) with its `kind`:
"ok" (exit 0), "sentence" (a refusal in one sentence), or a failure —
"traceback", "hang", "crash" (killed by a signal of its own), "inconsistent"
(integrity check or index disagree), "data lost" (a committed annotation is
gone), "leftover process" (a child outlived its parent).  The tests assert
that no trial failed; the campaign counts them.
"""

from __future__ import annotations

import contextlib
import io
import random
import signal
import sqlite3
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.cli import main

#: The kinds that are not failures.
PASSING = ("ok", "sentence")
#: Failure kinds in the order the campaign's table shows them.
FAILURES = ("traceback", "hang", "crash", "inconsistent", "data lost", "leftover process")


@dataclass(frozen=True)
class Trial:
    """One attempt: what was tried, how it ended, and the evidence of a failure."""

    scenario: str
    kind: str
    detail: str = ""

    @property
    def failed(self) -> bool:
        return self.kind not in PASSING

    def __str__(self) -> str:
        return f"{self.scenario}: {self.kind}" + (f"\n{self.detail}" if self.detail else "")


@dataclass
class Tally:
    """Trials counted by scenario family and failure kind (the campaign's table)."""

    trials: Counter = field(default_factory=Counter)
    failures: dict[str, Counter] = field(default_factory=dict)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, family: str, trial: Trial) -> Trial:
        self.trials[family] += 1
        if trial.failed:
            self.failures.setdefault(family, Counter())[trial.kind] += 1
            self.examples.setdefault((family, trial.kind), str(trial)[:600])
        return trial


class _Hang(BaseException):
    """Raised by the alarm: the command ran past its time (BaseException: not swallowed)."""


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise `_Hang` in the main thread after `seconds` (a blocked read is interrupted too)."""

    def ring(_signum, _frame):
        raise _Hang()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_cli(scenario: str, argv: Sequence[str], timeout: float = 20.0) -> Trial:
    """`reader ARGV…` in this process, judged: exit 0, one sentence, or a failure."""
    # Hypothesis seeds `random` the same way for every example; Whoosh names its
    # segments with it, and equal names in one index collide (a test artefact).
    random.seed()
    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO("")
    code: int | None = None
    escaped = ""
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                time_limit(timeout):
            try:
                code = main(list(argv))
            except SystemExit as exit_:  # argparse
                code = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
    except _Hang:
        return Trial(scenario, "hang", f"{_show(argv)} ran for more than {timeout:g} s")
    except BaseException:  # noqa: BLE001 - anything that escapes main is the finding
        escaped = traceback.format_exc(limit=-6)
    finally:
        sys.stdin = saved_stdin
    return judge(scenario, argv, code, out.getvalue(), err.getvalue() + escaped)


def judge(scenario: str, argv: Sequence[str], code: int | None, stdout: str,
          stderr: str) -> Trial:
    """The kind of an ended command from its exit code and what it printed."""
    where = _show(argv)
    if code is None or "Traceback (most recent call last)" in stderr:
        return Trial(scenario, "traceback", f"{where}\n{stderr[-1500:]}")
    if code < 0:  # a subprocess killed by a signal of its own (SIGABRT, SIGSEGV)
        return Trial(scenario, "crash", f"{where} died of signal {-code}\n{stderr[-800:]}")
    if code == 0:
        return Trial(scenario, "ok")
    if not stderr.strip():
        return Trial(scenario, "traceback", f"{where} exited {code} saying nothing")
    return Trial(scenario, "sentence", stderr.strip().splitlines()[-1][:200])


def _show(argv: Sequence[str]) -> str:
    text = " ".join(repr(a) if (" " in a or not a.isprintable()) else a for a in argv)
    return "reader " + (text if len(text) < 300 else text[:300] + "…")


def integrity(db: Path) -> str:
    """SQLite's own verdict on a library file ("ok", or what is wrong), read-only."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as error:
        return f"cannot check: {error}"
    return "; ".join(str(r[0]) for r in rows)[:400]


def consistency(scenario: str, library_dir: Path) -> Trial:
    """The library passes SQLite's integrity check and the index agrees with it."""
    from reader.app import Session
    from reader.paths import resolve_paths

    verdict = integrity(library_dir / "library.sqlite3")
    if verdict != "ok":
        return Trial(scenario, "inconsistent", f"integrity_check: {verdict}")
    try:
        with time_limit(60), Session.open(resolve_paths(library_dir),
                                          fill_from_seeds=False) as session:
            session.ensure_index()
            report = session.check()
    except _Hang:
        return Trial(scenario, "hang", "bringing the index in step took over 60 s")
    except Exception:  # noqa: BLE001
        return Trial(scenario, "traceback", "check: " + traceback.format_exc(limit=-4))
    if not report.ok:
        return Trial(scenario, "inconsistent", f"reader check after a sync: {report}")
    return Trial(scenario, "ok")


def first_failure(trials: Sequence[Trial]) -> Trial | None:
    return next((t for t in trials if t.failed), None)


def all_pass(trials: Sequence[Trial]) -> Callable[[], str]:
    """For assert messages: every failed trial, one after the other."""
    return lambda: "\n\n".join(str(t) for t in trials if t.failed)
