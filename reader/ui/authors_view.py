"""The 作者 view of the navigator: every writer, photographer and source, with their articles.

Authors are listed with the number of articles they appear on, most first;
a filter field narrows the list as you type; choosing one lists their
articles, newest first, and activating one opens it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.ui.article_list import ArticleList
from reader.ui.messages import MessageChannel

AuthorRole = Qt.ItemDataRole.UserRole + 3


class AuthorsView(QWidget):
    """Authors and the articles of the chosen one."""

    article_chosen = Signal(int)

    def __init__(self, messages: MessageChannel, parent: QWidget | None = None):
        super().__init__(parent)
        self.messages = messages
        self.session = None
        self._summaries: list[tuple[str, int]] = []
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("筛选作者"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _text: self._fill())
        self.author_list = QListWidget(self)
        self.author_list.currentItemChanged.connect(lambda *_: self._show_articles())
        self.articles = ArticleList(self)
        self.articles.article_chosen.connect(self.article_chosen)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.author_list)
        splitter.addWidget(self.articles)
        splitter.setSizes([250, 250])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(splitter, 1)

    def set_session(self, session) -> None:
        self.session = session
        self.reload()

    def reload(self) -> None:
        self._summaries = []
        if self.session is not None:
            try:
                self._summaries = self.session.library.authors.summaries()
            except Exception as exc:
                self.messages.failure(self.tr("无法读取作者"), exc)
        self._fill()

    def _fill(self) -> None:
        keep = self.current_author
        needle = "".join(self.filter.text().split())
        self.author_list.blockSignals(True)
        self.author_list.clear()
        for name, count in self._summaries:
            if needle and needle not in "".join(name.split()):
                continue
            item = QListWidgetItem(f"{name}　{count}", self.author_list)
            item.setData(AuthorRole, name)
            if name == keep:
                self.author_list.setCurrentItem(item)
        self.author_list.blockSignals(False)
        self._show_articles()

    @property
    def current_author(self) -> str | None:
        item = self.author_list.currentItem()
        return item.data(AuthorRole) if item is not None else None

    def choose(self, name: str) -> bool:
        for row in range(self.author_list.count()):
            if self.author_list.item(row).data(AuthorRole) == name:
                self.author_list.setCurrentRow(row)
                return True
        return False

    def _show_articles(self) -> None:
        self.articles.clear()
        name = self.current_author
        if name is None or self.session is None:
            return
        try:
            library = self.session.library
            self.articles.show_articles(library.articles.by_ids(sorted(library.authors.article_ids(name))))
        except Exception as exc:
            self.messages.failure(self.tr("无法读取作者的文章"), exc)

    def article_ids(self) -> list[int]:
        return self.articles.article_ids()


__all__ = ["AuthorsView"]
