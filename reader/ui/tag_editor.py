"""The tag editor of the side panel: the article's tags as chips, and a field to add more.

The field is a `TagField`: typing completes from the library's tags by
name, pinyin initials (`hswy` → 红色物业), full pinyin or substring
(`reader.app.completion` decides), the first suggestion highlighted; Enter,
Tab or a click takes the highlighted suggestion and adds it at once.  With
no list shown (or after Esc, or with Shift+Enter) Enter adds what was typed
(several tags separated by commas or 、).  A chip's × removes its tag.  The
editor only asks (`add_requested`, `remove_requested`); the window makes
the change and calls `set_tags`.  Text typed but not confirmed is dropped
when another article is shown (`discard`), so it never lands on the wrong one.
A tag with a colour (`set_colors`) has a dot of it on its chip, as on the
rows of the tree and the lists.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

from reader.ui.flow_layout import FlowLayout
from reader.ui.plain import plain_tooltip
from reader.ui.tag_field import TagField, split_tags

#: The side of a chip's colour dot, in pixels.
DOT = 10


def dot_icon(color: str) -> QIcon:
    """A round dot of a tag's colour, for its chip."""
    pixmap = QPixmap(DOT, DOT)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(QRectF(0.5, 0.5, DOT - 1, DOT - 1))
    painter.end()
    return QIcon(pixmap)


class TagEditor(QWidget):
    """Chips for the current tags plus a completing line edit."""

    add_requested = Signal(list)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tags: tuple[str, ...] = ()
        self.colors: dict[str, str] = {}
        self.chips: dict[str, QToolButton] = {}
        self._chip_area = QWidget(self)
        self._flow = FlowLayout(self._chip_area)
        self.field = TagField(self)
        self.field.setPlaceholderText(self.tr("添加标签（回车确认，可输入拼音首字母）"))
        self.field.setClearButtonEnabled(True)
        self.field.exclude = lambda: set(self.tags)
        self.completer = self.field.suggester
        self.field.taken.connect(lambda _name: self._commit())
        self.field.literal.connect(self._commit)
        self.field.returnPressed.connect(self._commit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._chip_area)
        layout.addWidget(self.field)

    @property
    def complete(self) -> Callable[[str], list[str]]:
        return self.field.complete

    @complete.setter
    def complete(self, function: Callable[[str], list[str]]) -> None:
        self.field.complete = function

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
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            if self.colors.get(name) and QColor(self.colors[name]).isValid():
                chip.setIcon(dot_icon(self.colors[name]))
            chip.clicked.connect(lambda _checked=False, name=name: self.remove_requested.emit(name))
            self._flow.addWidget(chip)
            self.chips[name] = chip
        self._chip_area.setVisible(bool(self.tags))
        self._flow.invalidate()
        self._chip_area.updateGeometry()

    def set_colors(self, colors: dict[str, str]) -> None:
        """The tags' colours (name → colour): chips whose colour changed are drawn again."""
        if colors != self.colors:
            self.colors = dict(colors)
            self.set_tags(self.tags)

    def suggestions(self) -> list[str]:
        return self.field.suggestions()

    def discard(self) -> None:
        """Drop text typed but not confirmed (another article is shown)."""
        self.field.discard()

    def _commit(self) -> None:
        names = split_tags(self.field.text())
        self.field.hide_suggestions()
        if names:
            self.add_requested.emit(names)
        self.field.clear()


__all__ = ["TagEditor", "dot_icon", "split_tags"]
