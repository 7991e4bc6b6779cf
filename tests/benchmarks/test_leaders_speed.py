"""Common words ranked from the segments' leaders against every posting (issue 17), in one
process on one library, interleaved; prints CPU times, asserts only that the pages agree.

    READER_BENCH_LIB=/path/to/a/copy nice -n 5 .venv/bin/python -m pytest -p no:cacheprovider \\
        tests/benchmarks/test_leaders_speed.py -s -m benchmark

The library is opened for writing (the leaders of an older index are written first, as the
next sync would): give a copy or an overlay, never a library someone is using.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reader.app import Session
from reader.paths import resolve_paths
from reader.search import ranking_leaders

pytestmark = pytest.mark.benchmark

QUERIES = ["的", "党", "党建", "人才", "嘎查", "党员 OR 干部", "社区 -物业", "党建 嘎查", "人才 培训",
           "社区 网格", "红色 驿站", "乡村振兴 产业"]
ROUNDS = 3


@pytest.mark.skipif("READER_BENCH_LIB" not in os.environ, reason="READER_BENCH_LIB not set")
def test_leaders_beside_every_posting(monkeypatch):
    lib = Path(os.environ["READER_BENCH_LIB"])
    with Session.open(resolve_paths(lib), fill_from_seeds=False) as session:
        cpu = time.process_time()
        written = session.index.write_leaders()
        print(f"\nleaders written for {written} segments in {time.process_time() - cpu:.1f} CPU-s; "
              f"load {os.getloadavg()[0]:.1f}")
        session.search("党建")  # the ranker, date ranks and jieba, loaded once
        led = ranking_leaders.LeaderRanking.top
        print("| query | matches | every posting | leaders |\n|---|---|---|---|")
        for text in QUERIES:
            times: dict[str, list[float]] = {"every": [], "leaders": []}
            pages = {}
            for _ in range(ROUNDS):
                for mode in times:
                    monkeypatch.setattr(ranking_leaders.LeaderRanking, "top",
                                        led if mode == "leaders" else lambda *_a, **_k: None)
                    session.index.forget_answers()
                    cpu = time.process_time()
                    result = session.search(text, limit=20)
                    times[mode].append((time.process_time() - cpu) * 1000)
                    pages[mode] = (result.total, [(h.id, h.score) for h in result.hits])
                assert pages["leaders"] == pages["every"], text
            print(f"| {text} | {pages['every'][0]:,} | {min(times['every']):.0f} ms | "
                  f"{min(times['leaders']):.0f} ms |")
        print(f"load {os.getloadavg()[0]:.1f}")
