"""Issue 4: crash log, library lock, about box, import report, English translation."""

from __future__ import annotations

import sys
import threading

import reader
from reader.ui.crash import CrashHandler


def _raise_in_slot():
    try:
        raise ValueError("坏数据 in a slot")
    except ValueError:
        return sys.exc_info()


def test_an_uncaught_exception_is_logged_and_reported(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    shown = []
    window.crash_handler.show_report = shown.append
    with qtbot.waitSignal(window.crash_handler.crashed) as crashed:
        path = window.crash_handler.handle(*_raise_in_slot())
    assert path.parent == library_dir / "logs"
    assert path.name.startswith("crash-") and path.suffix == ".log"
    text = path.read_text(encoding="utf-8")
    assert f"Reader {reader.__version__}" in text
    assert "Traceback" in text and "ValueError: 坏数据 in a slot" in text
    assert "_raise_in_slot" in text
    assert len(shown) == 1 and str(path) in shown[0] and "出了问题" in shown[0]
    assert crashed.args[1] == str(path)
    assert window.messages.history[-1] == ("error", shown[0])
    assert window.isVisible()


def test_an_exception_on_a_worker_thread_is_reported_on_the_ui_thread(open_window, library_dir,
                                                                      qtbot):
    window = open_window(library_dir)
    shown = []
    window.crash_handler.show_report = shown.append
    args = _raise_in_slot()
    hook_args = threading.ExceptHookArgs((*args, None))
    worker = threading.Thread(target=window.crash_handler._thread_hook, args=(hook_args,))
    with qtbot.waitSignal(window.crash_handler.crashed, timeout=5000):
        worker.start()
        worker.join()
    assert len(shown) == 1
    assert (library_dir / "logs").is_dir() and len(list((library_dir / "logs").iterdir())) == 1


def test_install_replaces_the_hooks_and_close_restores_them(qtbot, tmp_path):
    before = (sys.excepthook, threading.excepthook)
    handler = CrashHandler(lambda: tmp_path / "logs")
    handler.install()
    try:
        assert sys.excepthook == handler.handle
        assert threading.excepthook == handler._thread_hook
    finally:
        handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_the_default_report_is_a_non_modal_message_box(qtbot, tmp_path):
    handler = CrashHandler(lambda: None)
    handler._log_dir = lambda: tmp_path / "logs"
    path = handler.handle(*_raise_in_slot())
    box = handler._box
    assert box is not None and box.isVisible() and not box.isModal()
    assert str(path) in box.text()
    box.close()
    box.deleteLater()


def test_a_library_locked_by_another_reader_is_not_opened(qtbot, library_dir, settings):
    from PySide6.QtCore import QLockFile

    from reader.ui.lock import LOCK_NAME
    from reader.ui.main import session_factory
    from reader.ui.window import MainWindow

    other = QLockFile(str(library_dir / LOCK_NAME))  # another Reader window
    other.setStaleLockTime(0)
    assert other.tryLock(0)
    try:
        window = MainWindow(session_factory(str(library_dir)), settings=settings)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.library_locked) as locked:
            window.open_library()
        assert locked.args == [str(library_dir)]
        level, text = window.messages.history[-1]
        assert level == "error"
        assert text.startswith("这个书库正被另一个 Reader 窗口使用：")
        assert str(library_dir) in text
        assert window.statusBar().currentMessage() == text
        assert window.session is None and not window.runner.busy
        assert not window.import_action.isEnabled()
        assert window.isVisible()
    finally:
        other.unlock()


def test_the_window_holds_the_lock_while_open_and_releases_it_on_close(open_window, library_dir,
                                                                      qtbot):
    from PySide6.QtCore import QLockFile

    from reader.ui.lock import LOCK_NAME

    window = open_window(library_dir)
    probe = QLockFile(str(library_dir / LOCK_NAME))
    probe.setStaleLockTime(0)
    assert not probe.tryLock(0)
    window.close()
    assert probe.tryLock(0)
    probe.unlock()


def test_a_stale_lock_left_by_a_dead_reader_is_taken_over(open_window, library_dir):
    import socket

    # What QLockFile writes: pid, application name, host name (pid 2**22+ does not run).
    (library_dir / "reader.lock").write_text(f"4194999\npython\n{socket.gethostname()}\n")
    window = open_window(library_dir)
    assert window.session is not None and window.library_lock.held


