"""The search bar's wiring in the window: the controller, Enter, the results page.

`SearchWiring` builds the `SearchController` on the window's bar, the ↑/↓
keys that walk the result list from the bar (`SearchKeys`), and the research
page (sort, chips, facets, concordance, trends, saving) with the bar's tools
(search-in, history, syntax help).  An answer shows on the navigator's results
page; Enter runs a pending query and opens its first result, or opens the
selected result; an emptied bar goes back to the browsing tabs.  A view that
asks for a search (收藏的检索) runs it on the research page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from reader.ui.navigator import PREPARING_SEARCH, RESULTS_PAGE, TREE_PAGE
from reader.ui.research_page import ResearchPage
from reader.ui.search import SearchController, SearchKeys
from reader.ui.search_tools import SearchTools

translate = QCoreApplication.translate



class SearchWiring(QObject):
    """The window's search: controller, Enter, the results page and the bar's tools."""

    def __init__(self, window: Any, toolbar):
        super().__init__(window)
        self.window = window
        self.controller = SearchController(window.search_bar, window.ops, window.messages, window)
        self.controller.answered.connect(self._show_results)
        # A page shown before its count (page first) gets the exact count with the facets.
        self.controller.researched.connect(
            lambda text, found: window.results_view.show_total(text, found.outcome))
        self.controller.cleared.connect(self._search_cleared)
        self.controller.waiting.connect(self._search_waiting)
        window.search_bar.returnPressed.connect(self._search_entered)
        window.search_bar.installEventFilter(SearchKeys(
            window.results_view, lambda: window.navigator.currentIndex() == RESULTS_PAGE, window))
        self._open_first_result = False
        self.page, self.tools = self._attach_research(toolbar)

    def _attach_research(self, toolbar) -> tuple[ResearchPage, SearchTools]:
        """The research page becomes the navigator's results page; the tools join the bar."""
        window = self.window
        page = ResearchPage(window.results_view, self.controller, window._settings, window)
        page.ops, page.messages = window.ops, window.messages
        page.open_at = self.open_at
        window.navigator.addWidget(page)
        tools = SearchTools(toolbar, self.controller, window._settings, window)
        page.remember = tools.history.remember
        for view in window.views.values():
            if hasattr(view, "search_requested"):
                view.search_requested.connect(page.run_saved)
        return page, tools

    def open_at(self, article_id: int, start: int, end: int) -> None:
        """Open an article with its text [start, end) selected (a concordance line; a
        negative `start`: an occurrence in the headline, nothing to select)."""
        window = self.window
        if start < 0:
            window.show_article(article_id)
            return
        if window.state.article_id == article_id:
            window.pane.select_text_range(start, end)
            return

        def shown(shown_id: int) -> None:
            window.article_shown.disconnect(shown)
            if shown_id == article_id:
                window.pane.select_text_range(start, end)

        window.article_shown.connect(shown)
        window.show_article(article_id)

    def _search_entered(self) -> None:
        window = self.window
        if self.controller.pending or window.navigator.currentIndex() != RESULTS_PAGE:
            self._open_first_result = True
            self.controller.run_now()
        else:
            window.results_view.open_current()

    def _show_results(self, text: str, outcome) -> None:
        window = self.window
        window.results_view.show_outcome(text, outcome)
        window.state.set_outcome(text, outcome)
        window.navigator.setCurrentIndex(RESULTS_PAGE)
        if self._open_first_result:
            self._open_first_result = False
            window.results_view.open_current()

    def _search_waiting(self, _text: str) -> None:
        # The query is held until search is ready: say so where its answer will be.
        window = self.window
        window.results_view.label.setText(translate("MainWindow", PREPARING_SEARCH))
        window.navigator.setCurrentIndex(RESULTS_PAGE)

    def _search_cleared(self) -> None:
        self.window.state.set_outcome("", None)
        self.window.show_tree()


__all__ = ["RESULTS_PAGE", "TREE_PAGE", "SearchWiring"]
