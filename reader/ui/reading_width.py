"""Keep the article readable in a small window: the side panes narrow first.

In a window too narrow for everything (1024×640), the text would otherwise
get what the navigator and the side panel leave, a column of a dozen
characters.  When the splitter is laid out (a resize, a restored state),
`ReadingWidth` gives the article pane at least `MIN_CHARS` characters a
line (at its current font size, with the pane's own side margins) by
narrowing the navigator and then the side panel, each down to its
`FLOOR` width; when the window grows again they get back what they gave
(as far as the article can spare it).  The sizes the reader drags the handles
to otherwise stand (and are remembered with the window's splitter state).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QSplitter, QWidget

from reader.ui.article_view import ArticleView

#: The fewest characters a line of the article should hold.
MIN_CHARS = 28
#: How narrow the navigator and the side panel may become, in pixels.
FLOOR = {"navigator": 200, "panel": 200}


class ReadingWidth(QObject):
    """Narrows the splitter's side panes so the article keeps `MIN_CHARS` a line."""

    def __init__(self, splitter: QSplitter, pane: ArticleView, parent: QWidget):
        super().__init__(parent)
        self.splitter, self.pane = splitter, pane
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.fit)
        #: pixels taken from the navigator [0] and the side panel [2], to give back with room
        self._taken = [0, 0, 0]
        splitter.splitterMoved.connect(self._dragged)
        splitter.installEventFilter(self)
        pane.installEventFilter(self)  # shown again after a page view: fit then too

    def needed_width(self) -> int:
        """Pixels the pane needs for MIN_CHARS characters and its margins and scroll bar."""
        em = self.pane.point_size * self.pane.logicalDpiX() / 72.0
        scroll = self.pane.verticalScrollBar().sizeHint().width()
        return round(em * (MIN_CHARS + 3)) + scroll + 4  # 1.5 em margins either side

    def chars_per_line(self) -> float:
        """How many characters a line of the pane holds now."""
        em = self.pane.point_size * self.pane.logicalDpiX() / 72.0
        margins = self.pane.document().rootFrame().frameFormat()
        text = self.pane.viewport().width() - margins.leftMargin() - margins.rightMargin()
        return text / em

    def fit(self) -> None:
        sizes = self.splitter.sizes()
        if len(sizes) != 3 or not self.pane.isVisible():
            return
        missing = self.needed_width() - sizes[1]
        if missing < 0 and any(self._taken):
            self._give_back(sizes, -missing)
            return
        if missing <= 0:
            return
        for index, floor in ((0, FLOOR["navigator"]), (2, FLOOR["panel"])):
            if missing <= 0:
                break
            widget = self.splitter.widget(index)
            if widget is not None:  # no narrower than the widget itself allows (its tab bar …)
                floor = max(floor, widget.minimumSizeHint().width(), widget.minimumWidth())
            give = min(missing, max(0, sizes[index] - floor))
            sizes[index] -= give
            sizes[1] += give
            missing -= give
            self._taken[index] += give
        self.splitter.setSizes(sizes)

    def _give_back(self, sizes: list[int], spare: int) -> None:
        for index in (0, 2):
            back = min(spare, self._taken[index])
            sizes[index] += back
            sizes[1] -= back
            spare -= back
            self._taken[index] -= back
        self.splitter.setSizes(sizes)

    def _dragged(self, _pos: int, _index: int) -> None:
        self._taken = [0, 0, 0]  # the reader's sizes now, nothing to give back

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched in (self.splitter, self.pane) and event.type() in (QEvent.Type.Resize,
                                                                      QEvent.Type.Show):
            self._pending.start()  # after the splitter has laid its children out
        return False


__all__ = ["MIN_CHARS", "ReadingWidth"]
