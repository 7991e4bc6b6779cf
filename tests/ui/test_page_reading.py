"""The archive tree as a reader uses it: opening levels down to a page, reading the whole
page with J/K, jumping by date in the calendar."""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTableView

from reader.ui.list_delegate import SecondLineRole


def _row(model, parent: QModelIndex, starts: str) -> QModelIndex | None:
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data().startswith(starts):
            return index
    return None


def click_down(qtbot, window, labels: list[str]) -> QModelIndex:
    """Click each row in turn, opening all but the last with → (as a reader would)."""
    tree, model = window.tree, window.tree_model
    tree.setFocus()
    parent = QModelIndex()
    index = QModelIndex()
    for n, label in enumerate(labels):
        qtbot.waitUntil(lambda parent=parent, label=label: _row(model, parent, label) is not None,
                        timeout=10000)
        index = _row(model, parent, label)
        tree.scrollTo(index)
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                         pos=tree.visualRect(index).center())
        if n < len(labels) - 1:
            qtbot.keyClick(tree, Qt.Key.Key_Right)
        parent = index
    return index


def page_articles(window, page_id: int):
    return window.session.library.articles.on_page(page_id)


def test_clicking_down_to_a_page_shows_the_whole_page(open_window, papers_dir, qtbot):
    window = open_window(papers_dir)
    page = click_down(qtbot, window, ["人民日报", "2025年", "1月7日", "第5版"])
    qtbot.waitUntil(lambda: window.reading.showing, timeout=10000)
    view = window.page_view
    page_id = window.tree_model.item(page).record_id
    articles = page_articles(window, page_id)
    assert len(articles) > 2
    text = view.toPlainText()
    assert text.startswith("人民日报 · 2025-01-07 · 第5版 评论")
    assert f"本版 {len(articles)} 篇" in text
    # every article, in page order, each title twice: in the contents and over its text
    places = [text.find(a.title, text.find(f"本版 {len(articles)} 篇") + 1) for a in articles]
    body = [text.find(a.paragraphs[0]) for a in articles if a.paragraphs]
    assert places == sorted(places) and body == sorted(body) and -1 not in body
    # the titles in the contents are the window's links; clicking one scrolls to the article
    third = articles[2]
    found = view.document().find(third.title)
    assert found.charFormat().isAnchor()
    cursor = QTextCursor(view.document())
    cursor.setPosition(found.selectionStart() + 1)
    bar = view.verticalScrollBar()
    assert bar.value() == 0
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.cursorRect(cursor).center())
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert view.article_at_top() == third.id


def test_j_and_k_turn_the_pages(open_window, papers_dir, qtbot):
    window = open_window(papers_dir)
    click_down(qtbot, window, ["人民日报", "2025年", "1月7日", "第5版"])
    qtbot.waitUntil(lambda: window.reading.showing, timeout=10000)
    view, model = window.page_view, window.tree_model

    def showing(label: str) -> bool:
        current = model.item(window.tree.currentIndex())
        return view.content is not None and view.content.page.label == label \
            and current is not None and current.label == label

    qtbot.keyClick(window.tree, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: showing("第10版 综合"), timeout=10000)
    qtbot.keyClick(view, Qt.Key.Key_J)  # J works with the page in focus too
    qtbot.waitUntil(lambda: showing("第11版"), timeout=10000)
    qtbot.keyClick(window.tree, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: showing("第10版 综合"), timeout=10000)
    for label in ("第11版", "第20版", "第5版"):  # past the issue's last page: the next issue
        qtbot.keyClick(window.tree, Qt.Key.Key_J)
        qtbot.waitUntil(lambda label=label: showing(label), timeout=10000)
    assert view.content.page.date == "2025-07-15"
    assert model.item(window.tree.currentIndex().parent()).label.startswith("7月15日")
    # choosing an article row shows that article in the pane again
    page = window.tree.currentIndex()
    window.tree.expand(page)
    qtbot.waitUntil(lambda: model.rowCount(page) > 0)
    with qtbot.waitSignal(window.article_shown):
        window.tree.setCurrentIndex(model.index(0, 0, page))
    assert not window.reading.showing


