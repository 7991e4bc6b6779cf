"""The rank of every indexed article's date, held as one array indexed by article id.

Search breaks ties by date and sorts by it, and its universe is "every indexed article", so
the first search of a session reads the date of every article (issue 17).  At a million
articles a dict of id → rank held 1M int keys in a 1M-slot table (~70 MB) and was read by
a GROUP BY that sorted every row in a temporary b-tree (0.7 of the first answer's 1.2 s
CPU).  Here:

1. `SubstringStore.ids_and_dates` reads the `docs` table a range of ids at a time (no
   sort), each range's dates as one string (no tuple a row, and no more than a range's date
   strings alive at once), and its ids as another only where some id of the range is no
   article (ids are the library's rowids: mostly dense);
2. each date gets a code in the order it is first seen, and the code is written at the
   article's id in an `array('i')` (4 bytes an id, C loops: `map` into `__setitem__`);
3. once every date is known they are sorted, and one pass turns codes into ranks: newest
   highest, undated (NULL or "") 0, no article -1.

`DateRanks` is a read-only `Mapping` (id → rank) with the dict's speed for what search asks
of it: `in`, `[]`, `get`, `len` and iterating the ids.  Article ids are the library's
rowids, dense from 1, so the array is about as long as the library is large.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import compress

__all__ = ["ABSENT", "DateRanks", "read_date_ranks"]

#: The array's value at an id no indexed article has.
ABSENT = -1


class DateRanks(Mapping[int, int]):
    """Article id → rank of its date (newest highest, undated 0); its keys are all the ids."""

    def __init__(self, ranks: array, count: int) -> None:
        """`ranks[id]` is the rank, or ABSENT; `count` how many ids are not ABSENT."""
        self._ranks = ranks
        self._count = count
        self._ids: frozenset[int] | None = None

    @property
    def ids(self) -> frozenset[int]:
        """Every id, as a set made once: every search without filters starts from all of
        them, and copying a set is 4× faster than making one of a million ids anew."""
        if self._ids is None:
            ranks, count = self._ranks, self._count
            dense = count == len(ranks) - 1 and (not count or ranks[0] == ABSENT)
            self._ids = frozenset(range(1, len(ranks)) if dense else self)
        return self._ids

    def __getitem__(self, article_id: int) -> int:
        rank = self.get(article_id, ABSENT)
        if rank == ABSENT:
            raise KeyError(article_id)
        return rank

    def get(self, article_id: int, default=None):
        ranks = self._ranks
        if 0 <= article_id < len(ranks):
            rank = ranks[article_id]
            if rank != ABSENT:
                return rank
        return default

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, int) and self.get(article_id, ABSENT) != ABSENT

    def __len__(self) -> int:
        return self._count

    def among(self, ids: Iterable[int]) -> set[int]:
        """Those of `ids` that are indexed articles (in C passes, not a Python test an id)."""
        ranks = self._ranks
        ids = ids if isinstance(ids, set | frozenset | list | tuple) else list(ids)
        if ids and (min(ids) < 0 or max(ids) >= len(ranks)):
            ids = [i for i in ids if 0 <= i < len(ranks)]
        return set(compress(ids, map(ABSENT.__lt__, map(ranks.__getitem__, ids))))

    def __iter__(self) -> Iterator[int]:
        """The ids in ascending order (a C loop over the array)."""
        return compress(range(len(self._ranks)), map(ABSENT.__lt__, self._ranks))


def read_date_ranks(slices: Iterable[tuple[int, str | None, str]], max_id: int) -> DateRanks:
    """The ranks from (first id, ids, dates) slices: the ids as decimal numbers joined by
    ",", or None for the ids from the first on, one a date; their dates ("" for none) in
    the same order joined by "\\x1f" (the module docstring)."""
    # Code 0 is no article; a date's code is 1 + the order it was first seen in.
    codes = array("i", bytes(4 * (max_id + 1)))
    code_of: dict[str, int] = {}
    count = 0
    for first, ids_text, dates_text in slices:
        dates = dates_text.split("\x1f")
        for date in dict.fromkeys(dates):  # the slice's distinct dates: a few
            if date not in code_of:
                code_of[date] = len(code_of) + 1
        count += len(dates)
        if ids_text is None:  # ids first, first + 1, …: the codes are a piece of the array
            codes[first:first + len(dates)] = array("i", map(code_of.__getitem__, dates))
            continue
        ids = list(map(int, ids_text.split(",")))
        if len(ids) != len(dates):
            raise ValueError("a slice's ids and dates differ in number")
        # Every article's code written in C: no Python step an article.
        deque(map(codes.__setitem__, ids, map(code_of.__getitem__, dates)), maxlen=0)
    rank_of_code = [ABSENT] * (len(code_of) + 1)
    rank = 0
    for date in sorted(code_of):  # "" (undated) sorts first
        if date:
            rank += 1
        rank_of_code[code_of[date]] = rank if date else 0
    return DateRanks(array("i", map(rank_of_code.__getitem__, codes)), count)
