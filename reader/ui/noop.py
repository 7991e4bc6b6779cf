"""`QT_TRANSLATE_NOOP` with a useful type: marks a text for Qt's translation tools.

PySide6 declares `QT_TRANSLATE_NOOP(context, text)` as returning `object`, yet it
returns `text` unchanged; every table of translatable words (tree headers, highlight
colours, the error catalogue) is a table of `str`.  The call keeps its name, so
`pyside6-lupdate` still finds the texts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
        """Return `text`; lupdate records it under `context`."""
        ...

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP"]
