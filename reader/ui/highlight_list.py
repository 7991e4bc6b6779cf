"""The article's highlights in the side panel: quote, colour, note; orphans shown, never hidden.

Clicking a highlight asks the pane to scroll to it; the context menu (and
Delete) removes it or edits its note.  An orphaned highlight (its words
are gone after a re-parse) is listed with its quote and marked 已失位 so
the reader still has what they marked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QWidget

from reader.models import Highlight
from reader.ui import wording
from reader.ui.article_view import HIGHLIGHT_COLORS

#: Characters of the quote shown per row.
QUOTE_CHARS = 60


def highlight_line(highlight: Highlight) -> str:
    quote = highlight.quote.replace("\n", " ")
    if len(quote) > QUOTE_CHARS:
        quote = quote[:QUOTE_CHARS] + "…"
    line = f"“{quote}”"
    if highlight.note:
        line += f"\n{wording.gap()}✎ {highlight.note}"
    return line


class HighlightList(QListWidget):
    """Lists highlights; asks for scrolling, deleting and note editing through signals."""

    chosen = Signal(object)  # Highlight
    delete_requested = Signal(int)
    note_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_current)
        self.highlights: tuple[Highlight, ...] = ()

    def set_highlights(self, highlights) -> None:
        self.highlights = tuple(highlights)
        self.clear()
        for mark in self.highlights:
            text = highlight_line(mark)
            if mark.orphaned:
                text = self.tr("〔已失位〕") + text
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, mark.id)
            light = HIGHLIGHT_COLORS.get(mark.color, HIGHLIGHT_COLORS["yellow"])[1]
            item.setData(Qt.ItemDataRole.DecorationRole, QColor(light))
            if mark.orphaned:
                item.setForeground(QBrush(QColor("#8a8a8a")))
                item.setToolTip(self.tr("重新解析后找不到这段文字了；划线和它的笔记都保留着。"))
        self.setVisible(True)

    def highlight_at(self, row: int) -> Highlight | None:
        return self.highlights[row] if 0 <= row < len(self.highlights) else None

    def _activated(self, item: QListWidgetItem) -> None:
        mark = self.highlight_at(self.row(item))
        if mark is not None:
            self.chosen.emit(mark)

    def _delete_current(self) -> None:
        mark = self.highlight_at(self.currentRow())
        if mark is not None:
            self.delete_requested.emit(mark.id)

    def context_menu_for(self, row: int) -> QMenu | None:
        mark = self.highlight_at(row)
        if mark is None:
            return None
        menu = QMenu(self)
        menu.addAction(self.tr("编辑划线笔记…"), lambda: self.note_requested.emit(mark.id))
        menu.addAction(self.tr("删除划线"), lambda: self.delete_requested.emit(mark.id))
        return menu

    def _menu(self, pos) -> None:
        menu = self.context_menu_for(self.indexAt(pos).row())
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(pos))
            menu.deleteLater()


__all__ = ["HighlightList", "highlight_line"]
