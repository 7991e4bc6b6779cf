"""A list of articles (title, then date and issue) for the navigator's 标签, 作者 and 批注 views.

Each row keeps its article's id; clicking or activating (Enter) a row emits
`article_chosen(id)`.  `show_articles` lists rows (`reader.app.browsing.
ArticleRow`, read by a query) newest issue first.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from reader.app.browsing import ArticleRow, Picked
from reader.ui import wording
from reader.ui.plain import plain_tooltip

ArticleIdRole = Qt.ItemDataRole.UserRole + 1


def article_item(article: ArticleRow) -> QListWidgetItem:
    """A list row for an article: title, then its issue's date and name."""
    title = article.title
    when = wording.date_text(article.date, article.date_precision, False)
    issue = article.issue_title
    if article.date and issue.endswith(f" · {article.date}"):
        issue = issue[: -len(f" · {article.date}")]  # the date is already said, in words
    item = QListWidgetItem(
        f"{wording.title(title)}\n{wording.gap()}{when} · {wording.headline_title(issue)}")
    item.setData(ArticleIdRole, article.id)
    item.setToolTip(plain_tooltip(wording.title(title)))
    return item


class ArticleList(QListWidget):
    """Articles, one row each, multi-selectable; a click opens one."""

    article_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.itemActivated.connect(self._open)
        self.itemClicked.connect(self._open)
        self._shown: list[ArticleRow] = []

    def show_articles(self, records: Iterable[ArticleRow]) -> None:
        """List these articles, newest issue first, page order within an issue."""
        self._shown = list(records)
        records = self._shown
        self.clear()
        ordered = sorted(records, key=lambda a: (a.date or "", -a.issue_id, -a.position),
                         reverse=True)
        for article in ordered:
            self.addItem(article_item(article))

    def retranslate(self) -> None:
        """The language changed: the rows say their dates and marks in the new words."""
        if not self._shown:
            return
        selected = set(self.selected_ids())
        self.show_articles(self._shown)
        for row in range(self.count()):
            self.item(row).setSelected(self.item(row).data(ArticleIdRole) in selected)

    def article_ids(self) -> list[int]:
        return [self.item(row).data(ArticleIdRole) for row in range(self.count())]

    def selected_ids(self) -> list[int]:
        """The selected rows' articles, in list order."""
        return [item.data(ArticleIdRole) for item in sorted(self.selectedItems(), key=self.row)]

    def picked(self) -> Picked:
        """The selected rows, as Ctrl+T and Export… take them."""
        ids = tuple(self.selected_ids())
        return Picked(ids, count=len(ids))

    def every(self) -> Picked:
        """Every listed article."""
        ids = tuple(self.article_ids())
        return Picked(ids, count=len(ids))

    def _open(self, item: QListWidgetItem) -> None:
        self.article_chosen.emit(item.data(ArticleIdRole))


__all__ = ["ArticleIdRole", "ArticleList", "article_item"]
