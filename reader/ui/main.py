"""Starting the window: `run(library_dir)` is what `reader` with no subcommand calls."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader.app import Session
from reader.paths import Paths, resolve_paths, resource_path
from reader.progress import Cancelled, Progress
from reader.ui.platform_check import platform_problem
from reader.ui.settings import settings_store
from reader.ui.translation import install_translation
from reader.ui.window import MainWindow

#: The application id of packaging/linux's .desktop and metainfo files.
DESKTOP_ID = "io.github.zhreader.Reader"
QUIT_WHEN_READY_ENV = "READER_QUIT_WHEN_READY"


@dataclass(frozen=True)
class SessionOpener:
    """Opens the session (importing the seeds on first run) with progress; called on a worker.

    `paths` is known before the library opens: the window locks the library and
    logs crashes there.
    """

    paths: Paths

    def __call__(self, progress: Progress, cancelled: Cancelled) -> Session:
        return Session.open(self.paths, progress, cancelled)


def session_factory(library_dir: str | None) -> SessionOpener:
    """The `SessionOpener` for `--library DIR`, else READER_LIBRARY, else the default folder."""
    return SessionOpener(resolve_paths(library_dir))


def run(library_dir: str | None = None) -> int:
    """Show the main window at once, open the library behind it, run the event loop."""
    # Qt aborts with a page about plugins when it cannot start; say why in one sentence.
    problem = None if QApplication.instance() else platform_problem()
    if problem:
        print(f"reader: {problem}", file=sys.stderr)
        return 1
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
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
