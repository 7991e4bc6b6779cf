"""Which process owns something, whether it still runs, and children that die with us.

A lock or an open-library marker records its owner as a `ProcessStamp`: the
process id *and* its start time, so that a recycled process id is not taken
for the owner.  `running(stamp)` asks the system whether that very process
still runs: a lock whose owner is gone is stale at once, never after a
timeout (a window may stay open for days; a dead one should not block for
a minute).

`die_with_parent(parent)` is called first thing in a worker process (an
import's parse workers, the search index's writer processes): on Linux the
kernel then kills the worker when the process that started it dies, so a
killed `reader import` or `reader reindex` leaves no worker behind holding
the index's write lock or the terminal's output open.  Where the kernel
offers no such signal, the owner's stamp lets the next Reader find and stop
the leftovers (`stop_leftovers`).

Like atomic and paths this module sits below every layer: standard library only.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass

#: prctl(2) option: the signal this process gets when its parent dies.
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class ProcessStamp:
    """A process: its id and, where the system tells, when it started."""

    pid: int
    started: str | None = None

    @classmethod
    def of(cls, pid: int) -> ProcessStamp:
        return cls(pid, start_time(pid))

    @classmethod
    def current(cls) -> ProcessStamp:
        return cls.of(os.getpid())

    def to_json(self) -> list:
        return [self.pid, self.started]

    @classmethod
    def from_json(cls, value: object) -> ProcessStamp | None:
        """The stamp written by `to_json`, or None for anything else."""
        if (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int)
                and not isinstance(value[0], bool) and value[0] > 0
                and (value[1] is None or isinstance(value[1], str))):
            return cls(value[0], value[1])
        return None


def start_time(pid: int) -> str | None:
    """When process `pid` started, in the kernel's clock ticks since boot (Linux), else None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read().decode("ascii", "replace")
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces: split after it.
    fields = stat[stat.rfind(")") + 2:].split()
    # fields[0] is field 3 (state); field 22 is the start time.
    return fields[19] if len(fields) > 19 else None


def running(stamp: ProcessStamp) -> bool:
    """Whether the process `stamp` names still runs (a zombie or a recycled id does not)."""
    try:
        os.kill(stamp.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, owned by someone else
    except OSError:
        return False
    if _state(stamp.pid) == "Z":
        return False
    if stamp.started is not None:
        now = start_time(stamp.pid)
        if now is not None and now != stamp.started:
            return False
    return True


def _state(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read().decode("ascii", "replace")
    except OSError:
        return None
    rest = stat[stat.rfind(")") + 2:]
    return rest[:1] or None


def die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when `parent` dies (Linux; elsewhere nothing).

    Called in a child right after it starts.  If the parent died before the
    request was made, the signal will never come: exit now instead.
    """
    if not sys.platform.startswith("linux"):
        return
    libc_name = ctypes.util.find_library("c") or "libc.so.6"
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)


def stop_leftovers(stamps: Iterable[ProcessStamp], wait: float = 2.0) -> None:
    """Kill the processes `stamps` names that still run, and wait (briefly) until they are gone.

    Only processes whose start time still matches are signalled, so a
    recycled process id is never hit.
    """
    alive = [s for s in stamps if running(s)]
    for stamp in alive:
        with contextlib.suppress(OSError):
            os.kill(stamp.pid, signal.SIGKILL)
    deadline = time.monotonic() + wait
    while alive and time.monotonic() < deadline:
        # (A zombie counts as gone: `running` says so.)
        alive = [s for s in alive if running(s)]
        if alive:
            time.sleep(0.02)
