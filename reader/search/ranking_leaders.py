"""The best word hits proven from the segments' leaders, without reading every posting (issue 17).

ranking.py scores every posting of a query's words; for a common word at a million
articles that is most of a search (的: 787,000 postings).  Here the page is made from the
words' leaders (leaders.py) and proven exact, or not made at all (None: ranking.py then
reads every posting, as before):

1. In each segment, each word of the query is either absent, read whole (in fewer than
   `leaders.MIN_DF` documents there, or all its postings lead), or given by its leaders and
   the bound of its other postings (the best score of its frontier, computed with the same
   scoring table as every posting).  A word in `MIN_DF` documents of a segment without
   leaders (an index written before them) means None.
2. The candidates are the documents some word lists; a candidate's score is known for the
   words that list it, and at most the word's bound for the others; a document no word lists
   scores at most the sum of the segment's bounds (and cannot match at all if the query needs
   a word read whole there).
3. The candidates are taken in order of that most (a threshold algorithm): the words not yet
   known of one are looked up in their postings by block (the W3 block headers give each
   block's last document; only the blocks holding a candidate are decoded), until the next
   candidate's most is below the `limit`-th best score found.
4. The page is proven when that score is above the best any unlisted document can reach;
   ties then cannot reach it either, so the page is exactly ranking.py's, in the same order
   with the same scores (each word's part from the same table, summed in the same order).
"""

from __future__ import annotations

import contextlib
import heapq
import pickle
import struct
from bisect import bisect_left
from collections.abc import Callable, Container, Mapping
from itertools import repeat
from operator import add
from typing import Any

from whoosh.codec.whoosh3 import W3TermsReader
from whoosh.reading import TermNotFound

from reader.search import leaders as leaders_file
from reader.search.leaders import SegmentLeaders
from reader.search.postings import segment_postings
from reader.search.w3_blocks import MAGIC, block_postings, block_spans

__all__ = ["LeaderRanking"]

#: Blocks decoded at most to look candidates up; past that reading every posting is cheaper.
BLOCKS_BUDGET = 3000
#: Several words are ranked from their leaders only when they have this many postings in
#: all: below, reading them all is as quick as the lookups (at 100k articles 党建 嘎查, 34,000
#: postings, took 17 ms read whole and 31 ms from the leaders; at 1M, 341,000: 171 and 74).
MANY_MIN = 100_000
#: A leader of several words costs about this many postings read whole (measured at 1M:
#: ~1.5 µs a listed document against ~0.5 µs a posting; one word's leaders cost as much
#: as its postings).
LEAD_COST = 3.0
#: Relative slack on the bounds (they are computed with the same table and summing order as
#: the scores, so this only guards against rounding).
SLACK = 1e-12
#: The caps of a word that is whole or absent: an unlisted document does not hold it.
_NONE = [0.0] * 256


class _Blocks:
    """A word's W3 blocks in one segment, decoded only where a document is looked up."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self.last: list[int] = []  # each block's last document
        self.top: list[float] = []  # each block's highest frequency
        self._spans: list[tuple[tuple, int, int]] = []  # (header, start of its data, end)
        self._decoded: dict[int, dict[int, float]] = {}
        for header, start, end in block_spans(data, len(MAGIC)):
            self.last.append(header[1])
            self.top.append(header[2])
            self._spans.append((header, start, end))

    @property
    def decoded(self) -> int:
        return len(self._decoded)

    def most(self, docnum: int) -> float:
        """The most the document may hold the word: its block's highest frequency."""
        index = bisect_left(self.last, docnum)
        return self.top[index] if index < len(self.top) else 0

    def weight(self, docnum: int) -> float:
        """How often the document holds the word (0: not at all)."""
        index = bisect_left(self.last, docnum)
        if index == len(self.last):
            return 0
        block = self._decoded.get(index)
        if block is None:
            docnums, weights, _values = block_postings(self._data, *self._spans[index])
            block = dict(zip(docnums, weights, strict=False))  # as many as the header counts
            self._decoded[index] = block
        return block.get(docnum, 0)


class _Word:
    """One word in one segment: its listed postings (document numbers within the index),
    and the bound of the unlisted ones (None: it has none, the list is all of them)."""

    __slots__ = ("docnums", "weights", "caps", "reader", "field", "token", "offset", "blocks")

    def __init__(self, docnums, weights, caps: list[float] | None, reader=None,
                 field: str = "", token: str = "", offset: int = 0) -> None:
        self.docnums = docnums
        self.weights = weights
        #: Length code → the most an unlisted posting of that length scores (None: the
        #: list is whole).
        self.caps = caps
        self.reader, self.field, self.token, self.offset = reader, field, token, offset
        self.blocks: _Blocks | None = None


