"""GUI test fixtures: offscreen Qt, settings in a temporary folder, a seeded library copy.

Tests never touch the user's settings: QSettings' user-scope INI path points
into a temporary folder for the whole run, and each window gets its own INI
file.  Any Qt warning a test provokes fails it (qutebrowser's rule), through
`qt_log_level_fail = "WARNING"` in pyproject.toml's pytest options.
"""

from __future__ import annotations

import os
from pathlib import Path

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


def search_from_bar(qtbot, window, text: str):
    """Ctrl+K, type `text` into the bar and wait for the research answer (its hits), as a
    reader searches; the result list must be showing."""
    from PySide6.QtCore import Qt

    from reader.ui.window import RESULTS_PAGE

    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.search.researched, timeout=15000) as answer:
        type_text(window.search_bar, text)
    assert window.navigator.currentIndex() == RESULTS_PAGE
    return answer.args[1]


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


def page_order(window) -> list[int]:
    """The library's pages in the tree's archive order (paper, year, date, page number)."""
    from reader.app.archive import ArchiveSource

    source, pages = ArchiveSource(), []

    def walk(key) -> None:
        for node in source.children(window.session, key):
            if node.kind == "page":
                pages.append(node.record_id)
            else:
                walk(node.key)

    walk(None)
    return pages


def expand_page(qtbot, window, page_id: int):
    """Open the tree down to a page and its articles, as clicking each arrow would; its index."""
    from reader.app.archive import page_key

    model, key = window.tree_model, page_key(page_id)
    window.issues_view.expand_key(key)
    qtbot.waitUntil(lambda: model.loaded(key) and window.tree.isExpanded(model.index_of_key(key)),
                    timeout=10000)
    return model.index_of_key(key)


def expand_issue(qtbot, window, row: int):
    """Open the tree down to the `row`-th page in archive order and wait for its articles."""
    return expand_page(qtbot, window, page_order(window)[row])


def open_article(qtbot, window, article_id: int) -> None:
    """Open an article as a view would, and wait until the pane shows it."""
    with qtbot.waitSignal(window.article_shown, timeout=10000,
                          check_params_cb=lambda shown: shown == article_id):
        window.show_article(article_id)


def select_in_tree(qtbot, window, article) -> None:
    """Click an article's row in the tree (its issue expanded first) and wait until it shows."""
    expand_page(qtbot, window, article.page_id)
    window.tree.setCurrentIndex(window.tree_model.index_of(article.id))
    qtbot.waitUntil(lambda: window.pane.article is not None
                    and window.pane.article.id == article.id, timeout=10000)


#: Pages of several papers from the evaluation corpus: four pages of one day's 人民日报,
#: one of another day, and one page each of two other papers.
CORPUS = Path(__file__).resolve().parents[1] / "eval" / "corpus"
PAPER_PAGES = ("rmrb_20250107_p05.txt", "rmrb_20250107_p10.txt", "rmrb_20250107_p11.txt",
               "rmrb_20250107_p20.txt", "rmrb_20250715_p05.txt", "glrb_20240918_p02.txt",
               "mrdx_20260512_p01.txt")


@pytest.fixture(scope="session")
def papers_template(tmp_path_factory, seeded_template):
    """The seeded library plus pages of several papers, built once per run."""
    import shutil

    from reader.app import Session
    from reader.paths import resolve_paths

    root = tmp_path_factory.mktemp("papers") / "lib"
    shutil.copytree(seeded_template, root)
    with Session.open(resolve_paths(root)) as session:
        session.import_paths([CORPUS / name for name in PAPER_PAGES])
    return root


@pytest.fixture
def papers_dir(tmp_path, papers_template):
    """A private copy of the library of several papers for one test."""
    import shutil

    target = tmp_path / "papers"
    shutil.copytree(papers_template, target)
    return target


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
