"""Search: a cache of the library that finds every verbatim occurrence and ranks word matches.

`configure_jieba` (analysis) sets up segmentation once per process; `parse_query` (query)
reads the search bar; `SearchIndex` (index) holds a Whoosh word index and an SQLite FTS5
trigram store in one directory and answers queries with ranked, snippeted hits.  Imports only
the standard library, whoosh, jieba, sqlite3 and reader.models / reader.errors; the package
itself imports nothing until a name is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy_names import lazy_getattr

if TYPE_CHECKING:
    from reader.search.analysis import JiebaTokenizer, analyze, configure_jieba
    from reader.search.index import SCHEMA_VERSION, STATES, SearchIndex, SearchIndexError, doc_hash
    from reader.search.query import (
        And,
        Filter,
        Not,
        Or,
        Query,
        Term,
        date_bounds,
        date_matches,
        parse_query,
    )
    from reader.search.results import MATCH_KINDS, BuildReport, Hit, MatchKind, SearchResult
    from reader.search.snippets import HIT_END, HIT_START, make_snippet

#: Where each public name lives.  The names load on first use (PEP 562), so that importing
#: `reader.search.query` or `reader.search.snippets` (as the window does at start-up) does not
#: load jieba and Whoosh, which take about half a second (issue 17: window shown ≤ 0.4 s).
_HOMES = {
    "reader.search.analysis": ("JiebaTokenizer", "analyze", "configure_jieba"),
    "reader.search.index": ("SCHEMA_VERSION", "STATES", "SearchIndex", "SearchIndexError", "doc_hash"),
    "reader.search.query": (
        "And", "Filter", "Not", "Or", "Query", "Term", "date_bounds", "date_matches", "parse_query",
    ),
    "reader.search.results": ("MATCH_KINDS", "BuildReport", "Hit", "MatchKind", "SearchResult"),
    "reader.search.snippets": ("HIT_END", "HIT_START", "make_snippet"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


__getattr__ = lazy_getattr(__name__, _HOME_OF, globals())


__all__ = [
    "HIT_END",
    "HIT_START",
    "MATCH_KINDS",
    "SCHEMA_VERSION",
    "STATES",
    "And",
    "BuildReport",
    "Filter",
    "Hit",
    "MatchKind",
    "JiebaTokenizer",
    "Not",
    "Or",
    "Query",
    "SearchIndex",
    "SearchIndexError",
    "SearchResult",
    "Term",
    "analyze",
    "configure_jieba",
    "date_bounds",
    "date_matches",
    "doc_hash",
    "make_snippet",
    "parse_query",
]
