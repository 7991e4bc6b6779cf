"""The main window, driven like a user: open, browse, search, step through hits, zoom, theme."""

from __future__ import annotations

import time

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from reader.app import Session
from reader.app.archive import page_key
from reader.paths import resolve_paths
from reader.ui.search import DEBOUNCE_MS
from reader.ui.window import (
    PREPARING_PLACEHOLDER,
    RESULTS_PAGE,
    SEARCH_PLACEHOLDER,
    TREE_PAGE,
    MainWindow,
)
from tests.ui.conftest import expand_issue, expand_page, open_article, page_order, type_text


def first_article(window, qtbot):
    issue = expand_issue(qtbot, window, 0)
    return issue, window.tree_model.index(0, 0, issue)


def test_first_run_shows_the_window_at_once_and_imports_the_seeds(qtbot, tmp_path, settings):
    from reader.ui.main import session_factory

    window = MainWindow(session_factory(str(tmp_path / "new")), settings=settings)
    qtbot.addWidget(window)
    window.show()
    # The bar takes keys at once (a query typed now waits for search: tests/ui/test_startup.py)
    assert window.search_bar.isEnabled()
    assert window.search_bar.placeholderText() == PREPARING_PLACEHOLDER
    with qtbot.waitSignal(window.library_ready, timeout=30000):
        window.open_library()
        assert isinstance(window.progress_dialog, QProgressDialog)
    # the five seed pages: two under their page name 先锋 (no paper is known), the rest
    # under 报纸不详, the paper of pages that name neither
    assert [window.tree_model.index(r, 0).data().split("（")[0]
            for r in range(window.tree_model.rowCount())] == ["先锋", "报纸不详"]
    qtbot.waitUntil(lambda: window.search_bar.placeholderText() == SEARCH_PLACEHOLDER,
                    timeout=30000)
    assert window.search.ready


def test_cancelled_first_run_is_resumed_on_the_next_open(qtbot, tmp_path, settings):
    paths = resolve_paths(tmp_path / "new")

    def slow_open(progress, cancelled):
        deadline = time.monotonic() + 10
        while not cancelled() and time.monotonic() < deadline:  # the user is about to cancel
            time.sleep(0.01)
        return Session.open(paths, progress, cancelled)

    window = MainWindow(slow_open, settings=settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.library_ready, timeout=30000):
        window.open_library()
        window.progress_dialog.findChild(QPushButton).click()  # the user presses 取消
    assert window.tree_model.rowCount() == 0
    assert any("导入已取消" in text for _, text in window.messages.history)
    qtbot.waitSignal(window.search_ready, timeout=30000)
    window.close()
    with Session.open(paths) as session:
        assert len(session.library.issues.all()) == 5


