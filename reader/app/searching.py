"""Running a search: the query's filters resolved in the library, its words in the index.

Filters (tag:, author:, column:, kind:, issue:, date:, has:) are answered by
the library, the single source of truth, as a set of allowed article ids;
the index finds and ranks the words inside that set.  Hits come back with
what a result list shows (title, issue, column, kind, snippet).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.app.display import article_opening, tag_colors, untitled
from reader.catalogue import Code, Message
from reader.models import ArticleOrigin, MatchKind
from reader.search.query import parse_query

if TYPE_CHECKING:  # sqlite-utils, jieba and Whoosh load when the library and index open
    from reader.library import Library
    from reader.search import SearchIndex
from reader.search.filters import FILTERS, FilterSpec
from reader.search.query import Query
from reader.search.results import Hit


@dataclass(frozen=True)
class SearchHit:
    id: int
    issue: int
    issue_title: str
    title: str
    column: str | None
    kind: str
    score: float
    match: MatchKind
    snippet: str
    tags: tuple[str, ...] = ()
    #: the hit's page, and where it is from (paper · date · page · column)
    page: int | None = None
    origin: ArticleOrigin | None = None
    #: a correction of the reader's (issue 15) touched it
    corrected: bool = False
    #: None for a titled article; an untitled one's opening words (the window shows 「无题」)
    opening: str | None = None
    #: the colours of its tags that have one (the result row's dots)
    tag_colors: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    total: int
    hits: list[SearchHit]
    notices: list[Message] = field(default_factory=list)
    #: False: the page came first and `total` only bounds the matches from above (the
    #: window's first answer, research.py); the exact count follows
    total_exact: bool = True


def run_search(library: Library, index: SearchIndex, text: str, limit: int = 20,
               offset: int = 0, filters: tuple[FilterSpec, ...] = FILTERS) -> SearchOutcome:
    """Search: filters narrow the articles through the library, the index ranks the text."""
    query = parse_query(text, filters)
    notices = list(query.notices)
    result = index.search(query, allowed=allowed_ids(library, query, filters), limit=limit,
                          offset=offset)
    notices.extend(n for n in result.notices if n not in notices)
    if result.total == 0 and query.filters:
        notices.append(Message.of(Code.NOTHING_MATCHED))
    return SearchOutcome(text, result.total, search_hits(library, result.hits), notices)


def allowed_ids(library: Library, query: Query,
                filters: tuple[FilterSpec, ...] = FILTERS) -> set[int] | None:
    """The articles the query's filters let through (None: no filter, every article)."""
    specs = {spec.name: spec for spec in filters}
    allowed: set[int] | None = None
    excluded: set[int] = set()
    for flt in query.filters:
        ids = specs[flt.name].select(library, flt.value)
        if flt.negated:
            excluded |= ids
        else:
            allowed = ids if allowed is None else allowed & ids
    if excluded:
        allowed = (set(library.articles.ids()) if allowed is None else allowed) - excluded
    return allowed


def search_hits(library: Library, found: list[Hit]) -> list[SearchHit]:
    """The index's hits with what a result list shows, in the same order."""
    records = {a.id: a for a in library.articles.by_ids([h.id for h in found])}
    colors = library.tags.colors() if records else {}
    hits = []
    for hit in found:
        article = records.get(hit.id)
        if article is None:  # the index is a step behind the library
            continue
        hits.append(SearchHit(
            id=hit.id, issue=article.issue_id, issue_title=article.issue_title,
            title=article.title or untitled(article.paragraphs), column=article.column,
            kind=article.kind, score=round(hit.score, 4), match=hit.match, snippet=hit.snippet,
            tags=tuple(article.tags), page=article.page_id, origin=article.origin,
            corrected=article.corrected,
            opening=article_opening(article),
            tag_colors=tag_colors(article.tags, colors),
        ))
    return hits
