"""The navigator's archive tree: 报纸 → 年 → 日期 → 版 → 文章, each level read when opened.

Built on keys, like Anki's browser table on ids: the model holds the nodes
it was given and nothing else, and never reads the library.  A node's
children are asked for with `request_children(key)` when its row is expanded
(`canFetchMore` / `fetchMore`), which the view runs as a query on its
worker, and arrive through `add_children`; a node whose children could not
be read says so on its row instead of raising.  While a long mutation runs
(`set_blocked`) requests wait until it ends, like Anki's `_block_updates`.
The top level is set with `set_roots`.

Columns sort siblings at every loaded level (`sort`): 日期 orders years and
issues, 版 orders pages, 标题/栏目/作者/标签 order articles (and 标题
papers); a level a column says nothing about keeps the archive's order.
Children that arrive later are put in the chosen order as they come.

Internal ids are handles into a dictionary of nodes, so `parent()` is one
lookup and a node keeps its identity when its siblings are sorted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from reader.app.archive import ArchiveNode, TreeArticle, page_id_of
from reader.ui import wording
from reader.ui.labels import kind_name, marked_title
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.plain import plain_tooltip

#: Roles a view or the window can ask for besides the display text.
ArticleIdRole = Qt.ItemDataRole.UserRole + 1
IssueIdRole = Qt.ItemDataRole.UserRole + 2  # an article's issue (and an issue row's id)
PageIdRole = Qt.ItemDataRole.UserRole + 5  # the page an article is on (a page row's id)
KindRole = Qt.ItemDataRole.UserRole + 3
NodeKeyRole = Qt.ItemDataRole.UserRole + 4

TITLE_COLUMN, COUNT_COLUMN, DATE_COLUMN, PAGE_COLUMN, COLUMN_COLUMN, AUTHOR_COLUMN, \
    TAGS_COLUMN = range(7)
HEADERS = (QT_TRANSLATE_NOOP("IssueTreeModel", "标题"),
           QT_TRANSLATE_NOOP("IssueTreeModel", "篇"),
           QT_TRANSLATE_NOOP("IssueTreeModel", "日期"),
           QT_TRANSLATE_NOOP("IssueTreeModel", "版"),
           QT_TRANSLATE_NOOP("IssueTreeModel", "栏目"),
           QT_TRANSLATE_NOOP("IssueTreeModel", "作者"),
           QT_TRANSLATE_NOOP("IssueTreeModel", "标签"))
UNREADABLE = QT_TRANSLATE_NOOP("IssueTreeModel", "（无法读取）")
#: Before the title of an article a correction of the reader's touched (issue 15): before,
#: so a narrow column's elision never hides it.
CORRECTED_MARK = "✎ "
CORRECTED = QT_TRANSLATE_NOOP("IssueTreeModel", "✎ 已更正")
#: The mark after a page the user gave paper, date or page fields to.
USER_MARK = "✎"
USER_TIP = QT_TRANSLATE_NOOP("IssueTreeModel", "由你设定：{}")
FIELD_SEPARATOR = QT_TRANSLATE_NOOP("IssueTreeModel", "、")
KIND_TIP = QT_TRANSLATE_NOOP("IssueTreeModel", "{kind}：{title}")
FIELD_WORDS = {"paper": QT_TRANSLATE_NOOP("IssueTreeModel", "报名"),
               "date": QT_TRANSLATE_NOOP("IssueTreeModel", "日期"),
               "edition": QT_TRANSLATE_NOOP("IssueTreeModel", "版别"),
               "number": QT_TRANSLATE_NOOP("IssueTreeModel", "版次"),
               "name": QT_TRANSLATE_NOOP("IssueTreeModel", "版名"),
               "title": QT_TRANSLATE_NOOP("IssueTreeModel", "标题")}

_COLUMNS = len(HEADERS)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.TextAlignmentRole, ArticleIdRole, IssueIdRole, KindRole,
                    NodeKeyRole, PageIdRole})

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument


def _tr(text: str) -> str:
    return QCoreApplication.translate("IssueTreeModel", text)


class _Node:
    """One row: an ArchiveNode or a TreeArticle, its place and its children once read."""

    __slots__ = ("handle", "parent", "row", "natural", "item", "children", "asked", "failed")

    def __init__(self, handle: int, parent: _Node | None, row: int, item):
        self.handle = handle
        self.parent = parent
        self.row = row
        self.natural = row  # its place in the archive's order
        self.item: ArchiveNode | TreeArticle | None = item
        self.children: list[_Node] | None = None  # None: not read yet
        self.asked = False
        self.failed = False

    @property
    def key(self) -> str | None:
        item = self.item
        if isinstance(item, ArchiveNode):
            return item.key
        return None if item is None else f"article:{item.id}"

    @property
    def expandable(self) -> bool:
        return isinstance(self.item, ArchiveNode) and self.item.child_count > 0


def _sort_value(node: _Node, column: int) -> tuple | None:
    """Where a node goes when its level is sorted by `column`; None where the column says
    nothing about its level (that level keeps the archive's order)."""
    item = node.item
    if isinstance(item, TreeArticle):
        value = {TITLE_COLUMN: item.title, COLUMN_COLUMN: item.column or "",
                 AUTHOR_COLUMN: item.authors, TAGS_COLUMN: "、".join(item.tags)}.get(column)
        return None if value is None else (value == "", value, item.position)
    assert isinstance(item, ArchiveNode)
    if column == COUNT_COLUMN:
        return (False, item.article_count, node.natural)
    if column == DATE_COLUMN and item.kind in ("year", "issue"):
        return (not item.date, item.date or "", node.natural)
    if column == PAGE_COLUMN and item.kind == "page":
        return (item.page_number is None, item.page_number or 0, node.natural)
    if column == TITLE_COLUMN and item.kind == "paper":
        return (False, item.label, node.natural)
    return None


class IssueTreeModel(QAbstractItemModel):
    """Papers → years → issues → pages → articles (see the module docstring)."""

    #: a node's children arrived (its key)
    children_arrived = Signal(str)

    def __init__(self, request_children: Callable[[str], None] | None = None, parent=None):
        super().__init__(parent)
        #: asks for a node's children; the answer comes back through `add_children`
        self.request_children: Callable[[str], None] = request_children or (lambda _key: None)
        self._root = _Node(0, None, 0, None)
        self._root.children = []
        self._nodes: dict[int, _Node] = {0: self._root}
        self._by_key: dict[str, _Node] = {}
        self._articles: dict[int, _Node] = {}
        self._next = 1
        self._blocked = False
        self._held: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- loading ------------------------------------------------------------------

    def set_roots(self, nodes: Iterable[ArchiveNode]) -> None:
        """Show these papers, all folded."""
        self.beginResetModel()
        self._root.children = []
        self._nodes = {0: self._root}
        self._by_key.clear()
        self._articles.clear()
        self._held.clear()
        self._root.children = self._make(self._root, nodes)
        self.endResetModel()

    def _make(self, parent: _Node, items: Iterable) -> list[_Node]:
        made = []
        for row, item in enumerate(items):
            node = _Node(self._next, parent, row, item)
            self._next += 1
            self._nodes[node.handle] = node
            if isinstance(item, TreeArticle):
                self._articles[item.id] = node
            else:
                self._by_key[item.key] = node
            made.append(node)
        if self._sort is not None:
            self._order(made, *self._sort)
        return made

    def add_children(self, key: str, items: Iterable) -> None:
        """A node's children arrived: insert them under it."""
        node = self._by_key.get(key)
        if node is None:
            return
        node.asked = False
        if node.children is not None:
            return
        items = list(items)
        parent = self._index_of_node(node)
        if items:
            self.beginInsertRows(parent, 0, len(items) - 1)
        node.children = self._make(node, items)
        if items:
            self.endInsertRows()
        self.children_arrived.emit(key)

    def children_failed(self, key: str) -> None:
        """A node's children could not be read: say so on its row."""
        node = self._by_key.get(key)
        if node is None:
            return
        node.asked = False
        node.failed = True
        index = self._index_of_node(node)
        self.dataChanged.emit(index, index.siblingAtColumn(COUNT_COLUMN))

    def apply_rows(self, rows: Iterable[TreeArticle], columns: Iterable[int] = (TAGS_COLUMN,)
                   ) -> None:
        """Fresh rows of some shown articles: redraw those cells only."""
        columns = tuple(columns)
        for row in rows:
            node = self._articles.get(row.id)
            if node is None:
                continue
            node.item = row
            index = self._index_of_node(node)
            for column in columns:
                cell = index.siblingAtColumn(column)
                self.dataChanged.emit(cell, cell)

    def set_blocked(self, blocked: bool) -> None:
        """Hold child requests while a long mutation runs; send them when it ends."""
        self._blocked = blocked
        if not blocked:
            held, self._held = self._held, []
            for key in held:
                self.request_children(key)

    def ask(self, key: str) -> None:
        """Ask for a node's children unless they are here or on their way."""
        node = self._by_key.get(key)
        if node is None or node.children is not None or node.asked:
            return
        node.asked = True
        node.failed = False
        if self._blocked:
            self._held.append(key)
        else:
            self.request_children(key)

    def loaded(self, key: str) -> bool:
        node = self._by_key.get(key)
        return node is not None and node.children is not None

    def loaded_article_ids(self) -> list[int]:
        return list(self._articles)

    # -- lazy children ----------------------------------------------------------------

    def _node(self, index: ModelIndex) -> _Node:
        return self._nodes[index.internalId()] if index.isValid() else self._root

    def hasChildren(self, parent: ModelIndex = _ROOT) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        return node is self._root and bool(node.children) or node.expandable

    def canFetchMore(self, parent: ModelIndex) -> bool:
        if not parent.isValid() or parent.column() != 0:
            return False
        node = self._node(parent)
        return node.expandable and node.children is None and not node.asked and not node.failed

    def fetchMore(self, parent: ModelIndex) -> None:
        if self.canFetchMore(parent):
            self.ask(self._node(parent).key or "")

    # -- structure ----------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        children = self._node(parent).children
        return len(children) if children else 0

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return len(HEADERS)

    def index(self, row: int, column: int, parent: ModelIndex = _ROOT) -> QModelIndex:
        # Checked here rather than with hasIndex(): a paint asks for thousands of indexes.
        if parent.isValid() and parent.column() != 0 or not 0 <= column < _COLUMNS:
            return QModelIndex()
        children = self._node(parent).children
        if not children or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row].handle)

    def parent(self, index: ModelIndex | None = None):
        if index is None:  # QObject.parent()
            return QObject.parent(self)
        if not index.isValid():
            return QModelIndex()
        parent = self._nodes[index.internalId()].parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent.handle)

    def _index_of_node(self, node: _Node, column: int = 0) -> QModelIndex:
        if node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, column, node.handle)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return _tr(HEADERS[section])
        return None

    def retranslate(self) -> None:
        """The language changed: the header and every row say their words again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMNS - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, _COLUMNS - 1))

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    # -- sorting ------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the siblings of every loaded level by a column (see the module docstring)."""
        # -1 (a cleared sort indicator): back to the archive's order
        self._sort = (column, order) if 0 <= column < len(HEADERS) else None
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        nodes = [self._nodes[i.internalId()] if i.isValid() else None for i in before]
        for node in list(self._nodes.values()):
            if node.children:
                self._order(node.children, column if self._sort else -1, order)
        after = [self._index_of_node(n, i.column()) if n is not None else QModelIndex()
                 for n, i in zip(nodes, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    @staticmethod
    def _order(children: list[_Node], column: int, order: Qt.SortOrder) -> None:
        if children and column >= 0 and _sort_value(children[0], column) is not None:
            children.sort(key=lambda n: _sort_value(n, column) or (),
                          reverse=order == Qt.SortOrder.DescendingOrder)
        else:
            children.sort(key=lambda n: n.natural)
        for row, node in enumerate(children):
            node.row = row

    # -- content ------------------------------------------------------------------------

    def item(self, index: ModelIndex):
        """The ArchiveNode or TreeArticle a row shows (None for the root)."""
        return self._node(index).item

    def article_id(self, index: ModelIndex) -> int | None:
        """The article a row shows, or None for a paper, year, issue or page row."""
        item = self._node(index).item if index.isValid() else None
        return item.id if isinstance(item, TreeArticle) else None

    def node_key(self, index: ModelIndex) -> str | None:
        item = self._node(index).item if index.isValid() else None
        return item.key if isinstance(item, ArchiveNode) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # Most of what a paint asks (font, colours, icon, size …) is left to the style.
        if role not in _ROLES or not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        item = node.item
        if isinstance(item, TreeArticle):
            return self._article_data(item, index.column(), role)
        assert isinstance(item, ArchiveNode)
        return self._node_data(node, item, index.column(), role)

    def multiData(self, index: ModelIndex, span) -> None:  # noqa: N802 (Qt's name)
        """All the roles a delegate asks for a cell, in one call (Qt 6's item delegates ask
        this way): one trip into Python a cell instead of one a role."""
        for role_data in span:
            value = self.data(index, role_data.role())
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _node_data(self, node: _Node, item: ArchiveNode, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE_COLUMN:
                label = wording.node_label(item) + (f" {USER_MARK}" if item.user_fields else "")
                return label + self._count_text(item)
            if column == COUNT_COLUMN:
                return _tr(UNREADABLE) if node.failed else str(item.article_count)
            if column == DATE_COLUMN and item.kind in ("issue", "page"):
                return item.date or ""
            if column == PAGE_COLUMN and item.kind == "page" and item.page_number:
                return str(item.page_number)
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip("\n".join([wording.node_detail(item), *(
                [_tr(USER_TIP).format(_tr(FIELD_SEPARATOR).join(
                    _tr(FIELD_WORDS[f]) for f in item.user_fields))]
                if item.user_fields else [])]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT_COLUMN:
            return _RIGHT
        if role == NodeKeyRole:
            return item.key
        if role == KindRole:
            return item.kind
        if role == IssueIdRole and item.kind == "issue":
            return item.record_id
        if role == PageIdRole:
            return page_id_of(item.key)
        return None

    def _count_text(self, item: ArchiveNode) -> str:
        """（2期） after a paper or a year, （4版） after an issue; pages say nothing."""
        if item.kind in ("paper", "year"):
            return self.tr("（%n期）", "", item.issue_count)
        if item.kind == "issue":
            return self.tr("（%n版）", "", item.child_count)
        return ""

    def _article_data(self, row: TreeArticle, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE_COLUMN:
                mark = CORRECTED_MARK if row.corrected else ""
                return marked_title(row.kind, mark + wording.title(row.title))
            return {DATE_COLUMN: row.date or "", COLUMN_COLUMN: row.column or "",
                    AUTHOR_COLUMN: row.authors, TAGS_COLUMN: "、".join(row.tags)}.get(column, "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip("\n".join(
                [_tr(KIND_TIP).format(kind=kind_name(row.kind), title=wording.title(row.title)),
                 *([row.authors] if row.authors else []),
                 *(["、".join(row.tags)] if row.tags else []),
                 *([_tr(CORRECTED)] if row.corrected else [])]))
        if role == ArticleIdRole:
            return row.id
        if role == KindRole:
            return row.kind
        if role == IssueIdRole:
            return row.issue_id
        if role == PageIdRole:
            return row.page_id
        return None

    # -- finding rows ---------------------------------------------------------------------

    def index_of_key(self, key: str) -> QModelIndex:
        """The row of a shown node (invalid if it is not here yet)."""
        node = self._by_key.get(key)
        return self._index_of_node(node) if node is not None else QModelIndex()

    def index_of(self, article_id: int) -> QModelIndex:
        """The row of a shown article (invalid if its page's rows have not arrived)."""
        node = self._articles.get(article_id)
        return self._index_of_node(node) if node is not None else QModelIndex()

    def expanded_keys_of(self, expanded: Callable[[QModelIndex], bool]) -> list[str]:
        """The keys of the loaded nodes `expanded` says are open, top down."""
        keys = []
        stack = list(reversed(self._root.children or []))
        while stack:
            node = stack.pop()
            if node.children is not None and isinstance(node.item, ArchiveNode) \
                    and expanded(self._index_of_node(node)):
                keys.append(node.item.key)
                stack.extend(reversed(node.children))
        return keys


__all__ = ["ArticleIdRole", "IssueIdRole", "IssueTreeModel", "KindRole", "NodeKeyRole", "PageIdRole",
           "TAGS_COLUMN"]
