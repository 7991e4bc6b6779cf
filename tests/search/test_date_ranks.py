"""The date ranks search breaks ties and sorts by (newest highest, undated 0), read a date at a
time from the index (issue 17: no date string per article at start-up)."""

from __future__ import annotations

from dataclasses import replace

from reader.search import SearchIndex
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
