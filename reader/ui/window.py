"""The main window: search bar, navigator (browsing views or search results), article pane.

The window owns no library logic and never reads the library itself: it
opens a `Session` through the `session_factory` it is given, on the worker
of an `OpRunner`, and from then on every read is a query and every write a
mutation of `Operations` (reader/ui/operations.py), on that worker.  A
mutation's `Changes` come back to `apply`, which hands them to every view;
each view redraws what it shows.  What the views show of "now" (the open
article, the query and its hits, the navigator's pick) is one
`WindowState`.  The browsing views are declared once in
`reader/ui/navigator.py`.

Window state (geometry, splitter, zoom, theme, language, the open article,
the expanded issues, the navigator tab) lives in QSettings, each setting
declared in `reader.ui.settings`; nothing else does.  Dialogs that would
block a test (file chooser, import options, about box, import report) are
attributes (`choose_files`, `ask_import_options`, `show_about`,
`show_import_report`) that tests replace.  The window takes the library's `reader.lock` before
opening it, and its `crash_handler` (installed by `main.run`) logs uncaught
exceptions to the library's `logs/` folder.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolTip,
    QWidget,
)

import reader
from reader.app import browsing
from reader.app.changes import Changes
from reader.ui import settings as window_settings
from reader.ui import translation
from reader.ui.actions import build_menus
from reader.ui.annotation_commands import AnnotationCommands
from reader.ui.annotation_panel import AnnotationPanel
from reader.ui.article_view import ArticleView
from reader.ui.correction_commands import CorrectionCommands
from reader.ui.crash import CrashHandler
from reader.ui.import_drop import ImportDrop
from reader.ui.import_report import ImportReport, import_summary
from reader.ui.issues_view import IssuesView
from reader.ui.library_rescue import LibraryRescue
from reader.ui.lock import LibraryLock
from reader.ui.messages import MessageChannel
from reader.ui.navigator import NAVIGATOR_VIEWS, ViewContext, entry_index, size_to_current_page
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.operations import Operations
from reader.ui.ops import OpRunner
from reader.ui.page_view import PageReading
from reader.ui.progress import ProgressPresenter
from reader.ui.reading_settings import ReadingSettings
from reader.ui.reading_width import ReadingWidth
from reader.ui.reading_wiring import ArticleOpener
from reader.ui.recent_imports import RecentImports
from reader.ui.research_wiring import PREPARING_SEARCH, RESULTS_PAGE, TREE_PAGE, SearchWiring
from reader.ui.results_view import ResultsView
from reader.ui.search import SearchController
from reader.ui.settings import settings_store
from reader.ui.splitter_state import restore_splitters, save_splitters
from reader.ui.theme import dark_palette
from reader.ui.translation import LANGUAGES
from reader.ui.undo_commands import UndoCommands
from reader.ui.window_state import WindowState

if TYPE_CHECKING:  # the library's modules load on the worker, after the first paint
    from reader.app.importing import ImportOutcome

#: Source texts (Chinese); shown through `self.tr`, so translated when a translation is loaded.
SEARCH_PLACEHOLDER = QT_TRANSLATE_NOOP("MainWindow", "搜索… (Ctrl+K)")
PREPARING_PLACEHOLDER = PREPARING_SEARCH  # the bar takes keys at once; the query waits
#: The tabs of the browsing page of the navigator (positions in NAVIGATOR_VIEWS).
ISSUES_TAB, TAGS_TAB, AUTHORS_TAB, NOTES_TAB = (
    entry_index("issues"), entry_index("tags"), entry_index("authors"), entry_index("notes"))


class MainWindow(QMainWindow):
    """Reader's main window; call `open_library()` once it is shown."""

    # Set by reader/ui/actions.py's build_menus.
    import_action: QAction
    reindex_action: QAction
    export_action: QAction
    quit_action: QAction
    recent_menu: QMenu
    find_action: QAction
    next_hit_action: QAction
    previous_hit_action: QAction
    copy_citation_action: QAction
    undo_action: QAction
    redo_action: QAction
    highlight_action: QAction
    tag_action: QAction
    jump_action: QAction
    edit_pages_action: QAction
    next_article_action: QAction
    previous_article_action: QAction
    back_action: QAction
    tab_actions: list[QAction]
    panel_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    zoom_reset_action: QAction
    reading_settings_action: QAction
    dark_action: QAction
    about_action: QAction
    language_group: QActionGroup
    language_actions: dict[str, QAction]

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
    #: a mutation's Changes were handed to every view
    changes_applied = Signal(object)

    def __init__(self, session_factory: Callable, settings: QSettings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Reader")
        self.session = None
        self._session_factory = session_factory
        self._settings = settings if settings is not None else settings_store()
        #: the language the window's texts are in (what a switch translates from)
        self._shown_language = translation.current_language()
        self.messages = MessageChannel(self)
        self.runner = OpRunner(self)
        self.progress = ProgressPresenter(self)
        self.ops = Operations(self.runner, self.messages, self.progress, self)
        self.state = WindowState(self)
        self.library_lock: LibraryLock | None = None
        #: read-only label, what opening found, the newest backup offered (library_rescue.py)
        self.rescue = LibraryRescue(self, self.runner, self.messages, self.open_library)
        #: logs uncaught exceptions in the library's logs/ folder; `run()` installs it
        self.crash_handler = CrashHandler(self.log_dir, self)
        self.crash_handler.crashed.connect(lambda sentence, _path: self.messages.error(sentence))
        self.choose_files = lambda: QFileDialog.getOpenFileNames(
            self, self.tr("导入文件"), "", self.tr("页面文本 (*.txt *.md);;所有文件 (*)"))[0]
        #: asks paper/date/page for the chosen files (a PageMeta; None: cancelled); tests replace it
        self.ask_import_options = lambda paths: _ask_import_options(self, len(paths))
        self.import_report: ImportReport | None = None
        #: shows what an import did, file by file (non-modal); tests may replace it
        self.show_import_report = self._show_import_report
        #: shows the about text (`about_text()`); tests replace it
        self.show_about = lambda text: QMessageBox.about(self, self.tr("关于 Reader"), text)
        self._build_widgets()
        self.commands = AnnotationCommands(self.ops, self.state, self.messages, self.pane,
                                           self.shown_view, self, self._settings)
        self.undo_commands = UndoCommands(self.ops, self.messages, self)
        self.reading_state = self.opener.reading_commands()
        self.reading_width = ReadingWidth(self.splitter, self.pane, self)
        #: the 更正 commands (context menu of the pane, the 更正 menu, their keys)
        self.corrections = CorrectionCommands(self.ops, self.state, self.messages, self.pane,
                                              self.show_article, self)
        #: 阅读设置: font, size, spacing, alignment, indent, punctuation (reading_settings.py)
        self.reading_settings = ReadingSettings(self._settings, self.set_typography,
                                                self.set_zoom, lambda: self.pane.zoom, self)
        build_menus(self)
        #: 文件 → 最近导入 (its menu is made by build_menus)
        self.recent_imports = RecentImports(self.ops, self.messages, self.recent_menu,
                                            self._show_logged_import, self)
        #: files and folders dropped on the window are imported (reader/ui/import_drop.py)
        self.import_drop = ImportDrop(self, self.import_paths, self._can_import, self.messages)
        self.ops.changed.connect(self.apply)
        self.ops.busy_changed.connect(self._busy_changed)
        self._restore_state()

    # -- building -----------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.search_bar = QLineEdit(self)
        self.search_bar.setClearButtonEnabled(True)
        self.search_bar.setPlaceholderText(self.tr(PREPARING_PLACEHOLDER))
        self.search_bar.setMinimumWidth(360)
        self.search_toolbar = toolbar = self.addToolBar(self.tr("搜索"))
        toolbar.setObjectName("search-toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search_bar)

        context = ViewContext(self.ops, self.state, self.messages)
        self.browse_tabs = QTabWidget(self)
        self.browse_tabs.setDocumentMode(True)
        #: the browsing views by key ("issues", "tags", …), in tab order (each has the
        #: methods reader/ui/navigator.py lists, not a common base class)
        self.views: dict[str, Any] = {}
        for entry in NAVIGATOR_VIEWS:
            view = entry.view(context, self)
            view.article_chosen.connect(self.show_article)
            self.browse_tabs.addTab(view, QCoreApplication.translate("MainWindow", entry.title))
            self.views[entry.key] = view
        self.browse_tabs.currentChanged.connect(lambda _tab: self.shown_view().shown())
        self.issues_view: IssuesView = self.views["issues"]
        self.tree, self.tree_model = self.issues_view.tree, self.issues_view.model
        self.tags_view, self.authors_view = self.views["tags"], self.views["authors"]
        self.notes_view = self.views["notes"]

        self.results_view = ResultsView(context, self)
        self.results_view.article_chosen.connect(
            lambda article_id: self.show_article(article_id, to_first_hit=True))
        self.results, self.results_model = self.results_view.list, self.results_view.model
        self.results_label = self.results_view.label

        self.navigator = QStackedWidget(self)
        self.navigator.addWidget(self.browse_tabs)
        self.navigator.currentChanged.connect(lambda _page: self.shown_view().shown()
                                              if self.navigator.currentIndex() == TREE_PAGE
                                              else None)

        self.pane = ArticleView(self)
        #: the centre: the article pane, or a whole page in its place (the tree's page rows)
        self.reading = PageReading(context, self.pane, self.issues_view.source, self)
        self.page_view = self.reading.view
        self.issues_view.page_chosen.connect(self.reading.show_page)
        self.panel = AnnotationPanel(context, self)
        self.panel.setMinimumWidth(200)
        self.panel.highlight_chosen.connect(self.pane.scroll_to_highlight)
        self.pane.highlight_requested.connect(self.panel.add_highlight)
        self.panel.serve(self.pane)
        self.panel.serve(self.page_view)
        self.pane.copy_with_citation_requested.connect(lambda: self.commands.copy_with_citation())
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.reading.stack)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        # Opening articles and the hit count (reading_wiring.py); the search bar, the results
        # page and its research tools (research_wiring.py).
        self.opener = ArticleOpener(self)
        self.hit_label = self.opener.hit_label
        self.messages.attach(self.statusBar())
        self.search_wiring = SearchWiring(self, toolbar)
        self.search: SearchController = self.search_wiring.controller
        self.research_page, self.search_tools = self.search_wiring.page, self.search_wiring.tools
        size_to_current_page(self.navigator)

    def shown_view(self) -> Any:
        """The navigator view on screen: the results page, or the current browsing tab."""
        if self.navigator.currentIndex() == RESULTS_PAGE:
            return self.results_view
        return self.browse_tabs.currentWidget()

    def about_text(self, counts: browsing.LibraryCounts | None = None) -> str:
        """Version, library folder and what the library holds, one fact a line."""
        lines = [self.tr("Reader {}：在自己的电脑上阅读、检索报纸版面。").format(reader.__version__)]
        paths = self.library_paths
        if paths is not None:
            lines.append(self.tr("书库：{}").format(paths.library_dir))
        if self.session is None:
            lines.append(self.tr("书库尚未打开。"))
        elif counts is not None:
            # One count a piece, so that each takes its own plural form.
            lines.append(self.tr("，").join([
                self.tr("%n 期", "", counts.issues), self.tr("%n 篇文章", "", counts.articles),
                self.tr("%n 个标签", "", counts.tags), self.tr("%n 条笔记", "", counts.notes),
                self.tr("%n 处划线", "", counts.highlights)]) + self.tr("。"))
        return "\n".join(lines)

    def about(self) -> None:
        """Show the about text, with what the library holds once that is read."""
        if self.session is None:
            self.show_about(self.about_text())
            return
        self.ops.query(browsing.library_counts,
                       lambda counts: self.show_about(self.about_text(counts)),
                       self.tr("无法读取书库统计"),
                       failed=lambda exc: (self.messages.failure(self.tr("无法读取书库统计"), exc),
                                           self.show_about(self.about_text())))

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
        restore_splitters(self, s, skip=self.splitter)
        self.set_typography(self.reading_settings.typography)
        self.set_zoom(window_settings.ZOOM.read(s))
        self.dark_action.setChecked(window_settings.DARK.read(s))
        self.set_dark(self.dark_action.isChecked())

    def save_state(self) -> None:
        s = self._settings
        window_settings.GEOMETRY.write(s, self.saveGeometry())
        window_settings.SPLITTER.write(s, self.splitter.saveState())
        save_splitters(self, s, skip=self.splitter)
        window_settings.ZOOM.write(s, self.pane.zoom)
        window_settings.DARK.write(s, self.dark_action.isChecked())
        if self.session is not None:  # a window that never opened its library keeps the old
            window_settings.LAST_ARTICLE.write(s, self.state.article_id)
            window_settings.EXPANDED_ISSUES.write(s, self.issues_view.expanded_keys())
            window_settings.NAVIGATOR_TAB.write(s, self.browse_tabs.currentIndex())
        s.sync()

    def _restore_reading(self) -> None:
        """Bring back the navigator tab and the article of the last session."""
        tab = window_settings.NAVIGATOR_TAB.read(self._settings)
        self.browse_tabs.setCurrentIndex(tab if tab < self.browse_tabs.count() else 0)
        article_id = window_settings.LAST_ARTICLE.read(self._settings)
        if article_id is not None:
            # An article deleted since is simply not shown again.
            self.show_article(article_id, quiet=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel.note_editor.flush()  # the note being typed is queued before anything closes
        self.reading_state.remember_place()
        self.save_state()
        self.crash_handler.uninstall()
        session, self.session = self.session, None
        if session is not None:
            # Closed on the worker, after every queued write (the note above) has run.
            self.runner.run(lambda _progress, _cancelled: session.close())
        self.runner.shutdown()
        self.ops.session = None
        if self.progress_dialog is not None:
            self.progress.finish()
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
        self.search_bar.setEnabled(False)
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
        self.search_bar.setEnabled(False)
        self.rescue.failed(exc)

    def close_session(self) -> None:
        """Let go of the session (the caller closes it on the worker) and the library's lock."""
        self.session = self.ops.session = None
        self._release_lock()

    def _library_opened(self, session) -> None:
        cancelled = self.progress.finish()
        self.session = session
        self.ops.session = session
        self.rescue.opened(session)
        self.panel.read_tag_names()
        self.undo_commands.update()

        def shown() -> None:
            self.import_action.setEnabled(True)
            self.reindex_action.setEnabled(True)
            papers = self.tree_model.rowCount()
            if cancelled:
                self.messages.warning(self.tr("导入已取消；下次打开时会接着导入。"))
            else:
                self.messages.info(self.tr("文库已打开：%n 种报纸。", "", papers))
            self._restore_reading()
            self.library_ready.emit()
            self.ops.mutate(lambda s: s.ensure_index(), self.tr("无法准备搜索"),
                            done=self._index_ready)

        self.issues_view.load(expand=window_settings.EXPANDED_ISSUES.read(self._settings),
                              done=shown)

    def _index_ready(self, report) -> None:
        self.search_bar.setEnabled(True)
        self.search_bar.setPlaceholderText(self.tr(SEARCH_PLACEHOLDER))
        if report.action != "none":
            self.messages.info(self.tr("搜索索引已更新，可以搜索了。"))
        self.search.set_ready(True)  # a query typed while the index was prepared runs now
        self.search_ready.emit()

    # -- changes ----------------------------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        """Hand what a mutation changed to every view; each redraws only what it shows."""
        for view in (*self.views.values(), self.results_view, self.panel, self.reading,
                     self.reading_state):
            view.apply(changes)
        article_id = self.state.article_id
        if article_id is not None and changes.touches(article_id) and (
                changes.annotations or changes.metadata or changes.structure):
            self.ops.query(lambda session: browsing.article(session, article_id),
                           self.state.update_article, self.tr("无法读取这篇文章"),
                           failed=lambda _exc: self.state.set_article(None)
                           if self.state.article_id == article_id else None)
        self.changes_applied.emit(changes)

    def _busy_changed(self, busy: bool) -> None:
        # While an import or a re-index holds the worker, a second one cannot start.
        self.import_action.setEnabled(not busy and self.session is not None)
        self.reindex_action.setEnabled(not busy and self.session is not None)

    # -- re-indexing ----------------------------------------------------------------------

    def reindex(self) -> None:
        """Rebuild the search index from the library, in the background, with progress."""
        if self.session is None:
            return
        self.search_bar.setEnabled(False)
        self.ops.mutate(lambda session, progress, cancelled: session.reindex(progress, cancelled),
                        self.tr("无法重建索引"), done=self._reindexed,
                        failed=lambda exc: (self.search_bar.setEnabled(True),
                                            self.messages.failure(self.tr("无法重建索引"), exc)),
                        progress=self.tr("正在重建搜索索引…"))

    def _reindexed(self, report) -> None:
        self.search_bar.setEnabled(True)
        if report.action == "cancelled":
            self.messages.warning(self.tr("已取消重建索引；索引保持原样，下次打开时会再检查。"))
        else:
            self.messages.info(self.tr("搜索索引已重建：%n 篇。", "", report.added))
        self.reindex_finished.emit(report)

    # -- importing ------------------------------------------------------------------------

    def import_files(self) -> None:
        if self.session is None:
            return
        paths = list(self.choose_files() or [])
        if paths:
            self.import_paths(paths)

    def _can_import(self) -> bool:
        return self.session is not None and self.import_action.isEnabled()

    def import_paths(self, paths: list[str]) -> None:
        """Import files and folders (chosen in 导入文件…, or dropped on the window): the
        import options, then the import with progress, then its report."""
        if self.session is None or not paths:
            return
        given = self.ask_import_options(paths)
        if given is None:
            return

        def write(session, progress, cancelled):
            from reader.app.importing import ImportOutcome

            return ImportOutcome.of(session.import_paths(
                paths, progress=progress, cancelled=cancelled, given=given or None))

        self.ops.mutate(
            write,
            self.tr("导入失败"), done=self._imported,
            progress=self.tr("正在导入…"), item_format=self.tr("正在导入：{}"))

    def _imported(self, outcome: ImportOutcome) -> None:
        results = outcome.results
        failures, sentence = import_summary(results)
        (self.messages.error if failures else self.messages.info)(sentence)
        self.show_import_report(results)
        self.recent_imports.refresh()
        self.import_finished.emit(results)

    def _show_import_report(self, results) -> None:
        if self.import_report is None:
            self.import_report = ImportReport(self)
        self.import_report.setWindowTitle(QCoreApplication.translate("ImportReport", "导入结果"))
        self.import_report.set_results(results)
        self.import_report.show()

    def _show_logged_import(self, logged, title: str) -> None:
        """An earlier import's report, from 文件 → 最近导入."""
        self.show_import_report(list(logged.results))
        if self.import_report is not None:
            self.import_report.setWindowTitle(title)

    # -- reading --------------------------------------------------------------------------

    def show_article(self, article_id: int, to_first_hit: bool = False, quiet: bool = False
                     ) -> None:
        """Open an article (read on the worker); `to_first_hit` selects its first search hit."""
        self.opener.show_article(article_id, to_first_hit, quiet)

    def step_article(self, delta: int) -> None:
        """Open the next (delta 1) or previous (-1) article in the navigator."""
        if self.navigator.currentIndex() == RESULTS_PAGE:
            self.results_view.step(delta)
        else:
            self.issues_view.step(delta)

    # -- searching ------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_bar.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_bar.selectAll()

    def show_browse_tab(self, tab: int) -> None:
        self.navigator.setCurrentIndex(TREE_PAGE)
        self.browse_tabs.setCurrentIndex(tab)

    def show_tree(self) -> None:
        """Esc: back to the browsing tabs, the search marks and hit count put away."""
        self.navigator.setCurrentIndex(TREE_PAGE)
        self.pane.clear_hits()
        if self.search_bar.hasFocus():
            self.tree.setFocus()

    def set_language(self, code: str) -> None:
        """Remember the interface language and switch to it at once."""
        if code in dict(LANGUAGES):
            from reader.ui.retranslation import switch_language  # loaded when first used

            switch_language(self, code)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        # Qt sends this to every widget when a translator comes or goes.
        if event.type() == QEvent.Type.LanguageChange:  # say every text again
            from reader.ui.retranslation import retranslate_window  # loaded when first used

            self._shown_language = retranslate_window(self, self._shown_language)
        super().changeEvent(event)

    # -- view ------------------------------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        self.pane.set_zoom(steps)
        self.reading.set_zoom(steps)
        self.reading_settings.zoom_shown(self.pane.zoom)
        self.reading_width.fit()  # a larger font needs a wider pane: the side panes give way

    def set_typography(self, typography) -> None:
        """Typeset the pane and the page view with the reader's 阅读设置."""
        self.pane.set_typography(typography)
        self.reading.set_typography(typography)

    def set_dark(self, dark: bool) -> None:
        self.dark_action.setChecked(bool(dark))
        self.pane.set_dark(bool(dark))
        self.reading.set_dark(bool(dark))
        QApplication.setPalette(dark_palette() if dark else QApplication.style().standardPalette())
        # Qt keeps the tooltips' palette apart once a tooltip has been shown: set it too.
        QToolTip.setPalette(QApplication.palette())


def _ask_import_options(window: MainWindow, count: int):
    # The dialog (and the page-metadata parser it checks dates with) loads when first
    # asked for, not with the window (issue 17).
    from reader.ui.import_options import ask_import_options

    return ask_import_options(window, count)


__all__ = ["MainWindow"]
