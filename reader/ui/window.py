"""The main window: search bar, navigator (browsing views or search results), article pane.

The window owns no library logic and never reads the library itself: it
opens a `Session` through the `session_factory` it is given, on the worker
of an `OpRunner`, and from then on every read is a query and every write a
mutation of `Operations` (reader/ui/operations.py), on that worker.  A
mutation's `Changes` come back to `apply`, which hands them to every view;
each view redraws what it shows.  What the views show of "now" (the open
article, the query and its hits, the navigator's pick) is one
`WindowState`.  The browsing views are declared once in
`reader/ui/navigator.py`.  The first paint draws only the window's frame
(`_build_frame`); its views and commands are built right after it
(reader/ui/window_views.py, `finish_building`), or when one is first asked for.

Window state (geometry, splitter, zoom, theme, language, the open article,
the expanded issues, the navigator tab) lives in QSettings, each setting
declared in `reader.ui.settings`; nothing else does.  Dialogs that would
block a test (file chooser, import options, about box, import report) are
attributes (`choose_files`, `ask_import_options`, `show_about`,
`show_import_report`) that tests replace; importing itself is reader/ui/import_commands.py.
The window takes the library's `reader.lock` before
opening it, and its `crash_handler` (installed by `main.run`) logs uncaught
exceptions to the library's `logs/` folder.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
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
from reader.ui import settings as window_settings
from reader.ui import translation
from reader.ui.actions import menu_titles
from reader.ui.crash import CrashHandler
from reader.ui.import_commands import ask_import_options, choose_files
from reader.ui.library_rescue import LibraryRescue
from reader.ui.lock import LibraryLock
from reader.ui.messages import MessageChannel
from reader.ui.navigator import (
    NAVIGATOR_VIEWS,
    PREPARING_SEARCH,
    RESULTS_PAGE,
    TREE_PAGE,
    entry_index,
)
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.operations import Operations
from reader.ui.ops import OpRunner
from reader.ui.progress import ProgressPresenter
from reader.ui.settings import settings_store
from reader.ui.splitter_state import save_splitters
from reader.ui.theme import dark_palette
from reader.ui.translation import LANGUAGES

if TYPE_CHECKING:  # built after the first paint (reader/ui/window_views.py)
    from reader.app.browsing import LibraryCounts
    from reader.app.changes import Changes
    from reader.ui.annotation_commands import AnnotationCommands
    from reader.ui.annotation_panel import AnnotationPanel
    from reader.ui.article_view import ArticleView
    from reader.ui.correction_commands import CorrectionCommands
    from reader.ui.import_commands import ImportCommands
    from reader.ui.import_report import ImportReport
    from reader.ui.issues_view import IssuesView
    from reader.ui.page_view import PageReading
    from reader.ui.reading_commands import ReadingCommands
    from reader.ui.reading_settings import ReadingSettings
    from reader.ui.reading_width import ReadingWidth
    from reader.ui.reading_wiring import ArticleOpener
    from reader.ui.recent_imports import RecentImports
    from reader.ui.research_page import ResearchPage
    from reader.ui.research_wiring import SearchWiring
    from reader.ui.results_view import ResultsView
    from reader.ui.search import SearchController
    from reader.ui.search_tools import SearchTools
    from reader.ui.undo_commands import UndoCommands
    from reader.ui.window_state import WindowState

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
    # Set by reader/ui/window_views.py's build_views, after the first paint.
    state: WindowState
    views: dict[str, Any]
    browse_tabs: QTabWidget
    issues_view: IssuesView
    tree: Any
    tree_model: Any
    tags_view: Any
    authors_view: Any
    notes_view: Any
    results_view: ResultsView
    results: Any
    results_model: Any
    results_label: Any
    pane: ArticleView
    reading: PageReading
    page_view: Any
    panel: AnnotationPanel
    opener: ArticleOpener
    hit_label: Any
    search_wiring: SearchWiring
    search: SearchController
    research_page: ResearchPage
    search_tools: SearchTools
    commands: AnnotationCommands
    undo_commands: UndoCommands
    reading_state: ReadingCommands
    reading_width: ReadingWidth
    corrections: CorrectionCommands
    reading_settings: ReadingSettings
    #: 导入文件…, drops, 最近导入 (reader/ui/import_commands.py)
    importing: ImportCommands
    recent_imports: RecentImports

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
        self.library_lock: LibraryLock | None = None
        #: read-only label, what opening found, the newest backup offered (library_rescue.py)
        self.rescue = LibraryRescue(self, self.runner, self.messages, self.open_library)
        #: logs uncaught exceptions in the library's logs/ folder; `run()` installs it
        self.crash_handler = CrashHandler(self.log_dir, self)
        self.crash_handler.crashed.connect(lambda sentence, _path: self.messages.error(sentence))
        #: the import's file chooser, options and report (import_commands.py); tests replace them
        self.choose_files = lambda: choose_files(self)
        #: asks paper/date/page for the chosen files (a PageMeta; None: cancelled)
        self.ask_import_options = lambda paths: ask_import_options(self, len(paths))
        #: shows what an import did, file by file (non-modal)
        self.show_import_report = lambda results: self.importing.show_report(results)
        #: shows the about text (`about_text()`); tests replace it
        self.show_about = lambda text: QMessageBox.about(self, self.tr("关于 Reader"), text)
        #: the views and commands are built after the first paint (`finish_building`)
        self._built = False
        self._build_frame()
        self._restore_frame()

    # -- building -----------------------------------------------------------------------

    def _build_frame(self) -> None:
        """What the first paint shows: the menus' titles, the search bar, the navigator's
        tab titles, an empty reading pane and side panel (reader/ui/window_views.py
        builds what fills them)."""
        self.search_bar = QLineEdit(self)
        self.search_bar.setClearButtonEnabled(True)
        self.search_bar.setPlaceholderText(self.tr(PREPARING_PLACEHOLDER))
        self.search_bar.setMinimumWidth(360)
        self.search_toolbar = toolbar = self.addToolBar(self.tr("搜索"))
        toolbar.setObjectName("search-toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search_bar)
        self.top_menus = menu_titles(self.menuBar())

        tabs = QTabWidget(self)
        tabs.setDocumentMode(True)
        for entry in NAVIGATOR_VIEWS:
            tabs.addTab(_blank(self), QCoreApplication.translate("MainWindow", entry.title))
        self.navigator = QStackedWidget(self)
        self.navigator.addWidget(tabs)
        self.splitter = QSplitter(parent=self)  # horizontal (by keyword: no Qt enum needed)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(_blank(self))
        panel = QWidget(self)  # the annotation panel is drawn on the window's colour
        panel.setMinimumWidth(200)  # the annotation panel's
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.messages.attach(self.statusBar())

    def finish_building(self) -> None:
        """Build the views and commands (once): after the first paint, or when first asked."""
        if self._built:
            return
        self._built = True
        from reader.ui.window_views import build_views

        build_views(self)

    if not TYPE_CHECKING:
        def __getattr__(self, name: str):
            # A view or command asked for before `finish_building` ran is built now.
            if name.startswith("__") or self.__dict__.get("_built", True):
                raise AttributeError(name)
            self.finish_building()
            return getattr(self, name)

    def shown_view(self) -> Any:
        """The navigator view on screen: the results page, or the current browsing tab."""
        if self.navigator.currentIndex() == RESULTS_PAGE:
            return self.results_view
        return self.browse_tabs.currentWidget()

    def about_text(self, counts: LibraryCounts | None = None) -> str:
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
        from reader.app import browsing

        self.ops.query(browsing.library_counts,
                       lambda counts: self.show_about(self.about_text(counts)),
                       self.tr("无法读取书库统计"),
                       failed=lambda exc: (self.messages.failure(self.tr("无法读取书库统计"), exc),
                                           self.show_about(self.about_text())))

    # -- window state -------------------------------------------------------------------

    def _restore_frame(self) -> None:
        """The window's size, its splitter and its theme, before the first paint (the rest
        of what is restored comes with the views: reader/ui/window_views.py)."""
        s = self._settings
        geometry = window_settings.GEOMETRY.read(s)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        splitter = window_settings.SPLITTER.read(s)
        if splitter is None or not self.splitter.restoreState(splitter) \
                or len(self.splitter.sizes()) != 3 or not self.splitter.sizes()[2]:
            self.splitter.setSizes([420, 760, 300])
        if window_settings.DARK.read(s):
            _set_palette(True)

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
        """Open the session off the UI thread; a first run imports the seeds with progress.
        The views are built (`finish_building`) while the worker opens it."""
        paths = self.library_paths
        if paths is not None and not self._lock_library(paths.library_dir):
            self.finish_building()
            return
        factory = self._session_factory
        op = self.runner.run(
            lambda progress, cancelled: factory(progress, cancelled),
            on_done=self._library_opened,
            on_failed=lambda exc: self._open_failed(exc),
            on_progress=self.progress.update,
        )
        # Its answer comes through the event loop, after this: the views are there for it.
        self.finish_building()
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
        from reader.app import browsing

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

    # -- importing (reader/ui/import_commands.py) -----------------------------------------

    def import_files(self) -> None:
        self.importing.import_files()

    def import_paths(self, paths: list[str]) -> None:
        self.importing.import_paths(paths)

    @property
    def import_report(self) -> ImportReport | None:
        return self.importing.report

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
        from PySide6.QtCore import Qt  # its namespace: 20 ms, after the first paint

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
        _set_palette(bool(dark))


def _set_palette(dark: bool) -> None:
    QApplication.setPalette(dark_palette() if dark else QApplication.style().standardPalette())
    # Qt keeps the tooltips' palette apart once a tooltip has been shown: set it too.
    QToolTip.setPalette(QApplication.palette())


def _blank(parent: QWidget) -> QWidget:
    """A place held in the first frame for a view built after it (drawn as an empty list)."""
    blank = QWidget(parent)
    blank.setBackgroundRole(QPalette.ColorRole.Base)
    blank.setAutoFillBackground(True)
    return blank


__all__ = ["MainWindow"]
