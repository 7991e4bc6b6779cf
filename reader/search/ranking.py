"""BM25F over the Whoosh word index, for the candidates the exact-match step found, and only them.

Whoosh's own search scores every document a word query matches (at 100k articles, every
article for a common word), reads each one's field length from the file by seek and read,
and, asked to keep to a set of ids, loses its block skipping and runs a second time
(issue 17's profile: 95 % of search time).  The substring store has already decided which
articles match, so ranking needs only, for the query's tokens, their frequency in those
articles, and the articles' lengths:

1. `WordRanker` is made once per opened searcher: it holds each segment's field lengths in
   memory (one byte an article, Whoosh's own length code) and the collection statistics.
2. Each token of the query has its postings read once a search, whole (postings.py); the
   candidates are turned into document numbers and intersected with them, in C.
3. The positive word tree decides which candidates are word hits (a term's tokens all
   present; AND all children; OR any), and each hit scores Σ idf·tf·(k1+1)/(tf+k1·(1-b+b·dl/avgdl))
   over the tokens it contains: Whoosh's BM25F with its defaults, the same numbers Whoosh
   gives (tests/search/test_ranking.py compares them).
4. The best `limit` are picked with a heap; ties go to the newer article, then the lower id.

A query of one word (most searches) skips steps 2-3: its postings are its word hits, so they
are scored straight from their lists and only the best few are looked up among the
candidates (`_top_of_one`): at 100k articles 的 went from 49 to ~25 ms.  Words joined by
OR over every indexed article (the proven path, searching.py) are scored the same way and
summed where their postings meet (`_top_of_any`).

The same postings prove matches to the substring side (`proof_token`, `containing`): a term
of Han characters that is one word token of its own is in the title or body of every
article whose document holds that token (a token is a piece of the text jieba cut, and Han
characters have no case), so those candidates need no reading of their text; only the rest
are checked against the text (matching.py).

"""

from __future__ import annotations

import heapq
import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import add
from typing import Any

from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from reader.search.analysis import analyze
from reader.search.doc_numbers import DocNumbers
from reader.search.postings import SearchPostings
from reader.search.query import And, Node, Not, Or, Term
from reader.search.ranking_leaders import LeaderRanking

__all__ = ["WordRanker", "WordTree", "proof_token", "tree_tokens", "word_of", "word_tree"]

_DEFAULTS = BM25F()
K1, B = _DEFAULTS.K1, _DEFAULTS.B
#: Postings (document, frequency) kept across searches: some 25 MB at most, the words of a
#: few searches of common words at 100k articles.
POSTINGS_KEPT = 250_000
#: A search among fewer candidates than this (a filter) ranks them all: the leaders would
#: rarely hold enough of them.
LEADERS_AMONG = 10_000
#: Whoosh's length code → length (the lengths column holds one byte a document).
_LENGTHS = tuple(byte_to_length(code) for code in range(256))

#: A query's positive part as tokens: ("tokens", (t, …)) | ("and", (…)) | ("or", (…)).
WordTree = tuple


def word_tree(node: Node | None) -> WordTree | None:
    """The positive part of a query tree with each term as its word tokens; None if no word
    can match (a term with no word token makes its AND unmatchable as words).  An AND or
    OR of one part is that part (社区 -物业 is ranked as the one word it is)."""
    if isinstance(node, Term):
        tokens = tuple(dict.fromkeys(analyze(node.text)))
        return ("tokens", tokens) if tokens else None
    if isinstance(node, And):
        parts = [word_tree(c) for c in node.children if not isinstance(c, Not)]
        if not parts or any(p is None for p in parts):
            return None
        return ("and", tuple(parts)) if len(parts) > 1 else parts[0]
    if isinstance(node, Or):
        found = [p for p in (word_tree(c) for c in node.children) if p is not None]
        return (("or", tuple(found)) if len(found) > 1 else found[0]) if found else None
    return None


