"""Importing and walking 3,000 articles (what an index rebuild reads): a timing printout.

Run on demand: `.venv/bin/python -m pytest tests/benchmarks/test_library_walk.py -s`.
"""

from __future__ import annotations

import time

import pytest

from reader.library import Library
from tests.library.conftest import PARAGRAPHS_A, item, page, sha

pytestmark = pytest.mark.benchmark


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "library.sqlite3") as lib:
        yield lib


def test_import_and_iterate_thousands_of_articles(library, capsys):
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
    with capsys.disabled():
        print(f"\n[library walk] import {count} articles in {pages} pages: {imported:.1f} s; "
              f"walk them: {walked:.2f} s")
