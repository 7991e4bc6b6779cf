"""reader.app.research: facets over all matches, date sorts, the filters a facet click adds."""

from __future__ import annotations

from reader.app.research import (
    find_matches,
    narrowing_token,
    research_search,
    without_token,
)
from reader.library.page_meta import PageEdit


def test_tag_facet_counts_tagged_matches(session):
    matches = find_matches(session.library, session.index, "网格")
    session.ensure_index()
    tagged = sorted(matches.ids)[:2]
    for article in tagged:
        session.annotations.tag([article], ["基层 治理"])
    found = research_search(session.library, session.index, "网格", limit=1)
    assert [(c.value, c.count) for c in found.facets["tag"]] == [("基层 治理", 2)]
    token = narrowing_token("tag", "基层 治理")
    assert token == 'tag:"基层 治理"'
    narrowed = research_search(session.library, session.index, f"网格 {token}")
    assert {h.id for h in narrowed.outcome.hits} == set(tagged)


def test_page_paper_title_and_note_filters(session):
    library = session.library
    session.ensure_index()
    page = research_search(library, session.index, "网格").facets["page"][0]
    on_page = research_search(library, session.index, f"网格 page:{page.value}")
    assert on_page.total == page.count
    titled = research_search(library, session.index, "title:党建", limit=50)
    assert titled.total >= 1
    assert all("党建" in h.title for h in titled.outcome.hits)
    article = titled.outcome.hits[0].id
    session.annotations.set_note(article, "值得对照楼栋长制度")
    noted = research_search(library, session.index, "note:楼栋长")
    assert [h.id for h in noted.outcome.hits] == [article]
    assert research_search(library, session.index, "paper:人民日报").total == 0


def test_undated_values_cannot_be_asked_for():
    assert narrowing_token("year", "undated") is None
    assert narrowing_token("year", "2024") == "date:2024"
    assert narrowing_token("month", "2024-01") == "date:2024-01"


def test_without_token_removes_exactly_that_filter():
    assert without_token('网格 tag:"基层 治理" kind:article', 'tag:"基层 治理"') == "网格 kind:article"
    assert without_token("网格 date:2024", "date:2024") == "网格"
    assert without_token("date:2024 date:2024-01", "date:2024") == "date:2024-01"


def test_scoped_query_sends_plain_words_to_one_field():
    from reader.app.research import scoped_query

    assert scoped_query('网格 "楼栋 长" kind:article -物业', "title") == \
        'title:网格 title:"楼栋 长" kind:article -物业'
    assert scoped_query("王五", "author") == "author:王五"
    assert scoped_query("网格", "all") == "网格"


def test_facets_when_ready_wait_for_no_snapshot_and_follow_with_the_same_counts(session):
    library = session.library
    session.ensure_index()
    assert not library.facets.ready()  # nothing read the snapshot yet
    first = session.research("网格", limit=5, facet_top=3, facets_when_ready=True)
    assert first.facets_pending and first.facets == {} and len(first.outcome.hits) == 5
    assert not library.facets.ready()  # the answer did not read it
    counted = session.count_facets(first, 3)
    assert library.facets.ready() and not counted.facets_pending
    assert counted.outcome is first.outcome
    plain = session.research("网格", limit=5, facet_top=3)
    assert counted.facets == plain.facets and counted.facet_sizes == plain.facet_sizes
    assert sum(c.count for c in counted.facets["year"]) == counted.total
    # Read now: the next search counts its facets at once.
    again = session.research("党建", limit=5, facet_top=3, facets_when_ready=True)
    assert not again.facets_pending and again.facets["kind"]
    # An edit of where articles were printed makes the snapshot stale: pending again.
    article = library.articles.get(sorted(again.matched_ids)[0])
    library.pages.set_fields([article.page_id], PageEdit(name="理论周刊"))
    assert session.research("党建", facets_when_ready=True).facets_pending


def test_the_page_ranks_the_matches_it_found_as_a_plain_search_would(session):
    # research_search finds the matches once and lets the index rank them without
    # evaluating the query again (`matched`): the same hits, in the same order.
    session.ensure_index()
    noted = research_search(session.library, session.index, "网格", limit=1).outcome.hits[0]
    session.annotations.set_note(noted.id, "楼栋长 走访记录")
    for text in ("网格", "楼栋长", "党建 -网格", "网格 OR 楼栋长", '"红色物业"', "kind:article 党建",
                 "title:党建", "的"):
        plain = session.search(text, limit=100)
        page = research_search(session.library, session.index, text, limit=100,
                               with_facets=False).outcome
        assert page.total == plain.total, text
        assert [(h.id, h.match, h.snippet) for h in page.hits] == \
            [(h.id, h.match, h.snippet) for h in plain.hits], text
    assert any(h.match.name == "NOTE" for h in session.search("楼栋长", limit=100).hits)
