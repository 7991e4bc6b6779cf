"""A word's postings read whole, once a search, for ranking and for proving matches (issue 17).

Whoosh's matcher reads a term's postings block by block through the compound file: a seek
and a read for the block length, then `pickle.load` straight from the file, which reads a
few bytes at a time (109,000 reads for the 30 project queries at 100k articles, a quarter
of their search time).  Here a term's postings in a segment are read in one piece (the
extent its term entry gives) and the blocks are cut from those bytes in memory.

`SearchPostings` holds, for one search, each asked word's postings over the whole index
(`TokenPostings`: document numbers and frequencies, two lists in document order; the
document number → frequency map is made only when asked for): ranking scores from them,
and the substring side uses the documents that hold a word as proof that they contain it
(ranking.py, `containing`).  A one-word query is ranked from the lists alone: building the
map was a tenth of a common word's search (80,000 postings at 100k articles).

Reading W3 blocks uses the codec's on-disk form (w3_blocks.py documents it), pinned by the
`whoosh-reloaded<2.8` requirement; any other segment is read through Whoosh's matcher.
"""

from __future__ import annotations

import contextlib
import struct
from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass, field

from whoosh.codec.whoosh3 import W3TermsReader
from whoosh.reading import TermNotFound

from reader.search.w3_blocks import MAGIC, block_postings, block_spans, decode_blocks

__all__ = ["SearchPostings", "TokenPostings", "segment_postings", "segment_weights"]



def segment_postings(reader, fieldname: str, token: str) -> tuple[list[int], list]:
    """(document numbers, frequencies) of `token` in one segment, deleted documents included
    (they are never candidates); empty lists if the segment lacks the word."""
    if (fieldname, token) not in reader:
        return [], []
    terms = getattr(reader, "_terms", None)
    if isinstance(terms, W3TermsReader):
        try:
            info = reader.term_info(fieldname, token)
        except TermNotFound:
            return [], []
        if info.is_inlined():
            ids, weights, _values = info.inlined_postings()
            return list(ids), list(weights)
        offset, length = info.extent()
        if isinstance(length, tuple):  # as W3TermInfo.from_bytes reads it (unpack_int's tuple)
            (length,) = length
        with contextlib.suppress(ValueError, struct.error):
            return _blocks(terms._postfile.get(offset, length))
        # (A term entry whose length does not cover its blocks: Whoosh's matcher does not
        # need it, so neither does this.)
    matcher = reader.postings(fieldname, token)
    docnums, weights = [], []
    while matcher.is_active():
        docnums.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return docnums, weights


def segment_weights(reader, fieldname: str, token: str, wanted: list[int]) -> dict[int, float]:
    """Document number → frequency of `token` in one segment, for the `wanted` document
    numbers (sorted, the segment's own) that hold it: of a word's W3 blocks only the
    headers are read, and only the blocks that can hold a wanted document are decoded
    (a block's header names its last document)."""
    if not wanted or (fieldname, token) not in reader:
        return {}
    terms = getattr(reader, "_terms", None)
    if isinstance(terms, W3TermsReader):
        try:
            info = reader.term_info(fieldname, token)
        except TermNotFound:
            return {}
        if not info.is_inlined():
            offset, length = info.extent()
            if isinstance(length, tuple):  # as W3TermInfo.from_bytes reads it
                (length,) = length
            data = terms._postfile.get(offset, length)
            if data[:len(MAGIC)] == MAGIC:
                with contextlib.suppress(ValueError, struct.error):
                    return _weights_in_blocks(data, wanted)
    docnums, weights = segment_postings(reader, fieldname, token)
    among = set(wanted)
    return {d: w for d, w in zip(docnums, weights, strict=True) if d in among}


