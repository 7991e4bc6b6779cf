"""A killed `reader reindex` or `reader import` leaves no worker processes behind (issue 18, item 2).

Real processes: `reader` runs in its own process group, is SIGKILLed while its
workers run, and the group must then empty by itself; the library's index must
be usable at once (no "being written by another Reader window").
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.app import Session
from reader.paths import resolve_paths
from tests.benchmarks.generate import generate_pages

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads /proc to find the process group")

#: `reader` with the parallel index writer used for any number of documents (the
#: threshold is there for speed, not correctness), so a small library exercises it.
_PARALLEL_READER = (
    "import sys, reader.search.index_writing as index\n"
    "index.PARALLEL_MIN_DOCS = 1\n"
    "index.PROGRESS_EVERY = 10\n"
    "from reader.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def _group(pgid: int) -> list[int]:
    """Process ids in process group `pgid` that are not zombies."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _start(argv: list[str], code: str | None = None) -> subprocess.Popen:
    env = {**os.environ, "READER_LIBRARY": "", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "reader"]
    return subprocess.Popen(command + argv, cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_when_children_run(process: subprocess.Popen, timeout: float = 120) -> list[int]:
    """SIGKILL `process` as soon as it has started child processes; their ids."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        children = [pid for pid in _group(process.pid) if pid != process.pid]
        if children:
            process.kill()
            process.wait()
            return children
        if process.poll() is not None:
            pytest.fail(f"reader ended before starting workers: {process.stderr.read()!r}")
        time.sleep(0.005)
    process.kill()
    pytest.fail("reader started no workers")


def _wait_empty(pgid: int, seconds: float = 10) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := _group(pgid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def _cleanup(process: subprocess.Popen) -> None:
    for pid in _group(process.pid):
        os.kill(pid, signal.SIGKILL)
    process.stderr.close()


@pytest.fixture
def pages(tmp_path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for number, text in enumerate(generate_pages(40, seed=18, target_bytes=8000)):
        (folder / f"page{number:03}.txt").write_text(text, encoding="utf-8")
    return folder


def test_a_killed_reindex_leaves_no_workers_and_the_index_is_usable_at_once(library_dir, pages):
    with Session.open(resolve_paths(library_dir)) as session:
        session.import_paths([pages])
        articles = session.library.stats()["articles"]
    assert articles > 100  # Whoosh hands documents to its workers 100 at a time

    process = _start(["--library", str(library_dir), "reindex"], _PARALLEL_READER)
    try:
        children = _kill_when_children_run(process)
        assert children
        left = _wait_empty(process.pid)
    finally:
        _cleanup(process)
    assert left == [], "worker processes outlived the killed reindex"

    with Session.open(resolve_paths(library_dir)) as session:
        report = session.reindex()
        assert report.added == articles
        assert session.search("红色物业").total > 0


def test_a_killed_import_leaves_no_parse_workers(library_dir, pages):
    process = _start(["--library", str(library_dir), "import", str(pages)])
    try:
        assert _kill_when_children_run(process)
        left = _wait_empty(process.pid)
    finally:
        _cleanup(process)
    assert left == [], "parse workers outlived the killed import"

    with Session.open(resolve_paths(library_dir)) as session:
        results = session.import_paths([pages])
        assert len(results) == 40
        assert session.search("红色物业").total > 0
