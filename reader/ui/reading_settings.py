"""阅读设置: the reader's font, size, line spacing, alignment, indent and punctuation.

`ReadingSettingsDialog` is a small non-modal dialog (视图 → 阅读设置…, and
the toolbar's 阅读设置 button) whose every control applies at once: the
article pane and the whole-page view typeset again, keeping the place, so
the pane itself is the preview.  `ReadingSettings` owns it for the window:
it reads the choices from the window settings (reader/ui/settings.py,
READING_*) at start, writes each change back, and hands it to the window's
`apply_typography`.

The size is the pane's zoom (Ctrl+= / Ctrl+- / Ctrl+0 and this dialog's
size box move the same value, shown in points), so there is one size, not
a zoom on top of a size.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.ui import settings as window_settings
from reader.ui.article_document import (
    BASE_POINT_SIZE,
    DEFAULT_TYPOGRAPHY,
    FONT_FAMILIES,
    Typography,
)
from reader.ui.article_view import ZOOM_RANGE, ZOOM_STEP
from reader.ui.plain import plain_tooltip

translate = QCoreApplication.translate


def read_typography(store: QSettings) -> Typography:
    """The reader's choices as last saved (a bad value is its default)."""
    return Typography(
        family=window_settings.READING_FONT.read(store),
        line_spacing=window_settings.READING_LINE_SPACING.read(store),
        justify=window_settings.READING_JUSTIFY.read(store),
        indent=window_settings.READING_INDENT.read(store),
        full_width=window_settings.READING_FULL_WIDTH.read(store),
    )


def write_typography(store: QSettings, typography: Typography) -> None:
    window_settings.READING_FONT.write(store, typography.family)
    window_settings.READING_LINE_SPACING.write(store, typography.line_spacing)
    window_settings.READING_JUSTIFY.write(store, typography.justify)
    window_settings.READING_INDENT.write(store, typography.indent)
    window_settings.READING_FULL_WIDTH.write(store, typography.full_width)


def chinese_families() -> list[str]:
    """Installed font families that can set Simplified Chinese, the default's first."""
    found = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    first = [f for f in FONT_FAMILIES if f in found]
    return first + sorted(f for f in found if f not in first and not f.startswith("@"))


def zoom_points(zoom: int) -> float:
    return BASE_POINT_SIZE + zoom * ZOOM_STEP


