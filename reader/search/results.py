"""What searching and building the index return."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.catalogue import Message
from reader.models import MatchKind

__all__ = ["MATCH_KINDS", "BuildReport", "Hit", "MatchKind", "SearchResult"]

#: Every match kind, best first.
MATCH_KINDS = tuple(MatchKind)


@dataclass(frozen=True)
class Hit:
    """One matching article.

    `score` is the BM25F score for "word" hits and the weighted occurrence count for
    "substring" and "note" hits (title occurrences count TITLE_WEIGHT times); 0 for "filter".
    `snippet` marks hits with snippets.HIT_START / HIT_END.
    """

    id: int
    score: float
    match: MatchKind
    snippet: str


@dataclass(frozen=True)
class SearchResult:
    """`total` matching articles (all of them, not just this page), one page of hits, and
    notices for the user (how the query was read, what was ignored).

    `total_exact` False: the page came first (page_first.py) and `total` is only an upper
    bound (the articles holding the terms' character pairs); `matching_ids` counts them."""

    total: int
    hits: list[Hit] = field(default_factory=list)
    notices: list[Message] = field(default_factory=list)
    total_exact: bool = True


@dataclass(frozen=True)
class BuildReport:
    """What a rebuild did: documents written, whether it was cancelled (the index is then
    unchanged), seconds taken."""

    docs: int
    cancelled: bool
    seconds: float
