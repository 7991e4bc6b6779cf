"""Searching as a researcher: results in the order asked, and facets over all the matches.

`research_search` runs a query once to a set of matching article ids (the index decides
what matches; the query's filters are resolved in the library first, as for every search),
then:

1. facets: counts over those ids (`library.facets`, from a snapshot of where each article
   was printed), so the counts cover every match, not the page shown; year and kind add up
   to `total`;
2. the page: by relevance, the index ranks within the ids; by date (newest/oldest), the
   library orders the ids and the index only writes the snippets of the page.

The window asks for the page first (`page_first`, issue 17): by relevance the index answers
with the page alone (within a filter: a query its postings prove), a long term's found among its best word hits
before every candidate is read (reader/search/page_first.py: its total then an upper bound,
`total_exact` False), a word the postings prove with its count; the answer has no matches
and no facets (`matches_pending`), and `count_facets` finds the matches, the exact total
and the facets next.

`narrowing_token` writes the filter a click on a facet adds to the query, so the bar always
shows what the results are.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from reader.app.searching import SearchOutcome, allowed_ids, search_hits
from reader.catalogue import Code, Message
from reader.library.facets import UNDATED, FacetCount
from reader.search.query import Query, parse_query

if TYPE_CHECKING:  # sqlite-utils, jieba and Whoosh load when the library and index open
    from reader.library import Library
    from reader.search import SearchIndex, SearchResult

#: The orders results can be listed in; the first is the default.
SORTS = ("relevance", "newest", "oldest")

#: Where the search bar looks for the typed words: everywhere, or in one field only.
SCOPES = {"all": None, "title": "title", "author": "author", "note": "note"}

#: Facet → the filter a click on one of its values adds (None: the value cannot be asked for).
FACET_FILTERS: dict[str, str] = {
    "paper": "paper", "year": "date", "month": "date", "page": "page", "column": "column",
    "kind": "kind", "author": "author", "tag": "tag",
}


@dataclass(frozen=True)
class Matches:
    """Every article a query matches: the parsed query, the ids, the notices to show."""

    query: Query
    ids: set[int]
    notices: list[Message] = field(default_factory=list)


@dataclass(frozen=True)
class ResearchOutcome:
    """One page of results in the asked order, and facet counts over all the matches."""

    outcome: SearchOutcome
    facets: dict[str, list[FacetCount]]
    sort: str
    #: facet → how many values it has in all (more than `facets` lists when cut to a top)
    facet_sizes: dict[str, int] = field(default_factory=dict)
    #: the facets are still to be counted (`count_facets` over `matched_ids`)
    facets_pending: bool = False
    #: every match's id (the search's own set, not copied: up to the whole library)
    matched_ids: Collection[int] = field(default=(), repr=False, compare=False)
    #: the page came first: the matches (and with them the exact total) are still to be
    #: found, by `count_facets` (`matched_ids` is empty until then)
    matches_pending: bool = False

    @property
    def total(self) -> int:
        return self.outcome.total

    def facets_json(self) -> dict[str, dict[str, int]]:
        """The facets as `reader search --json` prints them: facet → value → count."""
        return {name: {c.value: c.count for c in counts} for name, counts in self.facets.items()}


def find_matches(library: Library, index: SearchIndex, text: str,
                 filtered: tuple[set[int] | None] | None = None) -> Matches:
    """The ids of every article matching `text` (filters resolved in the library, or
    `filtered`: the articles they let through, resolved already)."""
    query = parse_query(text)
    allowed = filtered[0] if filtered is not None else allowed_ids(library, query)
    ids = index.matching_ids(query, allowed)
    notices = list(query.notices)
    if not ids and query.filters:
        notices.append(Message.of(Code.NOTHING_MATCHED))
    return Matches(query, ids, notices)


def research_search(library: Library, index: SearchIndex, text: str, limit: int = 20,
                    offset: int = 0, sort: str = "relevance",
                    with_facets: bool = True, facet_top: int | None = None,
                    facets_when_ready: bool = False, page_first: bool = False
                    ) -> ResearchOutcome:
    """A page of the matches of `text` in `sort` order, with facets (see the module docstring;
    `facet_top`: list only that many of each facet's values, dates excepted).

    `facets_when_ready`: count the facets only if their snapshot is read and current; else
    answer without them (`facets_pending`), so the page is not kept waiting while it is
    read (a fraction of a second at 100k articles: the window's first search) and the
    facets are counted next (`count_facets`).

    `page_first`: a query by relevance (with filters: words the postings prove) is
    answered with its page alone, as the index finds it first (a long term's before its exact total, reader/search/
    page_first.py; a word the postings prove with its count): the matches (with them the
    exact total, when the page's is a bound) and the facets are left to `count_facets`."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; one of {', '.join(SORTS)}")
    limit, offset = max(0, limit), max(0, offset)
    filtered: tuple[set[int] | None] | None = None
    if page_first and sort == "relevance":
        first, filtered = page_first_result(library, index, text, limit, offset)
        if first is not None:
            return _page_only(library, text, first, with_facets)
    matches = find_matches(library, index, text, filtered)
    if sort == "relevance":
        result = index.search(matches.query, allowed=matches.ids, limit=limit, offset=offset,
                              matched=True)
        found = result.hits
    else:
        page = library.facets.ordered_by_date(matches.ids, sort == "newest", limit, offset)
        # The index writes the snippets of just this page; the library's order is kept.
        result = index.search(matches.query, allowed=set(page), limit=len(page), matched=True)
        by_id = {hit.id: hit for hit in result.hits}
        found = [by_id[i] for i in page if i in by_id]
    notices = list(matches.notices)
    notices.extend(n for n in result.notices if n not in notices)
    outcome = SearchOutcome(text, len(matches.ids), search_hits(library, found), notices)
    pending = with_facets and facets_when_ready and not library.facets.ready()
    facets, sizes = library.facets.counts_and_sizes(matches.ids, facet_top) \
        if with_facets and not pending else ({}, {})
    return ResearchOutcome(outcome, facets, sort, sizes, pending, matches.ids)


def page_first_result(library: Library, index: SearchIndex, text: str, limit: int,
                      offset: int) -> tuple[SearchResult | None, tuple[set[int] | None] | None]:
    """The page of `text` by relevance as the index finds it first (its page_first.py: the
    total is exact only when it counted it anyway), or None: a query with no text, or with
    filters and words the postings do not prove, or a filter of few articles (their
    matches are found with the page, and the facets with them).  Within a filter of many,
    the index ranks the query's word hits among the filter's articles.  Second: the
    filter's articles when they were resolved (`find_matches` takes them)."""
    from reader.search.ranking import LEADERS_AMONG
    from reader.search.searching import proven_by_words

    query = parse_query(text)
    if query.root is None:
        return None, None
    if not query.filters:
        return index.search(query, None, limit, offset, page_first=True), None
    if not proven_by_words(query):
        return None, None
    allowed = allowed_ids(library, query)
    if allowed is None or len(allowed) < LEADERS_AMONG:
        return None, (allowed,)
    return index.search(query, allowed, limit, offset, page_first=True), (allowed,)


def _page_only(library: Library, text: str, result: SearchResult,
               with_facets: bool) -> ResearchOutcome:
    """A page that came before its matches: they, the exact total and the facets follow
    (`count_facets`)."""
    notices = list(parse_query(text).notices)
    notices.extend(n for n in result.notices if n not in notices)
    outcome = SearchOutcome(text, result.total, search_hits(library, result.hits), notices,
                            total_exact=result.total_exact)
    return ResearchOutcome(outcome, {}, "relevance", {}, facets_pending=with_facets,
                           matches_pending=True)


def count_facets(library: Library, found: ResearchOutcome, top: int | None = None,
                 index: SearchIndex | None = None) -> ResearchOutcome:
    """`found` with its pending facets counted (the snapshot read first, with the whole
    library's counts, so the searches after it are counted at once); when its matches are
    pending too (`_page_only`), they are found first in `index`, with the exact total."""
    if found.matches_pending:
        if index is None:
            raise ValueError("the matches of a page-first answer are found in the index")
        matches = find_matches(library, index, found.outcome.query)
        outcome = replace(found.outcome, total=len(matches.ids), total_exact=True)
        found = replace(found, outcome=outcome, matched_ids=matches.ids, matches_pending=False)
    library.facets.prepare()
    facets, sizes = library.facets.counts_and_sizes(found.matched_ids, top)
    return replace(found, facets=facets, facet_sizes=sizes, facets_pending=False)


def narrowing_token(facet: str, value: str) -> str | None:
    """The filter text a click on `value` of `facet` adds to the query (quoted when needed),
    or None when the value cannot be asked for (the undated bucket)."""
    name = FACET_FILTERS.get(facet)
    if name is None or not value or value == UNDATED:
        return None
    if any(ch.isspace() or ch in '"“”＂' for ch in value):
        value = '"' + "".join(ch for ch in value if ch not in '"“”＂') + '"'
    return f"{name}:{value}"


def without_token(text: str, token: str) -> str:
    """`text` with one filter `token` (as `narrowing_token` wrote it) taken out."""
    words = text.split(" ")
    for place in range(len(words)):
        joined = " ".join(words[place:])
        if joined.startswith(token) and (len(joined) == len(token) or joined[len(token)] == " "):
            count = len(token.split(" "))
            return " ".join(w for w in words[:place] + words[place + count:] if w)
    return " ".join(text.replace(token, " ").split())


def scoped_query(text: str, scope: str) -> str:
    """`text` with each plain word (or quoted phrase) looked for in `scope`'s field only:
    网格 "楼栋长" in "title" is title:网格 title:"楼栋长".  Filters, operators and excluded
    words stay as typed; "all" leaves the text alone."""
    field_name = SCOPES.get(scope)
    if field_name is None:
        return text
    out = []
    for word in _WORDS.findall(text):
        plain = not (word in ("OR", "AND", "NOT") or word[0] in "-－" or _FILTERISH.match(word))
        out.append(f"{field_name}:{word}" if plain else word)
    return " ".join(out)


#: A quoted phrase, or a run of non-space characters (a word, a filter, an operator).
_WORDS = re.compile(r'["“＂][^"”＂]*["”＂]|\S+')
_FILTERISH = re.compile(r"^[^\s:：\"“”＂]+[:：]")
