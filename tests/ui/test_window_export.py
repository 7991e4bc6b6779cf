"""Export… (Ctrl+E) and 复制（附引用） from the window, on what the reader has selected."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from reader.app.archive import page_key
from reader.ui.window import TAGS_TAB
from tests.ui.conftest import expand_issue, page_order, settle


def _export(qtbot, window, path) -> str:
    window.commands.choose_export_target = lambda options: str(path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    shown = window.navigator.currentWidget()  # the tree, a tab or the results: what has focus
    shown.setFocus()
    with qtbot.waitSignal(window.commands.export_opened, timeout=10000):
        qtbot.keyClick(shown, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.commands.export_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.loaded is not None, timeout=10000)
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return path.read_text(encoding="utf-8")


def test_export_an_issue_selected_in_the_tree(qtbot, open_window, library_dir, tmp_path):
    window = open_window(library_dir)
    page_id = page_order(window)[3]
    window.issues_view.show_page(page_id)  # the page's row is chosen
    key = page_key(page_id)
    qtbot.waitUntil(lambda: window.tree_model.index_of_key(key).isValid()
                    and window.tree.currentIndex() == window.tree_model.index_of_key(key))
    label = window.tree_model.item(window.tree.currentIndex()).label
    text = _export(qtbot, window, tmp_path / "issue.txt")
    assert window.commands.export_dialog.title_of_selection == label
    articles = window.session.library.articles.on_page(page_id)
    assert window.commands.export_dialog.article_ids == [a.id for a in articles]
    for article in articles:
        if article.title:
            assert article.title in text
    assert text.count("[N]") == len(articles)
    assert window.messages.history[-1] == ("info", f"导出完成：{len(articles)} 篇文章。")


def test_export_the_search_results_and_a_tag(qtbot, open_window, library_dir, tmp_path):
    window = open_window(library_dir)
    window.search_bar.setText("网格员")
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        window.search.run_now()
    hits = [window.results_model.hit(r).id for r in range(window.results_model.rowCount())]
    _export(qtbot, window, tmp_path / "results.txt")
    assert window.commands.export_dialog.article_ids == hits  # in rank order
    assert window.commands.export_dialog.title_of_selection == "搜索“网格员”"
    window.commands.export_dialog.close()
    # two rows picked: only those
    selection = window.results.selectionModel()
    selection.clearSelection()
    for row in (1, 3):
        selection.select(window.results_model.index(row), QItemSelectionModel.SelectionFlag.Select)
    _export(qtbot, window, tmp_path / "two.txt")
    assert window.commands.export_dialog.article_ids == [hits[1], hits[3]]
    window.commands.export_dialog.close()
    # a tag
    window.session.annotations.tag(hits[:2], ["专题"])
    window.show_browse_tab(TAGS_TAB)
    window.tags_view.reload()
    settle(qtbot, window)
    window.tags_view.choose("专题")
    settle(qtbot, window)
    text = _export(qtbot, window, tmp_path / "tag.md")
    assert sorted(window.commands.export_dialog.article_ids) == sorted(hits[:2])
    assert window.commands.export_dialog.title_of_selection == "标签“专题”"
    assert "专题" in text


def test_copy_with_citation(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    model = window.tree_model
    issue = expand_issue(qtbot, window, 3)
    window.tree.setCurrentIndex(model.index(1, 0, issue))
    settle(qtbot, window)
    article = window.pane.article
    quote = article.paragraphs[0][:12]
    window.pane.setTextCursor(window.pane.document().find(quote))
    window.copy_citation_action.trigger()
    settle(qtbot, window)
    copied = QApplication.clipboard().text()
    first, _blank, citation = copied.partition("\n\n")
    assert first == quote
    assert article.title in citation and "[N]" in citation and citation.endswith(".")
    # nothing selected: says so, copies nothing new
    QApplication.clipboard().setText("before")
    window.pane.setTextCursor(window.pane.cursorForPosition(window.pane.rect().topLeft()))
    window.copy_citation_action.trigger()
    settle(qtbot, window)
    assert QApplication.clipboard().text() == "before"
    assert window.messages.history[-1] == ("info", "先在文章里选中要复制的文字。")
