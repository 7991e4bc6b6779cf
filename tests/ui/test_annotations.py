"""Issue 5 in the window, driven like a user: tag, bulk-tag, rename/merge, notes, highlights, undo."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reader.ui.list_delegate import CountRole
from reader.ui.note_editor import DEBOUNCE_MS
from reader.ui.tree_model import TAGS_COLUMN
from reader.ui.window import ISSUES_TAB, NOTES_TAB, TAGS_TAB
from tests.ui.conftest import (
    answer_tag_prompt,
    expand_issue,
    expand_page,
    open_article,
    page_order,
    settle,
    type_text,
)


def _article_with(window, words: str, not_ids=()):
    library = window.session.library
    for issue in library.issues.all():
        for article in library.articles.in_issue(issue.id):
            if words in article.text and article.id not in not_ids:
                return article
    raise AssertionError(words)


def _select_in_tree(qtbot, window, article) -> None:
    expand_page(qtbot, window, article.page_id)
    index = window.tree_model.index_of(article.id)
    assert index.isValid()
    window.tree.setCurrentIndex(index)
    qtbot.waitUntil(lambda: window.panel.article is not None
                    and window.panel.article.id == article.id)


def _tree_tags(window, article) -> str:
    index = window.tree_model.index_of(article.id)
    return window.tree_model.index(index.row(), TAGS_COLUMN, index.parent()).data()


def _enter_tag(qtbot, window, text: str) -> None:
    field = window.panel.tag_editor.field
    field.setFocus()
    type_text(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    settle(qtbot, window)


def _select_text(window, text: str) -> None:
    cursor = window.pane.document().find(text)
    assert not cursor.isNull(), text
    window.pane.setTextCursor(cursor)


def test_tag_an_article_complete_by_pinyin_remove_and_undo(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    first = _article_with(window, "网格员")
    _select_in_tree(qtbot, window, first)
    _enter_tag(qtbot, window, "红色物业")
    assert window.session.library.articles.get(first.id).tags == ("红色物业",)
    assert list(window.panel.tag_editor.chips) == ["红色物业"]
    assert _tree_tags(window, first) == "红色物业"

    # another article: the initials complete to the existing tag, a click on it adds it
    second = _article_with(window, "嘎查", not_ids=(first.id,))
    _select_in_tree(qtbot, window, second)
    editor = window.panel.tag_editor
    editor.field.setFocus()
    type_text(editor.field, "hswy")
    assert editor.suggestions() == ["红色物业"]
    popup = editor.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    index = popup.model().index(0, 0)
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton,
                     pos=popup.visualRect(index).center())
    qtbot.waitUntil(lambda: window.session.library.articles.get(second.id).tags == ("红色物业",))
    assert editor.field.text() == ""

    # the tags view counts it; its articles are one click away
    settle(qtbot, window)
    window.show_browse_tab(TAGS_TAB)
    settle(qtbot, window)
    row = window.tags_view.tag_list.item(0)
    assert (row.text(), row.data(CountRole)) == ("红色物业", 2)
    window.tags_view.tag_list.setCurrentRow(0)
    settle(qtbot, window)
    assert set(window.tags_view.article_ids()) == {first.id, second.id}

    # the chip's × removes it, Ctrl+Z puts it back
    qtbot.mouseClick(editor.chips["红色物业"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.session.library.articles.get(second.id).tags == ()
    assert window.undo_action.isEnabled() and "移除标签" in window.undo_action.text()
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert window.session.library.articles.get(second.id).tags == ("红色物业",)
    assert list(editor.chips) == ["红色物业"]
    assert window.messages.history[-1][1].startswith("已撤销")


def test_bulk_tag_the_tree_selection_and_results(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    window.show_browse_tab(ISSUES_TAB)
    model = window.tree_model
    issue = expand_issue(qtbot, window, 0)
    selection = window.tree.selectionModel()
    from PySide6.QtCore import QItemSelectionModel

    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 2, 3):
        selection.select(model.index(row, 0, issue), flags)
    chosen = [model.article_id(model.index(row, 0, issue)) for row in (0, 2, 3)]
    window.tree.setFocus()
    answer_tag_prompt(qtbot, window, "专题，待读", lambda: qtbot.keyClick(
        window.tree, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier))
    assert "3 篇" in window.commands.tag_prompt.label.text()
    settle(qtbot, window)
    library = window.session.library
    for article_id in chosen:
        assert library.articles.get(article_id).tags == ("专题", "待读")
    assert library.filters.ids_with_tag("专题") == set(chosen)
    # an issue row stands for all its articles
    selection.clearSelection()
    selection.select(expand_issue(qtbot, window, 1), flags)  # a page row
    answer_tag_prompt(qtbot, window, "整期", window.tag_action.trigger)
    settle(qtbot, window)
    second_page = page_order(window)[1]
    assert library.filters.ids_with_tag("整期") == {a.id for a in library.articles.on_page(second_page)}
    # one undo takes off what one command put on
    window.undo_action.trigger()
    settle(qtbot, window)
    assert library.filters.ids_with_tag("整期") == set()
    assert library.filters.ids_with_tag("专题") == set(chosen)
    # search results: select two, tag them
    window.search_bar.setText("网格员")
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        window.search.run_now()
    results = window.results
    results.selectionModel().clearSelection()
    for row in (0, 1):
        results.selectionModel().select(window.results_model.index(row), flags)
    answer_tag_prompt(qtbot, window, "网格", window.tag_action.trigger)
    settle(qtbot, window)
    hits = [window.results_model.hit(row).id for row in (0, 1)]
    assert library.filters.ids_with_tag("网格") == set(hits)
    assert "标签：网格" in window.results_model.meta(
        replace(window.results_model.hit(0), tags=("网格",)))


def test_rename_merges_after_confirmation_and_delete_keeps_articles(qtbot, open_window,
                                                                   library_dir):
    window = open_window(library_dir)
    first = _article_with(window, "网格员")
    second = _article_with(window, "嘎查", not_ids=(first.id,))
    window.session.annotations.tag([first.id], ["旧名"])
    window.session.annotations.tag([second.id], ["ＰＡＲＴＹ"])  # stored NFKC: PARTY
    window.show_browse_tab(TAGS_TAB)
    settle(qtbot, window)
    view = window.tags_view
    assert [view.tag_list.item(r).data(Qt.ItemDataRole.UserRole + 2)
            for r in range(view.tag_list.count())] == ["PARTY", "旧名"]
    asked = []
    view.ask_text = lambda title, label, text: "party"  # typed in lower case, half width
    view.confirm = lambda title, text: asked.append(text) or True
    view.rename("旧名")
    settle(qtbot, window)
    assert asked and "合并" in asked[0]
    assert [(s.name, s.count) for s in window.session.library.tags.summaries()] == [("PARTY", 2)]
    assert view.current_tag == "PARTY"
    # a declined merge changes nothing
    window.session.annotations.tag([first.id], ["另一个"])
    view.reload()
    settle(qtbot, window)
    view.confirm = lambda title, text: False
    view.ask_text = lambda title, label, text: "PARTY"
    view.rename("另一个")
    settle(qtbot, window)
    assert {s.name for s in window.session.library.tags.summaries()} == {"PARTY", "另一个"}
    # colour, then delete: the articles stay
    view.ask_color = lambda name: "#3366cc"
    view.recolor("PARTY")
    settle(qtbot, window)
    assert window.session.library.tags.summaries()[0].color == "#3366cc"
    view.confirm = lambda title, text: True
    view.delete("PARTY")
    settle(qtbot, window)
    assert window.session.library.articles.get(first.id).tags == ("另一个",)
    assert window.session.library.articles.get(second.id).title == second.title
    window.undo_action.trigger()
    settle(qtbot, window)
    assert window.session.library.filters.ids_with_tag("PARTY") == {first.id, second.id}


def test_a_note_is_saved_while_typing_on_switching_and_on_closing(qtbot, open_window,
                                                                 library_dir):
    window = open_window(library_dir)
    first = _article_with(window, "网格员")
    second = _article_with(window, "嘎查", not_ids=(first.id,))
    _select_in_tree(qtbot, window, first)
    editor = window.panel.note_editor
    editor.setFocus()
    type_text(editor, "要点：网格员")
    with qtbot.waitSignal(editor.saved, timeout=DEBOUNCE_MS * 5):
        pass  # the debounce fires on its own
    assert window.session.library.notes.get(first.id) == "要点：网格员"
    type_text(editor, "，再补一句")
    _select_in_tree(qtbot, window, second)  # switching writes the rest at once
    settle(qtbot, window)
    assert window.session.library.notes.get(first.id) == "要点：网格员，再补一句"
    assert editor.toPlainText() == ""
    _select_in_tree(qtbot, window, first)
    assert editor.toPlainText() == "要点：网格员，再补一句"
    # the notes view lists it; note text is searchable and has:note finds it
    window.show_browse_tab(NOTES_TAB)
    settle(qtbot, window)
    assert window.notes_view.article_ids()[0] == first.id
    outcome = window.session.search("再补一句")
    assert [(h.id, h.match) for h in outcome.hits] == [(first.id, "note")]
    # closing writes what the debounce has not
    _select_in_tree(qtbot, window, second)
    type_text(editor, "关窗前写的")
    window.close()
    from reader.app import Session
    from reader.paths import resolve_paths

    with Session.open(resolve_paths(library_dir)) as session:
        assert session.library.notes.get(second.id) == "关窗前写的"


def _a_real_full_disk_error(tmp_path) -> sqlite3.Error:
    """SQLite's own SQLITE_FULL, from a database capped at three pages."""
    conn = sqlite3.connect(tmp_path / "full.sqlite3")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("PRAGMA max_page_count = 3")
    try:
        for _ in range(100):
            conn.execute("INSERT INTO t VALUES (?)", ["x" * 2000])
    except sqlite3.Error as error:
        return error
    finally:
        conn.close()
    raise AssertionError("the capped database never filled up")


