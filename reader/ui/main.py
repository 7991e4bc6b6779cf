"""Starting the window: `run(library_dir)` is what `reader` with no subcommand calls."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader.app import Session
from reader.paths import resolve_paths, resource_path
from reader.ui import none_refs
from reader.ui.platform_check import platform_problem
from reader.ui.settings import settings_store
from reader.ui.translation import install_translation
from reader.ui.window import MainWindow

#: The application id of packaging/linux's .desktop and metainfo files.
DESKTOP_ID = "io.github.zhreader.Reader"
QUIT_WHEN_READY_ENV = "READER_QUIT_WHEN_READY"


def session_factory(library_dir: str | None):
    """A callable that opens the session (importing the seeds on first run) with progress."""
    paths = resolve_paths(library_dir)

    def open_session(progress, cancelled) -> Session:
        return Session.open(paths, progress, cancelled)

    open_session.paths = paths  # the window locks the library and logs crashes there
    return open_session


def run(library_dir: str | None = None) -> int:
    """Show the main window at once, open the library behind it, run the event loop."""
    # Qt aborts with a page about plugins when it cannot start; say why in one sentence.
    problem = None if QApplication.instance() else platform_problem()
    if problem:
        print(f"reader: {problem}", file=sys.stderr)
        return 1
    none_refs.top_up()  # PySide6 6.12.0 on Python 3.11 loses them (see reader.ui.none_refs)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    refill = QTimer(app)
    refill.timeout.connect(none_refs.top_up)
    refill.start(1000)
    app.setOrganizationName("Reader")
    app.setApplicationName("Reader")
    app.setApplicationDisplayName("Reader")
    app.setDesktopFileName(DESKTOP_ID)  # lets Wayland docks match packaging/linux's icon
    app.setWindowIcon(QIcon(str(resource_path("icons", "reader-256.png"))))
    settings = settings_store()
    install_translation(settings, app)
    window = MainWindow(session_factory(library_dir), settings=settings)
    window.crash_handler.install()
    window.show()
    if os.environ.get(QUIT_WHEN_READY_ENV):  # packaging/smoke.sh: open, load the library, quit
        window.library_ready.connect(lambda: QTimer.singleShot(300, window.close))
    QTimer.singleShot(0, window.open_library)
    return app.exec()
