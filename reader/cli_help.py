"""The longer help texts of the `reader` command: what `reader --help` and
`reader search --help` explain beyond one line per option.

The search help lists the filters from `reader.search.filters.FILTERS`, so a
new filter shows up in `reader search --help` without an edit here.
"""

from __future__ import annotations

import textwrap

from reader.search.filters import FILTERS

#: `reader --help`: what the program is, and that it opens the window without a command.
MAIN_DESCRIPTION = textwrap.fill(
    "Reader: a desktop reader for Chinese newspaper pages. Run `reader` with no command to "
    "open the window; the commands below work on the same library from the terminal.", 78)

MAIN_EPILOG = """\
examples:
  reader                                  open the window
  reader import ~/pages/                  import every page file in a folder
  reader search 网格员 tag:党建            search the library
  reader export --tag 党建 -o 党建.ris     RIS records for Zotero
  reader COMMAND --help                   what a command does and its options
"""

#: What each filter's value is, for the search help (a filter missing here shows its name).
_FILTER_VALUES = {
    "tag": "a tag name",
    "author": "part of an author's name",
    "column": "a column label (栏目)",
    "kind": "article, commentary, photo, briefs, quotes, letter (or 文章, 评论, 图片 …)",
    "issue": "an issue id (reader list)",
    "date": "2024, 2024-01, 2024-01-06, or a range 2024-01..2024-06, 2024.., ..2023",
    "has": "note or highlight",
    "is": "unread, read or starred (未读, 已读, 星标)",
    "paper": "part of a paper's name (人民日报)",
    "page": "a page's name or number (党建, 19)",
    "title": "words in the title only",
    "note": "words in your note only",
}

SEARCH_DESCRIPTION = textwrap.fill(
    "Search the library: every word must occur (in the title, byline, text or your note); a "
    "word also finds longer words that contain it (网格 finds 网格员). Results are ranked, "
    "best first.", 78)


def search_epilog() -> str:
    filters = "\n".join(
        f"  {spec.name}:VALUE".ljust(16)
        + _FILTER_VALUES.get(spec.name, spec.name)
        + (f"  (also {', '.join(a + ':' for a in spec.aliases)})" if spec.aliases else "")
        for spec in FILTERS)
    return f"""\
query language:
  word word       both words (AND)
  a OR b          either word
  -word, NOT word articles without the word
  "exact phrase"  the words in this order, next to each other
  -filter:VALUE   a filter negated
  A query that cannot be read (an unclosed quote, an unknown filter) is searched as
  plain words, with a note saying so.

filters:
{filters}

examples:
  reader search 网格员
  reader search 红色物业 OR 业委会
  reader search '"基层治理"' date:2024..
  reader search 党建 -kind:photo tag:待读
  reader search is:unread date:2025-01 --limit 50
  reader search has:note --json
"""


__all__ = ["MAIN_DESCRIPTION", "MAIN_EPILOG", "SEARCH_DESCRIPTION", "search_epilog"]
