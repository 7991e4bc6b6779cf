"""The first page of a session without every article's date (date_ranks.DatesOnDemand;
issue 17: at a million articles reading them all was 0.5 s of the window's first answer).

The page ranked by words breaks ties by date from the dates of the ids it asks about, read
one at a time, and must be EXACTLY the page the full evaluation gives with every date read
(ties of equal scores between copies of an article with different dates, partial dates,
undated ones), on a library with dense ids and on one with gaps (deleted articles)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.search import SearchIndex, parse_query
from reader.search.date_ranks import (
    ABSENT,
    DatesOnDemand,
    date_key,
    read_date_ranks,
)
from tests.search.conftest import seed_docs
from tests.search.test_page_first import LONG
from tests.search.test_proven_search import PROVEN

DATES = ["2024-03-01", None, "1998-12-31", "2024-03", "", "2010-06-15", "2024", "2024-03-02"]
PAGES = [(20, 0), (5, 7), (1000, 0)]


def _docs():
    """The seeds and a copy of 80 of them, each with its own date: copies score alike, so
    only their dates (then their ids) order them."""
    seeds = seed_docs()
    copies = [replace(doc, id=len(seeds) + n + 1) for n, doc in enumerate(seeds[:80])]
    return [replace(doc, date=DATES[n % len(DATES)]) for n, doc in enumerate(seeds + copies)]


@pytest.fixture(scope="module", params=["dense", "gaps"])
def index(request, tmp_path_factory):
    docs = _docs()
    built = SearchIndex.open(tmp_path_factory.mktemp(request.param))
    built.rebuild(docs)
    if request.param == "gaps":  # deleted articles: ids up to the highest that are none
        built.update([], deletes=[doc.id for doc in docs[30:60]] + [docs[-2].id])
    yield built
    built.close()


def _page(result):
    return result.total, [(h.id, round(h.score, 9), h.match, h.snippet) for h in result.hits]


@pytest.mark.parametrize("text", PROVEN + LONG)
@pytest.mark.parametrize(("limit", "offset"), PAGES)
def test_the_first_page_of_a_session_is_the_page_with_every_date_read(index, text, limit,
                                                                      offset):
    query = parse_query(text)
    expected = index.search(query, allowed=index.ids(), limit=limit, offset=offset)
    index._searching.forget()  # as just opened: no date read
    got = index.search(query, limit=limit, offset=offset, page_first=True)
    assert _page(got)[1] == _page(expected)[1], text
    assert got.total >= expected.total


def test_a_first_page_reads_only_the_dates_it_ranks(index):
    searching = index._searching
    searching.forget()
    result = index.search(parse_query("社区"), limit=5, page_first=True)
    assert len(result.hits) == 5
    assert searching._date_ranks is None  # every article's date was not read
    asked = searching._dates_on_demand
    assert asked is not None and 0 < asked.lookups < 60
    # The full evaluation after it reads them all, and gives the same page.
    full = index.search(parse_query("社区"), allowed=index.ids(), limit=5)
    assert searching._date_ranks is not None
    assert [h.id for h in full.hits] == [h.id for h in result.hits]


def test_a_date_key_orders_as_the_dates_do():
    dates = ["", "1998-12-31", "2010-06-15", "2024", "2024-03", "2024-03-01", "2024-03-02",
             "2024-10-01", "2025"]
    keys = [date_key(date) for date in dates]
    assert keys == sorted(keys) and len(set(keys)) == len(keys) and date_key("") == 0


def _on_demand(dates: dict[int, str], most: int = 100):
    reads: list[list[int]] = []
    wholes: list[int] = []

    def read(ids):
        reads.append(ids)
        return {i: dates[i] for i in ids if i in dates}

    def whole():
        wholes.append(1)
        dense = [(i, str(i), dates[i]) for i in sorted(dates)]
        return read_date_ranks(dense, max(dates, default=0))

    found = DatesOnDemand(read, lambda: len(dates), lambda: max(dates, default=0), whole, most)
    return found, reads, wholes


def test_dates_on_demand_keys_order_as_the_ranks_and_know_the_same_ids():
    dates = {1: "2024-03-01", 2: "", 4: "1998-12-31", 5: "2024-03", 7: "2024-03-01"}
    found, reads, wholes = _on_demand(dates)
    ranks = read_date_ranks([(i, str(i), dates[i]) for i in sorted(dates)], 7)
    ids = [7, 5, 4, 2, 1]
    assert sorted(ids, key=lambda i: (-found[i], i)) == sorted(ids, key=lambda i: (-ranks[i], i))
    assert found[2] == 0 and found.get(3, ABSENT) == ABSENT and found.get(99) is None
    assert [i for i in range(-1, 9) if i in found] == [1, 2, 4, 5, 7]
    with pytest.raises(KeyError):
        found[6]
    assert len(found) == 5 and bool(found) and list(found) == [1, 2, 4, 5, 7]
    assert all(len(ids) == 1 for ids in reads)  # one id at a time, each once
    assert len({ids[0] for ids in reads}) == len(reads)


def test_dense_ids_are_known_without_reading_and_many_asks_read_the_whole():
    dates = {i: f"20{i % 30:02d}-01-01" for i in range(1, 41)}
    found, reads, wholes = _on_demand(dates, most=5)
    assert all(i in found for i in range(1, 41)) and 41 not in found and 0 not in found
    assert reads == [] and wholes == []  # dense: `in` reads nothing
    keys = [found[i] for i in range(1, 41)]
    assert len(reads) == 5 and wholes == [1]  # past `most` ids: every date at once
    assert keys == [date_key(dates[i]) for i in range(1, 41)]
    empty, _, _ = _on_demand({})
    assert not empty and len(empty) == 0 and 1 not in empty
