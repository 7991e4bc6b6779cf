"""The search index's catch-ups, timed (issue 17): the one when the library opens, after a
note is edited and after some pages are imported, each in CPU and wall seconds with the
number of documents it hashed to compare them with the index (before the writing side
moved to index_writing.py, the documents written were counted too).  Not a test; run on demand (`nice -n 5`, `uptime` is printed
beside each figure):

    python -m tests.benchmarks.catchup_phases LIB [PAGES...]

LIB is changed (a note, the pages imported as the paper 追补报): run it on a copy or an
overlay of a benchmark library, never on the original.
"""

from __future__ import annotations

import os
import resource
import sys
import time


def cpu() -> float:
    """CPU seconds of this process and of its children waited for (the index writer's)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main(argv: list[str]) -> int:
    import reader.search.index as index_module
    from reader.app.importing import import_files
    from reader.app.session import Session
    from reader.models import PageMeta
    from reader.paths import resolve_paths

    hashed = [0]
    doc_hash = index_module.doc_hash

    def counting(doc):
        hashed[0] += 1
        return doc_hash(doc)

    # The catch-up imports it from here when it runs (the writer has its own reference).
    index_module.doc_hash = counting

    def timed(label: str, step) -> None:
        hashed[0] = 0
        load = os.getloadavg()
        c, w = cpu(), time.perf_counter()
        report = step()
        print(f"{label}: {cpu() - c:.2f} CPU-s, {time.perf_counter() - w:.2f} s wall, "
              f"{hashed[0]} documents hashed; {report.action} {report.message!r} "
              f"(load {load[0]:.2f} {load[1]:.2f})", flush=True)

    library, pages = argv[0], argv[1:]
    session = Session.open(resolve_paths(library), fill_from_seeds=False, daily_backup=False)
    try:
        timed("open", session.ensure_index)
        newest = session.library.db.execute("SELECT max(id) FROM articles").fetchone()[0]
        session.annotations.set_note(newest // 2, f"追补测试笔记 {time.time()}")
        timed("after a note edit", session.ensure_index)
        if pages:
            c, w = cpu(), time.perf_counter()
            results = import_files(session.library, pages, given=PageMeta(paper="追补报"))
            print(f"imported {len(results)} files: {cpu() - c:.2f} CPU-s, "
                  f"{time.perf_counter() - w:.2f} s wall", flush=True)
            timed("after the import", session.ensure_index)
        timed("in step", session.ensure_index)
    finally:
        session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
