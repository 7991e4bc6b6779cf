"""Issue 15 in the window, driven like a reader: fix an article's boundaries, lines and text
from the pane's context menu and the keyboard, undo it, and find it all again after a re-parse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QToolTip

from reader.ui.correction_commands import COMMANDS, Command
from reader.ui.tree_model import ArticleIdRole
from tests.fix_helpers import (
    SUBHEAD_TITLE,
    TWO_STORIES_AT,
    TWO_STORIES_TITLE,
    article_titled,
    reparse_with_changed_parser,
    write_subhead_page,
)
from tests.ui.conftest import answer_tag_prompt, select_in_tree, settle, type_text


def _article_titled(window, title: str):
    return article_titled(window.session, title)


def _page(window, page_id: int):
    return window.session.library.articles.on_page(page_id)


def _point_in(window, text: str) -> QPoint:
    """Where `text` is shown in the pane (the middle of its first characters)."""
    pane = window.pane
    found = pane.document().find(text)
    assert not found.isNull(), text
    found.setPosition(found.selectionStart() + 2)
    pane.ensureCursorVisible()
    return pane.cursorRect(found).center()


def _right_click(qtbot, window, text: str, choice: str, submenu: str | None = None) -> None:
    """Right-click the pane on `text` and choose `choice` (in `submenu`, if given)."""
    menu = window.pane.context_menu(_point_in(window, text))
    if submenu is not None:
        menu = next(a.menu() for a in menu.actions() if a.text() == submenu)
    action = next(a for a in menu.actions() if a.text() == choice)
    assert action.isEnabled(), choice
    action.trigger()
    settle(qtbot, window)


def _tree_titles(window, page_id: int) -> list[str]:
    model = window.tree_model
    from reader.app.archive import page_key

    parent = model.index_of_key(page_key(page_id))
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def test_the_context_menu_offers_every_correction_with_its_shortcut(open_window, library_dir,
                                                                    qtbot):
    window = open_window(library_dir)
    article = _article_titled(window, "从一个人的微光到一群人闪光")
    select_in_tree(qtbot, window, article)
    menu = window.pane.context_menu(_point_in(window, article.paragraphs[2][:8]))
    texts = {a.text(): a for a in menu.actions()}
    for command in COMMANDS:
        if isinstance(command, Command):
            action = texts[command.text]
            assert action.isEnabled(), command.text
            if command.shortcut:
                assert action.shortcut() == QKeySequence(command.shortcut)
    roles = texts["此行是"].menu()
    assert [a.text() for a in roles.actions()] == ["标题", "肩题", "副题", "署名", "小标题",
                                                    "图片说明", "不属于文章"]
    # on the headline only the whole-article commands are offered
    on_title = {a.text(): a for a in window.pane.context_menu(
        _point_in(window, article.title)).actions()}
    assert not on_title["在此段前拆分"].isEnabled() and not on_title["此行是"].isEnabled()
    assert on_title["与上一篇合并"].isEnabled() and on_title["修改类型…"].isEnabled()
    # on the first paragraph a split would change nothing
    first = {a.text(): a for a in window.pane.context_menu(
        _point_in(window, article.paragraphs[0][:8])).actions()}
    assert not first["在此段前拆分"].isEnabled() and first["此段移到上一篇"].isEnabled()
    # the menu bar's 更正 menu holds the same commands
    bar = next(a.menu() for a in window.menuBar().actions() if a.text() == "更正(&C)")
    assert "在此段前拆分" in [a.text() for a in bar.actions()]
    # while it is open it says what applies to the caret's paragraph (here the first)
    assert window.pane.select_paragraph(1)
    bar.popup(window.mapToGlobal(QPoint(0, 0)))
    qtbot.waitUntil(bar.isVisible)
    split = window.corrections.actions["split"]
    assert not split.isEnabled() and window.corrections.actions["role:title"].isEnabled()
    bar.hide()
    assert split.isEnabled()  # closed, the key works again wherever the caret goes


def test_no_two_window_actions_share_a_shortcut(open_window, library_dir):
    window = open_window(library_dir)
    seen: dict[str, str] = {}
    for action in window.actions():
        for shortcut in action.shortcuts():
            key = shortcut.toString()
            assert key not in seen, f"{key}: {seen.get(key)} and {action.text()}"
            seen[key] = action.text()
    assert seen["Ctrl+Shift+S"] == "在此段前拆分"


# -- re-parsing with a changed parser --------------------------------------------------------

def _reparse(qtbot, window, page_id: int) -> None:
    """Parse the page again with a newer parser (tests/fix_helpers.py: full-width commas and
    question marks, so paragraph texts and article keys shift), as `import --reparse`
    would, then let the window read the library again."""
    settle(qtbot, window)
    source = window.session.library.pages.get(page_id).source_path
    reparse_with_changed_parser(window.session, [source])
    window.issues_view.load()
    settle(qtbot, window)


def _focus_pane(qtbot, window) -> None:
    """The window active again (a dialog was open) and the pane focused: a shortcut reaches
    the window's actions only from its active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.pane.setFocus()


