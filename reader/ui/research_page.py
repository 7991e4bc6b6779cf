"""The navigator's search page: the sort choice and the query's filters as chips above,
the facet column beside the result list.

It follows the `SearchController`: every answer redraws the facets (`researched`) and the
chips (the valid filters of the query, as typed).  A click on a facet value adds its
filter to the bar and searches again; the × of a chip takes that filter out of the bar and
searches again, so the bar always says what the list shows.  The sort choice is remembered
(`SEARCH_SORT`).
"""

from __future__ import annotations

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

from reader.app.research import without_token
from reader.search.query import filter_tokens
from reader.ui import settings as window_settings
from reader.ui.facet_panel import FacetPanel
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.results_view import ResultsView
from reader.ui.search import SearchController

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

        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 6, 0)
        top.addWidget(QLabel(self.tr("排序"), self))
        top.addWidget(self.sort_box)
        top.addStretch(1)
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
        controller.researched.connect(self.show_research)
        results.article_chosen.connect(lambda _id: self.remember(controller.line_edit.text()))

    def show_research(self, text: str, found) -> None:
        self.facets.show_facets(found.facets)
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
        bar.setText(without_token(bar.text(), token))
        self.controller.run_now()

    def _sort_chosen(self, _index: int) -> None:
        sort = self.sort_box.currentData()
        window_settings.SEARCH_SORT.write(self._store, sort)
        self.controller.sort = sort
        if self.controller.line_edit.text().strip():
            self.controller.run_now()


__all__ = ["SORT_TITLES", "ChipBar", "ResearchPage"]
