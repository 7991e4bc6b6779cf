"""Tag completion: what the tag field offers as the user types.

A typed prefix matches a tag name, case-insensitively, in three tiers, best first:

1. the name starts with it (`红色` → 红色物业, `par` → Party);
2. its pinyin starts with it, as initials (`hsyw` → 红色物业) or in full
   (`hongse` → 红色物业); spaces and apostrophes typed are ignored;
3. the name contains it (`物业` → 红色物业);
4. the initials with two neighbouring letters swapped, a common slip when
   typing initials fast (`hsyw` → 红色物业, whose initials are hswy), for
   four letters or more (fewer would match too much).

Within a tier names keep the order they were given in, so the caller decides
(the session passes the most used tags first).  pypinyin reads whole words,
so polyphonic characters get their reading in context (银行 → yinhang);
a name's pinyin is computed once per process and cached.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


def complete_tags(prefix: str, tag_names: Iterable[str], limit: int = 10) -> list[str]:
    """Up to `limit` of `tag_names` matching `prefix`, best first (see the module docstring)."""
    names = list(dict.fromkeys(tag_names))
    typed = prefix.strip().casefold()
    if limit <= 0:
        return []
    if not typed:
        return names[:limit]
    letters = "".join(ch for ch in typed if ch not in " '")
    as_pinyin = bool(letters) and letters.isascii()
    tiers: tuple[list[str], ...] = ([], [], [], [])
    for name in names:
        folded = name.casefold()
        full, initials = pinyin_keys(name) if as_pinyin else ("", "")
        if folded.startswith(typed):
            tiers[0].append(name)
        elif as_pinyin and (initials.startswith(letters) or full.startswith(letters)):
            tiers[1].append(name)
        elif typed in folded:
            tiers[2].append(name)
        elif as_pinyin and len(letters) >= 4 and _one_swap(letters, initials):
            tiers[3].append(name)
    return [name for tier in tiers for name in tier][:limit]


def _one_swap(typed: str, initials: str) -> bool:
    """True if `typed` is a prefix of `initials` once two neighbouring letters are swapped."""
    head = initials[: len(typed)]
    if len(head) != len(typed):
        return False
    wrong = [i for i, (a, b) in enumerate(zip(typed, head, strict=True)) if a != b]
    return (len(wrong) == 2 and wrong[1] == wrong[0] + 1
            and typed[wrong[0]] == head[wrong[1]] and typed[wrong[1]] == head[wrong[0]])


@lru_cache(maxsize=4096)
def pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name, lower case, no spaces: 红色物业 → (hongsewuye, hsyw).

    Text that is not Chinese (Latin letters, digits) is kept as written in both:
    AI治理 → (aizhili, aizl).
    """
    # pypinyin loads its phrase tables on import (0.4 s): only when a tag is completed.
    from pypinyin import lazy_pinyin

    full: list[str] = []
    initials: list[str] = []
    for part in lazy_pinyin(name, errors=_mark_foreign):
        foreign = part.startswith(_FOREIGN)
        word = "".join(part.removeprefix(_FOREIGN).casefold().split())
        if not word:
            continue
        full.append(word)
        initials.append(word if foreign else word[0])
    return "".join(full), "".join(initials)


#: Marks the parts pypinyin did not convert (text that is not Han), kept whole as initials.
_FOREIGN = "\x00"


def _mark_foreign(text: str) -> str:
    return _FOREIGN + text
