"""Counts and orderings over a set of article ids: the facets beside search results.

A search's matches are a set of article ids (possibly 100k of them).  They go to SQLite
once, as a JSON array read by `json_each`, joined with what the facets count, so
the counts cover all matches, not the page shown (the article and place facets are
counted in one pass over them).  `ordered_by_date`, `by_period` and
`texts_by_date` serve the date sorts, the trends and the concordance the same way.

Where an article was printed is read through `SOURCE` (articles → pages → issues →
publications, issue 14's model) and the expressions `DATE`, `PAPER`, `PAGE_NAME` and
`PAGE_NUMBER`, the one place here that knows where they are stored.  An issue's date is its
pages' effective date (`library.placing` keeps it so), as the date: filter reads it.  A
paper Reader had to name itself (a placeholder: the page name, or 报纸不详) is no paper:
it is not counted under 报纸.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from reader.library.connection import LibraryConnection
from reader.library.pages import EFFECTIVE_NAME, EFFECTIVE_NUMBER

_PLACE = ("JOIN pages p ON p.id = a.page_id JOIN issues i ON i.id = p.issue_id "
          "JOIN publications pub ON pub.id = i.publication_id")
#: An article (a) with its page (p), issue (i) and paper (pub).
SOURCE = f"articles a {_PLACE}"
#: The same for the articles whose ids are the JSON array given as the parameter.
_GIVEN = f"json_each(?) j JOIN articles a ON a.id = j.value {_PLACE}"
#: The date an article was printed on (an ISO prefix; NULL when unknown).
DATE = "i.date"
#: The paper an article was printed in; NULL when Reader does not know it.
PAPER = "CASE WHEN pub.placeholder = 0 THEN pub.name END"
#: The name (版名) and number (版次) of the page an article was printed on.
PAGE_NAME = EFFECTIVE_NAME
PAGE_NUMBER = EFFECTIVE_NUMBER
#: The facet value of articles whose issue has no date (year and month facets).
UNDATED = "undated"

# Each facet's value over `SOURCE`; an article without one is not counted, except that year
# and month count it as UNDATED (year, month and kind cover every match: they add up).
_FACET_SQL: dict[str, str] = {
    "year": f"COALESCE(substr({DATE}, 1, 4), '{UNDATED}')",
    "month": f"CASE WHEN length({DATE}) >= 7 THEN substr({DATE}, 1, 7) "
             f"ELSE '{UNDATED}' END",
    "kind": "a.kind",
    "column": "a.column_label",
    "paper": PAPER,
    "page": PAGE_NAME,
}

#: The facets `counts` returns, in the order a result list shows them.
FACET_NAMES = ("paper", "year", "month", "page", "column", "kind", "author", "tag")


@dataclass(frozen=True)
class FacetCount:
    """One value of a facet and how many of the matches have it."""

    value: str
    count: int


def _ids_json(ids: Collection[int]) -> str:
    return json.dumps(sorted(int(i) for i in ids))


class FacetQueries:
    """`library.facets`: counts and date orderings over a given set of article ids."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def counts(self, ids: Collection[int]) -> dict[str, list[FacetCount]]:
        """Facet name → its values with counts over `ids` (FACET_NAMES order).

        Year and month run oldest first (undated last); the others most frequent first.
        An article with two authors or tags counts once under each.
        """
        found: dict[str, list[FacetCount]] = {name: [] for name in FACET_NAMES}
        if not ids:
            return found
        given = _ids_json(ids)
        # One pass over the matches for the article and place facets (one GROUP BY each
        # would join every match six times), counted here.
        counters: dict[str, Counter[str]] = {name: Counter() for name in _FACET_SQL}
        names = list(_FACET_SQL)
        for row in self._db.execute(
                f"SELECT {', '.join(_FACET_SQL.values())} FROM {_GIVEN}", [given]):
            for name, value in zip(names, row, strict=True):
                if value:
                    counters[name][value] += 1
        for name, counter in counters.items():
            found[name] = _ordered(name, list(counter.items()))
        found["author"] = _ordered("author", self._db.execute(
            "SELECT au.name, COUNT(DISTINCT aa.article_id) FROM json_each(?) j "
            "JOIN article_authors aa ON aa.article_id = j.value "
            "JOIN authors au ON au.id = aa.author_id GROUP BY au.name",
            [given],
        ).fetchall())
        found["tag"] = _ordered("tag", self._db.execute(
            "SELECT t.name, COUNT(*) FROM json_each(?) j "
            "JOIN article_tags at ON at.article_id = j.value "
            "JOIN tags t ON t.id = at.tag_id GROUP BY t.name",
            [given],
        ).fetchall())
        return found

    def ordered_by_date(self, ids: Collection[int], newest_first: bool, limit: int,
                        offset: int = 0) -> list[int]:
        """A page of `ids` by issue date (undated last either way), then page order."""
        if not ids or limit <= 0:
            return []
        direction = "DESC" if newest_first else "ASC"
        rows = self._db.execute(
            f"SELECT a.id FROM {_GIVEN} "
            f"ORDER BY {DATE} IS NULL, {DATE} {direction}, i.id {direction}, "
            f"{PAGE_NUMBER} IS NULL, {PAGE_NUMBER}, p.id, a.position, a.id LIMIT ? OFFSET ?",
            [_ids_json(ids), limit, max(0, offset)],
        )
        return [row[0] for row in rows]


    def by_period(self, ids: Collection[int] | None, by: str, term: str | None = None
                  ) -> dict[str, tuple[int, int]]:
        """Period ("2024" or "2024-01"; UNDATED) → (articles, occurrences of `term`) over `ids`
        (None: every article).  Occurrences are counted in the article's text (title and
        body), Latin case-insensitively, without overlaps; 0 without a term.  An issue dated
        to the year only is its own period "2024" when counting by month."""
        if ids is not None and not ids:
            return {}
        width = 7 if by == "month" else 4
        period = f"COALESCE(substr({DATE}, 1, {width}), '{UNDATED}')"
        if term:
            occurrences = ("(length(lower(a.text)) - length(replace(lower(a.text), lower(?), '')))"
                           " / length(?)")
            params: list = [term, term]
        else:
            occurrences, params = "0", []
        source = SOURCE
        if ids is not None:
            source = _GIVEN
            params.append(_ids_json(ids))
        rows = self._db.execute(
            f"SELECT {period} AS period, COUNT(*), SUM({occurrences}) FROM {source} "
            "GROUP BY period",
            params,
        )
        return {row[0]: (row[1], row[2] or 0) for row in rows}

    def texts_by_date(self, ids: Collection[int], chunk: int = 500
                      ) -> Iterator[tuple[int, str | None, str, str]]:
        """(id, date, title, text) of `ids`, oldest issue first (undated last), read in chunks
        so a concordance over 100k articles does not hold every text at once."""
        order = self.ordered_by_date(ids, newest_first=False, limit=len(ids))
        for start in range(0, len(order), chunk):
            part = order[start:start + chunk]
            rows = {row[0]: row for row in self._db.execute(
                f"SELECT a.id, {DATE}, COALESCE(a.title, ''), a.text FROM {_GIVEN}",
                [_ids_json(part)])}
            for article_id in part:
                if article_id in rows:
                    yield rows[article_id]


def _ordered(name: str, rows: list[tuple[str, int]]) -> list[FacetCount]:
    if name in ("year", "month"):
        rows = sorted(rows, key=lambda r: (r[0] == UNDATED, r[0]))
    else:
        rows = sorted(rows, key=lambda r: (-r[1], r[0]))
    return [FacetCount(str(value), count) for value, count in rows]
