"""The window's search asks for the page first (research_search(…, page_first=True)): a long
term's page comes with an upper bound and no matches, and `count_facets` then finds the
matches, the exact total and the facets; everything else (filters, dates, the CLI,
Session.search) counts exactly before it answers (issue 17, reader/search/page_first.py)."""

from __future__ import annotations

import json

from tests.reader_cli import reader

#: In the seeds, the pairs of 社区居民 are in more articles than the term (7 against 3).
LONG = "社区居民"


def test_a_long_terms_page_comes_first_and_its_count_follows(session):
    session.ensure_index()
    exact = session.research(LONG, limit=3, facet_top=3)
    first = session.research(LONG, limit=3, page_first=True, facets_when_ready=True)
    assert not first.outcome.total_exact and first.matches_pending and first.facets_pending
    assert first.facets == {} and not first.matched_ids
    assert first.total > exact.total  # an upper bound, not the count
    assert [h.id for h in first.outcome.hits] == [h.id for h in exact.outcome.hits]
    assert [h.snippet for h in first.outcome.hits] == [h.snippet for h in exact.outcome.hits]
    counted = session.count_facets(first, 3)
    assert counted.outcome.total_exact and not counted.matches_pending
    assert not counted.facets_pending
    assert counted.total == exact.total == len(counted.matched_ids)
    assert set(counted.matched_ids) == set(exact.matched_ids)
    assert counted.facets == exact.facets and counted.facet_sizes == exact.facet_sizes
    assert sum(c.count for c in counted.facets["year"]) == exact.total
    assert counted.outcome.hits == first.outcome.hits  # the page shown stays


def test_filters_and_dates_answer_exactly_at_once_words_count_after(session):
    session.ensure_index()
    # Filters and a date order need every match: found before the page, counted exactly.
    for text, sort in [(f"{LONG} kind:article", "relevance"), (LONG, "newest")]:
        found = session.research(text, limit=3, sort=sort, page_first=True)
        assert found.outcome.total_exact and not found.matches_pending, text
        assert found.total == session.search(text).total == len(found.matched_ids), text
    # A word the postings prove, an exclusion alone, a page larger than the word hits that
    # hold (the index evaluated in full): the page with its exact total, the matches after.
    for text, limit in [("党建", 3), ("-党建", 3), (LONG, 100)]:
        found = session.research(text, limit=limit, page_first=True)
        assert found.outcome.total_exact and found.matches_pending, text
        counted = session.count_facets(found)
        assert counted.total == found.total == len(counted.matched_ids), text
        assert counted.total == session.search(text).total, text


def test_the_command_line_and_session_search_count_exactly(session, library_dir):
    session.ensure_index()
    truth = session.research(LONG, limit=3).total
    assert session.search(LONG, limit=3).total == truth
    assert session.search(LONG, limit=3).total_exact
    data = json.loads(reader(library_dir, "search", LONG, "--limit", "3", "--json",
                             check=True).stdout)
    assert data["total"] == truth and sum(data["facets"]["year"].values()) == truth


def test_a_word_within_a_filter_of_many_articles_comes_page_first(session, monkeypatch):
    """Words the postings prove, within a filter of many articles (here: any, the threshold
    lowered): the word hits within the filter ranked first, a bound for the total, the
    matches and facets after; within a filter of few, the matches are found with the page
    (the facets with them, at once)."""
    from reader.search import ranking, searching

    session.ensure_index()
    for text in ("党建 kind:article", "党建 -社区 kind:article", "社区 OR 党建 date:2000..2100"):
        exact = session.research(text, limit=3, facet_top=3)
        few = session.research(text, limit=3, page_first=True, facet_top=3)
        assert few.outcome.total_exact and not few.matches_pending, text
        assert few.total == exact.total and few.facets == exact.facets, text
        monkeypatch.setattr(searching, "LEADERS_AMONG", 0)
        monkeypatch.setattr(ranking, "LEADERS_AMONG", 0)
        first = session.research(text, limit=3, page_first=True)
        monkeypatch.undo()
        assert exact.total >= 3 and first.matches_pending and not first.outcome.total_exact
        assert first.total >= exact.total, text
        assert first.outcome.hits == exact.outcome.hits == few.outcome.hits, text
        counted = session.count_facets(first, 3)
        assert counted.outcome.total_exact and counted.total == exact.total, text
        assert counted.facets == exact.facets and set(counted.matched_ids) == \
            set(exact.matched_ids), text
    # Words the postings do not prove: the filter's matches are found with the page.
    found = session.research(f"{LONG} kind:article", limit=3, page_first=True)
    assert found.outcome.total_exact and not found.matches_pending
