"""import_page: new pages, idempotence, the five seeds, edited files, failures and retries."""

from __future__ import annotations

import dataclasses

from reader.ingest import parse_page, read_page
from reader.library.importing import issue_title

from .conftest import SEEDS, counts, import_seed, page, sample_page, sha


def test_new_page_is_imported(library):
    result = library.imports.import_page("/pages/p1.txt", sha("p1"), 100, sample_page(), 1)
    assert result.status == "imported"
    assert result.articles == 3
    issue = library.issues.get(result.issue_id)
    assert issue.title == "先锋 · 2024-01"
    assert library.pages.get(result.page_id).source_path == "/pages/p1.txt"
    assert issue.paper == "先锋" and not issue.paper_known  # named by its page until the user says
    assert (issue.date, issue.date_precision, issue.date_overridden) == ("2024-01", "month", False)
    articles = library.articles.in_issue(result.issue_id)
    assert [a.kind for a in articles] == ["article", "commentary", "briefs"]
    assert [a.position for a in articles] == [0, 1, 2]
    first = articles[0]
    assert first.column == "视点"
    assert [(a.role, a.name) for a in first.authors] == [("本报记者", "皇甫美鲜"), ("实习生", "郭羽")]
    assert first.issue_title == "先锋 · 2024-01"
    briefs = articles[2]
    assert briefs.entries[0].source == "阿拉善盟委组织部"
    assert briefs.text == "阿拉善盟人才公寓正式揭牌。\n包头市开展党员志愿服务活动。"
    stored = library.db.execute("SELECT text FROM articles WHERE id = ?", [first.id]).fetchone()
    assert stored[0] == first.text


def test_same_bytes_twice_changes_nothing(library):
    first = library.imports.import_page("/pages/p1.txt", sha("p1"), 100, sample_page(), 1)
    before, generation = counts(library), library.generation()
    again = library.imports.import_page("/pages/p1.txt", sha("p1"), 100, sample_page(), 1)
    assert again.status == "already imported"
    assert again.issue_id == first.issue_id
    assert counts(library) == before
    assert library.generation() == generation


def test_same_bytes_at_another_path_is_already_imported(library):
    library.imports.import_page("/pages/p1.txt", sha("p1"), 100, sample_page(), 1)
    again = library.imports.import_page("/copies/p1.txt", sha("p1"), 100, sample_page(), 1)
    assert again.status == "already imported"
    assert library.stats()["issues"] == 1


def test_import_all_five_seeds(library):
    results = [import_seed(library, path) for path in SEEDS]
    assert [r.status for r in results] == ["imported"] * 5
    assert library.stats()["issues"] == 5 and library.stats()["sources"] == 5
    for path, result in zip(SEEDS, results, strict=True):
        parsed = parse_page(read_page(path), source=path.name)
        issue = library.issues.get(result.issue_id)
        articles = library.articles.in_issue(result.issue_id)
        assert issue.article_count == len(parsed.items) == len(articles) == result.articles
        assert [a.title for a in articles] == [i.title for i in parsed.items]
        assert [a.text for a in articles] == [i.body_text for i in parsed.items]
        first_title = next(item.title for item in parsed.items if item.title)
        # Stored without the date; shown with the date from its own column.
        stored = issue_title(parsed.page_name, path.name, first_title)
        assert issue.title == (f"{stored} · {issue.date}" if issue.date else stored)
        assert library.db.execute("SELECT title FROM pages WHERE id = ?",
                                  [result.page_id]).fetchone()[0] == stored
    titles = [i.title for i in library.issues.all()]
    assert titles[-2:] == ["先锋 · 2024-01", "先锋 · 2025-01"]
    assert titles[0] == "破解机关党建“灯下黑”等 · 2021-01"
    assert library.stats()["articles"] == sum(r.articles for r in results)
    assert [import_seed(library, p).status for p in SEEDS] == ["already imported"] * 5


def test_issue_title_falls_back_to_the_file_stem():
    assert issue_title("先锋", "a.txt") == "先锋"
    assert issue_title(None, "001_abc.txt") == "001_abc"
    assert issue_title(None, "001_abc.txt", "破解“灯下黑”") == "破解“灯下黑”等"
    assert issue_title("先锋", "001_abc.txt", "破解“灯下黑”") == "先锋"