class ReadingSettingsDialog(QDialog):
    """The controls; every change is emitted at once (the pane is the preview)."""

    #: the font, spacing, alignment, indent or punctuation changed (a Typography)
    typography_changed = Signal(object)
    #: the size box changed (the zoom steps it stands for)
    zoom_changed = Signal(int)

    def __init__(self, typography: Typography, zoom: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("阅读设置"))
        self.setObjectName("reading-settings")
        self.font_box = QComboBox(self)
        self.font_box.addItem(self.tr("默认（思源宋体）"), None)
        for family in chinese_families():
            self.font_box.addItem(family, family)
        self.size_box = QSpinBox(self)
        self.size_box.setRange(round(zoom_points(ZOOM_RANGE[0])), round(zoom_points(ZOOM_RANGE[1])))
        self.size_box.setSuffix(self.tr(" 磅"))
        self.spacing_box = QDoubleSpinBox(self)
        self.spacing_box.setDecimals(1)
        self.spacing_box.setSingleStep(0.1)
        self.spacing_box.setRange(1.2, 3.0)
        self.spacing_box.setSuffix(self.tr(" 倍"))
        self.justify_box = QCheckBox(self.tr("两端对齐（不勾选：左对齐，右边参差）"), self)
        self.indent_box = QCheckBox(self.tr("段首空两格"), self)
        self.full_width_box = QCheckBox(self.tr("中文里的半角标点显示为全角（，：；？！（））"), self)
        note = QLabel(self.tr("只改变显示：保存的原文、搜索和划线都不受影响。"), self)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # the grey of a hint
        form = QFormLayout()
        form.addRow(self.tr("字体"), self.font_box)
        form.addRow(self.tr("字号"), self.size_box)
        form.addRow(self.tr("行距"), self.spacing_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.rejected.connect(self.close)
        # the window's own words: Qt's are English unless its own translations are installed
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.defaults_button = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.defaults_button.setText(self.tr("恢复默认"))
        self.defaults_button.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (self.justify_box, self.indent_box, self.full_width_box, note, buttons):
            layout.addWidget(widget)
        self._showing = False
        self.show_values(typography, zoom)
        self.font_box.currentIndexChanged.connect(self._changed)
        self.spacing_box.valueChanged.connect(self._changed)
        for box in (self.justify_box, self.indent_box, self.full_width_box):
            box.toggled.connect(self._changed)
        self.size_box.valueChanged.connect(self._size_changed)

    def show_values(self, typography: Typography, zoom: int) -> None:
        """Set the controls (without announcing a change)."""
        self._showing = True
        try:
            family = typography.family
            index = self.font_box.findData(family) if family else 0
            if family and index < 0:  # one not listed: shown, so the choice is not lost
                self.font_box.addItem(family, family)
                index = self.font_box.count() - 1
            self.font_box.setCurrentIndex(index)
            self.spacing_box.setValue(typography.line_spacing / 10)
            self.justify_box.setChecked(typography.justify)
            self.indent_box.setChecked(typography.indent)
            self.full_width_box.setChecked(typography.full_width)
            self.show_zoom(zoom)
        finally:
            self._showing = False

    def show_zoom(self, zoom: int) -> None:
        """The size box follows a zoom made elsewhere (Ctrl+=)."""
        was, self._showing = self._showing, True
        self.size_box.setValue(round(zoom_points(zoom)))
        self._showing = was

    def typography(self) -> Typography:
        return Typography(
            family=self.font_box.currentData(),
            line_spacing=round(self.spacing_box.value() * 10),
            justify=self.justify_box.isChecked(),
            indent=self.indent_box.isChecked(),
            full_width=self.full_width_box.isChecked(),
        )

    def restore_defaults(self) -> None:
        self.show_values(DEFAULT_TYPOGRAPHY, 0)
        self.typography_changed.emit(self.typography())
        self.zoom_changed.emit(0)

    def _changed(self, *_args) -> None:
        if not self._showing:
            self.typography_changed.emit(self.typography())

    def _size_changed(self, points: int) -> None:
        if not self._showing:
            self.zoom_changed.emit(round((points - BASE_POINT_SIZE) / ZOOM_STEP))


class ReadingSettings(QObject):
    """The window's reading settings: read at start, the dialog, each change saved and applied."""

    #: the dialog was opened (it, for tests and screenshots)
    opened = Signal(object)

    def __init__(self, store: QSettings, apply_typography: Callable[[Typography], None],
                 set_zoom: Callable[[int], None], zoom: Callable[[], int], parent: QWidget):
        super().__init__(parent)
        self._store, self._apply, self._set_zoom, self._zoom = store, apply_typography, \
            set_zoom, zoom
        self.typography = read_typography(store)
        self.dialog: ReadingSettingsDialog | None = None
        self.action: QAction | None = None

    def attach(self, action: QAction) -> None:
        """The menu and toolbar action that opens the dialog: its short text and tooltip."""
        self.action = action
        self.retranslate()

    def retranslate(self) -> None:
        """Say again what the language switch's walk (reader/ui/retranslation.py) cannot:
        the toolbar's short text, the escaped tooltip, the size and spacing units."""
        if self.action is not None:
            self.action.setIconText(translate("ReadingSettingsDialog", "阅读设置"))
            self.action.setToolTip(plain_tooltip(
                translate("ReadingSettingsDialog", "字体、字号、行距、对齐、缩进、标点")))
        if self.dialog is not None:
            self.dialog.size_box.setSuffix(translate("ReadingSettingsDialog", " 磅"))
            self.dialog.spacing_box.setSuffix(translate("ReadingSettingsDialog", " 倍"))

    def open(self) -> ReadingSettingsDialog:
        """Show the dialog (one; shown again if open), next to the pane it changes."""
        if self.dialog is None:
            parent = self.parent()
            assert isinstance(parent, QWidget)
            self.dialog = ReadingSettingsDialog(self.typography, self._zoom(), parent)
            self.dialog.typography_changed.connect(self.set_typography)
            self.dialog.zoom_changed.connect(self._set_zoom)
        else:
            self.dialog.show_values(self.typography, self._zoom())
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.opened.emit(self.dialog)
        return self.dialog

    def set_typography(self, typography: Typography) -> None:
        self.typography = typography
        write_typography(self._store, typography)
        self._apply(typography)

    def zoom_shown(self, zoom: int) -> None:
        if self.dialog is not None:
            self.dialog.show_zoom(zoom)


__all__ = ["ReadingSettings", "ReadingSettingsDialog", "read_typography", "write_typography"]
