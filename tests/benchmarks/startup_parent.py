"""A small parent for one start of the window: spawn it, wait, print its peak memory.

Run by test_startup_speed.py as `python startup_parent.py DRIVER ARGS…`.  This
process imports only the standard library (a few MB), so the peak resident
memory `getrusage(RUSAGE_CHILDREN)` reports after the wait is the window
process's own, not a high-water mark inherited from pytest (issue 17: a
benchmark that forked pytest reported 811 MB for a 205 MB window).  It
passes the driver's lines through and adds `peak_rss_mb`.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    env = dict(os.environ, READER_BENCH_T0=repr(time.time()))
    done = subprocess.run([sys.executable, *argv], env=env, check=False)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux
    print(f"peak_rss_mb {peak_kb / 1024:.1f}", flush=True)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