def test_a_newer_parser_updates_in_place(library):
    first = library.imports.import_page("/p.txt", sha("p"), 100, sample_page(), 1)
    ids = [a.id for a in library.articles.in_issue(first.issue_id)]
    again = library.imports.import_page("/p.txt", sha("p"), 100, sample_page(), 2)
    assert again.status == "updated" and again.issue_id == first.issue_id
    assert [a.id for a in library.articles.in_issue(first.issue_id)] == ids
    assert library.sources.by_sha(sha("p"))["parser_version"] == 2
    # An older parser does not overwrite the newer one's work.
    assert library.imports.import_page("/p.txt", sha("p"), 100, sample_page(), 1).status == (
        "already imported"
    )


def test_reparse_updates_even_with_the_same_parser(library):
    first = library.imports.import_page("/p.txt", sha("p"), 100, sample_page(), 1)
    generation = library.generation()
    again = library.imports.import_page("/p.txt", sha("p"), 100, sample_page(), 1, reparse=True)
    assert again.status == "updated" and again.issue_id == first.issue_id
    assert library.generation() > generation


def test_an_edited_file_updates_its_issue(library):
    first = library.imports.import_page("/p.txt", sha("v1"), 100, sample_page(), 1)
    article = library.articles.in_issue(first.issue_id)[0]
    library.tags.add(article.id, ["重要"])
    edited = sample_page()
    edited = dataclasses.replace(edited, items=edited.items[:2])
    result = library.imports.import_page("/p.txt", sha("v2"), 90, edited, 1)
    assert result.status == "updated" and result.issue_id == first.issue_id
    assert library.stats()["sources"] == 1 and library.stats()["issues"] == 1
    assert library.sources.by_sha(sha("v1")) is None
    assert library.sources.by_sha(sha("v2"))["size"] == 90
    assert library.articles.get(article.id).tags == ("重要",)
    assert len(library.articles.in_issue(first.issue_id)) == 2


def test_source_by_sha_row(library):
    assert library.sources.by_sha("nope") is None
    result = library.imports.import_page("/p.txt", sha("p"), 100, sample_page(), 1, encoding="gb18030")
    row = library.sources.by_sha(sha("p"))
    assert row["status"] == "imported" and row["issue_id"] == result.issue_id
    assert row["name"] == "p.txt" and row["encoding"] == "gb18030"
    assert row["error"] is None


def test_a_failure_is_remembered_and_a_retry_works(library):
    failed = library.imports.record_failure("/bad.txt", sha("bad"), 5, "Cannot read /bad.txt: binary.")
    assert failed.status == "failed" and failed.message == "Cannot read /bad.txt: binary."
    row = library.sources.by_sha(sha("bad"))
    assert row["status"] == "failed" and row["error"] == failed.message
    assert library.stats()["failed"] == 1 and library.stats()["issues"] == 0
    # Failing again updates the same record.
    library.imports.record_failure("/bad.txt", sha("bad"), 5, "Still broken.")
    assert library.stats()["failed"] == 1
    retried = library.imports.import_page("/bad.txt", sha("bad"), 5, sample_page(), 2)
    assert retried.status == "imported"
    assert library.stats()["failed"] == 0 and library.stats()["sources"] == 1
    assert library.sources.by_sha(sha("bad"))["error"] is None


def test_a_failed_edit_keeps_the_imported_issue(library):
    first = library.imports.import_page("/p.txt", sha("v1"), 100, sample_page(), 1)
    library.imports.record_failure("/p.txt", sha("v2"), 7, "Cannot read /p.txt: binary.")
    assert library.stats()["issues"] == 1 and library.stats()["failed"] == 1
    fixed = library.imports.import_page("/p.txt", sha("v3"), 100, sample_page(), 1)
    assert fixed.status == "updated" and fixed.issue_id == first.issue_id
    assert library.stats()["failed"] == 0


def test_a_failure_of_imported_content_keeps_its_issue(library):
    first = library.imports.import_page("/p.txt", sha("p"), 100, sample_page(), 1)
    result = library.imports.record_failure("/p.txt", sha("p"), 100, "The new parser choked.")
    assert result.issue_id == first.issue_id
    row = library.sources.by_sha(sha("p"))
    assert row["status"] == "imported" and row["error"] == "The new parser choked."


def test_an_undated_page_without_a_name(library):
    result = library.imports.import_page("/x/0042.txt", sha("x"), 1, page(page_name=None, date=None), 1)
    issue = library.issues.get(result.issue_id)
    assert issue.title == "0042"
    assert (issue.date, issue.date_precision) == (None, "unknown")
    assert library.articles.in_issue(result.issue_id) == []
