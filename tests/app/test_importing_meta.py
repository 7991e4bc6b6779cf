"""Importing with page metadata: the user's fields, a page.json sidecar, and the worker pool."""

from __future__ import annotations

import json

import pytest

from reader.app import Session
from reader.app.importing import POOL_THRESHOLD, import_files
from reader.errors import ReaderError
from reader.models import PageMeta
from reader.paths import resolve_paths

BODY = (
    "{title}\n\n本报记者  张  洋\n\n"
    "2023年以来，各地把基层治理放在突出位置。记者近日在多地采访看到，网格员走村入户，第{n}篇。\n"
)


def write_pages(folder, count: int, names=None) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / (names[n] if names else f"page-{n:02d}.txt")
        path.write_text(BODY.format(title=f"基层治理见闻之{n + 1}", n=n + 1), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def empty_session(tmp_path):
    with Session.open(resolve_paths(tmp_path / "lib"), fill_from_seeds=False) as session:
        yield session


def test_the_users_fields_reach_pages_parsed_in_worker_processes(empty_session, tmp_path):
    folder = tmp_path / "batch"
    write_pages(folder, POOL_THRESHOLD)
    given = PageMeta(paper="人民日报", date="2025-01-07", page_name="党建")
    results = import_files(empty_session.library, [folder], workers=2, given=given)
    assert [r.status for r in results] == ["imported"] * POOL_THRESHOLD
    pages = empty_session.library.pages.all()
    assert {(p.paper, p.date, p.date_source, p.page_name) for p in pages} == {
        ("人民日报", "2025-01-07", "user", "党建")}
    # One paper, one given date: the pages are one issue.
    [issue] = empty_session.library.issues.all()
    assert (issue.paper, issue.page_count) == ("人民日报", POOL_THRESHOLD)


def test_a_sidecar_names_the_paper_and_each_files_page(empty_session, tmp_path):
    folder = tmp_path / "人民日报-2025"
    write_pages(folder, 2, names=["a.txt", "b.txt"])
    (folder / "page.json").write_text(json.dumps({
        "paper": "人民日报", "date": "2025-01-07",
        "files": {"a.txt": {"page_number": 1, "page_name": "要闻"},
                  "b.txt": {"page_number": "2", "page_name": "评论"}},
    }, ensure_ascii=False), encoding="utf-8")
    results = empty_session.import_paths([folder])
    assert [r.status for r in results] == ["imported", "imported"]  # page.json is not a page
    issues = sorted(empty_session.library.pages.all(), key=lambda i: i.page_number)
    assert [(i.paper, i.page_number, i.page_name, i.date, i.date_source) for i in issues] == [
        ("人民日报", 1, "要闻", "2025-01-07", "sidecar"),
        ("人民日报", 2, "评论", "2025-01-07", "sidecar")]
    assert [i.title for i in issues] == ["人民日报 第1版 要闻 · 2025-01-07",
                                         "人民日报 第2版 评论 · 2025-01-07"]
    # Two files of one paper and date: one issue of two pages.
    [issue] = empty_session.library.issues.all()
    assert (issue.title, issue.page_count, issue.article_count) == (
        "人民日报 · 2025-01-07", 2, sum(r.articles for r in results))


def test_a_broken_sidecar_fails_its_files_with_one_sentence(empty_session, tmp_path):
    folder = tmp_path / "pages"
    write_pages(folder, 1)
    (folder / "page.json").write_text("{oops", encoding="utf-8")
    [result] = empty_session.import_paths([folder])
    assert result.status == "failed"
    assert "page.json: it is not valid JSON" in result.message


def test_a_page_number_is_refused_for_a_batch(empty_session, tmp_path):
    folder = tmp_path / "pages"
    write_pages(folder, 2)
    with pytest.raises(ReaderError, match="A page number names one page"):
        empty_session.import_paths([folder], given=PageMeta(page_number=3))
    assert empty_session.library.issues.all() == []


def test_fields_given_for_an_imported_file_update_it_without_a_reparse(empty_session, tmp_path):
    [path] = write_pages(tmp_path / "pages", 1, names=["rmrb_20250107_p19.txt"])
    [first] = empty_session.import_paths([path])
    issue = empty_session.library.pages.get(first.page_id)
    assert (issue.paper, issue.date, issue.page_number, issue.date_source) == (
        "人民日报", "2025-01-07", 19, "filename")
    [again] = empty_session.import_paths([path], given=PageMeta(date="2025-01-08"))
    assert (again.status, again.page_id, again.articles) == ("updated", first.page_id, 1)
    assert again.issue_id == first.issue_id  # alone in its issue: the issue moves with it
    issue = empty_session.library.pages.get(first.page_id)
    assert (issue.date, issue.date_source) == ("2025-01-08", "user")
    # Nothing new given: nothing changes.
    [same] = empty_session.import_paths([path], given=PageMeta(date="2025-01-08"))
    assert same.status == "already imported"
