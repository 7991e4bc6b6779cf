"""The search page as a researcher uses it: facets that narrow, chips that widen again, sort,
search-in, recent queries and the syntax help, driven like a user."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from reader.ui import settings as window_settings
from reader.ui.window import RESULTS_PAGE
from tests.ui.conftest import search_from_bar, settle


def _click_and_wait(qtbot, window, click) -> object:
    with qtbot.waitSignal(window.search.researched, timeout=15000) as answer:
        click()
    return answer.args[1]


def test_clicking_a_facet_narrows_and_its_chip_widens_again(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    page = window.research_page
    found = search_from_bar(qtbot, window, "网格")
    assert found.total == 8
    column = found.facets["column"][0]
    item = page.facets.item_for(f"column:{column.value}")
    assert item is not None and item.text(1) == str(column.count)
    rect = page.facets.visualItemRect(item)
    narrowed = _click_and_wait(qtbot, window, lambda: qtbot.mouseClick(
        page.facets.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()))
    assert window.search_bar.text() == f"网格 column:{column.value}"
    assert narrowed.total == column.count == window.results_model.rowCount()
    assert all(window.results_model.hit(r).column == column.value
               for r in range(window.results_model.rowCount()))
    # The facets are the narrowed query's now.
    assert page.facets.item_for(f"column:{column.value}").text(1) == str(column.count)
    chip = page.chips.chips[f"column:{column.value}"]
    assert chip.isVisible()
    widened = _click_and_wait(qtbot, window, lambda: qtbot.mouseClick(
        chip, Qt.MouseButton.LeftButton))
    assert window.search_bar.text() == "网格" and widened.total == 8
    assert not page.chips.isVisible()


def test_a_month_under_its_year_narrows_by_date(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    page = window.research_page
    found = search_from_bar(qtbot, window, "党建")
    month = found.facets["month"][0]
    item = page.facets.item_for(f"date:{month.value}")
    assert item.parent().data(0, Qt.ItemDataRole.UserRole + 30) == f"date:{month.value[:4]}"
    narrowed = _click_and_wait(qtbot, window, lambda: page.facets.itemClicked.emit(item, 0))
    assert narrowed.total == month.count
    assert sum(c.count for c in narrowed.facets["year"]) == narrowed.total


def test_sort_by_date_is_applied_and_remembered(open_window, library_dir, qtbot, settings):
    window = open_window(library_dir)
    search_from_bar(qtbot, window, "党建")
    box = window.research_page.sort_box
    newest = _click_and_wait(qtbot, window, lambda: box.setCurrentIndex(box.findData("newest")))
    library = window.session.library
    dates = [library.issues.get(h.issue).date for h in newest.outcome.hits]
    assert newest.sort == "newest" and dates == sorted(dates, reverse=True)
    assert dates[0] > dates[-1]
    assert window_settings.SEARCH_SORT.read(settings) == "newest"
    settle(qtbot, window)
    window.close()
    again = open_window(library_dir, settings)
    assert again.research_page.sort_box.currentData() == "newest"
    assert search_from_bar(qtbot, again, "党建").sort == "newest"


def test_search_in_title_looks_in_titles_only(open_window, library_dir, qtbot, settings):
    window = open_window(library_dir)
    everywhere = search_from_bar(qtbot, window, "党建")
    tools = window.search_tools
    titled = _click_and_wait(qtbot, window, lambda: tools.scope_actions["title"].trigger())
    assert titled.outcome.query == "title:党建"
    assert 0 < titled.total < everywhere.total
    assert all("党建" in h.title for h in titled.outcome.hits)
    assert tools.scope_button.text().startswith("标题")
    assert window_settings.SEARCH_SCOPE.read(settings) == "title"


def test_recent_queries_come_back_with_up_in_the_empty_bar(open_window, library_dir, qtbot,
                                                          settings):
    window = open_window(library_dir)
    for text in ("网格", "党建引领"):
        search_from_bar(qtbot, window, text)
        qtbot.keyClick(window.search_bar, Qt.Key.Key_Return)
        settle(qtbot, window)
        window.search_bar.clear()
        window.search.run_now()
    window.search_bar.setFocus()
    back = _click_and_wait(qtbot, window, lambda: qtbot.keyClick(window.search_bar, Qt.Key.Key_Up))
    assert window.search_bar.text() == "党建引领" and back.outcome.query == "党建引领"
    _click_and_wait(qtbot, window, lambda: qtbot.keyClick(window.search_bar, Qt.Key.Key_Up))
    assert window.search_bar.text() == "网格"
    _click_and_wait(qtbot, window, lambda: qtbot.keyClick(window.search_bar, Qt.Key.Key_Down))
    assert window.search_bar.text() == "党建引领"
    assert window_settings.SEARCH_HISTORY.read(settings) == ("党建引领", "网格")
    # The drop-down lists them too, newest first.
    window.search_tools._fill_history_menu()
    assert [a.text() for a in window.search_tools.history_menu.actions()] == ["党建引领", "网格"]


def test_the_syntax_help_opens_from_the_bar(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    tools = window.search_tools
    qtbot.mouseClick(tools.help_button, Qt.MouseButton.LeftButton)
    popup = tools.help_popup
    qtbot.waitUntil(popup.isVisible)
    assert "title:网格" in popup.label.text() and "date:2024" in popup.label.text()
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())


def _saved_tab(qtbot, window):
    from reader.ui.navigator import entry_index

    view = window.views["searches"]
    window.show_browse_tab(entry_index("searches"))
    settle(qtbot, window)
    return view


def test_save_a_search_then_reopen_rename_delete_and_undo(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    page = window.research_page
    page.sort_box.setCurrentIndex(page.sort_box.findData("oldest"))  # nothing to search yet
    found = search_from_bar(qtbot, window, "网格 kind:article")
    page.ask_name = lambda _title, _label, text: "网格治理" if text == "网格 kind:article" else None
    with qtbot.waitSignal(window.ops.changed, timeout=10000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    view = _saved_tab(qtbot, window)
    assert view.list.count() == 1
    assert view.list.item(0).text() == f"网格治理　{found.total}"
    tooltip = QTextDocument()
    tooltip.setHtml(view.list.item(0).toolTip())  # the query, shown as text
    assert tooltip.toPlainText() == "网格 kind:article"
    # Another sort meanwhile; opening the saved search brings its own back.
    page.sort_box.setCurrentIndex(page.sort_box.findData("relevance"))
    settle(qtbot, window)
    window.search_bar.clear()
    window.search.run_now()
    settle(qtbot, window)
    again = _click_and_wait(qtbot, window, lambda: qtbot.mouseClick(
        view.list.viewport(), Qt.MouseButton.LeftButton,
        pos=view.list.visualItemRect(view.list.item(0)).center()))
    assert window.search_bar.text() == "网格 kind:article"
    assert window.navigator.currentIndex() == RESULTS_PAGE
    assert again.sort == "oldest" and again.total == found.total
    assert page.sort_box.currentData() == "oldest"
    view = _saved_tab(qtbot, window)
    view.ask_text = lambda _title, _label, _text: "基层网格"
    with qtbot.waitSignal(view.reloaded, timeout=15000):
        view.rename("网格治理")
    assert view.list.item(0).text().startswith("基层网格　")
    with qtbot.waitSignal(view.reloaded, timeout=15000):
        view.delete("基层网格")
    assert view.list.count() == 0 and view.hint.isVisible()
    with qtbot.waitSignal(view.reloaded, timeout=15000):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.list.item(0).text().startswith("基层网格　")
    with qtbot.waitSignal(view.reloaded, timeout=15000):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.list.item(0).text() == f"网格治理　{found.total}"
    assert [s.name for s in window.session.library.saved_searches.all()] == ["网格治理"]


def test_concordance_lists_every_occurrence_sorts_opens_and_exports(open_window, library_dir,
                                                                    qtbot, tmp_path):
    from reader.app.concordance import concordance

    window = open_window(library_dir)
    search_from_bar(qtbot, window, "网格")
    page = window.research_page
    expected = concordance(window.session.library, window.session.index, "网格")
    qtbot.mouseClick(page.kwic_button, Qt.MouseButton.LeftButton)
    view = page.concordance
    qtbot.waitUntil(lambda: view.result is not None, timeout=15000)
    model = view.model
    assert model.rowCount() == len(expected.lines) == 48
    assert {model.index(r, 1).data() for r in range(model.rowCount())} == {"网格"}
    assert view.summary.text().startswith("48 处，出自 8 篇文章")
    # Sorting by the left context puts the characters next to the hit in order.
    view.table.horizontalHeader().sectionClicked.emit(0)
    lefts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert [x[::-1] for x in lefts] == sorted(x[::-1] for x in lefts)
    view.table.horizontalHeader().sectionClicked.emit(3)
    dates = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert dates == sorted(dates)
    # A click opens the article with that occurrence selected.
    row = 17
    line = model.lines[row]
    with qtbot.waitSignal(window.article_shown, timeout=10000):
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.table.visualRect(model.index(row, 1)).center())
    qtbot.waitUntil(lambda: window.pane.textCursor().selectedText() == "网格")
    assert window.pane.selection_offsets() == (line.start, line.end)
    assert window.pane.article.id == line.article_id
    # Export as CSV and as aligned text.
    view.ask_path = lambda _title, name, _filter: str(tmp_path / name)
    qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.text_button, Qt.MouseButton.LeftButton)
    csv_lines = (tmp_path / "kwic.csv").read_text("utf-8").splitlines()
    assert csv_lines[0] == "article,date,left,hit,right" and len(csv_lines) == 49
    assert (tmp_path / "kwic.txt").read_text("utf-8").count("【网格】") == 48


def test_a_headline_occurrence_is_a_concordance_line_that_opens_its_article(
        open_window, library_dir, qtbot):
    window = open_window(library_dir)
    search_from_bar(qtbot, window, "千里马")  # only in the headline 拴心留人 让“千里马”近悦远来
    page = window.research_page
    qtbot.mouseClick(page.kwic_button, Qt.MouseButton.LeftButton)
    view = page.concordance
    qtbot.waitUntil(lambda: view.result is not None, timeout=15000)
    assert view.model.rowCount() == 1
    line = view.model.lines[0]
    assert line.in_title and (line.hit, line.right) == ("千里马", "”近悦远来")
    with qtbot.waitSignal(window.article_shown, timeout=10000) as shown:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.table.visualRect(view.model.index(0, 1)).center())
    assert shown.args == [line.article_id]
    assert window.pane.article.title == "拴心留人 让“千里马”近悦远来"


def test_trend_chart_of_two_terms_point_click_lists_the_period(open_window, library_dir, qtbot,
                                                               tmp_path):
    from PySide6.QtGui import QImage

    from reader.app.trends import trend

    window = open_window(library_dir)
    search_from_bar(qtbot, window, "党建引领 OR 网格")
    page = window.research_page
    qtbot.mouseClick(page.trend_button, Qt.MouseButton.LeftButton)
    view = page.trends
    qtbot.waitUntil(lambda: view.result is not None, timeout=15000)
    assert view.terms.text() == "党建引领 网格" and view.filters.text() == ""
    expected = trend(window.session.library, window.session.index, ["党建引领", "网格"])
    chart = view.chart
    assert chart.periods == ["2021", "2022", "2023", "2024", "2025"]
    assert chart.series["网格"] == [p.per_1000_articles for p in expected.series("网格")]
    # Articles instead of the rate: the chart redraws from the same answer.
    view.measure_box.setCurrentIndex(view.measure_box.findData("articles"))
    assert chart.series["网格"] == [float(p.articles) for p in expected.series("网格")]
    # Clicking the 2023 point of 网格 lists those articles in the results.
    index = chart.periods.index("2023")
    point = chart.point_at(index, chart.series["网格"][index]).toPoint()
    assert chart.pick(chart.point_at(index, chart.series["网格"][index]))[:2] == ("2023", "网格")
    answer = _click_and_wait(qtbot, window, lambda: qtbot.mouseClick(
        chart, Qt.MouseButton.LeftButton, pos=point))
    assert window.search_bar.text() == '"网格" date:2023'
    assert answer.total == expected.series("网格")[index].articles == 3
    # By month, and exported.
    with qtbot.waitSignal(view.answered, timeout=15000):
        view.period_box.setCurrentIndex(view.period_box.findData("month"))
    assert chart.periods == ["2021-01", "2022-07", "2023-06", "2024-01", "2025-01"]
    view.ask_path = lambda _title, name, _filter: str(tmp_path / name)
    qtbot.mouseClick(view.png_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    image = QImage(str(tmp_path / "trend.png"))
    assert not image.isNull() and (image.width(), image.height()) == (1200, 600)
    rows = (tmp_path / "trend.csv").read_text("utf-8").splitlines()
    assert rows[0] == "period,term,occurrences,articles,per_1000_articles" and len(rows) == 11


def test_the_first_search_answers_before_its_facets_snapshot_is_read(
        open_window, library_dir, qtbot, monkeypatch):
    # The snapshot the facets count from takes a fraction of a second at 100k articles:
    # read on the first facet request, after the first answer, never at start-up.
    from reader.library.facet_counts import Places

    events: list[str] = []
    read = Places.read.__func__

    def reading(cls, *args):
        events.append("snapshot")
        return read(cls, *args)

    monkeypatch.setattr(Places, "read", classmethod(reading))
    window = open_window(library_dir)
    settle(qtbot, window)
    assert events == []  # search is ready; the snapshot waits for a search
    page = window.research_page
    window.search.answered.connect(lambda _text, outcome: events.append(
        f"answered {outcome.total}"))
    window.search.counting.connect(lambda _text: events.append(
        "counting: " + page.facets.topLevelItem(0).text(0)))
    found = search_from_bar(qtbot, window, "网格")
    assert events == ["answered 8", "counting: 正在统计…", "snapshot"]
    # Then the facets came, counted over every match.
    assert sum(c.count for c in found.facets["year"]) == found.total == 8
    year = found.facets["year"][0]
    assert page.facets.item_for(f"date:{year.value}").text(1) == str(year.count)
    # The next search finds the snapshot read: its facets follow its page (asked for first,
    # issue 17) without reading it again.
    events.clear()
    found = search_from_bar(qtbot, window, "党建")
    assert events == [f"answered {found.total}", "counting: 正在统计…"] and found.facets["kind"]
