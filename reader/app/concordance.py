"""The concordance (KWIC, key word in context): every occurrence of a query's words in the
articles it matches, one line each, the hit between its left and right context.

Stages:

1. the query runs to its set of matching articles (`research.find_matches`: filters and
   NOT included, so the lines come from exactly the articles the search lists);
2. the articles' texts (title and body, as the pane shows them; bylines and notes, which
   search also reads, are not in it) are read oldest first (`library.facets.texts_by_date`,
   in chunks);
3. in each title, then each text, every occurrence of every positive term (Latin
   case-insensitive, as search matches) is found; where two terms overlap the earlier,
   then longer, one wins (trends count the same occurrences: `library.facets.by_period`);
4. each occurrence becomes a `KwicLine`: `width` characters either side (line breaks shown
   as spaces so lines align), and its place in the article (`start`, `end`: offsets into
   the article's text, where the window selects it, or into its title, `in_title`).

Sorting by left context sorts by the characters nearest the hit first (the left context
reversed), as concordancers do.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.app.display import untitled
from reader.app.research import find_matches

if TYPE_CHECKING:  # sqlite-utils, jieba and Whoosh load when the library and index open
    from reader.library import Library
    from reader.search import SearchIndex

#: Context characters on each side unless asked otherwise.
DEFAULT_WIDTH = 20
#: The orders a concordance can be sorted in.
KWIC_SORTS = ("date", "left", "right", "hit")


@dataclass(frozen=True)
class KwicLine:
    """One occurrence: the article, its date, the context and where in the text it is."""

    article_id: int
    date: str | None
    title: str
    left: str
    hit: str
    right: str
    start: int
    end: int
    #: the occurrence is in the headline (`start`, `end` are offsets into the title)
    in_title: bool = False


@dataclass(frozen=True)
class Concordance:
    query: str
    terms: tuple[str, ...]
    articles: int
    lines: list[KwicLine]
    #: True when `limit` stopped the listing before the last occurrence
    truncated: bool = False


def concordance(library: Library, index: SearchIndex, text: str, width: int = DEFAULT_WIDTH,
                limit: int = 0) -> Concordance:
    """Every occurrence of the query's words in its matching articles (see the docstring);
    at most `limit` lines when it is positive."""
    matches = find_matches(library, index, text)
    terms = tuple(t.text for t in matches.query.terms if t.text.strip())
    lines: list[KwicLine] = []
    truncated = False
    if terms:
        for line in _lines(library, matches.ids, terms, max(0, width)):
            if limit and len(lines) >= limit:
                truncated = True
                break
            lines.append(line)
    return Concordance(text, terms, len(matches.ids), lines, truncated)


def _lines(library: Library, ids: set[int], terms: tuple[str, ...], width: int
           ) -> Iterator[KwicLine]:
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)),
                         re.IGNORECASE)
    for article_id, date, title, body in library.facets.texts_by_date(ids):
        shown = title or untitled(body.splitlines())
        for text, in_title in ((title, True), (body, False)):
            for found in pattern.finditer(text):
                start, end = found.span()
                yield KwicLine(article_id, date, shown, _flat(text[max(0, start - width):start]),
                               found.group(0), _flat(text[end:end + width]), start, end,
                               in_title)


def _flat(text: str) -> str:
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text


def sort_lines(lines: list[KwicLine], key: str) -> list[KwicLine]:
    """The lines by date (then place), by left context (nearest character first), by right
    context, or by the hit itself."""
    if key == "left":
        return sorted(lines, key=lambda ln: (ln.left[::-1], ln.right, ln.article_id, ln.start))
    if key == "right":
        return sorted(lines, key=lambda ln: (ln.right, ln.left[::-1], ln.article_id, ln.start))
    if key == "hit":
        return sorted(lines, key=lambda ln: (ln.hit.casefold(), ln.right, ln.article_id))
    return sorted(lines, key=lambda ln: (ln.date is None, ln.date or "", ln.article_id,
                                         not ln.in_title, ln.start))


def kwic_csv(lines: list[KwicLine]) -> str:
    """CSV with the columns article,date,left,hit,right, one row per occurrence."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["article", "date", "left", "hit", "right"])
    for ln in lines:
        writer.writerow([ln.article_id, ln.date or "", ln.left, ln.hit, ln.right])
    return out.getvalue()


def kwic_text(lines: list[KwicLine], width: int) -> str:
    """Plain text, the hits in one column: each left context padded to `width` characters
    (CJK text lines up in a monospaced CJK font, where every character is one cell wide)."""
    return "".join(f"{ln.left:>{width}} 【{ln.hit}】 {ln.right}\t#{ln.article_id} {ln.date or ''}\n"
                   for ln in lines)
