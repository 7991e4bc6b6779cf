"""The tree's queries on real pages: paper → year → date → page → article, with counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app import browsing
from reader.app.display import display_origin

CORPUS = Path(__file__).parents[1] / "eval" / "corpus"

#: Four pages of one day of 人民日报, three of 新华每日电讯, one of another day.
PAGES = ["rmrb_20250107_p05.txt", "rmrb_20250107_p10.txt", "rmrb_20250107_p11.txt",
         "rmrb_20250107_p20.txt", "rmrb_20250715_p09.txt", "mrdx_20260512_p01.txt",
         "mrdx_20260512_p03.txt", "mrdx_20260512_p07.txt"]


@pytest.fixture
def archive(session):
    """The seeds plus pages of two papers, several pages a day."""
    # Imported out of order: the tree's order must not depend on it.
    results = session.import_paths([CORPUS / name for name in reversed(PAGES)])
    assert {r.status for r in results} == {"imported"}
    return session


def test_papers_years_dates_pages_articles(archive):
    papers = {p.name: p for p in browsing.papers(archive)}
    rmrb, mrdx = papers["人民日报"], papers["新华每日电讯"]
    assert (rmrb.issue_count, mrdx.issue_count) == (2, 1)
    assert rmrb.user_set is False and rmrb.placeholder is False
    # Named papers come first; the seeds' stand-ins (their page names) after.
    names = [p.name for p in browsing.papers(archive)]
    assert names.index("人民日报") < names.index("先锋")
    assert papers["先锋"].placeholder

    [year] = browsing.years(archive, rmrb.id)
    assert (year.year, year.issue_count, year.article_count) == ("2025", 2, rmrb.article_count)
    issues = browsing.issues_of(archive, rmrb.id, "2025")
    # Two of the day's pages carry a header line: the strongest source speaks for the issue.
    assert [(i.date, i.date_precision, i.date_source, i.page_count) for i in issues] == [
        ("2025-01-07", "day", "header", 4), ("2025-07-15", "day", "filename", 1)]
    assert browsing.issues_of(archive, rmrb.id, "2024") == []

    pages = browsing.pages_of(archive, issues[0].id)
    assert [p.number for p in pages] == [5, 10, 11, 20]
    assert sum(p.article_count for p in pages) == issues[0].article_count
    rows = browsing.page_rows(archive, pages[1].id)
    assert [r.position for r in rows] == sorted(r.position for r in rows)
    assert {r.page_id for r in rows} == {pages[1].id}
    origin = rows[0].origin
    assert (origin.paper, origin.date, origin.page_number) == ("人民日报", "2025-01-07", 10)
    assert display_origin(origin).startswith("人民日报 · 2025-01-07 · 第10版")
    # The flat list reads an issue's articles page by page.
    flat = browsing.issue_rows(archive, issues[0].id)
    assert [r.page_id for r in flat] == sorted((r.page_id for r in flat),
                                               key=[p.id for p in pages].index)


def test_the_calendar_marks_the_dates_that_have_issues(archive):
    dates = {d.date: d.issue_count for d in browsing.issue_dates(archive)}
    assert dates["2025-01-07"] == 1 and dates["2026-05-12"] == 1
    mrdx = next(p for p in browsing.papers(archive) if p.name == "新华每日电讯")
    assert [d.date for d in browsing.issue_dates(archive, mrdx.id)] == ["2026-05-12"]


def test_an_inferred_date_is_worded_as_a_guess(archive):
    seed = next(p for p in browsing.papers(archive) if p.name == "先锋")
    [issue, *_] = browsing.issues_of(archive, seed.id)
    [page] = browsing.pages_of(archive, issue.id)
    row = browsing.page_rows(archive, page.id)[0]
    assert row.origin.paper is None and not row.origin.date_confirmed
    assert display_origin(row.origin, column=False) == f"约{issue.date[:4]}年{int(issue.date[5:7])}月 · 先锋"
