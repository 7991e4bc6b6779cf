"""The main window: search bar, navigator (issue tree or search results), article pane.

The window owns no library logic: it opens a `Session` through the
`session_factory` it is given, on the worker of an `OpRunner`, and pulls
what it shows from the session's library through its models.  Window state
(geometry, splitter, zoom, theme) lives in QSettings; nothing else does.
Dialogs that would block a test (file chooser, about box) are attributes
(`choose_files`, `show_about`) that tests replace.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.article_view import ArticleView
from reader.ui.messages import MessageChannel
from reader.ui.ops import OpRunner
from reader.ui.results_model import ResultDelegate, SearchResultsModel, snippet_hits
from reader.ui.search import SearchController, query_terms
from reader.ui.tree_model import IssueTreeModel

SEARCH_PLACEHOLDER = "搜索… (Ctrl+K)"
PREPARING_PLACEHOLDER = "正在准备搜索…"
TREE_PAGE, RESULTS_PAGE = 0, 1


def settings_store() -> QSettings:
    """Where window state lives: an INI file under the user's config folder."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Reader", "Reader")


class MainWindow(QMainWindow):
    """Reader's main window; call `open_library()` once it is shown."""

    #: the session is open and the tree shows its issues
    library_ready = Signal()
    #: the search index is in step; the search bar is enabled
    search_ready = Signal()
    #: an article is shown in the pane (its id)
    article_shown = Signal(int)
    #: an import started from the File menu has finished
    import_finished = Signal(object)

    def __init__(self, session_factory: Callable, settings: QSettings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Reader")
        self.session = None
        self._session_factory = session_factory
        self._settings = settings if settings is not None else settings_store()
        self.messages = MessageChannel(self)
        self.runner = OpRunner(self)
        self.progress_dialog: QProgressDialog | None = None
        self.choose_files = lambda: QFileDialog.getOpenFileNames(
            self, "导入文件", "", "页面文本 (*.txt *.md);;所有文件 (*)")[0]
        self.show_about = lambda: QMessageBox.about(
            self, "关于 Reader", "Reader：在自己的电脑上阅读、检索报纸版面。")
        self._build_widgets()
        self._build_actions()
        self._restore_state()

    # -- building -----------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.search_bar = QLineEdit(self)
        self.search_bar.setClearButtonEnabled(True)
        self.search_bar.setPlaceholderText(PREPARING_PLACEHOLDER)
        self.search_bar.setEnabled(False)
        self.search_bar.setMinimumWidth(360)
        toolbar = self.addToolBar("搜索")
        toolbar.setObjectName("search-toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search_bar)

        self.tree_model = IssueTreeModel(parent=self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)

        self.results_model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.activated.connect(self.open_result)
        self.results_label = QLabel(self)
        self.results_label.setWordWrap(True)
        self.results_label.setContentsMargins(6, 4, 6, 4)
        results_page = QWidget(self)
        layout = QVBoxLayout(results_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.results_label)
        layout.addWidget(self.results, 1)

        self.navigator = QStackedWidget(self)
        self.navigator.addWidget(self.tree)
        self.navigator.addWidget(results_page)

        self.pane = ArticleView(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.hit_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.hit_label)
        self.messages.attach(self.statusBar())
        self.pane.hit_changed.connect(self._show_hit_position)

        self.search = SearchController(self.search_bar, self.runner, self.messages, self)
        self.search.answered.connect(self._show_results)
        self.search.cleared.connect(self.show_tree)
        self.search_bar.returnPressed.connect(self._search_entered)
        self._open_first_result = False

    def _action(self, menu, text: str, slot, shortcuts=(), checkable=False) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work while the menu bar is hidden too
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        self.import_action = self._action(file_menu, "导入文件…", self.import_files, ["Ctrl+O"])
        self.import_action.setEnabled(False)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, "退出", self.close, ["Ctrl+Q"])

        edit_menu = bar.addMenu("编辑(&E)")
        self.find_action = self._action(edit_menu, "查找", self.focus_search,
                                        ["Ctrl+F", "Ctrl+K"])
        self.next_hit_action = self._action(edit_menu, "下一处", self.pane.next_hit, ["F3"])
        self.previous_hit_action = self._action(edit_menu, "上一处", self.pane.previous_hit,
                                                ["Shift+F3"])

        view_menu = bar.addMenu("视图(&V)")
        self.next_article_action = self._action(
            view_menu, "下一篇", lambda: self.step_article(1), ["J", "Alt+Down"])
        self.previous_article_action = self._action(
            view_menu, "上一篇", lambda: self.step_article(-1), ["K", "Alt+Up"])
        self.back_action = self._action(view_menu, "返回目录", self.show_tree, ["Esc"])
        view_menu.addSeparator()
        self.zoom_in_action = self._action(view_menu, "放大", lambda: self.set_zoom(self.pane.zoom + 1),
                                           ["Ctrl+=", "Ctrl++"])
        self.zoom_out_action = self._action(view_menu, "缩小",
                                            lambda: self.set_zoom(self.pane.zoom - 1), ["Ctrl+-"])
        self.zoom_reset_action = self._action(view_menu, "还原", lambda: self.set_zoom(0),
                                              ["Ctrl+0"])
        view_menu.addSeparator()
        self.dark_action = self._action(view_menu, "深色主题", self.set_dark, ["Ctrl+Shift+D"],
                                        checkable=True)

        help_menu = bar.addMenu("帮助(&H)")
        self.about_action = self._action(help_menu, "关于", lambda: self.show_about())

    # -- window state -------------------------------------------------------------------

    def _restore_state(self) -> None:
        s = self._settings
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        splitter = s.value("window/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([400, 880])
        self.set_zoom(int(s.value("view/zoom", 0)))
        self.dark_action.setChecked(str(s.value("view/dark", "false")).lower() == "true")
        self.set_dark(self.dark_action.isChecked())

    def save_state(self) -> None:
        s = self._settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("view/zoom", self.pane.zoom)
        s.setValue("view/dark", self.dark_action.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.runner.shutdown()
        if self.progress_dialog is not None:
            self._finish_progress()
        if self.session is not None:
            self.session.close()
            self.session = None
        super().closeEvent(event)

    # -- opening the library --------------------------------------------------------------

    def open_library(self) -> None:
        """Open the session off the UI thread; a first run imports the seeds with progress."""
        factory = self._session_factory
        op = self.runner.run(
            lambda progress, cancelled: factory(progress, cancelled),
            on_done=self._library_opened,
            on_failed=lambda exc: self._open_failed(exc),
            on_progress=self._update_progress,
        )
        self._start_progress("正在打开文库…", op)
        self.messages.info("正在打开文库…")

    def _start_progress(self, label: str, op) -> None:
        dialog = QProgressDialog(label, "取消", 0, 0, self)
        dialog.setWindowTitle("Reader")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(op.cancel)
        self.progress_dialog = dialog
        self._progress_op = op

    def _update_progress(self, done: int, total: int, label: str) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if label:
            dialog.setLabelText(f"正在导入：{label}")

    def _finish_progress(self) -> bool:
        """Close the progress dialog; True if the user cancelled."""
        dialog, self.progress_dialog = self.progress_dialog, None
        cancelled = self._progress_op.cancelled
        if dialog is not None:
            dialog.canceled.disconnect()
            dialog.hide()
            dialog.deleteLater()
        return cancelled

    def _open_failed(self, exc: BaseException) -> None:
        self._finish_progress()
        self.messages.failure("无法打开文库", exc)
        self.search_bar.setPlaceholderText("搜索不可用")

    def _library_opened(self, session) -> None:
        cancelled = self._finish_progress()
        self.session = session
        self.search.session = session
        self.tree_model.set_library(session.library)
        self.import_action.setEnabled(True)
        issues = self.tree_model.rowCount()
        if cancelled:
            self.messages.warning("导入已取消；下次打开时会接着导入。")
        else:
            self.messages.info(f"文库已打开：{issues} 期。")
        self.library_ready.emit()
        self.runner.run(
            lambda progress, cancelled: session.ensure_index(progress, cancelled),
            on_done=self._index_ready,
            on_failed=lambda exc: self.messages.failure("无法准备搜索", exc),
        )

    def _index_ready(self, report) -> None:
        self.search_bar.setEnabled(True)
        self.search_bar.setPlaceholderText(SEARCH_PLACEHOLDER)
        if report.action != "none":
            self.messages.info("搜索索引已更新，可以搜索了。")
        self.search_ready.emit()

    # -- importing ------------------------------------------------------------------------

    def import_files(self) -> None:
        if self.session is None:
            return
        paths = list(self.choose_files() or [])
        if not paths:
            return
        session = self.session
        op = self.runner.run(
            lambda progress, cancelled: session.import_paths(
                paths, progress=progress, cancelled=cancelled),
            on_done=self._imported,
            on_failed=lambda exc: (self._finish_progress(),
                                   self.messages.failure("导入失败", exc)),
            on_progress=self._update_progress,
        )
        self._start_progress("正在导入…", op)

    def _imported(self, results) -> None:
        self._finish_progress()
        self.tree_model.reload()
        done = sum(1 for r in results if r.status in ("imported", "updated"))
        failed = [r for r in results if r.status == "failed"]
        if failed:
            first = failed[0]
            self.messages.error(f"{len(failed)} 个文件导入失败，例如 {first.path}：{first.message}")
        else:
            self.messages.info(f"已导入 {done} 个文件，{len(results) - done} 个无变化。")
        self.import_finished.emit(results)

    # -- reading --------------------------------------------------------------------------

    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.tree_model.article_id(current)
        if article_id is not None:
            self.show_article(article_id)

    def show_article(self, article_id: int, terms=()) -> None:
        if self.session is None:
            return
        try:
            article = self.session.library.article(article_id)
        except Exception as exc:
            self.messages.failure("无法打开这篇文章", exc)
            return
        self.pane.show_article(article, terms)
        self.article_shown.emit(article_id)

    def step_article(self, delta: int) -> None:
        """Open the next (delta 1) or previous (-1) article in the navigator."""
        if self.navigator.currentIndex() == RESULTS_PAGE:
            rows = self.results_model.rowCount()
            if rows:
                row = self.results.currentIndex().row()
                row = 0 if row < 0 else max(0, min(rows - 1, row + delta))
                self.results.setCurrentIndex(self.results_model.index(row))
                self.open_result(self.results_model.index(row))
            return
        target = self._neighbour_article(self.tree.currentIndex(), delta)
        if target.isValid():
            self.tree.expand(target.parent())
            self.tree.setCurrentIndex(target)
            self.tree.scrollTo(target)

    def _neighbour_article(self, current: QModelIndex, delta: int) -> QModelIndex:
        """The article `delta` (1 or -1) rows from `current`, crossing into other issues."""
        model = self.tree_model
        last = None  # "the last article of the issue", known only once it is fetched
        current = current.siblingAtColumn(0) if current.isValid() else current
        if model.article_id(current) is not None:
            issue_row, row = current.parent().row(), current.row() + delta
            if row < 0:
                issue_row, row = issue_row - 1, last
        elif current.isValid():  # an issue row: into it going down, the one above going up
            issue_row, row = (current.row(), 0) if delta > 0 else (current.row() - 1, last)
        else:
            issue_row, row = (0, 0) if delta > 0 else (model.rowCount() - 1, last)
        while 0 <= issue_row < model.rowCount():
            parent = model.issue_index(issue_row)
            model.fetchMore(parent)
            count = model.rowCount(parent)
            if row is last:
                row = count - 1
            if 0 <= row < count:
                return model.index(row, 0, parent)
            issue_row, row = (issue_row + 1, 0) if delta > 0 else (issue_row - 1, last)
        return QModelIndex()

    # -- searching ------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_bar.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_bar.selectAll()

    def _search_entered(self) -> None:
        if self.search.pending or self.navigator.currentIndex() != RESULTS_PAGE:
            self._open_first_result = True
            self.search.run_now()
        else:
            self._open_current_result()

    def _show_results(self, text: str, outcome) -> None:
        self.results_model.set_outcome(outcome)
        self.navigator.setCurrentIndex(RESULTS_PAGE)
        if outcome.hits:
            shown = len(outcome.hits)
            more = f"，显示前 {shown} 条" if outcome.total > shown else ""
            self.results_label.setText(f"“{text}”：共 {outcome.total} 条结果{more}（Esc 返回目录）")
            self.results.setCurrentIndex(self.results_model.index(0))
        else:
            advice = "可以去掉筛选条件再试" if ":" in text or "：" in text else "可以换个说法再试"
            self.results_label.setText(f"没有找到“{text}”，{advice}。")
        if self._open_first_result:
            self._open_first_result = False
            self._open_current_result()

    def _open_current_result(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid() and self.results_model.rowCount():
            index = self.results_model.index(0)
        if index.isValid():
            self.open_result(index)

    def open_result(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit = self.results_model.hit(index.row())
        outcome = self.results_model.outcome
        terms = query_terms(outcome.query) + snippet_hits(hit.snippet)
        self.show_article(hit.id, terms)
        if self.pane.hit_count:
            self.pane.next_hit()

    def show_tree(self) -> None:
        self.navigator.setCurrentIndex(TREE_PAGE)
        if self.search_bar.hasFocus():
            self.tree.setFocus()

    def _show_hit_position(self, current: int, total: int) -> None:
        if not total:
            self.hit_label.setText("")
        elif current:
            self.hit_label.setText(f"第 {current}/{total} 处（F3 下一处）")
        else:
            self.hit_label.setText(f"共 {total} 处")

    # -- view ------------------------------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        self.pane.set_zoom(steps)

    def set_dark(self, dark: bool) -> None:
        self.dark_action.setChecked(bool(dark))
        self.pane.set_dark(bool(dark))
        self.setPalette(dark_palette() if dark else QApplication.style().standardPalette())


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2d30"), (roles.WindowText, "#e6e2d8"), (roles.Base, "#1d1f21"),
        (roles.AlternateBase, "#26282b"), (roles.Text, "#e6e2d8"), (roles.Button, "#2f3134"),
        (roles.ButtonText, "#e6e2d8"), (roles.Highlight, "#44617a"),
        (roles.HighlightedText, "#ffffff"), (roles.ToolTipBase, "#2b2d30"),
        (roles.ToolTipText, "#e6e2d8"), (roles.PlaceholderText, "#8c8c8c"),
    ):
        palette.setColor(role, colour)
    return palette


__all__ = ["MainWindow", "settings_store"]
