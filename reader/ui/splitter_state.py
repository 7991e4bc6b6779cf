"""Every splitter of the window keeps the sizes the reader dragged it to, across restarts.

The main splitter (navigator | article | side panel) has its own setting
(`SPLITTER`, restored with the window's geometry); the others (the tag and
author views' list over articles, the research page's results beside their
tools) are found under the window when it closes and their states are kept
together in `SPLITTERS`, each under a key naming where it sits: its object
name, else the class of the view holding it (`TagsView`), with a number when
one view holds several.  A key the window no longer has is ignored, a state
Qt refuses leaves the splitter as built.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

from reader.ui import settings as window_settings


def splitter_keys(window: QWidget, skip: QSplitter | None = None) -> dict[str, QSplitter]:
    """The window's splitters by key (`skip`: the one kept by a setting of its own)."""
    found: dict[str, QSplitter] = {}
    seen: Counter[str] = Counter()
    for splitter in window.findChildren(QSplitter):
        if splitter is skip:
            continue
        parent = splitter.parentWidget()
        base = splitter.objectName() or (type(parent).__name__ if parent else "splitter")
        seen[base] += 1
        found[base if seen[base] == 1 else f"{base}-{seen[base]}"] = splitter
    return found


def save_splitters(window: QWidget, store: QSettings, skip: QSplitter | None = None) -> None:
    states = {key: splitter.saveState().toBase64().toStdString()
              for key, splitter in splitter_keys(window, skip).items()}
    window_settings.SPLITTERS.write(store, states)


def restore_splitters(window: QWidget, store: QSettings, skip: QSplitter | None = None) -> None:
    states = window_settings.SPLITTERS.read(store)
    for key, splitter in splitter_keys(window, skip).items():
        if key in states:
            splitter.restoreState(QByteArray.fromBase64(states[key].encode("ascii")))


__all__ = ["restore_splitters", "save_splitters", "splitter_keys"]
