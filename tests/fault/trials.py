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
import re
import signal
import sqlite3
import sys
import traceback
from collections import Counter
from collections.abc import Sequence
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
    """Attempts counted by family, and the attempts that failed by kind (the campaign's table).

    An attempt is one hostile input, one kill, or one damaged library: it fails in a
    kind if any of its trials did.  `owned` counts failures another branch fixes
    (`known.py`); `committed`/`lost` count annotation writes a killed process reported.
    """

    attempts: Counter = field(default_factory=Counter)
    failures: dict[str, Counter] = field(default_factory=dict)
    owned: Counter = field(default_factory=Counter)
    committed: int = 0
    lost: int = 0
    examples: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, family: str, trials: Sequence[Trial]) -> None:
        from tests.fault.known import known

        self.attempts[family] += 1
        kinds: dict[str, bool] = {}
        for trial in trials:
            if done := re.search(r"(\d+) committed", trial.detail):
                self.committed += int(done[1])
            if gone := re.search(r"(\d+) of (\d+) lost", trial.detail):
                self.lost += int(gone[1])
                self.committed += int(gone[2])
            if trial.failed:
                kinds[trial.kind] = kinds.get(trial.kind, True) and known(trial) is not None
                self.examples.setdefault((family, trial.kind), str(trial)[:700])
        for kind, is_owned in kinds.items():
            self.failures.setdefault(family, Counter())[kind] += 1
            self.owned[family] += is_owned

    def table(self) -> str:
        """The figures as a Markdown table: attempts and failed attempts by kind."""
        head = ["", "attempts", *FAILURES, "of which owned"]
        rows = [head, ["---"] * len(head)]
        for family, count in self.attempts.items():
            failed = self.failures.get(family, Counter())
            rows.append([family, str(count), *(str(failed[k]) for k in FAILURES),
                         str(self.owned[family])])
        total = Counter()
        for failed in self.failures.values():
            total.update(failed)
        rows.append(["**total**", str(sum(self.attempts.values())),
                     *(str(total[k]) for k in FAILURES), str(sum(self.owned.values()))])
        return "\n".join("| " + " | ".join(row) + " |" for row in rows)


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
    if code == 0:  # what it said on stderr (a notice) is kept as evidence
        return Trial(scenario, "ok", stderr.strip()[:300])
    if not (stderr.strip() or stdout.strip()):
        return Trial(scenario, "traceback", f"{where} exited {code} saying nothing")
    if not stderr.strip():  # `reader check` prints its findings and exits 1
        return Trial(scenario, "sentence", stdout.strip().splitlines()[-1][:200])
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
    if not rows:
        return "no answer"
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


