"""Stage 4 of the parser: find stories that lost their title.

When a story's title and byline were not extracted, its paragraphs follow the
previous story's as if they were one.  Only the change of topic marks the
boundary (PAGE-FORMAT.md).  For each long item we look for a cut where the
paragraphs before and after share almost none of the page's rare vocabulary
while each side holds together; such a cut starts a new untitled item.
"""

from __future__ import annotations

from reader.ingest.lines import Line
from reader.ingest.segment import Draft


def split_lost_titles(drafts: list[Draft], lines: list[Line]) -> list[Draft]:
    """Return `drafts` with untitled second stories split off (none yet)."""
    return drafts
