"""How long a page with a 100,000-character run without punctuation takes to analyse.

Run on demand:  .venv/bin/python -m pytest tests/benchmarks/test_long_run_speed.py -s

Before the tokenizer cut long runs (issue 18, item 9) jieba's HMM was quadratic in the
run's length.  Prints one line per kind of run; no timing assert.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest

from reader.paths import resource_path
from reader.search import analyze, configure_jieba

pytestmark = pytest.mark.benchmark

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
LENGTH = 100_000


def runs() -> dict[str, str]:
    rng = random.Random(1)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    han = re.sub(r"[^\u4E00-\u9FD5]", "", text)
    return {
        "seed text without punctuation": (han * (LENGTH // len(han) + 1))[:LENGTH],
        "random Han characters": "".join(chr(rng.randint(0x4E00, 0x9FA5))
                                         for _ in range(LENGTH)),
        "ASCII letters": "".join(rng.choice("abcdefghij") for _ in range(LENGTH)),
    }


def test_long_run_analysis_time(tmp_path):
    configure_jieba(tmp_path / "cache", [resource_path("userdict.txt")])
    for name, run in runs().items():
        started = time.perf_counter()
        tokens = analyze(run)
        print(f"\n{name}: {len(run):,} characters, {len(tokens):,} tokens, "
              f"{time.perf_counter() - started:.1f} s")
