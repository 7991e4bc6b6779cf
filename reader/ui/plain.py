"""Page text shown as text: tooltips, labels and question boxes that never read it as HTML.

Qt guesses the format of a tooltip, a label and a message box (`Qt::mightBeRichText`):
text that starts like markup is rendered as HTML, and an article title holding
`<img src="file:///dev/zero">` made a tooltip read /dev/zero until the window aborted.
Article text, titles, tag names, paths and queries come from pages and users, so
every widget that shows them takes them through here.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QWidget


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as it is (a tooltip has no format of its own: escape it)."""
    if not text:
        return ""
    # pre-wrap keeps the text's own line breaks and spaces, as a plain tooltip would.
    return f"<qt><p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p></qt>"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as text."""
    from PySide6.QtCore import Qt  # its namespace: 20 ms, after the first paint

    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def question_box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A Yes/No question whose text is shown as text."""
    from PySide6.QtCore import Qt  # its namespace: 20 ms, after the first paint

    box = QMessageBox(QMessageBox.Icon.Question, title, "",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a question (modal); True when the answer is Yes."""
    return question_box(parent, title, text).exec() == QMessageBox.StandardButton.Yes


def text_dialog(parent: QWidget | None, title: str, label: str, text: str = "",
                multiline: bool = False) -> QInputDialog:
    """An input dialog whose label (a highlight's quote, a tag's name) is shown as text."""
    from PySide6.QtCore import Qt  # its namespace: 20 ms, after the first paint

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    if multiline:
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setLabelText(label)
    for child in dialog.findChildren(QLabel):
        child.setTextFormat(Qt.TextFormat.PlainText)
    dialog.setTextValue(text)
    return dialog


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "",
             multiline: bool = False) -> str | None:
    """Ask for a text (modal); None when cancelled."""
    dialog = text_dialog(parent, title, label, text, multiline)
    return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None


__all__ = ["ask_text", "ask_yes_no", "plain_label", "plain_tooltip", "question_box",
           "text_dialog"]
