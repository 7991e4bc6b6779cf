"""A search filter is one `FilterSpec` entry: the parser and the search service read the registry.

The new filter here (`by:NAME`, the articles of exactly this author, through
the library's existing `authors.article_ids` query) exists only in this
test: it is one entry added to a copy of `FILTERS`, and parsing (with its
Chinese alias and negation), notices and the search itself all work for it.
"""

from __future__ import annotations

import pytest

from reader.app import Session
from reader.app.searching import run_search
from reader.catalogue import Code
from reader.paths import resolve_paths
from reader.search import Filter, parse_query
from reader.search.filters import FILTERS, FilterSpec
from reader.search.query import FILTER_NAMES

BY = FilterSpec("by", ("署名",), lambda value: value.strip() or None,
                lambda library, value: library.authors.article_ids(value))


@pytest.fixture
def session(library_dir):
    with Session.open(resolve_paths(library_dir)) as opened:
        yield opened


def test_the_registry_is_the_list_of_filters():
    assert tuple(spec.name for spec in FILTERS) == FILTER_NAMES
    assert set(FILTER_NAMES) == {"tag", "author", "column", "kind", "issue", "date", "has", "is",
                                 "paper", "page", "title", "note"}


def test_a_new_filter_is_one_entry_for_the_parser():
    assert [n.code for n in parse_query("by:张三").notices] == [Code.UNKNOWN_FILTER]
    with_by = (*FILTERS, BY)
    query = parse_query("网格员 -署名：张三 tag:x", with_by)
    assert query.filters == (Filter("by", "张三", negated=True), Filter("tag", "x"))
    assert query.notices == ()
    empty = parse_query("by: 网格员", with_by)
    assert [(n.code, n.params["filter"]) for n in empty.notices] == [(Code.FILTER_NO_VALUE, "by")]


def test_a_new_filter_is_one_entry_for_the_search(session):
    session.ensure_index()
    library = session.library
    name, count = library.authors.summaries()[0]
    expected = library.authors.article_ids(name)
    assert len(expected) == count > 0
    with_by = (*FILTERS, BY)
    found = run_search(library, session.index, f'by:"{name}"', limit=1000, filters=with_by)
    assert {hit.id for hit in found.hits} == expected and found.total == count
    rest = run_search(library, session.index, f'-by:"{name}"', limit=1000, filters=with_by)
    assert {hit.id for hit in rest.hits} == set(library.articles.ids()) - expected
