"""A write lock left by a dead Reader's workers is broken by liveness, not by waiting (issue 18).

Whoosh's write lock is an flock, freed when the last process holding it ends.
Workers that outlive their Reader (where no parent-death signal stopped them)
would hold it for ever; the record of the last parallel writer names its owner
and workers with their start times, so the next writer knows at once.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.processes import ProcessStamp, running
from reader.search import SearchIndex, SearchIndexError
from reader.search.words import WRITER_RECORD
from tests.search.conftest import seed_docs

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock")


def _lock_holder(index_dir: Path) -> subprocess.Popen:
    """A process holding the word index's write lock, as a leftover worker would."""
    code = (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(index_dir / 'MAIN_WRITELOCK')!r}, os.O_CREAT | os.O_WRONLY)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
        "print('locked', flush=True)\n"
        "time.sleep(600)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def _dead_process() -> ProcessStamp:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    stamp = ProcessStamp.of(gone.pid)
    gone.wait()
    return stamp


def _write_record(index_dir: Path, owner: ProcessStamp, workers: list[ProcessStamp]) -> None:
    record = {"owner": owner.to_json(), "workers": [w.to_json() for w in workers]}
    (index_dir / WRITER_RECORD).write_text(json.dumps(record), encoding="utf-8")


def _index_is_locked(index_dir: Path) -> bool:
    fd = os.open(index_dir / "MAIN_WRITELOCK", os.O_CREAT | os.O_WRONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_workers_of_a_dead_owner_are_stopped_and_the_write_goes_ahead(tmp_path):
    index_dir = tmp_path / "index"
    index = SearchIndex.open(index_dir)
    holder = _lock_holder(index_dir)
    try:
        _write_record(index_dir, _dead_process(), [ProcessStamp.of(holder.pid)])
        index.rebuild(seed_docs())
        assert holder.wait(timeout=5) == -signal.SIGKILL
        assert index.doc_count == len(seed_docs())
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
        index.close()
    assert not _index_is_locked(index_dir)


def test_a_live_owner_keeps_its_lock(tmp_path):
    index_dir = tmp_path / "index"
    index = SearchIndex.open(index_dir)
    holder = _lock_holder(index_dir)
    try:
        _write_record(index_dir, ProcessStamp.current(), [ProcessStamp.of(holder.pid)])
        with pytest.raises(SearchIndexError, match="being written"):
            index.rebuild(seed_docs())
        assert holder.poll() is None
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
        index.close()


def test_a_recycled_process_id_is_not_the_owner():
    me = ProcessStamp.current()
    assert me.started is not None
    assert running(me)
    assert not running(ProcessStamp(me.pid, str(int(me.started) + 1)))
    assert not running(_dead_process())
