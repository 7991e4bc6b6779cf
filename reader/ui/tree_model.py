"""The navigator's issue tree: issues, and under each its articles in page order.

Built on ids, like Anki's browser table: the model keeps the issue list and,
per expanded issue, only the ordered article ids.  What a row shows comes
from a small cache of `ArticleRow` summaries filled an issue at a time; an
issue's articles are fetched when its row is expanded (`canFetchMore` /
`fetchMore`), so opening a library of thousands of issues reads one query.
A row whose article cannot be read shows disabled instead of raising.

Internal ids: an issue row carries 0, an article row carries its issue's
row + 1, so `parent()` needs no lookup.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from reader.models import ArticleRecord, IssueRecord
from reader.ui.labels import display_date, kind_mark, kind_name, untitled
from reader.ui.noop import QT_TRANSLATE_NOOP

#: Roles a view or the window can ask for besides the display text.
ArticleIdRole = Qt.ItemDataRole.UserRole + 1
IssueIdRole = Qt.ItemDataRole.UserRole + 2
KindRole = Qt.ItemDataRole.UserRole + 3

#: Article summaries kept in memory; the rest are read again when shown.
CACHE_SIZE = 512

HEADERS = (QT_TRANSLATE_NOOP("IssueTreeModel", "标题"),
           QT_TRANSLATE_NOOP("IssueTreeModel", "栏目"),
           QT_TRANSLATE_NOOP("IssueTreeModel", "标签"))
TAGS_COLUMN = 2

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument


@dataclass(frozen=True)
class ArticleRow:
    """What a tree row shows of one article."""

    id: int
    kind: str
    title: str
    column: str | None
    tags: tuple[str, ...] = ()


def article_row(article: ArticleRecord) -> ArticleRow:
    title = article.title or untitled(article.paragraphs)
    return ArticleRow(article.id, article.kind, title, article.column, tuple(article.tags))


def issue_label(issue: IssueRecord) -> str:
    """The issue's name and its date in words: 先锋 · 约2024年1月, 人民日报 第19版 党建 · 2025年1月7日."""
    # A paper or page number is in the title the library builds; a page name alone is shorter.
    name = issue.title if (issue.paper or issue.page_number) else (issue.page_name or issue.title)
    if issue.date and name.endswith(f" · {issue.date}"):
        name = name[: -len(f" · {issue.date}")]
    when = display_date(issue.date, issue.date_precision, issue.date_confirmed)
    return f"{name} · {when}"


class IssueTreeModel(QAbstractItemModel):
    """Issues → articles of a `reader.library.Library` (anything with `issues()`/`articles()`)."""

    def __init__(self, library=None, parent=None):
        super().__init__(parent)
        self._library = library
        self._issues: list[IssueRecord] = []
        self._article_ids: dict[int, list[int]] = {}  # issue id -> ids, once fetched
        self._rows: OrderedDict[int, ArticleRow] = OrderedDict()
        self._unreadable: set[int] = set()
        if library is not None:
            self.set_library(library)

    # -- loading ------------------------------------------------------------------

    def set_library(self, library) -> None:
        self.beginResetModel()
        self._library = library
        self._issues = list(library.issues.all()) if library is not None else []
        self._article_ids.clear()
        self._rows.clear()
        self._unreadable.clear()
        self.endResetModel()

    def reload(self) -> None:
        """Read the issue list again (after an import); expanded issues fold."""
        self.set_library(self._library)

    def refresh_articles(self, article_ids) -> None:
        """Read these articles' rows again (their tags changed); rows not loaded are skipped."""
        wanted = set(article_ids)
        for article_id in wanted:
            self._rows.pop(article_id, None)
        for issue_row, issue in enumerate(self._issues):
            for row, article_id in enumerate(self._article_ids.get(issue.id, ())):
                if article_id in wanted:
                    parent = self.index(issue_row, 0)
                    self.dataChanged.emit(self.index(row, 0, parent),
                                          self.index(row, len(HEADERS) - 1, parent))

    def loaded_article_ids(self) -> list[int]:
        """Every article whose row has been fetched."""
        return [i for ids in self._article_ids.values() for i in ids]

    def issue_at(self, row: int) -> IssueRecord:
        return self._issues[row]

    def _load_issue(self, issue_id: int) -> list[ArticleRow]:
        rows = [article_row(a) for a in self._library.articles.in_issue(issue_id)]
        for row in rows:
            self._remember(row)
        return rows

    def _remember(self, row: ArticleRow) -> None:
        self._rows[row.id] = row
        self._rows.move_to_end(row.id)
        while len(self._rows) > CACHE_SIZE:
            self._rows.popitem(last=False)

    def _row_of(self, issue: IssueRecord, article_id: int) -> ArticleRow | None:
        row = self._rows.get(article_id)
        if row is not None:
            self._rows.move_to_end(article_id)
            return row
        if article_id in self._unreadable:
            return None
        try:
            self._load_issue(issue.id)
        except Exception:  # shown as a disabled row; the pane reports the error when opened
            self._unreadable.add(article_id)
            return None
        row = self._rows.get(article_id)
        if row is None:
            self._unreadable.add(article_id)
        return row

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
        return issue.article_count > 0 and issue.id not in self._article_ids

    def fetchMore(self, parent: ModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        issue = self._issues[parent.row()]
        try:
            ids = [row.id for row in self._load_issue(issue.id)]
        except Exception:
            ids = []
        if not ids:
            self._article_ids[issue.id] = []
            return
        self.beginInsertRows(parent, 0, len(ids) - 1)
        self._article_ids[issue.id] = ids
        self.endInsertRows()

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
        if index.internalId() != 0 and self._article_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- content ------------------------------------------------------------------------

    def _article_at(self, index: ModelIndex) -> ArticleRow | None:
        issue = self._issues[index.internalId() - 1]
        article_id = self._article_ids[issue.id][index.row()]
        return self._row_of(issue, article_id)

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
            return f"{issue.article_count}篇" if column == 1 else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{issue.title}\n{issue.source_path}"
        if role == IssueIdRole:
            return issue.id
        return None

    def _article_data(self, index: ModelIndex, role: int):
        if role == ArticleIdRole:
            return self.article_id(index)
        row = self._article_at(index)
        if row is None:
            return "（无法读取）" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 \
                else None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return f"〔{kind_mark(row.kind)}〕{row.title}"
            if index.column() == TAGS_COLUMN:
                return "、".join(row.tags)
            return row.column or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            tags = "\n" + "、".join(row.tags) if row.tags else ""
            return f"{kind_name(row.kind)}：{row.title}{tags}"
        if role == KindRole:
            return row.kind
        if role == IssueIdRole:
            return self._issues[index.internalId() - 1].id
        return None

    # -- finding rows ---------------------------------------------------------------------

    def issue_index(self, row: int) -> QModelIndex:
        return self.index(row, 0)

    def index_of_article(self, issue_id: int, article_id: int) -> QModelIndex:
        """The row of an article, fetching its issue's rows if need be (invalid if unknown)."""
        for row, issue in enumerate(self._issues):
            if issue.id != issue_id:
                continue
            parent = self.index(row, 0)
            self.fetchMore(parent)
            ids = self._article_ids.get(issue.id, [])
            return self.index(ids.index(article_id), 0, parent) if article_id in ids \
                else QModelIndex()
        return QModelIndex()
