"""The facet counts alone on a large library, without its search index, printed, never asserted.

Run on demand, on the research corpus's library (tests/benchmarks/research_corpus.py; only its
`library.sqlite3` is read, read-only, so the figures can be taken while the search index of a
100k library is still being built):

    READER_BENCH_ARTICLES=100000 .venv/bin/python -m pytest tests/benchmarks/test_facet_timing.py -s

The match sets are the articles whose title or text holds each of the project's words verbatim
(what Reader's search finds for a word), read by brute force once.  Timed: reading the facets'
snapshot (`library.facets.prepare`: the snapshot with the whole library's counts, as the
window reads it after its first answer), then each set three times, counted with the window's 30
values a facet and with every value (`reader search --json`); wall and CPU time, with the load
average.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from pathlib import Path

import pytest

from reader.library.connection import LibraryConnection
from reader.library.facets import FacetQueries

pytestmark = pytest.mark.benchmark

ARTICLES = int(os.environ.get("READER_BENCH_ARTICLES", "10000"))
ROOT = Path(os.environ.get("READER_BENCH_DIR", f"/tmp/reader-research-{ARTICLES}"))
WORDS = ["党建", "嘎查", "网格员", "红色物业", "乌兰察布", "皇甫美鲜", "呼和浩特", "基层治理", "人才",
         "驻村干部", "民族团结", "志愿服务", "党群服务中心", "集体经济", "党建引领", "网格", "的", "党"]


def _p95(times: list[float]) -> float:
    return sorted(times)[max(0, int(len(times) * 0.95) - 1)]


def test_facet_counts_over_brute_force_match_sets():
    path = ROOT / "lib" / "library.sqlite3"
    if not path.exists():
        pytest.skip(f"no library at {path}: python -m tests.benchmarks.research_corpus "
                    f"{ROOT} {ARTICLES}")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    facets = FacetQueries(LibraryConnection(conn))
    sets: dict[str, set[int]] = {word: set() for word in WORDS}
    for article_id, title, text in conn.execute(
            "SELECT id, COALESCE(title, ''), text FROM articles"):
        for word in WORDS:
            if word in text or word in title:
                sets[word].add(article_id)
    wall, cpu = time.perf_counter(), time.process_time()
    facets.prepare()
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"\n{articles} articles; match sets of {len(WORDS)} words, median "
          f"{statistics.median(len(s) for s in sets.values()):.0f} matches, max "
          f"{max(len(s) for s in sets.values())}; load average {os.getloadavg()[0]:.1f}")
    print(f"  snapshot, read once: "
          f"{(time.perf_counter() - wall) * 1000:.0f} ms "
          f"(CPU {(time.process_time() - cpu) * 1000:.0f} ms)")
    for top, label in ((30, "30 values a facet (window)"), (None, "every value (CLI)")):
        walls, cpus = [], []
        for ids in sets.values():
            for _ in range(3):
                wall, cpu = time.perf_counter(), time.process_time()
                facets.counts(ids, top)
                walls.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
        print(f"  {label:<28} p50 {statistics.median(walls):.0f} ms, p95 {_p95(walls):.0f} ms "
              f"(CPU p50 {statistics.median(cpus):.0f} ms, p95 {_p95(cpus):.0f} ms); "
              f"load average {os.getloadavg()[0]:.1f}")
    conn.close()
