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
the navigator tab) is written and read here, tolerantly: a missing or
malformed value is the default.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QSettings, Signal

from reader.app.browsing import Picked
from reader.models import ArticleRecord
from reader.ui.results_model import snippet_hits
from reader.ui.search import query_terms

#: Settings keys of what comes back after a restart.
ARTICLE_KEY = "state/article"
EXPANDED_KEY = "state/expanded_issues"
TAB_KEY = "state/navigator_tab"


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


# -- remembered across restarts ---------------------------------------------------------------


def _int(value, default: int | None) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def saved_article(settings: QSettings) -> int | None:
    """The article open when the window last closed (None: none, or unreadable)."""
    return _int(settings.value(ARTICLE_KEY), None)


def saved_expanded(settings: QSettings) -> list[int]:
    """The issues expanded in the tree when the window last closed."""
    value = settings.value(EXPANDED_KEY, "")
    parts = value if isinstance(value, list) else str(value or "").split(",")
    return [n for n in (_int(p, None) for p in parts) if n is not None]


def saved_tab(settings: QSettings) -> str:
    """The navigator tab's key when the window last closed ("" if none)."""
    value = settings.value(TAB_KEY, "")
    return value if isinstance(value, str) else ""


def save(settings: QSettings, article_id: int | None, expanded: Iterable[int], tab: str) -> None:
    if article_id is None:
        settings.remove(ARTICLE_KEY)
    else:
        settings.setValue(ARTICLE_KEY, article_id)
    settings.setValue(EXPANDED_KEY, ",".join(str(i) for i in expanded))
    settings.setValue(TAB_KEY, tab)


__all__ = ["WindowState", "save", "saved_article", "saved_expanded", "saved_tab"]
