"""The archive tree at 100k articles in 3,000 issues: first paint and opening each level.

Run on demand:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/benchmarks/test_tree_paint.py -s -m benchmark

The library is the one tests/benchmarks/test_tree_queries.py writes (six papers,
3,000 issues of one to four pages, 100,000 articles, in migration 6's shape).  The
window's own tree widget (`IssueTree`: its columns, sorting, elision) over the
window's model is driven as the window drives it, with the worker's reads
(`ArchiveSource`, one query a level) timed apart from the GUI thread's work
(inserting the rows, laying out and painting them): what the reader waits for is the
sum, what blocks the window is the second.  Each figure is the median of a few runs
on a fresh model.
"""

from __future__ import annotations

import statistics
import time
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.app import reading
from reader.app.archive import ArchiveSource
from reader.library import Library
from reader.ui.issues_view import IssueTree
from reader.ui.tree_model import DATE_COLUMN, IssueTreeModel
from tests.benchmarks.test_tree_queries import ARTICLES, ISSUES, _fill

pytestmark = pytest.mark.benchmark

RUNS = 5


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    with Library.open(tmp_path_factory.mktemp("paint") / "library.sqlite3") as lib:
        _fill(lib)
        yield SimpleNamespace(library=lib)


def _one_run(session, qtbot) -> dict[str, float]:
    source = ArchiveSource()
    model = IssueTreeModel()
    tree = IssueTree(model)
    qtbot.addWidget(tree)
    tree.resize(520, 900)
    tree.show()
    qtbot.waitExposed(tree)
    times: dict[str, float] = {}

    def timed(label: str, action):
        start = time.perf_counter()
        value = action()
        times[label] = (time.perf_counter() - start) * 1000
        return value

    def paint() -> None:
        tree.viewport().repaint()
        QApplication.processEvents()

    def open_level(name: str, parent) -> object:
        key = model.node_key(parent)
        nodes = timed(f"worker: {name}", lambda: source.children(session, key))
        timed(f"gui: insert {name} + paint",
              lambda: (model.add_children(key, nodes), tree.expand(parent), paint()))
        return model.index(0, 0, parent)

    papers = timed("worker: papers", lambda: source.children(session, None))
    timed("gui: set papers + first paint", lambda: (model.set_roots(papers), paint()))
    read = timed("worker: read counts (a tenth read)", lambda: reading.read_by_node(session))
    timed("gui: unread counts + paint", lambda: (model.set_read_counts(read), paint()))
    year = open_level("years of a paper", model.index(0, 0))
    issue = open_level(f"issues of a year ({model.node_key(year)[-4:]})", year)
    page = open_level("pages of an issue", issue)
    open_level("articles of a page", page)
    assert model.rowCount(page) > 0
    timed("gui: scroll to the end + paint", lambda: (tree.scrollToBottom(), paint()))
    timed("gui: sort by 日期, descending",
          lambda: (tree.sortByColumn(DATE_COLUMN, Qt.SortOrder.DescendingOrder), paint()))
    tree.close()
    return times


def test_first_paint_and_opening_each_level(big, qtbot, capsys):
    assert len(big.library.articles.ids()) == ARTICLES
    reading.mark_read(big, range(1, ARTICLES // 10 + 1))  # bold rows and counts to draw
    runs = [_one_run(big, qtbot) for _ in range(RUNS)]
    with capsys.disabled():
        print(f"\n[tree: {ARTICLES:,} articles, {ISSUES:,} issues; median of {RUNS} runs]")
        for label in runs[0]:
            values = [run[label] for run in runs if label in run]
            print(f"  {label:45s} {statistics.median(values):8.1f} ms")