def test_highlights_are_drawn_on_the_whole_page(open_window, papers_dir, qtbot):
    window = open_window(papers_dir)
    library = window.session.library
    page_id = next(a.page_id for a in (library.articles.get(i) for i in library.articles.ids())
                   if a.paper == "人民日报" and a.page_number == 5)
    article = page_articles(window, page_id)[1]
    start = len(article.paragraphs[0]) // 3
    window.session.annotations.add_highlight(article.id, start, start + 6, "green")
    window.issues_view.show_page(page_id)
    qtbot.waitUntil(lambda: window.reading.showing, timeout=10000)
    [mark] = window.page_view.extraSelections()
    assert mark.cursor.selectedText() == article.text[start:start + 6]


def test_the_calendar_marks_days_with_issues_and_jumps_to_one(open_window, papers_dir, qtbot):
    window = open_window(papers_dir)
    window.jump_action.trigger()
    view = window.issues_view
    qtbot.waitUntil(lambda: view.date_jump is not None and view.date_jump.isVisible(),
                    timeout=10000)
    jump = view.date_jump
    assert jump.is_marked("2025-01-07") and jump.is_marked("2025-07-15")
    assert not jump.is_marked("2025-01-08")
    assert "2024-01" not in jump.dates  # the seeds' inferred months are not days
    calendar = jump.calendar
    calendar.setSelectedDate(QDate(2025, 7, 1))
    grid = calendar.findChild(QTableView)
    for _ in range(14):  # two weeks on with the arrow keys, then Enter
        qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert calendar.selectedDate() == QDate(2025, 7, 15)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    model = window.tree_model

    def on_issue(day: str) -> bool:
        item = model.item(window.tree.currentIndex())
        return item is not None and getattr(item, "kind", "") == "issue" and item.date == day \
            and item.paper == "人民日报" and window.tree.isExpanded(window.tree.currentIndex())

    qtbot.waitUntil(lambda: on_issue("2025-07-15"), timeout=10000)
    assert not jump.isVisible()
    # a day without an issue goes to the nearest one and says so
    window.issues_view.go_to_date("2025-01-09")
    qtbot.waitUntil(lambda: on_issue("2025-01-07"), timeout=10000)
    assert "2025-01-07" in window.messages.history[-1][1]


def test_the_pane_and_the_result_rows_say_where_an_article_is_from(open_window, papers_dir,
                                                                  qtbot):
    window = open_window(papers_dir)
    library = window.session.library
    article = next(a for a in (library.articles.get(i) for i in library.articles.ids())
                   if a.paper == "人民日报" and a.page_number == 5 and a.title)
    window.search_bar.setText(f'"{article.title}"')
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        window.search.run_now()
    model = window.results_model
    row = model.row_of(article.id)
    assert row is not None
    qtbot.waitUntil(lambda: model.meta(model.hit(row)).startswith(
        "人民日报 · 2025-01-07 · 第5版 评论"), timeout=10000)
    assert "人民日报 · 2025-01-07 · 第5版 评论" in model.index(row).data(SecondLineRole)
    with qtbot.waitSignal(window.article_shown, timeout=10000):
        window.results_view.open(model.index(row))
    assert window.pane.toPlainText().startswith("人民日报 · 2025-01-07 · 第5版 评论\n")