def test_a_note_that_cannot_be_written_says_why_and_is_kept(qtbot, open_window, library_dir,
                                                          monkeypatch, tmp_path):
    window = open_window(library_dir)
    first = _article_with(window, "网格员")
    _select_in_tree(qtbot, window, first)
    editor = window.panel.note_editor
    disk_full = _a_real_full_disk_error(tmp_path)

    def full(*_args):
        raise disk_full

    monkeypatch.setattr(window.session.annotations, "set_note", full)
    type_text(editor, "写不进去")
    editor.flush()
    settle(qtbot, window)
    level, text = window.messages.history[-1]
    assert level == "error" and text.startswith("笔记没有保存：磁盘已满")
    assert editor.dirty and editor.toPlainText() == "写不进去"
    monkeypatch.undo()
    with qtbot.waitSignal(editor.saved):
        editor.flush()
    assert not editor.dirty
    assert window.session.library.notes.get(first.id) == "写不进去"


def test_highlight_a_selection_then_find_it_again_after_a_reparse(qtbot, open_window,
                                                                 library_dir, monkeypatch):
    window = open_window(library_dir)
    article = _article_with(window, "林西县聚焦")
    _select_in_tree(qtbot, window, article)
    _select_text(window, "林西县聚焦")
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    [mark] = window.session.library.highlights.of_article(article.id)
    assert mark.quote == "林西县聚焦" and article.text[mark.start:mark.end] == mark.quote
    assert [s.cursor.selectedText() for s in window.pane.extraSelections()] == ["林西县聚焦"]
    assert window.panel.highlight_list.count() == 1
    # a second one in green from the context menu: the last paragraph's opening words
    second_quote = article.paragraphs[-1][:6]
    _select_text(window, second_quote)
    menu = window.pane.context_menu(window.pane.cursorRect().center())
    next(a for a in menu.actions() if a.text() == "划线（绿色）").trigger()
    settle(qtbot, window)
    assert len(window.session.library.highlights.of_article(article.id)) == 2
    assert window.panel.highlights_label.text() == "划线（2）"

    # a parser upgrade puts a new paragraph first: every offset moves
    import reader.app.importing as importing
    from reader.ingest import parse_page as real_parse

    def upgraded_parser(text, source=None, **meta):
        page = real_parse(text, source=source, **meta)
        items = list(page.items)
        for n, item in enumerate(items):
            if "林西县聚焦" in item.body_text:
                items[n] = replace(item, paragraphs=("新版解析器多找到的一段。", *item.paragraphs))
        return replace(page, items=tuple(items))

    monkeypatch.setattr(importing, "parse_page", upgraded_parser)
    source = window.session.library.pages.get(article.page_id).source_path
    settle(qtbot, window)
    window.session.import_paths([source], reparse=True)
    open_article(qtbot, window, _article_with(window, "林西县聚焦").id)
    moved = {h.quote: h for h in window.session.library.highlights.of_article(article.id)}
    assert moved["林西县聚焦"].start > mark.start and not moved["林西县聚焦"].orphaned
    assert sorted(s.cursor.selectedText() for s in window.pane.extraSelections()) == \
        sorted(["林西县聚焦", second_quote])
    # clicking one in the list brings it into view; Delete removes it; Ctrl+Z restores it
    listing = window.panel.highlight_list
    row = next(r for r in range(listing.count()) if second_quote in listing.item(r).text())
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton,
                     pos=listing.visualItemRect(listing.item(row)).center())
    cursor = window.pane.textCursor()
    assert window.pane.document_range(moved[second_quote].start,
                                      moved[second_quote].end)[0] == cursor.position()
    listing.setCurrentRow(row)
    listing.setFocus()
    qtbot.keyClick(listing, Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert [h.quote for h in window.session.library.highlights.of_article(article.id)] == ["林西县聚焦"]
    window.undo_action.trigger()
    settle(qtbot, window)
    assert len(window.session.library.highlights.of_article(article.id)) == 2
    assert len(window.pane.extraSelections()) == 2


def test_an_orphaned_highlight_is_listed_not_drawn(qtbot, open_window, library_dir, monkeypatch):
    window = open_window(library_dir)
    article = _article_with(window, "林西县聚焦")
    start = article.text.index("林西县聚焦")
    settle(qtbot, window)
    window.session.annotations.add_highlight(article.id, start, start + 5)
    import reader.app.importing as importing
    from reader.ingest import parse_page as real_parse

    def parser_without_those_words(text, source=None, **meta):
        return real_parse(text.replace("林西县聚焦", "某县着力"), source=source, **meta)

    monkeypatch.setattr(importing, "parse_page", parser_without_those_words)
    window.session.import_paths([window.session.library.pages.get(article.page_id).source_path],
                                reparse=True)
    _select_in_tree(qtbot, window, article)
    [mark] = window.panel.highlight_list.highlights
    assert mark.orphaned
    assert window.panel.highlight_list.item(0).text().startswith("〔已失位〕“林西县聚焦”")
    assert window.pane.extraSelections() == []


def test_highlight_needs_a_selection(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    _select_in_tree(qtbot, window, _article_with(window, "网格员"))
    window.pane.setTextCursor(QTextCursor(window.pane.document()))
    window.highlight_action.trigger()
    assert window.messages.history[-1] == ("info", "先在文章里选中要划线的文字。")
