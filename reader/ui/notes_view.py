"""The 批注 view of the navigator: every annotated article, the most recently annotated first.

Each row says what the reader left on the article (笔记, N 处划线, N 个标签)
and the first line of the note; activating a row opens the article.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.ui.article_list import ArticleList, article_item
from reader.ui.messages import MessageChannel

#: Characters of the note's first line shown in a row.
NOTE_CHARS = 40


class NotesView(QWidget):
    """Annotated articles, newest annotation first."""

    article_chosen = Signal(int)

    def __init__(self, messages: MessageChannel, parent: QWidget | None = None):
        super().__init__(parent)
        self.messages = messages
        self.session = None
        self.list = ArticleList(self)
        self.list.article_chosen.connect(self.article_chosen)
        self.empty_label = QLabel(self.tr("还没有批注。写下笔记、划线或加上标签的文章会列在这里。"), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setContentsMargins(8, 8, 8, 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)

    def set_session(self, session) -> None:
        self.session = session
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        summaries = []
        if self.session is not None:
            try:
                summaries = self.session.library.annotations.annotated_articles()
                records = {a.id: a for a in self.session.library.articles.by_ids(
                    [s.article_id for s in summaries])}
            except Exception as exc:
                self.messages.failure(self.tr("无法读取批注"), exc)
                summaries = []
        for summary in summaries:
            article = records.get(summary.article_id)
            if article is None:
                continue
            item = article_item(article)
            marks = []
            if summary.has_note:
                marks.append(self.tr("笔记"))
            if summary.highlight_count:
                marks.append(self.tr("{} 处划线").format(summary.highlight_count))
            if summary.tag_count:
                marks.append(self.tr("{} 个标签").format(summary.tag_count))
            text = item.text() + "\n　" + " · ".join(marks)
            if article.note:
                first = article.note.strip().splitlines()[0]
                text += f"：{first[:NOTE_CHARS]}{'…' if len(first) > NOTE_CHARS else ''}"
            item.setText(text)
            self.list.addItem(item)
        self.empty_label.setVisible(not summaries)

    def article_ids(self) -> list[int]:
        return self.list.article_ids()


__all__ = ["NotesView"]
