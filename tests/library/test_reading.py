"""Reading issues and articles back: order, lookups, unknown ids, stats, generation."""

from __future__ import annotations

import pytest

from reader.library import LibraryError

from .conftest import item, page, sample_page, sha


def _issue(library, name, date, precision="month", page_name="先锋"):
    parsed = page(item("题" + name, ("正文" + name,)), page_name=page_name, date=date,
                  precision=precision)
    return library.imports.import_page(f"/{name}.txt", sha(name), 1, parsed, 1).issue_id


def test_issues_are_ordered_by_effective_date_then_title(library):
    late = _issue(library, "c", "2025-01")
    undated = _issue(library, "d", None)
    early = _issue(library, "b", "2021")
    same_b = _issue(library, "z", "2024-01", page_name="B版")
    same_a = _issue(library, "a", "2024-01", page_name="A版")
    assert [i.id for i in library.issues.all()] == [early, same_a, same_b, late, undated]
    library.issues.set_date(late, "2020-05-04")
    assert [i.id for i in library.issues.all()][0] == late


def test_an_issue_title_shows_the_date_the_issue_has_now(library):
    issue = _issue(library, "c", "2025-01")
    article = library.articles.in_issue(issue)[0]
    assert library.issues.get(issue).title == article.issue_title == "先锋 · 2025-01"
    library.issues.set_date(issue, "2024-12-30")  # the user corrects the parser's date
    assert library.issues.get(issue).title == "先锋 · 2024-12-30"
    assert library.articles.get(article.id).issue_title == "先锋 · 2024-12-30"
    library.issues.set_date(issue, None, "unknown")
    assert library.issues.get(issue).title == "先锋"
    library.issues.set_title(issue, "我的标题")
    assert library.issues.get(issue).title == "我的标题"  # the user's whole title, as given


def test_issue_and_article_errors_name_the_id(library):
    with pytest.raises(LibraryError, match=r"^No issue with id 7\.$"):
        library.issues.get(7)
    with pytest.raises(LibraryError, match=r"^No article with id 8\.$"):
        library.articles.get(8)
    with pytest.raises(LibraryError, match=r"^No issue with id 7\.$"):
        library.issues.set_date(7, "2024")
    assert library.articles.in_issue(7) == []


def test_article_record_carries_its_annotations(library):
    result = library.imports.import_page("/p.txt", sha("p"), 1, sample_page(), 1)
    first = library.articles.in_issue(result.issue_id)[0]
    library.tags.add(first.id, ["乙", "甲"])
    library.notes.set(first.id, "笔记")
    library.highlights.add(first.id, 0, 3)
    record = library.articles.get(first.id)
    assert set(record.tags) == {"甲", "乙"}
    assert record.note == "笔记" and len(record.highlights) == 1
    assert record.date == "2024-01" and record.date_precision == "month"
    assert record.paragraphs == first.paragraphs and record.authors == first.authors


def test_articles_by_ids_keeps_the_given_order_and_skips_unknown(library):
    result = library.imports.import_page("/p.txt", sha("p"), 1, sample_page(), 1)
    ids = [a.id for a in library.articles.in_issue(result.issue_id)]
    wanted = [ids[2], 999, ids[0], ids[2]]
    assert [a.id for a in library.articles.by_ids(wanted)] == [ids[2], ids[0]]
    assert library.articles.by_ids([]) == []
    assert library.articles.ids() == sorted(ids)


def test_iter_articles_walks_every_article_in_id_order(library):
    for n in range(3):
        library.imports.import_page(f"/p{n}.txt", sha(f"p{n}"), 1, sample_page(), 1)
    walked = [a.id for a in library.articles.iter_all(batch=2)]
    assert walked == library.articles.ids() and len(walked) == 9


def test_set_issue_date_validates(library):
    issue_id = _issue(library, "a", "2024-01")
    for bad in ["2024-13", "2024-02-30", "24-01", "2024/01", "January"]:
        with pytest.raises(LibraryError):
            library.issues.set_date(issue_id, bad)
    with pytest.raises(LibraryError):
        library.issues.set_date(issue_id, "2024-01", "day")
    with pytest.raises(LibraryError):
        library.issues.set_date(issue_id, None, "month")
    library.issues.set_date(issue_id, None, "unknown")
    issue = library.issues.get(issue_id)
    assert (issue.date, issue.date_precision, issue.date_overridden) == (None, "unknown", True)


def test_stats_and_generation(library):
    assert library.stats() == {"papers": 0, "pages": 0, "issues": 0, "articles": 0, "tags": 0, "notes": 0,
                               "highlights": 0, "sources": 0, "failed": 0}
    assert library.generation() == 0
    result = library.imports.import_page("/p.txt", sha("p"), 1, sample_page(), 1)
    library.imports.record_failure("/bad.txt", sha("bad"), 1, "Bad.")
    article_id = library.articles.in_issue(result.issue_id)[0].id
    library.tags.add(article_id, ["甲"])
    library.notes.set(article_id, "乙")
    library.highlights.add(article_id, 0, 2)
    assert library.stats() == {"papers": 1, "pages": 1, "issues": 1, "articles": 3, "tags": 1, "notes": 1,
                               "highlights": 1, "sources": 1, "failed": 1}
    assert library.generation() == 5
    library.set_meta("seeded", "yes")
    assert library.generation() == 5, "meta values are not user content"