def test_selecting_an_article_shows_its_title_and_first_paragraph(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    issue, index = first_article(window, qtbot)
    article_id = window.tree_model.article_id(index)
    with qtbot.waitSignal(window.article_shown) as shown:
        window.tree.setCurrentIndex(index)
    assert shown.args == [article_id]
    article = window.session.library.articles.get(article_id)
    text = window.pane.toPlainText()
    assert (article.title or "「无题」") in text
    assert article.paragraphs[0] in text


def test_j_and_k_step_through_articles_across_pages(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    model = window.tree_model
    first_page, second_page = page_order(window)[:2]
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_J)  # nothing chosen yet: the first article
    qtbot.waitUntil(lambda: model.index_of_key(page_key(first_page)).isValid()
                    and model.loaded(page_key(first_page)))
    page = model.index_of_key(page_key(first_page))
    first = model.index(0, 0, page)
    qtbot.waitUntil(lambda: window.tree.currentIndex() == first)
    count = model.rowCount(page)
    for _ in range(count):  # the last J goes on to the next page's first article
        qtbot.keyClick(window.tree, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: model.loaded(page_key(second_page)))
    second_first = model.index(0, 0, model.index_of_key(page_key(second_page)))
    qtbot.waitUntil(lambda: window.tree.currentIndex() == second_first)
    qtbot.keyClick(window.tree, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: window.tree.currentIndex() == model.index(count - 1, 0, page))
    qtbot.keyClick(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.tree.currentIndex() == second_first)
    qtbot.waitUntil(lambda: window.state.article_id == model.article_id(second_first))
    shown = window.session.library.articles.get(model.article_id(second_first))
    assert shown.paragraphs[0] in window.pane.toPlainText()


def test_search_opens_a_result_and_f3_steps_through_the_hits(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_bar.hasFocus()
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        type_text(window.search_bar, "网格")
    assert window.navigator.currentIndex() == RESULTS_PAGE
    assert window.results_model.rowCount() > 0
    assert "共" in window.results_label.text()
    with qtbot.waitSignal(window.article_shown):
        qtbot.keyClick(window.search_bar, Qt.Key.Key_Return)
    hit = window.results_model.hit(0)
    assert hit.title in window.pane.toPlainText()
    assert window.pane.hit_count >= 2
    assert window.pane.current_hit == 1
    assert window.pane.textCursor().selectedText() == "网格"
    qtbot.keyClick(window.pane, Qt.Key.Key_F3)
    assert window.pane.current_hit == 2
    assert "第 2/" in window.hit_label.text()
    qtbot.keyClick(window.pane, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.pane.current_hit == 1
    qtbot.keyClick(window.pane, Qt.Key.Key_Escape)
    assert window.navigator.currentIndex() == TREE_PAGE


def test_double_clicking_another_result_opens_it(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    window.search_bar.setFocus()
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        type_text(window.search_bar, "党建")
    index = window.results_model.index(1)
    rect = window.results.visualRect(index)
    qtbot.mouseClick(window.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(window.article_shown) as shown:
        qtbot.mouseDClick(window.results.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert shown.args == [window.results_model.hit(1).id]


def test_a_query_without_results_says_so(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    window.search_bar.setFocus()
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        type_text(window.search_bar, "zzqqxx column:视点")
    assert window.results_model.rowCount() == 0
    assert window.results_label.text().startswith("没有找到")
    assert "去掉筛选条件" in window.results_label.text()
    assert window.messages.history  # the outcome's notices reach the status bar


def test_typing_fast_searches_once_and_shows_only_the_newest_answer(open_window, library_dir,
                                                                    qtbot):
    window = open_window(library_dir)
    answers = []
    window.search.answered.connect(lambda text, outcome: answers.append(text))
    window.search_bar.setFocus()
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        type_text(window.search_bar, "网格员")
    qtbot.wait(DEBOUNCE_MS + 100)
    assert answers == ["网格员"]
    # a stale answer (an older request) is dropped
    window.search_bar.setText("党建")
    window.search.run_now()
    window.search_bar.setText("网格")
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        window.search.run_now()
    qtbot.wait(200)
    assert answers[-1] == "网格" and "党建" not in answers


def test_emptying_the_search_bar_returns_to_the_tree(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    window.search_bar.setFocus()
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        type_text(window.search_bar, "网格")
    with qtbot.waitSignal(window.search.cleared, timeout=10000):
        window.search_bar.selectAll()
        qtbot.keyClick(window.search_bar, Qt.Key.Key_Backspace)
    assert window.navigator.currentIndex() == TREE_PAGE


def test_zoom_and_theme_change_the_pane_and_persist(open_window, library_dir, qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "persist.ini"), QSettings.Format.IniFormat)
    window = open_window(library_dir, settings)
    window.tree.setCurrentIndex(first_article(window, qtbot)[1])
    base = window.pane.point_size
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    assert window.pane.point_size == base + 2
    window.zoom_out_action.trigger()
    assert window.pane.point_size == base + 1
    window.zoom_reset_action.trigger()
    assert window.pane.point_size == base
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.zoom == 1
    window.dark_action.trigger()
    assert window.pane.theme.name == "dark"
    window.splitter.setSizes([300, 700])
    sizes = window.splitter.sizes()
    window.close()

    again = MainWindow(lambda progress, cancelled: None, settings=settings)
    qtbot.addWidget(again)
    assert again.pane.zoom == 1
    assert again.dark_action.isChecked() and again.pane.theme.name == "dark"
    again.show()
    # The offscreen screen is 800x600, so the restored window is clamped to it; the
    # navigator keeps its width.
    assert again.splitter.sizes()[0] == sizes[0]


def test_import_uses_the_swappable_file_chooser(open_window, library_dir, qtbot, tmp_path):
    window = open_window(library_dir)
    page = tmp_path / "page.txt"
    page.write_text("测试版\n\n一个标题\n\n<script>alert(1)</script> 正文第一段，足够长的一段文字。\n",
                    encoding="utf-8")
    window.choose_files = lambda: [str(page)]
    with qtbot.waitSignal(window.import_finished, timeout=30000) as done:
        window.import_action.trigger()
    result = done.args[0][0]
    assert result.status == "imported"
    page = expand_page(qtbot, window, result.page_id)  # the new page is in the tree
    assert "一个标题" in window.tree_model.index(0, 0, page).data()


def test_hostile_page_text_shows_literally_in_the_pane(open_window, library_dir, qtbot,
                                                       tmp_path):
    window = open_window(library_dir)
    page = tmp_path / "hostile.txt"
    lines = ["<script>alert(1)</script>", "<img src=file:///etc/passwd>", "&lt;"]
    page.write_text("标题在此\n\n" + "\n".join(f"{line}这是正文的一段文字，写得足够长才像正文。"
                                             for line in lines) + "\n", encoding="utf-8")
    window.choose_files = lambda: [str(page)]
    with qtbot.waitSignal(window.import_finished, timeout=30000) as done:
        window.import_action.trigger()
    issue_id = done.args[0][0].issue_id
    shown = ""
    for article in window.session.library.articles.in_issue(issue_id):
        open_article(qtbot, window, article.id)
        shown += window.pane.toPlainText()
    for line in lines:
        assert line in shown


def test_about_is_a_swappable_attribute(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    called = []
    window.show_about = called.append
    window.about_action.trigger()
    qtbot.waitUntil(lambda: bool(called))
    stats = window.session.library.stats()
    assert called[0].startswith("Reader ")
    assert f"{stats['issues']} 期，{stats['articles']} 篇文章" in called[0]


def test_reindex_from_the_file_menu_rebuilds_and_search_still_works(open_window, library_dir,
                                                                      qtbot):
    window = open_window(library_dir)
    assert window.reindex_action.isEnabled()
    with qtbot.waitSignal(window.reindex_finished, timeout=30000) as blocker:
        window.reindex_action.trigger()
    assert blocker.args[0].action == "rebuilt" and blocker.args[0].added == 43
    assert window.search_bar.isEnabled()
    assert "43" in window.statusBar().currentMessage()
