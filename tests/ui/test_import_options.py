"""File → Import… with the import options: paper, date, page number and page name for the batch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from reader.models import PageMeta
from reader.ui.import_options import ImportOptionsDialog
from tests.ui.conftest import expand_page, type_text

PAGE = (
    "坚持以人民为中心的发展思想\n\n本报记者  张  洋\n\n"
    "2023年以来，各地把基层治理放在突出位置。记者近日在多地采访看到，网格员走村入户。\n"
)


def fill_and_press(qtbot, dialog, button, **fields) -> None:
    """Type into the dialog's fields like a user, then press OK or Cancel."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for name, text in fields.items():
        type_text(getattr(dialog, name), text)
    qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)


def test_import_through_the_window_with_paper_and_date(open_window, library_dir, qtbot, tmp_path):
    window = open_window(library_dir)
    page = tmp_path / "jjrb_20240101_p02.txt"  # the user's fields win over the file name
    page.write_text(PAGE, encoding="utf-8")
    window.choose_files = lambda: [str(page)]
    asked = []

    def answer(paths):
        dialog = ImportOptionsDialog(len(paths), window)
        asked.append(dialog)
        assert dialog.page_number.isEnabled()  # one file: a page number may be given
        fill_and_press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok, paper="人民日报",
                       date="2025-01-07", page_number="19", page_name="党建")
        return dialog.meta() if dialog.result() == ImportOptionsDialog.DialogCode.Accepted else None

    window.ask_import_options = answer
    with qtbot.waitSignal(window.import_finished, timeout=30000) as done:
        window.import_action.trigger()
    assert len(asked) == 1
    [result] = done.args[0]
    assert result.status == "imported"
    issue = window.session.library.pages.get(result.page_id)
    assert (issue.paper, issue.date, issue.date_source, issue.page_number, issue.page_name) == (
        "人民日报", "2025-01-07", "user", 19, "党建")
    def labels() -> list[str]:
        return [window.tree_model.index(row, 0).data()
                for row in range(window.tree_model.rowCount())]

    # The tree reads the papers again on the worker once the import's changes arrive.
    qtbot.waitUntil(lambda: "人民日报 ✎（1期）" in labels(), timeout=10000)
    assert "先锋（2期）" in labels()  # the seeds' pages are where they were
    # … and the page is filed under its paper, year and date, as 第19版 党建
    page = expand_page(qtbot, window, result.page_id)
    assert page.data() == "第19版 党建 ✎"  # the reader gave its date: marked as theirs
    assert page.parent().data() == "1月7日 周二 ✎（1版）"
    assert page.parent().parent().data() == "2025年（1期）"


def test_cancelling_the_options_imports_nothing(open_window, library_dir, qtbot, tmp_path):
    window = open_window(library_dir)
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    window.choose_files = lambda: [str(page)]

    def answer(paths):
        dialog = ImportOptionsDialog(len(paths), window)
        fill_and_press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel, paper="人民日报")
        return dialog.meta() if dialog.result() == ImportOptionsDialog.DialogCode.Accepted else None

    window.ask_import_options = answer
    before = window.tree_model.rowCount()
    with qtbot.assertNotEmitted(window.import_finished, wait=300):
        window.import_action.trigger()
    assert window.tree_model.rowCount() == before


def test_a_bad_date_keeps_the_dialog_open_and_says_why(qtbot):
    dialog = ImportOptionsDialog(1)
    fill_and_press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok, date="2025-02-30")
    assert dialog.isVisible() and dialog.result() != ImportOptionsDialog.DialogCode.Accepted
    assert dialog.problem.isVisible() and "2025-02-30" in dialog.problem.text()
    dialog.date.clear()
    type_text(dialog.date, "2025年2月3日")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.result() == ImportOptionsDialog.DialogCode.Accepted
    assert dialog.meta() == PageMeta(date="2025-02-03")


def test_several_files_take_no_page_number(qtbot):
    dialog = ImportOptionsDialog(3)
    fill_and_press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok, paper="光明日报")
    assert not dialog.page_number.isEnabled()
    assert "3" in dialog.intro.text()
    assert dialog.meta() == PageMeta(paper="光明日报")
