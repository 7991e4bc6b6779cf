"""Filter helpers: id sets for tag, author, column, kind, issue, dates, notes, highlights."""

from __future__ import annotations

import pytest

from reader.models import Author

from .conftest import item, page, sample_page, sha


def _one(library, name, date, precision):
    parsed = page(item("题" + name, ("正文" + name,)), date=date, precision=precision)
    result = library.imports.import_page(f"/{name}.txt", sha(name), 1, parsed, 1)
    return library.articles.in_issue(result.issue_id)[0].id


@pytest.fixture
def dated(library):
    return {
        "day": _one(library, "day", "2024-03-15", "day"),
        "month": _one(library, "month", "2024-01", "month"),
        "year": _one(library, "year", "2024", "year"),
        "before": _one(library, "before", "2023-12-31", "day"),
        "after": _one(library, "after", "2024-07", "month"),
        "undated": _one(library, "undated", None, "unknown"),
    }


def test_month_range_includes_month_and_year_precision(library, dated):
    found = library.filters.ids_in_dates("2024-01", "2024-06")
    assert found == {dated["day"], dated["month"], dated["year"]}


def test_year_filter(library, dated):
    found = library.filters.ids_in_dates("2024", "2024")
    assert found == {dated["day"], dated["month"], dated["year"], dated["after"]}


def test_single_month_and_day_bounds(library, dated):
    assert library.filters.ids_in_dates("2024-01", "2024-01") == {dated["month"], dated["year"]}
    assert library.filters.ids_in_dates("2023-12-31", "2023-12-31") == {dated["before"]}
    assert library.filters.ids_in_dates("2024-03-16", "2024-06-30") == {dated["year"]}


def test_open_ended_ranges(library, dated):
    assert library.filters.ids_in_dates("2024-07", None) == {dated["after"], dated["year"]}
    assert library.filters.ids_in_dates(None, "2023") == {dated["before"]}
    assert dated["undated"] not in library.filters.ids_in_dates(None, None)


def test_date_override_is_what_filters_see(library, dated):
    issue_id = library.articles.get(dated["undated"]).issue_id
    library.issues.set_date(issue_id, "2023-12")
    assert library.filters.ids_in_dates("2023-12", "2023-12") == {dated["before"], dated["undated"]}


@pytest.fixture
def sample(library):
    first = library.imports.import_page("/p.txt", sha("p"), 1, sample_page(), 1)
    second = library.imports.import_page("/q.txt", sha("q"), 1, page(
        item("另一篇", ("另一篇正文。",), column="视点",
             authors=(Author("本报记者", "张  洋"), Author("通讯员", "皇甫晓"))),
    ), 1)
    return library.articles.in_issue(first.issue_id), library.articles.in_issue(second.issue_id)


def test_author_substring(library, sample):
    (a, b, c), (d,) = sample
    assert library.filters.ids_by_author("皇甫") == {a.id, d.id}
    assert library.filters.ids_by_author("皇甫美鲜") == {a.id}
    assert library.filters.ids_by_author("张洋") == {d.id}, "spaces inside printed names are ignored"
    assert library.filters.ids_by_author("郝佳丽") == {b.id}
    assert library.filters.ids_by_author(" ") == set()
    assert library.filters.ids_by_author("无名氏") == set()


def test_column_kind_and_issue(library, sample):
    (a, b, c), (d,) = sample
    assert library.filters.ids_by_column("视点") == {a.id, d.id}
    assert library.filters.ids_by_column("信息集装箱") == {c.id}
    assert library.filters.ids_by_kind("commentary") == {b.id}
    assert library.filters.ids_by_kind("briefs") == {c.id}
    assert library.filters.ids_in_issue(a.issue_id) == {a.id, b.id, c.id}
    assert library.filters.ids_in_issue(12345) == set()


def test_tag_note_and_highlight_filters(library, sample):
    (a, b, c), (d,) = sample
    library.tags.add(a.id, ["党建"])
    library.tags.add(d.id, ["党建", "其他"])
    library.notes.set(b.id, "笔记")
    library.highlights.add(c.id, 0, 3)
    assert library.filters.ids_with_tag("党建") == {a.id, d.id}
    assert library.filters.ids_with_tag("没有") == set()
    assert library.filters.ids_with_note() == {b.id}
    assert library.filters.ids_with_highlight() == {c.id}
    assert library.notes.search_texts() == {b.id: "笔记"}
