"""A line chart of terms over periods, drawn with QPainter: the trend window's chart.

Why QPainter and not a plotting library: the chart is a few lines over at most a few
hundred periods, which QPainter draws in well under a millisecond, and it follows the
window's palette (so the dark theme) with no styling of its own.  pyqtgraph would bring
numpy (tens of MB in the bundle), QtCharts the PySide6-Addons wheel (well over 100 MB;
the bundle ships QtCore/Gui/Widgets only), matplotlib numpy, Pillow and its own look.

`set_series` gives the periods (x, in order) and one list of values per term; points are
clickable (`point_clicked(period, term)`), hovering shows the value, and `render_png`
draws the chart into an image of any size for export.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

#: Series colours, readable on light and dark backgrounds.
COLORS = ("#d94841", "#2f7ed8", "#3a9d5d", "#e08a1e", "#8e5bc9", "#1aa3a3")
#: How close (pixels) a click must be to a point to pick it.
PICK_RADIUS = 9
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 56, 16, 34, 44


def nice_step(value: float) -> float:
    """The smallest 1, 2 or 5 × 10^n at or above `value`: a step between grid lines."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def axis(maximum: float, lines: int = 4) -> tuple[float, float]:
    """(top, step) of a y axis from 0 showing `maximum` with about `lines` grid lines at
    round values (375 → 0, 100, … 400)."""
    step = nice_step(maximum / lines) if maximum > 0 else 1.0
    return step * max(1, math.ceil(maximum / step)), step


class TrendChart(QWidget):
    """Lines of values per period, one per term, with a legend and clickable points."""

    #: a point was clicked: (period, term)
    point_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trend-chart")
        self.setMouseTracking(True)
        self.setMinimumSize(420, 260)
        self.periods: list[str] = []
        self.series: dict[str, list[float]] = {}
        self.unit = ""

    def set_series(self, periods: list[str], series: dict[str, list[float]], unit: str) -> None:
        self.periods, self.series, self.unit = list(periods), dict(series), unit
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(760, 400)

    # -- geometry -----------------------------------------------------------------------

    def _plot_rect(self, size: QSize) -> QRectF:
        return QRectF(MARGIN_LEFT, MARGIN_TOP, max(1, size.width() - MARGIN_LEFT - MARGIN_RIGHT),
                      max(1, size.height() - MARGIN_TOP - MARGIN_BOTTOM))

    def _axis(self) -> tuple[float, float]:
        return axis(max((v for values in self.series.values() for v in values), default=0))

    def _top(self) -> float:
        return self._axis()[0]

    def point_at(self, index: int, value: float, size: QSize | None = None) -> QPointF:
        """Where the value of period `index` is drawn."""
        plot = self._plot_rect(size or self.size())
        count = len(self.periods)
        x = plot.left() + (plot.width() * (index + 0.5) / count if count else 0)
        y = plot.bottom() - plot.height() * value / self._top()
        return QPointF(x, y)

    def pick(self, pos: QPointF) -> tuple[str, str, float] | None:
        """(period, term, value) of the point nearest `pos` within PICK_RADIUS, or None."""
        best: tuple[float, str, str, float] | None = None
        for term, values in self.series.items():
            for index, value in enumerate(values):
                point = self.point_at(index, value)
                distance = math.hypot(point.x() - pos.x(), point.y() - pos.y())
                if distance <= PICK_RADIUS and (best is None or distance < best[0]):
                    best = (distance, self.periods[index], term, value)
        return None if best is None else best[1:]

    # -- drawing ------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        self.draw(painter, self.size())
        painter.end()

    def draw(self, painter: QPainter, size: QSize, background: bool = False) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(40)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if background:
            painter.fillRect(QRectF(0, 0, size.width(), size.height()),
                             palette.color(QPalette.ColorRole.Window))
        plot = self._plot_rect(size)
        painter.setPen(text)
        if not self.periods:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("没有数据"))
            return
        top, step = self._axis()
        metrics = painter.fontMetrics()
        for line in range(round(top / step) + 1):  # horizontal grid lines with their values
            value = step * line
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            label = f"{value:g}"
            painter.drawText(QRectF(0, y - 8, MARGIN_LEFT - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        every = max(1, math.ceil(len(self.periods) * 64 / max(1.0, plot.width())))
        for index, period in enumerate(self.periods):  # period labels, thinned to fit
            if index % every:
                continue
            x = self.point_at(index, 0, size).x()
            painter.drawText(QRectF(x - 40, plot.bottom() + 4, 80, 18),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, period)
        painter.drawText(QRectF(4, 4, plot.width(), 20),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.unit)
        legend_x = plot.right()
        for number, term in enumerate(reversed(list(self.series))):
            color = QColor(COLORS[(len(self.series) - 1 - number) % len(COLORS)])
            width = metrics.horizontalAdvance(term) + 26
            legend_x -= width
            painter.setPen(QPen(color, 3))
            painter.drawLine(QPointF(legend_x, 14), QPointF(legend_x + 16, 14))
            painter.setPen(text)
            painter.drawText(QPointF(legend_x + 20, 14 + metrics.ascent() / 2 - 1), term)
        for number, (_term, values) in enumerate(self.series.items()):
            color = QColor(COLORS[number % len(COLORS)])
            path = QPainterPath()
            points = [self.point_at(i, v, size) for i, v in enumerate(values)]
            for i, point in enumerate(points):
                if i == 0:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
            painter.setPen(QPen(color, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(color)
            for point in points:
                painter.drawEllipse(point, 3.5, 3.5)

    def render_png(self, path: str, size: QSize | None = None) -> bool:
        """Draw the chart (on the window's background) into a PNG file (`path` ends in .png:
        Qt picks the format by the suffix)."""
        size = size or self.size()
        image = QImage(size, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        self.draw(painter, size, background=True)
        painter.end()
        return image.save(path)

    # -- mouse --------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self.pick(event.position())
        if found is None:
            QToolTip.hideText()
            self.unsetCursor()
            return
        period, term, value = found
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Escaped: a tooltip that looks like markup is read as markup.
        QToolTip.showText(event.globalPosition().toPoint(),
                          html.escape(f"{period}  {term}：{value:g}"), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        found = self.pick(event.position())
        if event.button() == Qt.MouseButton.LeftButton and found is not None:
            self.point_clicked.emit(found[0], found[1])


__all__ = ["TrendChart", "axis", "nice_step"]
