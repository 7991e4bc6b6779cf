"""Which articles match a query tree: set operations over substring lookups.

A term matches the articles containing it verbatim (title, body or note; Latin
case-insensitive); AND intersects, OR unites, NOT subtracts, all within a set of allowed ids.
Lookups are cached for the length of one search, and each AND child is looked up only within
what the children before it left, so a selective term narrows the scans of the others.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from collections.abc import Set as AbstractSet

from reader.search.query import And, Node, Not, Or, Term
from reader.search.substring import IN_BODY, IN_TITLE, SubstringStore

__all__ = ["TermCache", "TermLookup", "evaluate", "text_matches"]


class TermCache:
    """Which articles contain a term, as earlier searches found it over the whole index.

    The window asks the same terms again and again (each facet click, sort change and
    page; a research search finds its matches, then ranks them), so whole answers are kept
    across searches, the most recent first, up to `limit` ids in all.  The owner clears it
    whenever the index changes (SearchIndex: its own writes and other processes')."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._found: OrderedDict[str, set[int]] = OrderedDict()
        self._size = 0

    def get(self, term: str) -> set[int] | None:
        found = self._found.get(term)
        if found is not None:
            self._found.move_to_end(term)
        return found

    def put(self, term: str, found: set[int]) -> None:
        """Keep `found` (not to be changed by anyone after this)."""
        if len(found) > self.limit:
            return
        old = self._found.pop(term, None)
        self._size += len(found) - (len(old) if old is not None else 0)
        self._found[term] = found
        while self._size > self.limit:
            _, dropped = self._found.popitem(last=False)
            self._size -= len(dropped)

    def clear(self) -> None:
        self._found.clear()
        self._size = 0


#: Up to this many articles to look in (a narrow filter: 党建 kind:commentary, 2 articles),
#: and at most one in `CHECK_SHARE` of the index, are read instead of the term's grams:
#: ~15 µs an article, where a common character pair's list is ~0.25 µs an article holding
#: it (党建 at 1M: 320,000 articles, ~80 ms).
CHECK_WITHIN = 200
CHECK_SHARE = 1000


class TermLookup:
    """The substring lookups of one search, cached: term → ids, and the ids each lookup covered."""

    def __init__(self, store: SubstringStore, total: int, noted: set[int],
                 proof: Callable[[str], set[int] | None] | None = None,
                 cache: TermCache | None = None) -> None:
        """`proof(term)`, if given, names articles whose title or body surely holds `term`
        (from the word index, ranking.proof_token), or None: they need no reading.
        `cache` keeps whole answers across searches."""
        self._store = store
        self._total = total
        #: Ids of the articles with note text.
        self.noted = noted
        self._proof = proof
        self._cache = cache
        self._proofs: dict[str, set[int] | None] = {}
        self._found: dict[str, set[int]] = {}
        self._covered: dict[str, set[int] | None] = {}
        self._flags: dict[str, dict[int, int]] = {}

    def _proven(self, term: str) -> set[int] | None:
        if self._proof is None:
            return None
        if term not in self._proofs:
            self._proofs[term] = self._proof(term)
        return self._proofs[term]

    def find(self, term: str, within: AbstractSet[int]) -> set[int]:
        """The ids in `within` of articles containing `term` in title, body or note."""
        covered = self._covered.get(term)
        if term in self._found and (covered is None or within <= covered):
            return self._found[term] & within
        known = self._cache.get(term) if self._cache is not None else None
        if known is not None:
            self._found[term], self._covered[term] = known, None
            return known & within
        complete = len(within) >= self._total
        part = None if complete else within if isinstance(within, set) else set(within)
        if part is not None and len(part) <= min(CHECK_WITHIN, self._total // CHECK_SHARE):
            found = set(self._store.fields_with(term, part))
        else:
            found = self._store.find(term, part, lambda: self._proven(term))
        if complete and self._cache is not None:
            self._cache.put(term, found)
        earlier = self._found.get(term)
        self._found[term] = found if earlier is None else found | earlier
        self._covered[term] = None if complete or part is None else part | (covered or set())
        return found & within

    def note_only(self, term: str, ids: set[int]) -> set[int]:
        """Of `ids` (articles containing `term`), those that contain it only in their note."""
        candidates = ids & self.noted
        if not candidates:
            return set()
        flags = self._flags.setdefault(term, {})
        missing = candidates.difference(flags)
        if missing and self._store.indexed(term) and (sure := self._proven(term)):
            # In the title or body: not in the note only.
            flags.update(dict.fromkeys(missing & sure, IN_TITLE))
            missing -= sure
        if missing:
            flags.update(dict.fromkeys(missing, 0))
            flags.update(self._store.fields_with(term, missing))
        return {i for i in candidates if not flags[i] & (IN_TITLE | IN_BODY)}


def evaluate(node: Node, within: AbstractSet[int], lookup: TermLookup,
             with_notes: bool) -> set[int]:
    """The ids in `within` matching `node`; positive terms count note text only `with_notes`.
    `within` is only read (it may be the index's own set of every id: no copy is made of a
    million ids a search)."""
    if not within:
        return set()
    if isinstance(node, Term):
        found = lookup.find(node.text, within)
        return found if with_notes else found - lookup.note_only(node.text, found)
    if isinstance(node, Not):
        # An excluded word excludes wherever it occurs, the note included.
        left = within - evaluate(node.child, within, lookup, with_notes=True)
        return left if isinstance(left, set) else set(left)
    if isinstance(node, And):
        current: AbstractSet[int] = within
        for child in sorted(node.children, key=_and_order):
            current = evaluate(child, current, lookup, with_notes)
            if not current:
                break
        return current if isinstance(current, set) else set(current)
    if isinstance(node, Or):
        found_any: set[int] = set()
        for child in node.children:
            found_any |= evaluate(child, within, lookup, with_notes)
        return found_any
    raise TypeError(f"not a query node: {node!r}")


def text_matches(node: Node, fields: tuple[str, ...]) -> bool:
    """Whether an article's text satisfies the query tree (the check of a page against the text)."""
    if isinstance(node, Term):
        pattern = re.compile(re.escape(node.text), re.IGNORECASE)
        return any(pattern.search(text or "") for text in fields)
    if isinstance(node, Not):
        return not text_matches(node.child, fields)
    if isinstance(node, And):
        return all(text_matches(child, fields) for child in node.children)
    if isinstance(node, Or):
        return any(text_matches(child, fields) for child in node.children)
    raise TypeError(f"not a query node: {node!r}")


def _and_order(node: Node) -> int:
    """Index lookups first, then scans of the text (which narrow to the ids so far), then
    alternatives, then exclusions."""
    if isinstance(node, Term):
        return 0 if SubstringStore.indexed(node.text) else 1
    return 3 if isinstance(node, Not) else 2
