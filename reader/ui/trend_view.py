"""The trends window (趋势): how often terms occur per month or year, as a chart.

The terms and the filters come from the search bar's query (its words, and its filters
applied to every term); both can be edited here.  The numbers are
`reader.app.trends.trend` (run as a query of the window's operations): per period the
articles that contain each term, their occurrences, and the articles per 1,000 of that
period's articles that pass the filters.  A click on a point lists that period's articles
for that term in the search results (`period_search`).  Export: the chart as PNG, the
numbers as the CSV of `reader trend --csv`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.app.trends import Trend, period_filter, trend, trend_csv
from reader.atomic import write_atomic
from reader.library.facets import UNDATED
from reader.search.query import filter_tokens, parse_query
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.trend_chart import TrendChart

#: What the chart shows: the TrendPoint field and its name.
MEASURES: tuple[tuple[str, str], ...] = (
    ("per_1000_articles", QT_TRANSLATE_NOOP("TrendView", "每千篇文章中的篇数")),
    ("articles", QT_TRANSLATE_NOOP("TrendView", "文章篇数")),
    ("occurrences", QT_TRANSLATE_NOOP("TrendView", "出现次数")),
)
PERIOD_TITLES: tuple[tuple[str, str], ...] = (
    ("year", QT_TRANSLATE_NOOP("TrendView", "按年")),
    ("month", QT_TRANSLATE_NOOP("TrendView", "按月")),
)


def terms_and_filters(query: str) -> tuple[list[str], str]:
    """The words of a search (each a term of the trend) and its filters (applied to all)."""
    terms = [t.text for t in parse_query(query).terms if t.text.strip()]
    return terms, " ".join(filter_tokens(query))


def period_search(term: str, filters: str, period: str) -> str:
    """The search that lists one point's articles: the term, the filters, the period."""
    when = period_filter(period)
    return " ".join(x for x in (f'"{term}"', filters, when) if x)


class TrendView(QWidget):
    """A window of its own (non-modal): terms, filters, period, measure, chart, export."""

    #: a point was clicked: the search listing its articles
    search_requested = Signal(str)
    #: the numbers of a request were read and drawn
    answered = Signal()

    def __init__(self, ops, messages, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("trends")
        self.setWindowTitle(self.tr("趋势"))
        self.ops, self.messages = ops, messages
        self.result: Trend | None = None
        self._request = 0
        #: asks where to save (title, suggested name, filter) → path or None; tests replace it
        self.ask_path: Callable[[str, str, str], str | None] = self._ask_path
        self.terms = QLineEdit(self)
        self.terms.setPlaceholderText(self.tr("词语，用空格分开：党建引领 网格"))
        self.terms.returnPressed.connect(self.refresh)
        self.filters = QLineEdit(self)
        self.filters.setPlaceholderText(self.tr("筛选（可空）：column:观潮 date:2020..2024"))
        self.filters.returnPressed.connect(self.refresh)
        self.period_box = QComboBox(self)
        for key, title in PERIOD_TITLES:
            self.period_box.addItem(self.tr(title), key)
        self.period_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.measure_box = QComboBox(self)
        for key, title in MEASURES:
            self.measure_box.addItem(self.tr(title), key)
        self.measure_box.currentIndexChanged.connect(lambda _i: self._draw())
        self.png_button = QPushButton(self.tr("导出图片…"), self)
        self.png_button.clicked.connect(self.export_png)
        self.csv_button = QPushButton(self.tr("导出 CSV…"), self)
        self.csv_button.clicked.connect(self.export_csv)
        self.chart = TrendChart(self)
        self.chart.point_clicked.connect(self._point_clicked)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.terms, 2)
        top.addWidget(self.filters, 2)
        top.addWidget(self.period_box)
        top.addWidget(self.measure_box)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.png_button)
        bottom.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        layout.addLayout(bottom)
        self.resize(900, 520)

    def show_query(self, query: str) -> None:
        """Chart the words of a search, with its filters."""
        terms, filters = terms_and_filters(query)
        self.terms.setText(" ".join(terms))
        self.filters.setText(filters)
        self.refresh()

    def refresh(self) -> None:
        terms = self.terms.text().split()
        filters, by = self.filters.text().strip(), self.period_box.currentData()
        self._request += 1
        request = self._request
        if not terms:
            self.result = None
            self.chart.set_series([], {}, "")
            self.note.setText(self.tr("输入要统计的词语。"))
            return

        def read(session) -> Trend:
            session.ensure_index()
            return trend(session.library, session.index, terms, by, filters)

        def show(result: Trend) -> None:
            if request == self._request:
                self.result = result
                self._draw()
                self.answered.emit()

        self.note.setText(self.tr("正在统计……"))
        self.ops.query(read, show, self.tr("无法统计趋势"))

    def _draw(self) -> None:
        result = self.result
        if result is None:
            return
        measure = self.measure_box.currentData()
        periods = [p for p in result.periods if p != UNDATED]  # no place on a time axis
        series = {term: [float(getattr(p, measure)) for p in result.series(term)
                         if p.period != UNDATED] for term in result.terms}
        self.chart.set_series(periods, series, self.measure_box.currentText())
        self.setWindowTitle(self.tr("趋势：{}").format(" / ".join(result.terms)))
        undated = {p.term: p.articles for p in result.points if p.period == UNDATED}
        note = self.tr("点击一个点，在检索结果中列出那个时期的文章。")
        if any(undated.values()):
            note += self.tr("另有日期不明的文章：{}。").format(
                self.tr("，").join(f"{term} {count}" for term, count in undated.items()))
        self.note.setText(note)

    def _point_clicked(self, period: str, term: str) -> None:
        filters = self.result.filters if self.result is not None else ""
        self.search_requested.emit(period_search(term, filters, period))

    def export_png(self) -> None:
        if self.result is None:
            return
        path = self.ask_path(self.tr("导出趋势图"), "trend.png", self.tr("PNG 图片 (*.png)"))
        if path and not path.lower().endswith(".png"):
            path += ".png"
        if path and not self.chart.render_png(path, QSize(1200, 600)):
            self.messages.error(self.tr("无法写入图片 {}。").format(path))
        elif path:
            self.messages.info(self.tr("已导出到 {}").format(path))

    def export_csv(self) -> None:
        if self.result is None:
            return
        path = self.ask_path(self.tr("导出趋势数据"), "trend.csv", self.tr("CSV 文件 (*.csv)"))
        if not path:
            return
        try:
            write_atomic(Path(path), trend_csv(self.result))
        except OSError as exc:
            self.messages.failure(self.tr("无法导出趋势数据"), exc)
            return
        self.messages.info(self.tr("已导出到 {}").format(path))

    def _ask_path(self, title: str, name: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, name, pattern)
        return path or None


__all__ = ["TrendView", "period_search", "terms_and_filters"]
