"""Highlight anchors: quote + prefix + suffix, and finding them again.

A highlight stores offsets into the article text and, like the W3C Web
Annotation TextQuoteSelector, the exact quote with up to `CONTEXT`
characters on either side.  When a re-parse changes the text the offsets
may point at the wrong words; `reanchor` finds the quote again, preferring
the occurrence whose surroundings match the stored context best and, among
equals, the one nearest the old offset.  A quote that no longer occurs is
not guessed at: the caller keeps the highlight and flags it orphaned.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Characters of context kept on each side of a quote.
CONTEXT = 32


@dataclass(frozen=True)
class Anchor:
    """Where a quote sits in a text, with the context that pins it down."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def anchor_at(text: str, start: int, end: int) -> Anchor:
    """The anchor of `text[start:end]`."""
    return Anchor(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )


def reanchor(text: str, start: int, end: int, quote: str, prefix: str, suffix: str) -> Anchor | None:
    """Where `quote` belongs in the new `text`, or None if it no longer occurs."""
    if not quote:
        return None
    if text[start:end] == quote and start >= 0:
        return anchor_at(text, start, end)
    best: tuple[int, int, int] | None = None
    position = text.find(quote)
    while position != -1:
        score = _common_suffix(prefix, text[max(0, position - len(prefix)) : position])
        after = position + len(quote)
        score += common_prefix(suffix, text[after : after + len(suffix)])
        rank = (-score, abs(position - start), position)
        if best is None or rank < best:
            best = rank
        position = text.find(quote, position + 1)
    if best is None:
        return None
    found = best[2]
    return anchor_at(text, found, found + len(quote))


def common_prefix(a: str, b: str) -> int:
    """How many characters `a` and `b` share from their start."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return common_prefix(a[::-1], b[::-1])