def test_about_shows_version_library_folder_and_counts(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    shown = []
    window.show_about = shown.append
    window.about_action.trigger()
    qtbot.waitUntil(lambda: len(shown) == 1)  # the counts are read on the worker
    text = shown[0]
    stats = window.session.library.stats()
    assert stats["issues"] == 5 and stats["articles"] > 0
    assert f"Reader {reader.__version__}" in text
    assert str(library_dir) in text
    for key, unit in (("issues", "期"), ("articles", "篇文章"), ("tags", "个标签"),
                      ("notes", "条笔记"), ("highlights", "处划线")):
        assert f"{stats[key]} {unit}" in text


def test_import_shows_a_non_modal_report_of_each_file(open_window, library_dir, qtbot, tmp_path):
    window = open_window(library_dir)
    good = tmp_path / "good.txt"
    good.write_text("测试版\n\n一个标题\n\n正文第一段，足够长的一段文字，写得像一篇报道。\n",
                    encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\xff\xfe\x89PNG\r\n\x1a\n\x00\x00binary")
    window.choose_files = lambda: [str(good), str(broken)]
    with qtbot.waitSignal(window.import_finished, timeout=30000) as done:
        window.import_action.trigger()
    results = {r.path: r for r in done.args[0]}
    assert results[str(good)].status == "imported"
    assert results[str(broken)].status == "failed"
    report = window.import_report
    assert report is not None and report.isVisible() and not report.isModal()
    lines = report.text().splitlines()
    assert lines[0].startswith("共 2 个文件") and "失败 1" in lines[0]
    good_line = next(line for line in lines if line.startswith("good.txt"))
    assert "已导入" in good_line and str(good) in good_line
    broken_line = next(line for line in lines if line.startswith("broken.txt"))
    assert "失败：这是二进制文件，不是文本版面。" in broken_line and str(broken) in broken_line

    # the same file again: already imported; the one report window is reused
    window.choose_files = lambda: [str(good)]
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.import_action.trigger()
    assert window.import_report is report
    assert "以前已导入" in report.text()
    report.close()


def _menu_titles(window):
    return [action.text() for action in window.menuBar().actions()]


def _idle_window(qtbot, settings):
    from reader.ui.window import MainWindow

    window = MainWindow(lambda progress, cancelled: None, settings=settings)
    qtbot.addWidget(window)
    return window


def test_with_english_chosen_a_new_window_speaks_english(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from reader.ui.import_report import summary_line
    from reader.ui.translation import install_translation, remove_translation
    from reader.ui.window import SEARCH_PLACEHOLDER

    settings = QSettings(str(tmp_path / "en.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/language", "en")
    try:
        assert install_translation(settings) == "en"
        window = _idle_window(qtbot, settings)
        assert _menu_titles(window) == ["&File", "&Edit", "&Corrections", "&View", "&Help"]
        assert window.import_action.text() == "Import Files…"
        assert window.search_bar.placeholderText() == "Preparing search…"
        assert window.tr(SEARCH_PLACEHOLDER) == "Search… (Ctrl+K)"
        assert summary_line([]).startswith("0 files")
        assert window.language_actions["en"].isChecked()
    finally:
        remove_translation()
    assert _menu_titles(_idle_window(qtbot, settings))[0] == "文件(&F)"


def test_chinese_is_the_default_and_the_language_switch_applies_at_once(qtbot, settings):
    from reader.ui.translation import install_translation, remove_translation

    settings.setValue("view/language", "zh")
    assert install_translation(settings) == "zh"
    window = _idle_window(qtbot, settings)
    assert _menu_titles(window) == ["文件(&F)", "编辑(&E)", "更正(&C)", "视图(&V)", "帮助(&H)"]
    assert window.language_actions["zh"].isChecked()
    try:
        window.language_actions["en"].trigger()
        assert settings.value("view/language") == "en"
        assert window.language_actions["en"].isChecked()
        assert window.messages.history[-1] == ("info", "The interface language is now English.")
        assert _menu_titles(window) == ["&File", "&Edit", "&Corrections", "&View", "&Help"]
    finally:
        remove_translation()


def test_the_system_locale_picks_the_language_when_none_is_chosen(settings):
    from PySide6.QtCore import QLocale

    from reader.ui.translation import chosen_language

    china = QLocale("zh_CN")
    britain = QLocale("en_GB")
    assert chosen_language(settings, china) == "zh"
    assert chosen_language(settings, britain) == "en"
    assert chosen_language(settings, QLocale("de_DE")) == "zh"
    settings.setValue("view/language", "zh")
    assert chosen_language(settings, britain) == "zh"


def test_a_missing_compiled_translation_leaves_the_window_chinese(qtbot, settings, tmp_path,
                                                                  monkeypatch):
    from reader.ui import translation

    monkeypatch.setattr(translation, "translations_dir", lambda: tmp_path / "nothing")
    settings.setValue("view/language", "en")
    assert translation.install_translation(settings) == "zh"
    assert _menu_titles(_idle_window(qtbot, settings))[0] == "文件(&F)"
