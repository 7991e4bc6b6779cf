"""The main window: search bar, navigator (issue tree or search results), article pane.

The window owns no library logic: it opens a `Session` through the
`session_factory` it is given, on the worker of an `OpRunner`, and pulls
what it shows from the session's library through its models.  Window state
(geometry, splitter, zoom, theme, language) lives in QSettings, each setting
declared in `reader.ui.settings`; nothing
else does.  Dialogs that would block a test (file chooser, import options, about
box, import report) are attributes (`choose_files`, `ask_import_options`,
`show_about`, `show_import_report`) that tests replace.  The window takes the library's `reader.lock` before
opening it, and its `crash_handler` (installed by `main.run`) logs uncaught
exceptions to the library's `logs/` folder.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
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
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

import reader
from reader.models import ImportStatus
from reader.ui import settings as window_settings
from reader.ui.actions import build_menus
from reader.ui.annotation_commands import AnnotationCommands
from reader.ui.annotation_panel import AnnotationPanel
from reader.ui.article_view import ArticleView
from reader.ui.authors_view import AuthorsView
from reader.ui.crash import CrashHandler
from reader.ui.import_options import ask_import_options
from reader.ui.import_report import ImportReport
from reader.ui.lock import LibraryLock
from reader.ui.messages import MessageChannel
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.notes_view import NotesView
from reader.ui.ops import OpRunner
from reader.ui.progress import ProgressPresenter
from reader.ui.reasons import file_reason
from reader.ui.results_model import ResultDelegate, SearchResultsModel, snippet_hits
from reader.ui.search import SearchController, query_terms
from reader.ui.settings import settings_store
from reader.ui.tags_view import TagsView
from reader.ui.theme import dark_palette
from reader.ui.translation import LANGUAGES
from reader.ui.tree_model import IssueTreeModel

#: Source texts (Chinese); shown through `self.tr`, so translated when a translation is loaded.
SEARCH_PLACEHOLDER = QT_TRANSLATE_NOOP("MainWindow", "搜索… (Ctrl+K)")
PREPARING_PLACEHOLDER = QT_TRANSLATE_NOOP("MainWindow", "正在准备搜索…")
TREE_PAGE, RESULTS_PAGE = 0, 1
#: The tabs of the browsing page of the navigator.
ISSUES_TAB, TAGS_TAB, AUTHORS_TAB, NOTES_TAB = 0, 1, 2, 3


class MainWindow(AnnotationCommands, QMainWindow):
    """Reader's main window; call `open_library()` once it is shown."""

    #: the session is open and the tree shows its issues
    library_ready = Signal()
    #: the search index is in step; the search bar is enabled
    search_ready = Signal()
    #: an article is shown in the pane (its id)
    article_shown = Signal(int)
    #: the library is in use by another Reader (its folder); it was not opened
    library_locked = Signal(str)
    #: an import started from the File menu has finished
    import_finished = Signal(object)
    #: the search index was rebuilt from the library (a SyncReport)
    reindex_finished = Signal(object)

    def __init__(self, session_factory: Callable, settings: QSettings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Reader")
        self.session = None
        self._session_factory = session_factory
        self._settings = settings if settings is not None else settings_store()
        self.messages = MessageChannel(self)
        self.runner = OpRunner(self)
        self.progress = ProgressPresenter(self)
        self.library_lock: LibraryLock | None = None
        #: logs uncaught exceptions in the library's logs/ folder; `run()` installs it
        self.crash_handler = CrashHandler(self.log_dir, self)
        self.crash_handler.crashed.connect(lambda sentence, _path: self.messages.error(sentence))
        self.choose_files = lambda: QFileDialog.getOpenFileNames(
            self, self.tr("导入文件"), "", self.tr("页面文本 (*.txt *.md);;所有文件 (*)"))[0]
        #: asks paper/date/page for the chosen files (a PageMeta; None: cancelled); tests replace it
        self.ask_import_options = lambda paths: ask_import_options(self, len(paths))
        self.import_report: ImportReport | None = None
        #: shows what an import did, file by file (non-modal); tests may replace it
        self.show_import_report = self._show_import_report
        #: shows the about text (`about_text()`); tests replace it
        self.show_about = lambda text: QMessageBox.about(self, self.tr("关于 Reader"), text)
        #: asks for tags to put on the selected articles (None: cancelled); tests replace it
        self.ask_tags = self._ask_tags
        #: the Export… dialog's file chooser (None: the dialog's own); tests replace it
        self.choose_export_target = None
        self.export_dialog = None
        self._build_widgets()
        build_menus(self)
        self._restore_state()

    # -- building -----------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.search_bar = QLineEdit(self)
        self.search_bar.setClearButtonEnabled(True)
        self.search_bar.setPlaceholderText(self.tr(PREPARING_PLACEHOLDER))
        self.search_bar.setEnabled(False)
        self.search_bar.setMinimumWidth(360)
        toolbar = self.addToolBar(self.tr("搜索"))
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
        # Tags can be long: a column the reader can widen, not one that eats the titles.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 90)
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

        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.tags_view = TagsView(self.messages, self)
        self.tags_view.article_chosen.connect(self.show_article)
        self.tags_view.tags_changed.connect(lambda: self._annotations_changed(None))
        self.notes_view = NotesView(self.messages, self)
        self.notes_view.article_chosen.connect(self.show_article)
        self.browse_tabs = QTabWidget(self)
        self.browse_tabs.setDocumentMode(True)
        self.browse_tabs.addTab(self.tree, self.tr("目录"))
        self.browse_tabs.addTab(self.tags_view, self.tr("标签"))
        self.authors_view = AuthorsView(self.messages, self)
        self.authors_view.article_chosen.connect(self.show_article)
        self.browse_tabs.addTab(self.authors_view, self.tr("作者"))
        self.browse_tabs.addTab(self.notes_view, self.tr("批注"))
        self.browse_tabs.currentChanged.connect(lambda _tab: self.reload_browse_view())

        self.navigator = QStackedWidget(self)
        self.navigator.addWidget(self.browse_tabs)
        self.navigator.addWidget(results_page)

        self.pane = ArticleView(self)
        self.panel = AnnotationPanel(self.messages, self)
        self.panel.setMinimumWidth(220)
        self.panel.changed.connect(self._annotations_changed)
        self.panel.highlight_chosen.connect(self.pane.scroll_to_highlight)
        self.pane.highlight_requested.connect(self.panel.add_highlight)
        self.pane.copy_with_citation_requested.connect(self.copy_with_citation)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.pane)
        self.splitter.addWidget(self.panel)
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

    def about_text(self) -> str:
        """Version, library folder and what the library holds, one fact a line."""
        lines = [self.tr("Reader {}：在自己的电脑上阅读、检索报纸版面。").format(reader.__version__)]
        paths = self.library_paths
        if paths is not None:
            lines.append(self.tr("书库：{}").format(paths.library_dir))
        if self.session is None:
            lines.append(self.tr("书库尚未打开。"))
        else:
            try:
                stats = self.session.library.stats()
            except Exception as exc:
                self.messages.failure(self.tr("无法读取书库统计"), exc)
            else:
                lines.append(self.tr(
                    "{issues} 期，{articles} 篇文章，{tags} 个标签，{notes} 条笔记，"
                    "{highlights} 处划线。").format(**stats))
        return "\n".join(lines)

    # -- window state -------------------------------------------------------------------

    def _restore_state(self) -> None:
        s = self._settings
        geometry = window_settings.GEOMETRY.read(s)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        splitter = window_settings.SPLITTER.read(s)
        if splitter is None or not self.splitter.restoreState(splitter) \
                or len(self.splitter.sizes()) != 3 or not self.splitter.sizes()[2]:
            self.splitter.setSizes([420, 760, 300])
        self.set_zoom(window_settings.ZOOM.read(s))
        self.dark_action.setChecked(window_settings.DARK.read(s))
        self.set_dark(self.dark_action.isChecked())

    def save_state(self) -> None:
        s = self._settings
        window_settings.GEOMETRY.write(s, self.saveGeometry())
        window_settings.SPLITTER.write(s, self.splitter.saveState())
        window_settings.ZOOM.write(s, self.pane.zoom)
        window_settings.DARK.write(s, self.dark_action.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel.note_editor.flush()  # the note being typed is written before anything closes
        self.save_state()
        self.crash_handler.uninstall()
        self.runner.shutdown()
        if self.progress_dialog is not None:
            self.progress.finish()
        if self.session is not None:
            self.session.close()
            self.session = None
        self._release_lock()
        super().closeEvent(event)

    # -- opening the library --------------------------------------------------------------

    @property
    def library_paths(self):
        """The library's `Paths`: the open session's, else the factory's (if it says)."""
        if self.session is not None:
            return self.session.paths
        return getattr(self._session_factory, "paths", None)

    def log_dir(self):
        paths = self.library_paths
        return paths.log_dir if paths is not None else None

    def open_library(self) -> None:
        """Open the session off the UI thread; a first run imports the seeds with progress."""
        paths = self.library_paths
        if paths is not None and not self._lock_library(paths.library_dir):
            return
        factory = self._session_factory
        op = self.runner.run(
            lambda progress, cancelled: factory(progress, cancelled),
            on_done=self._library_opened,
            on_failed=lambda exc: self._open_failed(exc),
            on_progress=self.progress.update,
        )
        # A first run imports the seeds: name each file as it goes.
        self.progress.start(self.tr("正在打开文库…"), op, self.tr("正在导入：{}"))
        self.messages.info(self.tr("正在打开文库…"))

    def _lock_library(self, library_dir) -> bool:
        """Take the library's lock; if another Reader holds it, say so and return False."""
        lock = LibraryLock(library_dir)
        if lock.acquire():
            self.library_lock = lock
            return True
        self.messages.error(
            self.tr("这个书库正被另一个 Reader 窗口使用：{}（请先关闭那个窗口）").format(library_dir))
        self.search_bar.setPlaceholderText(self.tr("搜索不可用"))
        self.library_locked.emit(str(library_dir))
        return False

    def _release_lock(self) -> None:
        if self.library_lock is not None:
            self.library_lock.release()
            self.library_lock = None

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        """The dialog of the operation in progress, if any."""
        return self.progress.dialog

    def _open_failed(self, exc: BaseException) -> None:
        self.progress.finish()
        self._release_lock()
        self.messages.failure(self.tr("无法打开文库"), exc)
        self.search_bar.setPlaceholderText(self.tr("搜索不可用"))

    def _library_opened(self, session) -> None:
        cancelled = self.progress.finish()
        self.session = session
        self.search.session = session
        self.tree_model.set_library(session.library)
        self.panel.set_session(session)
        self.tags_view.set_session(session)
        self.authors_view.set_session(session)
        self.notes_view.set_session(session)
        self.import_action.setEnabled(True)
        self.reindex_action.setEnabled(True)
        issues = self.tree_model.rowCount()
        if cancelled:
            self.messages.warning(self.tr("导入已取消；下次打开时会接着导入。"))
        else:
            self.messages.info(self.tr("文库已打开：{} 期。").format(issues))
        self.library_ready.emit()
        self.runner.run(
            lambda progress, cancelled: session.ensure_index(progress, cancelled),
            on_done=self._index_ready,
            on_failed=lambda exc: self.messages.failure(self.tr("无法准备搜索"), exc),
        )

    def _index_ready(self, report) -> None:
        self.search_bar.setEnabled(True)
        self.search_bar.setPlaceholderText(self.tr(SEARCH_PLACEHOLDER))
        if report.action != "none":
            self.messages.info(self.tr("搜索索引已更新，可以搜索了。"))
        self.search_ready.emit()

    # -- re-indexing ----------------------------------------------------------------------

    def reindex(self) -> None:
        """Rebuild the search index from the library, in the background, with progress."""
        if self.session is None:
            return
        session = self.session
        self.search_bar.setEnabled(False)
        op = self.runner.run(
            lambda progress, cancelled: session.reindex(progress, cancelled),
            on_done=self._reindexed,
            on_failed=lambda exc: (self.progress.finish(), self.search_bar.setEnabled(True),
                                   self.messages.failure(self.tr("无法重建索引"), exc)),
            on_progress=self.progress.update,
        )
        self.progress.start(self.tr("正在重建搜索索引…"), op)

    def _reindexed(self, report) -> None:
        self.progress.finish()
        self.search_bar.setEnabled(True)
        if report.action == "cancelled":
            self.messages.warning(self.tr("已取消重建索引；索引保持原样，下次打开时会再检查。"))
        else:
            self.messages.info(self.tr("搜索索引已重建：{} 篇。").format(report.added))
        self.reindex_finished.emit(report)

    # -- importing ------------------------------------------------------------------------

    def import_files(self) -> None:
        if self.session is None:
            return
        paths = list(self.choose_files() or [])
        if not paths:
            return
        given = self.ask_import_options(paths)
        if given is None:
            return
        session = self.session
        op = self.runner.run(
            lambda progress, cancelled: session.import_paths(
                paths, progress=progress, cancelled=cancelled, given=given or None),
            on_done=self._imported,
            on_failed=lambda exc: (self.progress.finish(),
                                   self.messages.failure(self.tr("导入失败"), exc)),
            on_progress=self.progress.update,
        )
        self.progress.start(self.tr("正在导入…"), op, self.tr("正在导入：{}"))

    def _imported(self, results) -> None:
        self.progress.finish()
        self.tree_model.reload()
        self.authors_view.reload()
        done = sum(1 for r in results
                   if r.status in (ImportStatus.IMPORTED, ImportStatus.UPDATED))
        failed = [r for r in results if r.status == ImportStatus.FAILED]
        if failed:
            first = failed[0]
            self.messages.error(self.tr("{} 个文件导入失败，例如 {}：{}").format(
                len(failed), first.path, file_reason(first)))
        else:
            self.messages.info(self.tr("已导入 {} 个文件，{} 个无变化。").format(
                done, len(results) - done))
        self.show_import_report(results)
        self.import_finished.emit(results)

    def _show_import_report(self, results) -> None:
        if self.import_report is None:
            self.import_report = ImportReport(self)
        self.import_report.set_results(results)
        self.import_report.show()

    # -- reading --------------------------------------------------------------------------

    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.tree_model.article_id(current)
        if article_id is not None:
            self.show_article(article_id)

    def show_article(self, article_id: int, terms=()) -> None:
        if self.session is None:
            return
        try:
            article = self.session.library.articles.get(article_id)
        except Exception as exc:
            self.messages.failure(self.tr("无法打开这篇文章"), exc)
            return
        self.pane.show_article(article, terms)
        self.panel.show_article(article)
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
            more = self.tr("，显示前 {} 条").format(shown) if outcome.total > shown else ""
            self.results_label.setText(self.tr("“{}”：共 {} 条结果{}（Esc 返回目录）").format(
                text, outcome.total, more))
            self.results.setCurrentIndex(self.results_model.index(0))
        else:
            advice = self.tr("可以去掉筛选条件再试") if ":" in text or "：" in text \
                else self.tr("可以换个说法再试")
            self.results_label.setText(self.tr("没有找到“{}”，{}。").format(text, advice))
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

    def show_browse_tab(self, tab: int) -> None:
        self.navigator.setCurrentIndex(TREE_PAGE)
        self.browse_tabs.setCurrentIndex(tab)

    def show_tree(self) -> None:
        """Esc: back to the browsing tabs, the search marks and hit count put away."""
        self.navigator.setCurrentIndex(TREE_PAGE)
        self.pane.clear_hits()
        if self.search_bar.hasFocus():
            self.tree.setFocus()

    def _show_hit_position(self, current: int, total: int) -> None:
        if not total:
            self.hit_label.setText("")
        elif current:
            self.hit_label.setText(self.tr("第 {}/{} 处（F3 下一处）").format(current, total))
        else:
            self.hit_label.setText(self.tr("共 {} 处").format(total))

    def set_language(self, code: str) -> None:
        """Remember the interface language; it takes effect when Reader starts again."""
        if code not in dict(LANGUAGES):
            return
        self.language_actions[code].setChecked(True)
        if window_settings.LANGUAGE.read(self._settings) == code:
            return
        window_settings.LANGUAGE.write(self._settings, code)
        self._settings.sync()
        self.messages.info(self.tr("界面语言将在重新启动 Reader 后切换为 {}。").format(
            dict(LANGUAGES)[code]))

    # -- view ------------------------------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        self.pane.set_zoom(steps)

    def set_dark(self, dark: bool) -> None:
        self.dark_action.setChecked(bool(dark))
        self.pane.set_dark(bool(dark))
        self.setPalette(dark_palette() if dark else QApplication.style().standardPalette())


__all__ = ["MainWindow"]
