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

Reading them takes ~0.5 s of CPU at a million articles, and the page of most searches needs
the dates of a few dozen articles only (its best word hits and their ties): so the window's
first answer does not wait for it.  `DatesOnDemand` answers those pages (searching.py
`_page_ranks`) with the dates of just the ids asked about, read from the index a few at a
time, and reads the whole (`DateRanks`) only once a search asks about more than
`MOST_LOOKUPS` ids.  Its values are not ranks but `date_key`s, which order as the ranks do
(newest highest, undated 0), so a page is the same either way.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import compress

__all__ = ["ABSENT", "MOST_LOOKUPS", "DateRanks", "DatesOnDemand", "RanksReading", "date_key",
           "read_date_ranks"]

#: The array's value at an id no indexed article has.
ABSENT = -1
#: `DatesOnDemand` reads every date once a search has asked about more ids than this (a
#: filter by membership of every word hit: a query of a common word with a deleted
#: document among its best): a few ms of single-row reads, against ~0.5 s for all at 1M.
MOST_LOOKUPS = 2_000
#: `date_key` orders dates by their first this many UTF-8 bytes (a date is YYYY[-MM[-DD]]).
KEY_BYTES = 16


class DateRanks(Mapping[int, int]):
    """Article id → rank of its date (newest highest, undated 0); its keys are all the ids."""

    def __init__(self, ranks: array, count: int, dates: tuple[str, ...] = ()) -> None:
        """`ranks[id]` is the rank, or ABSENT; `count` how many ids are not ABSENT;
        `dates` the dated ranks' dates, oldest first (rank r is `dates[r - 1]`)."""
        self._ranks = ranks
        self._count = count
        self._dates = dates
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

    def date(self, article_id: int) -> str | None:
        """The article's date ("" undated), or None when it is no indexed article."""
        rank = self.get(article_id, ABSENT)
        if rank == ABSENT:
            return None
        return self._dates[rank - 1] if rank else ""


def date_key(date: str) -> int:
    """A number that orders as `date` does among dates, "" (undated) 0: its UTF-8 bytes
    read as one big-endian number, padded to KEY_BYTES (so "2024-01" < "2024-01-01")."""
    return int.from_bytes(date.encode("utf-8")[:KEY_BYTES].ljust(KEY_BYTES, b"\0"), "big")


class DatesOnDemand(Mapping[int, int]):
    """Article id → `date_key` of its date (newest highest, undated 0); its keys are every
    indexed article's id, as `DateRanks`'s, but each id's date is read when first asked
    for (the module docstring).

    `read(ids)` gives the dates ("" undated) of those of `ids` that are indexed articles;
    `count()` how many there are (a count of a million rows: 30 ms, once) and `max_id()`
    the highest id: when they are equal every id up to it is an article (the usual library)
    and `in` reads nothing; otherwise each id asked about is read (~9 µs), and once more than
    `most` were, `whole()`, the `DateRanks` of all."""

    def __init__(self, read: Callable[[list[int]], dict[int, str]], count: Callable[[], int],
                 max_id: Callable[[], int], whole: Callable[[], DateRanks],
                 most: int | None = None) -> None:
        self._read, self._count, self._max_id, self._whole = read, count, max_id, whole
        self._most = MOST_LOOKUPS if most is None else most
        #: id → date key, or ABSENT (asked about, no indexed article)
        self._keys: dict[int, int] = {}
        self._all: DateRanks | None = None
        self._len: int | None = None
        #: The highest id when every id from 1 to it is an article, else 0 (None: not known).
        self._dense_to: int | None = None
        self._top = 0

    @property
    def lookups(self) -> int:
        """How many ids were read one by one."""
        return len(self._keys)

    def _key(self, article_id: int) -> int:
        key = self._keys.get(article_id)
        if key is not None:
            return key
        if self._all is None and len(self._keys) >= self._most:
            self._all = self._whole()
        if self._all is not None:
            date = self._all.date(article_id)
        else:
            date = self._read([article_id]).get(article_id)
        key = ABSENT if date is None else date_key(date)
        self._keys[article_id] = key
        return key

    def __getitem__(self, article_id: int) -> int:
        key = self._key(article_id) if isinstance(article_id, int) else ABSENT
        if key == ABSENT:
            raise KeyError(article_id)
        return key

    def get(self, article_id: int, default=None):
        key = self._key(article_id) if isinstance(article_id, int) else ABSENT
        return default if key == ABSENT else key

    def __contains__(self, article_id: object) -> bool:
        # Whoosh's deleted documents are -1: nothing read for them.
        if not isinstance(article_id, int) or article_id < 1:
            return False
        if self._dense_to is None:
            self._top = self._max_id()
            self._dense_to = self._top if len(self) == self._top else 0
        if article_id <= self._dense_to:
            return True
        return article_id <= self._top and self._key(article_id) != ABSENT

    def __bool__(self) -> bool:
        return bool(self._len) if self._len is not None else self._max_id() > 0

    def __len__(self) -> int:
        if self._len is None:
            self._len = len(self._all) if self._all is not None else self._count()
        return self._len

    def __iter__(self) -> Iterator[int]:
        """Every id, ascending (reads the whole: nothing on a page's path iterates)."""
        if self._all is None:
            self._all = self._whole()
        return iter(self._all)


def read_date_ranks(slices: Iterable[tuple[int, str | None, str]], max_id: int) -> DateRanks:
    """The ranks from (first id, ids, dates) slices: the ids as decimal numbers joined by
    ",", or None for the ids from the first on, one a date; their dates ("" for none) in
    the same order joined by "\x1f" (the module docstring)."""
    reading = RanksReading(max_id)
    for first, ids_text, dates_text in slices:
        reading.add(first, ids_text, dates_text)
    return reading.ranks()


class RanksReading:
    """`read_date_ranks` a slice at a time (`add`), so that reading them can pause between
    slices (the window's warm-up, searching.py `prepare_step`: a query typed meanwhile waits
    for one slice, not for all)."""

    def __init__(self, max_id: int) -> None:
        # Code 0 is no article; a date's code is 1 + the order it was first seen in.
        self._codes = array("i", bytes(4 * (max_id + 1)))
        self._code_of: dict[str, int] = {}
        self._count = 0

    def add(self, first: int, ids_text: str | None, dates_text: str) -> None:
        """One slice (`read_date_ranks`)."""
        codes, code_of = self._codes, self._code_of
        dates = dates_text.split("\x1f")
        for date in dict.fromkeys(dates):  # the slice's distinct dates: a few
            if date not in code_of:
                code_of[date] = len(code_of) + 1
        self._count += len(dates)
        if ids_text is None:  # ids first, first + 1, …: the codes are a piece of the array
            codes[first:first + len(dates)] = array("i", map(code_of.__getitem__, dates))
            return
        ids = list(map(int, ids_text.split(",")))
        if len(ids) != len(dates):
            raise ValueError("a slice's ids and dates differ in number")
        # Every article's code written in C: no Python step an article.
        deque(map(codes.__setitem__, ids, map(code_of.__getitem__, dates)), maxlen=0)

    def ranks(self) -> DateRanks:
        """The ranks of every slice added."""
        code_of = self._code_of
        rank_of_code = [ABSENT] * (len(code_of) + 1)
        rank = 0
        dated = sorted(date for date in code_of if date)
        for date in sorted(code_of):  # "" (undated) sorts first
            if date:
                rank += 1
            rank_of_code[code_of[date]] = rank if date else 0
        return DateRanks(array("i", map(rank_of_code.__getitem__, self._codes)), self._count,
                         tuple(dated))
