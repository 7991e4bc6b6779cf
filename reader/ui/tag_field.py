"""A line edit that completes tag names from the keyboard, used by the side panel and Ctrl+T.

Typing completes the tag being typed (the text after the last comma or 、)
from `complete(prefix)` (`reader.app.completion` decides the order: name,
pinyin initials, full pinyin, substring), and the first suggestion is
highlighted at once, as in a browser's address bar: Enter or Tab takes the
highlighted suggestion, ↓/↑ move the highlight, Esc closes the list so that
Enter adds the text exactly as typed.  Shift+Enter also adds it as typed.
A click on a suggestion takes it too.

Keys reach the popup while it is shown (Qt routes them to the active popup);
`TagCompleter.eventFilter` handles Enter/Tab there before QCompleter, which
would otherwise hide the list and pass Enter on to the field, making a tag
of the letters typed (`hswy`).  The same keys arriving at the field itself
(an input method, a test) are handled in `TagField.keyPressEvent`.

`taken(name)` says a suggestion was taken (the field now ends with it);
`QLineEdit.returnPressed` still says Enter was pressed with no list shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

#: What separates several tags typed at once.
SEPARATORS = re.compile(r"[,，、;；]")

#: Keys that take the highlighted suggestion.
TAKE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


def split_tags(text: str) -> list[str]:
    return [part.strip() for part in SEPARATORS.split(text) if part.strip()]


def last_segment(text: str) -> tuple[str, str]:
    """(what comes before the tag being typed, the tag being typed)."""
    parts = SEPARATORS.split(text)
    typed = parts[-1]
    return text[: len(text) - len(typed)], typed


class TagCompleter(QCompleter):
    """A completer whose Enter/Tab take the highlighted row instead of closing the list."""

    take_requested = Signal()
    literal_requested = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        popup = self.popup()
        if (event.type() == QEvent.Type.KeyPress and popup is not None and watched is popup
                and popup.isVisible() and isinstance(event, QKeyEvent)
                and event.key() in TAKE_KEYS):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier \
                    and event.key() != Qt.Key.Key_Tab:
                self.literal_requested.emit()
            else:
                self.take_requested.emit()
            return True
        return super().eventFilter(watched, event)


class TagField(QLineEdit):
    """A line edit completing the tag being typed; see the module docstring."""

    #: a suggestion was taken (its name); the field now ends with it
    taken = Signal(str)
    #: Shift+Enter with the list shown: add what was typed, as typed
    literal = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        #: prefix → tag names to offer, best first; the owner sets it
        self.complete: Callable[[str], list[str]] = lambda _prefix: []
        #: names not to offer (the article's own tags)
        self.exclude: Callable[[], set[str]] = set
        self._suggestions = QStringListModel(self)
        self.suggester = TagCompleter(self._suggestions, self)
        self.suggester.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.suggester.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.suggester.setWidget(self)
        self.suggester.activated.connect(self._take_name)
        self.suggester.take_requested.connect(self.take_highlighted)
        self.suggester.literal_requested.connect(self._literal)
        self.textEdited.connect(self._suggest)

    def suggestions(self) -> list[str]:
        return self._suggestions.stringList()

    def popup_shown(self) -> bool:
        popup = self.suggester.popup()
        return popup is not None and popup.isVisible()

    def highlighted(self) -> str | None:
        """The suggestion Enter would take now (None: no list shown)."""
        if not self.popup_shown():
            return None
        index = self._popup().currentIndex()
        names = self.suggestions()
        return index.data() if index.isValid() else (names[0] if names else None)

    def take_highlighted(self) -> None:
        name = self.highlighted()
        if name is not None:
            self._take_name(name)

    def discard(self) -> None:
        """Forget unconfirmed text and close the list (another article was opened)."""
        self.hide_suggestions()
        self.clear()

    def hide_suggestions(self) -> None:
        if (popup := self.suggester.popup()) is not None:
            popup.hide()
        self._suggestions.setStringList([])

    # -- internals --------------------------------------------------------------------------

    def _suggest(self, text: str) -> None:
        before, typed = last_segment(text)
        typed = typed.strip()
        if not typed:
            self.hide_suggestions()
            return
        skip = self.exclude() | set(split_tags(before))
        names = [n for n in self.complete(typed) if n not in skip]
        self._suggestions.setStringList(names)
        if not names:
            self.hide_suggestions()
            return
        self.suggester.complete()
        self._popup().setCurrentIndex(self.suggester.completionModel().index(0, 0))

    def _popup(self) -> QAbstractItemView:
        popup = self.suggester.popup()
        assert popup is not None  # QCompleter makes one on first use
        return popup

    def _take_name(self, name: str) -> None:
        before, _typed = last_segment(self.text())
        self.hide_suggestions()
        self.setText(before + name)
        self.taken.emit(name)

    def _literal(self) -> None:
        self.hide_suggestions()
        self.literal.emit()

    def event(self, event: QEvent) -> bool:
        # Esc with the list shown closes the list, not whatever the window binds Esc to
        # (返回目录): claim the shortcut (as Qt Creator's FancyLineEdit does, QTCREATORBUG-9453).
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape and self.popup_shown():
            event.accept()
            return True
        # Tab never reaches keyPressEvent (QWidget.event moves the focus first).
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Tab and self.popup_shown():
            self.take_highlighted()
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in TAKE_KEYS and self.popup_shown():
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier \
                    and event.key() != Qt.Key.Key_Tab:
                self._literal()
            else:
                self.take_highlighted()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.popup_shown():
            self.hide_suggestions()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.popup_shown():
            # Arriving here rather than at the popup (an input method, a test): move the highlight.
            popup = self._popup()
            row = popup.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
            count = self._suggestions.rowCount()
            popup.setCurrentIndex(self.suggester.completionModel().index(max(0, min(row, count - 1)), 0))
            event.accept()
            return
        super().keyPressEvent(event)


__all__ = ["TagCompleter", "TagField", "last_segment", "split_tags"]