def _highlight(qtbot, window, text: str) -> None:
    """Select `text` in the body (an untitled article's headline repeats its first words)
    and press Ctrl+H."""
    document = window.pane.document()
    cursor = document.find(text)
    while not cursor.isNull() and window.pane.text_map.to_text(
            cursor.selectionStart(), cursor.selectionEnd()) is None:
        cursor = document.find(text, cursor)
    assert not cursor.isNull(), text
    window.pane.setTextCursor(cursor)
    _focus_pane(qtbot, window)
    qtbot.keyClick(window.pane, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)


def _write_note(qtbot, window, text: str) -> None:
    editor = window.panel.note_editor
    editor.setFocus()
    type_text(editor, text)
    editor.flush()
    settle(qtbot, window)


def _full_width(text: str) -> str:
    return text.replace(",", "，").replace("?", "？")


def _steady_words(paragraph: str, length: int = 8) -> str:
    """Words of `paragraph` the changed parser leaves alone (a highlight over a changed
    character is re-anchored only as far as the library's anchoring finds it)."""
    for start in range(len(paragraph) - length + 1):
        words = paragraph[start:start + length]
        if words == _full_width(words) and "“" not in words:
            return words
    raise AssertionError(paragraph)


def test_two_stories_in_one_split_from_the_context_menu_survive_a_reparse(
        open_window, library_dir, qtbot):
    window = open_window(library_dir)
    article = article_titled(window.session, TWO_STORIES_TITLE)
    before = [a.id for a in _page(window, article.page_id)]
    select_in_tree(qtbot, window, article)
    second_story = article.paragraphs[TWO_STORIES_AT - 1]
    _right_click(qtbot, window, second_story[:10], "在此段前拆分")

    # the pane shows the first part, the tree both, the second right after the first
    after = _page(window, article.page_id)
    assert len(after) == len(before) + 1
    at = [a.id for a in after].index(article.id)
    first, second = after[at], after[at + 1]
    assert first.paragraphs == article.paragraphs[:TWO_STORIES_AT - 1]
    assert first.title == article.title and first.corrected
    assert second.paragraphs == article.paragraphs[TWO_STORIES_AT - 1:]
    assert window.pane.article.id == article.id
    assert window.pane.article.paragraphs == first.paragraphs
    assert second_story not in window.pane.toPlainText()
    assert "✎ 已更正" in window.pane.toPlainText()
    for part in (first, second):
        row = window.tree_model.index_of(part.id)
        assert row.isValid() and "✎" in row.data()

    # the reader annotates both parts: a tag on the first, a note and a highlight on the second
    answer_tag_prompt(qtbot, window, "两篇拆开", window.tag_action.trigger)
    select_in_tree(qtbot, window, second)
    _write_note(qtbot, window, "第二篇的笔记")
    quote = _steady_words(second_story)
    _highlight(qtbot, window, quote)
    assert [h.quote for h in window.session.library.articles.get(second.id).highlights] == [quote]

    # a newer parser: every comma becomes full-width, texts and keys change
    _reparse(qtbot, window, article.page_id)
    page = _page(window, article.page_id)
    assert len(page) == len(after)
    first_now = next(a for a in page if a.title == _full_width(article.title))
    second_now = page[page.index(first_now) + 1]
    assert first_now.paragraphs == tuple(_full_width(p) for p in first.paragraphs)
    assert second_now.paragraphs == tuple(_full_width(p) for p in second.paragraphs)
    assert first_now.tags == ("两篇拆开",) and second_now.tags == ()
    assert second_now.note == "第二篇的笔记"
    [mark] = second_now.highlights  # re-anchored on the new text
    assert not mark.orphaned and second_now.text[mark.start:mark.end] == quote
    # … and the window shows them so
    select_in_tree(qtbot, window, second_now)
    assert [s.cursor.selectedText() for s in window.pane.extraSelections()] == [quote]
    assert window.panel.note_editor.toPlainText() == "第二篇的笔记"
    assert "✎ 已更正" in window.pane.toPlainText()
    select_in_tree(qtbot, window, first_now)
    assert list(window.panel.tag_editor.chips) == ["两篇拆开"]
    assert second_story not in window.pane.toPlainText()


