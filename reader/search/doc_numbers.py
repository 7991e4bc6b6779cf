"""Article id → Whoosh document number, as an array indexed by article id, made when first asked.

Ranking a query of several words among given candidates turns the candidates' article ids
into document numbers.  A dict of a million ids was made on every open of the index (0.2 s
CPU and ~70 MB at 1M articles, issue 17) although most searches (one word, or words over
every article) never ask for it.  `DocNumbers` keeps only the document → id array the index
has anyway and makes the other direction on the first `of`: 4 bytes an id, filled in C.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress

__all__ = ["DELETED", "DocNumbers"]

#: The article id of a deleted document, and the document number of an id with none.
DELETED = -1


class DocNumbers(Mapping[int, int]):
    """The document numbers of article ids, from `article_ids[docnum]` (DELETED: deleted):
    a read-only `Mapping` of the live documents' article ids."""

    def __init__(self, article_ids: Sequence[int]) -> None:
        self._article_ids = article_ids
        self._docnums: array | None = None
        self._live = 0

    def of(self, ids: Iterable[int]) -> set[int]:
        """The document numbers of those of `ids` that have a live document."""
        docnums = self._array()
        ids = ids if isinstance(ids, set | frozenset | list | tuple) else list(ids)
        if ids and (min(ids) < 0 or max(ids) >= len(docnums)):  # C passes, as is the rest
            ids = [i for i in ids if 0 <= i < len(docnums)]
        found = set(map(docnums.__getitem__, ids))
        found.discard(DELETED)
        return found

    def __getitem__(self, article_id: int) -> int:
        docnums = self._array()
        if 0 <= article_id < len(docnums) and docnums[article_id] != DELETED:
            return docnums[article_id]
        raise KeyError(article_id)

    def __iter__(self) -> Iterator[int]:
        """The article ids in ascending order."""
        docnums = self._array()
        return compress(range(len(docnums)), map(DELETED.__lt__, docnums))

    def __len__(self) -> int:
        self._array()
        return self._live


    def _array(self) -> array:
        if self._docnums is None:
            ids = self._article_ids
            live = list(compress(range(len(ids)), map(DELETED.__lt__, ids)))
            live_ids = list(map(ids.__getitem__, live)) if len(live) < len(ids) else ids
            docnums = array("i", [DELETED]) * (1 + max(live_ids, default=0))
            deque(map(docnums.__setitem__, live_ids, live), maxlen=0)
            self._docnums, self._live = docnums, len(live)
        return self._docnums
