"""Reading a whole page: the page view, and the stack that puts it where the article pane is.

`PageView` is the article pane (reader/ui/article_view.py: zoom, theme,
measure, F3 through the hits) showing a page built by
`reader.ui.page_document`: its contents link to each article, and the
reader's highlights are drawn on every article of the page (and, right-clicked,
recoloured, noted or deleted, as in the pane).

`PageReading` owns the centre of the window: a stack of the article pane
and the page view.  `show_page(page_id)` reads the page on the worker and
shows it (the tree's page rows ask for it); opening an article shows the
pane again.  A change that touches an article of the page on screen reads
the page again, keeping the place.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QStackedWidget, QWidget

from reader.app.archive import ArchiveSource, PageContent
from reader.app.changes import Changes
from reader.models import Highlight
from reader.ui.article_document import BuiltArticle, TextMap
from reader.ui.article_view import ArticleView
from reader.ui.page_document import PlacedArticle, anchor_article, build_page


class PageView(ArticleView):
    """One page, all its articles in page order, with a table of contents."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText("")
        self.content: PageContent | None = None
        self.placed: tuple[PlacedArticle, ...] = ()
        self.anchorClicked.connect(self._anchor_clicked)

    @property
    def page_id(self) -> int | None:
        return self.content.page.record_id if self.content is not None else None

    def show_page(self, content: PageContent | None, terms=()) -> None:
        self.content = content
        self.terms = tuple(terms)
        self._render()
        self.verticalScrollBar().setValue(0)

    def update_page(self, content: PageContent) -> None:
        """The page read again after a change: redraw it, keeping the place."""
        self.content = content
        self._rerender_keeping_place()

    def _has_content(self) -> bool:
        return self.content is not None

    def _build(self) -> BuiltArticle:
        assert self.content is not None
        built = build_page(self.document(), self.content, self.terms, self.theme,
                           self.point_size, self.typography)
        self.placed = built.articles
        # Highlights are made in the article pane: no selection here maps to one article.
        return BuiltArticle(TextMap(), built.hits)

    def shown_highlights(self) -> list[tuple[Highlight, tuple[int, int]]]:
        """The highlights of every article on the page, placed through each one's map."""
        if self.content is None:
            return []
        maps = {p.article_id: p.text_map for p in self.placed}
        shown = []
        for article in self.content.articles:
            text_map = maps.get(article.id, TextMap())
            for mark in article.highlights:
                where = None if mark.orphaned else text_map.to_document(mark.start, mark.end)
                if where is not None:
                    shown.append((mark, where))
        return shown

    def _top_of(self, position: int) -> float:
        """The y of the block at a document position, in document coordinates.  Asking the
        layout for a block's rectangle lays the document out down to it (a long page is
        laid out lazily, so the scroll bar may not reach it yet otherwise)."""
        block = self.document().findBlock(position)
        return self.document().documentLayout().blockBoundingRect(block).top()

    def scroll_to_article(self, article_id: int) -> bool:
        """Bring an article's first line to the top of the view; False if it is not here."""
        start = next((p.start for p in self.placed if p.article_id == article_id), None)
        if start is None:
            return False
        top = self._top_of(start)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(round(top - self._em() / 2))
        return True

    def article_at_top(self) -> int | None:
        """The article whose text is at the top of the view (None above the first)."""
        y = self.verticalScrollBar().value() + self._em()
        above = [p.article_id for p in self.placed if self._top_of(p.start) <= y]
        return above[-1] if above else None

    def _em(self) -> float:
        return self.point_size * self.logicalDpiY() / 72

    def _anchor_clicked(self, url: QUrl) -> None:
        article_id = anchor_article(url.toString())
        if article_id is not None:
            self.scroll_to_article(article_id)


class PageReading(QObject):
    """The centre of the window: the article pane, or a whole page in its place."""

    #: a page is on screen (its id)
    page_shown = Signal(int)

    def __init__(self, context, pane: ArticleView, source: ArchiveSource,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.state, self.messages = context.ops, context.state, context.messages
        self.source = source
        self.pane = pane
        self.view = PageView(parent)
        self.stack = QStackedWidget(parent)
        self.stack.addWidget(pane)
        self.stack.addWidget(self.view)
        self._request = 0
        self.state.article_changed.connect(lambda _article: self._show_pane())

    @property
    def showing(self) -> bool:
        return self.stack.currentWidget() is self.view

    def _show_pane(self) -> None:
        self._request += 1  # a page still on its way is not wanted any more
        self.stack.setCurrentWidget(self.pane)

    def show_page(self, page_id: int) -> None:
        """Read a page on the worker and show it in place of the article pane."""
        self._request += 1
        request = self._request
        source = self.source

        def read(session):
            return source.page_content(session, page_id)

        def shown(content: PageContent | None) -> None:
            if request != self._request or content is None:
                return
            self.view.show_page(content)
            self.stack.setCurrentWidget(self.view)
            self.page_shown.emit(page_id)

        self.ops.query(read, shown, self.tr("无法读取这一版"))

    def apply(self, changes: Changes) -> None:
        content = self.view.content
        if content is None or not self.showing:
            return
        page_id = content.page.record_id
        touched = changes.structure or changes.all_articles or any(
            changes.touches(a.id) for a in content.articles)
        if not touched or changes.empty:
            return
        request = self._request
        source = self.source

        def again(fresh: PageContent | None) -> None:
            if request == self._request and fresh is not None:
                self.view.update_page(fresh)

        self.ops.query(lambda session: source.page_content(session, page_id), again,
                       self.tr("无法读取这一版"))

    def set_zoom(self, steps: int) -> None:
        self.view.set_zoom(steps)

    def set_dark(self, dark: bool) -> None:
        self.view.set_dark(dark)

    def set_typography(self, typography) -> None:
        self.view.set_typography(typography)


__all__ = ["PageReading", "PageView"]
