"""The side panel beside the article: its tags, its note and its highlights.

The panel shows `WindowState.article` and follows it.  Every edit is a
mutation (`reader/ui/operations.py`) on the window's worker; what it
changed reaches the panel back through the window's `apply`, which reads
the open article again.  Failures are reported in one sentence through the
message channel; a note that could not be written stays in the editor and
is tried again.  Tag completion works on the tag names the panel last read
(a query, again after any tag change), so typing never waits on the
library.  Dialogs that would block a test (`ask_text`) are attributes tests
replace.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.app import browsing
from reader.app.changes import Changes
from reader.app.completion import complete_tags
from reader.models import ArticleRecord, Highlight
from reader.quotes import quoted, shortened
from reader.ui.highlight_list import HighlightList
from reader.ui.note_view import NoteView
from reader.ui.plain import ask_text
from reader.ui.tag_editor import TagEditor


class AnnotationPanel(QWidget):
    """Tags, note and highlights of one article."""

    #: a highlight was picked in the list (the Highlight)
    highlight_chosen = Signal(object)

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.state, self.messages = context.ops, context.state, context.messages
        self.article: ArticleRecord | None = None
        self._tag_names: list[str] = []  # most used first, for completion
        #: (title, label, text) → new text or None if cancelled; tests replace it
        self.ask_text = self._ask_text

        self.tags_label = QLabel(self.tr("标签"), self)
        self.tag_editor = TagEditor(self)
        self.note_label = QLabel(self.tr("笔记"), self)
        self.note_view = NoteView(self)
        self.note_editor = self.note_view.editor
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
        layout.addWidget(self.note_view, 2)
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
        self.state.article_changed.connect(self.show_article)
        self.state.article_updated.connect(self._article_updated)
        self.show_article(None)

    # -- which article ------------------------------------------------------------------

    def show_article(self, article: ArticleRecord | None) -> None:
        """Show another article's annotations; the note being edited is written first."""
        self.note_editor.flush()
        if article is None or self.article is None or article.id != self.article.id:
            self.tag_editor.discard()
        self.article = article
        enabled = article is not None and self.ops.session is not None
        self.tag_editor.setEnabled(enabled)
        self.tag_editor.set_tags(article.tags if article else ())
        self.note_editor.load(article.id if article else None, article.note if article else None)
        self._show_highlights(article.highlights if article else ())

    def _article_updated(self, article: ArticleRecord) -> None:
        """The open article was read again after a change: show its tags and highlights."""
        self.article = article
        self.tag_editor.set_tags(article.tags)
        self._show_highlights(article.highlights)

    def apply(self, changes: Changes) -> None:
        """Tags changed somewhere: read the names completion offers again."""
        if changes.tags:
            self.read_tag_names()

    def read_tag_names(self) -> None:
        def keep(summaries) -> None:
            self._tag_names = [t.name for t in sorted(summaries, key=lambda t: -t.count)]
            self.tag_editor.set_colors({t.name: t.color for t in summaries if t.color})

        self.ops.query(browsing.tag_list, keep, self.tr("无法读取标签"))

    def _show_highlights(self, highlights) -> None:
        self.highlight_list.set_highlights(highlights)
        count = len(highlights)
        self.highlights_label.setText(self.tr("划线（{}）").format(count) if count
                                      else self.tr("划线"))

    # -- tags ---------------------------------------------------------------------------

    def _complete(self, prefix: str) -> list[str]:
        return complete_tags(prefix, self._tag_names, 10)

    def _change(self, failed: str, change) -> bool:
        """Apply `change(session, article_id)` to the open article as a mutation."""
        if self.article is None or self.ops.session is None:
            return False
        article_id = self.article.id
        self.ops.mutate(lambda session: change(session, article_id), failed)
        return True

    def add_tags(self, names: list[str]) -> None:
        self._change(self.tr("无法添加标签"), lambda session, article_id: session.annotations.tag(
            [article_id], names))

    def remove_tag(self, name: str) -> None:
        self._change(self.tr("无法去掉标签"), lambda session, article_id: session.annotations.untag(
            [article_id], [name]))

    # -- note ---------------------------------------------------------------------------

    def save_note(self, article_id: int, text: str) -> None:
        if self.ops.session is None:
            self.note_editor.not_written(article_id, text)
            return

        def failed(exc: BaseException) -> None:
            self.note_editor.not_written(article_id, text)
            self.messages.failure(self.tr("笔记没有保存"), exc)

        self.ops.mutate(lambda session: session.annotations.set_note(article_id, text), self.tr("笔记没有保存"),
                        done=lambda _changes: self.note_editor.written(article_id, text),
                        failed=failed)

    # -- highlights ---------------------------------------------------------------------

    def add_highlight(self, start: int, end: int, color: str = "yellow") -> bool:
        return self._change(self.tr("无法划线"), lambda session, article_id: session.annotations.add_highlight(
            article_id, start, end, color))

    def serve(self, view) -> None:
        """Do what a reading view's right-click on a highlight asks (the pane, a whole page):
        recolour and delete are undoable mutations; the note is edited as in the list."""
        view.recolor_highlight_requested.connect(self.recolor_highlight)
        view.highlight_note_requested.connect(self.edit_note_of)
        view.delete_highlight_requested.connect(self.delete_highlight)

    def recolor_highlight(self, highlight_id: int, color: str) -> None:
        if self.ops.session is None:
            return
        self.ops.mutate(lambda session: session.annotations.set_highlight_color(highlight_id, color),
                        self.tr("无法更改划线颜色"))

    def delete_highlight(self, highlight_id: int) -> None:
        if self.ops.session is None:
            return
        self.ops.mutate(lambda session: session.annotations.remove_highlight(highlight_id),
                        self.tr("无法删除划线"),
                        done=lambda _changes: self.messages.info(
                            self.tr("划线已删除（Ctrl+Z 撤销）。")))

    def edit_highlight_note(self, highlight_id: int) -> None:
        if self.article is None or self.ops.session is None:
            return
        mark = next((h for h in self.article.highlights if h.id == highlight_id), None)
        if mark is not None:
            self.edit_note_of(mark)

    def edit_note_of(self, mark: Highlight) -> None:
        """Ask for a highlight's note (whichever article it is on) and write it."""
        if self.ops.session is None:
            return
        highlight_id = mark.id
        text = self.ask_text(self.tr("划线笔记"), quoted(shortened(mark.quote, 40)), mark.note or "")
        if text is not None:
            self.ops.mutate(lambda session: session.annotations.set_highlight_note(highlight_id, text),
                            self.tr("无法保存划线笔记"))

    def _ask_text(self, title: str, label: str, text: str) -> str | None:
        return ask_text(self, title, label, text, multiline=True)


__all__ = ["AnnotationPanel"]
