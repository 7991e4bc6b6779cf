"""The tag editor of the side panel: the article's tags as chips, and a field to add more.

Typing completes from the library's tags by name, substring, full pinyin
or pinyin initials (`hsyw` → 红色物业; `reader.app.completion` decides),
so the completer shows exactly the list it is given (unfiltered).  Enter
adds what was typed (several tags separated by commas or 、), a chip's ×
removes its tag.  The editor only asks (`add_requested`,
`remove_requested`); the window makes the change and calls `set_tags`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QToolButton, QVBoxLayout, QWidget

from reader.ui.flow_layout import FlowLayout
from reader.ui.plain import plain_tooltip

#: What separates several tags typed at once.
SEPARATORS = re.compile(r"[,，、;；]")


def split_tags(text: str) -> list[str]:
    return [part.strip() for part in SEPARATORS.split(text) if part.strip()]


class TagEditor(QWidget):
    """Chips for the current tags plus a completing line edit."""

    add_requested = Signal(list)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        #: prefix → tag names to offer; the window sets it to the session's completer
        self.complete: Callable[[str], list[str]] = lambda _prefix: []
        self.tags: tuple[str, ...] = ()
        self.chips: dict[str, QToolButton] = {}
        self._chip_area = QWidget(self)
        self._flow = FlowLayout(self._chip_area)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("添加标签（回车确认，可输入拼音首字母）"))
        self.field.setClearButtonEnabled(True)
        self._suggestions = QStringListModel(self)
        self.completer = QCompleter(self._suggestions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setWidget(self.field)
        self.completer.activated.connect(self._completion_chosen)
        self.field.textEdited.connect(self._suggest)
        self.field.returnPressed.connect(self._commit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._chip_area)
        layout.addWidget(self.field)

    def set_tags(self, tags) -> None:
        self.tags = tuple(tags)
        while (item := self._flow.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.chips = {}
        for name in self.tags:
            chip = QToolButton(self._chip_area)
            chip.setText(f"{name}  ×")
            chip.setToolTip(plain_tooltip(self.tr("去掉标签“{}”").format(name)))
            chip.setAutoRaise(False)
            chip.clicked.connect(lambda _checked=False, name=name: self.remove_requested.emit(name))
            self._flow.addWidget(chip)
            self.chips[name] = chip
        self._chip_area.setVisible(bool(self.tags))
        self._flow.invalidate()
        self._chip_area.updateGeometry()

    def suggestions(self) -> list[str]:
        return self._suggestions.stringList()

    def _suggest(self, text: str) -> None:
        names = [n for n in self.complete(text.strip()) if n not in self.tags] if text.strip() \
            else []
        self._suggestions.setStringList(names)
        if names:
            self.completer.complete()
        else:
            self._hide_completions()

    def _completion_chosen(self, name: str) -> None:
        self.field.setText(name)
        self._commit()

    def _hide_completions(self) -> None:
        if (popup := self.completer.popup()) is not None:
            popup.hide()

    def _commit(self) -> None:
        names = split_tags(self.field.text())
        self._hide_completions()
        if names:
            self.add_requested.emit(names)
        self.field.clear()
        self._suggestions.setStringList([])


__all__ = ["TagEditor", "split_tags"]
