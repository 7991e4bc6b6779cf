"""The Ctrl+T dialog: tags to put on the selected articles, completed as in the side panel.

A `TagField` (Enter/Tab take the highlighted suggestion, `hswy` → 红色物业)
above the library's existing tags, most used first, with their counts.
Taking a suggestion, or double-clicking (or Enter on) a listed tag, adds
it to the field followed by "，" so the next tag can be typed; Enter with
no suggestion list shown accepts the dialog.  The dialog is opened with
`open()` (window-modal, not blocking a test); the caller reads `names()`
when it is accepted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.app.completion import complete_tags
from reader.models import TagSummary
from reader.ui import wording
from reader.ui.tag_field import TagField, last_segment, split_tags

#: Separator added after a taken tag, so the next one can be typed at once.
JOIN = "，"


class TagPrompt(QDialog):
    """Asks for tags to put on `count` articles; lists the library's tags."""

    def __init__(self, count: int, tags: list[TagSummary], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("加标签"))
        ordered = sorted(tags, key=lambda t: (-t.count, t.name))
        self._names = [t.name for t in ordered]
        self.label = QLabel(
            self.tr("给所选的 %n 篇文章加标签（多个标签用逗号分开）：", "", count), self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.field = TagField(self)
        self.field.complete = lambda prefix: complete_tags(prefix, self._names, 10)
        self.field.taken.connect(lambda _name: self.field.setText(self.field.text() + JOIN))
        self.tag_list = QListWidget(self)
        for summary in ordered:
            item = QListWidgetItem(f"{summary.name}{wording.gap()}{summary.count}", self.tag_list)
            item.setData(Qt.ItemDataRole.UserRole, summary.name)
        self.tag_list.itemActivated.connect(self._list_chosen)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.field)
        existing = QLabel(self.tr("已有的标签（双击加入）"), self)
        layout.addWidget(existing)
        layout.addWidget(self.tag_list)
        layout.addWidget(buttons)
        self.tag_list.setVisible(bool(ordered))
        existing.setVisible(bool(ordered))
        self.field.setFocus()

    def names(self) -> list[str]:
        """The tags asked for, each once, in the order typed."""
        return list(dict.fromkeys(split_tags(self.field.text())))

    def _list_chosen(self, item: QListWidgetItem) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        if name in self.names():
            return
        before, typed = last_segment(self.field.text())
        # a half-typed tag is kept: the listed one is added after it
        start = self.field.text() if typed.strip() else before
        if start and not start.rstrip().endswith(tuple(",，、;；")):
            start += JOIN
        self.field.setText(start + name + JOIN)
        self.field.setFocus()


__all__ = ["TagPrompt"]
