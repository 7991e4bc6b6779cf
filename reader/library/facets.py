"""Counts and orderings over a set of article ids: the facets beside search results.

A search's matches are a set of article ids (possibly 100k of them).  The facet counts
cover all of them, not the page shown.  Joining every match with its row, page, issue and
paper in SQL reads each matched article's row (large: it holds the text), so `counts`
works from `Places`: per article its page, kind and column as small codes in arrays, per
page its year, month, paper and page name, per article its authors, read through covering
indexes once and kept until the library's `places_generation` moves (anything but an
annotation changed: an import, a page, issue or paper edit, also by another process).
Counting is then a `Counter` pass over the ids in C.  Tags change with every Ctrl+T and
are few: they are counted live from `article_tags`.  `ordered_by_date`, `by_period` and
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

import heapq
import json
from array import array
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from itertools import chain

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


@dataclass(frozen=True)
class Places:
    """A snapshot of what the facets count, by article id, read through covering indexes.

    A search of 100k articles may match most of them; joining every match with its row,
    page, issue and paper in SQL reads each matched article's (large) row.  Here each
    article is a slot in two arrays: its place (the distinct (year, month, paper, page
    name) of its page: a few per month of the archive, far fewer than pages) and its sort
    (kind and column as one code), so counting is two passes of `Counter` over the ids in
    C, one for the authors, and a few dictionary additions per distinct place and sort.
    `key` is the library's `places_generation` it was read at.
    """

    key: int
    place_of: array      # article id → index into `places` (-1: no such article, not placed)
    sort_of: array       # article id → kind * (len(columns) + 1) + column + 1 (-1: as above)
    places: tuple[tuple[str, str, str | None, str | None], ...]  # year, month, paper, name
    kinds: tuple[str, ...]
    columns: tuple[str, ...]
    authors_of: dict[int, tuple[str, ...]]
    every: frozenset[int]      # every article id
    #: the counts over `every` (read at the first search matching most of the library)
    _whole: dict[str, Counter[str]] = field(default_factory=dict, compare=False)

    @classmethod
    def read(cls, db: LibraryConnection, key: int) -> Places:
        place_codes: dict[tuple, int] = {}
        page_place = {
            page_id: place_codes.setdefault((year, month, paper, name), len(place_codes))
            for page_id, year, month, paper, name in
            db.execute(f"SELECT p.id, {_FACET_SQL['year']}, {_FACET_SQL['month']}, {PAPER}, "
                       f"{PAGE_NAME} FROM pages p JOIN issues i ON i.id = p.issue_id "
                       "JOIN publications pub ON pub.id = i.publication_id")}
        # Each of these scans a covering index (id is the rowid), not the articles' rows,
        # and hands over the ids of a value as one string.
        size = 1 + (db.execute("SELECT MAX(id) FROM articles").fetchone()[0] or 0)
        place_of, kind_of, column_of = (array("q", [-1]) * size for _ in range(3))
        every: list[int] = []
        for page_id, ids in _grouped(db, "page_id"):
            every.extend(ids)
            place = page_place.get(page_id) if isinstance(page_id, int) else None
            if place is not None:  # else counted under no facet but author, as in SQL
                for article_id in ids:
                    place_of[article_id] = place
        kinds = _coded(db, "kind", kind_of)
        columns = _coded(db, "column_label", column_of)
        width = len(columns) + 1
        sort_of = array("q", (kind * width + column + 1 if kind >= 0 and place >= 0 else -1
                              for kind, column, place in zip(kind_of, column_of, place_of,
                                                             strict=True)))
        authors: dict[int, dict[str, None]] = {}
        for article_id, name in db.execute(
                "SELECT aa.article_id, au.name FROM article_authors aa "
                "JOIN authors au ON au.id = aa.author_id"):
            authors.setdefault(article_id, {})[name] = None
        return cls(key, place_of, sort_of, tuple(place_codes), kinds, columns,
                   {article_id: tuple(names) for article_id, names in authors.items()},
                   frozenset(every))

    def count(self, ids: Collection[int]) -> dict[str, Counter[str]]:
        """Facet → value → how many of `ids` have it (all facets but tag).

        A query matching most of the library ("的") is counted as the whole library's
        counts less those of the articles it does not match: fewer ids to count."""
        if len(ids) > len(self.every) // 2:
            if not self._whole:
                self._whole.update(self._count(self.every))
            rest = self._count(self.every.difference(ids))
            counters = {name: counter.copy() for name, counter in self._whole.items()}
            for name, counter in counters.items():
                counter.subtract(rest[name])
                for value in rest[name]:
                    if counter[value] <= 0:
                        del counter[value]
            return counters
        return self._count(ids)

    def _count(self, ids: Collection[int]) -> dict[str, Counter[str]]:
        counters: dict[str, Counter[str]] = {name: Counter() for name in _FACET_SQL}
        counters["author"] = Counter()
        if not ids:
            return counters
        size = len(self.place_of)
        if any(i >= size or i < 0 for i in (max(ids), min(ids))):
            ids = [i for i in ids if 0 <= i < size]
        for code, count in Counter(map(self.place_of.__getitem__, ids)).items():
            if code < 0:
                continue
            for name, value in zip(("year", "month", "paper", "page"), self.places[code],
                                   strict=True):
                if value:
                    counters[name][value] += count
        width = len(self.columns) + 1
        for code, count in Counter(map(self.sort_of.__getitem__, ids)).items():
            if code < 0:
                continue
            kind, column = divmod(code, width)
            if self.kinds[kind]:
                counters["kind"][self.kinds[kind]] += count
            if column and self.columns[column - 1]:
                counters["column"][self.columns[column - 1]] += count
        # The author names of every id that has some, flattened and counted in C (names,
        # not numbers: an int taken out of an array is a new object, a name is shared).
        counters["author"] = Counter(chain.from_iterable(
            filter(None, map(self.authors_of.get, ids))))
        return counters


def _grouped(db: LibraryConnection, column: str) -> Iterator[tuple[object, list[int]]]:
    """(value, ids of the articles with it) for each value of an articles `column`."""
    for value, ids in db.execute(
            f"SELECT {column}, group_concat(id) FROM articles GROUP BY {column}"):
        yield value, list(map(int, ids.split(",")))


def _coded(db: LibraryConnection, column: str, codes: array) -> tuple[str, ...]:
    """Fill `codes` (by article id) with the index of each article's value of the articles
    `column` in the returned tuple of its distinct values (NULL: left -1)."""
    values: list[str] = []
    for value, ids in _grouped(db, column):
        if value is None:
            continue
        code = len(values)
        values.append(str(value))
        for article_id in ids:
            codes[article_id] = code
    return tuple(values)


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
        counters = self.places().count(ids)
        counters["tag"] = self._tag_counts(ids)
        for name in FACET_NAMES:
            found[name] = _ordered(name, counters[name], top)
        return found, {name: len(counters[name]) for name in FACET_NAMES}

    def places(self) -> Places:
        """Where each article was printed, its kind, column and authors, kept until the
        library's `places_generation` moves."""
        key = self._db.places_generation()
        places = self._places
        if places is None or places.key != key:
            places = self._places = Places.read(self._db, key)
        return places

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


def _ordered(name: str, counter: Counter[str] | dict[str, int], top: int | None = None
             ) -> list[FacetCount]:
    if name in ("year", "month"):
        rows = sorted(counter.items(), key=lambda r: (r[0] == UNDATED, r[0]))
    elif top is None or len(counter) <= top:
        rows = sorted(counter.items(), key=lambda r: (-r[1], r[0]))
    else:
        rows = _most_frequent(counter, top)
    return [FacetCount(str(value), count) for value, count in rows]


def _most_frequent(counter: Counter[str] | dict[str, int], top: int) -> list[tuple[str, int]]:
    """The first `top` of the values sorted by count (descending), then value, without
    sorting them all: an author facet over 80k matches has tens of thousands of values."""
    threshold = heapq.nlargest(top, counter.values())[-1]
    above = sorted(((v, c) for v, c in counter.items() if c > threshold),
                   key=lambda r: (-r[1], r[0]))
    tied = heapq.nsmallest(top - len(above), (v for v, c in counter.items() if c == threshold))
    return above + [(value, threshold) for value in tied]
