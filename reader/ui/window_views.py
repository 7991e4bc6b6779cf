"""The main window's views and commands, built just after its first paint (issue 17).

`MainWindow` draws its first frame with what is seen at once: the menus'
titles, the search bar, the navigator's tab titles over an empty page and an
empty reading pane and side panel (reader/ui/window.py `_build_frame`).  Then
`build_views(window)` makes everything else: the browsing views, the results
and research page, the article pane and page view, the annotation panel, the
commands and the menus' contents, the search controller; the views take the
places the first frame held for them.  Its imports (the views, the browsing
layer's dataclasses, the list delegate, the pane's document builder: ~150 ms)
come here, after the window is on screen.

`MainWindow.finish_building` calls it once: after the first paint (`open_library`
starts with it), or when anything asks for one of these attributes sooner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from reader.ui import settings as window_settings
from reader.ui.actions import build_menus
from reader.ui.annotation_commands import AnnotationCommands
from reader.ui.annotation_panel import AnnotationPanel
from reader.ui.article_view import ArticleView
from reader.ui.correction_commands import CorrectionCommands
from reader.ui.import_commands import ImportCommands
from reader.ui.navigator import NAVIGATOR_VIEWS, ViewContext, size_to_current_page
from reader.ui.page_view import PageReading
from reader.ui.reading_settings import ReadingSettings
from reader.ui.reading_width import ReadingWidth
from reader.ui.reading_wiring import ArticleOpener
from reader.ui.research_wiring import TREE_PAGE, SearchWiring
from reader.ui.results_view import ResultsView
from reader.ui.splitter_state import restore_splitters
from reader.ui.undo_commands import UndoCommands
from reader.ui.window_state import WindowState

if TYPE_CHECKING:
    from reader.ui.window import MainWindow


def build_views(window: MainWindow) -> None:
    """Build `window`'s views and commands into the places its first frame holds."""
    window.state = WindowState(window)
    context = ViewContext(window.ops, window.state, window.messages)
    _build_navigator(window, context)
    _build_reading(window, context)

    # Opening articles and the hit count (reading_wiring.py); the search bar, the results
    # page and its research tools (research_wiring.py).
    window.opener = ArticleOpener(window)
    window.hit_label = window.opener.hit_label
    window.search_wiring = SearchWiring(window, window.search_toolbar)
    window.search = window.search_wiring.controller
    window.research_page = window.search_wiring.page
    window.search_tools = window.search_wiring.tools
    size_to_current_page(window.navigator)
    if window.search_bar.text():  # typed before the controller listened: search it
        window.search_bar.textEdited.emit(window.search_bar.text())

    window.commands = AnnotationCommands(window.ops, window.state, window.messages, window.pane,
                                         window.shown_view, window, window._settings)
    window.undo_commands = UndoCommands(window.ops, window.messages, window)
    window.reading_state = window.opener.reading_commands()
    window.reading_width = ReadingWidth(window.splitter, window.pane, window)
    #: the 更正 commands (context menu of the pane, the 更正 menu, their keys)
    window.corrections = CorrectionCommands(window.ops, window.state, window.messages,
                                            window.pane, window.show_article, window)
    #: 阅读设置: font, size, spacing, alignment, indent, punctuation (reading_settings.py)
    window.reading_settings = ReadingSettings(window._settings, window.set_typography,
                                              window.set_zoom, lambda: window.pane.zoom, window)
    build_menus(window, window.top_menus)
    window.importing = ImportCommands(window, window.recent_menu)
    window.recent_imports = window.importing.recent
    window.ops.changed.connect(window.apply)
    window.ops.busy_changed.connect(window._busy_changed)

    settings = window._settings
    restore_splitters(window, settings, skip=window.splitter)
    window.set_typography(window.reading_settings.typography)
    window.set_zoom(window_settings.ZOOM.read(settings))
    window.set_dark(window_settings.DARK.read(settings))


def _build_navigator(window: MainWindow, context: ViewContext) -> None:
    """The browsing tabs and the results view, in place of the first frame's tabs."""
    tabs = QTabWidget(window)
    tabs.setDocumentMode(True)
    #: the browsing views by key ("issues", "tags", …), in tab order (each has the
    #: methods reader/ui/navigator.py lists, not a common base class)
    window.views = {}
    for entry in NAVIGATOR_VIEWS:
        view = entry.view(context, window)
        view.article_chosen.connect(window.show_article)
        tabs.addTab(view, QCoreApplication.translate("MainWindow", entry.title))
        window.views[entry.key] = view
    placeholder = window.navigator.currentWidget()  # the first frame's tab titles
    window.navigator.insertWidget(TREE_PAGE, tabs)
    window.navigator.setCurrentIndex(TREE_PAGE)
    if placeholder is not None:
        window.navigator.removeWidget(placeholder)
        placeholder.deleteLater()
    window.browse_tabs = tabs
    tabs.currentChanged.connect(lambda _tab: window.shown_view().shown())
    window.issues_view = window.views["issues"]
    window.tree, window.tree_model = window.issues_view.tree, window.issues_view.model
    window.tags_view, window.authors_view = window.views["tags"], window.views["authors"]
    window.notes_view = window.views["notes"]

    window.results_view = ResultsView(context, window)
    window.results_view.article_chosen.connect(
        lambda article_id: window.show_article(article_id, to_first_hit=True))
    window.results, window.results_model = window.results_view.list, window.results_view.model
    window.results_label = window.results_view.label
    window.navigator.currentChanged.connect(
        lambda _page: window.shown_view().shown()
        if window.navigator.currentIndex() == TREE_PAGE else None)


def _build_reading(window: MainWindow, context: ViewContext) -> None:
    """The article pane (or a whole page in its place) and the annotation panel."""
    window.pane = ArticleView(window)
    #: the centre: the article pane, or a whole page in its place (the tree's page rows)
    window.reading = PageReading(context, window.pane, window.issues_view.source, window)
    window.page_view = window.reading.view
    window.issues_view.page_chosen.connect(window.reading.show_page)
    window.panel = AnnotationPanel(context, window)
    window.panel.setMinimumWidth(200)
    window.panel.highlight_chosen.connect(window.pane.scroll_to_highlight)
    window.pane.highlight_requested.connect(window.panel.add_highlight)
    window.panel.serve(window.pane)
    window.panel.serve(window.page_view)
    window.pane.copy_with_citation_requested.connect(
        lambda: window.commands.copy_with_citation())
    for index, widget in ((1, window.reading.stack), (2, window.panel)):
        blank = window.splitter.replaceWidget(index, widget)
        if blank is not None:
            blank.deleteLater()
    window.splitter.setStretchFactor(1, 1)  # held by the widget's size policy: say it again


__all__ = ["build_views"]
