"""The window agrees with itself: one state for the open article, the query and the tree.

Each test drives the window like a user and checks one defect a new user met
(issue 12): stale hits after a new search, a tree that did not follow the
article on screen, an import that folded the tree and left old text in the
pane, results that wanted a double click, ↓ in the search field, and a restart
that forgot where the reader was.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from reader.app.archive import page_key
from reader.ui.window import AUTHORS_TAB, RESULTS_PAGE, TREE_PAGE
from tests.ui.conftest import expand_issue, expand_page, page_order, settle, type_text


def _search(qtbot, window, text: str) -> None:
    window.search_bar.setFocus()
    window.search_bar.selectAll()
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        type_text(window.search_bar, text)
    assert window.navigator.currentIndex() == RESULTS_PAGE


def _expand(qtbot, window, row: int):
    """Open the `row`-th page (archive order) and its articles."""
    return expand_issue(qtbot, window, row)


def _activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


# -- 1. a new query re-marks the open article -------------------------------------------------


def test_a_new_search_re_marks_the_open_article(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    _search(qtbot, window, "网格")
    with qtbot.waitSignal(window.article_shown):
        qtbot.keyClick(window.search_bar, Qt.Key.Key_Return)
    article = window.pane.article
    assert window.pane.hit_count >= 1
    # A word other articles have and this one does not: nothing to mark here any more.
    absent = next(word for word in ("嘎查", "党费", "业委会", "志愿者", "村")
                  if word not in window.pane.toPlainText()
                  and window.session.search(word).hits)
    _search(qtbot, window, absent)
    settle(qtbot, window)
    assert window.pane.article.id == article.id  # the article stays open …
    assert window.pane.hit_count == 0  # … without the old query's marks
    assert window.hit_label.text() == ""
    window.next_hit_action.trigger()  # F3 has nothing to step through
    assert window.pane.current_hit == 0
    assert window.pane.textCursor().selectedText() == ""
    # A word the open article has: its hits are the ones F3 steps through now.
    present = next(p for p in article.paragraphs if len(p) > 4)[:2]
    _search(qtbot, window, present)
    settle(qtbot, window)
    assert window.pane.hit_count == window.pane.toPlainText().count(present)
    window.next_hit_action.trigger()
    assert window.pane.textCursor().selectedText() == present


# -- 2. the tree follows the article on screen ---------------------------------------------------


def test_the_tree_follows_an_article_opened_from_the_results_and_j_steps_from_it(
        open_window, library_dir, qtbot):
    window = open_window(library_dir)
    _search(qtbot, window, "网格员")
    hit = window.results_model.hit(1)
    with qtbot.waitSignal(window.article_shown):
        window.results.setCurrentIndex(window.results_model.index(1))
        qtbot.keyClick(window.results, Qt.Key.Key_Return)
    assert window.pane.article.id == hit.id
    qtbot.keyClick(window.search_bar, Qt.Key.Key_Escape)  # back to the tree
    assert window.navigator.currentIndex() == TREE_PAGE
    model = window.tree_model
    qtbot.waitUntil(lambda: model.article_id(window.tree.currentIndex()) == hit.id,
                    timeout=10000)
    siblings = [a.id for a in window.session.library.articles.in_issue(window.pane.article.issue_id)]
    after = siblings[siblings.index(hit.id) + 1] if hit.id != siblings[-1] else None
    window.tree.setFocus()
    if after is not None:
        with qtbot.waitSignal(window.article_shown) as shown:
            qtbot.keyClick(window.tree, Qt.Key.Key_J)
        assert shown.args == [after]
        with qtbot.waitSignal(window.article_shown) as shown:
            qtbot.keyClick(window.tree, Qt.Key.Key_K)
        assert shown.args == [hit.id]


def test_the_tree_follows_an_article_opened_from_the_authors_view(open_window, library_dir,
                                                                   qtbot):
    window = open_window(library_dir)
    window.show_browse_tab(AUTHORS_TAB)
    view = window.authors_view
    qtbot.waitUntil(lambda: view.author_list.count() > 0, timeout=10000)
    view.author_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: view.articles.count() > 0, timeout=10000)
    item = view.articles.item(view.articles.count() - 1)
    with qtbot.waitSignal(window.article_shown) as shown:
        qtbot.mouseClick(view.articles.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.articles.visualItemRect(item).center())
    opened = shown.args[0]
    window.show_browse_tab(0)
    qtbot.waitUntil(lambda: window.tree_model.article_id(window.tree.currentIndex()) == opened,
                    timeout=10000)


# -- 3. an import keeps the tree and the pane re-reads a changed article ----------------------------


PAGE = "测试版\n\n第一篇的标题\n\n{first}这一段写得足够长，像报纸上的一段正文那样。\n\n" \
       "第二段也写得足够长，让这篇文章像一篇真正的文章。\n"


def test_an_import_keeps_the_tree_and_the_pane_shows_the_new_text(open_window, library_dir,
                                                                 qtbot, tmp_path):
    window = open_window(library_dir)
    page = tmp_path / "page.txt"
    page.write_text(PAGE.format(first="旧的开头："), encoding="utf-8")
    window.choose_files = lambda: [str(page)]
    window.show_import_report = lambda results: None
    with qtbot.waitSignal(window.import_finished, timeout=30000) as done:
        window.import_action.trigger()
    settle(qtbot, window)
    issue_id = done.args[0][0].issue_id
    model = window.tree_model
    other = next(p for p in page_order(window) if p != issue_id)
    expand_page(qtbot, window, other)
    issue = expand_page(qtbot, window, issue_id)
    with qtbot.waitSignal(window.article_shown):
        window.tree.setCurrentIndex(model.index(0, 0, issue))
    assert "旧的开头" in window.pane.toPlainText()

    page.write_text(PAGE.format(first="新的开头："), encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=30000) as done:
        window.import_action.trigger()
    assert done.args[0][0].status == "updated"
    settle(qtbot, window)
    # the pane shows the article as it is now …
    qtbot.waitUntil(lambda: "新的开头" in window.pane.toPlainText(), timeout=10000)
    assert "旧的开头" not in window.pane.toPlainText()
    # … the tree kept what was open and what was selected …
    qtbot.waitUntil(lambda: window.tree.isExpanded(model.index_of_key(page_key(issue_id)))
                    and window.tree.isExpanded(model.index_of_key(page_key(other))))
    assert model.article_id(window.tree.currentIndex()) == window.pane.article.id
    # … and a highlight made now stores what the reader selected
    cursor = window.pane.document().find("新的开头")
    window.pane.setTextCursor(cursor)
    window.highlight_action.trigger()
    settle(qtbot, window)
    [mark] = window.session.library.highlights.of_article(window.pane.article.id)
    assert mark.quote == "新的开头"


# -- 4. every list opens on a single click and on Enter -------------------------------------------


def test_a_single_click_or_enter_opens_a_result(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    _search(qtbot, window, "党建")
    rect = window.results.visualRect(window.results_model.index(1))
    with qtbot.waitSignal(window.article_shown, timeout=5000) as shown:
        qtbot.mouseClick(window.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == [window.results_model.hit(1).id]
    window.results.setCurrentIndex(window.results_model.index(2))
    with qtbot.waitSignal(window.article_shown, timeout=5000) as shown:
        qtbot.keyClick(window.results, Qt.Key.Key_Return)
    assert shown.args == [window.results_model.hit(2).id]


# -- 5. ↓ in the search field ------------------------------------------------------------------


def test_down_in_the_search_field_moves_into_the_results(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    _activate(qtbot, window)
    _search(qtbot, window, "网格")
    qtbot.keyClick(window.search_bar, Qt.Key.Key_Down)
    assert window.results.hasFocus()
    assert window.results.currentIndex().row() == 0
    qtbot.keyClick(window.results, Qt.Key.Key_Down)
    assert window.results.currentIndex().row() == 1
    with qtbot.waitSignal(window.article_shown) as shown:
        qtbot.keyClick(window.results, Qt.Key.Key_Return)
    assert shown.args == [window.results_model.hit(1).id]


# -- 6. a restart brings the reader back where they were -------------------------------------------


def test_a_restart_brings_back_the_article_the_expanded_issues_and_the_tab(
        open_window, library_dir, qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "restart.ini"), QSettings.Format.IniFormat)
    window = open_window(library_dir, settings)
    model = window.tree_model
    _expand(qtbot, window, 1)
    issue = _expand(qtbot, window, 3)
    with qtbot.waitSignal(window.article_shown) as shown:
        window.tree.setCurrentIndex(model.index(2, 0, issue))
    opened = shown.args[0]
    window.show_browse_tab(AUTHORS_TAB)
    settle(qtbot, window)
    pages = [page_key(p) for p in page_order(window)]
    window.close()

    again = open_window(library_dir, settings)
    qtbot.waitUntil(lambda: again.pane.article is not None
                    and again.pane.article.id == opened, timeout=10000)
    assert again.browse_tabs.currentIndex() == AUTHORS_TAB
    tree = again.tree_model
    qtbot.waitUntil(lambda: again.tree.isExpanded(tree.index_of_key(pages[1]))
                    and again.tree.isExpanded(tree.index_of_key(pages[3])), timeout=10000)
    assert not again.tree.isExpanded(tree.index_of_key(pages[0]))
    qtbot.waitUntil(lambda: tree.article_id(again.tree.currentIndex()) == opened, timeout=10000)


def test_bad_remembered_values_are_ignored(open_window, library_dir, qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "bad.ini"), QSettings.Format.IniFormat)
    for key, value in (("state/article", "abc"), ("state/expanded_issues", "x,,99999"),
                       ("state/navigator_tab", "nowhere"), ("view/zoom", "big")):
        settings.setValue(key, value)
    window = open_window(library_dir, settings)
    settle(qtbot, window)
    assert window.pane.article is None and window.browse_tabs.currentIndex() == 0
    assert window.pane.zoom == 0


def test_the_results_mark_the_open_article_and_no_other(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    model = window.tree_model
    issue = _expand(qtbot, window, 0)
    with qtbot.waitSignal(window.article_shown):
        window.tree.setCurrentIndex(model.index(2, 0, issue))
    settle(qtbot, window)
    article = window.pane.article
    results = window.results_model
    _search(qtbot, window, f'"{article.title}"')  # the open article's own title: it is a hit
    assert results.hit(window.results.currentIndex().row()).id == article.id
    _search(qtbot, window, "乡村振兴 -党")  # a hit, but not the open article
    assert results.rowCount() >= 1
    assert article.id not in {results.hit(r).id for r in range(results.rowCount())}
    assert not window.results.currentIndex().isValid()
    assert window.pane.article.id == article.id
    qtbot.keyClick(window.search_bar, Qt.Key.Key_Down)  # ↓ still goes to the first
    assert window.results.currentIndex().row() == 0