class LeaderRanking:
    """The leader path of one `WordRanker` (its leaves, scoring tables and lengths)."""

    def __init__(self, ranker: Any) -> None:
        self._ranker = ranker
        self._leaders: list[SegmentLeaders | None] | None = None

    def _segment_leaders(self) -> list[SegmentLeaders | None]:
        if self._leaders is None:
            self._leaders = [SegmentLeaders.read(reader.storage(), reader.segment().segment_id())
                             if hasattr(reader, "segment") else None
                             for reader, _offset in self._ranker.leaves()]
        return self._leaders

    def top(self, tree: tuple, tokens: list[str], allowed: Container[int], limit: int,
            date_rank: Mapping[int, int]) -> list[tuple[int, float]] | None:
        """The best `limit` (article id, score) of the word hits in `allowed`, exactly as
        ranking.py ranks them, or None when the leaders cannot prove them."""
        ranker = self._ranker
        if len(tokens) > 1 and self._postings(tokens) < MANY_MIN:
            return None
        tables = [ranker.table(token) for token in tokens]
        segments = self._words(tokens, tables)
        if segments is None:
            return None
        if len(tokens) == 1:
            return self._top_of_one(segments, tables[0], allowed, limit, date_rank)
        return self._top_of_many(tree, tokens, segments, tables, allowed, limit, date_rank)

    def cost(self, tokens: list[str]) -> tuple[int, float]:
        """(the words' postings in all, an estimate of what `top` over every article costs,
        in postings read whole): a segment's leaders count `LEAD_COST` each where `top`
        would use them (`leaders.LEAD_MIN`, or one in `LEAD_SHARE`, of a word's postings
        there), every posting one where it would read them all."""
        fieldname = self._ranker.fieldname
        frequencies: list[list[int]] = []  # per segment, per token (0: absent)
        for reader, _offset in self._ranker.leaves():
            row = []
            for token in tokens:
                frequency = 0
                if (fieldname, token) in reader:
                    with contextlib.suppress(TermNotFound):
                        frequency = reader.doc_frequency(fieldname, token)
                row.append(frequency)
            frequencies.append(row)
        total = sum(map(sum, frequencies))
        if len(tokens) > 1 and total < MANY_MIN:
            return total, float(total)
        weight = 1.0 if len(tokens) == 1 else LEAD_COST
        led = 0.0
        for (reader, _offset), leaders, row in zip(self._ranker.leaves(),
                                                   self._segment_leaders(), frequencies,
                                                   strict=True):
            for token, frequency in zip(tokens, row, strict=True):
                if frequency < leaders_file.MIN_DF:
                    led += weight * frequency
                elif leaders is None or reader.schema[fieldname].to_bytes(token) not in leaders:
                    return total, float(total)  # read whole (`_words` gives None)
                else:
                    led += weight * max(leaders_file.LEAD_MIN,
                                        frequency // leaders_file.LEAD_SHARE)
        return total, led

    def _postings(self, tokens: list[str]) -> int:
        """How many postings the words have in all (their term entries say)."""
        fieldname = self._ranker.fieldname
        total = 0
        for reader, _offset in self._ranker.leaves():
            for token in tokens:
                if (fieldname, token) in reader:
                    with contextlib.suppress(TermNotFound):
                        total += reader.doc_frequency(fieldname, token)
        return total

    def _words(self, tokens: list[str], tables: list) -> list[list[_Word | None]] | None:
        """Per segment, per token: its `_Word` (None: absent there); None if some segment
        has a frequent word without leaders."""
        ranker = self._ranker
        fieldname = ranker.fieldname
        found: list[list[_Word | None]] = []
        for (reader, offset), leaders in zip(ranker.leaves(), self._segment_leaders(),
                                             strict=True):
            words: list[_Word | None] = []
            for token, table in zip(tokens, tables, strict=True):
                if (fieldname, token) not in reader:
                    words.append(None)
                    continue
                try:
                    frequency = reader.doc_frequency(fieldname, token)
                except TermNotFound:
                    words.append(None)
                    continue
                lead = None
                if frequency >= leaders_file.MIN_DF:
                    if leaders is None or not isinstance(getattr(reader, "_terms", None),
                                                         W3TermsReader):
                        return None
                    lead = leaders.get(reader.schema[fieldname].to_bytes(token))
                    if lead is None:
                        return None
                if lead is None:
                    docnums, weights = segment_postings(reader, fieldname, token)
                    words.append(_Word([offset + d for d in docnums], weights, None))
                    continue
                docnums = [offset + d for d in lead.docnums]
                words.append(_Word(docnums, lead.weights, _caps(lead.frontier, table), reader,
                                   fieldname, token, offset))
            found.append(words)
        return found

    def _top_of_one(self, segments: list[list[_Word | None]], table, allowed: Container[int],
                    limit: int, date_rank: Mapping[int, int]) -> list[tuple[int, float]] | None:
        """One word: every listed posting's score is known; the page is proven when its
        last score is above every segment's bound."""
        ranker = self._ranker
        lengths = ranker.lengths()
        docnums: list[int] = []
        weights: list = []
        bound: float | None = None
        for (word,) in segments:
            if word is None:
                continue
            docnums.extend(word.docnums)
            weights.extend(word.weights)
            if word.caps is not None:
                bound = max(word.caps) if bound is None else max(bound, *word.caps)
        if not docnums:
            return [] if bound is None else None
        scores = list(map(table.__getitem__, zip(weights, map(lengths.__getitem__, docnums),
                                                 strict=True)))
        best = ranker.pick(docnums, scores, allowed, limit, date_rank)
        if bound is None:
            return best
        if len(best) < limit or not best[-1][1] > bound + abs(bound) * SLACK:
            return None
        return best

    def _top_of_many(
        self, tree: tuple, tokens: list[str], segments: list[list[_Word | None]], tables: list,
        allowed: Container[int], limit: int, date_rank: Mapping[int, int],
    ) -> list[tuple[int, float]] | None:
        """Several words (AND, OR, a term of several words): steps 2-4 of the docstring."""
        ranker = self._ranker
        ids = ranker.article_ids()
        lengths = ranker.lengths()
        count = len(tokens)
        may_match = _matcher(tree, tokens)
        unlisted = None  # the best an unlisted document may score
        pending: list[tuple[float, int, list[_Word | None], list[dict], list[dict]]] = []
        for words in segments:
            caps = [_NONE if w is None or w.caps is None else w.caps for w in words]
            weights = [{} if w is None else dict(zip(w.docnums, w.weights, strict=True))
                       for w in words]
            parts = [{} if w is None else dict(zip(w.docnums, map(
                table.__getitem__, zip(w.weights, map(lengths.__getitem__, w.docnums),
                                       strict=True)), strict=True))
                     for w, table in zip(words, tables, strict=True)]
            leading = [w is not None and w.caps is not None for w in words]
            if any(leading) and may_match([None if lead else 0 for lead in leading]):
                # An unlisted document has one length code for all its words.
                most = max(_sum([cap[code] for cap in caps]) for code in range(256))
                unlisted = most if unlisted is None else max(unlisted, most)
            listed = list(set().union(*weights))
            codes = list(map(lengths.__getitem__, listed))
            total: list[float] = []
            for i in range(count):
                known = map(parts[i].get, listed)
                part = [p if p is not None else cap
                        for p, cap in zip(known, map(caps[i].__getitem__, codes), strict=True)]
                total = part if not total else list(map(add, total, part))
            pending.extend(zip(total, listed, repeat(words), repeat(weights), repeat(parts)))
        pending.sort(key=lambda c: -c[0])
        best: list[float] = []  # a heap of the `limit` best scores found
        found: list[tuple[int, float]] = []
        decoded = 0
        for most, docnum, words, weights, parts in pending:
            if len(best) == limit and most < best[0] - abs(best[0]) * SLACK:
                break
            if ids[docnum] not in allowed:
                continue
            code = lengths[docnum]
            entry = [w.get(docnum) for w in weights]
            for i, weight in enumerate(entry):
                word = words[i]
                if weight is None and (word is None or word.caps is None
                                       or not word.caps[code]):
                    entry[i] = 0  # not listed where the list is whole, or no room left
            if not may_match(entry):
                continue
            if len(best) == limit and None in entry:
                # The block headers bound the unknown words tighter than the caps: a
                # candidate they put below the page is not decoded.
                bounded = []
                for i, weight in enumerate(entry):
                    if weight is None:
                        blocks = _blocks_for(words[i])
                        if blocks is None:
                            return None
                        top = blocks.most(docnum - blocks_offset(words[i]))
                        bounded.append(min(tables[i][(top, code)], caps_of(words[i])[code]))
                    else:
                        listed_part = parts[i].get(docnum)
                        bounded.append(tables[i][(weight, code)] if listed_part is None
                                       else listed_part)
                if _sum(bounded) < best[0] - abs(best[0]) * SLACK:
                    continue
            score_parts = []
            for i, weight in enumerate(entry):
                if weight is None:
                    word = words[i]
                    assert word is not None
                    if word.blocks is None:
                        word.blocks = _blocks_of(word)
                        if word.blocks is None:
                            return None
                    before = word.blocks.decoded
                    weight = entry[i] = word.blocks.weight(docnum - word.offset)
                    decoded += word.blocks.decoded - before
                    score_parts.append(tables[i][(weight, code)])
                else:
                    listed_part = parts[i].get(docnum)
                    score_parts.append(tables[i][(weight, code)] if listed_part is None
                                       else listed_part)
            if decoded > BLOCKS_BUDGET:
                return None
            if not may_match(entry):
                continue
            score = _sum(score_parts)
            found.append((docnum, score))
            if len(best) < limit:
                heapq.heappush(best, score)
            elif score > best[0]:
                heapq.heapreplace(best, score)
        if unlisted is not None and (len(best) < limit
                                     or not best[0] > unlisted + abs(unlisted) * SLACK):
            return None
        if not found:
            return []
        docnums = [docnum for docnum, _ in found]
        return ranker.best(docnums, [score for _, score in found], limit, date_rank)


def _caps(frontier: tuple[tuple[float, int], ...], table) -> list[float] | None:
    """Length code → the most an unlisted posting of that length may score: its frequency is
    at most that of the frontier's last pair with no longer length (the frontier's
    frequencies rise with the length); 0.0 where no pair is that short (no unlisted posting
    has that length).  None for an empty frontier (the list is whole)."""
    if not frontier:
        return None
    caps = []
    index, top = 0, None
    for code in range(256):
        while index < len(frontier) and frontier[index][1] <= code:
            top = frontier[index][0]
            index += 1
        caps.append(0.0 if top is None else table[(top, code)])
    return caps


def _sum(parts: list[float]) -> float:
    """The parts summed left to right, as ranking.py sums a document's words."""
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


def _matcher(tree: tuple, tokens: list[str]) -> Callable[[list], bool]:
    """Whether a document may match `tree` given what is known of its words (`entry[i]`:
    the frequency of `tokens[i]`, None unknown): a test per candidate, so the common
    forms are tested without walking the tree."""
    if _only_and(tree):
        return lambda entry: 0 not in entry  # (None == 0 is false; 0.0 == 0 is true)
    if tree[0] == "or" and all(p[0] == "tokens" and len(p[1]) == 1 for p in tree[1]):
        return lambda entry: any(w is None or w for w in entry)
    return lambda entry: _match(tree, dict(zip(tokens, entry, strict=True))) is not False


def _only_and(tree: tuple) -> bool:
    kind, parts = tree
    return kind == "tokens" or (kind == "and" and all(_only_and(p) for p in parts))


def _match(tree: tuple, known: dict[str, Any]) -> bool | None:
    """Three-valued: True, False, or None (unknown)."""
    kind, parts = tree
    if kind == "tokens":
        values = [known[token] for token in parts]
        if any(v is not None and not v for v in values):
            return False
        return None if any(v is None for v in values) else True
    results = [_match(part, known) for part in parts]
    if kind == "and":
        if any(r is False for r in results):
            return False
        return None if any(r is None for r in results) else True
    if any(r is True for r in results):
        return True
    return None if any(r is None for r in results) else False


def _blocks_for(word: _Word | None) -> _Blocks | None:
    """The word's blocks, read on first use (None: not W3 blocks)."""
    assert word is not None
    if word.blocks is None:
        word.blocks = _blocks_of(word)
    return word.blocks


def blocks_offset(word: _Word | None) -> int:
    assert word is not None
    return word.offset


def caps_of(word: _Word | None) -> list[float]:
    assert word is not None and word.caps is not None
    return word.caps


def _blocks_of(word: _Word) -> _Blocks | None:
    """The word's blocks in its segment, or None if they are not W3 blocks."""
    reader = word.reader
    terms = getattr(reader, "_terms", None)
    if not isinstance(terms, W3TermsReader):
        return None
    try:
        info = reader.term_info(word.field, word.token)
    except TermNotFound:
        return None
    if info.is_inlined():
        return None
    offset, length = info.extent()
    if isinstance(length, tuple):
        (length,) = length
    data = terms._postfile.get(offset, length)
    if data[:len(MAGIC)] != MAGIC:
        return None
    try:
        return _Blocks(data)
    except (ValueError, struct.error, pickle.UnpicklingError):
        return None

