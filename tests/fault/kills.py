"""SIGKILL at a random moment: real `python -m reader` processes, then the checks.

`kill_trials` starts one command in a session of its own (its children share its
process group), kills the command's own process with SIGKILL after a random delay
(no chance to clean up, as when the machine loses power or the OOM killer strikes),
and then asks:

1. leftover processes: is anything still alive in its process group after a short
   grace (children must die with their parent, issue 18 item 2)?  Found ones are
   killed so that the run goes on, and reported.
2. the library: PRAGMA integrity_check, and the annotations the process said were
   committed (its stdout lines "committed …", written after the call returned) all
   present (`writer.py` and `window_driver.py` print them);
3. search still works (exit 0: no stale lock) and the index agrees after a sync.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tests.fault.trials import Trial, consistency, run_cli

ROOT = Path(__file__).resolve().parents[2]

#: How long children may take to notice their parent died.
GRACE = 3.0


def environment(**extra: str) -> dict[str, str]:
    return {**os.environ, "READER_LIBRARY": "", "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen", **extra}


def start(argv: Sequence[str], out: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """A process in its own session (pgid == pid), stdout to `out`."""
    with open(out, "wb") as stdout:
        return subprocess.Popen(list(argv), stdout=stdout, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, cwd=ROOT, env=env or environment(),
                                start_new_session=True)


def reader_argv(library: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "reader", "--library", str(library), *args]


def group_members(pgid: int) -> list[str]:
    """Live processes of a process group: "pid command" each (zombies left out)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            command = cmdline.replace(b"\0", b" ").decode(errors="replace")
            found.append(f"{entry} {command[:120]}")
    return found


def kill_after(process: subprocess.Popen, delay: float,
               ready: Callable[[], bool] | None = None, limit: float = 60.0) -> bool:
    """SIGKILL `process` `delay` s after `ready()` (or its start); False if it ended first."""
    deadline = time.monotonic() + limit
    while ready is not None and not ready():
        if process.poll() is not None or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    end = time.monotonic() + delay
    while time.monotonic() < end and process.poll() is None:
        time.sleep(0.01)
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGKILL)
    process.wait()
    return True


def leftovers(scenario: str, pgid: int) -> Trial:
    """Nothing of the killed process' group is alive after GRACE seconds (else reap it)."""
    end = time.monotonic() + GRACE
    while (members := group_members(pgid)) and time.monotonic() < end:
        time.sleep(0.1)
    if not members:
        return Trial(scenario, "ok")
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)  # our own children: reap them so the run goes on
    time.sleep(0.2)
    return Trial(scenario, "leftover process", "\n".join(members))


def after_kill(scenario: str, library: Path) -> list[Trial]:
    """Search works and the library is consistent after a kill."""
    searched = run_cli(f"{scenario}: search after", ["--library", str(library), "search",
                                                     "红色物业"], timeout=60)
    if searched.kind == "sentence":  # a refusal is not working search
        searched = Trial(searched.scenario, "inconsistent", "search refused: " + searched.detail)
    return [searched, consistency(f"{scenario}: library after", library)]


def kill_trials(scenario: str, library: Path, argv: Sequence[str], delay: float, work: Path,
                ready: Callable[[subprocess.Popen, str], bool] | None = None,
                env: dict[str, str] | None = None,
                committed: Callable[[Path, str], Trial] | None = None) -> list[Trial]:
    """Start `argv`, kill it after `delay` s (once `ready()`), check everything after."""
    out = work / f"{scenario.replace(' ', '_')}-{time.monotonic_ns()}.out"
    process = start(argv, out, env)
    started = time.monotonic()
    killed = kill_after(process, delay, None if ready is None else
                        lambda: ready(process, out.read_text(errors="replace")))
    took = time.monotonic() - started
    trials = [leftovers(scenario, process.pid)]
    if killed:
        trials.append(Trial(scenario, "ok", f"killed after {took:.1f} s"))
    text = out.read_text(errors="replace")
    if not killed and process.returncode:
        # It ended by itself before the kill: judge it like any command.
        crash = process.returncode < 0 or "Traceback" in text
        trials.append(Trial(scenario, "crash" if process.returncode < 0 else
                            "traceback" if crash else "sentence", text[-1500:]))
    if committed is not None:
        trials.append(committed(library, text))
    return trials + after_kill(scenario, library)


def said_ready(_process: subprocess.Popen, output: str) -> bool:
    """The driver printed "ready": it is about to write."""
    return "ready" in output


def has_children(process: subprocess.Popen, _output: str) -> bool:
    """The command has started child processes (parse workers, Whoosh writers)."""
    return len(group_members(process.pid)) >= 2
