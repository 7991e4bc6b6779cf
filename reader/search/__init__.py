"""Search: a cache of the library that finds every verbatim occurrence and ranks word matches.

`configure_jieba` (analysis) sets up segmentation once per process; `parse_query` (query)
reads the search bar; `SearchIndex` (index) holds a Whoosh word index and an SQLite FTS5
trigram store in one directory and answers queries with ranked, snippeted hits.  Imports only
the standard library, whoosh, jieba, sqlite3 and reader.models / reader.errors.
"""

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
