"""The facet counts of a set of article ids, from a snapshot of the library (`Places`).

A search of 100k articles may match most of them, and the window wants each facet's 30 most
frequent values over every match within the search's budget.  Three stages:

1. `Places.read` (once per `places_generation`): per article id its place code (the
   distinct year, month, paper and page name of its page), its sort code (kind, column and
   how many of its authors signed no other article, as one number) and the codes of its
   authors who signed several (codes in name order), read through covering indexes.  The codes are kept in lists (not arrays): an int taken out of an array is a
   new object, one out of a list is shared, and `Counter` over shared objects is a third
   faster.
2. `Places.tally`: three `Counter` passes in C over the ids: places, sorts (and with them
   how many authors of one article), author codes.  A set larger than half the library is
   counted as its complement: the whole library's counts (kept with the snapshot) less
   those of the articles not matched, so no set costs more than half the library.
3. `Tally.ordered`: each facet's values in the order shown.  The author facet has a value
   for most articles (79k at 100k articles, 64k of them of one article only).  An author of
   one article counts 1 at most: they are counted, not named, unless fewer than 30 other
   authors have two matches.  Over a set counted as its complement, the first 30 are found
   by walking the authors by their count in the whole library (a match count is never
   larger) and stopping as soon as no later author can enter, not by sorting them all.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from operator import eq, itemgetter
from typing import TypeVar

from reader.library.connection import LibraryConnection

#: A facet value: a name, or an author's code (codes sort as their names do).
T = TypeVar("T", str, int)

#: The facet value of articles whose issue has no date (year and month facets).
UNDATED = "undated"
#: The facets `counts` returns, in the order a result list shows them.
FACET_NAMES = ("paper", "year", "month", "page", "column", "kind", "author", "tag")
#: The facets counted from a place code, in the order of a place's tuple.
_PLACE_FACETS = ("year", "month", "paper", "page")


@dataclass(frozen=True)
class FacetCount:
    """One value of a facet and how many of the matches have it."""

    value: str
    count: int


@dataclass(frozen=True)
class Places:
    """A snapshot of what the facets count, by article id (see the module docstring).

    `key` is the library's `places_generation` it was read at."""

    key: int
    place_of: list[int]  # article id → index into `places` (-1: no such article, not placed)
    #: article id → (kind * (len(columns) + 1) + column + 2, or 0 as above) * own_width
    #: + how many of its authors signed no other article
    sort_of: list[int]
    own_width: int
    places: tuple[tuple[str, str, str | None, str | None], ...]  # year, month, paper, name
    kinds: tuple[str, ...]
    columns: tuple[str, ...]
    #: the authors who signed several articles, by name: an author's code is its index,
    #: so codes sort as names do
    author_names: tuple[str, ...]
    #: article id → the code of its first author of several articles (-1: none)
    author_of: list[int]
    #: article id → the codes of its other authors of several articles (only where it has)
    more_authors_of: dict[int, tuple[int, ...]]
    #: article id → its authors who signed no other article
    own_authors_of: dict[int, tuple[str, ...]]
    every: frozenset[int]  # every article id
    #: the counts over `every` (authors: by code), the author codes by those counts, and
    #: the authors of one article (computed when first needed)
    _whole: dict[str, Counter] = field(default_factory=dict, compare=False)
    _ranked: list[tuple[int, int]] = field(default_factory=list, compare=False)
    _own: set[str] = field(default_factory=set, compare=False)

    @classmethod
    def read(cls, db: LibraryConnection, key: int, page_places_sql: str) -> Places:
        """The snapshot of the library as it is now; `page_places_sql` selects each page's
        id, year, month, paper and page name (the facets module knows where they live)."""
        place_codes: dict[tuple, int] = {}
        page_place = {
            page_id: place_codes.setdefault((year, month, paper, name), len(place_codes))
            for page_id, year, month, paper, name in db.execute(page_places_sql)}
        # Each of these scans a covering index (id is the rowid), not the articles' rows,
        # and hands over the ids of a value as one string.
        size = 1 + (db.execute("SELECT MAX(id) FROM articles").fetchone()[0] or 0)
        place_of, kind_of, column_of = ([-1] * size for _ in range(3))
        every: list[int] = []
        for page_id, ids in _grouped(db, "page_id"):
            every.extend(ids)
            place = page_place.get(page_id) if isinstance(page_id, int) else None
            if place is not None:  # else counted under no facet but author, as in SQL
                for article_id in ids:
                    place_of[article_id] = place
        kinds = _coded(db, "kind", kind_of)
        columns = _coded(db, "column_label", column_of)
        # SQL finds the authors of several articles, and the articles' authors are read one
        # article at a time: every article's authors held at once took half the snapshot's
        # memory (issue 17: +470 MB at 770k articles, +240 MB now).
        names = tuple(sorted(name for (name,) in db.execute(
            "SELECT name FROM authors WHERE id IN (SELECT author_id FROM article_authors "
            "GROUP BY author_id HAVING count(DISTINCT article_id) > 1)")))
        code_of = {name: code for code, name in enumerate(names)}
        author_of = [-1] * size
        more: dict[int, tuple[int, ...]] = {}
        own: dict[int, tuple[str, ...]] = {}
        for article_id, signers in _signers(db.execute(
                "SELECT aa.article_id, au.name FROM article_authors aa "
                "JOIN authors au ON au.id = aa.author_id ORDER BY aa.article_id, aa.position")):
            codes = [code_of[name] for name in signers if name in code_of]
            if codes:
                author_of[article_id] = codes[0]
                if len(codes) > 1:
                    more[article_id] = tuple(codes[1:])
            if len(codes) < len(signers):
                own[article_id] = tuple(name for name in signers if name not in code_of)
        # The sort code also says how many authors of one article the article has: they
        # are counted in the same pass.
        width, own_width = len(columns) + 1, 1 + max(map(len, own.values()), default=0)
        sort_of = [((kind * width + column + 1 if kind >= 0 and place >= 0 else -1) + 1)
                   * own_width + len(own.get(article_id, ()))
                   for article_id, (kind, column, place)
                   in enumerate(zip(kind_of, column_of, place_of, strict=True))]
        return cls(key, place_of, sort_of, own_width, tuple(place_codes), kinds, columns,
                   names, author_of, more, own, frozenset(every))

    def tally(self, ids: Collection[int]) -> Tally:
        """The counts of `ids` (all facets but tag), directly or as the whole less the rest."""
        if len(ids) > len(self.every) // 2:
            rest = self.every.difference(ids)
            return Tally(self, rest, self._count(rest), complement=True)
        return Tally(self, ids, self._count(ids), complement=False)

    def own_authors(self) -> set[str]:
        """Every author who signed one article only."""
        if not self._own:
            self._own.update(chain.from_iterable(self.own_authors_of.values()))
        return self._own

    def own_names(self, ids: Collection[int]) -> Iterator[str]:
        """The authors of one article among the authors of `ids`."""
        return chain.from_iterable(filter(None, map(self.own_authors_of.get, ids)))

    def whole(self) -> dict[str, Counter]:
        """The counts over every article (kept with the snapshot)."""
        if not self._whole:
            self._whole.update(self._count(self.every))
        return self._whole

    def ranked(self) -> list[tuple[int, int]]:
        """Every author of several articles (code) with the number of articles they signed,
        most first, then by name."""
        if not self._ranked:
            # Two sorts on one key each (in C), the second stable: by name within a count.
            ranked = sorted(self.whole()["author"].items(), key=itemgetter(0))
            ranked.sort(key=itemgetter(1), reverse=True)
            self._ranked.extend(ranked)
        return self._ranked

    def _count(self, ids: Collection[int]) -> dict[str, Counter]:
        counters: dict[str, Counter] = {name: Counter() for name in _PLACE_FACETS}
        if not ids:
            return {**counters, "kind": Counter(), "column": Counter(), "author": Counter(),
                    "own authors": Counter()}
        try:  # article ids are rowids (> 0); one past the snapshot is no article
            by_place = Counter(map(self.place_of.__getitem__, ids))
        except IndexError:
            ids = [i for i in ids if i < len(self.place_of)]
            by_place = Counter(map(self.place_of.__getitem__, ids))
        for code, count in by_place.items():
            if code < 0:
                continue
            for name, value in zip(_PLACE_FACETS, self.places[code], strict=True):
                if value:
                    counters[name][value] += count
        counters["kind"], counters["column"] = Counter(), Counter()
        width, own = len(self.columns) + 1, 0
        for code, count in Counter(map(self.sort_of.__getitem__, ids)).items():
            code, signers = divmod(code, self.own_width)
            own += signers * count
            if code == 0:
                continue
            kind, column = divmod(code - 1, width)
            if self.kinds[kind]:
                counters["kind"][self.kinds[kind]] += count
            if column and self.columns[column - 1]:
                counters["column"][self.columns[column - 1]] += count
        # The codes of the authors of several articles, first and others, counted in C in
        # one pass; those of one article are only counted (each is one value of count 1),
        # in the pass above.
        authors = Counter(chain(map(self.author_of.__getitem__, ids), chain.from_iterable(
            filter(None, map(self.more_authors_of.get, ids)))))
        authors.pop(-1, None)
        counters["author"] = authors
        counters["own authors"] = Counter({"": own})
        return counters


