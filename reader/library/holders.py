"""Who has the library open: markers of the processes that opened it, and the window's lock.

Each process that opens the library for writing leaves a marker
`.sessions/<pid>-<start time>-<random>` (holding the time it opened) and removes it
when it closes cleanly, recording then the file's size and modification time in
`.sessions/clean`.  A marker whose process no longer runs (`reader.processes.running`:
by process id *and* start time) is a crash; one whose process runs is a Reader that
has the library open now, which `reader restore` must not pull the file from under.
The window also holds `reader.lock` (a QLockFile: its first line is the process id).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from datetime import datetime
from pathlib import Path

from reader.processes import ProcessStamp, running

#: Folder (beside the library file) of the markers of processes that have it open.
SESSIONS_DIR = ".sessions"
#: The window's lock file (reader/ui/lock.py; QLockFile writes "pid\napp\nhost\n").
WINDOW_LOCK = "reader.lock"


def close_marker(marker: Path | None, path: Path) -> None:
    """Remove this process's marker and record the file as a clean close left it."""
    if marker is None:
        return
    marker.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        (marker.parent / _CLEAN).write_text(_stat_text(path), encoding="utf-8")


#: The record of the file as the last clean close left it.
_CLEAN = "clean"


def _stat_text(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size} {stat.st_mtime_ns}"


def as_left(path: Path) -> bool:
    """Whether the file is exactly as the last clean close left it (and no log is pending)."""
    try:
        recorded = (path.parent / SESSIONS_DIR / _CLEAN).read_text(encoding="utf-8")
        return recorded == _stat_text(path) and not Path(f"{path}-wal").exists()
    except OSError:
        return False


def crashed_sessions(folder: Path) -> list[tuple[Path, str]]:
    """Markers of processes that opened the library and ended without closing it."""
    found = []
    try:
        markers = list((folder / SESSIONS_DIR).iterdir())
    except OSError:
        return []
    for marker in markers:
        pid, started, *_ = [*marker.name.split("-"), ""]
        if not pid.isdigit():
            continue
        if running(ProcessStamp(int(pid), started or None)):
            continue
        try:
            when = marker.read_text(encoding="utf-8").strip()
        except OSError:
            when = ""
        found.append((marker, when or "the last time Reader opened it"))
    return found


def leave_marker(folder: Path) -> Path | None:
    me = ProcessStamp.current()
    sessions = folder / SESSIONS_DIR
    # One process may open the library more than once (the CLI tests do): one marker each.
    marker = sessions / f"{me.pid}-{me.started or ''}-{secrets.token_hex(4)}"
    try:
        sessions.mkdir(mode=0o700, exist_ok=True)
        marker.write_text(datetime.now().isoformat(sep=" ", timespec="seconds"), encoding="utf-8")
    except OSError:
        return None  # the check is a help, not a condition of opening
    return marker


def other_holder(folder: Path) -> int | None:
    """The process id of another running Reader that has the library open, else None."""
    me = os.getpid()
    try:
        markers = list((folder / SESSIONS_DIR).iterdir())
    except OSError:
        markers = []
    for marker in markers:
        number, started, *_ = [*marker.name.split("-"), ""]
        if number.isdigit() and int(number) != me \
                and running(ProcessStamp(int(number), started or None)):
            return int(number)
    try:
        first = (folder / WINDOW_LOCK).read_text(encoding="utf-8").split("\n", 1)[0]
        pid = int(first)
    except (OSError, ValueError):
        return None
    return pid if pid > 0 and pid != me and running(ProcessStamp(pid)) else None
