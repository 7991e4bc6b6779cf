"""Facets, concordance and trends on a generated library (issue 16), printed, never asserted.

Run on demand, on the library of test_library_speed.py (built there if missing):

    READER_BENCH_ARTICLES=10000 .venv/bin/python -m pytest tests/benchmarks/test_research_timing.py -s
    READER_BENCH_ARTICLES=100000 .venv/bin/python -m pytest tests/benchmarks/test_research_timing.py -s

Each line says what was timed: the plain search (top 20, as the window asked before), the
search page's answer (top 100 with facets over every match), the facet queries alone
(`library.facets.counts` over the matching ids), a date sort, the concordance (every
occurrence, 20 characters each side) and trends (two terms, per year and per month).
"""

from __future__ import annotations

import statistics
import time

import pytest

from reader.app import Session
from reader.app.concordance import concordance
from reader.app.research import find_matches, research_search
from reader.app.trends import trend
from reader.paths import resolve_paths
from tests.benchmarks.test_library_speed import QUERIES, ROOT, built  # noqa: F401  (fixture)

pytestmark = pytest.mark.benchmark

#: The words of the concordance and trend runs: frequent, middling and rare.
WORDS = ["党建", "网格", "党建引领", "红色物业", "皇甫美鲜"]


def _ms(run) -> tuple[float, object]:
    start = time.perf_counter()
    result = run()
    return (time.perf_counter() - start) * 1000, result


def _spread(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    return f"p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, max {times[-1]:.0f} ms"


@pytest.fixture(scope="module")
def session(built):  # noqa: F811
    with Session.open(resolve_paths(ROOT / "lib"), fill_from_seeds=False) as opened:
        opened.ensure_index()
        opened.search("预热")
        yield opened


def test_facets_and_sort(session, built):  # noqa: F811
    library, index = session.library, session.index
    plain, page, facets_only, matched, newest = [], [], [], [], []
    for query in QUERIES:
        plain.append(_ms(lambda q=query: session.search(q, limit=20))[0])
        took, found = _ms(lambda q=query: research_search(library, index, q, limit=100))
        page.append(took)
        ids = find_matches(library, index, query).ids
        matched.append(len(ids))
        facets_only.append(_ms(lambda i=ids: library.facets.counts(i))[0])
        newest.append(_ms(lambda q=query: research_search(
            library, index, q, limit=100, sort="newest", with_facets=False))[0])
    print(f"\n{built['articles']} articles, {len(QUERIES)} queries "
          f"(median {statistics.median(matched):.0f} matches, max {max(matched)}):")
    print(f"  search, top 20 (before):              {_spread(plain)}")
    print(f"  search page, top 100 + facets:         {_spread(page)}")
    print(f"  facet counts alone:                    {_spread(facets_only)}")
    print(f"  sorted newest first, top 100:          {_spread(newest)}")


def test_concordance(session, built):  # noqa: F811
    print(f"\n{built['articles']} articles, concordance (width 20, every occurrence):")
    for word in WORDS:
        took, result = _ms(lambda w=word: concordance(session.library, session.index, w))
        print(f"  {word:<6} {len(result.lines):>8} lines in {result.articles:>6} articles: "
              f"{took:.0f} ms")
    took, result = _ms(lambda: concordance(session.library, session.index, "党建", limit=20000))
    print(f"  党建 as the window lists it (first 20,000 lines): {took:.0f} ms")


def test_trends(session, built):  # noqa: F811
    print(f"\n{built['articles']} articles, trends:")
    for by in ("year", "month"):
        for terms in (["党建引领", "网格"], WORDS):
            took, result = _ms(lambda t=terms, b=by: trend(session.library, session.index, t, b))
            print(f"  {len(terms)} terms by {by:<5}: {len(result.periods):>3} periods, {took:.0f} ms")
    took, _ = _ms(lambda: trend(session.library, session.index, ["党建引领", "网格"], "month",
                                "kind:article"))
    print(f"  2 terms by month, filter kind:article: {took:.0f} ms")
