"""The 批注 view of the navigator: every annotated article, the most recently annotated first.

Each row says what the reader left on the article (笔记, N 处划线, N 个标签)
and the first line of the note; activating a row opens the article.  The
list is read by a query, again after a change to annotations (when shown).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.app import browsing
from reader.app.browsing import Picked
from reader.app.changes import Changes
from reader.ui import wording
from reader.ui.article_list import ArticleList, article_item
from reader.ui.lazy_view import LazyView


class NotesView(LazyView):
    """Annotated articles, newest annotation first."""

    article_chosen = Signal(int)

    #: the list was read and shown
    reloaded = Signal()

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.messages = context.ops, context.messages
        self.list = ArticleList(self)
        self.list.article_chosen.connect(self.article_chosen)
        self.empty_label = QLabel(self.tr("还没有批注。写下笔记、划线或加上标签的文章会列在这里。"), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setContentsMargins(8, 8, 8, 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)

    def wants(self, changes: Changes) -> bool:
        return changes.annotations or changes.structure

    def read(self) -> None:
        self.ops.query(browsing.annotated_rows, self._show, self.tr("无法读取批注"))

    def _show(self, annotated) -> None:
        self.list.clear()
        for entry in annotated:
            item = article_item(entry.row)
            marks = []
            if entry.has_note:
                marks.append(self.tr("笔记"))
            if entry.highlight_count:
                marks.append(self.tr("%n 处划线", "", entry.highlight_count))
            if entry.tag_count:
                marks.append(self.tr("%n 个标签", "", entry.tag_count))
            text = item.text() + "\n" + wording.gap() + " · ".join(marks)
            if entry.note_start:
                text += f"：{entry.note_start}"
            item.setText(text)
            self.list.addItem(item)
        self.empty_label.setVisible(not annotated)
        self.reloaded.emit()

    def article_ids(self) -> list[int]:
        return self.list.article_ids()

    def picked(self) -> Picked:
        return self.list.picked()

    def export_pick(self) -> tuple[Picked, str] | None:
        """Export… offers every annotated article."""
        every = self.list.every()
        return (every, QCoreApplication.translate("Selection", "批注过的文章")) if every.count else None


__all__ = ["NotesView"]
