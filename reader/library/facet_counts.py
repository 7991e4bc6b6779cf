"""The facet counts of a set of article ids, from a snapshot of the library (`Places`).

A search of a million articles may match most of them, and the window wants each facet's
30 most frequent values over every match within the search's budget (issue 17: 150 ms at
a million articles).  Two stages:

1. `Places.read` (once per `places_generation`): arrays indexed by article id of its place
   code (the distinct year, month, paper and page name of its page), its sort code (kind,
   column and how many of its authors signed no other article, as one number) and the code
   of its first author who signed several (codes in name order); the other authors of
   several articles and the authors of one article as (article, author) rows in arrays.
2. `Places.tally`: the ids become one array, and each facet is a `numpy.bincount` of the
   codes it picks out (places, sort codes, author codes), each run in C over the whole set
   at once: a million ids are counted in tens of milliseconds, where `Counter` passes over
   Python lists took a quarter of a second at a third of that (numpy: `pyproject.toml`).
   An author of one article counts 1 at most: they are counted (through the sort code),
   and only named when fewer than the listed number of other authors have two matches.

numpy loads with this module, which the library imports when facets are first counted
(after the window's first answer), not when it opens: its import is a tenth of a second.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter

import numpy as np

from reader.library.connection import LibraryConnection
from reader.library.facet_values import FacetCount, ordered

#: The facets counted from a place code, in the order of a place's tuple.
_PLACE_FACETS = ("year", "month", "paper", "page")


@dataclass(frozen=True, eq=False)
class Places:
    """A snapshot of what the facets count, by article id (see the module docstring).

    `key` is the library's `places_generation` it was read at."""

    key: int
    place_of: np.ndarray  # article id → index into `places` (-1: no such article, not placed)
    #: article id → (kind * (len(columns) + 1) + column + 2, or 0 as above) * own_width
    #: + how many of its authors signed no other article
    sort_of: np.ndarray
    own_width: int
    places: tuple[tuple[str, str, str | None, str | None], ...]  # year, month, paper, name
    #: place facet → (place code → the facet's value code, -1 for none; the values)
    place_values: dict[str, tuple[np.ndarray, tuple[str, ...]]]
    kinds: tuple[str, ...]
    columns: tuple[str, ...]
    #: the authors who signed several articles, by name: an author's code is its index,
    #: so codes sort as names do
    author_names: tuple[str, ...]
    #: article id → the code of its first author of several articles (-1: none)
    author_of: np.ndarray
    #: the other authors of several articles of each article: (article id, author code) rows
    more_article: np.ndarray
    more_code: np.ndarray
    #: the authors who signed one article only: (article id, author id) rows
    own_article: np.ndarray
    own_author: np.ndarray
    #: the names of the given author ids (read from the library when a list shows them)
    author_name_reader: Callable[[np.ndarray], list[str]]

    @classmethod
    def read(cls, db: LibraryConnection, key: int, page_places_sql: str) -> Places:
        """The snapshot of the library as it is now; `page_places_sql` selects each place's
        page ids (one string), year, month, paper and page name (the facets module knows
        where they live)."""
        # Pages by place, each place's page ids as one string: far fewer rows than pages.
        top_page = db.execute("SELECT MAX(id) FROM pages").fetchone()[0] or 0
        page_place = np.full(top_page + 2, -1, dtype=np.int32)  # [-1]: no page
        places: list[tuple[str, str, str | None, str | None]] = []
        for pages, year, month, paper, name in db.execute(page_places_sql):
            page_place[_numbers(pages)] = len(places)
            places.append((year, month, paper, name))
        # Each article's page, and its kind and column, through covering indexes (id is
        # the rowid), handed over as strings.
        size = 1 + (db.execute("SELECT MAX(id) FROM articles").fetchone()[0] or 0)
        article, page = _pairs(db, "articles", "id", "coalesce(page_id, -1)")
        placed = np.zeros(size, dtype=bool)  # every article, placed or not
        placed[article] = True
        place_of = np.full(size, -1, dtype=np.int32)
        # An article whose page is not placed is counted under no facet but author, as in SQL.
        place_of[article] = page_place[np.clip(page, -1, top_page + 1)]
        kind_of, column_of = (np.full(size, -1, dtype=np.int32) for _ in range(2))
        kinds = _coded(db, "kind", kind_of)
        columns = _coded(db, "column_label", column_of)
        # Every signature as two arrays: each article's authors, each once.  An article's
        # first author of several articles goes in `author_of`, its others in the `more_`
        # arrays, its authors of one article only in the `own_` arrays.  Only the authors
        # of several articles are named here (their codes sort as their names); the others
        # are named when a list shows them.  Names and signatures held as Python objects
        # were most of the snapshot's memory and time (issue 17: +200 MB and 10 s CPU at
        # a million articles; now 2.7 s).
        signed, signer = _pairs(db, "article_authors", "article_id", "author_id")
        top_author = int(signer.max(initial=0))
        _, first = np.unique(signed * (top_author + 1) + signer, return_index=True)
        signed, signer = signed[first], signer[first]  # by article, then author
        shared_ids = np.flatnonzero(np.bincount(signer, minlength=top_author + 1) > 1)
        several = db.execute(
            "SELECT id, name FROM authors WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(shared_ids.tolist())]).fetchall()
        several.sort(key=itemgetter(1))  # codes in name order
        names = tuple(name for _, name in several)
        code_of = np.full(top_author + 1, -1, dtype=np.int64)
        code_of[[author_id for author_id, _ in several]] = np.arange(len(several))
        codes = code_of[signer]
        shared = codes >= 0
        by, coded = signed[shared], codes[shared]
        starts = np.ones(len(by), dtype=bool)
        starts[1:] = by[1:] != by[:-1]
        author_of = np.full(size, -1, dtype=np.int64)
        author_of[by[starts]] = coded[starts]
        own_article, own_author = signed[~shared], signer[~shared]
        own_count = np.bincount(own_article, minlength=size)[:size]
        # The sort code also says how many authors of one article the article has: they
        # are counted in the same pass.
        width, own_width = len(columns) + 1, 1 + int(own_count.max(initial=0))
        sorted_ = (kind_of.astype(np.int64) * width + column_of + 2)
        sorted_[(kind_of < 0) | (place_of < 0)] = 0
        sort_of = sorted_ * own_width + own_count
        sort_of[~placed] = 0  # no such article: counted under nothing

        def author_names(ids: np.ndarray) -> list[str]:
            listed = json.dumps(ids.tolist())
            return [name for (name,) in db.execute(
                "SELECT name FROM authors WHERE id IN (SELECT value FROM json_each(?))",
                [listed])]

        return cls(key, place_of, sort_of, own_width, tuple(places), _place_values(tuple(places)), kinds, columns, names, author_of,
                   by[~starts], coded[~starts], own_article, own_author, author_names)

    def tally(self, ids: Collection[int]) -> Tally:
        """The counts of `ids` (all facets but tag)."""
        return Tally(self, self._indices(ids))

    def _indices(self, ids: Collection[int]) -> np.ndarray:
        """`ids` as an array, without those the snapshot has no article for."""
        found = np.fromiter(ids, dtype=np.int64, count=len(ids))
        size = len(self.place_of)
        if len(found) and (found.min() < 0 or found.max() >= size):
            found = found[(found >= 0) & (found < size)]
        return found

    def own_names(self, among: np.ndarray) -> list[str]:
        """The authors of one article whose article is among the ids `among` says (a mask
        by article id)."""
        authors = self.own_author[among[self.own_article]]
        return self.author_name_reader(authors) if len(authors) else []


def _place_values(places: tuple[tuple, ...]) -> dict[str, tuple[np.ndarray, tuple[str, ...]]]:
    """For each place facet: place code → the code of its value (-1: none), and the values."""
    found = {}
    for at, name in enumerate(_PLACE_FACETS):
        values: dict[str, int] = {}
        codes = np.array([values.setdefault(place[at], len(values)) if place[at] else -1
                          for place in places], dtype=np.int64)
        found[name] = (codes, tuple(values))
    return found


class Tally:
    """The facet counts of a set of ids (`Places.tally`): each facet's counts by code, in
    arrays, turned into names only for what is listed."""

    def __init__(self, places: Places, indices: np.ndarray):
        self.places = places
        self._counters: dict[str, Counter[str]] = {}
        by_place = np.bincount(places.place_of[indices] + 1,
                               minlength=len(places.places) + 1)[1:]
        for name, (codes, values) in places.place_values.items():
            # A place of a value's code adds its count to that value (-1: to none).
            weights = np.bincount(codes + 1, weights=by_place, minlength=len(values) + 1)
            self._counters[name] = _counter(values, weights[1:].astype(np.int64))
        kinds, columns = Counter[str](), Counter[str]()
        width, own = len(places.columns) + 1, 0
        sorts = np.bincount(places.sort_of[indices])
        for code in np.flatnonzero(sorts).tolist():
            count = int(sorts[code])
            code, signers = divmod(code, places.own_width)
            own += signers * count
            if code == 0:
                continue
            kind, column = divmod(code - 1, width)
            if places.kinds[kind]:
                kinds[places.kinds[kind]] += count
            if column and places.columns[column - 1]:
                columns[places.columns[column - 1]] += count
        self._counters["kind"], self._counters["column"] = kinds, columns
        #: How many authors of one article the set has (each counts 1).
        self.own = own
        # Authors of several articles: each article's first, then its others (few).
        authors = np.bincount(places.author_of[indices] + 1,
                              minlength=len(places.author_names) + 1)[1:]
        #: article id → whether the set has it
        self.among = np.zeros(len(places.place_of), dtype=bool)
        self.among[indices] = True
        if len(places.more_code):
            authors += np.bincount(places.more_code[self.among[places.more_article]],
                                   minlength=len(places.author_names))
        #: author code → matches, for the authors of several articles
        self.authors = authors

    def counter(self, name: str) -> Counter[str]:
        """Value → count of the set, for every value it has."""
        if name == "author":
            counter = _counter(self.places.author_names, self.authors)
            counter.update(self.places.own_names(self.among))
            return counter
        return self._counters[name]

    def size(self, name: str) -> int:
        """How many values the facet has over the set."""
        if name == "author":
            return int(np.count_nonzero(self.authors)) + self.own
        return len(self._counters[name])

    def ordered(self, name: str, top: int | None) -> list[FacetCount]:
        """The facet's values as `FacetQueries.counts` lists them."""
        if name == "author" and top is not None and top > 0:
            found = _top_codes(self.authors, top)
            # An author of one article counts 1: none enters a list whose last counts 2.
            if len(found) == top and found[-1][1] >= 2:
                names = self.places.author_names
                return [FacetCount(names[code], count) for code, count in found]
        return ordered(name, self.counter(name), top)


def _counter(values: tuple[str, ...], counts: np.ndarray) -> Counter[str]:
    """Value → count for the values (by code) with a count."""
    present = np.flatnonzero(counts)
    return Counter(dict(zip(map(values.__getitem__, present.tolist()),
                            counts[present].tolist(), strict=True)))


def _top_codes(counts: np.ndarray, top: int) -> list[tuple[int, int]]:
    """The first `top` (code, count) by count (descending), then code, of the codes with a
    count, without sorting them all (codes sort as the names they stand for)."""
    present = np.flatnonzero(counts)
    if len(present) > top:
        # The top-th largest count; every code above it is in, ties at it by code.
        threshold = np.partition(counts[present], len(present) - top)[len(present) - top]
        above = present[counts[present] > threshold]
        tied = present[counts[present] == threshold][: top - len(above)]
        present = np.concatenate([above, tied])
    rows = list(zip(present.tolist(), counts[present].tolist(), strict=True))
    rows.sort(key=lambda r: (-r[1], r[0]))
    return rows


def _signers(rows: Iterable[tuple[int, str]]) -> Iterator[tuple[int, dict[str, None]]]:
    """(article id, its authors' names in order, each once) from rows ordered by article."""
    current, signers = -1, dict[str, None]()
    for article_id, name in rows:
        if article_id != current:
            if signers:
                yield current, signers
            current, signers = article_id, {}
        signers[name] = None
    if signers:
        yield current, signers


def _pairs(db: LibraryConnection, table: str, first: str, second: str
           ) -> tuple[np.ndarray, np.ndarray]:
    """Two integer columns of a table as arrays, handed over as two strings (a Python row
    per signature took seconds at a million articles)."""
    firsts, seconds = db.execute(
        f"SELECT group_concat({first}, ','), group_concat({second}, ',') FROM {table}"
    ).fetchone()
    return _numbers(firsts), _numbers(seconds)


def _numbers(listed: str | None) -> np.ndarray:
    if not listed:
        return np.zeros(0, dtype=np.int64)
    return np.array(listed.split(","), dtype=np.int64)


def _grouped(db: LibraryConnection, column: str) -> Iterator[tuple[object, np.ndarray]]:
    """(value, ids of the articles with it) for each value of an articles `column`."""
    for value, ids in db.execute(
            f"SELECT {column}, group_concat(id) FROM articles GROUP BY {column}"):
        yield value, np.array(ids.split(","), dtype=np.int64)


def _coded(db: LibraryConnection, column: str, codes: np.ndarray) -> tuple[str, ...]:
    """Fill `codes` (by article id) with the index of each article's value of the articles
    `column` in the returned tuple of its distinct values (NULL: left -1)."""
    values: list[str] = []
    for value, ids in _grouped(db, column):
        if value is None:
            continue
        codes[ids] = len(values)
        values.append(str(value))
    return tuple(values)
