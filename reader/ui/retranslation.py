"""Switching the window's language while it runs: every text on screen said again.

Qt's usual way is a `retranslateUi()` per widget that sets each text again
from its source.  Reader's six hundred texts are set where the widgets are
built, so instead of a second copy of each in a retranslate method, a switch
reads the translation file (`reader_en.ts`, the file `lrelease` compiles; the
bundle carries both) as a catalogue of every message in both languages and
walks the window: a text that is a message in the old language (its source,
or its English; `{}` and `%n` parts matched as patterns, the parts in
between said again too) is replaced by the same message asked of Qt's
translator, which by then holds the new language.  Texts that are not
messages (article titles, paper names, what the user typed) stay as they are.

What the walk cannot see says itself again: item views repaint, so their
models are asked again, and any widget with a `retranslate()` method (the
window's status bar parts, the tree's header …) has it called.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

from reader.ui import translation
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.settings import LANGUAGE
from reader.ui.translation import LANGUAGES

log = logging.getLogger(__name__)

NO_TRANSLATION = QT_TRANSLATE_NOOP("MainWindow", "找不到 {} 的界面翻译。")
SWITCHED = QT_TRANSLATE_NOOP("MainWindow", "界面语言已切换为 {}。")
_PLACEHOLDER = re.compile(r"\{([a-z_]*)\}|%n")


@dataclass(frozen=True)
class Message:
    """One message of the translation file: its context, Chinese source and English."""

    context: str
    source: str
    english: tuple[str, ...]  # one text, or the plural forms
    numerus: bool


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    message: Message
    names: tuple[str, ...]  # the placeholders in the order they are captured


def read_messages(ts_file: Path) -> list[Message]:
    """Every translated message of a Qt .ts file."""
    messages = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                   "obsolete"):
                continue
            forms = [f.text or "" for f in translation.findall("numerusform")]
            english = tuple(forms) if forms else (translation.text or "",)
            messages.append(Message(name, message.findtext("source", ""), english,
                                    message.get("numerus") == "yes"))
    return messages


def _pattern(text: str, message: Message) -> _Pattern | None:
    """A regex that reads `text` (a message as shown) back into its parts."""
    names: list[str] = []
    parts, end = [], 0
    for match in _PLACEHOLDER.finditer(text):
        parts.append(re.escape(text[end:match.start()]))
        if match.group(0) == "%n":
            names.append("%n")
            parts.append(r"(-?\d+)")
        else:
            names.append(match.group(1) or str(len(names)))
            parts.append("(.*?)")
        end = match.end()
    literal = _PLACEHOLDER.sub("", text)
    if len(literal.strip()) < 2:  # "{}" or "（{}）" would read any text as this message
        return None
    parts.append(re.escape(text[end:]))
    return _Pattern(re.compile("".join(parts) + r"\Z", re.S), message, tuple(names))


class Catalogue:
    """The messages as shown in one language, to say a shown text again in another."""

    def __init__(self, messages: list[Message], language: str):
        #: a text → the messages shown as it (one, unless two sources share a translation)
        self.exact: dict[str, list[Message]] = {}
        self.patterns: list[_Pattern] = []
        for message in messages:
            shown = (message.source,) if language == "zh" else message.english
            for text in shown:
                if _PLACEHOLDER.search(text):
                    pattern = _pattern(text, message)
                    if pattern is not None:
                        self.patterns.append(pattern)
                elif text:
                    self.exact.setdefault(text, []).append(message)
        # The longest patterns first: "{} 篇文章" must not take what "所选的 {} 篇文章" says.
        self.patterns.sort(key=lambda p: len(p.regex.pattern), reverse=True)

    def say_again(self, text: str, contexts: tuple[str, ...] = (), depth: int = 0
                  ) -> str | None:
        """`text` in the language now installed, or None if it is no message of this one.

        `contexts` are the class names of the widget showing it and its parents: where two
        sources share a translation ("Concordance": 语境, 语境索引), the message of the nearest
        class is meant."""
        if not text or depth > 2:
            return None
        found = self.exact.get(text)
        if found:
            rank = {name: n for n, name in enumerate(reversed(contexts))}
            best = max(found, key=lambda m: rank.get(m.context, -1))
            return QCoreApplication.translate(best.context, best.source)
        for pattern in self.patterns:
            match = pattern.regex.match(text)
            if match is None:
                continue
            values = dict(zip(pattern.names, match.groups(), strict=True))
            n = int(values.pop("%n")) if "%n" in values else -1
            message = pattern.message
            again = QCoreApplication.translate(message.context, message.source, None, n)
            said = {name: self.say_again(value, contexts, depth + 1) or value
                    for name, value in values.items()}
            try:
                return again.format(*(v for k, v in said.items() if k.isdigit()),
                                    **{k: v for k, v in said.items() if not k.isdigit()})
            except (IndexError, KeyError, ValueError):  # a text that only looked like it
                continue
        return None


def _contexts(obj: QObject | None) -> tuple[str, ...]:
    """The class names of `obj` and its parents, nearest first (the contexts of their tr())."""
    names = []
    while obj is not None:
        names.append(type(obj).__name__)
        obj = obj.parent()
    return tuple(names)


def _say(catalogue: Catalogue, text: str, setter, owner: QObject | None = None) -> None:
    again = catalogue.say_again(text, _contexts(owner))
    if again is not None and again != text:
        setter(again)


def _retranslate_widget(widget: QWidget, catalogue: Catalogue) -> None:
    _say(catalogue, widget.windowTitle(), widget.setWindowTitle, widget)
    _say(catalogue, widget.toolTip(), widget.setToolTip, widget)
    _say(catalogue, widget.statusTip(), widget.setStatusTip, widget)
    if isinstance(widget, (QAbstractButton, QLabel)):
        _say(catalogue, widget.text(), widget.setText, widget)
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        _say(catalogue, widget.placeholderText(), widget.setPlaceholderText, widget)
    if isinstance(widget, QStatusBar):  # the message shown now, for its usual time
        _say(catalogue, widget.currentMessage(), lambda t, bar=widget: bar.showMessage(t, 10000), widget)
    if isinstance(widget, QGroupBox):
        _say(catalogue, widget.title(), widget.setTitle, widget)
    if isinstance(widget, QMenu):
        _say(catalogue, widget.title(), widget.setTitle, widget)
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            _say(catalogue, widget.tabText(i), lambda t, i=i: widget.setTabText(i, t), widget)
            _say(catalogue, widget.tabToolTip(i), lambda t, i=i: widget.setTabToolTip(i, t), widget)
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            _say(catalogue, widget.itemText(i), lambda t, i=i: widget.setItemText(i, t), widget)
    if isinstance(widget, QListWidget):
        for i in range(widget.count()):
            row = widget.item(i)
            _say(catalogue, row.text(), row.setText, widget)
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        for column in range(widget.columnCount()):
            _say(catalogue, header.text(column), lambda t, c=column: header.setText(c, t), widget)
        iterator = QTreeWidgetItemIterator(widget)
        while iterator.value() is not None:
            item = iterator.value()
            for column in range(widget.columnCount()):
                _say(catalogue, item.text(column), lambda t, c=column, i=item: i.setText(c, t), widget)
            iterator += 1
    if isinstance(widget, QAbstractItemView):
        widget.viewport().update()  # a model's words are asked for again when painted


def retranslate_widgets(root: QWidget, catalogue: Catalogue) -> None:
    """Say every text of `root` and the widgets and actions under it in the new language."""
    for widget in [root, *root.findChildren(QWidget)]:
        _retranslate_widget(widget, catalogue)
    for action in root.findChildren(QAction):
        tip_is_text = action.toolTip() == action.text().replace("&", "")
        _say(catalogue, action.text(), action.setText, action)
        if not tip_is_text:  # a tooltip of its own (else Qt derives it from the text)
            _say(catalogue, action.toolTip(), action.setToolTip, action)
    owners = [*root.findChildren(QObject),
              *(view.model() for view in root.findChildren(QAbstractItemView))]
    for owner in {id(o): o for o in owners if o is not None}.values():
        retranslate = getattr(owner, "retranslate", None)
        if callable(retranslate):
            retranslate()


def switch_language(window, code: str) -> None:
    """The language menu's choice: remember it, install its translation, say every text of
    the window again (the MainWindow's `set_language`)."""
    name = dict(LANGUAGES)[code]
    window.language_actions[code].setChecked(True)
    if LANGUAGE.read(window._settings) != code:
        LANGUAGE.write(window._settings, code)
        window._settings.sync()
    if translation.current_language() == code:
        return
    if translation.install_translation(window._settings) != code:  # no compiled file
        window.messages.warning(_tr(NO_TRANSLATION).format(name))
        return
    window._shown_language = retranslate_window(window, window._shown_language)
    window.messages.info(_tr(SWITCHED).format(name))


def _tr(text: str) -> str:
    # The window's own texts (context MainWindow), said where the window asks for them.
    return QCoreApplication.translate("MainWindow", text)


def load_catalogue(language: str) -> Catalogue | None:
    """The messages as shown in `language`, from the translation file (None if unreadable)."""
    ts_file = translation.translations_dir() / "reader_en.ts"
    try:
        return Catalogue(read_messages(ts_file), language)
    except (OSError, ET.ParseError) as exc:
        log.warning("cannot read %s to switch the language: %s", ts_file, exc)
        return None


def retranslate_window(window: QWidget, shown: str) -> str:
    """Say the window's texts, now in `shown`, in the language installed; that language."""
    now = translation.current_language()
    if now != shown:
        catalogue = load_catalogue(shown)
        if catalogue is not None:
            retranslate_widgets(window, catalogue)
    return now


__all__ = ["Catalogue", "Message", "load_catalogue", "read_messages", "retranslate_widgets",
           "retranslate_window", "switch_language"]
