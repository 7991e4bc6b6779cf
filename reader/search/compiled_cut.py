"""jieba's words from jieba-rs (`rjieba`): the same cuts as jieba at a tenth of its time.

jieba's segmentation in pure Python was the largest single cost of an import (issue 17).
jieba-rs is a port of the same algorithm (the prefix dictionary, the route by word
frequencies, the HMM for words the dictionary lacks) and cuts a plain block exactly as
jieba does, given exactly jieba's dictionary.  `CompiledCutter` makes sure of that:

1. it is filled from `jieba.dt.FREQ` itself (jieba's dictionary with Reader's user words
   and tag names, as the query side cuts with), not from jieba-rs's own copy;
2. jieba's `total` (the denominator of every word's probability) is not the sum of the
   frequencies: jieba adds a word's frequency to it each time the word is added, even
   when the word was there (its dict.txt lists a few twice).  jieba-rs keeps its total
   the sum; the difference is given to a word no block can contain (`SPARE_TOTAL`), so
   the two totals, and with them every route's score, are equal;
3. it cuts only blocks of Han letters, ASCII letters and digits (`PLAIN_BLOCK`): where a
   block holds ASCII punctuation jieba keeps in blocks (`+#&._%-`), the HMM's handling of
   the letters around it differs (jieba-rs keeps `9-1X` whole where jieba cuts `9`, `-`,
   `1X`), so those blocks (about 1 % of a newspaper's) are left to jieba;
4. a block holding one character three or more times in a row (临临临, 哈哈哈) is left to
   jieba too: where such a run falls in letters the dictionary does not join, the two HMMs
   break a tie differently (一临临临丰: jieba 一临/临临丰, jieba-rs 一临临/临丰); about one
   block in a hundred that has such a run, and none in real pages seen;
5. a word added with frequency 0 (jieba's way to force a split) has no counterpart in
   jieba-rs: then nothing is cut here (`CompiledCutter.of` gives None).

tests/search/test_compiled_cut.py compares the two on random blocks (rare characters,
Latin, digits, added words) and on the seed pages; `tests/benchmarks/compare_cuts.py`
on a whole corpus (the 10k and 100k benchmark corpora: no block differs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["PLAIN_BLOCK", "SPARE_TOTAL", "UNSUITED", "CompiledCutter", "available", "suits"]

#: Blocks jieba-rs cuts exactly as jieba (see the module docstring, 3) ...
PLAIN_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9]+")
#: ... unless they hold one character three times in a row (the module docstring, 4).
_RUN_OF_THREE = re.compile(r"(.)\1\1")
#: What makes a block unsuited to jieba-rs, both in one search (a letter outside
#: PLAIN_BLOCK's, or a run of three): `suits` for many blocks in a C loop (analysis.py).
UNSUITED = re.compile(r"[^\u4E00-\u9FD5a-zA-Z0-9]|(.)\1\1")
#: The word that carries the difference between jieba's total and the sum of its
#: frequencies: a NUL, which no block handed to jieba-rs contains.
SPARE_TOTAL = "\x00"


def suits(block: str) -> bool:
    """Whether jieba-rs cuts `block` exactly as jieba does (the module docstring, 3 and 4)."""
    return PLAIN_BLOCK.fullmatch(block) is not None and _RUN_OF_THREE.search(block) is None


def available() -> bool:
    """Whether jieba-rs can be loaded here (a wheel for this platform)."""
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return False
    return True


class CompiledCutter:
    """A jieba-rs segmenter holding exactly jieba's dictionary (see the module docstring)."""

    def __init__(self, freq: dict[str, int], total: int) -> None:
        import rjieba

        self._jieba = rjieba.Jieba.empty()
        add = self._jieba.add_word
        added = 0
        for word, count in freq.items():
            if count:  # jieba's prefixes of words (count 0) are not words
                add(word, count, None)
                added += count
        #: The sum of the frequencies jieba-rs holds, apart from SPARE_TOTAL's.
        self._sum = added
        self._spare = 0
        self._match_total(total)

    @classmethod
    def of(cls, dictionary) -> CompiledCutter | None:
        """The cutter for a `jieba.Tokenizer` whose dictionary is loaded whole, or None
        when jieba-rs cannot cut as it does (not installed, or words forced apart)."""
        from jieba import finalseg

        if not available() or finalseg.Force_Split_Words:
            return None
        if not isinstance(dictionary.FREQ, dict):
            raise TypeError("jieba's dictionary must be loaded whole first")
        return cls(dictionary.FREQ, dictionary.total)

    def _match_total(self, total: int) -> None:
        spare = total - self._sum
        if spare < 0:  # cannot happen with jieba's add_word; be exact or say so
            raise ValueError("jieba's total is less than the sum of its frequencies")
        if spare != self._spare:
            # jieba-rs replaces a word's frequency, keeping its total the sum.
            self._jieba.add_word(SPARE_TOTAL, spare, None)
            self._spare = spare

    def added(self, word: str, before: int, after: int, total: int) -> None:
        """jieba has just added `word` (frequency `before` → `after`, total now `total`)."""
        if after:
            self._jieba.add_word(word, after, None)
            self._sum += after - before
        elif before:  # cannot be told apart from a forced split: the caller stops using this
            raise ValueError("a word's frequency was set to 0")
        self._match_total(total)

    def cut(self, block: str, hmm: bool = True) -> list[str]:
        """jieba's words of one `PLAIN_BLOCK` block (precise mode)."""
        return self._jieba.cut(block, hmm)

    def cut_many(self, blocks: Iterable[str]) -> Iterator[list[str]]:
        """`cut` of each of `blocks` (with the HMM), called from C (`map`): no Python
        frame a block."""
        return map(self._jieba.cut, blocks)
