"""The window never waits on the library: the GUI-thread guard, and tagging during a rebuild."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer

from tests import gui_thread_guard
from tests.ui.conftest import expand_issue, settle


def _as_window_code(source: str, **names) -> None:
    """Run `source` as if it were a line of a `reader.ui` module, on this (the GUI) thread."""
    exec(compile(source, "reader/ui/imagined.py", "exec"), {"__name__": "reader.ui.imagined",
                                                           **names})


def test_the_guard_catches_window_code_that_reads_the_library_on_the_gui_thread(
        open_window, library_dir):
    window = open_window(library_dir)
    gui_thread_guard.take()
    _as_window_code("library.issues.all()", library=window.session.library)
    _as_window_code("index.ids()", index=window.session.index)
    found = gui_thread_guard.take()
    assert [v.where for v in found][:1] == ["reader/ui/imagined.py:1"]
    assert any("SELECT" in v.what for v in found)
    assert any(v.what == "SearchIndex.ids" for v in found)


def test_the_guard_lets_tests_and_the_worker_read(open_window, library_dir):
    window = open_window(library_dir)
    gui_thread_guard.take()
    window.session.library.issues.all()  # a test checking what the window did

    worker = threading.Thread(target=lambda: _as_window_code(
        "library.issues.all()", library=window.session.library))
    worker.start()
    worker.join()
    assert gui_thread_guard.take() == []


def test_tagging_while_the_index_is_rebuilt_leaves_the_window_responsive(
        open_window, library_dir, qtbot):
    window = open_window(library_dir)
    issue = expand_issue(qtbot, window, 0)
    with qtbot.waitSignal(window.article_shown):
        window.tree.setCurrentIndex(window.tree_model.index(0, 0, issue))
    article_id = window.pane.article.id
    ticks: list[bool] = []  # per tick: was the rebuild still running?
    rebuilding = [True]
    timer = QTimer(window)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(rebuilding[0]))
    window.reindex_finished.connect(lambda _report: rebuilding.__setitem__(0, False))
    timer.start()

    window.reindex_action.trigger()
    window.commands.tag_prompt_opened.connect(
        lambda prompt: (prompt.field.setText("重建时加的"), prompt.accept()))
    window.tag_action.trigger()  # queued behind the rebuild; returns at once
    assert rebuilding[0]
    with qtbot.waitSignal(window.reindex_finished, timeout=60000):
        pass
    settle(qtbot, window)
    timer.stop()
    # The event loop kept turning while the rebuild ran: the timer ticked throughout.
    assert ticks.count(True) >= 3
    assert window.session.library.articles.get(article_id).tags == ("重建时加的",)
    assert "重建时加的" in window.panel.tag_editor.chips
