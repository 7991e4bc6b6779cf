"""An import's phases, timed: opening the library, parse and store, the index (and the word
index's merge at its end, issue 17), wall and CPU of this process and its children, per MB
of page text.  Not a test; run on demand (`nice -n 5`, print `uptime` beside it):

    python -m tests.benchmarks.import_phases LIB PAGES...

The children's CPU is that of the processes this one waited for: the parse pool's and the
index writer's workers (both are stopped before their phase ends).
"""

from __future__ import annotations

import os
import resource
import sys
import time


def cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its children waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def main(argv: list[str]) -> int:
    import reader.search.index as index_module
    from reader.app.importing import expand_paths
    from reader.app.session import Session
    from reader.paths import resolve_paths

    library, paths = argv[0], argv[1:]
    merged: list[tuple[float, float, float]] = []
    merge = index_module.SearchIndex._merge_words

    def timed(self, progress, cancelled) -> None:
        c, w = cpu(), time.perf_counter()
        merge(self, progress, cancelled)
        c2 = cpu()
        merged.append((time.perf_counter() - w, c2[0] - c[0], c2[1] - c[1]))

    index_module.SearchIndex._merge_words = timed  # type: ignore[method-assign]
    megabytes = sum(f.stat().st_size for f in expand_paths(paths)) / 1e6
    print(os.popen("uptime").read().strip(), flush=True)
    c0, w0 = cpu(), time.perf_counter()
    session = Session.open(resolve_paths(library))
    c1, w1 = cpu(), time.perf_counter()
    results = session.import_paths(paths)
    c2, w2 = cpu(), time.perf_counter()
    report = session.ensure_index()
    c3, w3 = cpu(), time.perf_counter()
    print(report.message, f"{session.library.stats()['articles']} articles, {len(results)} files")
    print("word index segments:", session.index._words.segment_sizes())
    session.close()

    def line(name: str, wall: float, own: float, kids: float) -> None:
        print(f"{name}: {wall:.1f} s wall, {own:.1f} + {kids:.1f} (children) CPU-s = "
              f"{(own + kids) / megabytes:.2f} CPU-s a MB, {megabytes / wall:.2f} MB/s")

    print(f"{megabytes:.2f} MB of page text")
    line("open", w1 - w0, c1[0] - c0[0], c1[1] - c0[1])
    line("parse + store", w2 - w1, c2[0] - c1[0], c2[1] - c1[1])
    line("index (the merge included)", w3 - w2, c3[0] - c2[0], c3[1] - c2[1])
    for step in merged:
        line("  the merge", *step)
    line("import (parse, store, index)", w3 - w1, c3[0] - c1[0], c3[1] - c1[1])
    print(os.popen("uptime").read().strip())
    return 0


if __name__ == "__main__":  # the parse pool's processes are spawned: they import this
    sys.exit(main(sys.argv[1:]))
