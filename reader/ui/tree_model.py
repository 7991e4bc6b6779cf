"""The navigator's issue tree: issues, and under each its articles in page order.

Built on ids, like Anki's browser table: the model keeps the issue list and,
per expanded issue, the ordered article ids and an `ArticleRow` for each.
The model never reads the library: an issue's rows are asked for with
`request_rows(issue_id)` when its row is expanded (`canFetchMore` /
`fetchMore`), which the window runs as a query on its worker, and arrive
through `add_rows`; an issue whose rows could not be read shows that
instead of raising.  While a long mutation runs (`set_blocked`), requests
wait until it ends, like Anki's browser `_block_updates`.

`apply_rows` takes fresh rows after a change: a tag change redraws the tag
column of the rows touched, nothing else.

Internal ids: an issue row carries 0, an article row carries its issue's
row + 1, so `parent()` needs no lookup.
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

from reader.app.browsing import ArticleRow
from reader.models import IssueRecord
from reader.ui.labels import display_date, kind_mark, kind_name
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.plain import plain_tooltip

#: Roles a view or the window can ask for besides the display text.
ArticleIdRole = Qt.ItemDataRole.UserRole + 1
IssueIdRole = Qt.ItemDataRole.UserRole + 2
KindRole = Qt.ItemDataRole.UserRole + 3

HEADERS = (QT_TRANSLATE_NOOP("IssueTreeModel", "标题"),
           QT_TRANSLATE_NOOP("IssueTreeModel", "栏目"),
           QT_TRANSLATE_NOOP("IssueTreeModel", "标签"))
TAGS_COLUMN = 2
UNREADABLE = QT_TRANSLATE_NOOP("IssueTreeModel", "（无法读取）")

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument


def issue_label(issue: IssueRecord) -> str:
    """The issue's name and its date in words: 先锋 · 约2024年1月, 人民日报 第19版 党建 · 2025年1月7日."""
    # A paper or page number is in the title the library builds; a page name alone is shorter.
    name = issue.title if (issue.paper or issue.page_number) else (issue.page_name or issue.title)
    if issue.date and name.endswith(f" · {issue.date}"):
        name = name[: -len(f" · {issue.date}")]
    when = display_date(issue.date, issue.date_precision, issue.date_confirmed)
    return f"{name} · {when}"


