"""How the window names an article: its headline, or 「无题」 with its opening words in grey.

A row (`ArticleRow`, `TreeArticle`, `SearchHit`) carries `opening`: None
for an article with a headline, else the opening words of its text.  Lists
draw the two parts apart (the delegate's `OpeningRole` greys the words);
tooltips and other one-line places join them.  English reads "Untitled".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.ui.noop import QT_TRANSLATE_NOOP

UNTITLED = QT_TRANSLATE_NOOP("Titles", "「无题」")


def untitled_name() -> str:
    return QCoreApplication.translate("Titles", UNTITLED)


def title_parts(title: str, opening: str | None) -> tuple[str, str]:
    """(name, grey words): (headline, "") or (「无题」, its opening words)."""
    if opening is None:
        return title, ""
    return untitled_name(), opening


def one_line_title(title: str, opening: str | None) -> str:
    """The name on one line: the headline, or 「无题」 · and the opening words."""
    name, words = title_parts(title, opening)
    return f"{name} · {words}" if words else name


__all__ = ["UNTITLED", "one_line_title", "title_parts", "untitled_name"]
