"""Reading state in the window: read after a few seconds, M and S, Space to the next unread,
and each article reopened where the reader left it.

- An article that stays open `READ_AFTER_MS` is marked read (a mutation;
  marking a read article again changes nothing).  M toggles read/unread of
  the open article (and stops the timer, so "unread" sticks), S its star.
- Space scrolls the pane a page down, Shift+Space a page up; Space at the
  end of an article opens the next unread one in the tree's order
  (`reader.app.reading.next_unread`), like a feed reader.
- The place in each of the last `KEPT_PLACES` articles (thousandths of the
  text's height) is kept in the window settings, so an article, also the one
  open when Reader closed, reopens where the reader was.  It is written to the
  library too (`reading.remember_place`, when it moved), so it travels in the
  annotations file with read and starred; an article this window has no place
  for opens at the library's (one brought in from another library).
- The status bar shows the open article's state (★ starred, 未读/已读).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from reader.app import reading
from reader.app.changes import Changes
from reader.models import ArticleRecord
from reader.ui import settings as window_settings
from reader.ui.article_view import ArticleView
from reader.ui.messages import MessageChannel
from reader.ui.operations import Operations
from reader.ui.window_state import WindowState

translate = QCoreApplication.translate

#: How long an article stays open before it counts as read.
READ_AFTER_MS = 3000
#: Articles whose reading place is remembered.
KEPT_PLACES = 200


class ReadingCommands(QObject):
    """The window's reading state commands (see the module docstring)."""

    def __init__(self, ops: Operations, state: WindowState, messages: MessageChannel,
                 pane: ArticleView, settings: QSettings, open_article: Callable[[int], None],
                 status_bar: QStatusBar, parent: QWidget):
        super().__init__(parent)
        self.ops, self.state, self.messages, self.pane = ops, state, messages, pane
        self._settings, self._open_article = settings, open_article
        self.read_timer = QTimer(self)
        self.read_timer.setSingleShot(True)
        self.read_timer.setInterval(READ_AFTER_MS)
        self.read_timer.timeout.connect(self._read_long_enough)
        self.label = QLabel(parent)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        status_bar.addPermanentWidget(self.label)
        self.shown: reading.ReadingState | None = None
        self._places = dict(window_settings.READING_PLACES.read(settings))
        self._article_id: int | None = None
        self._pending_place: int | None = None
        state.article_changed.connect(self._article_changed)
        #: the open article's place, followed as the reader scrolls (the pane has moved on to
        #: the next article by the time `article_changed` reaches this object)
        self._live_place = 0
        self._restoring = False
        bar = pane.verticalScrollBar()
        bar.rangeChanged.connect(lambda _low, _high: self._restore_place())
        bar.valueChanged.connect(self._scrolled)
        pane.installEventFilter(self)

    # -- the open article ---------------------------------------------------------------------

    def _article_changed(self, article: ArticleRecord | None) -> None:
        self.remember_place()
        self._article_id = article.id if article is not None else None
        self.read_timer.stop()
        self.shown = None
        self.label.setText("")
        if article is None:
            return
        self._live_place = self._places.get(article.id, 0)
        self._pending_place = self._live_place or None
        self._restore_place()
        self.read_timer.start()
        self._read_state(article.id)

    def _restore_place(self) -> None:
        # The pane lays a long text out in steps, the scroll range growing with each: the
        # place is set again on each step, until the reader scrolls (or another article opens).
        bar = self.pane.verticalScrollBar()
        if self._pending_place is not None and bar.maximum() > 0:
            self._restoring = True
            bar.setValue(round(bar.maximum() * self._pending_place / 1000))
            self._restoring = False

    def _scrolled(self, value: int) -> None:
        pane_article = self.pane.article
        if pane_article is None or pane_article.id != self._article_id or self._restoring:
            return  # another article's text, or the place being brought back
        # The reader (or a search hit) moved: that place wins over the one being restored.
        self._pending_place = None
        maximum = self.pane.verticalScrollBar().maximum()
        self._live_place = round(1000 * value / maximum) if maximum > 0 else 0

    def remember_place(self) -> None:
        """Keep where the reader is in the open article (called on switching and closing)."""
        article_id, place = self._article_id, self._live_place
        if article_id is None:
            return
        self._places.pop(article_id, None)
        self._places[article_id] = place
        while len(self._places) > KEPT_PLACES:
            del self._places[next(iter(self._places))]
        window_settings.READING_PLACES.write(self._settings, tuple(self._places.items()))
        known = self.shown.place if self.shown is not None else None
        if self.ops.session is not None and place != (known or 0):
            self.ops.mutate(lambda session: reading.remember_place(session, article_id, place),
                            translate("ReadingPlace", "无法记住阅读位置"))

    def _read_state(self, article_id: int) -> None:
        self.ops.query(lambda session: reading.state(session, article_id), self._show_state,
                       translate("MainWindow", "无法读取阅读状态"))

    def _show_state(self, shown: reading.ReadingState) -> None:
        if shown.article_id != self._article_id:
            return
        self.shown = shown
        words = [translate("MainWindow", "★ 星标")] if shown.starred else []
        words.append(translate("MainWindow", "已读") if shown.read else translate("MainWindow", "未读"))
        self.label.setText("  ".join(words))
        if shown.place and self._article_id not in self._places \
                and self._pending_place is None and self._live_place == 0:
            # no place of this window's, and the reader has not scrolled yet: the library's
            self._live_place = self._pending_place = shown.place
            self._restore_place()

    def apply(self, changes: Changes) -> None:
        if changes.reading and self._article_id is not None and changes.touches(self._article_id):
            self._read_state(self._article_id)

    # -- commands ---------------------------------------------------------------------------------

    def _read_long_enough(self) -> None:
        article_id = self._article_id
        if article_id is not None and self.ops.session is not None:
            self.ops.mutate(lambda session: reading.mark_read(session, [article_id]),
                            translate("MainWindow", "无法标为已读"))

    def toggle_read(self) -> None:
        """M: the open article read ↔ unread."""
        article_id = self._article_id
        if article_id is None or self.ops.session is None:
            return
        self.read_timer.stop()

        def toggle(session) -> Changes:
            return reading.mark_read(session, [article_id],
                                     not reading.state(session, article_id).read)

        self.ops.mutate(toggle, translate("MainWindow", "无法更改阅读状态"))

    def toggle_star(self) -> None:
        """S: star or unstar the open article."""
        article_id = self._article_id
        if article_id is None or self.ops.session is None:
            return

        def toggle(session) -> Changes:
            return reading.star(session, [article_id],
                                not reading.state(session, article_id).starred)

        self.ops.mutate(toggle, translate("MainWindow", "无法更改星标"))

    def next_unread(self) -> None:
        """Open the next unread article after the open one (the tree's order, wrapping)."""
        if self.ops.session is None:
            return
        after = self._article_id

        def opened(article_id: int | None) -> None:
            if article_id is None:
                self.messages.info(translate("MainWindow", "没有未读的文章了。"))
            else:
                self._open_article(article_id)

        self.ops.query(lambda session: reading.next_unread(session, after), opened,
                       translate("MainWindow", "无法找到下一篇未读"))

    # -- Space in the pane ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.pane and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Space:
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            bar = self.pane.verticalScrollBar()
            if modifiers == Qt.KeyboardModifier.ShiftModifier:
                bar.setValue(bar.value() - bar.pageStep())
                return True
            if modifiers == Qt.KeyboardModifier.NoModifier:
                if bar.value() >= bar.maximum():
                    self.next_unread()
                else:
                    bar.setValue(bar.value() + bar.pageStep())
                return True
        return False


__all__ = ["KEPT_PLACES", "READ_AFTER_MS", "ReadingCommands"]
