"""Facets, concordance and trends on a generated library (issue 16), printed, never asserted.

Run on demand, on the research corpus (tests/benchmarks/research_corpus.py: the archive
corpus of issue 17, four papers over 1996-2025, with 网格 and 党建引领 rising over the
years), built in READER_BENCH_DIR (default /tmp/reader-research-<N>) if missing:

    READER_BENCH_ARTICLES=10000 .venv/bin/python -m pytest tests/benchmarks/test_research_timing.py -s
    READER_BENCH_ARTICLES=100000 .venv/bin/python -m pytest tests/benchmarks/test_research_timing.py -s

Each line says what was timed: the plain search (top 20, as the window asked before), the
search page's answer (top 100 with facets over every match, each facet's first 30 values as
the window asks), the facet counts alone (`library.facets.counts` over the matching ids: the
window's 30 values a facet, and every value as `reader search --json` prints them; and once,
reading the snapshot they count from), a date sort, the concordance (every occurrence, 20
characters each side) and trends (two terms, per year and per month).  Wall-clock times are
followed by the CPU time of this process (`time.process_time`), which a machine shared with
other work changes less; the load average is printed beside them.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import pytest

from reader.app import Session
from reader.app.concordance import concordance
from reader.app.research import find_matches, research_search
from reader.app.trends import trend
from reader.paths import resolve_paths
from tests.benchmarks import research_corpus
from tests.benchmarks.test_library_speed import QUERIES

ARTICLES = int(os.environ.get("READER_BENCH_ARTICLES", "10000"))
ROOT = Path(os.environ.get("READER_BENCH_DIR", f"/tmp/reader-research-{ARTICLES}"))

pytestmark = pytest.mark.benchmark

#: The words of the concordance and trend runs: frequent, middling and rare.
WORDS = ["党建", "网格", "党建引领", "红色物业", "皇甫美鲜"]


#: The values of each facet the window lists (reader/ui/facet_panel.py MAX_VALUES).
WINDOW_TOP = 30
#: CPU milliseconds of the last `_ms` call (process time).
_cpu: list[float] = []


def _ms(run) -> tuple[float, object]:
    start, cpu = time.perf_counter(), time.process_time()
    result = run()
    _cpu.append((time.process_time() - cpu) * 1000)
    return (time.perf_counter() - start) * 1000, result


def _p95(times: list[float]) -> float:
    return sorted(times)[max(0, int(len(times) * 0.95) - 1)]


def _spread(times: list[float], cpu: list[float] | None = None) -> str:
    times = sorted(times)
    line = f"p50 {statistics.median(times):.0f} ms, p95 {_p95(times):.0f} ms, max {times[-1]:.0f} ms"
    if cpu:
        line += f" (CPU p50 {statistics.median(cpu):.0f} ms, p95 {_p95(cpu):.0f} ms)"
    return line


def _load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


@pytest.fixture(scope="module")
def built() -> dict:
    return research_corpus.build(ROOT, ARTICLES)


@pytest.fixture(scope="module")
def session(built):
    with Session.open(resolve_paths(ROOT / "lib"), fill_from_seeds=False) as opened:
        opened.ensure_index()
        opened.search("预热")
        yield opened


def test_facets_and_sort(session, built):
    library, index = session.library, session.index
    took, _ = _ms(lambda: library.facets.prepare())
    snapshot = f"{took:.0f} ms (CPU {_cpu[-1]:.0f} ms)"
    plain, page, facets_only, facets_all, matched, newest = [], [], [], [], [], []
    cpu: dict[str, list[float]] = {"plain": [], "page": [], "facets": [], "all": [],
                                   "newest": []}
    for query in QUERIES:
        plain.append(_ms(lambda q=query: session.search(q, limit=20))[0])
        cpu["plain"].append(_cpu[-1])
        took, found = _ms(lambda q=query: research_search(library, index, q, limit=100,
                                                          facet_top=WINDOW_TOP))
        page.append(took)
        cpu["page"].append(_cpu[-1])
        ids = find_matches(library, index, query).ids
        matched.append(len(ids))
        facets_only.append(_ms(lambda i=ids: library.facets.counts(i, WINDOW_TOP))[0])
        cpu["facets"].append(_cpu[-1])
        facets_all.append(_ms(lambda i=ids: library.facets.counts(i))[0])
        cpu["all"].append(_cpu[-1])
        newest.append(_ms(lambda q=query: research_search(
            library, index, q, limit=100, sort="newest", with_facets=False))[0])
        cpu["newest"].append(_cpu[-1])
    print(f"\n{built['articles']} articles, {len(QUERIES)} queries "
          f"(median {statistics.median(matched):.0f} matches, max {max(matched)}), {_load()}:")
    print(f"  search, top 20 (before):              {_spread(plain, cpu['plain'])}")
    print(f"  search page, top 100 + facets:         {_spread(page, cpu['page'])}")
    print(f"  facet counts alone (top 30, window):   {_spread(facets_only, cpu['facets'])}")
    print(f"  facet counts alone (every value, CLI): {_spread(facets_all, cpu['all'])}")
    print(f"  facet snapshot, read once:             {snapshot}")
    print(f"  sorted newest first, top 100:          {_spread(newest, cpu['newest'])}")


def test_concordance(session, built):
    print(f"\n{built['articles']} articles, concordance (width 20, every occurrence), {_load()}:")
    for word in WORDS:
        took, result = _ms(lambda w=word: concordance(session.library, session.index, w))
        print(f"  {word:<6} {len(result.lines):>8} lines in {result.articles:>6} articles: "
              f"{took:.0f} ms (CPU {_cpu[-1]:.0f} ms)")
    took, result = _ms(lambda: concordance(session.library, session.index, "党建", limit=20000))
    print(f"  党建 as the window lists it (first 20,000 lines): {took:.0f} ms")


def test_trends(session, built):
    print(f"\n{built['articles']} articles, trends, {_load()}:")
    for by in ("year", "month"):
        for terms in (["党建引领", "网格"], WORDS):
            took, result = _ms(lambda t=terms, b=by: trend(session.library, session.index, t, b))
            print(f"  {len(terms)} terms by {by:<5}: {len(result.periods):>3} periods, {took:.0f} ms"
                  f" (CPU {_cpu[-1]:.0f} ms)")
    took, _ = _ms(lambda: trend(session.library, session.index, ["党建引领", "网格"], "month",
                                "kind:article"))
    print(f"  2 terms by month, filter kind:article: {took:.0f} ms")
