"""Counts in words with Qt's plural forms, for code that has no QObject of its own.

`self.tr("%n 篇文章", "", n)` is how a widget says a count: the translation file
holds one form per plural form of the language (1 article, 2 articles), and
`pyside6-lupdate` marks such a text as plural only in a `tr()` call.  Module
functions (the import report, page contents, the result list's selection)
call `Counts.tr(...)` instead, which lupdate files under the context
``Counts``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject


class Counts(QObject):
    """Only its `tr` is used: the translation context of counts said outside a widget."""

    if TYPE_CHECKING:  # PySide6 types `tr` as a method; called on the class it is static
        @staticmethod
        def tr(source: str, disambiguation: str | None = None,
               n: int = -1) -> str: ...


__all__ = ["Counts"]
