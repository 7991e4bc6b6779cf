"""The 编辑版面信息 and 重命名报纸 dialogs, typed into as a reader would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from reader.app.archive import PageValues
from reader.ui.metadata_dialog import PageMetaDialog, RenamePaperDialog
from tests.ui.conftest import type_text

TWO = (PageValues(1, paper="人民日报", date="2025-01-07", number="5", name="评论",
                  user_fields=frozenset({"name"})),
       PageValues(2, paper="人民日报", date="2025-01-07", number="10", name="综合"))


def press(qtbot, dialog, button=QDialogButtonBox.StandardButton.Ok) -> None:
    qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)


def test_shared_values_are_filled_in_and_differing_ones_left_alone(qtbot):
    dialog = PageMetaDialog(TWO, ["人民日报", "光明日报"])
    qtbot.addWidget(dialog)
    assert dialog.fields["paper"].text() == "人民日报"
    assert dialog.fields["date"].text() == "2025-01-07"
    assert dialog.fields["name"].text() == "" and "多个值" in dialog.fields["name"].placeholderText()
    assert not dialog.fields["number"].isEnabled()  # one number cannot fit two pages
    assert dialog.edits() == {}  # nothing typed, nothing changes
    dialog.fields["date"].clear()
    type_text(dialog.fields["date"], "2025年1月8日")
    dialog.fields["paper"].clear()
    assert dialog.edits() == {"date": "2025-01-08", "paper": None}


def test_a_bad_date_keeps_the_dialog_open_and_says_why(qtbot):
    dialog = PageMetaDialog(TWO[:1])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fields["number"].isEnabled() and dialog.fields["number"].text() == "5"
    dialog.fields["date"].clear()
    type_text(dialog.fields["date"], "2025-02-30")
    press(qtbot, dialog)
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert "2025-02-30" in dialog.problem.text()
    dialog.fields["date"].clear()
    type_text(dialog.fields["date"], "2025-02-03")
    dialog.fields["number"].clear()
    type_text(dialog.fields["number"], "A7")
    press(qtbot, dialog)
    assert dialog.result() == PageMetaDialog.DialogCode.Accepted
    assert dialog.edits() == {"date": "2025-02-03", "number": 7}


def test_fields_the_reader_set_are_marked(qtbot):
    dialog = PageMetaDialog(TWO)
    qtbot.addWidget(dialog)
    assert dialog.fields["name"].toolTip() == "由你设定"
    assert dialog.fields["paper"].toolTip() == ""


def test_renaming_onto_another_paper_says_it_merges(qtbot):
    dialog = RenamePaperDialog("先锋", ["先锋", "人民日报", "北方新报"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # the same name changes nothing
    dialog.field.clear()
    type_text(dialog.field, "北方新报")
    assert ok.isEnabled() and "合并" in dialog.note.text()
    dialog.field.clear()
    type_text(dialog.field, "内蒙古日报 ")
    assert "合并" not in dialog.note.text() and dialog.new_name() == "内蒙古日报"
