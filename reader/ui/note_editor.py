"""The note editor: plain text with light Markdown, saved without a save button.

Typing restarts a short timer (`DEBOUNCE_MS`); when it fires, the text is
handed to `save` (the window's: one library transaction).  Switching
article and closing the window `flush()` first, so at most the last
debounce interval of typing can be lost, and only if the process is
killed.  Loading a note for another article never counts as an edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit, QWidget

#: Milliseconds of quiet typing before the note is written.
DEBOUNCE_MS = 600


class NoteEditor(QPlainTextEdit):
    """Edits one article's note; `saved(article_id)` after each write."""

    saved = Signal(int)
    #: another article's note was loaded
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("笔记（自动保存；支持简单的 Markdown）"))
        self.setTabChangesFocus(True)
        #: asks for (article id, text) to be written; the answer comes back through
        #: `written` or `not_written`
        self.save: Callable[[int, str], None] = lambda _id, _text: None
        self.article_id: int | None = None
        self._saved_text: str | None = ""  # None: the last write failed
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._edited)
        self._loading = False
        self.setEnabled(False)

    @property
    def dirty(self) -> bool:
        return self.article_id is not None and self.toPlainText() != self._saved_text

    def load(self, article_id: int | None, text: str | None) -> None:
        """Show another article's note (the current one is flushed first)."""
        self.flush()
        self._loading = True
        self.article_id = article_id
        self._saved_text = text or ""
        self.setPlainText(self._saved_text)
        self._loading = False
        self.setEnabled(article_id is not None)
        self.loaded.emit()

    def _edited(self) -> None:
        if not self._loading:
            self._timer.start()

    def flush(self) -> None:
        """Ask for the note to be written now if it changed."""
        self._timer.stop()
        article_id = self.article_id
        if article_id is None or not self.dirty:
            return
        text = self.toPlainText()
        self._saved_text = text  # on its way; `not_written` makes it dirty again
        self.save(article_id, text)

    def written(self, article_id: int, _text: str) -> None:
        """The write asked for by `flush` is done."""
        self.saved.emit(article_id)

    def not_written(self, article_id: int, text: str) -> None:
        """The write failed: the text stays and is tried again on the next edit, switch or close."""
        if article_id == self.article_id and self._saved_text == text:
            self._saved_text = None


__all__ = ["DEBOUNCE_MS", "NoteEditor"]
