"""The progress dialog of an import names its stages (the files read, the search index's
catch-up) in words and its pages by name; an operation without items keeps its words."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from reader.progress import INDEXING, READING
from reader.ui.progress import ProgressPresenter


class _Op:
    cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


def _presenter(qtbot) -> ProgressPresenter:
    parent = QWidget()
    qtbot.addWidget(parent)
    return ProgressPresenter(parent)


def test_an_imports_stages_are_said_in_words_and_its_pages_by_name(qtbot):
    presenter = _presenter(qtbot)
    presenter.start("正在导入…", _Op(), "正在导入：{}")
    dialog = presenter.dialog
    presenter.update(1000, 5000, READING)
    assert (dialog.labelText(), dialog.value(), dialog.maximum()) == ("正在读取文件…", 1000, 5000)
    presenter.update(1, 5000, "rmrb2024070801.txt")
    assert (dialog.labelText(), dialog.value()) == ("正在导入：rmrb2024070801.txt", 1)
    presenter.update(200, 45000, INDEXING)  # counted in articles
    assert (dialog.labelText(), dialog.value(), dialog.maximum()) == ("正在更新搜索索引…", 200, 45000)


def test_an_operation_without_items_keeps_its_words(qtbot):
    presenter = _presenter(qtbot)
    presenter.start("正在重建搜索索引…", _Op())
    presenter.update(200, 1000, INDEXING)
    assert presenter.dialog.labelText() == "正在重建搜索索引…"
    assert presenter.dialog.value() == 200
