"""The side panel's note: its Markdown rendered, and the editor when the reader writes.

While the editor does not have the focus, a note with text is shown
rendered (`reader.app.note_html`: CommonMark, no raw HTML, images as their
description, links as text; the browser follows and loads nothing).  A click
on the rendered note, or Enter/F2 with it focused, opens the editor with the
caret at the end; leaving the editor writes the note (`flush`) and shows it
rendered again.  An empty note shows the editor with its placeholder, ready
to type in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QStackedWidget, QTextBrowser, QWidget

from reader.app.note_html import note_html
from reader.ui.note_editor import NoteEditor

EDITOR_PAGE, RENDERED_PAGE = 0, 1


class RenderedNote(QTextBrowser):
    """A read-only rendering that asks to be edited when clicked; it opens nothing."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(self.tr("点击编辑笔记"))

    def loadResource(self, _kind: int, _name) -> None:  # noqa: N802 (Qt override)
        # Nothing a note says is ever loaded, local or remote.
        return None

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.edit_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_requested.emit()
            return
        super().keyPressEvent(event)


class NoteView(QStackedWidget):
    """The note editor and its rendering, one at a time (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = NoteEditor(self)
        self.rendered = RenderedNote(self)
        self.addWidget(self.editor)
        self.addWidget(self.rendered)
        self.rendered.edit_requested.connect(self.edit)
        self.editor.loaded.connect(self.show_rendered)
        self.editor.installEventFilter(self)

    @property
    def showing_rendered(self) -> bool:
        return self.currentIndex() == RENDERED_PAGE

    def show_rendered(self) -> None:
        """The note rendered, if it has text (else the editor, to type in)."""
        text = self.editor.toPlainText()
        if not text.strip() or not self.editor.isEnabled():
            self.setCurrentIndex(EDITOR_PAGE)
            return
        self.rendered.setHtml(note_html(text, self.tr("图片")))
        self.setCurrentIndex(RENDERED_PAGE)

    def edit(self) -> None:
        if not self.editor.isEnabled():
            return
        self.setCurrentIndex(EDITOR_PAGE)
        self.editor.setFocus(Qt.FocusReason.MouseFocusReason)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.editor:
            if event.type() == QEvent.Type.FocusIn:
                self.setCurrentIndex(EDITOR_PAGE)
            elif isinstance(event, QFocusEvent) and event.type() == QEvent.Type.FocusOut \
                    and event.reason() != Qt.FocusReason.PopupFocusReason:
                # Leaving the editor (not for its own context menu): write and render.
                self.editor.flush()
                self.show_rendered()
        return False


__all__ = ["NoteView", "RenderedNote"]
