"""Result snippets cut from the stored text: a window of characters around the densest hits.

Built from the text, not by Whoosh's highlighter (which re-runs jieba per hit, ../shared/BENCHMARKS.md).
A snippet is plain text in which each hit is wrapped in HIT_START … HIT_END; the UI turns
those into markup after escaping the rest.  So that the markers stay unambiguous, brackets of
the same kind in the article text are shown as 〖 〗 in snippets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["ELLIPSIS", "HIT_END", "HIT_START", "WIDTH", "find_hits", "make_snippet"]

#: Marks the start of a hit in a snippet.
HIT_START = "【"
#: Marks the end of a hit in a snippet.
HIT_END = "】"
#: Shown where a snippet cuts a sentence.
ELLIPSIS = "…"
#: About how many characters of text a snippet shows.
WIDTH = 80
#: How far past the window a snippet may reach to end (or start) at a sentence boundary.
SLACK = 20

SENTENCE_ENDS = "。！？!?；;"
_BOUNDARIES = SENTENCE_ENDS + "\n"
#: Closing quotes and brackets that belong to the sentence a 。 ends.
_CLOSERS = "”’」』）)"
_MARKER_LOOKALIKES = str.maketrans({HIT_START: "〖", HIT_END: "〗"})


def find_hits(text: str, terms: Iterable[str]) -> list[tuple[int, int, str]]:
    """Non-overlapping `(start, end, term)` occurrences, Latin case-insensitive, longest term first."""
    ordered = sorted({t for t in terms if t}, key=len, reverse=True)
    if not ordered:
        return []
    by_folded = {t.casefold(): t for t in ordered}
    pattern = re.compile("|".join(re.escape(t) for t in ordered), re.IGNORECASE)
    hits = []
    for match in pattern.finditer(text):
        term = by_folded.get(match.group(0).casefold(), match.group(0))
        hits.append((match.start(), match.end(), term))
    return hits


def make_snippet(text: str, terms: Iterable[str], width: int = WIDTH) -> str:
    """About `width` characters of `text` around the densest cluster of hits, hits marked.

    Without hits, the opening of the text.  The window is moved to sentence boundaries
    (。！？!?；; or a paragraph end) when one lies within a few characters, and "…" shows
    where it cuts a sentence instead.
    """
    hits = find_hits(text, terms)
    if hits:
        first, last = _densest(hits, width)
        start, end = _window(len(text), hits[first][0], hits[last][1], width)
        start = _sentence_start(text, start, hits[first][0])
        end = _sentence_end(text, end, hits[last][1])
    else:
        start = 0
        end = _sentence_end(text, min(len(text), width), 0)
    # A hit that straddles the window's edge is shown whole.
    for hit_start, hit_end, _ in hits:
        if hit_start < start < hit_end:
            start = hit_start
        if hit_start < end < hit_end:
            end = hit_end
    cut_start = start > 0 and text[start - 1] not in _BOUNDARIES
    cut_end = end < len(text) and text[end - 1] not in _BOUNDARIES and text[end] != "\n"
    cut_end = cut_end and bool(text[end:].strip())
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    pieces = [ELLIPSIS] if cut_start else []
    cursor = start
    for hit_start, hit_end, _ in hits:
        if hit_start < start or hit_end > end:
            continue
        pieces += [
            _plain(text[cursor:hit_start]),
            HIT_START,
            _plain(text[hit_start:hit_end]),
            HIT_END,
        ]
        cursor = hit_end
    pieces.append(_plain(text[cursor:end]))
    if cut_end:
        pieces.append(ELLIPSIS)
    return "".join(pieces)


def _plain(text: str) -> str:
    """Text as a snippet shows it: paragraphs joined by a space, marker lookalikes swapped."""
    return " ".join(text.split("\n")).translate(_MARKER_LOOKALIKES)


def _densest(hits: list[tuple[int, int, str]], width: int) -> tuple[int, int]:
    """Indexes of the first and last hit of the window with the most distinct terms, then hits."""
    best = (0, 0)
    best_key = (0, 0)
    last = 0
    for first in range(len(hits)):
        last = max(last, first)
        while last + 1 < len(hits) and hits[last + 1][1] - hits[first][0] <= width:
            last += 1
        key = (len({h[2] for h in hits[first : last + 1]}), last - first + 1)
        if key > best_key:
            best, best_key = (first, last), key
    return best


def _window(length: int, cluster_start: int, cluster_end: int, width: int) -> tuple[int, int]:
    """A `width` window centred on the cluster, kept inside the text."""
    spare = max(0, width - (cluster_end - cluster_start))
    start = max(0, cluster_start - spare // 2)
    end = min(length, max(cluster_end, start + width))
    start = max(0, min(start, end - width))
    return start, end


def _after_closers(text: str, index: int) -> int:
    """Past the closing quotes and brackets that end a sentence with its 。 (…说。” / …。）)."""
    while index < len(text) and text[index] in _CLOSERS:
        index += 1
    return index


def _sentence_start(text: str, start: int, first_hit: int) -> int:
    """Move `start` to the nearest sentence beginning within SLACK, not past the first hit."""
    if start == 0:
        return 0
    candidates = [
        _after_closers(text, j + 1)
        for j in range(max(0, start - SLACK - 1), first_hit) if text[j] in _BOUNDARIES
    ]
    candidates = [c for c in candidates if c <= first_hit]
    if not candidates:
        return start
    return min(candidates, key=lambda c: abs(c - start))


def _sentence_end(text: str, end: int, last_hit: int) -> int:
    """Move `end` to the nearest sentence end within SLACK, not before the last hit."""
    if end >= len(text):
        return len(text)
    candidates = [
        _after_closers(text, j + 1)
        for j in range(last_hit, min(len(text), end + SLACK)) if text[j] in _BOUNDARIES
    ]
    if not candidates:
        return end
    return min(candidates, key=lambda c: abs(c - end))