class Tally:
    """The facet counts of a set of ids as `Places.tally` counted them: `counted` holds the
    counts of `ids`, which are the set, or (`complement`) the articles it does not match.
    `counted["author"]` has the authors of several articles only; `counted["own authors"]`
    under "" how many authors of one article `ids` have."""

    def __init__(self, places: Places, ids: Collection[int], counted: dict[str, Counter],
                 complement: bool):
        self.places, self.ids, self.counted = places, ids, counted
        self.whole = places.whole() if complement else None

    def counter(self, name: str) -> Counter[str]:
        """Value → count of the set, for every value it has."""
        if name == "author":
            return self._authors()
        if self.whole is None:
            return self.counted[name]
        return _less(self.whole[name], self.counted[name])

    def size(self, name: str) -> int:
        """How many values the facet has over the set."""
        if self.whole is None:
            size = len(self.counted[name])
        else:
            whole, rest = self.whole[name], self.counted[name]
            # The values none of the set has: all their articles are in the rest (in C).
            size = len(whole) - sum(map(eq, map(whole.__getitem__, rest), rest.values()))
        if name == "author":
            own = self.counted["own authors"][""]
            size += len(self.places.own_authors()) - own if self.whole is not None else own
        return size

    def ordered(self, name: str, top: int | None) -> list[FacetCount]:
        """The facet's values as `FacetQueries.counts` lists them."""
        if name == "author" and top is not None and top > 0:
            found = self._shared_top(top)
            # An author of one article counts 1: none enters a list whose last counts 2.
            if len(found) == top and found[-1][1] >= 2:
                names = self.places.author_names
                return [FacetCount(names[code], count) for code, count in found]
        return ordered(name, self.counter(name), top)

    def _shared_top(self, top: int) -> list[tuple[int, int]]:
        """The first `top` authors of several articles (codes), by matches."""
        counted = self.counted["author"]
        if self.whole is not None:
            # Most of the library matched: its most frequent authors are nearly the
            # library's.  (Fewer matches are counted directly: a walk down the library's
            # order would pass the many authors of a few articles that did not match.)
            whole, rest = self.whole["author"], counted
            found = _top_by_rank(self.places.ranked(), lambda c: whole[c] - rest[c], top,
                                 len(whole) // 4)
            if found is not None:
                return found
            counted = _less(whole, rest)
        if len(counted) <= top:
            return sorted(counted.items(), key=lambda r: (-r[1], r[0]))
        return _most_frequent(counted, top)  # codes sort as names do

    def _authors(self) -> Counter[str]:
        """Every author of the set by name with their count, those of one article too."""
        names, places = self.places.author_names, self.places
        if self.whole is None:
            counter = Counter({names[code]: count
                               for code, count in self.counted["author"].items()})
            counter.update(places.own_names(self.ids))
            return counter
        counter = Counter({names[code]: count for code, count
                           in _less(self.whole["author"], self.counted["author"]).items()})
        counter.update(places.own_authors().difference(places.own_names(self.ids)))
        return counter


def _less(whole: Counter, rest: Counter) -> Counter:
    """The counts of `whole` less those of `rest`, without the values that reach 0."""
    return Counter({value: count - rest[value] for value, count in whole.items()
                    if count > rest[value]})


def _top_by_rank(ranked: list[tuple[T, int]], matched: Callable[[T], int | None],
                 top: int, steps: int) -> list[tuple[T, int]] | None:
    """The `top` values with the most matches (then by value) walking `ranked` (values by
    their count over the whole library, which no match count exceeds), or None when `steps`
    values were walked before the rest could be ruled out (a slower walk than a full sort).

    Once `top` values have at least n matches, a value of fewer than n articles in all
    cannot enter; one of exactly n still can (on its value), so its group is walked."""
    counts: list[int] = []  # a min-heap of the best `top` match counts so far
    found: list[tuple[T, int]] = []
    for step, (value, in_all) in enumerate(ranked):
        if len(counts) == top and in_all < counts[0]:
            break
        if step == steps:
            return None
        count = matched(value) or 0
        if count <= 0:
            continue
        found.append((value, count))
        if len(counts) < top:
            heapq.heappush(counts, count)
        elif count > counts[0]:
            heapq.heapreplace(counts, count)
    found.sort(key=lambda r: (-r[1], r[0]))
    return found[:top]


def ordered(name: str, counter: Counter[str] | dict[str, int], top: int | None = None
            ) -> list[FacetCount]:
    """Year and month oldest first (undated last); the others most frequent first (then by
    value), only the `top` first when `top` is given."""
    if name in ("year", "month"):
        rows = sorted(counter.items(), key=lambda r: (r[0] == UNDATED, r[0]))
    elif top is None or len(counter) <= top:
        rows = sorted(counter.items(), key=lambda r: (-r[1], r[0]))
    else:
        rows = _most_frequent(counter, top)
    return [FacetCount(str(value), count) for value, count in rows]


def _most_frequent(counter: Counter[T] | dict[T, int], top: int) -> list[tuple[T, int]]:
    """The first `top` of the values sorted by count (descending), then value, without
    sorting them all."""
    threshold = heapq.nlargest(top, counter.values())[-1]
    above = sorted(((v, c) for v, c in counter.items() if c > threshold),
                   key=lambda r: (-r[1], r[0]))
    tied = heapq.nsmallest(top - len(above), (v for v, c in counter.items() if c == threshold))
    return above + [(value, threshold) for value in tied]


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


def _grouped(db: LibraryConnection, column: str) -> Iterator[tuple[object, list[int]]]:
    """(value, ids of the articles with it) for each value of an articles `column`."""
    for value, ids in db.execute(
            f"SELECT {column}, group_concat(id) FROM articles GROUP BY {column}"):
        yield value, list(map(int, ids.split(",")))


def _coded(db: LibraryConnection, column: str, codes: list[int]) -> tuple[str, ...]:
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
