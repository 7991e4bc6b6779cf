"""The facet column beside the search results: counts of every match by paper, date, page,
column, kind, author and tag, and a click that narrows the results.

It shows what `reader.app.research` counted for the current query (all the matches, not
the page shown) and redraws with every answer.  Years hold their months.  A click on a
value emits `narrow(token)`, the filter to add to the query (`narrowing_token`); the
search page adds it to the bar, visibly, and the bar's chips take it away again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from reader.ui import wording
from reader.ui.labels import kind_name
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.plain import plain_tooltip

if TYPE_CHECKING:  # the research layer loads on the worker, with the first search (issue 17)
    from reader.library.facets import FacetCount

translate = QCoreApplication.translate

#: The facets shown, in order, with their headings (translated in the "FacetPanel" context).
FACET_TITLES: tuple[tuple[str, str], ...] = (
    ("paper", QT_TRANSLATE_NOOP("FacetPanel", "报纸")),
    ("year", QT_TRANSLATE_NOOP("FacetPanel", "发布时间")),
    ("page", QT_TRANSLATE_NOOP("FacetPanel", "版名")),
    ("column", QT_TRANSLATE_NOOP("FacetPanel", "栏目")),
    ("kind", QT_TRANSLATE_NOOP("FacetPanel", "体裁")),
    ("author", QT_TRANSLATE_NOOP("FacetPanel", "作者")),
    ("tag", QT_TRANSLATE_NOOP("FacetPanel", "标签")),
)
#: The most values a facet lists (the most frequent; dates list all years); a last line
#: says how many more there are.
MAX_VALUES = 30
#: The filter a value adds, on each value item.
TokenRole = Qt.ItemDataRole.UserRole + 30


class FacetPanel(QTreeWidget):
    """One heading per facet with its values and counts; clicking a value narrows."""

    #: the filter text to add to the query (e.g. 'column:观潮')
    narrow = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("facets")
        self._facets: dict[str, list[FacetCount]] = {}  # the answer shown
        self._sizes: dict[str, int] = {}
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setIndentation(12)
        # The count is what a reader compares: it is always whole (a 1M library's counts
        # have five digits) and a long value's name is elided instead.
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def show_facets(self, facets: dict[str, list[FacetCount]],
                    sizes: dict[str, int] | None = None) -> None:
        """Redraw for a new answer (headings of facets without values are left out); `sizes`
        says how many values each facet has in all, when `facets` lists only the first.  A
        year the reader opened stays open; a year that is the only one opens by itself."""
        opened = self._opened_years()
        self._facets, self._sizes = facets, dict(sizes or {})
        self.clear()
        for name, title in FACET_TITLES:
            values = facets.get(name) or []
            if not values:
                continue
            heading = QTreeWidgetItem(self, [translate("FacetPanel", title), ""])
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            if name == "year":
                self._add_dates(heading, values, facets.get("month") or [], opened)
            else:
                for count in values[:MAX_VALUES]:
                    self._add_value(heading, name, count)
                shown = min(len(values), MAX_VALUES)
                left = max(len(values), self._sizes.get(name, 0)) - shown
                if left > 0:  # say that the list goes on
                    # self.tr, not translate(): lupdate marks a plural only in a tr() call
                    more = QTreeWidgetItem(heading, [self.tr("另有 %n 项", "", left), ""])
                    more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    more.setForeground(0, self.palette().placeholderText())
            heading.setExpanded(True)

    def show_counting(self) -> None:
        """The facets of a new answer are being counted: the old ones go (they would be
        wrong), one grey line says why the column is empty."""
        self._facets, self._sizes = {}, {}
        self.clear()
        line = QTreeWidgetItem(self, [self.tr("正在统计…"), ""])
        line.setFlags(Qt.ItemFlag.ItemIsEnabled)
        line.setForeground(0, self.palette().placeholderText())

    def _add_dates(self, heading: QTreeWidgetItem, years: list[FacetCount],
                   months: list[FacetCount], opened: set[str]) -> None:
        from reader.library.facets import UNDATED

        # Newest year first: a reader narrows to recent years more often than to old ones.
        for year in sorted(years, key=lambda c: (c.value == UNDATED, c.value), reverse=True):
            item = self._add_value(heading, "year", year)
            for month in months:
                if month.value.startswith(year.value + "-"):
                    self._add_value(item, "month", month)
            item.setExpanded(len(years) == 1 or year.value in opened)

    def _opened_years(self) -> set[str]:
        """The years whose months are shown now."""
        opened = set()
        headings = [self.topLevelItem(row) for row in range(self.topLevelItemCount())]
        for heading in filter(None, headings):
            for item in filter(None, (heading.child(i) for i in range(heading.childCount()))):
                token = item.data(0, TokenRole) or ""
                if item.childCount() and item.isExpanded() and token.startswith("date:"):
                    opened.add(token.removeprefix("date:"))
        return opened

    def _add_value(self, parent: QTreeWidgetItem, facet: str, count: FacetCount
                   ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [self._label(facet, count.value), str(count.count)])
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        from reader.app.research import narrowing_token

        token = narrowing_token(facet, count.value)
        item.setData(0, TokenRole, token)
        # A value is shown as plain text (it is the library's data, never markup).
        item.setToolTip(0, plain_tooltip(token or ""))
        if token is None:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    @staticmethod
    def _label(facet: str, value: str) -> str:
        from reader.library.facets import UNDATED

        if value == UNDATED:
            return translate("FacetPanel", "日期不明")
        if facet == "kind":
            return kind_name(value)
        if facet == "month":
            return wording.month_name(int(value[5:7]))
        return value

    def retranslate(self) -> None:
        """The language changed: draw the same answer in the new words (months, kinds)."""
        self.show_facets(self._facets, self._sizes)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        token = item.data(0, TokenRole)
        if token:
            self.narrow.emit(token)

    def item_for(self, token: str) -> QTreeWidgetItem | None:
        """The value item that adds `token` (for tests and keyboard users)."""
        found = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while found:
            item = found.pop()
            if item is None:
                continue
            if item.data(0, TokenRole) == token:
                return item
            found.extend(item.child(i) for i in range(item.childCount()))
        return None


__all__ = ["FACET_TITLES", "FacetPanel"]
