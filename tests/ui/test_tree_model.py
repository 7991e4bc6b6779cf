"""The archive tree model: 报纸 → 年 → 日期 → 版 → 文章, lazy levels, labels, sorting, Qt's contract."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from reader.app import Session
from reader.app.archive import ArchiveSource, article_rows, page_key
from reader.paths import resolve_paths
from reader.ui.tree_model import (
    COUNT_COLUMN,
    DATE_COLUMN,
    PAGE_COLUMN,
    TAGS_COLUMN,
    TITLE_COLUMN,
    ArticleIdRole,
    IssueTreeModel,
)


@pytest.fixture
def session(papers_dir):
    with Session.open(resolve_paths(papers_dir)) as session:
        yield session


def model_of(session) -> IssueTreeModel:
    """A model whose requests are answered at once (the window answers on its worker)."""
    source = ArchiveSource()
    model = IssueTreeModel()
    model.request_children = lambda key: model.add_children(key, source.children(session, key))
    model.set_roots(source.children(session, None))
    return model


def titles(model, parent: QModelIndex | None = None) -> list[str]:
    parent = QModelIndex() if parent is None else parent
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def child(model, parent, starts: str) -> QModelIndex:
    """The child row whose title starts with `starts`, its children read."""
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data().startswith(starts):
            model.fetchMore(index)
            return index
    raise AssertionError(f"no row {starts!r} under {parent.data()!r}: {titles(model, parent)}")


def test_model_contract_at_every_level(qtmodeltester, session):
    model = model_of(session)
    qtmodeltester.check(model)
    paper = child(model, QModelIndex(), "人民日报")
    year = child(model, paper, "2025年")
    issue = child(model, year, "1月7日")
    child(model, issue, "第5版")
    qtmodeltester.check(model)


def test_paper_year_date_page_article_with_counts(session):
    model = model_of(session)
    # named papers first, then those a page's name stands in for, then the unnamed
    assert titles(model) == ["人民日报（2期）", "新华每日电讯（1期）", "桂林日报（1期）", "先锋（2期）",
                             "报纸不详（3期）"]
    paper = child(model, QModelIndex(), "人民日报")
    assert model.data(paper.siblingAtColumn(COUNT_COLUMN)) == str(
        sum(len(session.library.articles.in_issue(i.id))
            for i in session.library.issues.of_paper(model.item(paper).record_id)))
    year = child(model, paper, "2025年")
    assert titles(model, year) == ["1月7日 周二（4版）", "7月15日 周二（1版）"]
    issue = child(model, year, "1月7日")
    # Four page files of one paper and date are one issue, in page order.
    assert [t.split(" ")[0] for t in titles(model, issue)] == ["第5版", "第10版", "第11版", "第20版"]
    page = child(model, issue, "第5版")
    page_id = model.item(page).record_id
    articles = session.library.articles.on_page(page_id)
    assert model.rowCount(page) == len(articles) > 1
    first = model.index(0, 0, page)
    assert (articles[0].title or "") in first.data()
    assert model.data(first, ArticleIdRole) == articles[0].id
    assert model.parent(first) == page
    assert model.parent(paper) == QModelIndex()
    assert model.data(page.siblingAtColumn(PAGE_COLUMN)) == "5"


def test_an_inferred_date_says_about_and_a_given_one_does_not(session):
    model = model_of(session)
    seeds = child(model, QModelIndex(), "先锋")
    year = child(model, seeds, "2024年")
    assert titles(model, year) == ["约2024年1月（1版）"]
    paper = child(model, QModelIndex(), "人民日报")
    assert not any("约" in t for t in titles(model, child(model, paper, "2025年")))


def test_each_level_is_read_only_when_opened(session):
    model = model_of(session)
    asked = []
    answer = model.request_children
    model.request_children = lambda key: (asked.append(key), answer(key))
    paper = model.index(0, 0)
    assert model.hasChildren(paper) and model.rowCount(paper) == 0 and model.canFetchMore(paper)
    assert asked == []
    model.fetchMore(paper)
    assert len(asked) == 1 and model.rowCount(paper) > 0
    assert not model.canFetchMore(paper)


def test_sorting_by_date_reverses_issues_and_a_third_click_restores_the_archive_order(session):
    model = model_of(session)
    paper = child(model, QModelIndex(), "人民日报")
    year = child(model, paper, "2025年")
    issue = child(model, year, "1月7日")
    page = child(model, issue, "第5版")
    in_order = titles(model, year)
    articles = titles(model, page)
    model.sort(DATE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert titles(model, year) == in_order[::-1]
    assert titles(model, page) == articles  # the date says nothing about a page's articles
    model.sort(PAGE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert titles(model, issue)[0].startswith("第20版")
    model.sort(TITLE_COLUMN, Qt.SortOrder.AscendingOrder)
    assert titles(model, page) == sorted(articles, key=lambda t: t.split("〕", 1)[1])
    model.sort(-1)
    assert titles(model, year) == in_order and titles(model, page) == articles


def test_children_arriving_after_a_sort_come_sorted(session):
    model = model_of(session)
    model.sort(PAGE_COLUMN, Qt.SortOrder.DescendingOrder)
    paper = child(model, QModelIndex(), "人民日报")
    issue = child(model, child(model, paper, "2025年"), "1月7日")
    assert [t.split(" ")[0] for t in titles(model, issue)] == ["第20版", "第11版", "第10版", "第5版"]


def test_a_level_that_cannot_be_read_says_so_not_an_error(session):
    model = model_of(session)
    model.request_children = lambda key: model.children_failed(key)
    parent = model.index(0, 0)
    model.fetchMore(parent)
    assert model.rowCount(parent) == 0
    assert model.data(model.index(0, COUNT_COLUMN)) == "（无法读取）"
    assert not model.canFetchMore(parent)  # not asked again and again while drawn


def test_requests_wait_while_a_long_change_runs(session):
    model = model_of(session)
    asked = []
    model.request_children = asked.append
    model.set_blocked(True)
    model.fetchMore(model.index(0, 0))
    assert asked == []
    model.set_blocked(False)
    assert asked == [model.node_key(model.index(0, 0))]


def test_a_tag_change_redraws_only_the_tag_cells_of_the_rows_touched(session, qtbot):
    model = model_of(session)
    paper = child(model, QModelIndex(), "人民日报")
    page = child(model, child(model, child(model, paper, "2025年"), "1月7日"), "第5版")
    first = model.article_id(model.index(0, 0, page))
    session.annotations.tag([first], ["专题"])
    changed = []
    model.dataChanged.connect(lambda top, bottom: changed.append(
        (top.row(), top.column(), bottom.row(), bottom.column())))
    model.apply_rows(article_rows(session, [first]))
    assert changed == [(0, TAGS_COLUMN, 0, TAGS_COLUMN)]
    assert model.data(model.index(0, TAGS_COLUMN, page)) == "专题"


def test_a_page_found_by_key_and_its_path(session):
    source = ArchiveSource()
    page_id = session.library.articles.get(session.library.articles.ids()[0]).page_id
    path = source.path_to_page(session, page_id)
    assert [k.split("\u241f")[0] for k in path] == ["paper", "year", "issue", "page"]
    assert path[-1] == page_key(page_id)