def test_edit_the_date_of_two_pages_then_undo(open_window, papers_dir, qtbot):
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QDialogButtonBox

    from reader.ui.metadata_dialog import PageMetaDialog
    from tests.ui.conftest import type_text

    window = open_window(papers_dir)
    model, tree = window.tree_model, window.tree
    click_down(qtbot, window, ["人民日报", "2025年", "1月7日", "第10版"])
    issue = window.tree.currentIndex().parent()
    year = issue.parent()
    second = _row(model, issue, "第11版")
    tree.selectionModel().select(second, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
    asked = []

    def answer(pages, papers):  # the real dialog, typed into and confirmed
        dialog = PageMetaDialog(pages, papers, window)
        qtbot.addWidget(dialog)
        asked.append([p.number for p in pages])
        dialog.fields["date"].clear()
        type_text(dialog.fields["date"], "2025年1月8日")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        return dialog.edits()

    window.issues_view.ask_page_edits = answer
    tree.setFocus()
    with qtbot.waitSignal(window.changes_applied, timeout=10000):
        qtbot.keyClick(tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
    assert asked == [["10", "11"]]

    def issues() -> list[str]:
        year = _row(model, _row(model, QModelIndex(), "人民日报"), "2025年")
        return [model.index(r, 0, year).data() for r in range(model.rowCount(year))] \
            if year is not None and model.loaded(model.node_key(year)) else []

    # the two pages left 1月7日 for an issue of their own, marked as the reader's
    qtbot.waitUntil(lambda: issues()[:2] == ["1月7日 周二（2版）", "1月8日 周三 ✎（2版）"],
                    timeout=10000)
    # the page row that was current is current again, where the page is now
    qtbot.waitUntil(lambda: tree.currentIndex().isValid()
                    and model.item(tree.currentIndex()).label == "第10版 综合"
                    and model.item(tree.currentIndex().parent()).date == "2025-01-08",
                    timeout=10000)
    assert tree.currentIndex().data() == "第10版 综合 ✎"
    assert year.isValid()
    moved = _row(model, QModelIndex(), "人民日报")
    library = window.session.library
    pages = [p for p in library.pages.all() if p.paper == "人民日报" and p.date == "2025-01-08"]
    assert sorted(p.number for p in pages) == [10, 11]
    assert all("date" in p.user_fields for p in pages) and moved is not None
    # one undo puts both back
    assert "修改" in window.undo_action.text()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: issues()[:1] == ["1月7日 周二（4版）"], timeout=10000)
    assert not any(p.date == "2025-01-08" for p in library.pages.all())


def test_rename_a_paper_then_undo(open_window, papers_dir, qtbot):
    window = open_window(papers_dir)
    model = window.tree_model
    paper = click_down(qtbot, window, ["先锋"])
    window.issues_view.ask_paper_name = lambda name, papers: "内蒙古日报"
    menu = window.issues_view.context_menu(window.tree.visualRect(paper).center())
    rename = next(a for a in menu.actions() if a.text() == "重命名报纸…")
    with qtbot.waitSignal(window.changes_applied, timeout=10000):
        rename.trigger()
    qtbot.waitUntil(lambda: _row(model, QModelIndex(), "内蒙古日报 ✎（2期）") is not None,
                    timeout=10000)
    assert _row(model, QModelIndex(), "先锋") is None
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _row(model, QModelIndex(), "先锋（2期）") is not None, timeout=10000)


def test_header_clicks_sort_the_pages_and_the_menu_hides_columns(open_window, papers_dir, qtbot):
    from reader.ui.tree_model import AUTHOR_COLUMN, PAGE_COLUMN

    window = open_window(papers_dir)
    model, tree = window.tree_model, window.tree
    click_down(qtbot, window, ["人民日报", "2025年", "1月7日", "第5版"])
    issue = tree.currentIndex().parent()
    header = tree.header()
    assert tree.textElideMode() == Qt.TextElideMode.ElideRight

    def pages() -> list[str]:
        return [model.index(r, 0, issue).data().split(" ")[0] for r in range(model.rowCount(issue))]

    def click(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, 5))

    menu = window.issues_view.header_menu()  # 版 is hidden at first: show it
    page_column = next(a for a in menu.actions() if a.text() == "版")
    assert header.isSectionHidden(PAGE_COLUMN) and not page_column.isChecked()
    page_column.trigger()
    assert not header.isSectionHidden(PAGE_COLUMN)
    click(PAGE_COLUMN)
    assert pages() == ["第5版", "第10版", "第11版", "第20版"]
    click(PAGE_COLUMN)
    assert pages() == ["第20版", "第11版", "第10版", "第5版"]
    assert model.item(tree.currentIndex()).label == "第5版 评论"  # the selection stayed
    click(PAGE_COLUMN)  # a third click: the archive's order
    assert pages() == ["第5版", "第10版", "第11版", "第20版"]
    menu = window.issues_view.header_menu()
    author = next(a for a in menu.actions() if a.text() == "作者")
    assert header.isSectionHidden(AUTHOR_COLUMN) and not author.isChecked()
    author.trigger()
    assert not header.isSectionHidden(AUTHOR_COLUMN)
