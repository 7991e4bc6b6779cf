"""Walking a few thousand articles is fast enough to rebuild an index from."""

from __future__ import annotations

import time

from .conftest import PARAGRAPHS_A, item, page, sha


def test_import_and_iterate_thousands_of_articles(library):
    pages, per_page = 60, 50
    start = time.perf_counter()
    for n in range(pages):
        items = [item(f"第{n}版第{i}篇", (f"{n}-{i} " + PARAGRAPHS_A[i % 4], PARAGRAPHS_A[3]))
                 for i in range(per_page)]
        library.imports.import_page(f"/bulk/{n}.txt", sha(f"bulk{n}"), 1, page(*items), 1)
    imported = time.perf_counter() - start
    first = library.articles.ids()[0]
    library.tags.add(first, ["抽样"])
    library.notes.set(first, "抽样笔记")

    start = time.perf_counter()
    count = 0
    for article in library.articles.iter_all():
        count += 1
        assert article.paragraphs
    walked = time.perf_counter() - start

    assert count == pages * per_page
    # Generous bounds for a slow CI machine: measured around 1 s and 0.1 s.
    assert imported < 15, f"importing {count} articles took {imported:.1f} s"
    assert walked < 3, f"walking {count} articles took {walked:.2f} s"
