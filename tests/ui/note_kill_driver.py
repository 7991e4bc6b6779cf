"""Type a note in the real window, then wait to be killed (test_note_kill.py drives it).

Argument: the library folder.  The driver opens the window offscreen,
selects the first article, types PART_ONE, waits until the editor has
written it (the debounce fired), types PART_TWO and prints "typed" with no
pause: the parent kills the process with SIGKILL before the debounce can
write PART_TWO.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PART_ONE = "杀掉进程之前写下的笔记"
PART_TWO = "，这半句还在防抖间隔里"


def main(library: str) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.main import session_factory
    from reader.ui.window import MainWindow
    from tests.ui.conftest import type_text

    app = QApplication(sys.argv[:1])
    settings = QSettings(os.path.join(library, "driver.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session_factory(library), settings=settings)

    def select_first() -> None:
        # J with nothing chosen: the tree opens its way down to the first article (each
        # level is read on the window's worker) and selects it.
        window.issues_view.step(1)

    def start_typing(article_id: int) -> None:
        window.article_shown.disconnect(start_typing)
        print(f"article {article_id}", flush=True)
        window.panel.note_editor.setFocus()
        type_text(window.panel.note_editor, PART_ONE)

    def written(_article_id: int) -> None:
        window.panel.note_editor.saved.disconnect(written)
        type_text(window.panel.note_editor, PART_TWO)
        print("typed", flush=True)

    window.panel.note_editor.saved.connect(written)
    window.article_shown.connect(start_typing)
    window.library_ready.connect(lambda: QTimer.singleShot(0, select_first))
    window.show()
    QTimer.singleShot(0, window.open_library)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
