"""The 作者 view of the navigator: every writer, photographer and source, with their articles.

Authors are listed with the number of articles they appear on, most first;
a filter field narrows the list as you type; choosing one lists their
articles, newest first, and activating one opens it.  Both lists are read
by queries; after a change the list is read again (when shown) only if the
library's structure or articles changed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.app import browsing
from reader.app.browsing import AuthorCount, Picked
from reader.app.changes import Changes
from reader.ui import wording
from reader.ui.article_list import ArticleList
from reader.ui.lazy_view import LazyView

AuthorRole = Qt.ItemDataRole.UserRole + 3


class AuthorsView(LazyView):
    """Authors and the articles of the chosen one."""

    article_chosen = Signal(int)

    #: the author list was read and shown
    reloaded = Signal()

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.messages = context.ops, context.messages
        self._summaries: list[AuthorCount] = []
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

    def wants(self, changes: Changes) -> bool:
        return changes.structure or changes.metadata

    def read(self) -> None:
        def show(summaries) -> None:
            self._summaries = summaries
            self._fill()
            self.reloaded.emit()

        self.ops.query(browsing.author_list, show, self.tr("无法读取作者"))

    def retranslate(self) -> None:
        """The language changed: the rows are written again in its words."""
        self._fill()

    def _fill(self) -> None:
        keep = self.current_author
        needle = "".join(self.filter.text().split())
        self.author_list.blockSignals(True)
        self.author_list.clear()
        for author in self._summaries:
            name, count = author.name, author.count
            if needle and needle not in "".join(name.split()):
                continue
            item = QListWidgetItem(f"{name}{wording.gap()}{count}", self.author_list)
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
        if name is None:
            return

        def show(rows) -> None:
            if self.current_author == name:
                self.articles.show_articles(rows)

        self.ops.query(lambda session: browsing.authored_rows(session, name), show,
                       self.tr("无法读取作者的文章"))

    def article_ids(self) -> list[int]:
        return self.articles.article_ids()

    def picked(self) -> Picked:
        return self.articles.picked()

    def export_pick(self) -> tuple[Picked, str] | None:
        """Export… offers every article of the chosen author."""
        if not self.current_author:
            return None
        return self.articles.every(), QCoreApplication.translate("Selection", "作者“{}”").format(self.current_author)


__all__ = ["AuthorsView"]
