"""GUI test fixtures: offscreen Qt, settings in a temporary folder, a seeded library copy.

Tests never touch the user's settings: QSettings' user-scope INI path points
into a temporary folder for the whole run, and each window gets its own INI
file.  Any Qt warning a test provokes fails it (qutebrowser's rule), through
`qt_log_level_fail = "WARNING"` in pyproject.toml's pytest options.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists


import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _private_settings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    return folder


def type_text(widget, text: str) -> None:
    """Type `text` into `widget` key by key, as a keyboard (or an input method) would.

    QTest.keyClicks only knows ASCII; for Chinese each character is a key
    event carrying its text, which is what QLineEdit inserts.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "reader-settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_window(qtbot, settings):
    """open_window(library_dir) -> a shown MainWindow whose library and search are ready."""
    from reader.models import PageMeta
    from reader.ui.main import session_factory
    from reader.ui.window import MainWindow

    def opener(library_dir, window_settings=None):
        window = MainWindow(session_factory(str(library_dir)),
                            settings=window_settings or settings)
        qtbot.addWidget(window)
        # The import options dialog is modal; tests that check it set their own answer.
        window.ask_import_options = lambda paths: PageMeta()
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignals([window.library_ready, window.search_ready], timeout=30000):
            window.open_library()
        return window

    return opener


def settle(qtbot, window, timeout: int = 30000) -> None:
    """Wait until the window's worker has answered everything asked of it.

    Reads and writes run on the worker and their answers may ask for more
    (a change → re-read the open article), so wait until it stays idle.
    """
    def idle() -> bool:
        if window.runner.busy:
            return False
        qtbot.wait(5)  # let queued answers land; they may start more work
        return not window.runner.busy

    qtbot.waitUntil(idle, timeout=timeout)


def expand_issue(qtbot, window, row: int):
    """Expand the tree's issue at `row` and wait for its articles; its index."""
    model = window.tree_model
    issue = model.index(row, 0)
    window.tree.expand(issue)
    qtbot.waitUntil(lambda: model.rows_loaded(model.issue_at(row).id), timeout=10000)
    return issue


def open_article(qtbot, window, article_id: int) -> None:
    """Open an article as a view would, and wait until the pane shows it."""
    with qtbot.waitSignal(window.article_shown, timeout=10000,
                          check_params_cb=lambda shown: shown == article_id):
        window.show_article(article_id)


def select_in_tree(qtbot, window, article) -> None:
    """Click an article's row in the tree (its issue expanded first) and wait until it shows."""
    model = window.tree_model
    expand_issue(qtbot, window, model.issue_row(article.issue_id))
    window.tree.setCurrentIndex(model.index_of(article.id, article.issue_id))
    qtbot.waitUntil(lambda: window.pane.article is not None
                    and window.pane.article.id == article.id, timeout=10000)


def press(qtbot, widget, key, modifier=None) -> None:
    """Press `key` as the keyboard would: to the open popup (a completion list) if one is
    shown, since Qt sends keys there while it is, else to `widget`."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    target = QApplication.activePopupWidget() or widget
    qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)


def answer_tag_prompt(qtbot, window, text: str, trigger) -> None:
    """Trigger Ctrl+T (`trigger()`), type `text` into its dialog and press Enter."""
    from PySide6.QtCore import Qt

    with qtbot.waitSignal(window.commands.tag_prompt_opened, timeout=10000) as opened:
        trigger()
    prompt = opened.args[0]
    type_text(prompt.field, text)
    if prompt.field.popup_shown():
        press(qtbot, prompt.field, Qt.Key.Key_Escape)  # the text as typed, not a suggestion
    press(qtbot, prompt.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not prompt.isVisible(), timeout=5000)
