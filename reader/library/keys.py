"""Stable article keys, and pairing old and new articles when a key changed.

An article's `key` is what user data hangs on (notes and highlights are
keyed by it, tags by the id that goes with it), so it must survive a
re-parse.  It depends only on where the article came from and how it
starts:

    key = sha1(f"{source name}\\n{kind}\\n{anchor}")[:16]

where the anchor is the first 24 non-space characters of the body
(paragraphs then entries), else the title, else "#{position}".  Two items
of one page with the same key get "#2", "#3" … appended, in page order.

When a new parser changes how an article starts, its key changes; the
importer then pairs the left-over old articles with the left-over new items
by text similarity (character-trigram Jaccard) and keeps the old key.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence

from reader.models import Item

#: Non-space characters of the body that name an article.
ANCHOR_CHARS = 24

#: Trigram Jaccard at or above which a left-over old article and a new item
#: are taken to be the same article.
SIMILARITY_THRESHOLD = 0.5

_SPACE = re.compile(r"\s+")


def anchor_of(item: Item, position: int) -> str:
    """What identifies `item` within its page: how its body starts, else its title."""
    body = item.body_text
    # Only the start matters; widen the slice until it holds enough non-space text.
    width = ANCHOR_CHARS * 2
    while True:
        anchor = _SPACE.sub("", body[:width])[:ANCHOR_CHARS]
        if len(anchor) == ANCHOR_CHARS or width >= len(body):
            break
        width *= 2
    if anchor:
        return anchor
    title = _SPACE.sub("", item.title or "")
    if title:
        return title
    return f"#{position}"


def base_key(source_name: str, kind: str, anchor: str) -> str:
    """The 16-hex-digit key before any "#n" disambiguation."""
    digest = hashlib.sha1(f"{source_name}\n{kind}\n{anchor}".encode())
    return digest.hexdigest()[:16]


def base_keys(source_name: str, items: Sequence[Item]) -> list[str]:
    """Each item's key before any "#n" (what `assign_keys` starts from)."""
    return [base_key(source_name, item.kind, anchor_of(item, position))
            for position, item in enumerate(items)]


def assign_keys(
    source_name: str,
    items: Sequence[Item],
    taken_elsewhere: Callable[[str], bool] = lambda key: False,
    bases: Sequence[str] | None = None,
) -> list[str]:
    """One key per item, unique within the page and not used by another issue.

    `taken_elsewhere(key)` says whether another issue already owns a key
    (two files of the same name in different folders can start alike); such
    a key is numbered on as if it were a duplicate on this page.  `bases`: the
    items' `base_keys`, if the caller has them already.
    """
    keys: list[str] = []
    used: set[str] = set()
    for base in bases if bases is not None else base_keys(source_name, items):
        key, n = base, 1
        while key in used or taken_elsewhere(key):
            n += 1
            key = f"{base}#{n}"
        used.add(key)
        keys.append(key)
    return keys


def trigrams(text: str) -> set[str]:
    """Character trigrams of `text` without whitespace (the whole text if shorter)."""
    compact = _SPACE.sub("", text)
    if len(compact) < 3:
        return {compact} if compact else set()
    return {compact[i : i + 3] for i in range(len(compact) - 2)}


def similarity(a: set[str], b: set[str]) -> float:
    """Jaccard index of two trigram sets; 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def pair_by_similarity(
    old: Sequence[tuple[int, int, str]],
    new: Sequence[tuple[int, str]],
    threshold: float = SIMILARITY_THRESHOLD,
) -> dict[int, int]:
    """Pair old articles with new items whose text is alike, best pairs first.

    `old` holds (article id, old position, text), `new` holds (item index,
    text); the result maps item index → article id.  Ties go to the pair
    whose positions on the page are closest.
    """
    if not old or not new:
        return {}
    new_grams = [(index, trigrams(text)) for index, text in new]
    candidates = []
    for article_id, old_position, text in old:
        grams = trigrams(text)
        for index, other in new_grams:
            score = similarity(grams, other)
            if score >= threshold:
                candidates.append((-score, abs(old_position - index), article_id, index))
    candidates.sort()
    pairs: dict[int, int] = {}
    paired_ids: set[int] = set()
    for _, _, article_id, index in candidates:
        if index in pairs or article_id in paired_ids:
            continue
        pairs[index] = article_id
        paired_ids.add(article_id)
    return pairs
