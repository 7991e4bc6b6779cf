"""The search result list: a model over one `SearchOutcome` and a delegate that draws it.

Each row shows the title, then where it is from (paper · date · page ·
column, `display_origin`), and how it matched
(词语匹配 / 精确匹配 / 笔记匹配), then the snippet with its hits (marked
【 】 by the search layer) drawn bold on a highlight.  The delegate builds
its rich text from escaped pieces only.
"""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from reader.search import HIT_END, HIT_START
from reader.ui import wording
from reader.ui.labels import marked_title, match_label
from reader.ui.plain import plain_tooltip
from reader.ui.tree_model import ArticleIdRole, IssueIdRole

#: The snippet with its hit markers, for the delegate.
SnippetRole = Qt.ItemDataRole.UserRole + 10

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument


def snippet_plain(snippet: str) -> str:
    return snippet.replace(HIT_START, "").replace(HIT_END, "")


def snippet_html(snippet: str, hit_style: str = "font-weight: bold; background-color: #ffe27a;"
                 ) -> str:
    """The snippet escaped, with each 【hit】 in a bold highlighted span."""
    out, rest = [], snippet
    while True:
        start = rest.find(HIT_START)
        end = rest.find(HIT_END, start + len(HIT_START)) if start >= 0 else -1
        if start < 0 or end < 0:
            out.append(html.escape(rest))
            return "".join(out)
        out.append(html.escape(rest[:start]))
        hit = rest[start + len(HIT_START):end]
        out.append(f'<span style="{hit_style}">{html.escape(hit)}</span>')
        rest = rest[end + len(HIT_END):]


def snippet_hits(snippet: str) -> list[str]:
    """The texts the snippet marks as hits."""
    found, rest = [], snippet
    while (start := rest.find(HIT_START)) >= 0:
        end = rest.find(HIT_END, start)
        if end < 0:
            break
        found.append(rest[start + len(HIT_START):end])
        rest = rest[end + len(HIT_END):]
    return found


class SearchResultsModel(QAbstractListModel):
    """Rows of one search outcome (reader.app.searching.SearchOutcome)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.outcome = None
        self._hits: list = []

    def set_outcome(self, outcome) -> None:
        self.beginResetModel()
        self.outcome = outcome
        self._hits = list(outcome.hits) if outcome is not None else []
        self.endResetModel()

    def hit(self, row: int):
        return self._hits[row]

    def row_of(self, article_id: int | None) -> int | None:
        """The row of an article among the hits, or None."""
        return next((row for row, hit in enumerate(self._hits) if hit.id == article_id), None)

    def touched_ids(self, changes) -> list[int]:
        """The shown articles a `Changes` value touches."""
        return [hit.id for hit in self._hits if changes.touches(hit.id)]

    def set_tags(self, tags: dict[int, tuple[str, ...]]) -> None:
        """Give the shown hits their current tags; only rows whose tags differ redraw."""
        for row, hit in enumerate(self._hits):
            if hit.id in tags and tuple(tags[hit.id]) != tuple(hit.tags):
                self._hits[row] = replace(hit, tags=tuple(tags[hit.id]))
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{marked_title(hit.kind, wording.title(hit.title))}\n{self.meta(hit)}\n" \
                   f"{snippet_plain(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(snippet_plain(hit.snippet))
        if role == SnippetRole:
            return hit.snippet
        if role == ArticleIdRole:
            return hit.id
        if role == IssueIdRole:
            return hit.issue
        return None

    def meta(self, hit) -> str:
        # 人民日报 · 2025-01-07 · 第5版 评论 · 栏目 (a hit of an older index: its issue's title)
        origin = getattr(hit, "origin", None)
        parts = [wording.origin(origin) if origin is not None else hit.issue_title]
        if hit.column and origin is None:
            parts.append(hit.column)
        parts.append(match_label(hit.match))
        if getattr(hit, "corrected", False):
            parts.append(QCoreApplication.translate("SearchResultsModel", "✎ 已更正"))
        tags = getattr(hit, "tags", ())
        if tags:
            parts.append(QCoreApplication.translate("SearchResultsModel", "标签：{}").format(
                "、".join(tags)))
        return " · ".join(parts)


class ResultDelegate(QStyledItemDelegate):
    """Draws a result as title, meta line and highlighted snippet."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        model = index.model()
        if not isinstance(model, SearchResultsModel):
            raise TypeError("ResultDelegate draws the rows of a SearchResultsModel")
        hit = model.hit(index.row())
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText).name()
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(6)
        width = option.rect.width()
        if width <= 0 and isinstance(option.widget, QAbstractItemView):
            width = option.widget.viewport().width()
        doc.setTextWidth(max(120, width))
        doc.setHtml(
            f"<p style='margin:0'><b>"
            f"{html.escape(marked_title(hit.kind, wording.title(hit.title)))}</b></p>"
            f"<p style='margin:0; color:{muted}'>{html.escape(model.meta(hit))}</p>"
            f"<p style='margin:0; margin-top:2px'>"
            f"{snippet_html(hit.snippet, 'font-weight: bold; background-color: #ffe27a; color: #1f1f1f;')}</p>"
        )
        return doc

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        context = QAbstractTextDocumentLayout.PaintContext()
        role = (QPalette.ColorRole.HighlightedText
                if option.state & QStyle.StateFlag.State_Selected else QPalette.ColorRole.Text)
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 4)
