"""Compare jieba-rs's cuts with jieba's on a whole corpus (compiled_cut.py; run by hand).

    .venv/bin/python tests/benchmarks/compare_cuts.py PAGES_DIR [STEP]

Every distinct plain block of every STEP-th page file (default 1), cut by both with
Reader's dictionary (jieba's with resources/userdict.txt); prints the blocks that differ.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import jieba

from reader.search import analysis
from reader.search.compiled_cut import PLAIN_BLOCK, CompiledCutter

ROOT = Path(__file__).resolve().parents[2]


def main(pages: str, step: int = 1) -> int:
    with tempfile.TemporaryDirectory() as cache:
        analysis.configure_jieba(Path(cache), [ROOT / "resources" / "userdict.txt"])
        analysis.load_whole_dictionary()
        cutter = CompiledCutter.of(jieba.dt)
        assert cutter is not None
        files = sorted(Path(pages).rglob("*.txt"))[::step]
        plain: set[str] = set()
        blocks = chars = 0
        for path in files:
            for block in jieba.re_han_default.split(path.read_text(encoding="utf-8")):
                if block and PLAIN_BLOCK.fullmatch(block):
                    blocks += 1
                    chars += len(block)
                    plain.add(block)
        started = time.process_time()
        differ = [b for b in plain if cutter.cut(b) != list(jieba.cut(b, HMM=True))]
        print(f"{len(files)} files, {blocks} plain blocks ({chars} characters), "
              f"{len(plain)} distinct: {len(differ)} cut differently "
              f"({time.process_time() - started:.1f} CPU-s)")
        for block in differ[:20]:
            print(block, cutter.cut(block), list(jieba.cut(block, HMM=True)))
        return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1))
