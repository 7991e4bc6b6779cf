"""Import throughput, search latency, cold open and recall on a generated library.

Run on demand (not in the default test run):

    READER_BENCH_ARTICLES=10000 /work/venv/bin/python -m pytest tests/benchmarks/test_library_speed.py -s

The library is generated from the seeds (tests/benchmarks/generate.py) and
kept in READER_BENCH_DIR (default /tmp/reader-bench-<N>) so that the search
and cold-open measurements can be repeated without re-importing.  Each test
prints one line of figures; none asserts a time.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.app import Session
from reader.paths import resolve_paths
from tests.benchmarks import generate

pytestmark = pytest.mark.benchmark

ARTICLES = int(os.environ.get("READER_BENCH_ARTICLES", "10000"))
ROOT = Path(os.environ.get("READER_BENCH_DIR", f"/tmp/reader-bench-{ARTICLES}"))
MB = 1_000_000

#: 30 queries: words of 2-6 characters, AND, phrases, filters.
QUERIES = [
    "党建", "嘎查", "网格员", "红色物业", "乌兰察布", "皇甫美鲜", "呼和浩特", "基层治理",
    "人才", "驻村干部", "党建引领基层治理", "民族团结", "志愿服务", "党群服务中心", "集体经济",
    "党建 嘎查", "人才 培训", "社区 网格", "红色 驿站", "乡村振兴 产业",
    '"党建引领"', '"红色业委会"', '"基层党校"', '"网格化治理"', '"一站式"',
    "党建 kind:commentary", "培训 column:知行合一", "嘎查 date:2020..2030",
    "社区 -物业", "党员 OR 干部",
]


def _build() -> tuple[float, int]:
    """Generate pages and import them into ROOT; seconds taken and bytes imported."""
    pages_dir = ROOT / "pages"
    pages_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    count = 0
    # Articles of 2-6 paragraphs (about 1.5-2 KB, like ../shared/BENCHMARKS.md's corpus);
    # a 20 KB page then holds about nine of them.
    generate.MIN_PARAGRAPHS, generate.MAX_PARAGRAPHS = 2, 6
    for n, text in enumerate(generate.generate_pages(max(1, ARTICLES // 9), seed=7)):
        path = pages_dir / f"p{n:06}.txt"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        count += 1
    start = time.perf_counter()
    with Session.open(resolve_paths(ROOT / "lib"), fill_from_seeds=False) as session:
        session.import_paths([pages_dir])
        session.ensure_index()
        articles = session.library.stats()["articles"]
    elapsed = time.perf_counter() - start
    (ROOT / "built.json").write_text(json.dumps(
        {"seconds": elapsed, "bytes": total, "pages": count, "articles": articles}))
    return elapsed, total


@pytest.fixture(scope="module")
def built():
    marker = ROOT / "built.json"
    if not marker.exists():
        _build()
    return json.loads(marker.read_text())


def test_import_throughput(built):
    mb = built["bytes"] / MB
    print(f"\nimport: {built['pages']} pages, {built['articles']} articles, {mb:.1f} MB "
          f"in {built['seconds']:.1f} s = {mb / built['seconds']:.2f} MB/s (parse+store+index)")


def test_search_latency_and_recall(built):
    with Session.open(resolve_paths(ROOT / "lib"), fill_from_seeds=False) as session:
        session.ensure_index()
        session.search("预热")
        times = []
        for query in QUERIES:
            start = time.perf_counter()
            session.search(query, limit=20)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p50 = statistics.median(times)
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"\nsearch: {built['articles']} articles, 30 queries top 20 with snippets: "
              f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms")
        # Recall against brute force for the plain single-word queries, over exactly
        # what the index holds (title, byline, body, entries; no notes here).
        from reader.app.indexing import library_docs

        texts = {doc.id: f"{doc.title}\n{doc.body}" for doc in library_docs(session.library)}
        words = [q for q in QUERIES if " " not in q and ":" not in q and '"' not in q]
        found = expected = extra = 0
        for word in words:
            truth = {i for i, t in texts.items() if word in t}
            got = session.search(word, limit=len(texts))
            ids = {h.id for h in got.hits}
            expected += len(truth)
            found += len(truth & ids)
            extra += len(ids - truth)
        print(f"recall: {found}/{expected} = {found / max(expected, 1):.3f} over {len(words)} "
              f"words, {extra} false hits")


def test_cold_open_to_first_answer(built):
    code = (
        "import time; t=time.perf_counter()\n"
        "from reader.app import Session\nfrom reader.paths import resolve_paths\n"
        f"s=Session.open(resolve_paths({str(ROOT / 'lib')!r}), fill_from_seeds=False)\n"
        "r=s.search('乌兰察布')\n"
        "import resource\n"
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    inner, rss_kb = out.stdout.split()
    print(f"\ncold open: process start to first answer {wall:.2f} s "
          f"(in-process {float(inner):.2f} s), peak RSS {int(rss_kb) / 1024:.0f} MB")
