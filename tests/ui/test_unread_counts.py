"""Unread counts on the archive tree's nodes (issue 19): bold with a count while a node has
unread articles, following M (read/unread) through `Changes`."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.app import reading
from reader.app.archive import node_key, page_key
from reader.ui import reading_commands
from reader.ui.list_delegate import CountRole, StrongRole
from tests.ui.conftest import expand_page, select_in_tree, settle


@pytest.fixture(autouse=True)
def _no_reading_timer(monkeypatch):
    monkeypatch.setattr(reading_commands, "READ_AFTER_MS", 3_600_000)  # only M marks


def _counts(window, keys):
    model = window.tree_model
    return [model.unread(model.index_of_key(key)) for key in keys]


def _path(window, article):
    issue = window.session.library.issues.get(article.issue_id)
    year = issue.date[:4] if issue.date else ""
    return [node_key("paper", issue.publication_id), node_key("year", issue.publication_id, year),
            node_key("issue", issue.id), page_key(article.page_id)]


def test_nodes_show_their_unread_articles_and_m_changes_them(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    model, library = window.tree_model, window.session.library
    article = library.articles.in_issue(library.issues.all()[0].id)[0]
    keys = _path(window, article)
    select_in_tree(qtbot, window, article)
    settle(qtbot, window)
    paper = model.index_of_key(keys[0])
    total = model.item(paper).article_count
    page_total = model.item(model.index_of_key(keys[-1])).article_count
    # nothing read yet: every node's unread count is its article count, bold
    assert _counts(window, keys)[0] == total and _counts(window, keys)[-1] == page_total
    assert paper.data(CountRole) == total and paper.data(StrongRole) is True

    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: _counts(window, keys)[-1] == page_total - 1, timeout=10000)
    assert _counts(window, keys)[0] == total - 1  # … and on the paper, year and issue
    assert reading.state(window.session, article.id).read

    qtbot.keyClick(window.pane, Qt.Key.Key_M)  # unread again
    qtbot.waitUntil(lambda: _counts(window, keys)[-1] == page_total, timeout=10000)
    assert _counts(window, keys)[0] == total


def test_a_page_read_to_the_end_is_no_longer_bold_and_has_no_count(qtbot, open_window,
                                                                   library_dir):
    window = open_window(library_dir)
    library = window.session.library
    article = library.articles.in_issue(library.issues.all()[0].id)[0]
    page = expand_page(qtbot, window, article.page_id)
    qtbot.waitUntil(lambda: page.data(StrongRole) is True, timeout=10000)
    ids = [a.id for a in library.articles.on_page(article.page_id)]
    window.ops.mutate(lambda session: reading.mark_read(session, ids), "mark")
    qtbot.waitUntil(lambda: page.data(StrongRole) is False, timeout=10000)
    assert page.data(CountRole) is None
    paper = page
    while paper.parent().isValid():
        paper = paper.parent()
    assert paper.data(StrongRole) is True  # the paper's other issues are still unread
    assert paper.data(CountRole) == window.tree_model.item(paper).article_count - len(ids)
