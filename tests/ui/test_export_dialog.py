"""The Export… dialog driven as a user would, with the file chooser and the question injected."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

import reader.ui.export_dialog as export_dialog
from reader.app import Session
from reader.export.options import PARTS
from reader.paths import resolve_paths
from reader.ui.export_dialog import ExportDialog

ISSUE_TITLE = "先锋 · 2024-01"


@pytest.fixture
def session(library_dir):
    with Session.open(resolve_paths(library_dir)) as opened:
        yield opened


@pytest.fixture
def issue_ids(session):
    """The 8 articles of 先锋 · 2024-01; the first one highlighted and noted."""
    issue = next(i for i in session.library.issues.all() if i.title == ISSUE_TITLE)
    articles = session.library.articles.in_issue(issue.id)
    first = articles[0]
    session.library.highlights.add(first.id, 0, 10, note="开头")
    session.library.notes.set(first.id, "笔记一则")
    return [a.id for a in articles]


class Chooser:
    """Stands in for QFileDialog: records the options it was asked with, answers `path`."""

    def __init__(self, path):
        self.path, self.asked = path, []

    def __call__(self, options):
        self.asked.append(options)
        return str(self.path) if self.path else None


def open_dialog(qtbot, session, ids, settings, chooser, confirm=None):
    dialog = ExportDialog(session, ids, ISSUE_TITLE, choose_target=chooser, settings=settings,
                          confirm_overwrite=confirm or (lambda paths: False))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded is not None, timeout=10000)
    return dialog


def export(qtbot, dialog):
    with qtbot.waitSignal(dialog.exported, timeout=10000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def test_preview_follows_the_options_and_the_export_reads_back(qtbot, session, issue_ids,
                                                               settings, tmp_path):
    chooser = Chooser(tmp_path / "摘录")
    dialog = open_dialog(qtbot, session, issue_ids, settings, chooser)
    preview = dialog.preview_edit.toPlainText()
    assert preview.startswith(f"{ISSUE_TITLE}\n共 8 篇\n\n" + "=" * 40 + "\n\n“红色业委会”")
    assert dialog.count_label.text().startswith("8 篇文章，")
    assert dialog.export_button.isEnabled()

    with qtbot.waitSignal(dialog.preview_changed):
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    assert dialog.preview_edit.toPlainText().startswith(f"# {ISSUE_TITLE}\n\n共 8 篇\n\n---\n\n## ")
    with qtbot.waitSignal(dialog.preview_changed):
        qtbot.mouseClick(dialog.highlights_only_box, Qt.MouseButton.LeftButton)
    assert not any(box.isEnabled() for box in dialog.part_boxes.values())
    first = session.library.articles.get(issue_ids[0])
    expected = (f"# {ISSUE_TITLE}\n\n共 1 篇\n\n---\n\n## {first.title}\n\n"
                f"> {first.text[:10]}\n>\n> 批注：开头\n\n"
                f"引用：宋爽. {first.title}\\[N\\]. \\[2024-01\\](先锋).\n")
    assert dialog.preview_edit.toPlainText() == expected
    assert dialog.count_label.text() == (
        f"1 篇文章，{len(expected)} 字（7 篇没有划线，不导出）")

    report = export(qtbot, dialog)
    assert chooser.asked[-1].format == "md" and chooser.asked[-1].highlights_only
    written = tmp_path / "摘录.md"  # the chooser's bare name gets the format's suffix
    assert report.files == (written,) and written.read_bytes() == expected.encode("utf-8")
    assert not dialog.isVisible()


def test_the_options_are_remembered_for_the_next_export(qtbot, session, issue_ids, settings,
                                                        tmp_path):
    dialog = open_dialog(qtbot, session, issue_ids, settings, Chooser(tmp_path / "a.txt"))
    dialog.split_box.setCurrentIndex(1)
    dialog.order_box.setCurrentIndex(dialog.order_box.findData("date"))
    dialog.part_boxes["body"].setChecked(False)
    dialog.part_boxes["tags"].setChecked(False)
    export(qtbot, dialog)
    assert settings.value("export/include") == "header,note,highlights"

    again = open_dialog(qtbot, session, issue_ids, settings, Chooser(None))
    options = again.options()
    assert (options.split, options.order, options.highlights_only) == (True, "date", False)
    assert options.include == frozenset({"header", "note", "highlights"})
    assert again.count_label.text().endswith("，8 个文件")
    qtbot.mouseClick(again.export_button, Qt.MouseButton.LeftButton)  # chooser says no
    assert again.isVisible() and again.op is None


def test_split_export_into_a_folder_asks_before_overwriting(qtbot, session, issue_ids, settings,
                                                            tmp_path):
    folder = tmp_path / "dossier"
    folder.mkdir()
    (folder / "03 入户调查.txt").write_text("mine", encoding="utf-8")
    asked = []
    answer = {"yes": False}

    def confirm(paths):
        asked.append(paths)
        return answer["yes"]

    dialog = open_dialog(qtbot, session, issue_ids, settings, Chooser(folder), confirm)
    dialog.set_options(dialog.options().with_(split=True, include=frozenset(PARTS),
                                              highlights_only=False, order="page"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert asked == [[folder / "03 入户调查.txt"]]
    assert sorted(p.name for p in folder.iterdir()) == ["03 入户调查.txt"]
    assert (folder / "03 入户调查.txt").read_text(encoding="utf-8") == "mine"

    answer["yes"] = True
    report = export(qtbot, dialog)
    assert len(report.files) == 8 and sorted(folder.iterdir()) == sorted(report.files)
    assert (folder / "03 入户调查.txt").read_text(encoding="utf-8").startswith("入户调查\n")


def test_cancelling_a_running_export_writes_nothing(qtbot, session, issue_ids, settings,
                                                    tmp_path, monkeypatch):
    started = threading.Event()
    real = export_dialog.write_export

    def slow_export(*args, **kwargs):
        # Holds the export until the user has cancelled it, then lets the real one see that.
        started.set()
        cancelled = args[5]
        while not cancelled():
            threading.Event().wait(0.01)
        return real(*args, **kwargs)

    monkeypatch.setattr(export_dialog, "write_export", slow_export)
    out = tmp_path / "out"
    out.mkdir()
    dialog = open_dialog(qtbot, session, issue_ids, settings, Chooser(out / "a.txt"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=5000)
    assert dialog.op is not None and not dialog.export_button.isEnabled()
    dialog.reject()  # Esc while writing cancels the export and keeps the dialog
    qtbot.waitUntil(lambda: dialog.op is None, timeout=5000)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "导出已取消，没有写入任何文件。"
    assert list(out.iterdir()) == []


def test_a_failed_write_is_one_sentence_in_the_dialog(qtbot, session, issue_ids, settings,
                                                      tmp_path):
    missing = tmp_path / "no-such-folder" / "out.txt"
    dialog = open_dialog(qtbot, session, issue_ids, settings, Chooser(missing))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.op is None and dialog.error_label.text() != "", timeout=5000)
    assert dialog.error_label.text() == (
        f"导出失败：无法写入 {missing}：文件夹不存在。")
    assert dialog.isVisible() and dialog.export_button.isEnabled()


def test_ris_for_zotero_is_one_pick_in_the_format_box(qtbot, session, issue_ids, settings,
                                                      tmp_path):
    import rispy

    chooser = Chooser(tmp_path / "题录")
    dialog = open_dialog(qtbot, session, issue_ids, settings, chooser)
    labels = [dialog.format_box.itemText(i) for i in range(dialog.format_box.count())]
    assert {"RIS 题录 (.ris)", "CSL-JSON 题录 (.json)", "BibTeX 题录 (.bib)",
            "参考文献（GB/T 7714） (.txt)"} <= set(labels)
    dialog.format_box.setFocus()
    with qtbot.waitSignal(dialog.preview_changed):
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("ris"))
    assert dialog.preview_edit.toPlainText().startswith("TY  - NEWS\nTI  - “红色业委会”")
    # the parts shape text exports only
    assert not any(box.isEnabled() for box in dialog.part_boxes.values())
    report = export(qtbot, dialog)
    written = tmp_path / "题录.ris"
    assert report.files == (written,)
    records = rispy.loads(written.read_text(encoding="utf-8"))
    assert len(records) == 8 and {r["type_of_reference"] for r in records} == {"NEWS"}
    assert records[0]["notes"] == ["笔记一则"]
    # back to Markdown: the parts apply again
    dialog2 = open_dialog(qtbot, session, issue_ids, settings, chooser)
    assert dialog2.format_box.currentData() == "ris"  # remembered
    with qtbot.waitSignal(dialog2.preview_changed):
        dialog2.format_box.setCurrentIndex(dialog2.format_box.findData("md"))
    assert all(box.isEnabled() for box in dialog2.part_boxes.values())
