"""One `apply(changes)`: each view redraws only what a change touched."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui.list_delegate import CountRole, SecondLineRole
from reader.ui.tree_model import TAGS_COLUMN, TITLE_COLUMN
from reader.ui.window import TAGS_TAB
from tests.ui.conftest import expand_issue, settle, type_text


def test_a_tag_redraws_the_tag_cell_of_its_row_and_nothing_else(open_window, library_dir,
                                                                 qtbot):
    window = open_window(library_dir)
    model = window.tree_model
    issue = expand_issue(qtbot, window, 0)
    other = expand_issue(qtbot, window, 1)
    with qtbot.waitSignal(window.article_shown):
        window.tree.setCurrentIndex(model.index(2, 0, issue))
    settle(qtbot, window)
    events: list[str] = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsInserted.connect(lambda *_: events.append("rows"))
    cells: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom: cells.append((top.row(), top.column())))
    reads: list[str] = []
    for name in ("tags_view", "authors_view", "notes_view"):
        getattr(window, name).reloaded.connect(lambda name=name: reads.append(name))
    pane_text = window.pane.toPlainText()

    field = window.panel.tag_editor.field
    field.setFocus()
    type_text(field, "只改这一格")
    with qtbot.waitSignal(window.changes_applied) as applied:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    settle(qtbot, window)

    changes = applied.args[0]
    assert changes.tags and changes.article_ids == {window.pane.article.id}
    assert events == []  # the tree kept its shape …
    # … and redrew the row's tag cell, and its title (where the tags' colour dots are)
    assert cells == [(2, TITLE_COLUMN), (2, TAGS_COLUMN)]
    assert model.index(2, TAGS_COLUMN, issue).data() == "只改这一格"
    assert window.tree.isExpanded(other)
    assert reads == []  # hidden views read again only when shown
    assert window.pane.toPlainText() == pane_text
    window.show_browse_tab(TAGS_TAB)
    qtbot.waitUntil(lambda: reads == ["tags_view"])
    first = window.tags_view.tag_list.item(0)
    assert (first.text(), first.data(CountRole)) == ("只改这一格", 1)


def test_a_tag_shows_on_the_result_row_it_touched(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    window.search_bar.setFocus()
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        type_text(window.search_bar, "党建")
    results = window.results_model
    assert results.rowCount() > 2
    rect = window.results.visualRect(results.index(1))
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        qtbot.mouseClick(window.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot, window)
    redrawn: list[int] = []
    results.dataChanged.connect(lambda top, bottom: redrawn.append(top.row()))

    field = window.panel.tag_editor.field
    field.setFocus()
    type_text(field, "结果也跟着")
    with qtbot.waitSignal(window.changes_applied):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: redrawn == [1], timeout=5000)
    assert "结果也跟着" in results.index(1).data(SecondLineRole)
    assert "结果也跟着" not in results.index(0).data()
