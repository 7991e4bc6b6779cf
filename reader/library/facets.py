"""Counts and orderings over a set of article ids: the facets beside search results.

A search's matches are a set of article ids (possibly 100k of them).  They go to SQLite
once, as a JSON array read by `json_each`, and every facet is one GROUP BY over it, so
the counts cover all matches, not the page shown.  `dated` and `ordered_by_date` serve
the date sorts and the trends the same way.

Paper and page name are read through `PAPER` and `PAGE_NAME`, the one place that knows
where they are stored (today the `issues` columns with the user's override; the
publications/pages model of issue 14 changes only these expressions).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from reader.library.connection import LibraryConnection
from reader.library.issues import EFFECTIVE_DATE

#: The paper an article was printed in (the user's value given on import wins).
PAPER = "COALESCE(i.user_paper, i.paper)"
#: The name of the page (版名) an article was printed on.
PAGE_NAME = "COALESCE(i.user_page_name, i.page_name)"
#: The facet value of articles whose issue has no date (year and month facets).
UNDATED = "undated"

# Each facet: the value expression over `articles a JOIN issues i`, and whether undated /
# empty values count (year, month and kind cover every match, so their counts add up).
_FACET_SQL: dict[str, str] = {
    "year": f"COALESCE(substr({EFFECTIVE_DATE}, 1, 4), '{UNDATED}')",
    "month": f"CASE WHEN length({EFFECTIVE_DATE}) >= 7 THEN substr({EFFECTIVE_DATE}, 1, 7) "
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
        for name, expr in _FACET_SQL.items():
            rows = self._db.execute(
                f"SELECT {expr} AS v, COUNT(*) FROM json_each(?) j "
                "JOIN articles a ON a.id = j.value JOIN issues i ON i.id = a.issue_id "
                "WHERE v IS NOT NULL AND v != '' GROUP BY v",
                [given],
            ).fetchall()
            found[name] = _ordered(name, rows)
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

    def dated(self, ids: Collection[int]) -> dict[int, str | None]:
        """Article id → its issue's effective date (an ISO prefix), None when undated."""
        if not ids:
            return {}
        rows = self._db.execute(
            f"SELECT a.id, {EFFECTIVE_DATE} FROM json_each(?) j "
            "JOIN articles a ON a.id = j.value JOIN issues i ON i.id = a.issue_id",
            [_ids_json(ids)],
        )
        return {row[0]: row[1] for row in rows}

    def ordered_by_date(self, ids: Collection[int], newest_first: bool, limit: int,
                        offset: int = 0) -> list[int]:
        """A page of `ids` by issue date (undated last either way), then page order."""
        if not ids or limit <= 0:
            return []
        direction = "DESC" if newest_first else "ASC"
        rows = self._db.execute(
            f"SELECT a.id FROM json_each(?) j JOIN articles a ON a.id = j.value "
            f"JOIN issues i ON i.id = a.issue_id "
            f"ORDER BY {EFFECTIVE_DATE} IS NULL, {EFFECTIVE_DATE} {direction}, "
            f"a.issue_id {direction}, a.position, a.id LIMIT ? OFFSET ?",
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
        period = f"COALESCE(substr({EFFECTIVE_DATE}, 1, {width}), '{UNDATED}')"
        if term:
            occurrences = ("(length(lower(a.text)) - length(replace(lower(a.text), lower(?), '')))"
                           " / length(?)")
            params: list = [term, term]
        else:
            occurrences, params = "0", []
        source = "articles a"
        if ids is not None:
            source = "json_each(?) j JOIN articles a ON a.id = j.value"
            params.append(_ids_json(ids))
        rows = self._db.execute(
            f"SELECT {period} AS p, COUNT(*), SUM({occurrences}) FROM {source} "
            "JOIN issues i ON i.id = a.issue_id GROUP BY p",
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
                f"SELECT a.id, {EFFECTIVE_DATE}, COALESCE(a.title, ''), a.text FROM json_each(?) j "
                "JOIN articles a ON a.id = j.value JOIN issues i ON i.id = a.issue_id",
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
