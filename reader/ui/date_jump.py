"""跳到日期: a calendar that jumps the archive tree to an issue; days with issues are marked.

`DateJump` is a small popup holding a `QCalendarWidget`.  `set_dates`
marks every day that has an issue (bold, in the accent colour, through
`setDateTextFormat`), with a line under the calendar saying how many
there are; choosing a day (click, or arrows and Enter) emits `date_chosen`
with the ISO date and closes.  `nearest(dates, wanted)` picks the issue
date to go to when the chosen day has none: the closest, the later one on a
tie.  Only dates known to the day are marked; an issue dated only to a
month or a year is reached through the tree.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLabel, QVBoxLayout, QWidget

from reader.ui.noop import QT_TRANSLATE_NOOP

#: A day with an issue: bold, in the pane's accent colour, on a pale tint; in the dark theme
#: the dark pane's accent on a deep tint (a pale square on a dark calendar glares).
MARK_COLOUR = "#9b2c2c"
MARK_BACKGROUND = "#f6e7c8"
DARK_MARK_COLOUR = "#e08a7a"
DARK_MARK_BACKGROUND = "#4a3526"
#: The calendar's locale follows the interface language (the English translation says en_US).
LOCALE = QT_TRANSLATE_NOOP("DateJump", "zh_CN")


def nearest(dates: Iterable[str], wanted: str) -> str | None:
    """The date among `dates` (ISO days) closest to `wanted`; the later one on a tie."""
    ordered = sorted(dates)
    if not ordered:
        return None
    at = bisect.bisect_left(ordered, wanted)
    if at < len(ordered) and ordered[at] == wanted:
        return wanted
    before = ordered[at - 1] if at > 0 else None
    after = ordered[at] if at < len(ordered) else None
    if before is None or after is None:
        return before or after
    day = QDate.fromString(wanted, Qt.DateFormat.ISODate)
    gap_before = QDate.fromString(before, Qt.DateFormat.ISODate).daysTo(day)
    gap_after = day.daysTo(QDate.fromString(after, Qt.DateFormat.ISODate))
    return before if gap_before < gap_after else after


class DateJump(QFrame):
    """A calendar popup; the days that have issues are marked."""

    #: a day was chosen (ISO date)
    date_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setLocale(QLocale(QCoreApplication.translate("DateJump", LOCALE)))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.activated.connect(self._chosen)
        self.calendar.clicked.connect(self._chosen)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setContentsMargins(6, 2, 6, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)
        layout.addWidget(self.note)
        self.dates: tuple[str, ...] = ()

    def set_dates(self, dates: Iterable[str]) -> None:
        """Mark these days (ISO dates) as having issues; earlier marks are cleared."""
        self.dates = tuple(sorted(dates))
        self._mark_dates()
        if self.dates:
            self.note.setText(self.tr("%n 天有报纸（{} 至 {}），以粗体标出", "", len(self.dates)).format(
                self.dates[0], self.dates[-1]))
        else:
            self.note.setText(self.tr("书库中还没有注明具体日期的报纸"))

    def _mark_dates(self) -> None:
        """The day formats, in the colours of the theme now on (set again on each opening:
        the theme may have changed since)."""
        # Weekends in the weekdays' colour: red is what marks a day with an issue here.
        plain = QTextCharFormat()
        plain.setForeground(self.palette().text())
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.calendar.setWeekdayTextFormat(weekend, plain)
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # a null date: clear all
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setForeground(QColor(DARK_MARK_COLOUR if dark else MARK_COLOUR))
        marked.setBackground(QColor(DARK_MARK_BACKGROUND if dark else MARK_BACKGROUND))
        marked.setToolTip(self.tr("这一天有报纸"))
        for value in self.dates:
            day = QDate.fromString(value, Qt.DateFormat.ISODate)
            if day.isValid():
                self.calendar.setDateTextFormat(day, marked)

    def is_marked(self, value: str) -> bool:
        day = QDate.fromString(value, Qt.DateFormat.ISODate)
        return self.calendar.dateTextFormat(day).fontWeight() == QFont.Weight.Bold

    def open_at(self, where: QPoint, around: str | None = None) -> None:
        """Show the calendar at a point on screen, on the month of `around` (an ISO date)."""
        day = QDate.fromString(around or "", Qt.DateFormat.ISODate)
        if not day.isValid() and self.dates:
            day = QDate.fromString(self.dates[-1], Qt.DateFormat.ISODate)
        if day.isValid():
            self.calendar.setSelectedDate(day)
        self._mark_dates()
        self.move(where)
        self.show()
        self.calendar.setFocus()

    def _chosen(self, day: QDate) -> None:
        self.hide()
        self.date_chosen.emit(day.toString(Qt.DateFormat.ISODate))


__all__ = ["DateJump", "nearest"]
