"""The 作者 view, and a highlight's own note, driven from the window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui.list_delegate import CountRole, SecondLineRole
from reader.ui.window import AUTHORS_TAB
from tests.ui.conftest import open_article, settle, type_text


def test_authors_view_lists_writers_with_counts_and_opens_their_articles(qtbot, open_window,
                                                                         library_dir):
    window = open_window(library_dir)
    library = window.session.library
    summaries = library.authors.summaries()
    counts = [count for _name, count in summaries]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 1
    window.activateWindow()
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.browse_tabs.currentIndex() == AUTHORS_TAB
    view = window.authors_view
    qtbot.waitUntil(lambda: view.author_list.count() == len(summaries))
    # typing narrows the list; choosing lists the articles; clicking opens one
    type_text(view.filter, "宋爽")
    assert [(view.author_list.item(r).text(), view.author_list.item(r).data(CountRole))
            for r in range(view.author_list.count())] == [
        ("宋爽", len(library.authors.article_ids('宋爽')))]
    view.author_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: view.articles.count() > 0)
    ids = view.article_ids()
    assert set(ids) == library.authors.article_ids("宋爽") and ids
    with qtbot.waitSignal(window.article_shown) as shown:
        qtbot.mouseClick(view.articles.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.articles.visualItemRect(view.articles.item(0)).center())
    assert shown.args == [ids[0]]
    assert "宋爽" in [a.name for a in window.pane.article.authors]
    assert library.authors.article_ids("宋") == set()  # exact names, unlike author: in search


def test_a_highlight_gets_its_own_note(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    library = window.session.library
    issue = library.issues.all()[0]
    article = library.articles.in_issue(issue.id)[0]
    settle(qtbot, window)
    mark = window.session.annotations.add_highlight(article.id, 0, 6).highlight
    open_article(qtbot, window, article.id)
    window.panel.ask_text = lambda title, label, text: "这句要引用"
    menu = window.panel.highlight_list.context_menu_for(0)
    with qtbot.waitSignal(window.changes_applied):
        next(a for a in menu.actions() if a.text() == "编辑划线笔记…").trigger()
    assert library.highlights.get(mark.id).note == "这句要引用"
    qtbot.waitUntil(lambda: window.panel.highlight_list.item(0).data(SecondLineRole) == "✎ 这句要引用")
