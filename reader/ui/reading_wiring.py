"""Opening articles in the window: the read on the worker, the pane, the hit count.

`show_article` asks the worker for an article and hands it to `WindowState`;
only the newest request is shown (the reader may click on before an older
read comes back).  The state's `article_changed` typesets it in the pane with
the current query's words marked, and the status bar's permanent label
follows the pane's hit position ("第 2/5 处").  J/K step through whatever the
navigator shows: the result list or the archive tree.  The reading-state
commands themselves (read after a few seconds, M, S, Space) are
`reader/ui/reading_commands.py`; the window builds both.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from reader.app import browsing
from reader.ui.counts import Counts
from reader.ui.plain import plain_label
from reader.ui.reading_commands import ReadingCommands

#: The window's messages keep the window's translation context.
translate = QCoreApplication.translate


class ArticleOpener(QObject):
    """Opens articles for `window` (a MainWindow) and shows where its search hits are."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self._request = 0  # answers to older "open this article" queries are dropped
        self.hit_label = plain_label("", window)
        window.statusBar().addPermanentWidget(self.hit_label)
        window.pane.hit_changed.connect(self._show_hit_position)
        window.state.article_changed.connect(self._article_changed)
        window.state.article_updated.connect(window.pane.update_article)
        window.state.query_changed.connect(
            lambda _outcome: window.pane.set_terms(window.state.terms_for(window.state.article_id)))

    def reading_commands(self) -> ReadingCommands:
        """The window's reading-state commands, opening articles through this opener."""
        w = self.window
        return ReadingCommands(w.ops, w.state, w.messages, w.pane, w._settings, self.show_article,
                               w.statusBar(), w)

    def show_article(self, article_id: int, to_first_hit: bool = False, quiet: bool = False
                     ) -> None:
        """Open an article (read on the worker); `to_first_hit` selects its first search hit."""
        w = self.window
        if w.session is None:
            return
        self._request += 1
        request = self._request

        def opened(article) -> None:
            if request != self._request:
                return  # the reader has asked for another article since
            w.state.set_article(article)
            if to_first_hit and w.pane.hit_count:
                w.pane.next_hit()

        def failed(exc: BaseException) -> None:
            if not quiet:
                w.messages.failure(translate("MainWindow", "无法打开这篇文章"), exc)

        w.ops.query(lambda session: browsing.article(session, article_id), opened,
                    translate("MainWindow", "无法打开这篇文章"), failed=failed)

    def _article_changed(self, article) -> None:
        w = self.window
        w.pane.show_article(article, w.state.terms_for(w.state.article_id))
        if article is not None:
            w.article_shown.emit(article.id)

    def _show_hit_position(self, current: int, total: int) -> None:
        if not total:
            self.hit_label.setText("")
        elif current:
            self.hit_label.setText(
                translate("MainWindow", "第 {}/{} 处（F3 下一处）").format(current, total))
        else:
            self.hit_label.setText(Counts.tr("共 %n 处", "", total))


__all__ = ["ArticleOpener"]
