"""The window's words for dates, archive rows and places, in the window's language.

The library's records carry dates, page numbers and names as data;
`reader.app.display` and `reader.app.archive` word them in Chinese (约2024年1月,
第19版, 报纸不详), which is what the CLI and the Chinese window show.  The
English window says the same things in English: dates through `QLocale`
(month and weekday names, ``c. Jan 2024`` for a date only inferred from the
text), the fixed words through the translation file.  In Chinese every
function returns exactly the app layer's words, so the two never drift.

Names that are content (paper names, page names, titles, columns) stay as
they are in both languages.
"""

from __future__ import annotations

import contextlib
from datetime import date as calendar_date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from reader.app import archive, display
from reader.app.archive import ArchiveNode
from reader.models import ArticleOrigin, date_given
from reader.ui import translation
from reader.ui.noop import QT_TRANSLATE_NOOP

_CONTEXT = "Wording"
UNKNOWN_DATE = QT_TRANSLATE_NOOP("Wording", "日期不详")
UNKNOWN_PAPER = QT_TRANSLATE_NOOP("Wording", "报纸不详")
UNKNOWN_ORIGIN = QT_TRANSLATE_NOOP("Wording", "出处不详")
UNTITLED = QT_TRANSLATE_NOOP("Wording", "(无标题)")
#: A date only inferred from the text: its words inside (约2024年1月 / c. Jan 2024).
INFERRED = QT_TRANSLATE_NOOP("Wording", "约{}")
PAGE = QT_TRANSLATE_NOOP("Wording", "第{}版")
#: A page without number or name is called by its first headline "and others".
FIRST_HEADLINE = QT_TRANSLATE_NOOP("Wording", "{}等")
_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def english() -> bool:
    """Whether the window speaks English now (the translation can change while it runs)."""
    return translation.current_language() == "en"


def _english_date(value: str, full: bool = False) -> str:
    """2024, Jan 2024, 7 Jan 2025 (`full`: Tuesday 7 January 2025)."""
    parts = value.split("-")
    with contextlib.suppress(ValueError, IndexError):
        if len(parts) == 1:
            return str(int(parts[0]))
        day = calendar_date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else 1)
        shown = QDate(day.year, day.month, day.day)
        if len(parts) == 2:
            return _ENGLISH.toString(shown, "MMMM yyyy" if full else "MMM yyyy")
        return _ENGLISH.toString(shown, "dddd d MMMM yyyy" if full else "d MMM yyyy")
    return value  # a malformed stored date: shown as stored


def date_text(value: str | None, precision: str, given: bool) -> str:
    """A date in words with its certainty: 约2025年1月 / c. Jan 2025, 2025年1月6日 / 6 Jan 2025."""
    if not english():
        return display.display_date(value, precision, given)
    if not value:
        return _tr(UNKNOWN_DATE)
    text = _english_date(value)
    return text if given else _tr(INFERRED).format(text)


def shown_date(value: str | None, precision: str, confirmed: bool) -> str | None:
    """A date as an origin line shows it (see `display.shown_date`), in the window's words."""
    if not english() or not value or precision == "unknown" or confirmed:
        return display.shown_date(value, precision, confirmed)
    return date_text(value, precision, False)


def month_name(month: int) -> str:
    """A month without its year (a facet's value under its year): 1月 / January."""
    if not english():
        return f"{month}月"
    return _ENGLISH.standaloneMonthName(month) if 1 <= month <= 12 else str(month)


def gap() -> str:
    """What sets a list row's parts apart: a full-width space in Chinese, two in English."""
    return "  " if english() else "\u3000"


def page_label(number: int | None, name: str | None) -> str | None:
    """第19版 党建 / p. 19 党建: a page as a reader names it (its name is content)."""
    if not english():
        return display.page_label(number, name)
    return " ".join(x for x in (_tr(PAGE).format(number) if number else None, name) if x) or None


def origin(where: ArticleOrigin, column: bool = True) -> str:
    """人民日报 · 2025-01-07 · 第19版 党建 · 栏目 in the window's words (`display_origin`)."""
    if not english():
        return display.display_origin(where, column)
    paper = " ".join(x for x in (where.paper, where.edition) if x) or None
    parts = [paper, shown_date(where.date, where.date_precision, where.date_confirmed),
             page_label(where.page_number, where.page_name), where.column if column else None]
    return " · ".join(p for p in parts if p) or _tr(UNKNOWN_ORIGIN)


def title(text: str) -> str:
    """An article's title as the app layer words it, the untitled mark in the window's words."""
    mark = display.untitled(())
    if english() and text.startswith(mark):
        return _tr(UNTITLED) + text[len(mark):]
    return text


def untitled(paragraphs) -> str:
    return title(display.untitled(paragraphs))


# -- the archive tree's rows --------------------------------------------------------------------


def _issue_date(node: ArchiveNode, full: bool) -> str:
    """Tue 7 Jan (the year is the row above), in full Tuesday 7 January 2025; inferred:
    c. Jan 2024."""
    if not node.date:
        return _tr(UNKNOWN_DATE)
    if node.date_precision == "day" and date_given(node.date_source):
        if full:
            return _english_date(node.date, full=True)
        with contextlib.suppress(ValueError):
            day = calendar_date.fromisoformat(node.date)
            return _ENGLISH.toString(QDate(day.year, day.month, day.day), "ddd d MMM")
    return date_text(node.date, node.date_precision, date_given(node.date_source))


def node_label(node: ArchiveNode) -> str:
    """A paper, year, issue or page row's name, as `archive` words it in Chinese."""
    if not english():
        return node.label
    if node.kind == "paper" and node.label == archive.UNNAMED_PAPER:
        return _tr(UNKNOWN_PAPER)
    if node.kind == "year":
        return node.date if node.date else _tr(UNKNOWN_DATE)
    if node.kind == "issue":
        return " ".join(x for x in (_issue_date(node, full=False), node.edition) if x)
    if node.kind == "page" and node.page_number:
        return page_label(node.page_number, node.page_name) or node.label
    if node.kind == "page" and not node.page_name:
        return headline_title(node.label)
    return node.label


def headline_title(title: str) -> str:
    """A page or issue the library calls by its first headline (破解机关党建“灯下黑”等),
    "and others" in the window's words; any other title as it is."""
    if english() and title.endswith("等"):
        return _tr(FIRST_HEADLINE).format(title[:-1])
    return title


def node_detail(node: ArchiveNode) -> str:
    """What a row's tooltip says first: an issue's paper and full date, else its name."""
    if not english():
        return node.detail or node.label
    if node.kind != "issue":
        return node_label(node)
    paper = node.paper or _tr(UNKNOWN_PAPER)
    return " ".join(x for x in (paper, _issue_date(node, full=True), node.edition) if x)


def page_origin(page: ArchiveNode) -> str:
    """Where a page is from, in the window's words (`archive.page_origin`)."""
    return origin(ArticleOrigin(page.paper, page.date, page.date_precision,
                                date_given(page.date_source), page.page_number, page.page_name,
                                None, page.edition))


__all__ = ["date_text", "english", "gap", "headline_title", "month_name", "node_detail", "node_label", "origin", "page_label",
           "page_origin", "shown_date", "title", "untitled"]
