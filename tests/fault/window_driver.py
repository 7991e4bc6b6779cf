"""The window, typed into without pause until killed (`kills.py` drives it).

    python -m tests.fault.window_driver LIBRARY SEED

Opens the real window offscreen, opens the first article, then loops: types a
tag into the tag field and presses Enter; once the tag's chip shows (the write
returned) prints "committed tag ARTICLE NAME"; types a query into the search bar
key by key (each key schedules a search) and a few characters of a note.
"""

from __future__ import annotations

import os
import random
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERIES = ["红色物业", "党建 引领", "tag:键入", "社区 NOT 物业", "“一池春水”", "网格员"]


def main(library: str, seed: int) -> int:
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.main import session_factory
    from reader.ui.window import MainWindow
    from tests.ui.conftest import type_text

    chance = random.Random(seed)
    app = QApplication(sys.argv[:1])
    settings = QSettings(os.path.join(library, "driver.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session_factory(library), settings=settings)
    state = {"step": 0, "waiting": None, "article": None}

    def select_first() -> None:
        model = window.tree_model
        window.issues_view.after_rows(model.issue_at(0).id, lambda: window.tree.setCurrentIndex(
            model.index(0, 0, model.index(0, 0))))

    def started(article_id: int) -> None:
        window.article_shown.disconnect(started)
        state["article"] = article_id
        print("ready", flush=True)
        QTimer.singleShot(0, tick)

    def tick() -> None:
        editor = window.panel.tag_editor
        waiting = state["waiting"]
        if waiting is not None:
            if waiting not in editor.chips:
                QTimer.singleShot(5, tick)
                return
            print(f"committed tag {state['article']} {waiting}", flush=True)
            state["waiting"] = None
        state["step"] += 1
        name = f"键入{seed}_{state['step']}"
        editor.field.setFocus()
        type_text(editor.field, name)
        # Enter through a key event, as the user presses it
        from PySide6.QtTest import QTest
        QTest.keyClick(editor.field, Qt.Key.Key_Return)
        state["waiting"] = name
        window.search_bar.setFocus()
        window.search_bar.clear()
        type_text(window.search_bar, chance.choice(QUERIES))
        window.panel.note_editor.setFocus()
        type_text(window.panel.note_editor, f"笔{state['step']}")
        QTimer.singleShot(chance.randrange(1, 30), tick)

    # Killed long before this; the limit keeps an orphan (its test run died) from
    # typing for ever.
    QTimer.singleShot(300_000, app.quit)
    window.article_shown.connect(started)
    window.library_ready.connect(lambda: QTimer.singleShot(0, select_first))
    window.show()
    QTimer.singleShot(0, window.open_library)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
