"""Start-up (issue 17): the window is drawn before the library's layers load, and the first
keystrokes go into a search bar that holds the query until search is ready.

The import checks run in a fresh interpreter (`sys.modules` of this pytest process holds
everything already).  Each one also loads what the window loads later, to prove the names
it looks for are the right ones.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.ui.main import start
from reader.ui.window import PREPARING_PLACEHOLDER, RESULTS_PAGE, SEARCH_PLACEHOLDER
from tests.ui.conftest import settle, type_text

ROOT = Path(__file__).resolve().parents[2]

#: What the window must not import before its first paint: the session and the layers
#: below it, and the slow third-party libraries (sqlite-utils brings click and dateutil).
HEAVY = ("reader.app.session", "reader.library.store", "reader.ingest.parser",
         "reader.export.exporting", "reader.cli_export", "reader.cli_research",
         "sqlite_utils", "click", "dateutil", "jieba", "whoosh", "pypinyin", "markdown_it",
         "citeproc")

CHECK = """
import sys
HEAVY = {heavy!r}
def loaded():
    return sorted(name for name in HEAVY if name in sys.modules)
{body}
"""


def _run(body: str, *args: str) -> list[str]:
    code = CHECK.format(heavy=HEAVY, body=body)
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                            text=True, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_window_modules_leave_the_library_layers_and_slow_libraries_out(library_dir):
    before, after = _run(
        "import reader.ui.main, reader.ui.window, reader.cli\n"
        "print(','.join(loaded()))\n"
        "from reader.ui.main import session_factory\n"
        "session = session_factory(sys.argv[1])(lambda *a: None, lambda: False)\n"
        "session.search('网格员')\n"
        "import reader.ui.note_view, reader.app.completion, reader.app.exporting, reader.cli\n"
        "reader.ui.note_view.note_html('*a*'); reader.cli.build_parser()\n"
        "reader.app.completion.pinyin_keys('红色物业')\n"
        "print(','.join(loaded()))\n"
        "session.close()\n",
        str(library_dir))
    assert before == ""
    # Opening the session (on the worker, in the window), a note, a tag completion and the
    # command line load them all but citeproc, which only a CSL reference list needs, and
    # the page parser, which the first import loads.
    assert after.split(",") == sorted(set(HEAVY) - {"citeproc", "reader.ingest.parser"})


#: What nothing on screen at the first paint needs: each loads when first used (a dialog,
#: the concordance and trend windows, a language switch, an export, a command-line
#: subcommand, the search's research layer on the worker), not with the window.
LATER = ("reader.app.research", "reader.app.importing", "reader.export.formats",
         "reader.library.backups", "reader.ui.metadata_dialog", "reader.ui.import_options",
         "reader.ui.concordance_view", "reader.ui.trend_view", "reader.ui.retranslation",
         "reader.cli_annotations", "reader.cli_metadata", "reader.cli_fix", "reader.cli_help",
         # numpy counts facets (a tenth of a second to import): after the first answer
         "numpy", "reader.library.facet_counts")


def test_what_the_first_paint_does_not_show_loads_when_first_used(library_dir):
    lines = _run(
        "LATER = " + repr(LATER) + "\n"
        "import reader.ui.main, reader.ui.window, reader.cli\n"
        "print(','.join(sorted(n for n in LATER if n in sys.modules)) or '-')\n"
        "from reader.ui.main import session_factory\n"
        "session = session_factory(sys.argv[1])(lambda *a: None, lambda: False)\n"
        "print(session.search('网格员').total > 0, 'numpy' in sys.modules)\n"
        "print(session.research('网格员').outcome.total > 0)\n"
        "print('reader.app.importing' in sys.modules)\n"
        "session.close()\n"
        "import importlib\n"
        "for name in LATER: importlib.import_module(name)\n",
        str(library_dir))
    # Opening the library and searching need neither numpy (the facets' counts) nor the
    # parser and its pool; the research layer comes with the first research search.
    assert lines == ["-", "True False", "True", "False"]


def test_reader_with_no_command_opens_the_window_without_building_the_parser(tmp_path):
    """`reader` and `reader --library DIR` go straight to the window: the command line's
    subcommands (and what they import) are not loaded for it."""
    lines = _run(
        "import reader.ui.main\n"
        "opened = []\n"
        "def run(library, check):\n"
        "    opened.append(library)\n"
        "    assert check() is None  # offscreen: nothing to check\n"
        "    print(','.join(loaded()) or '-')\n"
        "    return 0\n"
        "reader.ui.main.run = run\n"
        "from reader.cli import main\n"
        "assert main([]) == 0 and main(['--library', sys.argv[1]]) == 0\n"
        "assert main(['--library=' + sys.argv[1]]) == 0\n"
        "print(opened)\n",
        str(tmp_path))
    assert lines == ["-", "-", "-", repr([None, str(tmp_path), str(tmp_path)])]


def test_reader_pauses_the_cycle_collector_while_the_window_starts(tmp_path):
    lines = _run(
        "import gc, reader.ui.main\n"
        "reader.ui.main.run = lambda library, check: print(gc.isenabled()) or 0\n"
        "from reader.cli import main\n"
        "print(gc.isenabled())\n"
        "assert main(['--library', sys.argv[1]]) == 0\n",
        str(tmp_path))
    assert lines == ["True", "False"]


def test_the_window_resumes_the_collector_with_its_first_answer(qtbot, library_dir, settings,
                                                                monkeypatch):
    import reader.ui.main

    # The fallback (the collector resumes after a while whatever happens) is out of the way.
    monkeypatch.setattr(reader.ui.main, "RESUME_COLLECTOR_MS", 120_000)
    gc.disable()  # as `reader` does before it starts the window
    try:
        window = start(str(library_dir), settings)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.search_ready, timeout=30000):
            pass
        # Still paused, as `reader` left it (said again: another test's window may have
        # resumed it on its own timer meanwhile).
        gc.unfreeze()
        gc.disable()
        with qtbot.waitSignal(window.search.answered, timeout=30000):
            type_text(window.search_bar, "网格员")
            qtbot.keyClick(window.search_bar, Qt.Key.Key_Return)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what the start made is out of the collector's way
        window.close()
    finally:
        gc.unfreeze()
        gc.enable()


def test_other_arguments_still_go_through_the_parser():
    from reader.cli import window_request

    assert window_request([]) == (True, None)
    assert window_request(["--library", "/x"]) == (True, "/x")
    assert window_request(["--library=/x"]) == (True, "/x")
    for argv in (["--library"], ["--library", "/x", "list"], ["--lib", "/x"],
                 ["--library", "--version"], ["--library="], ["--version"], ["list"]):
        assert window_request(argv) == (False, None), argv


def test_a_query_typed_before_search_is_ready_is_answered_when_it_is(qtbot, library_dir,
                                                                       settings):
    window = start(str(library_dir), settings)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    # The bar takes keys from the first paint on, before the library is even open.
    assert window.search_bar.isEnabled()
    assert window.search_bar.placeholderText() == PREPARING_PLACEHOLDER
    assert window.session is None
    with qtbot.waitSignal(window.search.waiting, timeout=5000) as waiting:
        type_text(window.search_bar, "网格员")
        qtbot.keyClick(window.search_bar, Qt.Key.Key_Return)
    assert waiting.args == ["网格员"]
    # It says so where the answer will be shown.
    assert window.navigator.currentIndex() == RESULTS_PAGE
    assert window.results_view.label.text() == PREPARING_PLACEHOLDER
    assert window.search.pending
    seen: list[tuple] = []
    window.library_ready.connect(lambda: seen.append(("library",)))
    window.search_ready.connect(lambda: seen.append(("search",)))
    window.search.answered.connect(lambda text, outcome: seen.append(("answered", text, outcome)))
    window.article_shown.connect(lambda article_id: seen.append(("shown", article_id)))
    qtbot.waitUntil(lambda: len(seen) >= 4, timeout=30000)
    assert [event[0] for event in seen] == ["library", "search", "answered", "shown"]
    _, text, outcome = seen[2]
    assert text == "网格员" and outcome.total > 0
    # Enter opened the first result, as it does once search is ready.
    assert seen[3] == ("shown", outcome.hits[0].id)
    assert "网格员" in window.results_view.label.text()
    assert window.search_bar.placeholderText() == SEARCH_PLACEHOLDER
    window.close()


def test_the_window_opens_its_library_after_the_first_paint_with_the_search_bar_focused(
        qtbot, library_dir, settings):
    window = start(str(library_dir), settings)
    qtbot.addWidget(window)
    assert window.library_lock is None  # nothing is opened before the event loop paints
    assert window.focusWidget() is window.search_bar
    with qtbot.waitSignals([window.library_ready, window.search_ready], timeout=30000):
        pass
    assert window.tree_model.rowCount() > 0
    window.close()


def test_what_the_first_search_reads_is_read_while_the_window_waits_for_a_query(
        qtbot, library_dir, settings):
    # Issue 17: at 1M articles the first search of a session read the articles' dates and
    # the word ranker's field lengths (most of its second).  With no query typed yet, the
    # window has the worker read them once search is ready; the search then finds them.
    window = start(str(library_dir), settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.search_ready, timeout=30000):
        pass
    settle(qtbot, window)
    searching = window.session.index._searching
    ranks, ranker = searching._date_ranks, searching.words._ranker
    assert ranks is not None and ranker is not None
    with qtbot.waitSignal(window.search.answered, timeout=30000) as answered:
        type_text(window.search_bar, "网格员")
        qtbot.keyClick(window.search_bar, Qt.Key.Key_Return)
    assert answered.args[1].total > 0
    assert searching._date_ranks is ranks and searching.words._ranker is ranker
    window.close()


def test_a_query_asked_while_the_window_warms_up_waits_for_one_piece_of_it(
        qtbot, library_dir, settings, monkeypatch):
    # Issue 17: the warm-up reads the date ranks (0.5 s at 1M articles) a slice a query of
    # the worker, and stops when a search is asked: the search waits for the slice being
    # read, not for all (its page needs none of them: date_ranks.DatesOnDemand).
    from reader.app.session import Session
    from reader.search.substring import SubstringStore

    original = SubstringStore.ids_and_dates
    monkeypatch.setattr(SubstringStore, "ids_and_dates",
                        lambda self, step=2, noted=None: original(self, 2, noted))
    steps: list[bool] = []
    step = Session.prepare_search_step

    def counted(session) -> bool:
        steps.append(more := step(session))
        return more

    monkeypatch.setattr(Session, "prepare_search_step", counted)
    window = start(str(library_dir), settings)
    qtbot.addWidget(window)
    seen: list[int] = []

    def ready() -> None:  # typed and entered the moment search is ready
        window.search_bar.setText("网格员")
        window.search.run_now()

    window.search_ready.connect(ready)
    window.search.answered.connect(lambda _text, outcome: seen.append(len(steps)))
    with qtbot.waitSignal(window.search.researched, timeout=30000) as researched:
        pass
    assert researched.args[1].outcome.total > 0
    assert seen == [1] and steps == [True]  # one piece was read before the search, no more
    settle(qtbot, window)
    assert steps == [True]  # the search stopped the warm-up: it read what it needed itself
    window.close()

    # Left to itself, the warm-up reads all of it, a slice a query.
    steps.clear()
    window = start(str(library_dir), settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.search_ready, timeout=30000):
        pass
    settle(qtbot, window)
    searching = window.session.index._searching
    assert searching._date_ranks is not None
    slices = -(-max(searching._date_ranks) // 2)  # of two ids each
    assert len(steps) == slices + 2 and steps[-1] is False
    window.close()


#: What the first paint does without (reader/ui/window_views.py builds it right after): the
#: navigator's views, the article pane, the search controller, the library's dataclasses.
VIEWS = ("reader.ui.window_views", "reader.ui.issues_view", "reader.ui.authors_view",
         "reader.ui.article_view", "reader.ui.search", "reader.ui.annotation_panel",
         "reader.ui.research_page", "reader.app.browsing", "reader.models")


def test_the_window_is_shown_with_its_frame_and_builds_its_views_after(library_dir, tmp_path):
    lines = _run(
        "VIEWS = " + repr(VIEWS) + "\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from reader.ui.main import start\n"
        "window = start(sys.argv[1], QSettings(sys.argv[2], QSettings.Format.IniFormat))\n"
        "print(','.join(n for n in VIEWS if n in sys.modules) or '-')\n"
        "print(window.isVisible(), 'views' in vars(window))\n"
        "window.finish_building()\n"
        "print(','.join(n for n in VIEWS if n in sys.modules))\n"
        "print(sorted(window.views), window.navigator.count())\n"
        "window.close()\n",
        str(library_dir), str(tmp_path / "settings.ini"))
    assert lines[:2] == ["-", "True False"]
    assert lines[2] == ",".join(VIEWS)
    assert lines[3] == "['authors', 'issues', 'notes', 'searches', 'tags'] 2"


def test_the_first_frame_has_the_menus_tabs_and_search_bar_and_keeps_what_is_typed(
        qtbot, library_dir, settings):
    window = start(str(library_dir), settings)
    qtbot.addWidget(window)
    assert "views" not in vars(window)  # only the frame, until the event loop turns
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "更正(&C)", "视图(&V)", "帮助(&H)"]
    tabs = window.navigator.currentWidget()
    assert [tabs.tabText(n) for n in range(tabs.count())] == ["目录", "标签", "作者", "批注",
                                                             "收藏的检索"]
    assert window.search_bar.hasFocus() or not window.isActiveWindow()
    # Typed before the search controller listens: searched when it does.
    type_text(window.search_bar, "网格员")
    qtbot.waitUntil(lambda: "views" in vars(window), timeout=5000)
    # The views took the frame's places: the same menus, now filled, the same tabs.
    assert [action.text() for action in window.menuBar().actions()] == menus
    assert window.import_action in window.menuBar().actions()[0].menu().actions()
    assert window.browse_tabs is window.navigator.widget(0)
    assert window.splitter.widget(1) is window.reading.stack
    assert window.splitter.widget(2) is window.panel
    assert window.browse_tabs.tabText(2) == "作者"
    qtbot.waitUntil(lambda: window.search.ready and not window.search.pending, timeout=30000)
    assert "网格员" in window.results_view.label.text()
    assert window.results_model.rowCount() > 0
    window.close()


def test_a_window_asked_for_a_view_before_it_is_built_builds_it(qtbot, settings, tmp_path):
    from reader.ui.main import session_factory
    from reader.ui.window import MainWindow

    window = MainWindow(session_factory(str(tmp_path / "lib")), settings=settings)
    qtbot.addWidget(window)
    assert "results_view" not in vars(window)
    assert window.results_view.model.rowCount() == 0  # built on the spot
    assert set(window.views) == {"issues", "tags", "authors", "notes", "searches"}
    assert window.browse_tabs.widget(0) is window.issues_view
    with pytest.raises(AttributeError):
        window.no_such_thing  # noqa: B018 (a missing name is still an AttributeError)
    window.close()
