"""Timing printout (no assertion on speed): build ~2,000 articles, run 30 queries with snippets.

Run on demand: `.venv/bin/python -m pytest tests/benchmarks/test_search_timing.py -s`.
"""

from __future__ import annotations

import random
import statistics
import time

import pytest

from reader.models import IndexDoc
from reader.search import SearchIndex, configure_jieba, parse_query
from tests.search.conftest import USERDICT, seed_docs

pytestmark = pytest.mark.benchmark

QUERIES = [
    "网格员",
    "网格",
    "嘎查",
    "呼和浩特",
    "党建引领 -物业",
    '"红色业委会"',
    "LED",
    "2023",
    "的",
    "党",
    "治理 服务",
    "乌兰察布 OR 鄂尔多斯",
    "党建引领基层治理",
    "皇甫美鲜",
    "苏木 嘎查 牧民",
    "小区 -物业",
    "xyz",
    "没有这个词",
    "城市基层党建",
    "居民",
    "网格员 笔记",
    "红色物业",
    "人才",
    "乡村振兴",
    "驻村",
    "楼栋长",
    "志愿服务",
    "党员 群众",
    "和林格尔",
    "阿拉善",
]


def synthetic_articles(count: int, seed: int = 1) -> list[IndexDoc]:
    """Articles of about 1.5 KB recombined from seed paragraphs (like ../shared/BENCHMARKS.md's corpus)."""
    pool = seed_docs()
    rnd = random.Random(seed)
    docs = []
    for n in range(1, count + 1):
        parts = rnd.sample(pool, 4)
        docs.append(
            IndexDoc(
                id=n,
                title=parts[0].title,
                body="\n".join(p.body for p in parts),
                note="网格员工作的笔记" if n % 97 == 0 else "",
                column=parts[0].column,
                kind=parts[0].kind,
                date=f"{rnd.randint(2020, 2025)}-{rnd.randint(1, 12):02d}",
            )
        )
    return docs


def test_print_build_and_query_times(tmp_path, capsys):
    configure_jieba(tmp_path / "jieba-cache", [USERDICT])
    docs = synthetic_articles(2000)
    megabytes = sum(len((d.title + d.body + d.note).encode()) for d in docs) / 1e6
    index = SearchIndex.open(tmp_path)
    started = time.perf_counter()
    report = index.rebuild(docs, total=len(docs))
    build = time.perf_counter() - started
    assert report.docs == len(docs)

    parsed = [parse_query(q) for q in QUERIES]
    for query in parsed:  # warm the searcher and SQLite's page cache
        index.search(query)
    times = []
    for query in parsed:
        started = time.perf_counter()
        result = index.search(query, limit=20)
        times.append((time.perf_counter() - started) * 1000)
        assert len(result.hits) <= 20
    index.close()
    times.sort()
    with capsys.disabled():
        print(
            f"\n[search timing] build {len(docs)} articles ({megabytes:.1f} MB, "
            f"{index.writer_procs} process(es)): {build:.1f} s ({megabytes / build:.2f} MB/s); "
            f"30 queries top-20 with snippets: p50 {statistics.median(times):.1f} ms, "
            f"p95 {times[int(0.95 * len(times)) - 1]:.1f} ms, max {times[-1]:.1f} ms"
        )
