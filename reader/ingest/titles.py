"""Which line of a stacked heading is the title, which the kicker and the subtitle.

Chinese papers stack up to three heading lines: a kicker (引题) above the
title, the title (主题), and a subtitle (副题) below it, often opened by
`——`.  Nothing in the text says which line is printed largest, so the
choice rests on the lines' forms (`pick_title`), with the conventions kept
in `vocab.py`:

- a headline carrying its column in brackets (石头山种出果满园（美丽中国）)
  is the title;
- `——` lines are subtitles, never titles;
- of two plain lines, the second is the title (a kicker above it) unless
  the first reads as a complete headline and the second as its detail:
  the first reports an event (…发布, …举行) or is a two-part couplet
  (联创共建聚合力 党建引领谱新篇), or the second carries the figures or
  names that a subtitle gives (新增植绿扩边479万亩, …出席);
- a first line that announces (…强调) or only names a book (《…》) is
  always a kicker;
- of three, the middle one.
"""

from __future__ import annotations

import re

from reader.ingest import vocab

_COMMA = re.compile(r"[,，]")

_DIGIT = re.compile(r"[0-9０-９]")


def is_dash_line(text: str) -> bool:
    return text.startswith(("——", "--", "－－"))


def pick_title(texts: list[str]) -> int:
    """Index of the title among stacked heading lines (kicker above, subtitle below)."""
    for index in range(len(texts) - 1, -1, -1):
        if not is_dash_line(texts[index]) and vocab.HEADLINE_COLUMN.match(texts[index]):
            return index
    plain = [i for i, text in enumerate(texts) if not is_dash_line(text)]
    if not plain:
        return 0
    if len(plain) == 1:
        return plain[0]
    if len(plain) >= 3:
        return plain[1]
    first, second = (texts[i] for i in plain)
    return plain[0] if first_is_title(first, second) else plain[1]


def first_is_title(first: str, second: str) -> bool:
    """Of two stacked heading lines, is the first the title and the second its subtitle?"""
    if first.endswith(vocab.KICKER_ENDINGS) or _is_book_title(first):
        return False
    if first.endswith(vocab.EVENT_ENDINGS):
        return True
    if any(word in second for word in vocab.SUBTITLE_WORDS):
        return True
    # Kickers and subtitles run to several clauses; a title rarely does.
    first_commas, second_commas = _clauses(first), _clauses(second)
    if first_commas != second_commas:
        return second_commas > first_commas
    if _DIGIT.search(second) and not _DIGIT.search(first):
        return True
    return is_couplet(first) and not is_couplet(second)


def is_couplet(text: str) -> bool:
    """Two halves of a similar length split by a space: 联创共建聚合力 党建引领谱新篇.

    Halves of four characters (目标同心 行动同向) are the slogans of kickers.
    """
    halves = text.split()
    return len(halves) == 2 and all(5 <= len(h) <= 10 for h in halves) and (
        abs(len(halves[0]) - len(halves[1])) <= 1
    )


def _is_book_title(text: str) -> bool:
    return text.startswith("《") and text.endswith("》") and text.count("《") == 1


def is_two_part_heading(text: str) -> bool:
    """A heading of two clauses (花样“翻新”，“打法”更新), not a sentence cut by the columns.

    A clause that sets a time or place (2023年以来,…; 在推进…过程中,…), an
    enumeration (机器轰鸣、豆香四溢,…) or halves of very different length mark
    the opening of a paragraph whose rest is on the next line.
    """
    parts = _COMMA.split(text)
    if len(parts) != 2 or "、" in text:
        return False
    first, second = (p.strip() for p in parts)
    if not first or not second:
        return False
    if first.startswith(vocab.OPENERS) or first.startswith(("在", "对", "从", "为", "据")):
        return False
    if first.endswith(vocab.SETTING_SUFFIXES) and any(c.isdigit() for c in first):
        return False
    return max(len(first), len(second)) <= 3 * min(len(first), len(second))


def _clauses(text: str) -> int:
    """Commas and enumeration commas outside quotation marks."""
    bare = re.sub(r"“[^“”]*”", "", text)
    return len(_COMMA.findall(bare)) + bare.count("、")
