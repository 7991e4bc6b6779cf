"""The 更正 dialogs and the pane's paragraph lookup, as a reader uses them (no library needed)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from reader.models import Entry
from reader.ui.article_view import ArticleView
from reader.ui.correction_dialogs import AuthorsDialog, KindDialog, LineDialog, ParagraphTextDialog
from tests.ui.conftest import type_text
from tests.ui.test_article_view import make_article

PARAGRAPHS = ("第一段：乌兰察布的网格员走进小区。", "第二段：另一篇报道从这里开始。",
              "第三段：<b>不是标记</b>，照原样显示。")


def _pane(qtbot) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.show_article(make_article(paragraphs=PARAGRAPHS, entries=(Entry("简讯一条", "新华社"),)))
    return view


def _point_in(view: ArticleView, text: str) -> QPoint:
    """The viewport point of the middle of the first occurrence of `text` in the pane."""
    found = view.document().find(text)
    assert not found.isNull(), text
    found.setPosition(found.selectionStart() + 2)
    return view.cursorRect(found).center()


def test_the_paragraph_under_a_point_is_numbered_from_one_and_only_in_the_body(qtbot):
    view = _pane(qtbot)
    assert view.paragraph_at(_point_in(view, "网格员")) == 1
    assert view.paragraph_at(_point_in(view, "另一篇")) == 2
    assert view.paragraph_at(_point_in(view, "不是标记")) == 3
    # the headline, a subhead and an entry are not body paragraphs
    assert view.paragraph_at(_point_in(view, "灯下黑")) is None
    assert view.paragraph_at(_point_in(view, "系统化布局")) is None
    assert view.paragraph_at(_point_in(view, "简讯一条")) is None


def test_the_keyboard_acts_on_the_clicked_paragraph_else_the_first_in_view(qtbot):
    view = _pane(qtbot)
    assert view.current_paragraph() == 1  # nothing clicked yet: the first one in view
    # a press places the caret (QTextBrowser leaves a plain-text release unaccepted, which
    # QTest reports as a warning)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=_point_in(view, "另一篇"))
    assert view.current_paragraph() == 2
    assert view.select_paragraph(3) and view.current_paragraph() == 3
    assert not view.select_paragraph(4) and not view.select_paragraph(0)


def test_the_paragraph_text_dialog_edits_and_offers_the_original_when_corrected(qtbot):
    plain = ParagraphTextDialog(2, PARAGRAPHS[1], None)
    qtbot.addWidget(plain)
    assert plain.restore_button is None and plain.original_view is None
    plain.editor.clear()
    type_text(plain.editor, "改正后的文字")
    assert plain.text() == "改正后的文字"

    corrected = ParagraphTextDialog(2, "改正后的文字", "<i>原文</i>照旧")
    qtbot.addWidget(corrected)
    corrected.open()
    assert corrected.original_view is not None and corrected.restore_button is not None
    assert corrected.original_view.toPlainText() == "<i>原文</i>照旧"
    assert corrected.original_view.isReadOnly()
    with qtbot.waitSignal(corrected.accepted):
        qtbot.mouseClick(corrected.restore_button, Qt.MouseButton.LeftButton)
    assert corrected.restore_requested


def test_kind_column_and_title_dialogs_start_from_the_article_and_say_what_was_chosen(qtbot):
    kind = KindDialog("article")
    qtbot.addWidget(kind)
    assert kind.combo.currentText() == "文章"
    kind.combo.setCurrentIndex(kind.combo.findText("评论"))
    assert kind.kind() == "commentary"

    column = LineDialog("修改栏目", "栏目名称：", "视点")
    qtbot.addWidget(column)
    assert column.field.text() == "视点"
    column.field.clear()
    type_text(column.field, " 新栏目 ")
    assert column.value() == "新栏目"


def test_the_authors_dialog_edits_rows_of_role_and_name(qtbot):
    dialog = AuthorsDialog([("本报记者", "张洋"), ("摄影", "卢兵兵")])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.authors() == [("本报记者", "张洋"), ("摄影", "卢兵兵")]
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.table.item(1, 0).setText("通讯员")
    dialog.table.item(1, 1).setText("李四")
    dialog.add_row("记者", "")  # a row without a name is left out
    assert dialog.authors() == [("本报记者", "张洋"), ("通讯员", "李四")]
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


