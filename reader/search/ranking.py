"""BM25F over the Whoosh word index, for the candidates the exact-match step found, and only them.

Whoosh's own search scores every document a word query matches (at 100k articles, every
article for a common word), reads each one's field length from the file by seek and read,
and, asked to keep to a set of ids, loses its block skipping and runs a second time
(issue 17's profile: 95 % of search time).  The substring store has already decided which
articles match, so ranking needs only, for the query's tokens, their frequency in those
articles, and the articles' lengths:

1. `WordRanker` is made once per opened searcher: it holds each segment's field lengths in
   memory (one byte an article, Whoosh's own length code) and the collection statistics.
2. For each token of the query, its postings are read block by block (Whoosh's posting
   blocks decode to arrays in C), keeping the term frequencies of candidates only.
3. The positive word tree decides which candidates are word hits (a term's tokens all
   present; AND all children; OR any), and each hit scores Σ idf·tf·(k1+1)/(tf+k1·(1-b+b·dl/avgdl))
   over the tokens it contains: Whoosh's BM25F with its defaults, the same numbers Whoosh
   gives (tests/search/test_ranking.py compares them).
4. The best `limit` are picked with a heap; ties go to the newer article, then the lower id.

Reading Whoosh's posting blocks uses two internals of its W3 codec (`_read_ids`,
`_read_weights`), pinned by the `whoosh-reloaded<2.8` requirement; any other matcher is
read through the public matcher interface, posting by posting.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from reader.search.analysis import analyze
from reader.search.query import And, Node, Not, Or, Term

__all__ = ["WordRanker", "WordTree", "word_tree"]

_DEFAULTS = BM25F()
K1, B = _DEFAULTS.K1, _DEFAULTS.B
#: Whoosh's length code → length (the lengths column holds one byte a document).
_LENGTHS = tuple(byte_to_length(code) for code in range(256))

#: A query's positive part as tokens: ("tokens", (t, …)) | ("and", (…)) | ("or", (…)).
WordTree = tuple


def word_tree(node: Node | None) -> WordTree | None:
    """The positive part of a query tree with each term as its word tokens; None if no word
    can match (a term with no word token makes its AND unmatchable as words)."""
    if isinstance(node, Term):
        tokens = tuple(dict.fromkeys(analyze(node.text)))
        return ("tokens", tokens) if tokens else None
    if isinstance(node, And):
        parts = [word_tree(c) for c in node.children if not isinstance(c, Not)]
        if not parts or any(p is None for p in parts):
            return None
        return ("and", tuple(parts))
    if isinstance(node, Or):
        found = [p for p in (word_tree(c) for c in node.children) if p is not None]
        return ("or", tuple(found)) if found else None
    return None


def _tokens(tree: WordTree) -> set[str]:
    kind, parts = tree
    if kind == "tokens":
        return set(parts)
    return set().union(*(_tokens(p) for p in parts))


@dataclass
class _Leaf:
    reader: Any
    offset: int
    lengths: bytes


class WordRanker:
    """Field lengths and statistics of one Whoosh searcher, and the ranking over them."""

    def __init__(self, searcher, fieldname: str, article_ids: list[int]) -> None:
        """`article_ids[docnum]` is the article id of a live document, -1 of a deleted one."""
        self.searcher = searcher
        self.fieldname = fieldname
        self._article_ids = article_ids
        self.avgdl = searcher.avg_field_length(fieldname) or 1
        self._leaves = [
            _Leaf(reader, offset, _lengths(reader, fieldname))
            for reader, offset in searcher.reader().leaf_readers()
        ]
        # Whoosh numbers the documents of its segments one after the other.
        self._lengths = b"".join(leaf.lengths for leaf in self._leaves)
        # Per token: (length code → the BM25 denominator's length part) is shared by all.
        self._norms = tuple(K1 * ((1 - B) + B * length / self.avgdl) for length in _LENGTHS)

    def top(
        self, tree: WordTree, among: set[int], limit: int, date_rank: dict[int, int]
    ) -> list[tuple[int, float]]:
        """The best `limit` (article id, score) of the articles in `among` that match `tree`
        as words; `date_rank` (article id → rank, newest highest) breaks ties."""
        if limit <= 0 or not among:
            return []
        tfs = {token: self._frequencies(token, among) for token in _tokens(tree)}
        hits = _matching(tree, tfs)
        if not hits:
            return []
        norms, lengths = self._norms, self._lengths
        scores: dict[int, float] = {}
        for token, found in tfs.items():
            idf = self.searcher.idf(self.fieldname, token) * (K1 + 1)
            if not scores and found.keys() == hits:  # e.g. the token of a one-word query
                scores = {d: idf * tf / (tf + norms[lengths[d]]) for d, tf in found.items()}
                continue
            for docnum in hits.intersection(found):
                tf = found[docnum]
                score = idf * tf / (tf + norms[lengths[docnum]])
                scores[docnum] = scores.get(docnum, 0.0) + score
        return self._best(scores, limit, date_rank)

    def _best(
        self, scores: dict[int, float], limit: int, date_rank: dict[int, int]
    ) -> list[tuple[int, float]]:
        """The `limit` highest scores, ties to the newer article, then the lower id."""
        if len(scores) > limit:
            # The limit-th score, found without a Python key per document; only the few
            # at or above it are sorted by the full key.
            floor = heapq.nlargest(limit, scores.values())[-1]
            scores = {d: s for d, s in scores.items() if s >= floor}
        ids = self._article_ids
        best = sorted(
            scores.items(),
            key=lambda item: (-item[1], -date_rank.get(ids[item[0]], 0), ids[item[0]]),
        )[:limit]
        return [(ids[docnum], score) for docnum, score in best]

    def _frequencies(self, token: str, among: set[int]) -> dict[int, float]:
        """Document number → frequency of `token`, for the live documents of articles in
        `among` that contain it."""
        found: dict[int, float] = {}
        ids = self._article_ids
        for leaf in self._leaves:
            reader = leaf.reader
            if (self.fieldname, token) not in reader:
                continue
            offset = leaf.offset
            for docnums, weights in _blocks(reader.postings(self.fieldname, token)):
                if offset:
                    docnums = [offset + d for d in docnums]
                found.update(
                    (d, w) for d, w in zip(docnums, weights, strict=True) if ids[d] in among
                )
        return found


def _matching(tree: WordTree, tfs: dict[str, dict[int, float]]) -> set[int]:
    kind, parts = tree
    if kind == "tokens":
        sets = sorted((tfs[t].keys() for t in parts), key=len)
        found = set(sets[0])
        for other in sets[1:]:
            found.intersection_update(other)
        return found
    if kind == "and":
        found = _matching(parts[0], tfs)
        for part in parts[1:]:
            if not found:
                break
            found &= _matching(part, tfs)
        return found
    return set().union(*(_matching(p, tfs) for p in parts))


def _lengths(reader, fieldname: str) -> bytes:
    """A segment's field length codes, one byte a document (deleted ones included)."""
    count = reader.doc_count_all()
    if not count:
        return b""
    # A segment reader keeps its column reader in its per-document reader (`_perdoc`).
    column = getattr(getattr(reader, "_perdoc", reader), "_cached_reader", None)
    if column is not None:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        values = column(_lenfield(fieldname), LENGTHS_COLUMN)
        if values is not None and getattr(values, "_fixedlen", None) == 1:
            # One read of the whole column instead of a seek and read a document.
            raw = bytes(values._dbfile.get(values._basepos, min(values._count, count)))
            return raw + bytes(count - len(raw))
        if values is not None:
            return bytes(values[n] for n in range(count))
    return bytes(_code(reader.doc_field_length(n, fieldname, 0)) for n in range(count))


def _code(length: int) -> int:
    from whoosh.util.numeric import length_to_byte

    return length_to_byte(length)


def _blocks(matcher) -> Iterator[tuple]:
    """(document numbers, frequencies) of a term's postings, a block at a time.

    Deleted documents are not filtered out here: they are never candidates.
    """
    leaf = getattr(matcher, "child", matcher)  # the deleted-documents filter, if any
    if isinstance(leaf, W3LeafMatcher):
        while leaf.is_active():
            if leaf._data is None:
                leaf._read_data()
            ids = leaf._data[0]
            # Whoosh stores a block's ids as deltas unless they fit in bytes; it decodes
            # them with a Python generator, accumulate() does the same in C.
            leaf._read_weights()
            yield (ids if leaf._byteids else accumulate(ids)), leaf._weights
            leaf._next_block()
        return
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    yield ids, weights
