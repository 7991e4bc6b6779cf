"""The archive tree at 100k articles in 3,000 issues: first paint and opening each level.

Run on demand (it builds the library first, a few minutes):

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/benchmarks/test_tree_paint.py -s

The library: three papers × 1,000 dates, four pages an issue, 8-9 short articles a page
(100,000 articles, 12,000 page files), stored through the library's own import.  The
tree's model and a QTreeView are driven as the window drives them, with the worker's
reads (`ArchiveSource`) timed apart from the GUI thread's work (inserting rows and
painting): what the reader waits for is the sum, what blocks the window is the second.
"""

from __future__ import annotations

import hashlib
import time
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication, QTreeView

from reader.app.archive import ArchiveSource
from reader.library import Library
from reader.models import IssueDate, Item, PageMeta, ParsedPage
from reader.ui.tree_model import IssueTreeModel

pytestmark = pytest.mark.benchmark

PAPERS = ("人民日报", "光明日报", "经济日报")
DATES_PER_PAPER = 1000
PAGES_PER_ISSUE = 4
ARTICLES = 100_000


def _page(n: int, articles: int) -> ParsedPage:
    items = tuple(Item(title=f"第{n}页第{i}篇 基层治理的新做法", column="要闻" if i % 3 else "评论",
                       paragraphs=(f"正文 {n}-{i}：网格员走进小区，倾听居民的意见。",))
                  for i in range(articles))
    return ParsedPage(source=f"{n}.txt", page_name=None, date=IssueDate(), items=items)


@pytest.fixture(scope="module")
def big_library(tmp_path_factory):
    path = tmp_path_factory.mktemp("tree100k") / "library.sqlite3"
    pages = len(PAPERS) * DATES_PER_PAPER * PAGES_PER_ISSUE
    start = time.perf_counter()
    with Library.open(path) as library:
        n = 0
        first = date(2020, 1, 1)
        for paper in PAPERS:
            for day in range(DATES_PER_PAPER):
                when = (first + timedelta(days=day)).isoformat()
                for number in range(1, PAGES_PER_ISSUE + 1):
                    count = ARTICLES // pages + (1 if n < ARTICLES % pages else 0)
                    meta = PageMeta(paper=paper, date=when, page_number=number,
                                    page_name=("要闻", "综合", "理论", "副刊")[number - 1])
                    library.imports.import_page(
                        f"/bench/{paper}/{when}_{number}.txt",
                        hashlib.sha256(f"{paper}{when}{number}".encode()).hexdigest(),
                        1, _page(n, count), 1, user=meta)
                    n += 1
        print(f"\n[tree 100k] built {n} pages in {time.perf_counter() - start:.0f} s")
    return path


def _timed(label: str, results: list, action):
    start = time.perf_counter()
    value = action()
    results.append((label, (time.perf_counter() - start) * 1000))
    return value


def test_first_paint_and_opening_each_level(big_library, qtbot, capsys):
    library = Library.open(big_library)
    session = SimpleNamespace(library=library)
    assert len(library.articles.ids()) == ARTICLES
    source = ArchiveSource()
    model = IssueTreeModel()
    view = QTreeView()
    qtbot.addWidget(view)
    view.resize(520, 900)
    view.setUniformRowHeights(True)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    timings: list[tuple[str, float]] = []

    def paint() -> None:
        view.viewport().repaint()
        QApplication.processEvents()

    papers = _timed("worker: papers (cold: reads and groups every page)", timings,
                    lambda: source.children(session, None))
    _timed("gui: set papers + first paint", timings,
           lambda: (model.set_roots(papers), paint()))
    paper = model.index(0, 0)
    key = model.node_key(paper)
    years = _timed("worker: years of a paper (warm)", timings,
                   lambda: source.children(session, key))
    _timed("gui: insert years + paint", timings,
           lambda: (model.add_children(key, years), view.expand(paper), paint()))
    year = model.index(0, 0, paper)
    key = model.node_key(year)
    issues = _timed("worker: issues of a year (366)", timings,
                    lambda: source.children(session, key))
    _timed("gui: insert issues + paint", timings,
           lambda: (model.add_children(key, issues), view.expand(year), paint()))
    issue = model.index(0, 0, year)
    key = model.node_key(issue)
    pages = _timed("worker: pages of an issue", timings, lambda: source.children(session, key))
    _timed("gui: insert pages + paint", timings,
           lambda: (model.add_children(key, pages), view.expand(issue), paint()))
    page = model.index(0, 0, issue)
    key = model.node_key(page)
    rows = _timed("worker: articles of a page", timings, lambda: source.children(session, key))
    _timed("gui: insert articles + paint", timings,
           lambda: (model.add_children(key, rows), view.expand(page), paint()))
    assert model.rowCount(page) == len(rows) > 0
    _timed("gui: scroll to the end of the year + paint", timings,
           lambda: (view.scrollToBottom(), paint()))
    library.close()
    with capsys.disabled():
        print("\n[tree 100k articles, 3,000 issues, 12,000 pages]")
        for label, ms in timings:
            print(f"  {label:55s} {ms:8.1f} ms")
