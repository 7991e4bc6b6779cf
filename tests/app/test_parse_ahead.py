"""An import hands pages to its parse workers a bounded number ahead of the page being
stored (importing._parsed_in): parsed pages no longer pile up in memory while the slower
storing catches up (all of them were handed out at once before)."""

from __future__ import annotations

from concurrent.futures import Future

from reader.app import importing


class _Pool:
    """Tasks run as they are handed out, counted."""

    def __init__(self) -> None:
        self.tasks: list[list[str]] = []

    def submit(self, fn, chunk, given):
        assert fn is importing.page_file.decode_and_parse_all and given is None
        self.tasks.append(chunk)
        future: Future = Future()
        future.set_result([f"parsed {path}" for path in chunk])
        return future


def test_pages_are_parsed_in_order_a_bounded_number_of_tasks_ahead(monkeypatch):
    monkeypatch.setattr(importing, "PARSE_TASK", 2)
    monkeypatch.setattr(importing, "PARSE_AHEAD", 3)
    pool = _Pool()
    paths = [f"p{n}.txt" for n in range(21)]
    taken: list[str] = []
    for parsed in importing._parsed_in(pool, paths):  # type: ignore[arg-type]
        taken.append(parsed)
        # The task of the page taken and at most three after it.
        current = (len(taken) - 1) // 2
        assert len(pool.tasks) <= current + 1 + 3
    assert taken == [f"parsed {path}" for path in paths]
    assert [len(task) for task in pool.tasks] == [2] * 10 + [1]


def test_an_import_in_worker_processes_stores_every_page(tmp_path, monkeypatch):
    from reader.library import Library

    monkeypatch.setattr(importing, "PARSE_AHEAD", 2)
    monkeypatch.setattr(importing, "POOL_THRESHOLD", 2)
    seeds = sorted((importing.Path(__file__).parents[2] / "seeds").glob("*.txt"))
    with Library.open(tmp_path / "library.sqlite3") as library:
        results = importing.import_files(library, seeds, workers=2)
        assert [r.status for r in results] == ["imported"] * len(seeds)
        assert library.stats()["articles"] == sum(r.articles for r in results) > 0
