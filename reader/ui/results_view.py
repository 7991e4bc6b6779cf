"""The navigator's search results page: the answer to the current query, one row a hit.

It shows `WindowState`'s outcome (so it can never disagree with the pane
about which query is current).  A single click or Enter opens a result, as
in every other list of the window; ↓ in the search field moves into the
list (the window forwards it).  Like the browsing views it has `picked`
and `export_pick`: the rows picked, or the whole query.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout, QWidget

from reader.app import browsing
from reader.app.browsing import Picked
from reader.app.changes import Changes
from reader.ui.list_delegate import ListRowDelegate
from reader.ui.plain import plain_label
from reader.ui.results_model import SearchResultsModel

#: Its texts were the window's (and the selection's) before the page had a class of its
#: own: they keep those translation contexts, so their translations still apply.
translate = QCoreApplication.translate


class ResultsView(QWidget):
    """The result list and the line above it that says what was found."""

    #: a result was opened (its article id)
    article_chosen = Signal(int)

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.state, self.ops = context.state, context.ops
        self.model = SearchResultsModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(ListRowDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # One click opens, as everywhere else; Enter comes as `activated`.  A click that
        # a platform also reports as `activated` opens the same result twice, harmlessly.
        self.list.clicked.connect(self.open)
        self.list.activated.connect(self.open)
        self.label = plain_label("", self)
        self.label.setWordWrap(True)
        self.label.setContentsMargins(6, 4, 6, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)

    def show_outcome(self, text: str, outcome) -> None:
        self.model.set_outcome(outcome)

        if outcome.hits:
            self._say_count(text, outcome)
            # The current row is the article on screen when it is among the hits; no other
            # row is marked as if it were open (↓ and J still start from the first).
            row = self.model.row_of(self.state.article_id)
            self.list.setCurrentIndex(self.model.index(row) if row is not None else QModelIndex())
        else:
            advice = translate("MainWindow", "可以去掉筛选条件再试") if ":" in text or "：" in text \
                else translate("MainWindow", "可以换个说法再试")
            self.label.setText(translate("MainWindow", "没有找到“{}”，{}。").format(text, advice))

    def _say_count(self, text: str, outcome) -> None:
        shown = len(outcome.hits)
        if not outcome.total_exact:
            # The page came first (reader/search/page_first.py): the count follows.
            self.label.setText(self.tr("“{}”：前 %n 条结果，正在计数…（Esc 返回目录）", "",
                                       shown).format(text))
            return
        more = self.tr("，显示前 %n 条", "", shown) if outcome.total > shown else ""
        self.label.setText(self.tr("“{}”：共 %n 条结果{}（Esc 返回目录）", "", outcome.total).format(
            text, more))

    def show_total(self, text: str, outcome) -> None:
        """The exact count of the answer shown came (its page first): the line above the
        list says it; the rows, their selection and scrolling stay as they are."""
        shown = self.model.outcome
        if shown is None or shown.total_exact or shown.query != outcome.query \
                or [h.id for h in shown.hits] != [h.id for h in outcome.hits]:
            return
        self.model.outcome = outcome
        self._say_count(text, outcome)

    def open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.article_chosen.emit(self.model.hit(index.row()).id)

    def open_current(self) -> None:
        """Open the current row (the first if none is current)."""
        index = self.list.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0)
        self.open(index)

    def enter_from_search(self) -> bool:
        """↓ in the search field: focus the list (its current row, else the first)."""
        if not self.model.rowCount():
            return False
        if not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0))
        self.list.setFocus()
        return True

    def step(self, delta: int) -> None:
        rows = self.model.rowCount()
        if rows:
            row = self.list.currentIndex().row()
            row = 0 if row < 0 else max(0, min(rows - 1, row + delta))
            self.list.setCurrentIndex(self.model.index(row))
            self.open(self.model.index(row))

    def apply(self, changes: Changes) -> None:
        """A tag change re-reads the tags of the shown rows it touched; the rest of a hit
        (its rank, snippet and match) is the query's answer and waits for the next search."""
        if not changes.tags:
            return
        touched = self.model.touched_ids(changes)
        if touched:
            self.ops.query(lambda session: browsing.rows_of(session, touched),
                           self._retag, translate("MainWindow", "无法读取这篇文章"))

    def _retag(self, rows: list[browsing.ArticleRow]) -> None:
        self.model.set_tags({row.id: row.tags for row in rows},
                            {row.id: row.tag_colors for row in rows})

    def picked(self) -> Picked:
        ids = tuple(self.model.hit(i.row()).id
                    for i in sorted(self.list.selectionModel().selectedRows(), key=QModelIndex.row))
        return Picked(ids, count=len(ids))

    def export_pick(self) -> tuple[Picked, str] | None:
        """Several rows picked: them; else every result of the query."""
        if self.model.outcome is None:
            return None
        picked = self.picked()
        if picked.count > 1:
            return picked, self.tr("所选的 %n 条搜索结果", "", picked.count)
        query = self.model.outcome.query
        return Picked(query=query, count=self.model.outcome.total), \
            translate("Selection", "搜索“{}”").format(query)


__all__ = ["ResultsView"]
