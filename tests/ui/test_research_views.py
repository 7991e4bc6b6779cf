"""More of issue 16 as a researcher uses it: the history drop-down, the concordance sorted by
its right context, a trend with the query's filters, live saved-search counts, and the syntax
help in English."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from reader.ui.window import RESULTS_PAGE
from tests.ui.conftest import search_from_bar, settle, type_text


def _entered(qtbot, window, text: str):
    """Search `text` and press Enter (the query is remembered), then empty the bar."""
    search_from_bar(qtbot, window, text)
    qtbot.keyClick(window.search_bar, Qt.Key.Key_Return)
    settle(qtbot, window)
    window.search_bar.clear()
    window.search.run_now()
    settle(qtbot, window)


def test_a_recent_query_is_chosen_from_the_history_drop_down(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    for text in ("网格", "党建引领", "红色物业"):
        _entered(qtbot, window, text)
    chosen: list[list[str]] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        chosen.append([a.text() for a in menu.actions()])
        second = menu.actions()[1]
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                         pos=menu.actionGeometry(second).center())

    QTimer.singleShot(300, choose)
    with qtbot.waitSignal(window.search.researched, timeout=15000) as answer:
        qtbot.mouseClick(window.search_tools.history_button, Qt.MouseButton.LeftButton)
    assert chosen == [["红色物业", "党建引领", "网格"]]
    assert window.search_bar.text() == "党建引领"
    assert answer.args[1].outcome.query == "党建引领"
    assert window.navigator.currentIndex() == RESULTS_PAGE


def test_the_concordance_sorts_by_its_right_context_and_back_by_date(open_window, library_dir,
                                                                    qtbot):
    window = open_window(library_dir)
    search_from_bar(qtbot, window, "网格")
    page = window.research_page
    qtbot.mouseClick(page.kwic_button, Qt.MouseButton.LeftButton)
    view = page.concordance
    qtbot.waitUntil(lambda: view.result is not None, timeout=15000)
    model = view.model
    column = {"right": 2, "date": 3}

    def texts(name: str) -> list[str]:
        return [model.index(r, column[name]).data() for r in range(model.rowCount())]

    by_date = texts("right")
    assert by_date != sorted(by_date)  # so the sort below changes something
    qtbot.mouseClick(view.table.horizontalHeader().viewport(), Qt.MouseButton.LeftButton,
                     pos=_header_point(view.table, column["right"]))
    assert view.sort_box.currentData() == "right"
    assert texts("right") == sorted(by_date)
    view.sort_box.setCurrentIndex(view.sort_box.findData("date"))
    assert texts("date") == sorted(texts("date"))


def _header_point(table, section: int) -> QPoint:
    header = table.horizontalHeader()
    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2,
                  header.height() // 2)


def test_a_trend_keeps_the_query_filters_and_its_point_lists_within_them(
        open_window, library_dir, qtbot):
    from reader.app.trends import trend

    window = open_window(library_dir)
    search_from_bar(qtbot, window, "网格 kind:article")
    page = window.research_page
    qtbot.mouseClick(page.trend_button, Qt.MouseButton.LeftButton)
    view = page.trends
    qtbot.waitUntil(lambda: view.result is not None, timeout=15000)
    assert view.terms.text() == "网格" and view.filters.text() == "kind:article"
    expected = trend(window.session.library, window.session.index, ["网格"], "year",
                     "kind:article")
    unfiltered = trend(window.session.library, window.session.index, ["网格"], "year")
    assert [p.articles for p in expected.series("网格")] != \
        [p.articles for p in unfiltered.series("网格")]
    # The occurrences, as counted with the filter.
    view.measure_box.setCurrentIndex(view.measure_box.findData("occurrences"))
    chart = view.chart
    assert chart.series["网格"] == [float(p.occurrences) for p in expected.series("网格")]
    view.measure_box.setCurrentIndex(view.measure_box.findData("articles"))
    index = max(range(len(chart.periods)), key=lambda i: chart.series["网格"][i])
    period = chart.periods[index]
    with qtbot.waitSignal(window.search.researched, timeout=15000) as answered:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                         pos=chart.point_at(index, chart.series["网格"][index]).toPoint())
    answer = answered.args[1]
    assert window.search_bar.text() == f'"网格" kind:article date:{period}'
    assert answer.total == int(chart.series["网格"][index])
    assert all(window.results_model.hit(r).kind == "article"
               for r in range(window.results_model.rowCount()))
    # Editing the filter box charts again with the new filter.
    view.filters.clear()
    with qtbot.waitSignal(view.answered, timeout=15000):
        type_text(view.filters, "date:2023..2025")
        qtbot.keyClick(view.filters, Qt.Key.Key_Return)
    assert all("2023" <= p <= "2025" for p in chart.periods)


def test_a_saved_search_count_follows_tagging(open_window, library_dir, qtbot):
    from reader.ui.navigator import entry_index

    window = open_window(library_dir)
    page = window.research_page
    search_from_bar(qtbot, window, "网格 tag:待查")
    page.ask_name = lambda _title, _label, _text: "待查的网格"
    with qtbot.waitSignal(window.ops.changed, timeout=10000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    view = window.views["searches"]
    window.show_browse_tab(entry_index("searches"))
    settle(qtbot, window)
    assert view.list.item(0).text() == "待查的网格　0"
    found = search_from_bar(qtbot, window, "网格")
    ids = [h.id for h in found.outcome.hits[:2]]
    with qtbot.waitSignal(view.reloaded, timeout=15000):
        window.ops.mutate(lambda session: session.annotations.tag(ids, ["待查"]), "tag")
        window.show_browse_tab(entry_index("searches"))
    assert view.list.item(0).text() == "待查的网格　2"


def test_the_syntax_help_speaks_english_in_the_english_window(qapp, open_window, library_dir,
                                                              qtbot, settings):
    from reader.ui import translation

    settings.setValue("view/language", "en")
    try:
        assert translation.install_translation(settings) == "en"
        window = open_window(library_dir, settings)
        tools = window.search_tools
        qtbot.mouseClick(tools.help_button, Qt.MouseButton.LeftButton)
        popup = tools.help_popup
        qtbot.waitUntil(popup.isVisible)
        text = popup.label.text()
        assert "in the title only" in text and "a date or a range of dates" in text
        assert "只在标题中" not in text
        assert "title:网格" in text
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not popup.isVisible())
        assert not tools.scope_button.text().startswith("全文")
    finally:
        translation.remove_translation()


def test_an_opened_year_stays_open_and_a_lone_year_opens_itself(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    page = window.research_page
    found = search_from_bar(qtbot, window, "网格")
    assert len(found.facets["year"]) > 1
    year = page.facets.item_for("date:2023")
    assert year is not None and year.childCount() and not year.isExpanded()
    page.facets.setCurrentItem(year)
    page.facets.setFocus()
    qtbot.keyClick(page.facets, Qt.Key.Key_Right)  # opens it, as a reader would
    assert year.isExpanded()
    kind = found.facets["kind"][0]
    with qtbot.waitSignal(window.search.researched, timeout=15000):
        page.facets.itemClicked.emit(page.facets.item_for(f"kind:{kind.value}"), 0)
    assert page.facets.item_for("date:2023").isExpanded()
    assert not page.facets.item_for("date:2021").isExpanded()
    with qtbot.waitSignal(window.search.researched, timeout=15000):
        page.chips.chips[f"kind:{kind.value}"].click()
    with qtbot.waitSignal(window.search.researched, timeout=15000):
        page.facets.itemClicked.emit(page.facets.item_for("date:2022"), 0)
    lone = page.facets.item_for("date:2022")
    assert lone.isExpanded() and lone.childCount() >= 1


def test_a_long_facet_says_how_many_values_it_leaves_out(open_window, library_dir, qtbot,
                                                          monkeypatch):
    from reader.ui import facet_panel

    monkeypatch.setattr(facet_panel, "MAX_VALUES", 10)
    window = open_window(library_dir)
    found = search_from_bar(qtbot, window, "的")
    authors = found.facets["author"]
    assert len(authors) == 10 and found.facet_sizes["author"] > 10  # only the listed are sent
    panel = window.research_page.facets
    heading = next(panel.topLevelItem(i) for i in range(panel.topLevelItemCount())
                   if panel.topLevelItem(i).text(0) == "作者")
    assert heading.childCount() == 11
    assert [heading.child(i).text(0) for i in range(10)] == [a.value for a in authors[:10]]
    more = heading.child(10)
    assert more.text(0) == f"另有 {found.facet_sizes['author'] - 10} 项"
    assert not more.flags() & Qt.ItemFlag.ItemIsSelectable
    # Clicking it narrows nothing.
    panel.itemClicked.emit(more, 0)
    qtbot.wait(200)
    assert window.search_bar.text() == "的"
