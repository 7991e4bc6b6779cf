"""How the index answers a search: the matching set, the ranking, and the page with snippets.

`IndexSearch` reads both structures of the index (the substring store and the word index)
and keeps what searches learn between them, until the index changes: the articles' date
ranks, the ids with notes, whole answers per term (matching.TermCache) and word postings
(postings.py).  `SearchIndex` (index.py) owns it, serialises calls, and drops what it kept at
every write (`forget`).

A search, in stages:

1. The query tree is evaluated over sets of article ids: a term matches the articles that
   contain it verbatim in title, body or note (Latin case-insensitive); AND/OR/NOT are set
   operations within the ids allowed by the caller's filters.  This set is the whole truth:
   `total` is its size.
2. Articles that match only thanks to the user's note text form the "note" tier.
3. Of the rest, those the positive terms also match as words (jieba tokens in the Whoosh index)
   come first ("word", BM25F order; ranking.py scores only these candidates, reading Whoosh's
   postings and its field lengths held in memory); the others follow ("substring", by
   occurrence count, title occurrences counting TITLE_WEIGHT times); then the "note" tier.
   Ties: newest first.
4. Only the requested page is read back from the text (the library's, or the index's own
   copy): each hit is checked against it (one the text does not bear out is dropped and
   logged: the index is then out of step) and gets its snippet (snippets.py).

A query of words the postings prove on their own skips stages 1-2 (`_proven_page`): when
every term is one word token of Han characters that the pairs index answers exactly
(one or two characters), joined by AND and OR, the articles holding its token are
matches (never note-only ones), so the page is ranked from the postings alone and
`total` is counted by the pairs index in SQL, without the set of every match being built
(issue 17: at 100k articles that set was half of a common word's search).  Exclusions of
such terms at the top (社区 -物业) are FTS5's NOT, and their articles are left out of
the ranking.

Asked for the page first (`page_first`: the window), a query the postings prove is ranked
so within a filter of many articles too (嘎查 date:2000..2010: the leaders take only the
filter's articles), its `total` then the pairs index's count (`total_exact` False, an
upper bound: the filter's matches are counted next).  A query without filters the postings
do not prove is looked for among its best word hits, each checked against its text
(page_first.py): the same page, without reading every candidate of a long term, and with
an upper bound for `total` (`total_exact` False) instead of the count.
"""

from __future__ import annotations

import heapq
import logging
from collections.abc import Iterator, Mapping
from dataclasses import replace

from reader.catalogue import Message
from reader.search.date_ranks import DateRanks, DatesOnDemand, RanksReading
from reader.search.matching import TermCache, TermLookup, evaluate, text_matches
from reader.search.page_first import (
    Costs,
    all_words,
    first_ask,
    first_ranked,
    upper_bound,
    word_hits,
)
from reader.search.query import And, Node, Not, Or, Query, Term
from reader.search.ranking import LEADERS_AMONG, word_of, word_tree
from reader.search.results import Hit, MatchKind, SearchResult
from reader.search.snippets import make_snippet
from reader.search.substring import Counts, SubstringStore
from reader.search.words import WordIndex

logger = logging.getLogger(__name__)

__all__ = ["ANSWERS_KEPT", "TITLE_WEIGHT", "IndexSearch", "proven_by_words"]

#: A title occurrence counts this many body occurrences when ranking substring hits.
TITLE_WEIGHT = 3
#: Article ids of earlier searches' answers kept (matching.TermCache): some 20 MB at most,
#: a few answers of common words at 100k articles.
ANSWERS_KEPT = 250_000


