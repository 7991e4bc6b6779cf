"""Repairs and judgements on paragraph text that need no page structure.

- `lost_opening`: does a body start mid-sentence (色教育基地,…)?
- `TopicModel`: lexical similarity of a paragraph to an item, from character
  trigrams weighted by how rare they are on the page.  It decides where the
  blocks of interleaved articles belong, and where a story that lost its
  title begins.
- `normalise_for_duplicates`: the form in which two paragraphs are "identical".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from reader.ingest import vocab
from reader.ingest.lines import cjk_count

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_CLAUSE_END = re.compile(r"[,，;；:：。！？!?]")
#: Characters a sentence cannot start with: it was cut before them.
_CONTINUATION_START = "”’」』）)》,，、。；;:：！？!?…"


def lost_opening(text: str) -> bool:
    """True if a report's first paragraph starts mid-sentence or mid-word."""
    text = text.strip()
    if not text:
        return False
    if text[0] in _CONTINUATION_START:
        return True
    # A lone tail of a sentence (家园”。) is what is left of a lost paragraph.
    if len(text) <= 8 and text[-1] in "。！？!?" and cjk_count(text) <= 6:
        return True
    match = _CLAUSE_END.search(text)
    if not match or text[match.start()] not in ",，":
        return False
    clause = text[: match.start()]
    if clause[:1] in "“‘「『《(（" or clause.startswith(vocab.OPENERS):
        return False
    if any(ch.isdigit() for ch in clause) or clause.endswith(vocab.SETTING_SUFFIXES):
        return False
    # A short first clause that sets no time or place is the tail of a
    # sentence whose head was printed elsewhere (色教育基地,… / 教育活动,…).
    return cjk_count(clause) <= 6


def normalise_for_duplicates(text: str) -> str:
    """Whitespace-free form used to spot a paragraph printed twice."""
    return "".join(text.split())


def trigrams(text: str) -> set[str]:
    """Character trigrams inside runs of CJK characters.

    Trigrams rather than bigrams: names of people, places and units (民警路,
    袁永年, 阿左旗) are what tells stories apart, and their bigrams (街道,
    党组) are shared by every story on a party-building page.
    """
    grams: set[str] = set()
    for run in _CJK_RUN.findall(text):
        # A list, not a generator: faster, and the set is filled in the same order.
        grams.update([run[i : i + 3] for i in range(len(run) - 2)])
    return grams


class TopicModel:
    """Similarity of paragraphs to items, weighted by rarity on the page.

    A trigram in every paragraph (党建工, 的工作) says nothing about which story a
    paragraph belongs to; one found in two paragraphs (袁永年, 民警路) says a
    lot.  Weights are inverse document frequencies over the page's paragraphs.
    """

    def __init__(self, paragraphs: Iterable[str]):
        # Each text's trigrams, computed once: a draft's profile is made again each time
        # the draft grows, of the same paragraphs (issue 17: the parse's cost).  The sets
        # are built as `trigrams` builds them, so every sum below adds in the same order.
        self._grams: dict[str, set[str]] = {}
        counts: Counter[str] = Counter()
        total = 0
        for paragraph in paragraphs:
            total += 1
            counts.update(self._trigrams(paragraph))
        self._total = max(total, 1)
        self._counts = counts
        # Squared weights, computed when first needed and kept: every comparison needs them.
        self._squared: dict[str, float] = {}
        self._norms: dict[frozenset[str], float] = {}
        # A paragraph's own profile and norm (`similarity` compares it with every story).
        self._own: dict[str, tuple[frozenset[str], float]] = {}

    def _trigrams(self, text: str) -> set[str]:
        grams = self._grams.get(text)
        if grams is None:
            grams = self._grams[text] = trigrams(text)
        return grams

    def _square(self, gram: str) -> float:
        value = self._squared.get(gram)
        if value is None:
            value = self._squared[gram] = self.weight(gram) ** 2
        return value

    def weight(self, gram: str) -> float:
        seen = self._counts.get(gram, 0)
        if seen <= 0:
            return 0.0
        return math.log((self._total + 1) / seen)

    def profile(self, texts: Iterable[str]) -> frozenset[str]:
        """The recurring trigrams of `texts`: what `similarity` compares."""
        grams: set[str] = set()
        for text in texts:
            grams |= self._trigrams(text)
        counts = self._counts
        return frozenset(g for g in grams if counts.get(g, 0) >= 2)

    def _norm(self, profile: frozenset[str]) -> float:
        norm = self._norms.get(profile)
        if norm is None:
            square = self._square
            norm = self._norms[profile] = math.sqrt(sum(square(g) for g in profile))
        return norm

    def similarity(self, paragraph: str, theirs: frozenset[str]) -> float:
        """Cosine of `paragraph` and a `profile` over rarity-weighted trigram sets, 0..1.

        A cosine, not a sum, so that a long story does not attract every
        paragraph merely by having more words than a short one.
        """
        own = self._own.get(paragraph)
        if own is None:
            mine = self.profile((paragraph,))
            own = self._own[paragraph] = (
                mine, math.sqrt(sum(self._square(g) for g in mine)) if mine else 0.0)
        mine, norm_mine = own
        if not mine or not theirs:
            return 0.0
        square = self._square
        shared = sum(square(g) for g in mine & theirs)
        norm_theirs = self._norm(theirs)  # a draft's profile is compared many times
        return shared / (norm_mine * norm_theirs) if norm_mine and norm_theirs else 0.0
