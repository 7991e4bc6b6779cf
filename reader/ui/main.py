"""Starting the window: `run(library_dir)` is what `reader` with no subcommand calls."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.app import Session
from reader.paths import resolve_paths
from reader.ui.translation import install_translation
from reader.ui.window import MainWindow, settings_store


def session_factory(library_dir: str | None):
    """A callable that opens the session (importing the seeds on first run) with progress."""
    paths = resolve_paths(library_dir)

    def open_session(progress, cancelled) -> Session:
        return Session.open(paths, progress, cancelled)

    open_session.paths = paths  # the window locks the library and logs crashes there
    return open_session


def run(library_dir: str | None = None) -> int:
    """Show the main window at once, open the library behind it, run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Reader")
    app.setApplicationName("Reader")
    app.setApplicationDisplayName("Reader")
    settings = settings_store()
    install_translation(settings, app)
    window = MainWindow(session_factory(library_dir), settings=settings)
    window.crash_handler.install()
    window.show()
    QTimer.singleShot(0, window.open_library)
    return app.exec()