def _weights_in_blocks(data: bytes, wanted: list[int]) -> dict[int, float]:
    found: dict[int, float] = {}
    at = 0
    for header, start, end in block_spans(data, len(MAGIC)):
        last = header[1]
        if wanted[at] > last:
            continue
        inside = []
        while at < len(wanted) and wanted[at] <= last:
            inside.append(wanted[at])
            at += 1
        docnums, weights, _values = block_postings(data, header, start, end)
        block = dict(zip(docnums, weights, strict=False))  # as many as the header counts
        found.update((d, block[d]) for d in inside if d in block)
        if at == len(wanted):
            break
    return found


def _blocks(data: bytes) -> tuple[list[int], list]:
    """The postings of one term's W3 blocks (w3_blocks.decode_blocks), after its magic tag."""
    if data[:4] != MAGIC:
        raise ValueError("not a W3 postings block")
    docnums, weights, _ = decode_blocks(data, len(MAGIC))
    return docnums, weights


@dataclass
class TokenPostings:
    """One word's postings over the whole index: `docnums[i]` holds it `weights[i]` times
    (deleted documents included: a caller keeps to its candidates).  Not to be changed."""

    docnums: list[int]
    weights: list
    _frequencies: dict[int, float] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.docnums)

    def frequencies(self) -> dict[int, float]:
        """Document number → frequency (made on first use, then kept)."""
        if self._frequencies is None:
            self._frequencies = dict(zip(self.docnums, self.weights, strict=True))
        return self._frequencies


class SearchPostings:
    """The postings of the words searches ask about, each read once over every segment of
    one searcher, and kept (the most recent first, up to `limit` postings in all) while
    that searcher lives: the window asks the same words again at every facet click."""

    def __init__(self, leaves: list[tuple[object, int]], fieldname: str,
                 limit: int = 0) -> None:
        """`leaves`: (segment reader, its first document number), as Whoosh numbers them."""
        self._leaves = leaves
        self._fieldname = fieldname
        self.limit = limit
        self._found: OrderedDict[str, TokenPostings] = OrderedDict()
        self._size = 0

    def postings(self, token: str) -> TokenPostings:
        """Every document holding `token`, in document order, with its frequency."""
        found = self._found.get(token)
        if found is not None:
            self._found.move_to_end(token)
            return found
        docnums: list[int] = []
        weights: list = []
        for reader, offset in self._leaves:
            numbers, counts = segment_postings(reader, self._fieldname, token)
            # (map() adds the segment's offset in C.)
            docnums.extend(map(offset.__add__, numbers) if offset else numbers)
            weights.extend(counts)
        found = TokenPostings(docnums, weights)
        self._found[token] = found
        self._size += len(found)
        # The newest stays even past the limit: the search that asked for it uses it.
        while self._size > self.limit and len(self._found) > 1:
            _, dropped = self._found.popitem(last=False)
            self._size -= len(dropped)
        return found

    def frequencies(self, token: str) -> dict[int, float]:
        """Document number → frequency of `token`, for every document holding it (deleted
        ones included: a caller keeps to its candidates).  Not to be changed."""
        return self.postings(token).frequencies()

    def frequencies_among(self, token: str, docnums: set[int]) -> dict[int, float]:
        """Document number → frequency of `token` for those of `docnums` that hold it: from
        the postings read whole when they are kept, else looked up block by block in each
        segment (`segment_weights`; nothing is kept)."""
        found = self._found.get(token)
        if found is not None:
            every = found.frequencies()
            return {d: every[d] for d in docnums if d in every}
        wanted = sorted(docnums)
        weights: dict[int, float] = {}
        starts = [offset for _reader, offset in self._leaves]
        for index, (reader, offset) in enumerate(self._leaves):
            end = starts[index + 1] if index + 1 < len(starts) else None
            lo = bisect_left(wanted, offset)
            hi = len(wanted) if end is None else bisect_left(wanted, end)
            if lo == hi:
                continue
            inside = [d - offset for d in wanted[lo:hi]]
            got = segment_weights(reader, self._fieldname, token, inside)
            weights.update((offset + d, w) for d, w in got.items())
        return weights

    def clear(self) -> None:
        self._found.clear()
        self._size = 0
