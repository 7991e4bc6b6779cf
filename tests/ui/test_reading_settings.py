"""阅读设置 (issue 19): font, size, line spacing, alignment, indent and full-width punctuation
apply to the pane at once, to the whole-page view too, and come back after a restart; the
conversion only changes what is shown, so highlights and hits stay on the same characters."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reader.ui.article_document import LINE_HEIGHT, Typography
from reader.ui.punctuation import full_width
from tests.ui.conftest import open_article, settle

#: ASCII punctuation inside Chinese: the seeds' pages carry it (科尔沁镇平安村,一栋栋…)
ASCII_IN_CHINESE = re.compile(r"[\u4e00-\u9fff][,:;?!]")


def _article_with_ascii_commas(library):
    return next(library.articles.get(a.id) for issue in library.issues.all()
                for a in library.articles.in_issue(issue.id)
                if any(ASCII_IN_CHINESE.search(p) for p in library.articles.get(a.id).paragraphs))


def _block_of(view, text: str):
    block = view.document().begin()
    while block.isValid():
        if block.text().startswith(text):
            return block
        block = block.next()
    raise AssertionError(f"no block starts with {text!r}")


def _open_settings(qtbot, window):
    with qtbot.waitSignal(window.reading_settings.opened, timeout=5000) as opened:
        window.reading_settings_action.trigger()
    return opened.args[0]


def test_each_control_retypesets_the_pane_and_the_choice_survives_a_restart(
        qtbot, open_window, library_dir, settings):
    window = open_window(library_dir)
    article = _article_with_ascii_commas(window.session.library)
    open_article(qtbot, window, article.id)
    first = article.paragraphs[0]
    body = _block_of(window.pane, first[:8])
    assert body.blockFormat().textIndent() > 0
    assert body.blockFormat().alignment() & Qt.AlignmentFlag.AlignJustify != \
        Qt.AlignmentFlag.AlignJustify
    assert "，" not in window.pane.toPlainText() or "," in window.pane.toPlainText()
    dialog = _open_settings(qtbot, window)
    assert dialog.isVisible() and not dialog.isModal()

    dialog.font_box.setCurrentIndex(dialog.font_box.findData("WenQuanYi Micro Hei"))
    body = _block_of(window.pane, first[:8])
    fragment = body.begin().fragment()
    assert fragment.charFormat().fontFamilies()[0] == "WenQuanYi Micro Hei"

    dialog.spacing_box.setValue(2.2)
    assert _block_of(window.pane, first[:8]).blockFormat().lineHeight() == \
        round(LINE_HEIGHT * 22 / 17)

    dialog.indent_box.setChecked(False)
    dialog.justify_box.setChecked(True)
    fmt = _block_of(window.pane, first[:8]).blockFormat()
    assert fmt.textIndent() == 0
    assert fmt.alignment() & Qt.AlignmentFlag.AlignJustify == Qt.AlignmentFlag.AlignJustify

    dialog.full_width_box.setChecked(True)
    shown = window.pane.toPlainText()
    assert full_width(first) in shown and not ASCII_IN_CHINESE.search(shown)

    dialog.size_box.setValue(dialog.size_box.value() + 3)
    assert window.pane.zoom == 3
    window.zoom_out_action.trigger()  # Ctrl+- moves the same size: the box follows
    assert window.pane.zoom == 2 and dialog.size_box.value() == 13 + 2
    chosen = Typography("WenQuanYi Micro Hei", 22, justify=True, indent=False, full_width=True)
    assert window.pane.typography == window.page_view.typography == chosen
    window.close()

    again = open_window(library_dir, settings)
    assert again.pane.typography == chosen and again.pane.zoom == 2
    open_article(qtbot, again, article.id)
    assert full_width(first) in again.pane.toPlainText()
    # 恢复默认 puts everything back
    dialog = _open_settings(qtbot, again)
    dialog.defaults_button.click()
    assert again.pane.typography == Typography() and again.pane.zoom == 0
    assert first in again.pane.toPlainText()


def test_a_highlight_drawn_over_full_width_text_covers_the_same_characters(
        qtbot, open_window, library_dir):
    window = open_window(library_dir)
    library = window.session.library
    article = _article_with_ascii_commas(library)
    open_article(qtbot, window, article.id)
    paragraph = next(p for p in article.paragraphs if ASCII_IN_CHINESE.search(p))
    comma = ASCII_IN_CHINESE.search(paragraph).start() + 1
    start = article.text.index(paragraph) + max(0, comma - 4)
    end = start + 9  # four characters, the comma, four characters
    stored = article.text[start:end]
    assert "," in stored or ":" in stored or "!" in stored or "?" in stored or ";" in stored
    before = window.pane.document_range(start, end)
    _open_settings(qtbot, window).full_width_box.setChecked(True)
    assert window.pane.document_range(start, end) == before  # the map did not move
    # select what is shown over those characters and highlight it, as the reader would
    cursor = QTextCursor(window.pane.document())
    cursor.setPosition(before[0])
    cursor.setPosition(before[1], QTextCursor.MoveMode.KeepAnchor)
    window.pane.setTextCursor(cursor)
    assert cursor.selectedText() == full_width(stored) != stored
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.panel.highlight_list.highlights) == 1, timeout=10000)
    [mark] = window.panel.highlight_list.highlights
    assert (mark.start, mark.end, mark.quote) == (start, end, stored)  # the stored text
    settle(qtbot, window)
    [drawn] = window.pane.extraSelections()
    assert (drawn.cursor.selectionStart(), drawn.cursor.selectionEnd()) == before
    assert drawn.cursor.selectedText() == full_width(stored)
    # a search for a word and the comma after it finds it shown full width, where it was
    term = paragraph[comma - 2:comma + 1]
    window.pane.set_terms([term])
    assert window.pane.hit_count >= 1 and window.pane.next_hit()
    found = window.pane.textCursor()
    assert found.selectedText() == full_width(term) != term
    assert window.pane.text_map.to_text(found.selectionStart(), found.selectionEnd()) == \
        (article.text.index(term), article.text.index(term) + len(term))


def test_the_whole_page_view_follows_the_settings(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    article = _article_with_ascii_commas(window.session.library)
    with qtbot.waitSignal(window.reading.page_shown, timeout=10000):
        window.reading.show_page(article.page_id)
    assert ASCII_IN_CHINESE.search(window.page_view.toPlainText())
    dialog = _open_settings(qtbot, window)
    dialog.full_width_box.setChecked(True)
    dialog.indent_box.setChecked(False)
    shown = window.page_view.toPlainText()
    assert full_width(article.paragraphs[0]) in shown and not ASCII_IN_CHINESE.search(shown)
    assert _block_of(window.page_view, article.paragraphs[0][:8]).blockFormat().textIndent() == 0


def test_the_panel_follows_a_language_switch(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    dialog = _open_settings(qtbot, window)
    try:
        window.language_actions["en"].trigger()
        assert dialog.windowTitle() == "Reading Settings" and dialog.isVisible()
        assert dialog.indent_box.text() == "Indent each paragraph by two characters"
        assert dialog.size_box.suffix() == " pt" and dialog.font_box.itemText(0).startswith(
            "Default")
        assert window.reading_settings_action.iconText() == "Reading Settings"
        assert "Font, size" in window.reading_settings_action.toolTip()
        assert window.recent_menu.title() == "Recent Imports"
    finally:
        window.language_actions["zh"].trigger()
    assert dialog.windowTitle() == "阅读设置" and dialog.size_box.suffix() == " 磅"
