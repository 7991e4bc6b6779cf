"""The navigator's search page: the sort choice and the query's filters as chips above,
the facet column beside the result list.

It follows the `SearchController`: every answer redraws the facets (`researched`) and the
chips (the valid filters of the query, as typed); an answer whose facets come after it
(`counting`) says so in the facet column.  A click on a facet value adds its
filter to the bar and searches again; the × of a chip takes that filter out of the bar and
searches again, so the bar always says what the list shows.  The sort choice is remembered
(`SEARCH_SORT`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.search.query import filter_tokens
from reader.ui import settings as window_settings
from reader.ui.facet_panel import FacetPanel
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.plain import ask_text
from reader.ui.results_view import ResultsView
from reader.ui.search import SearchController

if TYPE_CHECKING:  # built (and imported) when first opened, not with the window (issue 17)
    from reader.ui.concordance_view import ConcordanceView
    from reader.ui.trend_view import TrendView

#: The sorts (reader.app.research.SORTS) with their names.
SORT_TITLES: tuple[tuple[str, str], ...] = (
    ("relevance", QT_TRANSLATE_NOOP("ResearchPage", "按相关度")),
    ("newest", QT_TRANSLATE_NOOP("ResearchPage", "最新在前")),
    ("oldest", QT_TRANSLATE_NOOP("ResearchPage", "最早在前")),
)


class ChipBar(QWidget):
    """The query's filters, one button each; clicking one takes it out of the query."""

    #: the filter token to take out
    removed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filter-chips")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 0, 6, 0)
        self._layout.setSpacing(4)
        self._layout.addStretch(1)
        self.chips: dict[str, QToolButton] = {}

    def show_tokens(self, tokens: list[str]) -> None:
        for chip in self.chips.values():
            chip.deleteLater()
        self.chips = {}
        for token in dict.fromkeys(tokens):
            chip = QToolButton(self)
            chip.setText(f"{token}  ×")
            chip.setToolTip(self.tr("去掉这个筛选条件"))
            chip.setAutoRaise(False)
            chip.clicked.connect(lambda _checked=False, token=token: self.removed.emit(token))
            self._layout.insertWidget(self._layout.count() - 1, chip)
            self.chips[token] = chip
        self.setVisible(bool(self.chips))


