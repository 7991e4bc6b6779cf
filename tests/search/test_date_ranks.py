"""The date ranks search breaks ties and sorts by (newest highest, undated 0), read a date at a
time from the index (issue 17: no date string per article at start-up)."""

from __future__ import annotations

import itertools
from dataclasses import replace

from reader.search import SearchIndex
from reader.search.date_ranks import read_date_ranks
from tests.search.conftest import seed_docs

DATES = ["2024-03-01", None, "1998-12-31", "2024-03-01", "", "2010-06-15", "1998-12-31"]


def test_every_article_has_its_dates_rank_newest_highest_and_undated_zero(tmp_path):
    docs = [replace(doc, date=DATES[n % len(DATES)]) for n, doc in enumerate(seed_docs())]
    index = SearchIndex.open(tmp_path)
    try:
        index.rebuild(docs)
        ranks = index._ranks()
    finally:
        index.close()
    order = {"1998-12-31": 1, "2010-06-15": 2, "2024-03-01": 3, None: 0, "": 0}
    assert ranks == {doc.id: order[doc.date] for doc in docs}
    assert list(ranks) == sorted(doc.id for doc in docs)
    assert len(ranks) == len(docs)
    missing = max(doc.id for doc in docs) + 1
    assert missing not in ranks and 0 not in ranks and -1 not in ranks
    assert ranks.get(missing, 7) == 7 and ranks.get(-1) is None


def test_ranks_read_in_slices_are_the_ranks_read_at_once(tmp_path):
    """The store hands the dates over a range of ids at a time (with the ids only where some
    are missing); dates seen in a later range (older or newer) still rank among all of
    them, and ids with gaps between them are no articles."""
    docs = [replace(doc, date=DATES[(n * 5) % len(DATES)]) for n, doc in enumerate(seed_docs())]
    docs = [replace(doc, id=n + 1) for n, doc in enumerate(docs)]  # 1, 2, … as a library's
    gaps = [replace(doc, id=3 * doc.id + 2) for doc in docs]
    order = {"1998-12-31": 1, "2010-06-15": 2, "2024-03-01": 3, None: 0, "": 0}
    for (name, indexed), step in itertools.product((("dense", docs), ("gaps", gaps)), (2, 5)):
        index = SearchIndex.open(tmp_path / name)
        try:
            index.rebuild(indexed)
            store = index._store
            slices = list(store.ids_and_dates(step=step))
            whole = read_date_ranks(store.ids_and_dates(), store.max_id())
            sliced = read_date_ranks(slices, store.max_id())
        finally:
            index.close()
        # Dense ids come without their ids; ranges with gaps name theirs.
        assert all((ids is None) == (name == "dense") for _, ids, _ in slices[:-1])
        expected = {doc.id: order[doc.date] for doc in indexed}
        assert dict(whole.items()) == dict(sliced.items()) == expected, (name, step)
    assert 3 not in sliced and 4 not in sliced and 5 in sliced


def test_no_article_no_ranks():
    ranks = read_date_ranks([], 0)
    assert len(ranks) == 0 and list(ranks) == [] and 0 not in ranks and not ranks


def test_among_keeps_the_indexed_ids_only():
    ranks = read_date_ranks([(2, "4,2", "2020-01-01\x1f")], 6)
    assert ranks.among({2, 3, 4, 0, -1, 99}) == {2, 4}
    assert ranks.among(iter([4, 5])) == {4} and ranks.among([]) == set()
    assert dict(ranks) == {2: 0, 4: 1}
    dense = read_date_ranks([(3, None, "2020\x1f\x1f2019")], 6)
    assert dict(dense) == {3: 2, 4: 0, 5: 1}


def test_the_set_of_ids_is_every_id_dense_or_not():
    dense = read_date_ranks([(1, None, "2020\x1f2021")], 2)
    gaps = read_date_ranks([(2, "2,5", "2020\x1f2021")], 6)
    assert dense.ids == {1, 2} and gaps.ids == {2, 5} and read_date_ranks([], 0).ids == set()


def test_the_ids_with_notes_come_with_the_ranks(tmp_path):
    docs = [replace(doc, note="批注" if n % 3 == 0 else " " if n % 3 == 1 else "")
            for n, doc in enumerate(seed_docs())]
    index = SearchIndex.open(tmp_path)
    try:
        index.rebuild(docs)
        searching = index._searching
        searching.forget()
        searching.ranks()
        assert searching._noted == {doc.id for n, doc in enumerate(docs) if n % 3 == 0}
        assert searching._noted == index._store.noted()
    finally:
        index.close()


def test_the_ranks_read_a_slice_a_step_are_the_ranks_read_at_once(tmp_path, monkeypatch):
    """The window's warm-up reads them a slice a query of its worker (`prepare_step`), so a
    search asked meanwhile waits for one slice; a search that needs them all before the
    last step reads the rest, and a change to the index drops what was read."""
    docs = [replace(doc, date=DATES[(n * 3) % len(DATES)]) for n, doc in enumerate(seed_docs())]
    index = SearchIndex.open(tmp_path)
    try:
        index.rebuild(docs)
        searching, store = index._searching, index._store
        whole = read_date_ranks(store.ids_and_dates(), store.max_id())
        slices = len(list(store.ids_and_dates(step=10)))
        original = type(store).ids_and_dates
        monkeypatch.setattr(type(store), "ids_and_dates",
                            lambda self, step=10, noted=None: original(self, 10, noted))
        searching.forget()
        steps = 0
        while index.prepare_search_step():
            steps += 1
            assert (searching._date_ranks is None) == (steps <= slices)
        assert steps == slices + 1 and dict(searching.ranks().items()) == dict(whole.items())
        assert searching._noted == store.noted()
        # Interrupted: the rest is read when a search needs every rank.
        searching.forget()
        for _ in range(3):
            assert index.prepare_search_step()
        assert searching._date_ranks is None and searching._reading is not None
        assert dict(searching.ranks().items()) == dict(whole.items())
        assert searching._reading is None
        # A change drops a reading under way: the next starts afresh.
        searching.forget()
        index.prepare_search_step()
        index.update([replace(docs[0], date="2031-01-01")], [])
        assert searching._reading is None and searching._date_ranks is None
        assert searching.ranks()[docs[0].id] == max(whole.values()) + 1
    finally:
        index.close()
