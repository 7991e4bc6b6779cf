"""The page before the exact total: a long term's first results without reading every candidate.

A term of three characters or more (志愿服务, "基层党校") is found by its character pairs,
and every article holding them is then read to keep those that hold the term itself
(substring.py): some 55,000 articles at a million, 1-2 s, of which the page shown needs
twenty.  Exact positions would spare the reading, but not within the disk budget (issue 17:
≤ 3× the text).  So the window asks for the page first, as a large database does, and the
exact total follows (research.py `count_facets`, through `matching_ids`):

1. The articles matching the query's word tree (ranking.word_tree: each positive term's
   jieba tokens) are taken in BM25F order over the whole index (`WordRanker.top` with no
   candidate set), the best `FIRST_ASK` (or the page's length) first.
2. Each is checked against its text, as the full evaluation would judge it
   (matching.evaluate): a positive term must be in the title or body (an article matching
   only by its note is in the note tier, after every word hit), an excluded term must be
   nowhere, the note included.  The text source answers for the few ids at once
   (`fields_with`), with the same case folding as the full evaluation.
3. The first `offset + limit` that hold are EXACTLY the page the full evaluation gives: the
   word tier is the word hits among the matches, ranked by the same scores and ties (newer
   article, then lower id), and it comes first; a prefix of a ranking restricted to a subset
   is the restriction of its prefix.  While too few hold, `GROWTH` times as many are asked
   for; when every word hit was seen (jieba cut a term's text otherwise, or the matches are
   substring or note hits) or `MOST_CHECKED` were read, there is no such page
   (None) and the caller evaluates in full.
4. The total is then not counted: `upper_bound` is an FTS5 query of the positive terms'
   character pairs, whose count (a few ms at a million articles) bounds it from above.

It is not always the cheaper way, so each query's two ways are priced before either is
taken (`first_ask`), in postings read whole (~0.5 µs each at 1M): the full evaluation
checks every candidate's text (`POSTINGS_PER_CHECK` each) and then ranks its matches (below
`LEADERS_AMONG` of them from every posting of the words, else as the page first does); the
page first ranks over every article (from the words' leaders where they have them,
ranking_leaders.LeaderRanking.cost) and checks the hits it reads, about `wanted` divided by
the share of word hits expected to hold (the candidates over the word hits' estimate,
`word_hits`: the rarest word of an AND; all of them when each term is one word,
`all_words`).  That share also sizes the first ask, so that a
phrase of several words (党建引领基层治理: one word hit in two holds) is ranked once, not
twice.  A rare phrase of common words ("人民政府举行": 44 candidates, some 20,000 word
hits) is answered in full at once; "网格化治理" (6,177 candidates, 1M) comes page first
from its words' leaders in ~25 ms, where checking its candidates took ~250.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from reader.search.query import And, Node, Not, Or, Term
from reader.search.ranking import LEADERS_AMONG, WordTree, word_of
from reader.search.substring import SubstringStore
from reader.search.texts import IN_BODY, IN_TITLE

__all__ = ["FIRST_ASK", "GROWTH", "MOST_CHECKED", "POSTINGS_PER_CHECK", "Costs", "all_words", "first_ask",
           "first_ranked", "holding", "upper_bound", "word_hits"]

#: How many word hits are asked for first (a page of the window's list is larger: it asks
#: for its own length).
FIRST_ASK = 20
#: Each further ask is this many times the last.
GROWTH = 4
#: Past this many word hits read without a page, the full evaluation is the cheaper way.
MOST_CHECKED = 5_000
#: Checking one candidate against its text costs about as much as ranking this many word
#: postings (measured at 100k articles: 18-19 µs against 0.5-0.7 µs; break-even ~30).
POSTINGS_PER_CHECK = 25
#: The first ask is this many times the hits expected to be read for the page (a second
#: ask ranks everything again; a larger first one costs a little more: at 1M 党建引领基层治理
#: ranked its best 30 in ~47 ms, its best 111 in ~95).
ASK_MARGIN = 1.25

#: (article id, score) best first, for the best `n` (WordRanker.top over every article).
Top = Callable[[int], list[tuple[int, float]]]
#: The text source's `fields_with(term, ids)`: id → IN_TITLE|IN_BODY|IN_NOTE of those holding it.
FieldsWith = Callable[[str, set[int]], dict[int, int]]


@dataclass(frozen=True)
class Costs:
    """What is known of a query's words before either way is taken."""

    #: The query's candidates: articles holding its positive terms' character pairs.
    candidates: int
    #: Every posting of its words.
    postings: int
    #: Ranking its word hits over every article, in postings read whole (the leaders').
    ranking: float
    #: At most about this many word hits (`word_hits`).
    hits: int
    #: Every word hit is a match but for exclusions (`all_words`): none is checked in vain.
    proven: bool = False


