"""The navigator's browsing views, declared once: 目录, 标签, 作者, 批注, 收藏的检索.

A view is one entry in `NAVIGATOR_VIEWS`: a key (remembered across
restarts, used by tests), a title (the tab's text, translated in the
"MainWindow" context; Ctrl+1… follow the order here) and the class (named, and
imported when the window builds its views after the first paint).  The
window builds the tabs, their Ctrl+N actions, Ctrl+T's and Export…'s
selection, and the hand-out of `Changes` from this list, so nothing else
names a view.

A view class takes `(context, parent)` (`ViewContext`: the operations, the
window state and the message channel) and has:

- `article_chosen(int)`: a signal, emitted when the reader opens an article
  (single click or Enter);
- `apply(changes)`: redraw what the `Changes` touch (a hidden view may just
  remember to re-read when shown);
- `shown()`: its tab became visible;
- `picked() -> Picked`: what Ctrl+T acts on;
- `export_pick() -> (Picked, title) | None`: what Export… offers (None: the
  open article).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSizePolicy, QStackedWidget

from reader.ui.noop import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from reader.ui.messages import MessageChannel
    from reader.ui.operations import Operations
    from reader.ui.window_state import WindowState


#: The navigator's pages (a QStackedWidget): the browsing tabs, then the search results.
TREE_PAGE, RESULTS_PAGE = 0, 1
#: What the results page says of a query typed before search is ready (the window's
#: placeholder text, so one translation serves both).
PREPARING_SEARCH = QT_TRANSLATE_NOOP("MainWindow", "正在准备搜索…")


@dataclass(frozen=True)
class ViewContext:
    """What a navigator view is given: it reads and writes through `ops` only."""

    ops: Operations
    state: WindowState
    messages: MessageChannel


@dataclass(frozen=True)
class NavigatorEntry:
    key: str
    title: str  # source text, translated in the "MainWindow" context
    module: str  # the view's module and class: loaded when the view is built, after the
    name: str    # window's first paint (issue 17), so that the tab titles cost no import

    @property
    def view(self) -> type:
        return getattr(import_module(self.module), self.name)


NAVIGATOR_VIEWS: tuple[NavigatorEntry, ...] = (
    NavigatorEntry("issues", QT_TRANSLATE_NOOP("MainWindow", "目录"),
                   "reader.ui.issues_view", "IssuesView"),
    NavigatorEntry("tags", QT_TRANSLATE_NOOP("MainWindow", "标签"),
                   "reader.ui.tags_view", "TagsView"),
    NavigatorEntry("authors", QT_TRANSLATE_NOOP("MainWindow", "作者"),
                   "reader.ui.authors_view", "AuthorsView"),
    NavigatorEntry("notes", QT_TRANSLATE_NOOP("MainWindow", "批注"),
                   "reader.ui.notes_view", "NotesView"),
    NavigatorEntry("searches", QT_TRANSLATE_NOOP("MainWindow", "收藏的检索"),
                   "reader.ui.saved_searches_view", "SavedSearchesView"),
)


def entry_index(key: str) -> int | None:
    """The tab position of the view with this key (None if there is none)."""
    return next((n for n, entry in enumerate(NAVIGATOR_VIEWS) if entry.key == key), None)


def size_to_current_page(stack: QStackedWidget) -> None:
    """Let `stack` be as narrow as the page it shows, not its widest page.

    A stacked widget's minimum is its largest page's (the search page's sort and tool row is
    wider than the tabs), which would keep the navigator from narrowing in a small window
    (issue 19: the article keeps 28 characters a line).  Hidden pages ignore their size.
    """
    def fit(current: int) -> None:
        for index in range(stack.count()):
            policy = (QSizePolicy.Policy.Preferred if index == current
                      else QSizePolicy.Policy.Ignored)
            page = stack.widget(index)
            if page is not None:
                page.setSizePolicy(policy, policy)
        stack.updateGeometry()

    stack.currentChanged.connect(fit)
    fit(stack.currentIndex())


__all__ = ["NAVIGATOR_VIEWS", "PREPARING_SEARCH", "RESULTS_PAGE", "TREE_PAGE", "NavigatorEntry",
           "ViewContext", "entry_index", "size_to_current_page"]
