"""The search bar's behaviour: debounce, run off the UI thread, keep only the newest answer.

Typing restarts a 250 ms timer; when it fires the text is searched as a
query of the window's operations (on its worker).  Every request gets a number, and an answer is shown only
if it belongs to the newest request, so a slow old search can never
overwrite a newer one.  `query_terms` asks the query parser for the words
to mark in the pane (filters, OR/NOT and excluded words are not marked).

Until the window says search is ready (`set_ready`, once the library is open
and its index in step), a query typed or entered is held, not dropped: the
controller emits `waiting` and runs the newest text the moment search is
ready, so the first keystrokes after start-up are never lost.

Each search is `session.research` (reader/app/research.py): one page in the
order `sort` names, and the facets of all matches (`researched`).  By relevance
without filters the page comes first, before every match is found
(`page_first`: a long term's candidates are read only as far as the page needs),
so its answer (`answered`, `counting`) has no exact total and no facets yet;
`session.count_facets` finds the matches, the exact total and the facets next
(`researched`).  The facets also count from a snapshot of the library read on
the first request: a search that would wait for it answers first the same way.  `scope`
is the bar's search-in choice (全文/标题/作者/笔记): the typed words are
searched in that field only (`scoped_query`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit

from reader.search import parse_query
from reader.ui import facet_panel
from reader.ui.messages import MessageChannel
from reader.ui.operations import Operations
from reader.ui.reasons import localized

DEBOUNCE_MS = 250
RESULT_LIMIT = 100

def query_terms(text: str) -> list[str]:
    """The words of a query a reader expects to see marked: the query parser's own terms.

    Filters (tag:, 标签：, date: …), excluded words and operators are not
    marked; a phrase in quotes (ASCII or “ ”) is one term.  Asking the parser
    keeps the marks in step with what the search matched.
    """
    return [term.text for term in parse_query(text).terms if term.text.strip()]


class SearchController(QObject):
    """Connects a search QLineEdit to `session.search`, run as a query of `Operations`."""

    #: (query text, SearchOutcome) of the newest request
    answered = Signal(str, object)
    #: the search bar was emptied
    cleared = Signal()
    #: (query text as searched, ResearchOutcome) of the newest request: facets and sort
    researched = Signal(str, object)
    #: (query text) a query is held until search is ready
    waiting = Signal(str)
    #: (query text as searched) the newest answer came before its facets: being counted
    counting = Signal(str)

    def __init__(self, line_edit: QLineEdit, ops: Operations, messages: MessageChannel,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.line_edit = line_edit
        self._ops = ops
        self._messages = messages
        self._latest = 0
        #: the order of the results (one of reader.app.research.SORTS)
        self.sort = "relevance"
        #: where the typed words are looked for (one of reader.app.research.SCOPES)
        self.scope = "all"
        self.answered_request = 0
        #: search can run (the window's index is in step); until then queries are held
        self.ready = False
        self._held = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        line_edit.textEdited.connect(self._edited)

    @property
    def pending(self) -> bool:
        """A search is waiting on the timer or on the worker."""
        return self._timer.isActive() or self.answered_request != self._latest

    def set_ready(self, ready: bool) -> None:
        """Search can run (or not); a query held until now is run at once."""
        self.ready = ready
        if ready and self._held:
            self.run_now()
        elif ready:
            self._warm(self._latest)

    def _warm(self, asked: int) -> None:
        """Nothing asked yet: what searches read is read now, while the reader types (at 1M
        articles the date ranks take 0.5 s), a piece a query of the worker
        (`Session.prepare_search_step`), and only until a search is asked: it waits for
        the piece being read, not for all.  A failure here is the search's to report,
        when one is asked."""
        if asked != self._latest or self._ops.session is None:
            return
        self._ops.query(lambda session: session.prepare_search_step(),
                        lambda more: self._warm(asked) if more else None, "",
                        failed=lambda _exc: None)

    def _edited(self, _text: str) -> None:
        self._timer.start()

    def run_now(self) -> None:
        self._timer.stop()
        text = self.line_edit.text().strip()
        self._latest += 1
        request = self._latest
        self._held = False
        if not text:
            self.answered_request = request
            self.cleared.emit()
            return
        if not self.ready or self._ops.session is None:
            # Typed before search is ready: kept (pending) and run by set_ready.
            self._held = True
            self.waiting.emit(text)
            return
        # The research layer loads with the first search, not with the window (issue 17).
        from reader.app.research import scoped_query

        text = scoped_query(text, self.scope)
        sort = self.sort
        top = facet_panel.MAX_VALUES  # the facets list no more (and say how many more)
        self._ops.query(lambda session: session.research(text, RESULT_LIMIT, sort=sort,
                                                         facet_top=top, facets_when_ready=True,
                                                         page_first=True),
                        lambda found: self._answer(request, text, found),
                        self.tr("搜索失败"), failed=lambda exc: self._fail(request, exc))

    def _answer(self, request: int, text: str, found) -> None:
        if request != self._latest:
            return  # a newer request is on its way; this answer is stale
        self.answered_request = request
        outcome = found.outcome
        for notice in outcome.notices:
            self._messages.info(localized(notice))
        self.answered.emit(text, outcome)
        if not found.facets_pending and not found.matches_pending:
            self.researched.emit(text, found)
            return
        # The facets' snapshot was not read yet (the first search, or the library changed),
        # or the page came first (page_first): the results are shown, and the matches and
        # facets counted next.
        self.counting.emit(text)
        top = facet_panel.MAX_VALUES
        self._ops.query(lambda session: session.count_facets(found, top),
                        lambda counted: self._counted(request, text, counted),
                        self.tr("搜索失败"), failed=lambda exc: self._fail(request, exc))

    def _counted(self, request: int, text: str, found) -> None:
        if request == self._latest:
            self.researched.emit(text, found)

    def _fail(self, request: int, exc: BaseException) -> None:
        if request != self._latest:
            return
        self.answered_request = request
        self._messages.failure(self.tr("搜索失败"), exc)


class SearchKeys(QObject):
    """↓ in the search field moves into the results (when there are any)."""

    def __init__(self, results, shown: Callable[[], bool], parent: QObject):
        super().__init__(parent)
        self._results, self._shown = results, shown

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down \
                and self._shown():
            return self._results.enter_from_search()
        return False
