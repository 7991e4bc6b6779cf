"""The side panel beside the article: its tags, its note and its highlights.

The panel edits the current article through the session (each change one
library transaction) and reports every failure through the window's
message channel in one sentence; a note that could not be written stays
in the editor and is tried again.  `changed(article_ids)` tells the window
which articles' annotations changed, so the tree, the pane and the
navigator views can follow.  Dialogs that would block a test
(`ask_text`) are attributes tests replace.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QLabel, QVBoxLayout, QWidget

from reader.models import ArticleRecord
from reader.ui.highlight_list import HighlightList
from reader.ui.messages import MessageChannel
from reader.ui.note_editor import NoteEditor
from reader.ui.tag_editor import TagEditor


class AnnotationPanel(QWidget):
    """Tags, note and highlights of one article."""

    #: the annotations of these articles changed (a list of ids)
    changed = Signal(list)
    #: a highlight was picked in the list (the Highlight)
    highlight_chosen = Signal(object)

    def __init__(self, messages: MessageChannel, parent: QWidget | None = None):
        super().__init__(parent)
        self.messages = messages
        self.session = None
        self.article: ArticleRecord | None = None
        #: (title, label, text) → new text or None if cancelled; tests replace it
        self.ask_text = self._ask_text

        self.tags_label = QLabel(self.tr("标签"), self)
        self.tag_editor = TagEditor(self)
        self.note_label = QLabel(self.tr("笔记"), self)
        self.note_editor = NoteEditor(self)
        self.highlights_label = QLabel(self.tr("划线"), self)
        self.highlight_list = HighlightList(self)
        for label in (self.tags_label, self.note_label, self.highlights_label):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(6)
        layout.addWidget(self.tags_label)
        layout.addWidget(self.tag_editor)
        layout.addSpacing(8)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note_editor, 2)
        layout.addSpacing(8)
        layout.addWidget(self.highlights_label)
        layout.addWidget(self.highlight_list, 3)

        self.tag_editor.complete = self._complete
        self.tag_editor.add_requested.connect(self.add_tags)
        self.tag_editor.remove_requested.connect(self.remove_tag)
        self.note_editor.save = self.save_note
        self.highlight_list.chosen.connect(self.highlight_chosen)
        self.highlight_list.delete_requested.connect(self.delete_highlight)
        self.highlight_list.note_requested.connect(self.edit_highlight_note)
        self.show_article(None)

    # -- which article ------------------------------------------------------------------

    def set_session(self, session) -> None:
        self.session = session

    def show_article(self, article: ArticleRecord | None) -> None:
        """Show another article's annotations; the note being edited is written first."""
        self.note_editor.flush()
        self.article = article
        enabled = article is not None and self.session is not None
        self.tag_editor.setEnabled(enabled)
        self.tag_editor.set_tags(article.tags if article else ())
        self.note_editor.load(article.id if article else None, article.note if article else None)
        self._show_highlights(article.highlights if article else ())

    def refresh(self) -> None:
        """Read the current article's tags and highlights again (after an undo, say)."""
        if self.article is None or self.session is None:
            return
        try:
            self.article = self.session.library.articles.get(self.article.id)
        except Exception as exc:
            self.messages.failure(self.tr("无法读取这篇文章的批注"), exc)
            return
        self.tag_editor.set_tags(self.article.tags)
        self._show_highlights(self.article.highlights)

    def _show_highlights(self, highlights) -> None:
        self.highlight_list.set_highlights(highlights)
        count = len(highlights)
        self.highlights_label.setText(self.tr("划线（{}）").format(count) if count
                                      else self.tr("划线"))

    # -- tags ---------------------------------------------------------------------------

    def _complete(self, prefix: str) -> list[str]:
        if self.session is None:
            return []
        try:
            return self.session.annotations.complete_tags(prefix)
        except Exception as exc:
            self.messages.failure(self.tr("无法补全标签"), exc)
            return []

    def _change(self, failed: str, change) -> bool:
        """Apply `change(article_id)` to the current article through the session; say why not.

        On success the panel re-reads the article and tells the window (`changed`).
        """
        if self.article is None or self.session is None:
            return False
        try:
            change(self.article.id)
        except Exception as exc:
            self.messages.failure(failed, exc)
            return False
        self.refresh()
        self.changed.emit([self.article.id])
        return True

    def add_tags(self, names: list[str]) -> None:
        self._change(self.tr("无法添加标签"), lambda article_id: self.session.annotations.tag([article_id], names))

    def remove_tag(self, name: str) -> None:
        self._change(self.tr("无法去掉标签"),
                     lambda article_id: self.session.annotations.untag([article_id], [name]))

    # -- note ---------------------------------------------------------------------------

    def save_note(self, article_id: int, text: str) -> bool:
        if self.session is None:
            return False
        try:
            self.session.annotations.set_note(article_id, text)
        except Exception as exc:
            self.messages.failure(self.tr("笔记没有保存"), exc)
            return False
        self.changed.emit([article_id])
        return True

    # -- highlights ---------------------------------------------------------------------

    def add_highlight(self, start: int, end: int, color: str = "yellow") -> bool:
        return self._change(self.tr("无法划线"), lambda article_id: self.session.annotations.add_highlight(
            article_id, start, end, color))

    def delete_highlight(self, highlight_id: int) -> None:
        if self._change(self.tr("无法删除划线"),
                        lambda _article_id: self.session.annotations.remove_highlight(highlight_id)):
            self.messages.info(self.tr("划线已删除（Ctrl+Z 撤销）。"))

    def edit_highlight_note(self, highlight_id: int) -> None:
        if self.article is None or self.session is None:
            return
        mark = next((h for h in self.article.highlights if h.id == highlight_id), None)
        if mark is None:
            return
        text = self.ask_text(self.tr("划线笔记"), f"“{mark.quote[:40]}”", mark.note or "")
        if text is not None:
            self._change(self.tr("无法保存划线笔记"),
                         lambda _article_id: self.session.annotations.set_highlight_note(highlight_id, text))

    def _ask_text(self, title: str, label: str, text: str) -> str | None:
        value, ok = QInputDialog.getMultiLineText(self, title, label, text)
        return value if ok else None


__all__ = ["AnnotationPanel"]
