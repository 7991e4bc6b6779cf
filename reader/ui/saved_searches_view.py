"""The 收藏的检索 view of the navigator: saved searches with their counts now.

Each row is a saved search's name and how many articles it finds (asked of the search
each time the list is read, so the count is live); its query is the tooltip.  A single
click or Enter runs it in the search bar with its sort (`search_requested`).  The context
menu renames or deletes it; both are undoable with Ctrl+Z like tag changes (the session's
one history).  The list is read again when saved searches changed, and when articles or
annotations changed (the counts may have moved).  Saving the current search is the
search page's 收藏 button (`reader/ui/research_page.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from reader.app.browsing import Picked
from reader.app.changes import Changes
from reader.ui import wording
from reader.ui.lazy_view import LazyView
from reader.ui.plain import ask_text, plain_tooltip

if TYPE_CHECKING:  # the research layer loads on the worker, with the first search (issue 17)
    from reader.app.saved_searches import SavedSearchCount

SavedNameRole = Qt.ItemDataRole.UserRole + 40


def counted_searches(session) -> list[SavedSearchCount]:
    """The saved searches with their counts (on the worker: the index is brought in step)."""
    session.ensure_index()
    return session.searches.with_counts(session.index)


class SavedSearchesView(LazyView):
    """Saved searches; choosing one runs it."""

    article_chosen = Signal(int)
    #: (query, sort) to run in the search bar
    search_requested = Signal(str, str)
    #: the list was read and shown
    reloaded = Signal()

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.messages = context.ops, context.messages
        self.searches: list[SavedSearchCount] = []
        #: asks for a new name (title, label, text) → text or None; tests replace it
        self.ask_text = self._ask_text
        self.hint = QLabel(self.tr("还没有收藏的检索。检索后点结果上方的“收藏”。"), self)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setContentsMargins(6, 6, 6, 6)
        self.list = QListWidget(self)
        self.list.setObjectName("saved-searches")
        self.list.itemClicked.connect(self._run)
        self.list.itemActivated.connect(self._run)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)

    def wants(self, changes: Changes) -> bool:
        return changes.searches or changes.structure or changes.metadata or changes.annotations \
            or changes.index

    def read(self) -> None:
        def show(searches: list[SavedSearchCount]) -> None:
            self.searches = searches
            self._fill()
            self.reloaded.emit()

        self.ops.query(counted_searches, show, self.tr("无法读取收藏的检索"))

    def retranslate(self) -> None:
        """The language changed: the rows are written again in its words."""
        self._fill()

    def _fill(self) -> None:
        keep = self.current_name
        self.list.clear()
        for counted in self.searches:
            saved = counted.saved
            item = QListWidgetItem(f"{saved.name}{wording.gap()}{counted.count}", self.list)
            item.setData(SavedNameRole, saved.name)
            item.setToolTip(plain_tooltip(saved.query))
            if saved.name == keep:
                self.list.setCurrentItem(item)
        self.hint.setVisible(not self.searches)

    @property
    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(SavedNameRole) if item is not None else None

    def item_of(self, name: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            if self.list.item(row).data(SavedNameRole) == name:
                return self.list.item(row)
        return None

    def _saved(self, name: str):
        return next((c.saved for c in self.searches if c.saved.name == name), None)

    def _run(self, item: QListWidgetItem) -> None:
        saved = self._saved(item.data(SavedNameRole))
        if saved is not None:
            self.search_requested.emit(saved.query, saved.sort)

    def menu_for(self, name: str) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("重命名…"), lambda: self.rename(name))
        menu.addAction(self.tr("删除"), lambda: self.delete(name))
        return menu

    def _menu(self, pos) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        menu = self.menu_for(item.data(SavedNameRole))
        menu.exec(self.list.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def rename(self, name: str) -> None:
        new = self.ask_text(self.tr("重命名收藏的检索"), self.tr("新名称："), name)
        if new is None or not new.strip() or new.strip() == name:
            return
        self.ops.mutate(lambda session: session.searches.rename(name, new),
                        self.tr("无法重命名收藏的检索"))

    def delete(self, name: str) -> None:
        """Delete at once: Ctrl+Z brings it back, so no confirmation is asked."""
        self.ops.mutate(lambda session: session.searches.delete(name),
                        self.tr("无法删除收藏的检索"))
        self.messages.info(self.tr("已删除收藏的检索“{}”（Ctrl+Z 可撤销）。").format(name))

    def _ask_text(self, title: str, label: str, text: str) -> str | None:
        return ask_text(self, title, label, text)

    def picked(self) -> Picked:
        return Picked(())

    def export_pick(self) -> tuple[Picked, str] | None:
        """Export… offers every article the chosen saved search finds."""
        name = self.current_name
        saved = self._saved(name) if name else None
        if saved is None:
            return None
        count = next((c.count for c in self.searches if c.saved.name == name), 0)
        return Picked(query=saved.query, count=count), \
            QCoreApplication.translate("Selection", "搜索“{}”").format(saved.query)


__all__ = ["SavedSearchesView", "counted_searches"]
