"""Pages stored in shared transactions (`Imports.batch`, issue 17): whole or not at all."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from reader.library import article_sync, page_batches

from .conftest import counts, item, page, sample_page, sha


def _page(n: int):
    return page(item(f"第{n}篇", (f"第{n}篇文章的正文，讲述了基层党建的第{n}个故事。",)))


def _store(library, n: int):
    return library.imports.import_page(f"/pages/{n}.txt", sha(str(n)), 10, _page(n), 1)


def _committed(library) -> int:
    """Articles another connection sees: what a killed import would have kept."""
    other = sqlite3.connect(library.db.execute("PRAGMA database_list").fetchone()[2])
    try:
        return other.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    finally:
        other.close()


def test_pages_are_committed_a_batch_at_a_time(library, monkeypatch):
    monkeypatch.setattr(page_batches, "BATCH_PAGES", 3)
    monkeypatch.setattr(page_batches, "BATCH_SECONDS", 10 ** 9)
    seen = []
    with library.imports.batch():
        for n in range(7):
            assert _store(library, n).status == "imported"
            seen.append(_committed(library))
    assert seen == [0, 0, 3, 3, 3, 6, 6]
    assert _committed(library) == 7  # the rest when the batch ends


def test_a_batch_commits_after_its_seconds(library, monkeypatch):
    monkeypatch.setattr(page_batches, "BATCH_SECONDS", 0)
    with library.imports.batch():
        _store(library, 1)
        assert _committed(library) == 1


def test_a_page_that_fails_in_a_batch_is_rolled_back_alone(library, monkeypatch):
    with library.imports.batch():
        _store(library, 1)
        before = counts(library)

        def failing(db, articles):  # the page's articles are written, its bylines not
            raise RuntimeError("disk on fire")

        with monkeypatch.context() as patched:
            patched.setattr(article_sync, "write_bylines", failing)
            with pytest.raises(RuntimeError):
                library.imports.import_page("/new.txt", sha("new"), 1, sample_page(), 1)
        assert counts(library) == before and library.sources.by_sha(sha("new")) is None
        _store(library, 2)
    assert _committed(library) == 2


def test_an_error_leaving_the_batch_keeps_the_pages_stored_before_it(library):
    with pytest.raises(KeyError), library.imports.batch():
        _store(library, 1)
        _store(library, 2)
        raise KeyError("the import stopped")
    assert _committed(library) == 2


def test_another_threads_page_is_its_own_transaction_after_the_batch(library, monkeypatch):
    """The batch holds the connection for its thread; another thread's page waits for it."""
    monkeypatch.setattr(page_batches, "BATCH_SECONDS", 10 ** 9)
    done = threading.Event()
    with library.imports.batch():
        _store(library, 1)
        thread = threading.Thread(target=lambda: (_store(library, 2), done.set()))
        thread.start()
        assert not done.wait(0.3)  # waiting for the batch's commit
        _store(library, 3)
    thread.join(10)
    assert done.is_set() and _committed(library) == 3


def _settings(library) -> tuple:
    return tuple(library.db.execute(f"PRAGMA {name}").fetchone()[0]
                 for name in ("synchronous", "cache_size", "wal_autocheckpoint"))


def test_a_batch_writes_as_a_bulk_load_and_puts_the_settings_back(library):
    """Inside a batch commits are not synced one by one (the log keeps the file whole; what
    a power cut loses, the next import stores again); after it, they are as they were."""
    before = _settings(library)
    assert before[0] == 2  # FULL: each commit of the window is durable
    with library.imports.batch():
        assert _settings(library) == (1, -65536, 4096)  # NORMAL, 64 MB, 64 MB of log
        _store(library, 1)
    assert _settings(library) == before
    with pytest.raises(KeyError), library.imports.batch():
        _store(library, 2)
        raise KeyError("the import stopped")
    assert _settings(library) == before and _committed(library) == 2


def test_a_library_without_a_write_ahead_log_keeps_its_commits_synced(library):
    library.db.execute("PRAGMA journal_mode = DELETE").fetchone()
    with library.imports.batch():
        assert _settings(library)[0] == 2
        _store(library, 1)
    assert _committed(library) == 1
