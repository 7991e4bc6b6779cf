"""Search hits in the article pane, driven like a user: where a hit lands, Esc, what is marked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reader.ui.article_view import LIGHT
from reader.ui.search import query_terms
from reader.ui.window import RESULTS_PAGE, TREE_PAGE
from tests.ui.conftest import select_in_tree, type_text


def _articles(window):
    library = window.session.library
    return [library.articles.get(a.id) for issue in library.issues.all()
            for a in library.articles.in_issue(issue.id)]


def _search_and_open(qtbot, window, text: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        type_text(window.search_bar, text)
    assert window.navigator.currentIndex() == RESULTS_PAGE
    with qtbot.waitSignal(window.article_shown, timeout=10000):
        qtbot.keyClick(window.search_bar, Qt.Key.Key_Return)


def _marked(window) -> list[str]:
    """The stretches of the pane painted in the hit colour."""
    marked, block = [], window.pane.document().firstBlock()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color().name() == LIGHT.hit:
                marked.append(fragment.text())
            it += 1
        block = block.next()
    return marked


def _words_below_the_first_screen(window, article, everything: str) -> str:
    """Six characters of `article`, found nowhere else, that lie below the pane's first
    screen with more than a screen of text after them (so no scroll limit gets in the way)."""
    pane = window.pane
    height = pane.viewport().height()
    bottom = pane.document().size().height()
    for i in range(len(article.text) - 6):
        words = article.text[i:i + 6]
        # letters only: the search cuts at punctuation (按照“严格 is two words)
        if not words.isalnum() or everything.count(words) != 1:
            continue
        cursor = QTextCursor(pane.document())
        cursor.setPosition(pane.document_range(i, i + 6)[0])
        y = pane.cursorRect(cursor).top() + pane.verticalScrollBar().value()
        if height * 1.2 < y < bottom - height:
            return words
    raise AssertionError("the article is shorter than two screens")


def test_a_hit_is_brought_to_a_third_of_the_pane(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    articles = _articles(window)
    longest = max(articles, key=lambda a: len(a.text))
    select_in_tree(qtbot, window, longest)
    for _ in range(4):  # a reader who likes large type: the article is then several screens
        window.zoom_in_action.trigger()
    words = _words_below_the_first_screen(window, longest, "\n".join(a.text for a in articles))
    _search_and_open(qtbot, window, words)
    pane = window.pane
    assert pane.article.id == longest.id and pane.current_hit == 1
    assert pane.textCursor().selectedText() == words
    start = QTextCursor(pane.textCursor())
    start.setPosition(pane.textCursor().selectionStart())
    line = pane.cursorRect(start)
    third = pane.viewport().height() / 3
    assert abs(line.top() - third) <= line.height(), (line.top(), third)
    qtbot.keyClick(pane, Qt.Key.Key_F3)  # the only hit again: still where the eye is
    assert abs(pane.cursorRect(start).top() - third) <= line.height()


def test_esc_puts_the_hit_count_and_the_marks_away(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    _search_and_open(qtbot, window, "网格")
    assert window.pane.hit_count >= 2 and "第 1/" in window.hit_label.text()
    assert set(_marked(window)) >= {"网格"}
    shown = window.pane.article.id
    qtbot.keyClick(window.results, Qt.Key.Key_Escape)
    assert window.navigator.currentIndex() == TREE_PAGE
    assert window.hit_label.text() == ""
    assert window.pane.hit_count == 0 and _marked(window) == []
    assert window.pane.article.id == shown and "网格" in window.pane.toPlainText()
    qtbot.keyClick(window.pane, Qt.Key.Key_F3)  # nothing left to step through
    assert window.pane.current_hit == 0 and window.hit_label.text() == ""


def test_the_marked_words_are_the_query_parsers_terms():
    assert query_terms("标签:红色物业 网格") == ["网格"]
    assert query_terms("标签：红色物业 “党建 引领” -物业 NOT 社区") == ["党建 引领"]
    assert query_terms('tag:"红色 物业" 网格员 OR 楼栋长') == ["网格员", "楼栋长"]
    assert query_terms("date:2024-01..2024-06 kind:quotes") == []
    assert query_terms("天气:晴") == ["天气:晴"]  # no such filter: searched, so marked, as text


def test_a_tag_filter_is_not_marked_and_a_quoted_phrase_is(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    article = next(a for a in _articles(window) if "红色物业" in a.text)
    select_in_tree(qtbot, window, article)
    field = window.panel.tag_editor.field
    field.setFocus()
    type_text(field, "红色物业")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "红色物业" in window.panel.tag_editor.chips)
    phrase = article.paragraphs[0][2:7]
    _search_and_open(qtbot, window, f"标签:红色物业 “{phrase}”")
    assert window.pane.article.id == article.id
    assert not any("标签" in term or ":" in term for term in window.pane.terms)
    assert phrase in window.pane.terms
    assert phrase in _marked(window)
    assert window.pane.textCursor().selectedText() == phrase