#: A term whose word postings can prove it: Han characters only (no case to fold, and the
#: same range the substring store indexes).
_HAN = re.compile(r"[\u3400-\u4db5\u4e00-\u9fcc]+")


def word_of(term: str) -> str | None:
    """The word token whose documents surely contain `term` in their title or body: the term
    itself when it is Han characters that analyse as that one token; else None."""
    if not _HAN.fullmatch(term):
        return None
    return term if analyze(term) == [term] else None


def proof_token(term: str) -> str | None:
    """`word_of` a term the pairs index does not answer exactly (two characters or more:
    one character is a token of the pairs index, needing no proof)."""
    return None if len(term) < 2 else word_of(term)


def tree_tokens(tree: WordTree) -> set[str]:
    """The word tokens of a word tree (`word_tree`)."""
    kind, parts = tree
    if kind == "tokens":
        return set(parts)
    return set().union(*(tree_tokens(p) for p in parts))


@dataclass
class _Leaf:
    reader: Any
    offset: int
    lengths: bytes


class WordRanker:
    """Field lengths and statistics of one Whoosh searcher, and the ranking over them."""

    def __init__(self, searcher, fieldname: str, article_ids: Sequence[int],
                 docnums: DocNumbers) -> None:
        """`article_ids[docnum]` is the article id of a live document, -1 of a deleted one;
        `docnums` is the other way round, for the live documents."""
        self.searcher = searcher
        self.fieldname = fieldname
        self._article_ids = article_ids
        self._docnums = docnums
        self.avgdl = searcher.avg_field_length(fieldname) or 1
        self._leaves = [
            _Leaf(reader, offset, _lengths(reader, fieldname))
            for reader, offset in searcher.reader().leaf_readers()
        ]
        self._postings = SearchPostings([(leaf.reader, leaf.offset) for leaf in self._leaves],
                                        fieldname, POSTINGS_KEPT)
        # Whoosh numbers the documents of its segments one after the other.
        self._lengths = b"".join(leaf.lengths for leaf in self._leaves)
        # Per token: (length code → the BM25 denominator's length part) is shared by all.
        self._norms = tuple(K1 * ((1 - B) + B * length / self.avgdl) for length in _LENGTHS)
        self._leading = LeaderRanking(self)

    def postings(self) -> SearchPostings:
        """The postings searches read over this searcher (each word's read once, kept up
        to POSTINGS_KEPT postings)."""
        return self._postings

    def top(
        self, tree: WordTree, among: set[int] | None, limit: int, date_rank: Mapping[int, int],
        excluded: frozenset[int] | set[int] = frozenset(),
    ) -> list[tuple[int, float]]:
        """The best `limit` (article id, score) of the articles in `among` that match `tree`
        as words; `date_rank` (article id → rank, newest highest) breaks ties.  `among`
        None: every article `date_rank` knows (all the indexed ones) but the `excluded`."""
        if limit <= 0 or not (date_rank if among is None else among):
            return []
        # Who may be a hit when `among` is None: every indexed article but the excluded.
        indexed: Container[int] = _Except(date_rank, excluded) if excluded else date_rank
        if among is None or len(among) >= LEADERS_AMONG:
            # The leaders prove most pages of common words without reading every posting.
            led = self._leading.top(tree, list(tree_tokens(tree)),
                                    indexed if among is None else among, limit, date_rank)
            if led is not None:
                return led
        kind, parts = tree
        if kind == "tokens" and len(parts) == 1:
            return self._top_of_one(parts[0], indexed if among is None else among, limit,
                                    date_rank)
        if kind == "or" and among is None and all(p[0] == "tokens" and len(p[1]) == 1
                                                  for p in parts):
            return self._top_of_any(tree_tokens(tree), indexed, limit, date_rank)
        tfs = {token: self._postings.frequencies(token) for token in tree_tokens(tree)}
        allowed: Container[int] | None = None
        if among is None:
            # Every word hit is a candidate if indexed: no set of all the articles made, and
            # only the best are looked up (`_pick`).
            hits = _matching(tree, tfs, None)
            allowed = indexed
        else:
            docnums = self._docnums
            candidates = docnums.of(among)
            hits = _matching(tree, tfs, candidates)
        if not hits:
            return []
        # Scores are summed token by token over the hits in one order, each hit's part
        # looked up by (frequency, length code) in a table filled as pairs occur: every
        # step a C loop (map, zip) instead of Python arithmetic a hit.
        order = list(hits)
        codes = list(map(self._lengths.__getitem__, order))
        total: list[float] | None = None
        for token, found in tfs.items():
            pairs = zip(map(found.get, order, repeat(0)), codes, strict=True)
            part = list(map(self._table(token).__getitem__, pairs))
            total = part if total is None else list(map(add, total, part))
        if allowed is None:
            return self._best(order, total or [], limit, date_rank)
        return self._pick(order, total or [], allowed, limit, date_rank)

    def cost(self, tree: WordTree) -> tuple[int, float]:
        """(the postings of the tree's words, an estimate of what `top` over every article
        costs in postings read whole: ranking_leaders.LeaderRanking.cost)."""
        return self._leading.cost(sorted(tree_tokens(tree)))

    def _top_of_one(
        self, token: str, among: Container[int], limit: int, date_rank: Mapping[int, int]
    ) -> list[tuple[int, float]]:
        """`top` for one word: its postings are the word hits, so they are scored as they
        are, from their two lists, with no candidate set and no document number map made."""
        docnums, scores = self._scored(token)
        return self._pick(docnums, scores, among, limit, date_rank) if docnums else []

    def _top_of_any(
        self, tokens: set[str], among: Container[int], limit: int, date_rank: Mapping[int, int]
    ) -> list[tuple[int, float]]:
        """`top` for words joined by OR, all hits allowed but those not in `among`: each
        word's postings scored as they are, and summed where they meet, a map at a time
        (党员 OR 干部: 43,000 hits at 100k articles)."""
        total: dict[int, float] = {}
        for token in tokens:  # the order the general path sums in
            found = dict(zip(*self._scored(token), strict=True))
            both = list(found.keys() & total.keys())
            sums = list(map(add, map(total.__getitem__, both), map(found.__getitem__, both)))
            total.update(found)
            total.update(zip(both, sums, strict=True))
        if not total:
            return []
        return self._pick(list(total), list(total.values()), among, limit, date_rank)

    def _scored(self, token: str) -> tuple[list[int], list[float]]:
        """The documents holding `token` (deleted ones included) and its BM25F part in each."""
        found = self._postings.postings(token)
        pairs = zip(found.weights, map(self._lengths.__getitem__, found.docnums), strict=True)
        return found.docnums, list(map(self._table(token).__getitem__, pairs))

    def _pick(
        self, docnums: list[int], scores: list[float], among: Container[int], limit: int,
        date_rank: Mapping[int, int],
    ) -> list[tuple[int, float]]:
        """The best `limit` of the scored documents whose articles are in `among`.

        The best of all are found first; when they are all in `among` they are the answer
        (any other document scores less), which spares testing the others, mostly in
        `among` too (the substring side found them).  Otherwise the documents outside
        `among` are dropped and the rest ranked again."""
        ids = self._article_ids
        best = self._best(docnums, scores, limit, date_rank, whole=True)
        if all(ids[docnum] in among for docnum, _ in best):
            return self._named(best[:limit])
        keep = list(map(among.__contains__, map(ids.__getitem__, docnums)))  # -1: deleted
        docnums, scores = list(compress(docnums, keep)), list(compress(scores, keep))
        return self._best(docnums, scores, limit, date_rank)

    def _table(self, token: str) -> _Scores:
        return _Scores(self.searcher.idf(self.fieldname, token) * (K1 + 1), self._norms)

    # What the leader path (ranking_leaders.py) scores and picks with: the same as here.
    table = _table

    def leaves(self) -> list[tuple[Any, int]]:
        """(segment reader, its first document number) of each segment."""
        return [(leaf.reader, leaf.offset) for leaf in self._leaves]

    def lengths(self) -> bytes:
        """Every document's length code, by document number."""
        return self._lengths

    def article_ids(self) -> Sequence[int]:
        """Document number → article id (-1: deleted)."""
        return self._article_ids

    def pick(self, docnums: list[int], scores: list[float], among: Container[int], limit: int,
             date_rank: Mapping[int, int]) -> list[tuple[int, float]]:
        """The best `limit` (article id, score) of the scored documents in `among`."""
        return self._pick(docnums, scores, among, limit, date_rank)

    def best(self, docnums: list[int], scores: list[float], limit: int,
             date_rank: Mapping[int, int]) -> list[tuple[int, float]]:
        """The best `limit` (article id, score) of the scored documents."""
        return self._best(docnums, scores, limit, date_rank)

    def containing(self, token: str) -> set[int]:
        """Ids of the articles whose title or body holds `token` as a word (live documents)."""
        found = set(map(self._article_ids.__getitem__, self._postings.postings(token).docnums))
        found.discard(-1)  # deleted documents
        return found

    def _best(
        self, docnums: list[int], scores: list[float], limit: int, date_rank: Mapping[int, int],
        whole: bool = False,
    ) -> list[tuple[int, float]]:
        """The `limit` highest scores as (article id, score), ties to the newer article,
        then the lower id.  `whole`: every (document number, score) scoring at least the
        `limit`-th best, best first, instead (`_top_of_one` tests them all)."""
        selected: Iterable[tuple[int, float]] = zip(docnums, scores, strict=True)
        if len(scores) > limit:
            # The limit-th score, found without a Python key per document; only the few
            # at or above it are sorted by the full key.
            floor = heapq.nlargest(limit, scores)[-1]
            at = compress(range(len(scores)), map(floor.__le__, scores))
            selected = [(docnums[i], scores[i]) for i in at]
        ids = self._article_ids
        best = sorted(
            selected, key=lambda item: (-item[1], -date_rank.get(ids[item[0]], 0), ids[item[0]]),
        )
        return best if whole else self._named(best[:limit])

    def _named(self, best: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """(document number, score) pairs as (article id, score)."""
        ids = self._article_ids
        return [(ids[docnum], score) for docnum, score in best]


class _Except:
    """The ids of `among` but the `excluded` (a test of membership only)."""

    def __init__(self, among: Container[int], excluded: Container[int]) -> None:
        self._among, self._excluded = among, excluded

    def __contains__(self, item: object) -> bool:
        return item in self._among and item not in self._excluded


class _Scores(dict):
    """(frequency, length code) → a token's BM25F part, computed when a pair first occurs."""

    def __init__(self, idf: float, norms: tuple[float, ...]) -> None:
        super().__init__()
        self._idf = idf
        self._norms = norms

    def __missing__(self, key: tuple[float, int]) -> float:
        tf, code = key
        score = self._idf * tf / (tf + self._norms[code]) if tf else 0.0
        self[key] = score
        return score


def _matching(tree: WordTree, tfs: dict[str, dict[int, float]],
              candidates: set[int] | None) -> set[int]:
    """The candidates (document numbers; None: every document) that match `tree` as words
    (`tfs`: each token's documents, as the keys of a map)."""
    kind, parts = tree
    if kind == "tokens":
        ordered = sorted(parts, key=lambda t: len(tfs[t]))
        found = set(tfs[ordered[0]]) if candidates is None else candidates
        for token in ordered if candidates is not None else ordered[1:]:
            found = found.intersection(tfs[token])
            if not found:
                break
        return found
    if kind == "and":
        found = _matching(parts[0], tfs, candidates)
        for part in parts[1:]:
            if not found:
                break
            found = _matching(part, tfs, found)
        return found
    return set().union(*(_matching(p, tfs, candidates) for p in parts))


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
