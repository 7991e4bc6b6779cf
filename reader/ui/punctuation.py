"""Full-width punctuation for display: `,` → `，` where it stands in Chinese text.

Page files typed on Western keyboards or run through OCR often carry ASCII
punctuation inside Chinese sentences (`我们,他们:`), which reads as a
typo among CJK glyphs.  The reading settings can show it full width.  Only
what is shown changes: the stored text, the search index and the reader's
highlights keep the characters as they are.

`full_width(text)` replaces one character with one character, never more,
so every offset into the text is an offset into what is shown: the article
pane's text map (reader/ui/article_document.py), the search hits and the
highlights stay anchored to the same characters.

The rules (what a Chinese compositor would do, and no more):

1. `,` `:` `;` `?` `!` become `，` `：` `；` `？` `！` when the character
   before or after is CJK (ideographs, CJK and full-width punctuation).
   `3,000`, `12:30`, `Hello, world` and `http://` are left alone.
2. A `(`…`)` pair (no parentheses inside) becomes `（`…`）` when its
   content holds a CJK character or a CJK character stands right outside
   it; both marks change together, so a pair is never half converted.
"""

from __future__ import annotations

import re
from functools import cache

#: ASCII punctuation → its full-width form (rule 1).
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}

#: A character of Chinese text: ideographs (with extension A and the compatibility block),
#: CJK symbols and punctuation, full-width forms, the supplementary ideograph planes.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef" \
       "\U00020000-\U0003134f"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a Chinese character, a mark beside one, a bracketed run), compiled when an article
    is first drawn, not as the window's modules load (5 ms before its first paint: issue 17)."""
    return (re.compile(f"[{_CJK}]"),
            re.compile(f"(?<=[{_CJK}])[,:;?!]|[,:;?!](?=[{_CJK}])"),
            re.compile(r"\(([^()]*)\)"))


def is_cjk(char: str) -> bool:
    return bool(char) and _patterns()[0].fullmatch(char) is not None


def full_width(text: str) -> str:
    """`text` with ASCII punctuation in Chinese shown full width; the same length."""
    if text.isascii():  # no Chinese to convert in
        return text
    _, mark, pair = _patterns()
    text = mark.sub(lambda m: FULL_WIDTH[m.group()], text)
    return pair.sub(lambda m: _pair(text, m), text)


def _pair(text: str, match: re.Match) -> str:
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if _patterns()[0].search(match.group(1)) or is_cjk(before) or is_cjk(after):
        return f"（{match.group(1)}）"
    return match.group()


__all__ = ["FULL_WIDTH", "full_width", "is_cjk"]
