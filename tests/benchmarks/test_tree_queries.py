"""The issue tree's queries on a 100k-article library of 3,000 issues: a timing printout.

Run on demand: `.venv/bin/python -m pytest tests/benchmarks/test_tree_queries.py -s -m benchmark`.

The library is written with plain SQL in the shape migration 6 gives (papers →
issues → pages → articles): importing 100k articles through `import_page` takes
minutes and measures the importer, not the tree.  Six papers (one named by a page,
as the seeds are), 3,000 issues of one to four pages, 100,000 articles.  Each query
of `reader.app.browsing` runs as the tree calls it when the reader unfolds a level;
the printout gives the median of several runs.  The unread counts' query
(`reading.read_by_node`) is timed with nothing read and with a tenth read.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from reader.app import browsing, reading
from reader.library import Library

pytestmark = pytest.mark.benchmark

PAPERS = ["人民日报", "光明日报", "经济日报", "新华每日电讯", "学习时报", "先锋"]
ISSUES, ARTICLES = 3_000, 100_000
RUNS = 7


def _fill(lib: Library, seed: int = 14) -> None:
    rng = random.Random(seed)
    db = lib.connection
    pages_per_issue = [rng.randint(1, 4) for _ in range(ISSUES)]
    page_count = sum(pages_per_issue)
    per_page = ARTICLES // page_count
    extra = ARTICLES - per_page * page_count
    paragraph = json.dumps(["乌兰察布市围绕解决基层党建工作突出问题，编制了建设项目建设书。" * 3],
                           ensure_ascii=False)
    with db.transaction():
        db.executemany("INSERT INTO publications (id, name, placeholder) VALUES (?, ?, ?)",
                       [(n + 1, name, int(name == "先锋")) for n, name in enumerate(PAPERS)])
        start = date(2021, 1, 1)
        issue_rows, page_rows, source_rows, article_rows = [], [], [], []
        page_id = article_id = 0
        for issue_id in range(1, ISSUES + 1):
            paper = (issue_id - 1) % len(PAPERS) + 1
            day = (start + timedelta(days=(issue_id - 1) // len(PAPERS) * 2)).isoformat()
            issue_rows.append((issue_id, paper, day, "day", "filename", 1))
            for number in range(1, pages_per_issue[issue_id - 1] + 1):
                page_id += 1
                source_rows.append((page_id, f"/p/{page_id}.txt", f"{page_id}.txt",
                                    f"sha{page_id}", 1, 1, "imported", "t"))
                page_rows.append((page_id, page_id, f"第{number}版", "t", day, "day",
                                  "filename", PAPERS[paper - 1], number, f"版名{number}",
                                  issue_id))
                count = per_page + (1 if page_id <= extra else 0)
                for position in range(count):
                    article_id += 1
                    article_rows.append((article_id, f"k{article_id}", page_id, position,
                                         "article", f"栏目{position % 7}",
                                         f"第{page_id}版第{position}篇", paragraph, "t"))
        db.executemany("INSERT INTO issues (id, publication_id, date, date_precision, "
                       "date_source, shared) VALUES (?, ?, ?, ?, ?, ?)", issue_rows)
        db.executemany("INSERT INTO sources (id, path, name, sha256, size, parser_version, "
                       "status, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", source_rows)
        db.executemany("INSERT INTO pages (id, source_id, title, date_evidence, date, "
                       "date_precision, date_source, paper, page_number, page_name, issue_id) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", page_rows)
        db.executemany("INSERT INTO articles (id, key, page_id, position, kind, column_label, "
                       "title, paragraphs, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       article_rows)
    lib.connection.execute("ANALYZE")


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    path = tmp_path_factory.mktemp("tree") / "library.sqlite3"
    with Library.open(path) as lib:
        started = time.perf_counter()
        _fill(lib)
        built = time.perf_counter() - started
        yield SimpleNamespace(library=lib, built=built)


def _median_ms(call) -> tuple[float, object]:
    times, result = [], None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def test_each_level_of_the_tree_at_100k_articles(big, capsys):
    stats = big.library.stats()
    assert (stats["issues"], stats["articles"]) == (ISSUES, ARTICLES)
    timings: list[tuple[str, float, int]] = []

    def measure(label, call):
        ms, result = _median_ms(call)
        timings.append((label, ms, len(result)))
        return result

    papers = measure("papers (first paint)", lambda: browsing.papers(big))
    assert sum(p.article_count for p in papers) == ARTICLES
    paper = papers[0]
    years = measure("years of a paper", lambda: browsing.years(big, paper.id))
    year = max(years, key=lambda y: y.issue_count)
    issues = measure(f"issues of a paper in {year.year}",
                     lambda: browsing.issues_of(big, paper.id, year.year))
    assert len(issues) == year.issue_count
    issue = max(issues, key=lambda i: i.page_count)
    pages = measure("pages of an issue", lambda: browsing.pages_of(big, issue.id))
    rows = measure("articles of a page", lambda: browsing.page_rows(big, pages[0].id))
    assert [r.position for r in rows] == sorted(r.position for r in rows)
    measure("dates with issues (calendar)", lambda: browsing.issue_dates(big))
    measure("every issue (the flat list)", lambda: browsing.issue_list(big))
    measure("articles of an issue (flat)", lambda: browsing.issue_rows(big, issue.id))
    # unread counts: the read articles under each node (the tree subtracts them)
    measure("read counts, nothing read", lambda: reading.read_by_node(big))
    reading.mark_read(big, range(1, ARTICLES // 10 + 1))
    read = measure(f"read counts, {ARTICLES // 10:,} read", lambda: reading.read_by_node(big))
    assert read[f"paper\u241f{paper.id}"] > 0
    reading.mark_read(big, range(1, ARTICLES // 10 + 1), read=False)
    with capsys.disabled():
        print(f"\n[tree queries] {ARTICLES} articles, {ISSUES} issues, {stats['pages']} pages, "
              f"{len(PAPERS)} papers (built in {big.built:.1f} s); median of {RUNS} runs:")
        for label, ms, count in timings:
            print(f"  {label:<34} {ms:8.1f} ms  ({count} rows)")


def test_editing_a_page_of_a_big_library(big, capsys):
    """Setting the date of one page re-places it: a handful of indexed statements."""
    from reader.library.page_meta import PageEdit

    page = big.library.pages.in_issue(1)[0]
    started = time.perf_counter()
    big.library.pages.set_fields([page.id], PageEdit(date="2030-01-01"))
    edit_ms = (time.perf_counter() - started) * 1000
    moved = big.library.pages.get(page.id)
    assert big.library.issues.get(moved.issue_id).date == "2030-01-01"
    started = time.perf_counter()
    big.library.pages.set_fields([page.id], PageEdit(date=None))
    back_ms = (time.perf_counter() - started) * 1000
    assert big.library.pages.get(page.id).date == page.date
    with capsys.disabled():
        print(f"\n[tree queries] set one page's date: {edit_ms:.1f} ms; back: {back_ms:.1f} ms")
