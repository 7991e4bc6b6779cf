"""The CPU of each of the index writer's child processes in an import (issue 17): the word
workers (parallel_writer.ParallelPostingWriter) and the pairs index's store process
(store_process.StoreProcess), read from /proc/<pid>/stat just before each is stopped.
Not a test; run on demand (Linux; `nice -n 5`, `uptime` is printed beside):

    python -m tests.benchmarks.index_children LIB PAGES...

It runs `import_phases` (its lines first), then one line a child and the sums, per MB of
page text.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: (kind, pid) → CPU seconds, as last read.
SEEN: dict[tuple[str, int], float] = {}


def cpu_of(pid: int) -> float | None:
    """User + system CPU seconds of a process (alive, or dead and not yet waited for)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _note(kind: str, pids) -> None:
    for pid in pids:
        if pid and (seconds := cpu_of(pid)) is not None:
            SEEN[kind, pid] = seconds


def main(argv: list[str]) -> int:
    from reader.app.importing import expand_paths
    from reader.search import parallel_writer, store_process
    from tests.benchmarks import import_phases

    stop_workers = parallel_writer.ParallelPostingWriter.stop_workers
    close = store_process.StoreProcess.close

    def stopping_workers(self) -> None:
        _note("word worker", self.worker_pids())
        stop_workers(self)

    def closing(self) -> None:
        _note("store process", [self.pid])  # before close() waits for it (and it is gone)
        close(self)

    parallel_writer.ParallelPostingWriter.stop_workers = stopping_workers  # type: ignore[method-assign]
    store_process.StoreProcess.close = closing  # type: ignore[method-assign]
    result = import_phases.main(argv)
    megabytes = sum(f.stat().st_size for f in expand_paths(argv[1:])) / 1e6
    totals: dict[str, float] = {}
    for (kind, pid), seconds in sorted(SEEN.items()):
        print(f"{kind} {pid}: {seconds:.2f} CPU-s = {seconds / megabytes:.3f} CPU-s a MB")
        totals[kind] = totals.get(kind, 0.0) + seconds
    for kind, seconds in totals.items():
        print(f"all {kind}s: {seconds:.2f} CPU-s = {seconds / megabytes:.3f} CPU-s a MB")
    print(os.popen("uptime").read().strip())
    return result


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
