"""The issue tree model: lazy article rows, labels, and Qt's model contract."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from reader.app import Session, browsing
from reader.paths import resolve_paths
from reader.ui.tree_model import ArticleIdRole, IssueTreeModel, issue_label


@pytest.fixture
def session(library_dir):
    with Session.open(resolve_paths(library_dir)) as session:
        yield session


@pytest.fixture
def library(session):
    return session.library


def model_of(session) -> IssueTreeModel:
    """A model whose row requests are answered at once (the window answers on its worker)."""
    model = IssueTreeModel()
    model.request_rows = lambda issue_id: model.add_rows(
        issue_id, browsing.issue_rows(session, issue_id))
    model.set_issues(browsing.issue_list(session))
    return model


def test_model_contract_before_and_after_fetching(qtmodeltester, session):
    model = model_of(session)
    qtmodeltester.check(model)
    for row in range(model.rowCount()):
        model.fetchMore(model.index(row, 0))
    qtmodeltester.check(model)


def test_articles_are_fetched_only_when_an_issue_is_expanded(session):
    model = model_of(session)
    issue = model.index(0, 0)
    assert model.hasChildren(issue)
    assert model.rowCount(issue) == 0
    assert model.canFetchMore(issue)
    model.fetchMore(issue)
    assert not model.canFetchMore(issue)
    assert model.rowCount(issue) == model.issue_at(0).article_count


def test_rows_show_date_in_words_count_kind_and_column(session, library):
    model = model_of(session)
    issues = library.issues.all()
    row = next(i for i, issue in enumerate(issues) if issue.date == "2024-01")
    issue_index = model.index(row, 0)
    assert model.data(issue_index) == "先锋 · 约2024年1月"
    assert model.data(model.index(row, 1)) == f"{issues[row].article_count}篇"
    model.fetchMore(issue_index)
    articles = library.articles.in_issue(issues[row].id)
    first = model.index(0, 0, issue_index)
    title = articles[0].title or "(无标题)"
    assert model.data(first).startswith("〔")
    assert title in model.data(first)
    assert model.data(first.siblingAtColumn(1)) == (articles[0].column or "")
    assert model.data(first, ArticleIdRole) == articles[0].id
    assert model.parent(first) == issue_index
    assert model.parent(issue_index) == QModelIndex()


def test_untitled_articles_show_their_first_words(session, library):
    model = model_of(session)
    for row, issue in enumerate(library.issues.all()):
        parent = model.index(row, 0)
        model.fetchMore(parent)
        for position, article in enumerate(library.articles.in_issue(issue.id)):
            if not article.title and article.paragraphs:
                text = model.data(model.index(position, 0, parent))
                assert "(无标题)" in text and article.paragraphs[0][:4] in text
                return
    pytest.skip("the seeds have no untitled article with paragraphs")


def test_issue_label_strips_a_repeated_date():
    from reader.models import IssueRecord

    issue = IssueRecord(1, 1, "001", "001 · 2021-01", "2021-01", "month", "inferred", None, 1, 3,
                        paper_known=False)
    assert issue_label(issue) == "001 · 约2021年1月"


def test_an_issue_whose_rows_cannot_be_read_says_so_not_an_error(session):
    model = model_of(session)
    model.request_rows = lambda issue_id: model.rows_failed(issue_id)
    parent = model.index(0, 0)
    model.fetchMore(parent)
    assert model.rowCount(parent) == 0
    assert model.data(model.index(0, 1)) == "（无法读取）"
    assert not model.canFetchMore(parent)  # not asked again and again while drawn


def test_requests_wait_while_a_long_change_runs(session):
    model = model_of(session)
    asked = []
    model.request_rows = asked.append
    model.set_blocked(True)
    model.fetchMore(model.index(0, 0))
    assert asked == []
    model.set_blocked(False)
    assert asked == [model.issue_at(0).id]


def test_a_tag_change_redraws_only_the_tag_cells_of_the_rows_touched(session, qtbot):
    model = model_of(session)
    parent = model.index(0, 0)
    model.fetchMore(parent)
    first = model.article_id(model.index(0, 0, parent))
    session.annotations.tag([first], ["专题"])
    changed = []
    model.dataChanged.connect(lambda top, bottom: changed.append(
        (top.row(), top.column(), bottom.row(), bottom.column())))
    model.apply_rows(browsing.rows_of(session, [first]))
    assert changed == [(0, 2, 0, 2)]
    assert model.data(model.index(0, 2, parent)) == "专题"