def test_a_subhead_taken_for_a_headline_is_merged_back_by_keyboard_and_stays_merged(
        open_window, library_dir, qtbot, tmp_path):
    window = open_window(library_dir)
    window.choose_files = lambda: [str(write_subhead_page(tmp_path / "pages"))]
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.import_action.trigger()
    settle(qtbot, window)
    wrong = article_titled(window.session, SUBHEAD_TITLE)
    page_id = wrong.page_id
    [whole, _wrong] = _page(window, page_id)

    # the reader opens the false article and merges it into the one before (Ctrl+Alt+M)
    select_in_tree(qtbot, window, wrong)
    _focus_pane(qtbot, window)
    qtbot.keyClick(window.pane, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    settle(qtbot, window)
    [merged] = _page(window, page_id)
    assert merged.id == whole.id and merged.title == whole.title
    assert merged.paragraphs == (*whole.paragraphs, *wrong.paragraphs)
    assert SUBHEAD_TITLE in merged.subheads
    qtbot.waitUntil(lambda: window.pane.article is not None
                    and window.pane.article.id == merged.id)
    assert SUBHEAD_TITLE in window.pane.toPlainText() and "已更正" in window.pane.toPlainText()
    assert window.tree_model.index_of(merged.id).isValid()
    assert not window.tree_model.index_of(wrong.id).isValid()
    assert window.undo_action.text().startswith("撤销 合并文章 ")

    # the reader tags it and highlights a line of what was the false article; a newer parser
    # runs: the merge, the tag and the highlight stay
    answer_tag_prompt(qtbot, window, "已合并", window.tag_action.trigger)
    quote = _steady_words(wrong.paragraphs[-1])
    _highlight(qtbot, window, quote)
    _reparse(qtbot, window, page_id)
    [again] = _page(window, page_id)
    assert again.id == whole.id and again.tags == ("已合并",)
    assert again.paragraphs == tuple(_full_width(p) for p in merged.paragraphs)
    [mark] = again.highlights
    assert not mark.orphaned and again.text[mark.start:mark.end] == quote
    select_in_tree(qtbot, window, again)
    assert SUBHEAD_TITLE in window.pane.toPlainText()
    assert [s.cursor.selectedText() for s in window.pane.extraSelections()] == [quote]


def test_undo_and_redo_a_split_from_the_window(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    article = _article_titled(window, "从一个人的微光到一群人闪光")
    count = len(_page(window, article.page_id))
    select_in_tree(qtbot, window, article)
    # a click in the fourth paragraph puts the caret there; Ctrl+Shift+S splits before it
    qtbot.mousePress(window.pane.viewport(), Qt.MouseButton.LeftButton,
                     pos=_point_in(window, article.paragraphs[3][:10]))
    _focus_pane(qtbot, window)
    qtbot.keyClick(window.pane, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, window)
    assert len(_page(window, article.page_id)) == count + 1
    assert window.pane.article.paragraphs == article.paragraphs[:3]
    assert window.undo_action.text().startswith("撤销 拆分文章 ")

    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert len(_page(window, article.page_id)) == count
    assert window.pane.article.paragraphs == article.paragraphs
    assert window.redo_action.text().startswith("重做 拆分文章 ")
    assert "已更正" not in window.pane.toPlainText()

    qtbot.keyClick(window.pane, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, window)
    assert len(_page(window, article.page_id)) == count + 1
    assert window.pane.article.paragraphs == article.paragraphs[:3]


def _dialog(qtbot, window, trigger):
    with qtbot.waitSignal(window.corrections.dialog_opened, timeout=10000) as opened:
        trigger()
    return opened.args[0]


def test_correct_a_paragraphs_text_see_the_original_and_restore_it(open_window, library_dir,
                                                                   qtbot):
    window = open_window(library_dir)
    article = _article_titled(window, "结对帮扶授“真经”")
    select_in_tree(qtbot, window, article)
    old = article.paragraphs[1]
    window.pane.select_paragraph(2)
    _focus_pane(qtbot, window)
    dialog = _dialog(qtbot, window, lambda: qtbot.keyClick(
        window.pane, Qt.Key.Key_X,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
    assert dialog.editor.toPlainText() == old and dialog.restore_button is None
    dialog.editor.selectAll()
    type_text(dialog.editor, "读者改正的文字<b>照原样</b>")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.session.library.articles.get(article.id).paragraphs[1] == \
        "读者改正的文字<b>照原样</b>"
    assert "读者改正的文字<b>照原样</b>" in window.pane.toPlainText()
    assert window.pane.originals == {2: old}
    # hovering the corrected paragraph shows its original, as text
    pos = _point_in(window, "读者改正的文字")
    tip = window.pane.tooltip_at(pos)
    assert old in tip and "原文" in tip
    viewport = window.pane.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos,
                                                viewport.mapToGlobal(pos)))
    qtbot.waitUntil(lambda: old in QToolTip.text())
    QToolTip.hideText()
    assert window.pane.tooltip_at(_point_in(window, article.paragraphs[0][:6])) == ""
    # search finds the corrected text, and its result is marked
    window.search_bar.setText("读者改正")
    window.search.run_now()
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 1)
    assert window.results_model.index(0, 0).data(ArticleIdRole) == article.id
    assert "✎ 已更正" in window.results_model.index(0, 0).data()
    window.show_tree()
    # undo text says what it was; the dialog again shows the original and puts it back
    assert window.undo_action.text().startswith("撤销 修改段落文字 ")
    dialog = _dialog(qtbot, window, lambda: window.corrections.actions["edit_text"].trigger())
    assert dialog.original_view.toPlainText() == old
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.session.library.articles.get(article.id).paragraphs[1] == old
    assert old in window.pane.toPlainText() and window.pane.originals == {}


def test_kind_column_and_authors_from_the_menu_bar(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    article = _article_titled(window, "结对帮扶授“真经”")
    select_in_tree(qtbot, window, article)
    actions = window.corrections.actions

    dialog = _dialog(qtbot, window, actions["kind"].trigger)
    dialog.combo.setCurrentIndex(dialog.combo.findText("评论"))
    dialog.accept()
    settle(qtbot, window)
    assert window.session.library.articles.get(article.id).kind == "commentary"

    dialog = _dialog(qtbot, window, actions["column"].trigger)
    dialog.field.clear()
    type_text(dialog.field, "基层来信")
    dialog.accept()
    settle(qtbot, window)
    assert window.session.library.articles.get(article.id).column == "基层来信"

    dialog = _dialog(qtbot, window, actions["authors"].trigger)
    dialog.table.setRowCount(0)
    dialog.add_row("本报记者", "王五")
    dialog.add_row("通讯员", "赵六")
    dialog.accept()
    settle(qtbot, window)
    stored = window.session.library.articles.get(article.id)
    assert [(a.role, a.name) for a in stored.authors] == [("本报记者", "王五"), ("通讯员", "赵六")]
    shown = window.pane.toPlainText()
    assert "基层来信" in shown and "评论" in shown and "王五" in shown and "赵六" in shown
    # the tree row says so too
    index = window.tree_model.index_of(article.id)
    assert index.isValid() and "✎" in index.data()


def test_move_a_paragraph_and_drop_a_line_that_is_not_part_of_the_article(open_window,
                                                                          library_dir, qtbot):
    window = open_window(library_dir)
    article = _article_titled(window, "从一个人的微光到一群人闪光")
    page = _page(window, article.page_id)
    following = page[[a.id for a in page].index(article.id) + 1]
    select_in_tree(qtbot, window, article)
    last = article.paragraphs[-1]
    _right_click(qtbot, window, last[:10], "此段移到下一篇")
    assert window.session.library.articles.get(article.id).paragraphs == article.paragraphs[:-1]
    assert window.session.library.articles.get(following.id).paragraphs == \
        (last, *following.paragraphs)
    assert last not in window.pane.toPlainText()

    # the first paragraph is page furniture: it leaves the article (Ctrl+Z brings it back)
    first = article.paragraphs[0]
    _right_click(qtbot, window, first[:10], "不属于文章", submenu="此行是")
    assert window.session.library.articles.get(article.id).paragraphs == \
        article.paragraphs[1:-1]
    assert first not in window.pane.toPlainText()
    assert window.undo_action.text().startswith("撤销 更改行的角色 ")
    window.undo_action.trigger()
    settle(qtbot, window)
    assert window.session.library.articles.get(article.id).paragraphs == article.paragraphs[:-1]
    assert first in window.pane.toPlainText()
