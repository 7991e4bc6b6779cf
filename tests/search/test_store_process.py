"""A parallel batch writes the substring store in a process of its own (store_process.py):
the same index as one process writes, its errors raised here as SQLite's, and a dead
store process failing the batch cleanly."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3

import pytest

from reader.catalogue import Code
from reader.models import IndexDoc
from reader.search import SearchIndex, SearchIndexError, parse_query
from reader.search import index_writing as index_module
from reader.search.store_process import StoreProcess, StoreProcessError
from reader.search.substring import SubstringStore

pytestmark = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                                reason="the parallel writer needs fork")


def _docs(count: int = 60, start: int = 1) -> list[IndexDoc]:
    return [IndexDoc(id=n, title=f"第{n}篇 嘎查", body=f"网格员第{n}次走访，记录编号{n}。",
                     note="值得学习" if n % 7 == 0 else "", date="2024-01")
            for n in range(start, start + count)]


def _answers(index: SearchIndex) -> dict[str, list[int]]:
    return {text: sorted(h.id for h in index.search(parse_query(text), limit=1000).hits)
            for text in ("网格员", "编号17", "学习", "嘎查 -第3篇", "第5")}


@pytest.fixture
def parallel(monkeypatch):
    monkeypatch.setattr(index_module, "PARALLEL_MIN_DOCS", 10)


def _open(path, procs: int) -> SearchIndex:
    index = SearchIndex.open(path)
    index.writer_procs = procs
    return index


def test_the_store_is_written_in_another_process_with_the_same_result(
        tmp_path, monkeypatch, parallel):
    pids = tmp_path / "pids"
    upsert = SubstringStore.upsert

    def recording(self, doc, digest):
        with open(pids, "a") as f:
            f.write(f"{os.getpid()}\n")
        upsert(self, doc, digest)

    monkeypatch.setattr(SubstringStore, "upsert", recording)
    index = _open(tmp_path / "two", 2)
    index.update(_docs(), [])
    index.update(_docs(30, start=41), [5, 6])  # replaced and deleted articles
    writers = set(pids.read_text().split())
    assert writers and str(os.getpid()) not in writers
    assert multiprocessing.active_children() == []

    one = _open(tmp_path / "one", 1)
    one.update(_docs(), [])
    one.update(_docs(30, start=41), [5, 6])
    assert _answers(index) == _answers(one)
    assert index.doc_hashes() == one.doc_hashes()
    assert index.problems() is None
    index.close()
    one.close()


def _full(self, doc, digest):
    if doc.id == 20:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise error
    return SubstringStore.insert(self, doc, digest)


def _a_batch_failing(tmp_path, monkeypatch, insert, raised):
    """A batch of 60 written over 20 with the store process's inserts done by `insert`:
    the answers and hashes before it, and what it raised (of type `raised`)."""
    index = _open(tmp_path, 2)
    index.update(_docs(20, start=100), [])
    before = _answers(index), index.doc_hashes()
    with monkeypatch.context() as patched:
        patched.setattr(SubstringStore, "upsert",
                        lambda self, doc, digest: (self.delete(doc.id), insert(self, doc, digest)))
        with pytest.raises(raised) as failed:
            index.update(_docs(), [])
    index.close()
    return before, failed.value


def test_an_error_of_the_store_process_is_raised_here_and_leaves_the_index_as_it_was(
        tmp_path, monkeypatch, parallel):
    before, failed = _a_batch_failing(tmp_path, monkeypatch, _full, sqlite3.OperationalError)
    assert failed.sqlite_errorcode == sqlite3.SQLITE_FULL  # a full disk, not damage
    assert multiprocessing.active_children() == []
    index = _open(tmp_path, 2)  # nothing of the failed batch is in either half
    assert (_answers(index), index.doc_hashes()) == before
    assert index.update(_docs(), []) == 60
    assert index.doc_count == 80 and index.problems() is None
    index.close()


def _killed_at_30(self, doc, digest):
    if doc.id == 30:
        os.kill(os.getpid(), signal.SIGKILL)
    self.delete(doc.id)
    self.insert(doc, digest)


def test_a_dead_store_process_fails_the_batch_and_the_next_write_goes_on(
        tmp_path, monkeypatch, parallel):
    index = _open(tmp_path, 2)
    monkeypatch.setattr(SubstringStore, "upsert", _killed_at_30)
    with pytest.raises(SearchIndexError) as failed:
        index.update(_docs(), [])
    assert failed.value.code == Code.INDEX_BUILD_FAILED
    assert index.writer_procs == 1 and index.doc_count == 0
    assert multiprocessing.active_children() == []
    monkeypatch.undo()
    assert index.update(_docs(), []) == 60
    assert index.doc_count == 60 and _answers(index)["网格员"] == list(range(1, 61))
    index.close()


def _dies_before_committing(self):
    self.close()
    raise StoreProcessError("the store process stopped")


def test_a_crash_between_the_two_commits_is_repaired_by_the_next_parallel_catch_up(
        tmp_path, monkeypatch, parallel):
    index = _open(tmp_path, 2)
    index.update(_docs(20, start=100), [])
    # Whoosh commits the batch, the store does not (killed between the two commits).
    with monkeypatch.context() as patched:
        patched.setattr(StoreProcess, "commit", _dies_before_committing)
        with pytest.raises(SearchIndexError):
            index.update(_docs(), [])
    index.close()
    index = _open(tmp_path, 2)
    assert index.doc_count == 20 and index._words.doc_count() == 80
    # The next catch-up writes the batch again: replaced in the word index, not added.
    assert index.update(_docs(), []) == 60
    assert index.doc_count == 80 and index._words.doc_count() == 80
    assert _answers(index)["网格员"] == list(range(1, 61)) + list(range(100, 120))
    index.close()


def _segments(index: SearchIndex) -> int:
    return index._store.conn.execute("SELECT count(DISTINCT segid) FROM grams_idx").fetchone()[0]


def test_a_first_fill_merges_the_pairs_in_the_store_process_before_its_commit(
        tmp_path, monkeypatch, parallel):
    """The batch that is most of the index has its pairs optimized by the store's process
    (while this one writes the word index), not again here after both commit."""
    here: list[str] = []
    optimize = SubstringStore.optimize

    def recording(self):
        here.append("optimize")  # appended in the child's copy of the list there
        optimize(self)

    monkeypatch.setattr(SubstringStore, "optimize", recording)
    monkeypatch.setattr(index_module, "PARALLEL_MIN_DOCS", 40)
    index = _open(tmp_path / "two", 2)
    index.update(_docs(60), [])
    assert here == [] and _segments(index) == 1
    # A small catch-up after it (one process) leaves the pairs to a bounded merge.
    index.update(_docs(5, start=61), [])
    assert here == []
    one = _open(tmp_path / "one", 1)
    one.update(_docs(65), [])
    assert _answers(index) == _answers(one)
    assert index.problems() is None
    index.close()
    one.close()


def test_an_optimize_that_fails_in_the_store_process_keeps_the_batch(
        tmp_path, monkeypatch, parallel):
    def full(self):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise error

    monkeypatch.setattr(SubstringStore, "optimize", full)
    index = _open(tmp_path / "two", 2)
    index.update(_docs(), [])
    assert len(index.doc_hashes()) == 60
    assert _answers(index)["网格员"] == list(range(1, 61))
    index.close()


def test_the_optimize_is_sent_at_once_to_run_beside_the_word_segment(tmp_path):
    """Held back with the operations still to send, it ran only with the commit, alone."""
    index = _open(tmp_path / "two", 2)
    index.update(_docs(), [])
    target = StoreProcess(index._store)
    target.begin()
    target.upsert(_docs(1, start=61)[0], "digest")
    target.optimize_within()
    assert target._ops == []
    target.commit()
    assert 61 in index._store.present([61])
    index.close()


def _malformed(self, doc, digest):
    if doc.id == 20:
        raise sqlite3.DatabaseError("database disk image is malformed")
    return SubstringStore.insert(self, doc, digest)


def test_damage_found_by_the_store_process_is_damage_and_leaves_the_index_as_it_was(
        tmp_path, monkeypatch, parallel):
    """Raised once the word segment is written, before Whoosh commits it."""
    before, failed = _a_batch_failing(tmp_path, monkeypatch, _malformed, SearchIndexError)
    assert failed.code == Code.INDEX_DAMAGED
    assert multiprocessing.active_children() == []
    index = _open(tmp_path, 2)
    assert (_answers(index), index.doc_hashes()) == before
    index.close()
