"""The search page as a researcher uses it: facets that narrow, chips that widen again, sort,
search-in, recent queries and the syntax help, driven like a user."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui import settings as window_settings
from reader.ui.window import RESULTS_PAGE
from tests.ui.conftest import settle, type_text


def _search(qtbot, window, text: str):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.search.researched, timeout=15000) as answer:
        type_text(window.search_bar, text)
    assert window.navigator.currentIndex() == RESULTS_PAGE
    return answer.args[1]


def _click_and_wait(qtbot, window, click) -> object:
    with qtbot.waitSignal(window.search.researched, timeout=15000) as answer:
        click()
    return answer.args[1]


def test_clicking_a_facet_narrows_and_its_chip_widens_again(open_window, library_dir, qtbot):
    window = open_window(library_dir)
    page = window.research_page
    found = _search(qtbot, window, "网格")
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
    found = _search(qtbot, window, "党建")
    month = found.facets["month"][0]
    item = page.facets.item_for(f"date:{month.value}")
    assert item.parent().data(0, Qt.ItemDataRole.UserRole + 30) == f"date:{month.value[:4]}"
    narrowed = _click_and_wait(qtbot, window, lambda: page.facets.itemClicked.emit(item, 0))
    assert narrowed.total == month.count
    assert sum(c.count for c in narrowed.facets["year"]) == narrowed.total


def test_sort_by_date_is_applied_and_remembered(open_window, library_dir, qtbot, settings):
    window = open_window(library_dir)
    _search(qtbot, window, "党建")
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
    assert _search(qtbot, again, "党建").sort == "newest"


def test_search_in_title_looks_in_titles_only(open_window, library_dir, qtbot, settings):
    window = open_window(library_dir)
    everywhere = _search(qtbot, window, "党建")
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
        _search(qtbot, window, text)
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
