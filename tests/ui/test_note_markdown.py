"""Notes render their Markdown in the side panel (issue 19): written in the editor, shown
rendered when the reader moves on, with no raw HTML, image or link ever loaded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from tests.ui.conftest import select_in_tree, settle, type_text

LINES = ["**重点**：网格员入户", "", "- 第一条", "- 第二条", "",
         "![示意图](http://example.com/a.png) <img src=\"/etc/x.png\"> [人民网](http://people.com.cn)"]


def _type_lines(qtbot, editor, lines) -> None:
    for n, line in enumerate(lines):
        if n:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        type_text(editor, line)


def test_a_note_is_written_in_markdown_and_shown_rendered(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    library = window.session.library
    article = library.articles.in_issue(library.issues.all()[0].id)[0]
    select_in_tree(qtbot, window, article)
    view = window.panel.note_view
    assert not view.showing_rendered  # no note yet: the editor, ready to type in
    view.editor.setFocus()
    qtbot.waitUntil(view.editor.hasFocus)
    _type_lines(qtbot, view.editor, LINES)

    # moving on to the article writes the note and shows it rendered
    window.pane.setFocus()
    qtbot.waitUntil(lambda: view.showing_rendered)
    settle(qtbot, window)
    assert library.articles.get(article.id).note == "\n".join(LINES)
    document = view.rendered.document()
    shown = document.toPlainText()
    assert "**" not in shown and "重点：网格员入户" in shown
    bold = document.find("重点")
    assert bold.charFormat().fontWeight() == QFont.Weight.Bold
    assert document.find("第一条").currentList() is not None
    assert '<img src="/etc/x.png">' in shown  # raw HTML is shown as typed, never made markup
    assert "[图片：示意图]" in shown and "人民网（http://people.com.cn）" in shown
    assert "<img" not in document.toHtml()  # nothing for Qt to load

    # a click on the rendered note edits it again, caret at the end
    qtbot.mouseClick(view.rendered.viewport(), Qt.MouseButton.LeftButton)
    assert not view.showing_rendered and view.editor.hasFocus()
    type_text(view.editor, "。")
    window.pane.setFocus()
    qtbot.waitUntil(lambda: view.showing_rendered)
    settle(qtbot, window)
    assert library.articles.get(article.id).note.endswith("(http://people.com.cn)。")

    # another article without a note: the editor; back again: rendered
    other = library.articles.in_issue(library.issues.all()[0].id)[1]
    select_in_tree(qtbot, window, other)
    assert not view.showing_rendered and view.editor.toPlainText() == ""
    select_in_tree(qtbot, window, article)
    qtbot.waitUntil(lambda: view.showing_rendered)