class IndexSearch:
    """Searches over one index's word index and substring store (not thread-safe: the
    owner serialises calls)."""

    def __init__(self, words: WordIndex, store: SubstringStore) -> None:
        self.words = words
        #: Replaced by the owner when it makes the file anew (SearchIndex._begin_rebuild).
        self.store = store
        self._date_ranks: DateRanks | None = None
        self._dates_on_demand: DatesOnDemand | None = None
        #: The date ranks being read a slice at a time (`prepare_step`): what was read, the
        #: slices to come, the noted ids found so far.
        self._reading: tuple[RanksReading, Iterator[tuple[int, str | None, str]],
                             set[int]] | None = None
        self._noted: set[int] | None = None
        #: Whole answers of earlier searches, for the index as it is (matching.TermCache).
        self._answers = TermCache(ANSWERS_KEPT)

    # -- what is kept ---------------------------------------------------------------------------

    def forget(self) -> None:
        """Drop everything read of the index (it changed): ranks, notes, answers, searcher."""
        self._date_ranks = None
        self._dates_on_demand = None
        self._reading = None
        self._noted = None
        self._answers.clear()
        self.words.forget_searcher()

    def forget_answers(self) -> None:
        """Forget what earlier searches found and read (the next search reads afresh, as
        the first after opening does: the benchmarks' cold figures)."""
        self._answers.clear()
        self.words.forget_postings()

    def follow_other_writers(self) -> None:
        """After another process wrote the index, forget what was read of it before: the
        date ranks, the noted ids, and Whoosh's searcher (a snapshot; the word postings
        prove matches, so they must be the documents' current ones).  That process wrote
        Whoosh first, so its SQLite commit, which shows here, means both are done."""
        if self.store.changed_elsewhere():
            self.forget()

    def ranks(self) -> DateRanks:
        """Article id → rank of its date (newest highest, undated 0); its keys are all ids."""
        while self._date_ranks is None:
            self._read_ranks(one_slice=False)
        return self._date_ranks

    def _read_ranks(self, one_slice: bool) -> None:
        """Read one more slice of the date ranks, or all the rest."""
        if self._reading is None:
            # The ids with notes come from the same pass over the table (one scan, not two).
            noted: set[int] = set()
            self._reading = (RanksReading(self.store.max_id()),
                             self.store.ids_and_dates(noted=noted), noted)
        reading, rest, noted = self._reading
        for found in rest:
            reading.add(*found)
            if one_slice:
                return
        self._date_ranks = reading.ranks()
        self._reading = None
        if self._noted is None:
            self._noted = noted

    def _page_ranks(self) -> Mapping[int, int]:
        """What ranks a page by its words: the date ranks once read, else the dates of
        the ids the page asks about (date_ranks.DatesOnDemand: the first answer of a
        session does not wait for every article's date, 0.5 s at a million)."""
        if self._date_ranks is not None:
            return self._date_ranks
        if self._dates_on_demand is None:
            store = self.store
            self._dates_on_demand = DatesOnDemand(
                store.dates_of, store.count, store.max_id, self.ranks)
        return self._dates_on_demand

    def prepare(self) -> None:
        """Read now what the first search would read first: the date ranks, the noted ids
        and the word ranker's field lengths (the window asks while it waits for a query)."""
        while self.prepare_step():
            pass

    def prepare_step(self) -> bool:
        """Read a piece of what `prepare` reads (the word ranker first, then the date ranks
        a slice of 65,536 ids at a time: ~30 ms at a million articles); False once all is
        read.  The window reads them while it waits for a query, a piece a query of its
        worker, so that a query typed meanwhile waits for one piece only."""
        self.follow_other_writers()
        if self._date_ranks is None and self._reading is None:
            self.words.ranker()
        if self._date_ranks is None:
            self._read_ranks(one_slice=True)
            return True
        self._noted_ids()
        return False

    def _noted_ids(self) -> set[int]:
        if self._noted is None:
            self._noted = self.store.noted()
        return self._noted

    def _lookup(self, total: int) -> TermLookup:
        return TermLookup(self.store, total, self._noted_ids(), self.words.proven, self._answers)

    # -- searching ------------------------------------------------------------------------------

    def matching_ids(self, query: Query, allowed: set[int] | None = None) -> set[int]:
        """Every article `search` would count for `query` within `allowed` (its `total`)."""
        self.follow_other_writers()
        ranks = self.ranks()
        # Every id is the index's own set, only read (a copy of a million ids is ~25 ms).
        universe = ranks.ids if allowed is None else ranks.among(allowed)
        if query.root is None:
            return set(universe) if allowed is not None or query.filters else set()
        return evaluate(query.root, universe, self._lookup(len(ranks)), with_notes=True)

    def search(
        self, query: Query, allowed: set[int] | None, limit: int, offset: int,
        matched: bool = False, page_first: bool = False,
    ) -> SearchResult:
        """One page of the articles matching `query` within `allowed` (the module docstring);
        `matched`: `allowed` is `matching_ids` of this query already; `page_first`: the
        page may come without its exact total (page_first.py)."""
        notices = list(query.notices)
        self.follow_other_writers()
        root = query.root
        # Within a filter only the window's page first (its total then a bound), and only
        # over many articles, where the leaders rank (a few are looked up below).
        filtered = allowed is not None and page_first and len(allowed) >= LEADERS_AMONG
        if root is not None and (allowed is None or filtered) and not matched:
            page = self._proven_page(root, [t.text for t in query.terms], limit, offset,
                                     notices, allowed)
            if page is None and page_first and allowed is None and not query.filters:
                page = self._first_page(root, [t.text for t in query.terms], limit, offset,
                                        notices)
            if page is not None:
                return page
        ranks = self.ranks()
        among = None if allowed is None else ranks.among(allowed)
        if root is None:
            if among is None and not query.filters:
                return SearchResult(0, [], notices)
            return self._by_date(set(ranks.ids) if among is None else among, limit, offset,
                                 notices)
        # The word postings prove matches (sparing the reading of text) and rank them; each
        # word's are read once (postings.py).
        lookup = self._lookup(len(ranks))
        # (Every id is the index's own set, only read: a copy of a million is ~25 ms.)
        truth = among if matched and among is not None else \
            evaluate(root, ranks.ids if among is None else among, lookup, with_notes=True)
        terms = [t.text for t in query.terms]
        if not terms:  # only exclusions
            return self._by_date(truth, limit, offset, notices)
        note_only: set[int] = set()
        if not truth.isdisjoint(lookup.noted):
            note_only = truth - evaluate(root, truth, lookup, with_notes=False)
        articles = truth - note_only

        wanted = offset + limit
        tree = word_tree(root)
        ranked: list[tuple[int, float, MatchKind]] = []
        if tree is not None and wanted:
            # Only the articles that match verbatim are ranked (ranking.py).
            top = self.words.top(tree, articles, wanted, ranks)
            ranked = [(doc_id, score, MatchKind.WORD) for doc_id, score in top]
        if len(ranked) < wanted:
            # Fewer word hits than wanted means `ranked` holds all of them.
            rest = articles.difference(doc_id for doc_id, _, _ in ranked)
            ranked += self._by_count(rest, terms, wanted - len(ranked), MatchKind.SUBSTRING)
        if len(ranked) < wanted:
            ranked += self._by_count(note_only, terms, wanted - len(ranked), MatchKind.NOTE)
        return self._page(root, terms, ranked[offset:wanted], len(truth), notices)

    def _proven_page(
        self, root: Node, terms: list[str], limit: int, offset: int, notices: list[Message],
        allowed: set[int] | None = None,
    ) -> SearchResult | None:
        """The page of a query the word postings answer alone (the module docstring), or
        None when they cannot: a term they do not prove, an exclusion the pairs index does
        not answer exactly, or fewer word hits than the page needs (then some match only as
        a substring or in a note)."""
        proven = _proven_query(root)
        wanted = offset + limit
        if proven is None or not wanted:
            return None
        expression, positive, exclusions = proven
        tree = word_tree(positive)
        if tree is None:
            return None
        # An excluded term excludes wherever it occurs, the note included: as its grams do.
        excluded: set[int] = set().union(*(self.store.find(text) for text in exclusions))
        if allowed is None:
            top = self.words.top(tree, None, wanted, self._page_ranks(), excluded)
        else:
            among = allowed - excluded if excluded else allowed
            top = self.words.top(tree, among, wanted, self._page_ranks())
        if len(top) < wanted:
            return None
        total = self.store.count_matching(expression)
        ranked = [(doc_id, score, MatchKind.WORD) for doc_id, score in top]
        page = self._page(root, terms, ranked[offset:wanted], total, notices)
        if allowed is None:
            return page
        # The pairs index counted every match, not those the filter lets through.
        return replace(page, total=min(page.total, len(allowed)), total_exact=False)

    def _first_page(
        self, root: Node, terms: list[str], limit: int, offset: int, notices: list[Message]
    ) -> SearchResult | None:
        """The page of the full evaluation found among the best word hits, with an upper
        bound for its total (page_first.py), or None when the word hits hold too few or
        checking every candidate is the cheaper way."""
        tree = word_tree(root)
        if tree is None:
            return None
        ranks = self._page_ranks()
        bound = upper_bound(root)
        total = self.store.count_matching(bound) if bound is not None else len(ranks)
        postings, ranking = self.words.ranking_cost(tree)
        costs = Costs(total, postings, ranking, word_hits(tree, self.words.doc_frequency),
                      all_words(root))
        ask = first_ask(costs, offset + limit)
        if ask is None:
            return None
        ranked = first_ranked(root, offset + limit,
                              lambda n: self.words.top(tree, None, n, ranks),
                              self.store.fields_with, ask)
        if ranked is None:
            return None
        page = [(doc_id, score, MatchKind.WORD) for doc_id, score in ranked[offset:]]
        return replace(self._page(root, terms, page, total, notices), total_exact=False)

    def _page(
        self, root: Node, terms: list[str], page: list[tuple[int, float, MatchKind]],
        total: int, notices: list[Message],
    ) -> SearchResult:
        """The hits of `page`, each checked against its text and given its snippet."""
        texts = self.store.texts(doc_id for doc_id, _, _ in page)
        hits = []
        for doc_id, score, match in page:
            title, body, note = texts.get(doc_id, ("", "", ""))
            if not text_matches(root, (title, body, note)):
                # The indexes promised a match the stored text does not hold: never show it.
                logger.warning("search index out of step for article %s; rebuild it", doc_id)
                total -= 1
                continue
            snippet = make_snippet(note if match == MatchKind.NOTE else body, terms)
            hits.append(Hit(doc_id, float(score), match, snippet))
        return SearchResult(total, hits, notices)

    def _by_count(
        self, ids: set[int], terms: list[str], count: int, match: MatchKind
    ) -> list[tuple[int, float, MatchKind]]:
        """The best `count` of `ids` by occurrences of `terms` (in the note for the note tier)."""
        if not ids:
            return []
        ranks = self.ranks()
        rows = [self.store.occurrences(t, ids) for t in terms]
        empty = Counts(0, 0, 0)

        def score(doc_id: int) -> int:
            found = [r.get(doc_id, empty) for r in rows]
            if match == MatchKind.NOTE:
                return sum(c.note for c in found)
            return sum(TITLE_WEIGHT * c.title + c.body for c in found)

        scored = ((score(i), i) for i in ids)
        best = heapq.nsmallest(count, scored, key=lambda s: (-s[0], -ranks[s[1]], s[1]))
        return [(doc_id, float(value), match) for value, doc_id in best]

    def _by_date(self, ids: set[int], limit: int, offset: int,
                 notices: list[Message]) -> SearchResult:
        ranks = self.ranks()
        best = heapq.nsmallest(offset + limit, ids, key=lambda i: (-ranks[i], i))[offset:]
        texts = self.store.texts(best)
        hits = [
            Hit(i, 0.0, MatchKind.FILTER, make_snippet(texts.get(i, ("", "", ""))[1], ()))
            for i in best
        ]
        return SearchResult(len(ids), hits, notices)


