"""The word index's segment written with its words cut ahead in worker processes.

`ParallelPostingWriter` is word_writer.py's `MemoryPostingWriter` with the cutting (jieba,
most of an import's CPU) moved to forked workers: they count a batch of documents' words
(`count_packed`) and send the postings packed for the pipe (`word_writer.pack`); this
process adds them in order and writes the one segment.
"""

from __future__ import annotations

import multiprocessing
import os
from array import array
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor

from reader.processes import die_with_parent
from reader.search.analysis import start_compiled_cutting, word_counts
from reader.search.word_writer import MemoryPostingWriter, Packed, countable_texts, gather, pack

__all__ = ["ParallelPostingWriter", "count_batch", "count_packed"]


#: What a worker gives back for a batch (`count_batch`).
Counted = tuple[dict[str, dict[str, array]], list[dict[str, int]], list[object]]


def count_batch(texts: list[dict[str, str]], first: int,
                side: Callable[[dict[str, str]], object] | None = None) -> Counted:
    """In a worker: the postings of some documents numbered from `first` on, gathered
    word by word (field → word → [doc, freq, …]: the writer adds a word's postings of the
    whole batch at once), each document's numbers of words, and `side` of each."""
    postings: dict[str, dict[str, array]] = {}
    lengths: list[dict[str, int]] = []
    sides: list[object] = []
    for docnum, doc in enumerate(texts, start=first):
        counted = {}
        for name, text in doc.items():
            words = postings.get(name)
            if words is None:
                words = postings[name] = {}
            counts = word_counts(text)
            gather(words, docnum, counts)
            counted[name] = sum(counts.values())
        lengths.append(counted)
        sides.append(side(doc) if side is not None else None)
    return postings, lengths, sides


#: What a worker gives back for a batch, packed (`count_packed`).
CountedPacked = tuple[dict[str, Packed], list[dict[str, int]], list[object]]


def count_packed(texts: list[dict[str, str]], first: int,
                 side: Callable[[dict[str, str]], object] | None = None) -> CountedPacked:
    """`count_batch`, its postings packed for the pipe (`pack`; `MemoryPostings.add_packed`)."""
    postings, lengths, sides = count_batch(texts, first, side)
    return {name: pack(words) for name, words in postings.items()}, lengths, sides


class ParallelPostingWriter(MemoryPostingWriter):
    """One segment, written in this process, with the words cut ahead of it in `procs`
    worker processes.

    jieba is most of an import's time and runs in pure Python, one core per process; the
    writing (postings into memory, the segment at commit) is a few times cheaper and stays
    here.  Documents go to the workers `BATCH` at a time, at most `AHEAD` batches ahead of
    the writer, and are written in the order given.  Unlike Whoosh's MpWriter (one segment
    a worker) the batch is one segment: a word's entry is written once, not once a worker.

    The workers are forked (they inherit jieba's dictionary) and die with this process;
    `on_workers(pids)` is told who they are once they run.  A worker that dies makes the
    next batch's result raise `BrokenProcessPool`.
    """

    #: Documents a worker cuts at a time, and batches in flight at most.  A worker gathers
    #: a batch's postings word by word, and the writer adds each word's at once: of 4,096
    #: archive articles, 466,000 (word, batch) pairs in batches of 32, 238,000 in 256.
    #: Batches start at `BATCH` documents and double up to `BATCH_MOST`: a small write
    #: keeps both workers busy, and a large one adds fewer, longer runs of each word (at
    #: 10k articles the writing process's CPU fell by a fifth from batches of 256 to 2,048).
    BATCH = 256
    BATCH_MOST = 2048
    AHEAD = 4

    def __init__(self, ix, procs: int = 2, on_workers: Callable[[list[int]], None] | None = None,
                 **kwargs) -> None:
        super().__init__(ix, **kwargs)
        self._procs = procs
        self._on_workers = on_workers
        self._executor: ProcessPoolExecutor | None = None
        self._batch: list[dict] = []
        self._pending: deque[tuple[list[dict], int, Future]] = deque()
        #: The number the next document submitted will have.
        self._next = self.docnum
        self._batch_size = self.BATCH

    def add_document(self, **fields) -> None:
        if any(name.startswith("_") for name in fields) or not self._countable:
            self.write_pending()  # in order
            super().add_document(**fields)
            self._next = self.docnum
            return
        self._batch.append(fields)
        if len(self._batch) >= self._batch_size:
            self._submit()
            self._batch_size = min(2 * self._batch_size, self.BATCH_MOST)

    def _submit(self) -> None:
        texts = [countable_texts(doc, self._countable) for doc in self._batch]
        first = self._next
        self._next += len(texts)
        future = self._workers().submit(count_packed, texts, first, self._side)
        self._pending.append((self._batch, first, future))
        self._batch = []
        while self._pending and (len(self._pending) > self.AHEAD or self._pending[0][2].done()):
            self._write_next()

    def _workers(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # jieba-rs with jieba's whole dictionary, shared by the forked workers, not
            # loaded by each (nor read lazily through an SQLite connection across the fork).
            self._compiled = start_compiled_cutting()
            self._executor = ProcessPoolExecutor(
                self._procs, mp_context=multiprocessing.get_context("fork"),
                initializer=die_with_parent, initargs=(os.getpid(),))
            # Python starts a forked pool's processes at its first task: start them now,
            # so that they can be named.
            self._executor.submit(int).result()
            if self._on_workers is not None:
                self._on_workers(self.worker_pids())
        return self._executor

    def worker_pids(self) -> list[int]:
        executor = self._executor
        processes = getattr(executor, "_processes", None) or {}
        return [pid for pid in processes if pid]

    def _write_next(self) -> None:
        docs, first, future = self._pending.popleft()
        postings, lengths, sides = future.result()
        if first != self.docnum:  # numbered when submitted: nothing may come in between
            raise RuntimeError(f"batch numbered from {first}, writing {self.docnum}")
        for name, packed in postings.items():
            self.pool.add_packed(name, packed)
        for fields, counted, side in zip(docs, lengths, sides, strict=True):
            self._add(fields, counted)
            self._written(side)

    def write_pending(self) -> None:
        """Write every document given so far (waiting for the workers to count them)."""
        if self._batch:
            self._submit()
        while self._pending:
            self._write_next()

    def stop_workers(self) -> None:
        """Stop the worker processes now (cancelling, or after a failure)."""
        executor, self._executor = self._executor, None
        self._pending.clear()
        self._stop_compiled()
        if executor is None:
            return
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join()

    def _encoder(self) -> Executor | None:
        # Idle once every document is counted: they encode the terms (w3_blocks.write_terms).
        return self._executor

    def commit(self, *args, **kwargs) -> None:
        try:
            self.write_pending()
            super().commit(*args, **kwargs)
        finally:
            self.stop_workers()

    def cancel(self) -> None:
        self.stop_workers()
        super().cancel()
