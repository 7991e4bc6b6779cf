"""The one state every view of the window reads: the open article, the query and its hits.

Views do not keep their own idea of "the current article" or "the current
search": they read `WindowState` and follow its signals.  The pane marks the
hits of `terms_for(article)`, so a new query re-marks the open article (or
clears it); the tree follows `article_changed`, so J/K move from the
article on screen, wherever it was opened from; the side panel shows the
annotations of `article`.  `picked` is what the reader picked in the
navigator (tree rows, results, a tag's articles), which Ctrl+T and Export…
act on.

What comes back after a restart (the open article, the expanded issues and
the navigator tab) is declared in `reader.ui.settings` (LAST_ARTICLE,
EXPANDED_ISSUES, NAVIGATOR_TAB) and read tolerantly there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.app.browsing import Picked
from reader.models import ArticleRecord
from reader.ui.results_model import snippet_hits
from reader.ui.search import query_terms


class WindowState(QObject):
    """The open article, the current query and its outcome, and the navigator's pick."""

    #: another article is open (an ArticleRecord or None)
    article_changed = Signal(object)
    #: the open article was read again after a change (the fresh ArticleRecord)
    article_updated = Signal(object)
    #: a new query was answered, or the query was cleared (the SearchOutcome or None)
    query_changed = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.article: ArticleRecord | None = None
        self.query: str = ""
        self.outcome = None
        self.picked = Picked()

    @property
    def article_id(self) -> int | None:
        return self.article.id if self.article is not None else None

    def set_article(self, article: ArticleRecord | None) -> None:
        self.article = article
        self.article_changed.emit(article)

    def update_article(self, article: ArticleRecord) -> None:
        """The open article, read again after a change (ignored if another is open now)."""
        if self.article_id == article.id:
            self.article = article
            self.article_updated.emit(article)

    def set_outcome(self, query: str, outcome) -> None:
        """A query was answered (None, ""): the query was cleared."""
        self.query, self.outcome = query, outcome
        self.query_changed.emit(outcome)

    def terms_for(self, article_id: int | None) -> tuple[str, ...]:
        """The words to mark in an article: the query's, and what its snippet marked."""
        if self.outcome is None or article_id is None:
            return ()
        terms = list(query_terms(self.outcome.query))
        for hit in self.outcome.hits:
            if hit.id == article_id:
                terms.extend(snippet_hits(hit.snippet))
        return tuple(dict.fromkeys(t for t in terms if t.strip()))


__all__ = ["WindowState"]
