"""The small dialogs of the 更正 commands: a paragraph's text, the kind, the column, the authors.

Each is opened with `open()` (window-modal, never blocking a test) and read
when it is accepted; the caller turns what was chosen into one undoable
mutation of `session.corrections`.  Page text is shown as text: the
paragraph and its original sit in plain-text editors and labels, so nothing
from a page can become markup.

- `ParagraphTextDialog` edits one paragraph's text to fix an extraction
  error.  When the paragraph was corrected before it shows the original
  beside it (read-only) and offers 恢复原文, which closes the dialog with
  `restore_requested` set.
- `KindDialog` picks the item kind (文章, 评论, 图片 …).
- `LineDialog` types one line: the headline (修改标题) or the column (修改栏目;
  empty means "no column").
- `AuthorsDialog` edits the credited people as rows of role + name
  (本报记者 张三), adding and removing rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.models import ITEM_KINDS, ArticleKind
from reader.ui.labels import kind_name
from reader.ui.noop import QT_TRANSLATE_NOOP

#: The kinds as the dialog names them (the Chinese of `reader.ui.labels`, translatable here).
KIND_WORDS: dict[str, str] = {
    ArticleKind.ARTICLE: QT_TRANSLATE_NOOP("KindDialog", "文章"),
    ArticleKind.COMMENTARY: QT_TRANSLATE_NOOP("KindDialog", "评论"),
    ArticleKind.PHOTO: QT_TRANSLATE_NOOP("KindDialog", "图片"),
    ArticleKind.BRIEFS: QT_TRANSLATE_NOOP("KindDialog", "简讯"),
    ArticleKind.QUOTES: QT_TRANSLATE_NOOP("KindDialog", "语录"),
    ArticleKind.LETTER: QT_TRANSLATE_NOOP("KindDialog", "来信"),
}


def _label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    return label


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ParagraphTextDialog(QDialog):
    """修改此段文字: the paragraph's text to edit; its original, and 恢复原文, when corrected."""

    def __init__(self, number: int, text: str, original: str | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改第 {} 段文字").format(number))
        #: the reader chose 恢复原文 (the dialog was accepted that way)
        self.restore_requested = False
        self.intro = _label(self.tr("改正提取错误；原文会保留，随时可以恢复。"), self)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(text)
        self.editor.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.editor, 2)
        self.original_view: QPlainTextEdit | None = None
        self.restore_button: QPushButton | None = None
        buttons = _buttons(self)
        if original is not None:
            layout.addWidget(_label(self.tr("原文（解析所得）："), self))
            self.original_view = QPlainTextEdit(self)
            self.original_view.setPlainText(original)
            self.original_view.setReadOnly(True)
            layout.addWidget(self.original_view, 1)
            self.restore_button = buttons.addButton(
                self.tr("恢复原文"), QDialogButtonBox.ButtonRole.ResetRole)
            self.restore_button.clicked.connect(self._restore)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.resize(560, 420 if original is not None else 300)

    def text(self) -> str:
        return self.editor.toPlainText()

    def _restore(self) -> None:
        self.restore_requested = True
        self.accept()


class KindDialog(QDialog):
    """修改类型: one of the item kinds."""

    def __init__(self, current: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改类型"))
        self.combo = QComboBox(self)
        for kind in ITEM_KINDS:
            self.combo.addItem(self.tr(KIND_WORDS.get(kind, kind_name(kind))), str(kind))
        found = self.combo.findData(current)
        self.combo.setCurrentIndex(max(found, 0))
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr("这篇是："), self))
        layout.addWidget(self.combo)
        layout.addWidget(_buttons(self))

    def kind(self) -> str:
        return str(self.combo.currentData())


class LineDialog(QDialog):
    """One line of text: 修改标题 (the headline) or 修改栏目 (the column; empty for none)."""

    def __init__(self, title: str, prompt: str, current: str | None,
                 parent: QWidget | None = None, placeholder: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.field = QLineEdit(current or "", self)
        self.field.setPlaceholderText(placeholder)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(prompt, self))
        layout.addWidget(self.field)
        layout.addWidget(_buttons(self))
        self.resize(420, self.sizeHint().height())

    def value(self) -> str:
        return self.field.text().strip()


class AuthorsDialog(QDialog):
    """设置作者: rows of role (本报记者, 通讯员, 摄影 …) and name."""

    def __init__(self, authors: Iterable[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置作者"))
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("身份"), self.tr("姓名")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for role, name in authors:
            self.add_row(role, name)
        self.add_button = QPushButton(self.tr("添加一行"), self)
        self.add_button.clicked.connect(lambda: self._add_and_edit())
        self.remove_button = QPushButton(self.tr("删除所选行"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_button)
        row_buttons.addWidget(self.remove_button)
        row_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr("每行一位作者：身份（如 本报记者、通讯员、摄影）和姓名。"), self))
        layout.addWidget(self.table)
        layout.addLayout(row_buttons)
        layout.addWidget(_buttons(self))
        self.resize(420, 320)

    def add_row(self, role: str = "", name: str = "") -> QTableWidgetItem:
        """A row at the end; its role cell."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        role_item = QTableWidgetItem(role)
        self.table.setItem(row, 0, role_item)
        self.table.setItem(row, 1, QTableWidgetItem(name))
        return role_item

    def _add_and_edit(self) -> None:
        role_item = self.add_row()
        self.table.setCurrentItem(role_item)
        self.table.editItem(role_item)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def authors(self) -> list[tuple[str, str]]:
        """The rows that name someone, in order (a row with no name is left out)."""
        rows = []
        for row in range(self.table.rowCount()):
            role, name = (self.table.item(row, col) for col in (0, 1))
            name_text = name.text().strip() if name is not None else ""
            if name_text:
                rows.append((role.text().strip() if role is not None else "", name_text))
        return rows


__all__ = ["AuthorsDialog", "KindDialog", "LineDialog", "ParagraphTextDialog"]
