"""jieba's dictionary read from the word table cuts exactly as the whole dictionary does.

jieba's dictionary is one per process, so each mode runs in a fresh interpreter: the
first configures jieba with a new cache dir (the dictionary loads whole, and the table
is written), the second finds the table (words are read as cut), then cuts enough text
to load the dictionary whole and cuts again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.search.word_table import TABLE_FILE

ROOT = Path(__file__).resolve().parents[2]

TEXTS = [
    "网格员走访居民，红色物业在乌兰察布落地。",
    "基层治理现代化：社区党组织领导下的居民自治",
    "2025年1月7日，人民日报第19版刊登《党建引领基层治理》一文。",
    "习近平总书记强调，要坚持和发展新时代“枫桥经验”。",
    "AI治理与数字政府建设",
    "一二三四五六七八九十百千万亿",
]

CUT = """
import json, sys
from pathlib import Path
import jieba
from reader.search import configure_jieba
from reader.search.analysis import analyze
from reader.search.word_table import LOAD_WHOLE_AFTER, WordTable
configure_jieba(Path(sys.argv[1]), [Path(sys.argv[2])], extra_words=["红色物业", "网格员走访"])
texts = json.loads(sys.argv[3])
report = {{"table": isinstance(jieba.dt.FREQ, WordTable), "total": jieba.dt.total,
          "cut": [analyze(text) for text in texts]}}
{more}
print(json.dumps(report, ensure_ascii=False))
"""

#: Cut enough different text to pass LOAD_WHOLE_AFTER reads, then the same texts again.
HEAVY = """
import random
rng = random.Random(7)
keys = [chr(c) for c in range(0x4E00, 0x9FA5)]
while isinstance(jieba.dt.FREQ, WordTable):
    analyze("".join(rng.choice(keys) for _ in range(400)))
report["whole"] = type(jieba.dt.FREQ).__name__
report["cut_after"] = [analyze(text) for text in texts]
report["total_after"] = jieba.dt.total
"""


def _cut(cache_dir: Path, more: str = "") -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CUT.format(more=more), str(cache_dir),
         str(ROOT / "resources" / "userdict.txt"), json.dumps(TEXTS, ensure_ascii=False)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
        env={**os.environ, "PYTHONWARNINGS": "error"})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_table_cuts_as_the_whole_dictionary_and_loads_it_when_cutting_much(tmp_path):
    whole = _cut(tmp_path)
    assert not whole["table"]
    assert (tmp_path / TABLE_FILE).is_file()  # written for the next start

    lazy = _cut(tmp_path, HEAVY)
    assert lazy["table"]
    assert lazy["cut"] == whole["cut"]
    assert lazy["total"] == whole["total"]
    # Cutting much loaded the dictionary whole, our words laid over it: the same cuts.
    assert lazy["whole"] == "dict"
    assert lazy["cut_after"] == whole["cut"]
    assert lazy["total_after"] == whole["total"]


def test_a_table_from_another_cache_is_not_used_and_is_written_anew(tmp_path):
    _cut(tmp_path)
    table = tmp_path / TABLE_FILE
    written = table.stat().st_mtime_ns
    cache = tmp_path / "jieba.cache"
    os.utime(cache, ns=(cache.stat().st_atime_ns, cache.stat().st_mtime_ns + 10**9))
    again = _cut(tmp_path)
    assert not again["table"]  # the stamp names the old cache: the dictionary loaded whole
    assert table.stat().st_mtime_ns != written
    assert _cut(tmp_path)["table"]


def test_a_damaged_table_is_not_used(tmp_path):
    _cut(tmp_path)
    (tmp_path / TABLE_FILE).write_bytes(b"not a database")
    damaged = _cut(tmp_path)
    assert not damaged["table"]
    assert _cut(tmp_path)["table"]  # written again over the damaged one
