"""撤销 / 重做 from the keyboard (issue 19): Ctrl+Z undoes the last library change even with
the focus in a text field, Ctrl+Shift+Z and Ctrl+Y redo, and the 编辑 menu says what each
will do, in the window's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from reader.ui import translation
from tests.ui.conftest import press, select_in_tree, settle, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _first_article(window):
    library = window.session.library
    return library.articles.in_issue(library.issues.all()[0].id)[0]


def _tags(window, article):
    return window.session.library.articles.get(article.id).tags


def _tag_it(qtbot, window, name: str) -> None:
    field = window.panel.tag_editor.field
    field.setFocus()
    type_text(field, name)
    press(qtbot, field, Qt.Key.Key_Return)
    settle(qtbot, window)


def test_ctrl_z_in_a_field_undoes_the_library_change_and_redo_makes_it_again(
        qtbot, open_window, library_dir):
    window = open_window(library_dir)
    article = _first_article(window)
    select_in_tree(qtbot, window, article)
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    _tag_it(qtbot, window, "红色物业")
    assert window.undo_action.text() == "撤销 添加标签 红色物业"

    # focus in the tag field with half a word typed: Ctrl+Z is the library's undo …
    field = window.panel.tag_editor.field
    field.setFocus()
    type_text(field, "待")
    press(qtbot, field, Qt.Key.Key_Escape)
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    settle(qtbot, window)
    assert _tags(window, article) == ()
    assert field.text() == "待"  # … not the field's
    assert window.redo_action.isEnabled() and window.redo_action.text() == "重做 添加标签 红色物业"
    assert window.undo_action.text() == "撤销" and not window.undo_action.isEnabled()

    # Ctrl+Shift+Z in the note editor makes it again; the note keeps its text
    note = window.panel.note_editor
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_Z, CTRL_SHIFT)
    settle(qtbot, window)
    assert _tags(window, article) == ("红色物业",)
    assert window.messages.history[-1][1] == "已重做：添加标签 红色物业"

    # Ctrl+Z and Ctrl+Y in the search bar
    window.search_bar.setFocus()
    qtbot.keyClick(window.search_bar, Qt.Key.Key_Z, CTRL)
    settle(qtbot, window)
    assert _tags(window, article) == ()
    qtbot.keyClick(window.search_bar, Qt.Key.Key_Y, CTRL)
    settle(qtbot, window)
    assert _tags(window, article) == ("红色物业",)
    assert not window.redo_action.isEnabled()

    # a new change after an undo: nothing left to redo
    qtbot.keyClick(window.search_bar, Qt.Key.Key_Z, CTRL)
    settle(qtbot, window)
    field.clear()
    _tag_it(qtbot, window, "待读")
    assert not window.redo_action.isEnabled()
    assert window.undo_action.text() == "撤销 添加标签 待读"


def test_with_nothing_to_undo_a_field_keeps_its_own_undo(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    window.search_bar.setFocus()
    type_text(window.search_bar, "网格")
    qtbot.keyClick(window.search_bar, Qt.Key.Key_Z, CTRL)
    assert window.search_bar.text() != "网格"


@pytest.fixture
def english(tmp_path, qapp):
    settings = QSettings(str(tmp_path / "en.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/language", "en")
    assert translation.install_translation(settings) == "en"
    yield settings
    translation.remove_translation()


def test_the_english_menu_words_the_step_in_english(qtbot, open_window, library_dir, english):
    window = open_window(library_dir, english)
    article = _first_article(window)
    select_in_tree(qtbot, window, article)
    _tag_it(qtbot, window, "红色物业")
    _tag_it(qtbot, window, "待读")
    assert window.undo_action.text() == "Undo Add tag 待读"
    window.undo_action.trigger()
    settle(qtbot, window)
    assert window.redo_action.text() == "Redo Add tag 待读"
    assert window.messages.history[-1][1] == "Undone: Add tag 待读"
