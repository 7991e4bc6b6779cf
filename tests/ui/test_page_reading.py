"""The archive tree as a reader uses it: opening levels down to a page, reading the whole
page with J/K, jumping by date in the calendar."""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTableView


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
    return window.session.library.articles.in_issue(page_id)


def test_clicking_down_to_a_page_shows_the_whole_page(open_window, papers_dir, qtbot):
    window = open_window(papers_dir)
    page = click_down(qtbot, window, ["人民日报", "2025年", "2025年1月7日", "第5版"])
    qtbot.waitUntil(lambda: window.reading.showing, timeout=10000)
    view = window.page_view
    page_id = window.tree_model.item(page).page_ids[0]
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
    click_down(qtbot, window, ["人民日报", "2025年", "2025年1月7日", "第5版"])
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
    assert model.item(window.tree.currentIndex().parent()).label.startswith("2025年7月15日")
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
    page_id = next(a.issue_id for a in (library.articles.get(i) for i in library.articles.ids())
                   if a.issue_title.startswith("人民日报 第5版"))
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
    key = "issue\u241f人民日报\u241f2025-07-15"
    qtbot.waitUntil(lambda: model.index_of_key(key).isValid()
                    and window.tree.currentIndex() == model.index_of_key(key), timeout=10000)
    assert window.tree.isExpanded(model.index_of_key(key))
    assert not jump.isVisible()
    # a day without an issue goes to the nearest one and says so
    window.issues_view.go_to_date("2025-01-09")
    key = "issue\u241f人民日报\u241f2025-01-07"
    qtbot.waitUntil(lambda: model.index_of_key(key).isValid()
                    and window.tree.currentIndex() == model.index_of_key(key), timeout=10000)
    assert "2025-01-07" in window.messages.history[-1][1]


def test_the_pane_and_the_result_rows_say_where_an_article_is_from(open_window, papers_dir,
                                                                  qtbot):
    window = open_window(papers_dir)
    library = window.session.library
    article = next(a for a in (library.articles.get(i) for i in library.articles.ids())
                   if a.issue_title.startswith("人民日报 第5版") and a.title)
    window.search_bar.setText(f'"{article.title}"')
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        window.search.run_now()
    model = window.results_model
    row = model.row_of(article.id)
    assert row is not None
    qtbot.waitUntil(lambda: model.meta(model.hit(row)).startswith(
        "人民日报 · 2025-01-07 · 第5版 评论"), timeout=10000)
    assert "人民日报 · 2025-01-07 · 第5版 评论" in model.index(row).data()
    with qtbot.waitSignal(window.article_shown, timeout=10000):
        window.results_view.open(model.index(row))
    assert window.pane.toPlainText().startswith("人民日报 · 2025-01-07 · 第5版 评论\n")
