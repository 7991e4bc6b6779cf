"""Starting the window: `run(library_dir)` is what `reader` with no subcommand calls.

The start-up order (issue 17: window shown ≤ 0.4 s, first answer ≤ 1.0 s from spawn):

1. Qt and the window's own modules load; nothing of the library, ingest, search or
   export layers that the window does not draw with (`reader.app.session`, sqlite-utils,
   the parser, jieba, Whoosh, pypinyin, markdown-it, citeproc: tests/ui/test_startup.py).
2. The main window's frame is built and shown (the menus' titles, its search bar focused
   and already taking keys, the navigator's tab titles, empty panes).
3. After its first paint (`after_first_paint`), `open_library` starts on the worker (it
   imports the session and opens the library; the tree's first level is read; then the
   index is brought in step: jieba's dictionary, Whoosh) while the views, the menus'
   contents and the commands are built here (reader/ui/window_views.py).  A query typed before that is
   held by the search controller, shown as 正在准备搜索…, and answered when search is ready.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from reader.paths import Paths, resolve_paths, resource_path
from reader.progress import Cancelled, Progress
from reader.ui.settings import settings_store
from reader.ui.translation import install_translation
from reader.ui.window import MainWindow

if TYPE_CHECKING:
    from reader.app.session import Session

#: The application id of packaging/linux's .desktop and metainfo files.
DESKTOP_ID = "io.github.zhreader.Reader"
QUIT_WHEN_READY_ENV = "READER_QUIT_WHEN_READY"
#: If no paint comes (a window that is never exposed), the library still opens after this.
FIRST_PAINT_WAIT_MS = 500
#: The cycle collector `reader.cli.pause_collector` paused runs again with the first answer,
#: or this long after the window was shown (no query typed, the library failed to open).
RESUME_COLLECTOR_MS = 5000


@dataclass(frozen=True)
class SessionOpener:
    """Opens the session (importing the seeds on first run) with progress; called on a worker.

    `paths` is known before the library opens: the window locks the library and
    logs crashes there.
    """

    paths: Paths

    def __call__(self, progress: Progress, cancelled: Cancelled) -> Session:
        # Imported here, on the worker, after the window's first paint: the session brings
        # the library, ingest, search and export layers (most of Reader's import time).
        from reader.app.session import Session

        # The day's backup on a thread of its own: at archive scale it takes a minute.
        return Session.open(self.paths, progress, cancelled, backup_in_background=True)


def session_factory(library_dir: str | None) -> SessionOpener:
    """The `SessionOpener` for `--library DIR`, else READER_LIBRARY, else the default folder."""
    return SessionOpener(resolve_paths(library_dir))


class _FirstPaint(QObject):
    """Calls `then` once, just after `widget` is first painted (or after a short wait)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]):
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        # A child timer, not QTimer.singleShot(ms, self, slot): PySide6 6.6 (the lowest
        # allowed) takes a context object only with a SLOT() string.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._timer.start(FIRST_PAINT_WAIT_MS)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            # Run when the event loop next turns: this paint finishes and reaches the screen
            # before the worker starts importing (which would take the GIL from it).
            self._timer.start(0)
        return False

    def _fire(self) -> None:
        if self._then is None:
            return
        then, self._then = self._then, None
        self._widget.removeEventFilter(self)
        then()


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Run `then` once the shown `widget` has been painted (within FIRST_PAINT_WAIT_MS)."""
    _FirstPaint(widget, then)


def start(library_dir: str | None = None, settings: QSettings | None = None) -> MainWindow:
    """Set up the application, show the main window with its search bar focused, and open
    the library after the first paint.  `run` calls it; so does the start-up benchmark."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("Reader")
    app.setApplicationName("Reader")
    app.setApplicationDisplayName("Reader")
    app.setDesktopFileName(DESKTOP_ID)  # lets Wayland docks match packaging/linux's icon
    app.setWindowIcon(QIcon(str(resource_path("icons", "reader-256.png"))))
    settings = settings if settings is not None else settings_store()
    install_translation(settings, app)
    window = MainWindow(session_factory(library_dir), settings=settings)
    window.crash_handler.install()
    window.show()
    # Focused for typing, with no reason given: Qt's enums (20 ms on first use) wait until
    # after the first paint (`focus_search`, Ctrl+K, says it is the shortcut).
    window.search_bar.setFocus()

    def painted() -> None:
        # The library opens on the worker while the views, the menus' contents and the
        # commands are built here (window_views.py; `open_library` builds them).
        window.open_library()
        window.search.answered.connect(lambda _text, _outcome: resume_collector())

    after_first_paint(window, painted)
    # The window's own timer: it goes with the window (a test's window does not reach into
    # the next test's start).
    fallback = QTimer(window)
    fallback.setSingleShot(True)
    fallback.timeout.connect(resume_collector)
    fallback.start(RESUME_COLLECTOR_MS)
    return window


def resume_collector() -> None:
    """Run the cycle collector again (once) after `reader.cli.pause_collector`.

    What the start made (modules, widgets, the index's tables) lives as long as the window:
    it is moved out of the collector's sight (`gc.freeze`), or its first pass would walk all
    of it (30 ms) and every full pass after that again.  Cycles among those objects that
    die later are not collected; the start makes few."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run(library_dir: str | None = None,
        check: Callable[[], str | None] | None = None) -> int:
    """Show the main window at once, open the library behind it, run the event loop.

    `check` says why Qt's window system plugin cannot start (`platform_check.early_check`,
    begun by `reader.cli.main` before this module was imported); None: asked here."""
    if check is None:
        from reader.ui.platform_check import platform_problem  # subprocess, socket: here only

        check = platform_problem
    # Qt aborts with a page about plugins when it cannot start; say why in one sentence.
    problem = None if QApplication.instance() else check()
    if problem:
        print(f"reader: {problem}", file=sys.stderr)
        return 1
    window = start(library_dir)
    if os.environ.get(QUIT_WHEN_READY_ENV):  # packaging/smoke.sh: open, load the library, quit
        window.library_ready.connect(lambda: QTimer.singleShot(300, window.close))
    return QApplication.exec()