class ResearchPage(QWidget):
    """Sort, chips, facets and the results of the current query."""

    def __init__(self, results: ResultsView, controller: SearchController, store: QSettings,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.results = results
        self.controller = controller
        self._store = store
        #: called with each query narrowed or opened, to remember it (the window's history)
        self.remember = lambda _text: None
        controller.sort = window_settings.SEARCH_SORT.read(store)

        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("search-sort")
        for key, title in SORT_TITLES:
            self.sort_box.addItem(self.tr(title), key)
        self.sort_box.setCurrentIndex(self.sort_box.findData(controller.sort))
        self.sort_box.currentIndexChanged.connect(self._sort_chosen)
        self.chips = ChipBar(self)
        self.chips.removed.connect(self.remove_filter)
        self.chips.hide()
        self.facets = FacetPanel(self)
        self.facets.narrow.connect(self.add_filter)

        self.save_button = QToolButton(self)
        self.save_button.setObjectName("save-search")
        self.save_button.setText(self.tr("☆ 收藏"))
        self.save_button.setToolTip(self.tr("把这个检索收藏到导航栏的“收藏的检索”"))
        self.save_button.clicked.connect(self.save_search)
        #: asks the saved search's name (title, label, text) → name or None; tests replace it
        self.ask_name = self._ask_name
        #: the window's operations (set by `SearchWiring`), for saving
        self.ops = None
        self.kwic_button = QToolButton(self)
        self.kwic_button.setObjectName("open-concordance")
        self.kwic_button.setText(self.tr("语境"))
        self.kwic_button.setToolTip(self.tr("语境索引：每一处出现，检索词居中（KWIC）"))
        self.kwic_button.clicked.connect(self.show_concordance)
        self.trend_button = QToolButton(self)
        self.trend_button.setObjectName("open-trends")
        self.trend_button.setText(self.tr("趋势"))
        self.trend_button.setToolTip(self.tr("这些词语按月或按年出现的多少"))
        self.trend_button.clicked.connect(self.show_trends)
        self.concordance: ConcordanceView | None = None
        self.trends: TrendView | None = None
        #: opens an article with its text [start, end) selected (set by `SearchWiring`)
        self.open_at: Callable[[int, int, int], None] = lambda _id, _start, _end: None
        #: the window's message channel (set by `SearchWiring`)
        self.messages = None
        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 6, 0)
        top.addWidget(QLabel(self.tr("排序"), self))
        top.addWidget(self.sort_box)
        top.addStretch(1)
        top.addWidget(self.kwic_button)
        top.addWidget(self.trend_button)
        top.addWidget(self.save_button)
        self.top = top
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("facet-splitter")
        self.splitter.addWidget(self.facets)
        self.splitter.addWidget(results)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([150, 320])
        self.splitter.setChildrenCollapsible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.chips)
        layout.addWidget(self.splitter, 1)
        # The navigator is as wide as its widest page's minimum: the row of buttons and the
        # facet column must not make a small window's text column narrower (they clip).
        self.setMinimumWidth(120)
        controller.researched.connect(self.show_research)
        controller.counting.connect(self.show_counting)
        results.article_chosen.connect(lambda _id: self.remember(controller.line_edit.text()))

    def show_research(self, text: str, found) -> None:
        self.facets.show_facets(found.facets, found.facet_sizes)
        self.chips.show_tokens(filter_tokens(self.controller.line_edit.text()))

    def show_counting(self, _text: str) -> None:
        """The results came before their facets: say they are being counted."""
        self.facets.show_counting()
        self.chips.show_tokens(filter_tokens(self.controller.line_edit.text()))

    def add_filter(self, token: str) -> None:
        """A facet value was clicked: its filter goes into the bar, and the query runs."""
        bar = self.controller.line_edit
        text = bar.text().strip()
        if token not in filter_tokens(text):
            text = f"{text} {token}".strip()
        bar.setText(text)
        self.remember(text)
        self.controller.run_now()

    def remove_filter(self, token: str) -> None:
        """A chip's ×: the filter leaves the bar, and the query runs again."""
        bar = self.controller.line_edit
        from reader.app.research import without_token

        bar.setText(without_token(bar.text(), token))
        self.controller.run_now()

    def save_search(self) -> None:
        """Save the query in the bar under a name the reader gives (its text by default)."""
        text = " ".join(self.controller.line_edit.text().split())
        if not text or self.ops is None:
            return
        name = self.ask_name(self.tr("收藏检索"), self.tr("名称："), text)
        if name is None or not name.strip():
            return
        sort = self.controller.sort
        self.ops.mutate(lambda session: session.searches.save(name, text, sort),
                        self.tr("无法收藏这个检索"))

    def _ask_name(self, title: str, label: str, text: str) -> str | None:
        return ask_text(self, title, label, text)

    def show_concordance(self) -> None:
        """Open (or bring up) the concordance of the query in the bar."""
        if self.concordance is None:
            from reader.ui.concordance_view import ConcordanceView

            self.concordance = ConcordanceView(self.ops, self.messages, self)
            self.concordance.occurrence_chosen.connect(self.open_at)
        self.concordance.show_query(self.controller.line_edit.text())
        self.concordance.show()
        self.concordance.raise_()

    def show_trends(self) -> None:
        """Open (or bring up) the trends of the query's words, its filters applied."""
        if self.trends is None:
            from reader.ui.trend_view import TrendView

            self.trends = TrendView(self.ops, self.messages, self)
            self.trends.search_requested.connect(
                lambda query: self.run_saved(query, self.controller.sort))
        self.trends.show_query(self.controller.line_edit.text())
        self.trends.show()
        self.trends.raise_()

    def run_saved(self, query: str, sort: str) -> None:
        """A saved search was chosen: its query goes into the bar with its sort, and runs."""
        index = self.sort_box.findData(sort)
        if index >= 0:
            self.sort_box.blockSignals(True)
            self.sort_box.setCurrentIndex(index)
            self.sort_box.blockSignals(False)
            self.controller.sort = sort
        self.controller.line_edit.setText(query)
        self.remember(query)
        self.controller.run_now()

    def _sort_chosen(self, _index: int) -> None:
        sort = self.sort_box.currentData()
        window_settings.SEARCH_SORT.write(self._store, sort)
        self.controller.sort = sort
        if self.controller.line_edit.text().strip():
            self.controller.run_now()


__all__ = ["SORT_TITLES", "ChipBar", "ResearchPage"]
