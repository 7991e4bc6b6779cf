"""Import in the window (issue 19): files and folders dropped on the window are imported as
文件 → 导入文件… does, other files are refused with a sentence, and 文件 → 最近导入 lists
each import and opens its report again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from reader.models import ImportStatus, PageMeta
from reader.ui.recent_imports import local_time
from tests.ui.conftest import CORPUS, settle

PAGES = ("rmrb_20250107_p05.txt", "glrb_20240918_p02.txt")


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _drag_enter(widget, mime: QMimeData) -> bool:
    """Drag `mime` over the middle of `widget`, as the mouse would; whether it is taken."""
    event = QDragEnterEvent(widget.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def _drop(window, mime: QMimeData) -> None:
    event = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)


def test_a_dropped_folder_is_imported_and_its_report_comes_back_from_recent_imports(
        qtbot, open_window, library_dir, tmp_path):
    window = open_window(library_dir)
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in PAGES:
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")  # in a folder: not a page file, not listed
    stray = tmp_path / "photo.jpg"
    stray.write_bytes(b"\xff\xd8\xff")
    asked = []
    window.ask_import_options = lambda paths: asked.append(paths) or PageMeta()
    assert window.recent_imports.summaries == []
    assert [a.text() for a in window.recent_menu.actions()] == ["还没有导入过文件"]
    mime = _mime(folder, stray)
    # the drag is taken over the article pane too (it passes up to the window)
    assert _drag_enter(window.pane.viewport(), mime)
    with qtbot.waitSignal(window.import_finished, timeout=60000) as done:
        _drop(window, mime)
    assert asked == [[str(folder)]]  # the same import options as 文件 → 导入
    results = done.args[0]
    assert sorted(Path(r.path).name for r in results) == sorted(PAGES)
    assert all(r.status == ImportStatus.IMPORTED for r in results)
    assert any("没有导入 photo.jpg" in text for _level, text in window.messages.history)
    report = window.import_report
    assert report is not None and report.isVisible() and PAGES[0] in report.text()
    first_text = report.text()
    report.close()
    # 文件 → 最近导入 lists it: when, two files, the articles
    qtbot.waitUntil(lambda: len(window.recent_imports.summaries) == 1, timeout=10000)
    [summary] = window.recent_imports.summaries
    articles = sum(r.articles for r in results)
    [entry] = window.recent_menu.actions()
    assert "2 个文件" in entry.text() and f"{articles} 篇文章" in entry.text()
    assert "失败" not in entry.text()
    with qtbot.waitSignal(window.recent_imports.report_opened, timeout=10000):
        entry.trigger()
    assert report.isVisible() and report.text() == first_text
    finished = datetime.fromisoformat(summary.finished_at)
    assert timedelta(0) <= datetime.now(UTC) - finished < timedelta(minutes=5)
    assert local_time(summary.finished_at) in entry.text()
    assert report.windowTitle().startswith("导入结果（")


def test_a_drop_of_nothing_importable_is_refused_with_a_sentence(
        qtbot, open_window, library_dir, tmp_path):
    window = open_window(library_dir)
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/page.txt")])
    assert not _drag_enter(window, web)  # no file: the cursor says no at once
    text_only = QMimeData()
    text_only.setText("不是文件")
    assert not _drag_enter(window, text_only)
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    mime = _mime(pdf)
    assert _drag_enter(window, mime)  # a file is taken, so that the drop can say why not
    with qtbot.assertNotEmitted(window.import_finished, wait=300):
        _drop(window, mime)
    assert any(level == "warning" and "page.pdf" in text and ".txt" in text
               for level, text in window.messages.history)
    settle(qtbot, window)
    assert window.session.library.import_log.recent() == []


def test_a_dropped_page_file_is_imported(qtbot, open_window, library_dir, tmp_path):
    window = open_window(library_dir)
    page = tmp_path / PAGES[1]
    page.write_bytes((CORPUS / PAGES[1]).read_bytes())
    assert _drag_enter(window, _mime(page))
    with qtbot.waitSignal(window.import_finished, timeout=60000) as done:
        _drop(window, _mime(page))
    [result] = done.args[0]
    assert result.status == ImportStatus.IMPORTED and result.path == str(page)
