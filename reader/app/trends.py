"""Trends: how often terms occur per month or year, absolute and per 1,000 articles.

For each term the query `FILTERS "TERM"` runs to its set of matching articles (so the
current filters apply and the term matches exactly as search finds it); the library then
groups those articles by period and counts the term's occurrences in their text
(`library.facets.by_period`).  The denominator of `per_1000_articles` is the number of
articles of that period that pass the filters alone (every article when there are none).
Undated articles form the period "undated", so for one term without filters `articles`
adds up to the search's total.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.app.research import find_matches
from reader.library.facets import UNDATED

if TYPE_CHECKING:  # sqlite-utils, jieba and Whoosh load when the library and index open
    from reader.library import Library
    from reader.search import SearchIndex

#: The period lengths a trend can be counted in.
PERIODS = ("month", "year")


@dataclass(frozen=True)
class TrendPoint:
    period: str
    term: str
    occurrences: int
    articles: int
    #: articles with the term per 1,000 articles of the period (that pass the filters)
    per_1000_articles: float


@dataclass(frozen=True)
class Trend:
    terms: tuple[str, ...]
    by: str
    filters: str
    #: every (period, term) pair, periods in time order (undated last), terms as given
    points: list[TrendPoint]
    #: period → articles that pass the filters (the denominators)
    base: dict[str, int]

    @property
    def periods(self) -> list[str]:
        return list(self.base)

    def series(self, term: str) -> list[TrendPoint]:
        return [p for p in self.points if p.term == term]


def trend(library: Library, index: SearchIndex, terms: list[str], by: str = "year",
          filters: str = "") -> Trend:
    """Counts of each term per period within the articles `filters` lets through."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; one of {', '.join(PERIODS)}")
    terms = [t for t in dict.fromkeys(" ".join(t.split()) for t in terms) if t]
    filters = filters.strip()
    base_ids = find_matches(library, index, filters).ids if filters else None
    base = library.facets.by_period(base_ids, by)
    counted = {term: library.facets.by_period(
        find_matches(library, index, f'{filters} "{_unquoted(term)}"').ids, by, term)
        for term in terms}
    periods = sorted(set(base).union(*counted.values()), key=lambda p: (p == UNDATED, p))
    points = []
    for period in periods:
        total = base.get(period, (0, 0))[0]
        for term in terms:
            articles, occurrences = counted[term].get(period, (0, 0))
            per_1000 = round(1000 * articles / total, 2) if total else 0.0
            points.append(TrendPoint(period, term, occurrences, articles, per_1000))
    return Trend(tuple(terms), by, filters, points,
                 {p: base.get(p, (0, 0))[0] for p in periods})


def _unquoted(term: str) -> str:
    return "".join(ch for ch in term if ch not in '"“”＂')


def trend_csv(result: Trend) -> str:
    """CSV with the columns period,term,occurrences,articles,per_1000_articles."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["period", "term", "occurrences", "articles", "per_1000_articles"])
    for p in result.points:
        writer.writerow([p.period, p.term, p.occurrences, p.articles, f"{p.per_1000_articles:g}"])
    return out.getvalue()


def period_filter(period: str) -> str | None:
    """The date filter listing one period's articles (None for the undated period)."""
    return None if period == UNDATED else f"date:{period}"
