"""Editing paper, date and page fields as the user's data: grouping, re-import, undo, Changes."""

from __future__ import annotations

import pytest

from reader.app.display import page_label
from reader.errors import ReaderError
from reader.library.page_meta import PageEdit


def _pages_by_title(session):
    return {p.title: p for p in session.library.pages.all()}


def test_two_pages_given_one_paper_and_date_become_one_issue_and_undo_parts_them(session):
    pages = session.library.pages.all()
    first, second = pages[0], pages[1]
    issues_before = {p.id: p.issue_id for p in pages}
    changes = session.metadata.edit_pages(
        [first.id, second.id], PageEdit(paper="内蒙古日报", date="2024-01-05"))
    assert changes.structure and changes.metadata
    ids = {a.id for a in session.library.articles.in_issue(first.issue_id)} | {
        a.id for a in session.library.articles.in_issue(second.issue_id)}
    assert changes.article_ids == frozenset(ids)
    a, b = session.library.pages.get(first.id), session.library.pages.get(second.id)
    assert a.issue_id == b.issue_id
    assert a.user_fields == frozenset({"paper", "date"}) and (a.paper, a.date) == (
        "内蒙古日报", "2024-01-05")
    issue = session.library.issues.get(a.issue_id)
    assert (issue.paper, issue.paper_known, issue.date, issue.date_source, issue.page_count) == (
        "内蒙古日报", True, "2024-01-05", "user", 2)
    named = [page_label(p.number, p.name) or p.title for p in (first, second)]
    assert session.annotations.history.undo_text == f"修改版面 {'、'.join(named)}"
    undone = session.annotations.undo()
    assert undone.changes == changes
    after = {p.id: p.issue_id for p in session.library.pages.all()}
    assert after[first.id] != after[second.id]
    assert session.library.pages.get(first.id).user_fields == frozenset()
    assert all(p.name != "内蒙古日报" for p in session.library.publications.all())
    assert len(set(after.values())) == len(set(issues_before.values()))


def test_edits_survive_a_reparse_and_show_as_the_users(session):
    page = session.library.pages.all()[0]
    session.metadata.edit_pages([page.id], PageEdit(number=3, name="党建", edition="海外版"))
    results = session.import_paths([page.source_path], reparse=True)
    assert [r.status for r in results] == ["updated"]
    again = session.library.pages.get(page.id)
    assert (again.number, again.name, again.edition) == (3, "党建", "海外版")
    assert again.user_fields == frozenset({"number", "name", "edition"})
    # None gives the parser's value back.
    session.metadata.edit_pages([page.id], PageEdit(number=None))
    assert session.library.pages.get(page.id).number is None
    assert session.library.pages.get(page.id).user_fields == frozenset({"name", "edition"})


def test_an_issue_edit_sets_every_page_and_keeps_the_issue_id(session):
    issue = session.library.issues.all()[0]
    changes = session.metadata.edit_issue(issue.id, PageEdit(date="2021-01-18"))
    assert not changes.empty
    edited = session.library.issues.get(issue.id)
    assert (edited.date, edited.date_precision, edited.date_source) == (
        "2021-01-18", "day", "user")
    assert session.annotations.history.undo_text == f"修改这一期 {issue.paper} {issue.date}"
    session.annotations.undo()
    assert session.library.issues.get(issue.id).date == issue.date
    session.annotations.redo()
    assert session.library.issues.get(issue.id).date == "2021-01-18"


def test_renaming_a_paper_names_its_pages_and_onto_another_merges(session):
    papers = {p.name: p for p in session.library.publications.all()}
    xianfeng = papers["先锋"]
    renamed = session.metadata.rename_paper(xianfeng.id, "内蒙古日报")
    assert (renamed.publication_id, renamed.name, renamed.merged) == (
        xianfeng.id, "内蒙古日报", False)  # renamed in place: same id
    paper = session.library.publications.get(xianfeng.id)
    assert (paper.name, paper.user_set, paper.placeholder) == ("内蒙古日报", True, False)
    other = next(p for p in session.library.publications.all() if p.id != xianfeng.id)
    merged = session.metadata.rename_paper(other.id, "内蒙古日报")
    assert merged.merged and merged.publication_id == xianfeng.id
    assert session.library.publications.get(xianfeng.id).issue_count == (
        paper.issue_count + other.issue_count)
    assert session.annotations.history.undo_text == f"合并报纸 {other.name} → 内蒙古日报"
    session.annotations.undo()
    names = {p.name for p in session.library.publications.all()}
    assert {other.name, "内蒙古日报"} <= names
    session.annotations.undo()
    assert "先锋" in {p.name for p in session.library.publications.all()}


def test_bad_edits_are_one_sentence_and_change_nothing(session):
    page = session.library.pages.all()[0]
    generation = session.library.generation()
    with pytest.raises(ReaderError, match="is not a date"):
        session.metadata.edit_pages([page.id], PageEdit(date="2024-13-01"))
    with pytest.raises(ReaderError, match="No page with id 999"):
        session.metadata.edit_pages([page.id, 999], PageEdit(name="x"))
    with pytest.raises(ReaderError, match="is not a page number"):
        session.metadata.edit_pages([page.id], PageEdit(number=0))
    with pytest.raises(ReaderError, match="No issue with id 999"):
        session.metadata.edit_issue(999, PageEdit(paper="x"))
    with pytest.raises(ReaderError, match="needs a name"):
        session.metadata.rename_paper(session.library.publications.all()[0].id, "  ")
    with pytest.raises(ReaderError, match="Nothing to change"):
        session.metadata.edit_pages([page.id], PageEdit())
    assert session.library.generation() == generation
    assert not session.annotations.history.can_undo
