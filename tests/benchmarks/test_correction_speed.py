"""What corrections cost: making them, and re-applying them when pages are parsed again.

Run on demand (not in the default test run):

    READER_BENCH_ARTICLES=10000 .venv/bin/python -m pytest tests/benchmarks/test_correction_speed.py -s

A corpus of READER_BENCH_ARTICLES articles (tests/benchmarks/corpus_gen.py) is imported into a
fresh library in READER_BENCH_DIR (default /tmp/reader-fix-bench-<N>); then `import --reparse`
of every page is timed without corrections, 1,000 corrections are made (split, title, kind,
text, one per article on as many pages, each one undoable transaction), and the re-parse is
timed again: the difference is the cost of re-applying them.  Prints figures, asserts none.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from pathlib import Path

import pytest

from reader.app.corrections import CorrectionServices
from reader.app.importing import import_files
from reader.app.undo import History
from reader.library import Library
from tests.benchmarks import corpus_gen

pytestmark = pytest.mark.benchmark

ARTICLES = int(os.environ.get("READER_BENCH_ARTICLES", "10000"))
CORRECTIONS = int(os.environ.get("READER_BENCH_CORRECTIONS", "1000"))
ROOT = Path(os.environ.get("READER_BENCH_DIR", f"/tmp/reader-fix-bench-{ARTICLES}"))


def _reparse(library: Library, pages: Path) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    import_files(library, [pages], reparse=True, workers=1)
    return time.perf_counter() - wall, time.process_time() - cpu


def test_reapplying_corrections_on_reparse():
    pages = ROOT / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    corpus_gen.write_corpus(pages, ARTICLES)
    shutil.rmtree(ROOT / "lib", ignore_errors=True)
    (ROOT / "lib").mkdir()
    library = Library.open(ROOT / "lib" / "library.sqlite3")
    try:
        start = time.perf_counter()
        import_files(library, [pages], workers=1)
        imported = time.perf_counter() - start
        plain = _reparse(library, pages)
        fixes = CorrectionServices(library, History())
        page_ids = [row[0] for row in library.connection.execute(
            "SELECT id FROM pages ORDER BY id")]
        per_correction: list[float] = []
        made = 0
        for n, page_id in enumerate(page_ids * 2):
            if made >= CORRECTIONS:
                break
            articles = library.articles.on_page(page_id)
            article = articles[n % len(articles)]
            t = time.perf_counter()
            kind = made % 4
            if kind == 0 and len(article.paragraphs) > 1:
                fixes.split(article.id, len(article.paragraphs))
            elif kind == 1:
                fixes.set_title(article.id, f"更正标题{made}")
            elif kind == 2:
                fixes.set_kind(article.id, "commentary" if article.kind != "commentary"
                               else "article")
            else:
                fixes.edit_text(article.id, 1, article.paragraphs[0] + "（更正）")
            per_correction.append(time.perf_counter() - t)
            made += 1
        corrected = _reparse(library, pages)
        statuses = [c.status for c in fixes.list()]
        print(f"\n[{ARTICLES} articles, {len(page_ids)} pages] import {imported:.0f} s; "
              f"{made} corrections: median {statistics.median(per_correction) * 1000:.0f} ms, "
              f"max {max(per_correction) * 1000:.0f} ms each; "
              f"re-parse of every page: {plain[0]:.1f} s wall / {plain[1]:.1f} s CPU without "
              f"corrections, {corrected[0]:.1f} s / {corrected[1]:.1f} s CPU with them "
              f"(+{corrected[1] - plain[1]:.1f} CPU-s = "
              f"{(corrected[1] - plain[1]) / max(made, 1) * 1000:.1f} ms a correction); "
              f"{statuses.count('applied')} applied, {statuses.count('stale')} stale")
    finally:
        library.close()
