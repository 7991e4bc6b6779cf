"""Counts and orderings over a set of article ids: the facets beside search results.

A search's matches are a set of article ids (possibly 100k of them).  The facet counts
cover all of them, not the page shown.  Joining every match with its row, page, issue and
paper in SQL reads each matched article's row (large: it holds the text), so `counts`
works from `Places`: per article its page, kind and column as small codes in arrays, per
page its year, month, paper and page name, per article its authors, read through covering
indexes once and kept until the library's `places_generation` moves (anything but an
annotation changed: an import, a page, issue or paper edit, also by another process).
Counting is then a `numpy.bincount` of the ids' codes (`reader/library/facet_counts.py`).
The snapshot is read on the first facet request, not before (`ready` says whether it is
there: the window answers a search first and counts its facets after).  Tags change with
every Ctrl+T and are few: they are counted live from `article_tags`.  `ordered_by_date`, `by_period` and
`texts_by_date` serve the date sorts, the trends and the concordance in SQL, the ids going
in once as a JSON array read by `json_each`.

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
from typing import TYPE_CHECKING

from reader.library.connection import LibraryConnection
from reader.library.facet_values import FACET_NAMES, UNDATED, FacetCount, ordered
from reader.library.pages import EFFECTIVE_NAME, EFFECTIVE_NUMBER

if TYPE_CHECKING:  # numpy loads with the first count, not with the library
    from reader.library.facet_counts import Places

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
#: Each place (year, month, paper, page name) with the ids of its pages: `Places`.
_PAGE_PLACES = (f"SELECT group_concat(p.id), {_FACET_SQL['year']} AS y, "
                f"{_FACET_SQL['month']} AS m, {PAPER} AS pa, {PAGE_NAME} AS n "
                "FROM pages p JOIN issues i ON i.id = p.issue_id "
                "JOIN publications pub ON pub.id = i.publication_id GROUP BY y, m, pa, n")


def _ids_json(ids: Collection[int]) -> str:
    return json.dumps(sorted(int(i) for i in ids))


class FacetQueries:
    """`library.facets`: counts and date orderings over a given set of article ids."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection
        self._places: Places | None = None

    def counts(self, ids: Collection[int], top: int | None = None
               ) -> dict[str, list[FacetCount]]:
        """Facet name → its values with counts over `ids` (FACET_NAMES order).

        Year and month run oldest first (undated last); the others most frequent first
        (then by value), only the `top` first of them when `top` is given.  An article with
        two authors or tags counts once under each.  Counted over the `Places` of the
        library as it is now (read again after anything but annotations changed); tags are
        read as they are now.
        """
        return self.counts_and_sizes(ids, top)[0]

    def counts_and_sizes(self, ids: Collection[int], top: int | None = None
                         ) -> tuple[dict[str, list[FacetCount]], dict[str, int]]:
        """`counts`, and how many values each facet has in all (more than listed when `top`
        cut the list short)."""
        found: dict[str, list[FacetCount]] = {name: [] for name in FACET_NAMES}
        if not ids:
            return found, {name: 0 for name in FACET_NAMES}
        tally = self.places().tally(ids)
        sizes = {}
        for name in FACET_NAMES:
            if name == "tag":
                tags = self._tag_counts(ids)
                found[name], sizes[name] = ordered(name, tags, top), len(tags)
            else:
                found[name], sizes[name] = tally.ordered(name, top), tally.size(name)
        return found, sizes

    def places(self) -> Places:
        """Where each article was printed, its kind, column and authors, kept until the
        library's `places_generation` moves."""
        from reader.library.facet_counts import Places

        key = self._db.places_generation()
        places = self._places
        if places is None or places.key != key:
            places = self._places = Places.read(self._db, key, _PAGE_PLACES)
        return places

    def ready(self) -> bool:
        """The snapshot the counts come from is read and current: counting takes
        milliseconds, not the fraction of a second (at 100k articles) of reading it."""
        places = self._places
        return places is not None and places.key == self._db.places_generation()

    def prepare(self) -> Places:
        """The snapshot, read now if it is not (the window's first facet request)."""
        return self.places()

    def _tag_counts(self, ids: Collection[int]) -> Counter[str]:
        # Taggings are few beside the articles (and change with every Ctrl+T): read live.
        wanted = ids if isinstance(ids, (set, frozenset)) else set(ids)
        counter: Counter[str] = Counter()
        for article_id, name in self._db.execute(
                "SELECT at.article_id, t.name FROM article_tags at "
                "JOIN tags t ON t.id = at.tag_id"):
            if article_id in wanted:
                counter[name] += 1
        return counter

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
            # Title and body, joined by a line break no term can span (as the concordance
            # lists them: concordance.py).
            text = "lower(COALESCE(a.title, '') || char(10) || a.text)"
            occurrences = f"(length({text}) - length(replace({text}, lower(?), ''))) / length(?)"
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


__all__ = ["DATE", "FACET_NAMES", "PAGE_NAME", "PAGE_NUMBER", "PAPER", "SOURCE", "UNDATED",
           "FacetCount", "FacetQueries"]