class IssueTreeModel(QAbstractItemModel):
    """Issues → articles, filled by `set_issues` and `add_rows` (see the module docstring)."""

    #: an issue's rows arrived (its id)
    rows_arrived = Signal(int)

    def __init__(self, request_rows: Callable[[int], None] | None = None, parent=None):
        super().__init__(parent)
        #: asks for an issue's rows; the answer comes back through `add_rows`
        self.request_rows: Callable[[int], None] = request_rows or (lambda _issue_id: None)
        self._issues: list[IssueRecord] = []
        self._article_ids: dict[int, list[int]] = {}  # issue id -> ids, once they arrived
        self._rows: dict[int, ArticleRow] = {}
        self._asked: set[int] = set()  # issues whose rows are on their way
        self._unreadable: set[int] = set()  # issues whose rows could not be read
        self._blocked = False
        self._held: list[int] = []  # requests held while blocked

    # -- loading ------------------------------------------------------------------

    def set_issues(self, issues: Iterable[IssueRecord]) -> None:
        """Show these issues, all folded (their rows are asked for again when expanded)."""
        self.beginResetModel()
        self._issues = list(issues)
        self._article_ids.clear()
        self._rows.clear()
        self._asked.clear()
        self._unreadable.clear()
        self._held.clear()
        self.endResetModel()

    def add_rows(self, issue_id: int, rows: Iterable[ArticleRow]) -> None:
        """An issue's rows arrived: insert them under it."""
        self._asked.discard(issue_id)
        issue_row = self.issue_row(issue_id)
        if issue_row is None or issue_id in self._article_ids:
            return
        rows = list(rows)
        for row in rows:
            self._rows[row.id] = row
        parent = self.index(issue_row, 0)
        if rows:
            self.beginInsertRows(parent, 0, len(rows) - 1)
        self._article_ids[issue_id] = [row.id for row in rows]
        if rows:
            self.endInsertRows()
        self.rows_arrived.emit(issue_id)

    def rows_failed(self, issue_id: int) -> None:
        """An issue's rows could not be read: say so on its row."""
        self._asked.discard(issue_id)
        self._unreadable.add(issue_id)
        issue_row = self.issue_row(issue_id)
        if issue_row is not None:
            self.dataChanged.emit(self.index(issue_row, 0), self.index(issue_row, 1))

    def apply_rows(self, rows: Iterable[ArticleRow], columns: tuple[int, ...] = (TAGS_COLUMN,)
                   ) -> None:
        """Fresh rows of some shown articles: redraw those cells only."""
        for row in rows:
            if row.id not in self._rows:
                continue
            self._rows[row.id] = row
            index = self.index_of(row.id)
            if index.isValid():
                for column in columns:
                    cell = index.siblingAtColumn(column)
                    self.dataChanged.emit(cell, cell)

    def set_blocked(self, blocked: bool) -> None:
        """Hold row requests while a long mutation runs; send them when it ends."""
        self._blocked = blocked
        if not blocked:
            held, self._held = self._held, []
            for issue_id in held:
                self.request_rows(issue_id)

    def loaded_article_ids(self) -> list[int]:
        """Every article whose row is shown (its issue's rows arrived)."""
        return [i for ids in self._article_ids.values() for i in ids]

    def loaded_issue_ids(self) -> list[int]:
        return list(self._article_ids)

    def issue_at(self, row: int) -> IssueRecord:
        return self._issues[row]

    def issue_row(self, issue_id: int) -> int | None:
        return next((row for row, issue in enumerate(self._issues) if issue.id == issue_id), None)

    def rows_loaded(self, issue_id: int) -> bool:
        return issue_id in self._article_ids

    def ask_rows(self, issue_id: int) -> None:
        """Ask for an issue's rows unless they are here or on their way."""
        if issue_id in self._article_ids or issue_id in self._asked:
            return
        self._asked.add(issue_id)
        self._unreadable.discard(issue_id)
        if self._blocked:
            self._held.append(issue_id)
        else:
            self.request_rows(issue_id)

    # -- lazy children ----------------------------------------------------------------

    def hasChildren(self, parent: ModelIndex = _ROOT) -> bool:
        if not parent.isValid():
            return bool(self._issues)
        if parent.internalId() == 0 and parent.column() == 0:
            return self._issues[parent.row()].article_count > 0
        return False

    def canFetchMore(self, parent: ModelIndex) -> bool:
        if not parent.isValid() or parent.internalId() != 0 or parent.column() != 0:
            return False
        issue = self._issues[parent.row()]
        return issue.article_count > 0 and issue.id not in self._article_ids \
            and issue.id not in self._asked and issue.id not in self._unreadable

    def fetchMore(self, parent: ModelIndex) -> None:
        if self.canFetchMore(parent):
            self.ask_rows(self._issues[parent.row()].id)

    # -- structure ----------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._issues)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._article_ids.get(self._issues[parent.row()].id, ()))
        return 0

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return len(HEADERS)

    def index(self, row: int, column: int, parent: ModelIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: ModelIndex | None = None):
        if index is None:  # QObject.parent()
            return QObject.parent(self)
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return QCoreApplication.translate("IssueTreeModel", HEADERS[section])
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- content ------------------------------------------------------------------------

    def _article_at(self, index: ModelIndex) -> ArticleRow:
        issue = self._issues[index.internalId() - 1]
        return self._rows[self._article_ids[issue.id][index.row()]]

    def article_id(self, index: ModelIndex) -> int | None:
        """The article a row shows, or None for an issue row."""
        if not index.isValid() or index.internalId() == 0:
            return None
        issue = self._issues[index.internalId() - 1]
        return self._article_ids[issue.id][index.row()]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._issue_data(self._issues[index.row()], index.column(), role)
        return self._article_data(index, role)

    def _issue_data(self, issue: IssueRecord, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return issue_label(issue)
            if column == 1 and issue.id in self._unreadable:
                return QCoreApplication.translate("IssueTreeModel", UNREADABLE)
            return f"{issue.article_count}篇" if column == 1 else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{issue.title}\n{issue.source_path}")
        if role == IssueIdRole:
            return issue.id
        return None

    def _article_data(self, index: ModelIndex, role: int):
        if role == ArticleIdRole:
            return self.article_id(index)
        row = self._article_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return f"〔{kind_mark(row.kind)}〕{row.title}"
            if index.column() == TAGS_COLUMN:
                return "、".join(row.tags)
            return row.column or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip("\n".join([f"{kind_name(row.kind)}：{row.title}",
                                             *(["、".join(row.tags)] if row.tags else [])]))
        if role == KindRole:
            return row.kind
        if role == IssueIdRole:
            return self._issues[index.internalId() - 1].id
        return None

    # -- finding rows ---------------------------------------------------------------------

    def issue_index(self, row: int) -> QModelIndex:
        return self.index(row, 0)

    def index_of(self, article_id: int, issue_id: int | None = None) -> QModelIndex:
        """The row of a shown article (invalid if its issue's rows have not arrived)."""
        if issue_id is None:
            row = self._rows.get(article_id)
            if row is None:
                return QModelIndex()
            issue_id = row.issue_id
        issue_row = self.issue_row(issue_id)
        ids = self._article_ids.get(issue_id, [])
        if issue_row is None or article_id not in ids:
            return QModelIndex()
        return self.index(ids.index(article_id), 0, self.index(issue_row, 0))
