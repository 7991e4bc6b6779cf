"""Tags from the keyboard (issue 19): the highlighted suggestion is what Enter, Tab or ↓+Enter
take, in the side panel and in the Ctrl+T dialog; text not confirmed stays with no article."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import expand_page, press, select_in_tree, settle, type_text


def _articles(window, count: int):
    library = window.session.library
    issue = library.issues.all()[0]
    return library.articles.in_issue(issue.id)[:count]


def _type_tag(qtbot, window, text: str, *keys) -> None:
    """Type into the panel's tag field, then press `keys` (to the popup while it is shown)."""
    field = window.panel.tag_editor.field
    field.setFocus()
    type_text(field, text)
    for key in keys:
        modifier = None
        if isinstance(key, tuple):
            key, modifier = key
        press(qtbot, field, key, modifier)
    settle(qtbot, window)


def _tags(window, article) -> tuple[str, ...]:
    return window.session.library.articles.get(article.id).tags


def test_enter_and_tab_take_the_highlighted_suggestion(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    first, second, third, fourth = _articles(window, 4)
    select_in_tree(qtbot, window, first)
    _type_tag(qtbot, window, "红色物业", Qt.Key.Key_Return)
    _type_tag(qtbot, window, "红色旅游", Qt.Key.Key_Return)
    assert set(_tags(window, first)) == {"红色物业", "红色旅游"}

    # initials + Enter: the highlighted suggestion, not a tag named "hswy"
    select_in_tree(qtbot, window, second)
    editor = window.panel.tag_editor
    editor.field.setFocus()
    type_text(editor.field, "hswy")
    qtbot.waitUntil(editor.field.popup_shown)
    assert editor.field.highlighted() == "红色物业"
    press(qtbot, editor.field, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert _tags(window, second) == ("红色物业",)
    assert editor.field.text() == "" and not editor.field.popup_shown()
    assert "hswy" not in {t.name for t in window.session.library.tags.summaries()}

    # ↓ moves the highlight to the second suggestion, Enter takes it
    select_in_tree(qtbot, window, third)
    _type_tag(qtbot, window, "hs")
    assert editor.suggestions()[:2] == ["红色物业", "红色旅游"]
    press(qtbot, editor.field, Qt.Key.Key_Down)
    assert editor.field.highlighted() == "红色旅游"
    press(qtbot, editor.field, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert _tags(window, third) == ("红色旅游",)

    # Tab takes it too; a tag the article has is not offered again
    _type_tag(qtbot, window, "hs")
    assert editor.suggestions() == ["红色物业"]
    press(qtbot, editor.field, Qt.Key.Key_Tab)
    settle(qtbot, window)
    assert set(_tags(window, third)) == {"红色旅游", "红色物业"}

    # Esc closes the list: Enter then adds the letters as typed; so does Shift+Enter
    select_in_tree(qtbot, window, fourth)
    _type_tag(qtbot, window, "hswy", Qt.Key.Key_Escape, Qt.Key.Key_Return)
    _type_tag(qtbot, window, "hsl", (Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier))
    assert set(_tags(window, fourth)) == {"hswy", "hsl"}


def test_unconfirmed_text_does_not_follow_to_the_next_article(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    first, second = _articles(window, 2)
    select_in_tree(qtbot, window, first)
    _type_tag(qtbot, window, "红色物业", Qt.Key.Key_Return)
    # on the second article, a half-typed tag with its list open …
    select_in_tree(qtbot, window, second)
    field = window.panel.tag_editor.field
    field.setFocus()
    type_text(field, "hs")
    qtbot.waitUntil(field.popup_shown)
    # … is dropped when another article opens: Enter there adds nothing
    select_in_tree(qtbot, window, first)
    settle(qtbot, window)
    assert field.text() == "" and not field.popup_shown()
    field.setFocus()
    press(qtbot, field, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert _tags(window, first) == ("红色物业",)
    assert _tags(window, second) == ()


def test_the_bulk_tag_dialog_lists_tags_and_completes_the_same_way(qtbot, open_window,
                                                                  library_dir):
    window = open_window(library_dir)
    first, second, third = _articles(window, 3)
    select_in_tree(qtbot, window, first)
    _type_tag(qtbot, window, "红色物业", Qt.Key.Key_Return)
    _type_tag(qtbot, window, "待读", Qt.Key.Key_Return)
    select_in_tree(qtbot, window, second)
    _type_tag(qtbot, window, "待读", Qt.Key.Key_Return)

    model = window.tree_model
    selection = window.tree.selectionModel()
    from PySide6.QtCore import QItemSelectionModel

    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    expand_page(qtbot, window, third.page_id)
    selection.select(model.index_of(second.id), flags)
    selection.select(model.index_of(third.id),
                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    window.tree.setFocus()
    with qtbot.waitSignal(window.commands.tag_prompt_opened, timeout=10000) as opened:
        qtbot.keyClick(window.tree, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    prompt = opened.args[0]
    assert "2 篇" in prompt.label.text()
    listed = [prompt.tag_list.item(row).text() for row in range(prompt.tag_list.count())]
    assert listed == ["待读　2", "红色物业　1"]

    # initials + Enter take the suggestion and leave room for the next tag
    type_text(prompt.field, "hswy")
    qtbot.waitUntil(prompt.field.popup_shown)
    press(qtbot, prompt.field, Qt.Key.Key_Return)
    assert prompt.field.text() == "红色物业，" and prompt.isVisible()
    # a listed tag joins by Enter on the list
    prompt.tag_list.setCurrentRow(0)
    qtbot.keyClick(prompt.tag_list, Qt.Key.Key_Return)
    assert prompt.names() == ["红色物业", "待读"]
    # Enter with no list shown accepts
    prompt.field.setFocus()
    press(qtbot, prompt.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not prompt.isVisible())
    settle(qtbot, window)
    assert set(_tags(window, second)) == {"待读", "红色物业"}
    assert set(_tags(window, third)) == {"待读", "红色物业"}
