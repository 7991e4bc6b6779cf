"""The 目录 view of the navigator: the issue tree, following the article on screen.

The tree's rows come from queries (`reader.app.browsing`): the issue list
when the library opens or its structure changes, an issue's rows when it is
expanded.  Choosing a row (click, arrows, Enter) opens its article; when an
article is opened anywhere else (results, 标签, 作者, a restart) the tree
selects its row, so J/K step from the article on screen.  After an import
the expanded issues and the selected row stay as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QVBoxLayout, QWidget

from reader.app import browsing
from reader.app.browsing import Picked
from reader.app.changes import Changes
from reader.ui.tree_model import TAGS_COLUMN, IssueTreeModel


class IssueTree(QTreeView):
    """The tree widget; Enter on an article row opens it like a click does."""

    entered = Signal(QModelIndex)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.entered.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class IssuesView(QWidget):
    """The issue tree and what it does with the window's state."""

    article_chosen = Signal(int)

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.state, self.messages = context.ops, context.state, context.messages
        self.model = IssueTreeModel(self._request_rows, self)
        self.tree = IssueTree(self)
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Tags can be long: a column the reader can widen, not one that eats the titles.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 90)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.entered.connect(self._entered)
        self.model.rows_arrived.connect(self._rows_arrived)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._following = False  # selecting the shown article's row: do not open it again
        self._waiting: dict[int, list[Callable[[], None]]] = {}  # issue id -> after its rows
        self.state.article_changed.connect(self._follow)
        self.ops.busy_changed.connect(self.model.set_blocked)

    # -- loading ------------------------------------------------------------------------

    def load(self, expand: Iterable[int] = (), done: Callable[[], None] | None = None) -> None:
        """Read the issue list; expand these issues again, keep the shown article's row."""
        wanted = list(expand)

        def loaded(issues) -> None:
            self.model.set_issues(issues)
            for issue_id in wanted:
                self.expand_issue(issue_id)
            if self.state.article is not None:
                self._follow(self.state.article)
            if done is not None:
                done()

        self.ops.query(browsing.issue_list, loaded, self.tr("无法读取目录"))

    def _request_rows(self, issue_id: int) -> None:
        def failed(exc: BaseException) -> None:
            self.model.rows_failed(issue_id)
            self.messages.failure(self.tr("无法读取这一期的文章"), exc)

        self.ops.query(lambda session: browsing.issue_rows(session, issue_id),
                       lambda rows: self.model.add_rows(issue_id, rows),
                       self.tr("无法读取这一期的文章"), failed=failed)

    def after_rows(self, issue_id: int, then: Callable[[], None]) -> None:
        """Run `then` once the issue's rows are here (at once if they are)."""
        if self.model.rows_loaded(issue_id):
            then()
            return
        self._waiting.setdefault(issue_id, []).append(then)
        self.model.ask_rows(issue_id)

    def _rows_arrived(self, issue_id: int) -> None:
        for then in self._waiting.pop(issue_id, []):
            then()

    def expand_issue(self, issue_id: int) -> None:
        row = self.model.issue_row(issue_id)
        if row is not None:
            self.after_rows(issue_id, lambda: self.tree.expand(self.model.index(row, 0)))

    def expanded_issue_ids(self) -> list[int]:
        return [self.model.issue_at(row).id for row in range(self.model.rowCount())
                if self.tree.isExpanded(self.model.index(row, 0))]

    # -- opening and following ----------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.model.article_id(current)
        if article_id is not None and not self._following \
                and article_id != self.state.article_id:
            self.article_chosen.emit(article_id)

    def _entered(self, index: QModelIndex) -> None:
        article_id = self.model.article_id(index)
        if article_id is not None:
            self.article_chosen.emit(article_id)
        else:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))

    def _follow(self, article) -> None:
        """Select the row of the article on screen (its issue's rows are asked for if needed)."""
        if article is None or self.model.issue_row(article.issue_id) is None:
            return

        def select() -> None:
            if self.state.article_id != article.id:
                return  # another article was opened meanwhile
            index = self.model.index_of(article.id, article.issue_id)
            if not index.isValid() or self.tree.currentIndex() == index:
                return
            self._following = True
            try:
                self.tree.expand(index.parent())
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
            finally:
                self._following = False

        self.after_rows(article.issue_id, select)

    def step(self, delta: int) -> None:
        """Open the article `delta` (1 or -1) rows from the one on screen, across issues."""
        model = self.model
        current = self.tree.currentIndex()
        current = current.siblingAtColumn(0) if current.isValid() else current
        row: int | None
        if model.article_id(current) is not None:
            issue_row, row = current.parent().row(), current.row() + delta
        elif current.isValid():  # an issue row: into it going down, the one above going up
            issue_row, row = (current.row(), 0) if delta > 0 else (current.row() - 1, None)
        else:
            issue_row, row = (0, 0) if delta > 0 else (model.rowCount() - 1, None)
        if row is not None and row < 0:
            issue_row, row = issue_row - 1, None
        self._step_into(issue_row, row, delta)

    def _step_into(self, issue_row: int, row: int | None, delta: int) -> None:
        """Select row `row` (None: the last) of issue `issue_row`, or go on to the next issue."""
        model = self.model
        if not 0 <= issue_row < model.rowCount():
            return
        issue = model.issue_at(issue_row)
        if not model.rows_loaded(issue.id) and issue.article_count:
            self.after_rows(issue.id, lambda: self._step_into(issue_row, row, delta))
            return
        parent = model.issue_index(issue_row)
        count = model.rowCount(parent)
        target = count - 1 if row is None else row
        if 0 <= target < count:
            index = model.index(target, 0, parent)
            self.tree.expand(parent)
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
            return
        self._step_into(issue_row + delta, 0 if delta > 0 else None, delta)

    # -- changes ------------------------------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        if changes.structure:
            self.load(expand=self.expanded_issue_ids())
            return
        shown = set(self.model.loaded_article_ids())
        touched = shown if changes.all_articles else shown & changes.article_ids
        if touched and (changes.tags or changes.metadata):
            columns = (0, 1, TAGS_COLUMN) if changes.metadata else (TAGS_COLUMN,)
            self.ops.query(lambda session: browsing.rows_of(session, sorted(touched)),
                           lambda rows: self.model.apply_rows(rows, columns),
                           self.tr("无法读取目录"))

    def shown(self) -> None:
        """The tree is always in step; nothing to read when its tab is shown."""

    # -- what is picked -------------------------------------------------------------------------

    def picked(self) -> Picked:
        """The selected rows: articles, and whole issues for issue rows."""
        articles: list[int] = []
        issues: list[int] = []
        count = 0
        for index in self.tree.selectionModel().selectedRows():
            article_id = self.model.article_id(index)
            if article_id is not None:
                articles.append(article_id)
                count += 1
            else:
                issue = self.model.issue_at(index.row())
                issues.append(issue.id)
                count += issue.article_count
        return Picked(tuple(articles), tuple(issues), count=count)

    def export_pick(self) -> tuple[Picked, str] | None:
        """One issue row: that issue, titled; several rows: them; else None (the open article)."""
        picked = self.picked()
        if len(picked.issue_ids) == 1 and not picked.article_ids:
            row = self.model.issue_row(picked.issue_ids[0])
            if row is not None:
                return picked, self.model.issue_at(row).title
        if picked.count > 1:
            return picked, QCoreApplication.translate("Selection", "所选的 {} 篇文章").format(picked.count)
        return None


__all__ = ["IssuesView"]