def first_ask(costs: Costs, wanted: int) -> int | None:
    """How many word hits to ask for first, or None when checking every candidate is the
    cheaper way (the module docstring)."""
    if wanted <= 0 or costs.candidates < wanted:
        return None  # fewer matches than the page: the word hits cannot hold enough
    # The share of word hits that hold: at most the candidates over the word hits.
    share = 1.0 if costs.proven else min(1.0, costs.candidates / max(1, costs.hits))
    expected = wanted / share
    if expected > MOST_CHECKED:
        return None
    first = costs.ranking + expected * POSTINGS_PER_CHECK
    ranking_matches = costs.postings if costs.candidates < LEADERS_AMONG else costs.ranking
    full = costs.candidates * POSTINGS_PER_CHECK + ranking_matches
    if first > full:
        return None
    # The best word hits hold more often than the rest (measured at 1M: 党建引领基层治理's
    # best 111 held 63 %, its candidates over its word hits say 27 %): the first ask is
    # sized for at most half of them to hold, the further asks grow if fewer do.
    return min(MOST_CHECKED, max(FIRST_ASK, wanted,
                                 math.ceil(wanted * min(2.0, 1 / share) * ASK_MARGIN)))


def all_words(node: Node) -> bool:
    """Whether every positive term of `node` is one word of its own (ranking.word_of): its
    word hits then hold it, in the title or body."""
    if isinstance(node, Term):
        return word_of(node.text) is not None
    if isinstance(node, Not):
        return True
    return all(all_words(child) for child in node.children)


def word_hits(tree: WordTree, frequency: Callable[[str], int]) -> int:
    """At most about how many articles match the word tree as words (`frequency`: a token's
    documents): a term's or an AND's rarest part, an OR's parts together."""
    kind, parts = tree
    if kind == "tokens":
        return min(map(frequency, parts))
    found = [word_hits(part, frequency) for part in parts]
    return min(found) if kind == "and" else sum(found)


def first_ranked(root: Node, wanted: int, top: Top, fields_with: FieldsWith,
                 first: int = FIRST_ASK) -> list[tuple[int, float]] | None:
    """The best `wanted` word hits of `root` that match it (the module docstring, stages 1-3),
    or None when the word hits hold fewer; `first`: how many are asked for first."""
    if wanted <= 0:
        return None
    held: list[tuple[int, float]] = []
    seen = 0
    ask = min(max(first, wanted), max(MOST_CHECKED, wanted))
    while True:
        best = top(ask)
        # `top` is one total order (score, newer, lower id): a longer ask extends a shorter.
        fresh = best[seen:]
        kept = holding(root, [doc_id for doc_id, _ in fresh], fields_with)
        held.extend(pair for pair in fresh if pair[0] in kept)
        if len(held) >= wanted:
            return held[:wanted]
        if len(best) < ask or ask >= MOST_CHECKED:
            return None
        seen, ask = len(best), min(ask * GROWTH, MOST_CHECKED)


def holding(root: Node, ids: list[int], fields_with: FieldsWith) -> set[int]:
    """Of `ids`, those that match `root` in their title or body (an excluded term counts
    in the note too): matching.evaluate's `with_notes=False`, from the text of these only."""
    if not ids:
        return set()
    among = set(ids)
    flags = {term: fields_with(term, among) for term in _terms(root)}
    return {doc_id for doc_id in ids if _holds(root, doc_id, flags, anywhere=False)}


def _holds(node: Node, doc_id: int, flags: dict[str, dict[int, int]], anywhere: bool) -> bool:
    if isinstance(node, Term):
        found = flags[node.text].get(doc_id, 0)
        return bool(found if anywhere else found & (IN_TITLE | IN_BODY))
    if isinstance(node, Not):
        # An excluded term excludes wherever it occurs, the note included (as evaluate).
        return not _holds(node.child, doc_id, flags, anywhere=True)
    if isinstance(node, And):
        return all(_holds(child, doc_id, flags, anywhere) for child in node.children)
    if isinstance(node, Or):
        return any(_holds(child, doc_id, flags, anywhere) for child in node.children)
    raise TypeError(f"not a query node: {node!r}")


def _terms(node: Node) -> list[str]:
    """Every term's text in the tree, excluded ones too, each once."""
    if isinstance(node, Term):
        return [node.text]
    if isinstance(node, Not):
        return _terms(node.child)
    return list(dict.fromkeys(t for child in node.children for t in _terms(child)))


def upper_bound(node: Node) -> str | None:
    """An FTS5 query of the pairs index that every match of `node` satisfies (its count
    bounds the total from above), or None when no such query narrows anything: a term's
    character pairs (SubstringStore.candidates), AND and OR as they are, exclusions left out."""
    if isinstance(node, Term):
        return SubstringStore.candidates(node.text)
    if isinstance(node, And):
        parts = [p for p in (upper_bound(c) for c in node.children) if p is not None]
        return "(" + " AND ".join(parts) + ")" if parts else None
    if isinstance(node, Or):
        either = [upper_bound(c) for c in node.children]
        if not either or any(p is None for p in either):
            return None
        return "(" + " OR ".join(p for p in either if p is not None) + ")"
    return None  # an exclusion alone bounds nothing
