"""What the reader has selected, for the commands that act on a selection (tag, export).

The navigator decides: on the results page, the rows picked there (for
export, all of the query's results when one row or none is picked); on the
标签 and 作者 tabs, the articles picked below the chosen tag or author (for
export, all of them); on the 批注 tab, every annotated article; in the tree, the selected rows (an issue row stands for its
articles).  With nothing selected, the article in the pane.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.app.exporting import resolve_selection


def _tr(text: str) -> str:
    return QCoreApplication.translate("Selection", text)


def _tree_ids(window) -> tuple[list[int], list[int]]:
    """(article ids, issue rows) selected in the tree, articles of issue rows included."""
    ids: list[int] = []
    issue_rows: list[int] = []
    for index in window.tree.selectionModel().selectedRows():
        article_id = window.tree_model.article_id(index)
        if article_id is not None:
            ids.append(article_id)
        else:
            issue_rows.append(index.row())
            issue = window.tree_model.issue_at(index.row())
            ids.extend(a.id for a in window.session.library.articles.in_issue(issue.id))
    return ids, issue_rows


def _current(window) -> list[int]:
    return [window.panel.article.id] if window.panel.article is not None else []


def selected_article_ids(window) -> list[int]:
    """The articles a command like 加标签 acts on, each once, in the order shown."""
    from reader.ui.window import AUTHORS_TAB, ISSUES_TAB, RESULTS_PAGE, TAGS_TAB

    if window.session is None:
        return []
    ids: list[int] = []
    if window.navigator.currentIndex() == RESULTS_PAGE:
        rows = sorted(i.row() for i in window.results.selectionModel().selectedRows())
        ids = [window.results_model.hit(row).id for row in rows]
    elif window.browse_tabs.currentIndex() == ISSUES_TAB:
        ids = _tree_ids(window)[0]
    elif window.browse_tabs.currentIndex() in (TAGS_TAB, AUTHORS_TAB):
        view = window.tags_view if window.browse_tabs.currentIndex() == TAGS_TAB \
            else window.authors_view
        ids = view.articles.selected_ids()
    return list(dict.fromkeys(ids or _current(window)))


def export_target(window) -> tuple[list[int], str]:
    """(article ids, a title for the dialog) that Export… offers to write."""
    from reader.ui.window import AUTHORS_TAB, ISSUES_TAB, NOTES_TAB, RESULTS_PAGE, TAGS_TAB

    session = window.session
    if window.navigator.currentIndex() == RESULTS_PAGE and window.results_model.outcome:
        rows = window.results.selectionModel().selectedRows()
        if len(rows) > 1:
            ids = [window.results_model.hit(r).id for r in sorted(i.row() for i in rows)]
            return ids, _tr("所选的 {} 条搜索结果").format(len(ids))
        query = window.results_model.outcome.query
        return resolve_selection(session, query=query).ids, _tr("搜索“{}”").format(query)
    tab = window.browse_tabs.currentIndex()
    if tab == TAGS_TAB and window.tags_view.current_tag:
        tag = window.tags_view.current_tag
        return window.tags_view.article_ids(), _tr("标签“{}”").format(tag)
    if tab == AUTHORS_TAB and window.authors_view.current_author:
        name = window.authors_view.current_author
        return window.authors_view.article_ids(), _tr("作者“{}”").format(name)
    if tab == NOTES_TAB and window.notes_view.article_ids():
        return window.notes_view.article_ids(), _tr("批注过的文章")
    if tab == ISSUES_TAB:
        ids, issue_rows = _tree_ids(window)
        ids = list(dict.fromkeys(ids))
        issue = window.tree_model.issue_at(issue_rows[0]) if len(issue_rows) == 1 else None
        if issue is not None and len(ids) == issue.article_count:
            return ids, issue.title
        if len(ids) > 1:
            return ids, _tr("所选的 {} 篇文章").format(len(ids))
    current = _current(window)
    if current:
        return current, window.panel.article.title or _tr("当前文章")
    return [], ""


__all__ = ["export_target", "selected_article_ids"]