def proven_by_words(query: Query) -> bool:
    """Whether the word postings answer `query`'s text alone (`_proven_query`): within a
    filter of many articles its page then comes first (`IndexSearch.search`)."""
    return query.root is not None and _proven_query(query.root) is not None


def _proven_query(root: Node) -> tuple[str, Node, list[str]] | None:
    """(the FTS5 query counting the matches, the positive part, the excluded terms) of a
    query the word postings answer alone: positive terms as `_proven_expression` takes
    them, and at the top exclusions of terms the pairs index answers exactly; else None."""
    positive, exclusions = root, []
    if isinstance(root, And):
        kept = [child for child in root.children if not isinstance(child, Not)]
        dropped = [child.child for child in root.children if isinstance(child, Not)]
        if not kept:
            return None
        for node in dropped:
            if not isinstance(node, Term) or not SubstringStore.exact(node.text):
                return None
            exclusions.append(node.text)
        positive = kept[0] if len(kept) == 1 else And(tuple(kept))
    expression = _proven_expression(positive)
    if expression is None:
        return None
    if exclusions:
        expression += " NOT (" + " OR ".join(map(SubstringStore.phrase, exclusions)) + ")"
    return expression, positive, exclusions


def _proven_expression(node: Node) -> str | None:
    """The pairs index's query (FTS5) counting the matches of `node` when the word postings
    prove all of it: AND and OR of terms that are each one word token (ranking.word_of)
    and one token of the pairs index (`SubstringStore.exact`); else None."""
    if isinstance(node, Term):
        if word_of(node.text) is None or not SubstringStore.exact(node.text):
            return None
        return SubstringStore.phrase(node.text)
    if isinstance(node, And | Or):
        parts = [_proven_expression(child) for child in node.children]
        if not parts or any(part is None for part in parts):
            return None
        joiner = " AND " if isinstance(node, And) else " OR "
        return "(" + joiner.join(part for part in parts if part is not None) + ")"
    return None
