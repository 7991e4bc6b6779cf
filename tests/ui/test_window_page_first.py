"""The window shows a long term's page first, then its exact count and facets (issue 17:
reader/search/page_first.py), driven like a user: type, see the results and 正在计数…,
then the count and the facets, without the list being redrawn under the reader."""

from __future__ import annotations

from reader.ui import search as search_module
from tests.ui.conftest import search_from_bar, settle


def test_a_long_term_shows_its_page_then_its_exact_count(open_window, library_dir, qtbot,
                                                         monkeypatch):
    # The seed library is small: a page of 5 is one the best word hits of 党支部 can fill.
    monkeypatch.setattr(search_module, "RESULT_LIMIT", 5)
    window = open_window(library_dir)
    settle(qtbot, window)
    exact = window.session.search("党支部").total
    assert exact > 5
    seen: list[tuple[str, bool, int, str]] = []
    facets = window.research_page.facets

    def answered(_text, outcome):
        seen.append(("answered", outcome.total_exact, window.results_model.rowCount(),
                     window.results_view.label.text()))

    window.search.answered.connect(answered)
    window.search.counting.connect(lambda _text: seen.append(
        ("counting", False, 0, facets.topLevelItem(0).text(0))))
    first_row = []
    window.search.answered.connect(
        lambda _t, _o: first_row.append(window.results_model.hit(0).id))
    found = search_from_bar(qtbot, window, "党支部")
    kinds = [s[0] for s in seen]
    assert kinds == ["answered", "counting"]
    assert seen[1][3] == "正在统计…"  # the facet column says they are being counted
    _, exact_then, rows, label = seen[0]
    assert not exact_then and rows == 5
    assert "正在计数" in label and "共" not in label
    # Then the matches were found: the exact count, the facets over all of them.
    assert found.total == exact and not found.matches_pending
    assert found.outcome.total_exact
    assert sum(c.count for c in found.facets["year"]) == exact
    assert f"共 {exact} 条结果" in window.results_view.label.text()
    assert "正在计数" not in window.results_view.label.text()
    # The rows shown first stay (same hits, same order).
    assert window.results_model.rowCount() == 5
    assert window.results_model.hit(0).id == first_row[0]
    year = found.facets["year"][0]
    assert facets.item_for(f"date:{year.value}").text(1) == str(year.count)


def test_a_sort_by_date_and_a_filter_count_before_they_answer(open_window, library_dir, qtbot,
                                                              monkeypatch):
    monkeypatch.setattr(search_module, "RESULT_LIMIT", 5)
    window = open_window(library_dir)
    settle(qtbot, window)
    inexact: list[str] = []
    window.search.answered.connect(
        lambda text, outcome: None if outcome.total_exact else inexact.append(text))
    box = window.research_page.sort_box
    box.setCurrentIndex(box.findData("newest"))
    settle(qtbot, window)
    newest = search_from_bar(qtbot, window, "党支部")
    assert newest.sort == "newest" and newest.total == window.session.search("党支部").total
    assert inexact == []
    box.setCurrentIndex(box.findData("relevance"))  # runs 党支部 again, page first
    settle(qtbot, window)
    assert inexact == ["党支部"]
    inexact.clear()
    window.search_bar.clear()
    filtered = search_from_bar(qtbot, window, "党支部 kind:article")
    assert filtered.total == window.session.search("党支部 kind:article").total
    assert inexact == []
    assert "正在计数" not in window.results_view.label.text()
