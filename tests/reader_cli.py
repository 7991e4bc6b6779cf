"""Run the `reader` command in this process: `reader.cli.main(argv)` with its output captured.

A fresh Python process per command cost a second or more (imports, jieba's
dictionary) and made the CLI tests the slowest part of the suite.  The few
behaviours only a real process shows (the entry point, a SIGKILL mid-import,
no display) keep their own subprocess tests.
"""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from reader.cli import main


@dataclass(frozen=True)
class Run:
    """What one command did: its exit code and what it printed (like `CompletedProcess`)."""

    returncode: int
    stdout: str
    stderr: str


def run(*argv: str, stdin: str = "") -> Run:
    """`reader ARGV…` with `stdin` as its standard input."""
    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(argv))
            except SystemExit as exit_:  # argparse: --version, --help, bad usage
                code = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
    finally:
        sys.stdin = saved_stdin
    return Run(code, out.getvalue(), err.getvalue())


def reader(library: Path, *args: str, check: bool = False, stdin: str = "") -> Run:
    """`reader --library LIBRARY ARGS…`; with `check`, fail the test unless it exits 0."""
    result = run("--library", str(library), *args, stdin=stdin)
    if check:
        assert result.returncode == 0, result.stderr
    return result
