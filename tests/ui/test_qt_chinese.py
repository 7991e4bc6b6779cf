"""Qt's own texts (standard buttons, the file dialog) are Chinese when the window is (issue 19).

`install_translation` loads qtbase_zh_CN.qm from PySide6's translations folder
for a Chinese window; the bundle keeps that one file (packaging/reader.spec).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from reader.ui import translation

SPEC = Path(__file__).resolve().parents[2] / "packaging" / "reader.spec"
_BUTTONS = QDialogButtonBox.StandardButton


def _install(tmp_path, language: str) -> None:
    settings = QSettings(str(tmp_path / f"{language}.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/language", language)
    assert translation.install_translation(settings) == language


def test_a_chinese_window_has_chinese_standard_buttons(qtbot, tmp_path):
    _install(tmp_path, "zh")
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "Reader", "?",
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QMessageBox.StandardButton.Ok).text() == "确定"
        assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
        buttons = QDialogButtonBox(_BUTTONS.Yes | _BUTTONS.No | _BUTTONS.Close)
        qtbot.addWidget(buttons)
        assert [buttons.button(b).text().split("(")[0] for b in (_BUTTONS.Yes, _BUTTONS.No,
                                                                 _BUTTONS.Close)] \
            == ["是", "否", "关闭"]
        dialog = QFileDialog(None, "Reader")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert any("文件名" in text for text in labels), labels
    finally:
        translation.remove_translation()


def test_an_english_window_keeps_qt_english(qtbot, tmp_path):
    _install(tmp_path, "en")
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "Reader", "?",
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QMessageBox.StandardButton.Cancel).text() == "Cancel"
    finally:
        translation.remove_translation()


def test_the_bundle_keeps_qts_chinese_and_the_translation_file():
    spec = SPEC.read_text(encoding="utf-8")
    assert "qtbase_zh_CN.qm" in spec
    assert '"reader_en.ts"' in spec  # what a language switch reads (reader/ui/retranslation.py)
