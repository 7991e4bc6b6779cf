"""The search filters (tag: author: column: kind: issue: date: has: is: paper: page: title:
note:), one entry each.

A filter is a `FilterSpec`: its name, the Chinese names it also answers to,
how a typed value is normalised (None: not a valid value, so the text is
searched instead, with a notice), and how it selects article ids from the
library (handed in by `reader.app.searching`: this layer imports no
library, it only names the query to call).  The query parser and
the search service read `FILTERS` and nothing else, so a new filter is one
entry here, plus an id query in `reader/library/filters.py` if none fits.

Dates compare as ISO prefixes: "2024", "2024-01", "2024-01-06", or a range
"A..B" of them (either side may be empty).  A filter for a day matches an
issue known only to its month: a reader filtering by date should not lose
the issues whose day the parser could not infer.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reader.models import ArticleKind

__all__ = ["FILTERS", "FilterSpec", "date_bounds", "date_matches", "filters_by_name"]


@dataclass(frozen=True)
class FilterSpec:
    """One search filter.

    `select(library, value)` is given the open `Library` and a value `normalise`
    returned, and returns the ids of the passing articles (usually through one
    of the id queries of `library.filters`).
    """

    name: str
    aliases: tuple[str, ...]
    normalise: Callable[[str], str | None]
    select: Callable[[Any, str], set[int]]


def filters_by_name(filters: tuple[FilterSpec, ...]) -> dict[str, FilterSpec]:
    """Each filter under its name and each of its aliases (names compared lower-cased)."""
    found: dict[str, FilterSpec] = {}
    for spec in filters:
        for name in (spec.name, *spec.aliases):
            found[name.lower()] = spec
    return found


# -- values ------------------------------------------------------------------------------------

#: The largest id SQLite stores (a signed 64-bit integer).
_MAX_ID = 2**63 - 1

#: has: values, English and Chinese.
_HAS_VALUES = {
    "note": "note", "notes": "note", "highlight": "highlight", "highlights": "highlight",
    "笔记": "note", "划线": "highlight", "标注": "highlight",
}

#: kind: also takes the Chinese names the window shows.
_KIND_ALIASES = {
    "文章": ArticleKind.ARTICLE, "报道": ArticleKind.ARTICLE, "评论": ArticleKind.COMMENTARY,
    "图片": ArticleKind.PHOTO, "照片": ArticleKind.PHOTO, "简讯": ArticleKind.BRIEFS,
    "信息": ArticleKind.BRIEFS, "学习": ArticleKind.QUOTES, "语录": ArticleKind.QUOTES,
    "来信": ArticleKind.LETTER, "致读者": ArticleKind.LETTER,
}

#: is: values (reading state), English and Chinese.
_IS_VALUES = {
    "unread": "unread", "未读": "unread", "read": "read", "已读": "read",
    "starred": "starred", "star": "starred", "星标": "starred", "收藏": "starred",
}

_DATE_PART = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")


def _as_is(value: str) -> str | None:
    return value


def _kind(value: str) -> str | None:
    kind = _KIND_ALIASES.get(value, value.lower())
    return str(ArticleKind(kind)) if kind in set(ArticleKind) else None


def _issue(value: str) -> str | None:
    # ASCII digits only ("²" is a digit to str.isdigit), and an id SQLite can hold.
    if not (value.isascii() and value.isdigit()) or not 0 < int(value) <= _MAX_ID:
        return None
    return str(int(value))


def _has(value: str) -> str | None:
    return _HAS_VALUES.get(value.lower())


def _is(value: str) -> str | None:
    return _IS_VALUES.get(value.lower())


def _date_range(value: str) -> str | None:
    for sep in ("..", "～", "~"):
        if sep in value:
            low, _, high = value.partition(sep)
            low_n = _date(low) if low else ""
            high_n = _date(high) if high else ""
            if low_n is None or high_n is None or (not low and not high):
                return None
            if low_n and high_n and _period(low_n)[0] > _period(high_n)[1]:
                return None
            return f"{low_n}..{high_n}"
    return _date(value)


def _date(value: str) -> str | None:
    match = _DATE_PART.fullmatch(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return datetime.date(int(year), int(month), int(day)).isoformat()
        if month:
            return datetime.date(int(year), int(month), 1).isoformat()[:7]
        return f"{int(year):04d}"
    except ValueError:
        return None


def _period(prefix: str) -> tuple[str, str]:
    """First and last day an ISO prefix covers, as comparable strings ("2024-02" → 02-01..02-31)."""
    parts = prefix.split("-")
    start = "-".join(parts + ["01"] * (3 - len(parts)))
    end = "-".join(parts + ["12", "31"][len(parts) - 1 :])
    return start, end


def date_bounds(value: str) -> tuple[str | None, str | None]:
    """First and last day (ISO, "-31" for a month's end) a normalised date filter value covers."""
    low, sep, high = value.partition("..")
    if not sep:
        return _period(value)
    return (_period(low)[0] if low else None, _period(high)[1] if high else None)


def date_matches(value: str, date: str | None) -> bool:
    """Whether an issue date (an ISO prefix of any precision) overlaps a date filter value."""
    if not date:
        return False
    first, last = date_bounds(value)
    start, end = _period(date)
    return (last is None or start <= last) and (first is None or end >= first)


# -- the filters -------------------------------------------------------------------------------


def _dates(library: Any, value: str) -> set[int]:
    return library.filters.ids_in_dates(*date_bounds(value))


def _annotated(library: Any, value: str) -> set[int]:
    if value == "note":
        return library.filters.ids_with_note()
    return library.filters.ids_with_highlight()


def _reading_state(library: Any, value: str) -> set[int]:
    if value == "unread":
        return library.reading.unread_ids()
    if value == "read":
        return library.reading.read_ids()
    return library.reading.starred_ids()


#: Every filter the search bar understands, in the order the help lists them.
FILTERS: tuple[FilterSpec, ...] = (
    FilterSpec("tag", ("标签",), _as_is, lambda lib, value: lib.filters.ids_with_tag(value)),
    FilterSpec("author", ("作者",), _as_is, lambda lib, value: lib.filters.ids_by_author(value)),
    FilterSpec("column", ("栏目",), _as_is, lambda lib, value: lib.filters.ids_by_column(value)),
    FilterSpec("kind", (), _kind, lambda lib, value: lib.filters.ids_by_kind(value)),
    FilterSpec("issue", (), _issue, lambda lib, value: lib.filters.ids_in_issue(int(value))),
    FilterSpec("date", ("日期",), _date_range, _dates),
    FilterSpec("has", (), _has, _annotated),
    FilterSpec("is", ("状态",), _is, _reading_state),
    FilterSpec("paper", ("报纸", "报名"), _as_is, lambda lib, value: lib.filters.ids_by_paper(value)),
    FilterSpec("page", ("版名", "版次"), _as_is, lambda lib, value: lib.filters.ids_on_page(value)),
    FilterSpec("title", ("标题", "篇名"), _as_is,
               lambda lib, value: lib.filters.ids_with_title_containing(value)),
    FilterSpec("note", ("笔记",), _as_is,
               lambda lib, value: lib.filters.ids_with_note_containing(value)),
)
