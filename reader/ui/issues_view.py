"""The 目录 view of the navigator: the archive tree, following what is on screen.

报纸 → 年 → 日期 → 版 → 文章 (reader/ui/tree_model.py), each level read
through `reader.app.archive.ArchiveSource` as a query on the window's
worker when its row is opened.  Choosing an article row (click, arrows,
Enter) opens the article; choosing a page row shows the whole page
(`page_chosen`).  When an article is opened anywhere else (results, 标签,
a restart) the tree opens the way down to it and selects its row, so J/K
step from what is on screen: article to article (on to the next page at
the end of one), or page to page when a page is shown.  After an import or
an edit the expanded nodes and the selected row stay as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.app import browsing, reading
from reader.app.archive import (
    ArchiveNode,
    ArchiveSource,
    TreeArticle,
    article_rows,
    edit_pages,
    page_id_of,
    page_key,
    pages_to_edit,
)
from reader.app.browsing import Picked
from reader.app.changes import Changes
from reader.ui import wording
from reader.ui.counts import Counts
from reader.ui.date_jump import DateJump, nearest
from reader.ui.list_delegate import ListRowDelegate
from reader.ui.tree_model import (
    AUTHOR_COLUMN,
    COLUMN_COLUMN,
    COUNT_COLUMN,
    DATE_COLUMN,
    PAGE_COLUMN,
    TAGS_COLUMN,
    TITLE_COLUMN,
    IssueTreeModel,
)

#: Columns hidden until the reader shows them (a right-click on the header): the date and
#: the page number are in the rows' own labels, and a narrow navigator keeps room for titles.
HIDDEN_AT_FIRST = (DATE_COLUMN, PAGE_COLUMN, AUTHOR_COLUMN)
#: Narrower than this (a 1024×640 window, the article keeping its line length), the tree shows
#: titles and counts only: the other columns give way and come back when there is room.
NARROW_TREE = 330
GIVE_WAY = (DATE_COLUMN, PAGE_COLUMN, COLUMN_COLUMN, AUTHOR_COLUMN, TAGS_COLUMN)


class IssueTree(QTreeView):
    """The tree widget over an `IssueTreeModel`: its columns, sorting and keys.

    Enter on an article row opens it like a click does.  Widths are fixed or the
    reader's, never measured from the rows (ResizeToContents would measure up to a
    thousand rows whenever a level opens).
    """

    entered = Signal(QModelIndex)

    def __init__(self, model: IssueTreeModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # the title: bold with its unread count on a node, tag dots and 「无题」 on an article
        self.setItemDelegateForColumn(TITLE_COLUMN, ListRowDelegate(self, pad_y=1))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COUNT_COLUMN, 36), (DATE_COLUMN, 84), (PAGE_COLUMN, 30),
                              (COLUMN_COLUMN, 56), (AUTHOR_COLUMN, 64), (TAGS_COLUMN, 56)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        for column in HIDDEN_AT_FIRST:
            header.setSectionHidden(column, True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorClearable(True)  # a third click: the archive's order again
        self.setSortingEnabled(True)
        self._given_way: list[int] | None = None  # the columns hidden for want of room

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW_TREE
        if narrow == (self._given_way is not None):
            return
        header = self.header()
        if narrow:
            self._given_way = [c for c in GIVE_WAY if not header.isSectionHidden(c)]
            for column in self._given_way:
                header.setSectionHidden(column, True)
        else:
            for column in self._given_way or ():
                header.setSectionHidden(column, False)
            self._given_way = None

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.entered.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class IssuesView(QWidget):
    """The archive tree and what it does with the window's state."""

    article_chosen = Signal(int)
    #: a page row was chosen: show the whole page (its id)
    page_chosen = Signal(int)

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.state, self.messages = context.ops, context.state, context.messages
        self.source = ArchiveSource()
        self.model = IssueTreeModel(self._request_children, self)
        self.tree = IssueTree(self.model, self)
        header = self.tree.header()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.entered.connect(self._entered)
        self.model.children_arrived.connect(self._children_arrived)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        #: the edit dialogs (modal); tests replace them
        self.ask_page_edits = lambda pages, papers: _page_edits_dialog(self, pages, papers)
        self.ask_paper_name = lambda name, papers: _paper_name_dialog(self, name, papers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._following = False  # selecting what is on screen: do not open it again
        self._waiting: dict[str, list[Callable[[], None]]] = {}  # key -> after its children
        self._reveal = 0  # newer reveals win over older ones still waiting for rows
        self.date_jump: DateJump | None = None
        self.issue_days: list[str] = []  # the days that have issues, as last read
        self.state.article_changed.connect(self._follow)
        self.ops.busy_changed.connect(self.model.set_blocked)

    def header_menu(self) -> QMenu:
        """Show or hide each column but the title."""
        menu = QMenu(self)
        header = self.tree.header()
        for column in range(1, self.model.columnCount()):
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(
                lambda shown, column=column: header.setSectionHidden(column, not shown))
        return menu

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.header_menu()
        menu.exec(self.tree.header().mapToGlobal(pos))
        menu.deleteLater()

    # -- loading ------------------------------------------------------------------------

    def load(self, expand: Iterable[str] = (), done: Callable[[], None] | None = None) -> None:
        """Read the papers; open these nodes again, keep what is on screen selected."""
        wanted = list(expand)
        source = self.source
        # A paper, date or page row that was current stays current (an article row follows
        # the article on screen).
        current = self.model.node_key(self.tree.currentIndex().siblingAtColumn(0))

        def loaded(papers) -> None:
            self.model.set_roots(papers)
            self.read_unread()
            for key in wanted:
                self.expand_key(key)
            if current is not None:
                self.ops.query(lambda session: source.path_to(session, current),
                               lambda path: self.open_path(
                                   path, lambda index: self._select(index, quietly=True)),
                               self.tr("无法读取目录"))
            elif self.state.article is not None:
                self._follow(self.state.article)
            if done is not None:
                done()

        self.ops.query(lambda session: source.children(session, None), loaded,
                       self.tr("无法读取目录"))

    def read_unread(self) -> None:
        """Read how many articles are read under each node: the unread counts."""
        self.ops.query(reading.read_by_node, self.model.set_read_counts,
                       self.tr("无法读取未读篇数"))

    def _request_children(self, key: str) -> None:
        source = self.source

        def failed(exc: BaseException) -> None:
            self.model.children_failed(key)
            self.messages.failure(self.tr("无法读取这一期的文章"), exc)

        self.ops.query(lambda session: source.children(session, key),
                       lambda items: self.model.add_children(key, items),
                       self.tr("无法读取这一期的文章"), failed=failed)

    def after_children(self, key: str, then: Callable[[], None]) -> None:
        """Run `then` once the node's children are here (at once if they are)."""
        if self.model.loaded(key):
            then()
            return
        self._waiting.setdefault(key, []).append(then)
        self.model.ask(key)

    def _children_arrived(self, key: str) -> None:
        for then in self._waiting.pop(key, []):
            then()

    def open_path(self, path: list[str], then: Callable[[QModelIndex], None] | None = None,
                  latest: bool = True) -> None:
        """Expand every node of `path` but the last, then hand the last one's row to `then`.

        With `latest` (the reader going somewhere) a newer call stops an older one still
        waiting for rows; restoring what was open (`latest=False`) stops nothing.
        """
        if not path:
            return
        if latest:
            self._reveal += 1
        reveal = self._reveal

        def step(n: int) -> None:
            if latest and reveal != self._reveal:
                return  # the reader went elsewhere meanwhile
            index = self.model.index_of_key(path[n])
            if not index.isValid():
                return
            if n == len(path) - 1:
                if then is not None:
                    then(index)
                return
            def opened() -> None:
                self.tree.expand(index)
                step(n + 1)

            self.after_children(path[n], opened)

        step(0)

    def expand_key(self, key: str) -> None:
        """Open a node by its key, and the nodes above it (a page's are asked for)."""
        def expand(index: QModelIndex) -> None:
            self.after_children(key, lambda: self.tree.expand(self.model.index_of_key(key)))

        source = self.source
        self.ops.query(lambda session: source.path_to(session, key),
                       lambda path: self.open_path(path, expand, latest=False),
                       self.tr("无法读取目录"))

    def expanded_keys(self) -> list[str]:
        """The open nodes, top down (what the window remembers)."""
        return self.model.expanded_keys_of(self.tree.isExpanded)

    # -- opening and following ----------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._following:
            return
        item = self.model.item(current.siblingAtColumn(0))
        if isinstance(item, TreeArticle):  # (the row of the article on screen is selected
            self.article_chosen.emit(item.id)  # quietly: this is the reader choosing one)
        elif isinstance(item, ArchiveNode) and item.kind == "page":
            self.page_chosen.emit(item.record_id)

    def _entered(self, index: QModelIndex) -> None:
        item = self.model.item(index.siblingAtColumn(0))
        if isinstance(item, TreeArticle):
            self.article_chosen.emit(item.id)
        else:
            index = index.siblingAtColumn(0)
            self.tree.setExpanded(index, not self.tree.isExpanded(index))

    def _select(self, index: QModelIndex, quietly: bool = False) -> None:
        if not index.isValid():
            return
        self._following = quietly
        try:
            if index.parent().isValid():
                self.tree.expand(index.parent())
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        finally:
            self._following = False

    def _follow(self, article) -> None:
        """Select the row of the article on screen (the way down to it is opened)."""
        if article is None:
            return
        current = self.model.item(self.tree.currentIndex().siblingAtColumn(0))
        if isinstance(current, TreeArticle) and current.id == article.id:
            return
        source = self.source

        def select(_page: QModelIndex) -> None:
            key = page_key(article.page_id)

            def pick() -> None:
                if self.state.article_id == article.id:  # nothing else was opened meanwhile
                    self._select(self.model.index_of(article.id), quietly=True)

            self.after_children(key, pick)

        self.ops.query(lambda session: source.path_to_page(session, article.page_id),
                       lambda path: self.open_path(path, select), self.tr("无法读取目录"))

    def show_page(self, page_id: int) -> None:
        """Open the way down to a page and select its row (the whole page is shown)."""
        source = self.source
        self.ops.query(lambda session: source.path_to_page(session, page_id),
                       lambda path: self.open_path(path, self._select), self.tr("无法读取目录"))

    def show_node(self, key: str) -> None:
        """Open the way down to a paper, year or issue, select it and open it."""
        def chosen(index: QModelIndex) -> None:
            self._select(index, quietly=True)
            self.tree.expand(index)

        source = self.source
        self.ops.query(lambda session: source.path_to(session, key),
                       lambda path: self.open_path(path, chosen), self.tr("无法读取目录"))

    def step(self, delta: int) -> None:
        """J/K: the next (previous) article, or page when a page is on screen."""
        current = self.tree.currentIndex().siblingAtColumn(0)
        item = self.model.item(current) if current.isValid() else None
        source = self.source
        if isinstance(item, TreeArticle):
            sibling = current.siblingAtRow(current.row() + delta)
            if sibling.isValid():
                self._select(sibling)
                return
            on_page = item.page_id or 0
            self.ops.query(lambda session: source.neighbour_path(session, on_page, delta),
                           lambda path: self._into_page(path, delta), self.tr("无法读取目录"))
        elif isinstance(item, ArchiveNode) and item.kind == "page":
            page_id = item.record_id
            self.ops.query(lambda session: source.neighbour_path(session, page_id, delta),
                           lambda path: self.open_path(path, self._select),
                           self.tr("无法读取目录"))
        else:
            key = item.key if isinstance(item, ArchiveNode) else self._first_paper_key()
            if key is None:
                return
            if delta > 0:
                self.ops.query(lambda session: source.first_page_path(session, key),
                               lambda path: self._into_page(path, 1), self.tr("无法读取目录"))
            else:
                self.ops.query(lambda session: self._page_before(session, key),
                               lambda path: self._into_page(path, -1), self.tr("无法读取目录"))

    def _page_before(self, session, key: str) -> list[str]:
        """The path of the page before the first page under `key` (runs on the worker)."""
        first = self.source.first_page_path(session, key)
        page_id = page_id_of(first[-1]) if first else None
        return self.source.neighbour_path(session, page_id, -1) if page_id is not None else []

    def _first_paper_key(self) -> str | None:
        return self.model.node_key(self.model.index(0, 0)) if self.model.rowCount() else None

    def _into_page(self, path: list[str], delta: int) -> None:
        """Open the page at the end of `path` and select its first (last) article."""
        def pick(page: QModelIndex) -> None:
            key = path[-1]

            def choose() -> None:
                parent = self.model.index_of_key(key)
                count = self.model.rowCount(parent)
                if count:
                    self.tree.expand(parent)
                    self._select(self.model.index(0 if delta > 0 else count - 1, 0, parent))

            self.after_children(key, choose)

        self.open_path(path, pick)

    # -- changes ------------------------------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        if changes.structure or (changes.metadata and changes.all_articles):
            # Pages may have moved between papers and dates: read the tree again.
            self.load(expand=self.expanded_keys())
            return
        if changes.reading:
            self.read_unread()
        shown = set(self.model.loaded_article_ids())
        touched = shown if changes.all_articles else shown & changes.article_ids
        if touched and (changes.tags or changes.metadata):
            # (a tag's colour is a dot in the title)
            columns = (TITLE_COLUMN, COLUMN_COLUMN, AUTHOR_COLUMN, TAGS_COLUMN) \
                if changes.metadata else (TITLE_COLUMN, TAGS_COLUMN)
            self.ops.query(lambda session: article_rows(session, sorted(touched)),
                           lambda rows: self.model.apply_rows(rows, columns),
                           self.tr("无法读取目录"))

    def shown(self) -> None:
        """The tree is always in step; nothing to read when its tab is shown."""

    # -- what is picked -------------------------------------------------------------------------

    def selected_nodes(self) -> list[ArchiveNode]:
        """The paper, year, issue and page rows selected, in the tree's order."""
        rows = sorted(self.tree.selectionModel().selectedRows(),
                      key=lambda i: self.tree.visualRect(i).top())
        return [item for item in (self.model.item(i) for i in rows)
                if isinstance(item, ArchiveNode)]

    def picked(self) -> Picked:
        """The selected rows: articles, and every page under a paper, year, issue or page row."""
        articles: list[int] = []
        pages: list[int] = []
        issues: list[int] = []
        papers: list[tuple[int, str | None]] = []
        count = 0
        for index in self.tree.selectionModel().selectedRows():
            item = self.model.item(index)
            if isinstance(item, TreeArticle):
                articles.append(item.id)
                count += 1
                continue
            if not isinstance(item, ArchiveNode):
                continue
            count += item.article_count
            if item.kind == "page":
                pages.append(item.record_id)
            elif item.kind == "issue":
                issues.append(item.record_id)
            else:
                papers.append((item.record_id, item.date or "" if item.kind == "year" else None))
        return Picked(tuple(articles), tuple(issues), count=count, page_ids=tuple(pages),
                      papers=tuple(papers))

    def export_pick(self) -> tuple[Picked, str] | None:
        """One node row: its pages, titled; several rows: them; else None (the open article)."""
        picked = self.picked()
        nodes = self.selected_nodes()
        if len(nodes) == 1 and not picked.article_ids:
            return picked, wording.node_label(nodes[0])
        if picked.count > 1:
            return picked, Counts.tr("所选的 %n 篇文章", "", picked.count)
        return None

    # -- jumping to a date -----------------------------------------------------------------

    def jump_to_date(self) -> None:
        """Open the calendar (the days that have issues marked) and go to the day chosen."""
        source = self.source
        self.ops.query(lambda session: source.issue_days(session), self._open_calendar,
                       self.tr("无法读取目录"))

    def _open_calendar(self, dates: list[str]) -> None:
        self.issue_days = dates
        if self.date_jump is None:
            self.date_jump = DateJump(self)
            self.date_jump.date_chosen.connect(self.go_to_date)
        self.date_jump.set_dates(dates)
        current = self.model.item(self.tree.currentIndex().siblingAtColumn(0))
        around = current.date if isinstance(current, (ArchiveNode, TreeArticle)) else None
        self.date_jump.open_at(self.tree.viewport().mapToGlobal(QPoint(0, 0)), around)

    def go_to_date(self, day: str) -> None:
        """Open the issue of this day (ISO), or of the nearest day that has one."""
        target = nearest(self.issue_days, day)
        if target is None:
            self.messages.info(self.tr("书库中还没有注明具体日期的报纸。"))
            return
        if target != day:
            self.messages.info(self.tr("{} 没有报纸，已转到最近的一期：{}。").format(day, target))
        # Several papers that day: the paper the reader is in, else the first.
        current = self.model.item(self.tree.currentIndex().siblingAtColumn(0))
        paper = current.paper if isinstance(current, ArchiveNode) else \
            current.origin.paper if isinstance(current, TreeArticle) and current.origin else None
        paper_key = self.model.node_key(self._paper_row(paper)) if paper else None
        source = self.source

        def read(session) -> str | None:
            keys = source.issues_on(session, target)
            mine = [k for k in keys if paper_key and source.path_to(session, k)[0] == paper_key]
            found = mine or keys
            return found[0] if found else None

        self.ops.query(read, lambda key: self.show_node(key) if key else None,
                       self.tr("无法读取目录"))

    def _paper_row(self, paper: str) -> QModelIndex:
        """The row of the paper of this name (invalid if none)."""
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            item = self.model.item(index)
            if isinstance(item, ArchiveNode) and item.paper == paper:
                return index
        return QModelIndex()

    # -- editing ------------------------------------------------------------------------------

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """编辑版面信息… on paper, year, issue and page rows (all the selected ones when the
        row is one of them); 重命名报纸… on a paper."""
        index = self.tree.indexAt(pos)
        item = self.model.item(index.siblingAtColumn(0)) if index.isValid() else None
        if not isinstance(item, ArchiveNode):
            return None
        selected = self.selected_nodes()
        nodes = selected if item in selected else [item]
        menu = QMenu(self)
        edit = menu.addAction(self.tr("编辑版面信息…"))
        edit.triggered.connect(lambda: self.edit_nodes(nodes))
        if item.kind == "paper":
            rename = menu.addAction(self.tr("重命名报纸…"))
            rename.triggered.connect(lambda: self.rename_paper(item))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def edit_selection(self) -> None:
        """编辑版面信息 for the selected rows (or the current one)."""
        nodes = self.selected_nodes()
        current = self.model.item(self.tree.currentIndex().siblingAtColumn(0))
        if not nodes and isinstance(current, ArchiveNode):
            nodes = [current]
        if not nodes:
            self.messages.info(self.tr("先在目录中选中版面、日期或报纸。"))
            return
        self.edit_nodes(nodes)

    def edit_nodes(self, nodes: list[ArchiveNode]) -> None:
        """Ask for new paper, date and page fields of every page under these rows; one
        undoable edit."""
        keys = [node.key for node in nodes]
        source = self.source
        self.ops.query(lambda session: pages_to_edit(session, source, keys), self._ask_edits,
                       self.tr("无法读取版面信息"))

    def _ask_edits(self, found) -> None:
        pages, papers = found
        if not pages:
            return
        fields = self.ask_page_edits(pages, papers)
        if not fields:
            return
        ids = [page.page_id for page in pages]
        self.ops.mutate(lambda session: edit_pages(session, ids, fields),
                        self.tr("无法修改版面信息"),
                        done=lambda _changes: self.messages.info(
                            self.tr("已修改 %n 个版面的信息（Ctrl+Z 撤销）。", "", len(ids))))

    def rename_paper(self, paper: ArchiveNode) -> None:
        """Ask for a paper's new name; another paper's name merges the two."""
        def ask(papers: list[str]) -> None:
            name = self.ask_paper_name(paper.label, papers)
            if not name or name == paper.label:
                return
            self.ops.mutate(lambda session: session.metadata.rename_paper(paper.record_id, name),
                            self.tr("无法重命名报纸"),
                            done=lambda renamed: self.messages.info(
                                (self.tr("已合并到“{}”（Ctrl+Z 撤销）。") if renamed.merged else
                                 self.tr("已改名为“{}”（Ctrl+Z 撤销）。")).format(renamed.name)))

        self.ops.query(lambda session: [p.name for p in browsing.papers(session)], ask,
                       self.tr("无法读取目录"))


# The edit dialogs load when first asked for, not with the window (issue 17: their module
# brings the page-metadata parser, which nothing on screen at start needs).
def _page_edits_dialog(parent: QWidget, pages, papers):
    from reader.ui.metadata_dialog import ask_page_edits

    return ask_page_edits(parent, pages, papers)


def _paper_name_dialog(parent: QWidget, name, papers):
    from reader.ui.metadata_dialog import ask_paper_name

    return ask_paper_name(parent, name, papers)


__all__ = ["IssuesView"]
