"""The search result list: a model over one `SearchOutcome`, drawn by the shared row delegate.

Each row shows the kind mark and title (「无题」 and the opening words in grey
for an untitled item), the colour dots of its tags, then in grey where it is
from (paper · date · page · column, `display_origin`) and how it matched
(词语匹配 / 精确匹配 / 笔记匹配), then two lines of the snippet with its hits
(marked 【 】 by the search layer) bold on a highlight: `ListRowDelegate`
(reader/ui/list_delegate.py) draws them from roles, as plain text.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from reader.search import HIT_END, HIT_START
from reader.ui import wording
from reader.ui.labels import marked_title, match_label
from reader.ui.list_delegate import (
    DotsRole,
    OpeningRole,
    SecondLineRole,
    SnippetRole,
)
from reader.ui.plain import plain_tooltip
from reader.ui.titles import one_line_title, title_parts
from reader.ui.tree_model import ArticleIdRole, IssueIdRole

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument


def snippet_plain(snippet: str) -> str:
    return snippet.replace(HIT_START, "").replace(HIT_END, "")


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

    def set_tags(self, tags: dict[int, tuple[str, ...]],
                 colors: dict[int, tuple[str, ...]] | None = None) -> None:
        """Give the shown hits their current tags (and their colours, the dots); only rows
        whose tags differ redraw."""
        colors = colors or {}
        for row, hit in enumerate(self._hits):
            if hit.id not in tags:
                continue
            fresh = (tuple(tags[hit.id]), tuple(colors.get(hit.id, hit.tag_colors)))
            if fresh != (tuple(hit.tags), tuple(hit.tag_colors)):
                self._hits[row] = replace(hit, tags=fresh[0], tag_colors=fresh[1])
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return marked_title(hit.kind, title_parts(hit.title, hit.opening)[0])
        if role == OpeningRole:
            return title_parts(hit.title, hit.opening)[1] or None
        if role == SecondLineRole:
            return self.meta(hit)
        if role == DotsRole:
            return list(hit.tag_colors) or None
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{one_line_title(hit.title, hit.opening)}\n"
                                 f"{snippet_plain(hit.snippet)}")
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


__all__ = ["SearchResultsModel", "SnippetRole", "snippet_hits", "snippet_plain"]
