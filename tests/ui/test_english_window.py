"""The English window says nothing in Chinese but the library's own words (issue 19).

The window is walked as a user sees it: the archive tree opened down to an
article, the menus, the search results and the research page, the export
dialog; every text left once paper, page and column names, titles, authors,
tags and the articles' text are taken out must hold no CJK character.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from reader.ui import translation, wording
from reader.ui.window import RESULTS_PAGE
from tests.ui.cjk_walk import chinese_fragments, content_words, shown_texts
from tests.ui.conftest import expand_issue, open_article, settle, type_text


@pytest.fixture
def english(tmp_path, qapp):
    settings = QSettings(str(tmp_path / "en.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/language", "en")
    assert translation.install_translation(settings) == "en"
    yield settings
    translation.remove_translation()


def _search(qtbot, window, text: str):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.search.researched, timeout=15000) as answer:
        type_text(window.search_bar, text)
    assert window.navigator.currentIndex() == RESULTS_PAGE
    return answer.args[1]


def test_the_english_window_shows_no_chinese_of_its_own(qtbot, open_window, library_dir,
                                                        english):
    window = open_window(library_dir, english)
    # The language menu names each language in its own words.
    content = ["中文", *content_words(window.session)]
    for row in range(3):
        expand_issue(qtbot, window, row)
    settle(qtbot, window)
    article = window.tree_model.article_id(window.tree_model.index_of(
        window.session.library.articles.in_issue(1)[0].id))
    assert article is not None
    open_article(qtbot, window, article)
    left = chinese_fragments(shown_texts(window), content)
    assert left == [], "\n".join(map(repr, left))
    # The article pane's heading lines (where it is from, its kind) are the window's words.
    heading = window.pane.toPlainText().split("\n", 2)[:2]
    assert chinese_fragments([("pane", line) for line in heading], content) == []

    outcome = _search(qtbot, window, "党建")
    assert outcome.total > 1
    settle(qtbot, window)
    content.insert(0, "党建")  # what the user typed
    left = chinese_fragments(shown_texts(window), content)
    assert left == [], "\n".join(map(repr, left))
    assert window.results_label.text().startswith("“党建”: ")

    page = window.research_page
    for button, shown in ((page.kwic_button, lambda: page.concordance),
                          (page.trend_button, lambda: page.trends)):
        button.click()
        settle(qtbot, window)  # its answer, read on the window's worker, has arrived
        left = chinese_fragments(shown_texts(shown()), content)
        assert left == [], "\n".join(map(repr, left))
        shown().close()

    with qtbot.waitSignal(window.commands.export_opened, timeout=10000) as opened:
        window.results_view.list.selectAll()
        window.commands.export_selection()
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.count_label.text() != "", timeout=10000)
    assert chinese_fragments(shown_texts(dialog), content) == []
    dialog.close()

    for tab in range(window.browse_tabs.count()):
        window.show_browse_tab(tab)
        settle(qtbot, window)
        left = chinese_fragments(shown_texts(window.browse_tabs.widget(tab)), content)
        assert left == [], "\n".join(map(repr, left))


def test_english_dates_and_counts_read_as_english(qtbot, english):
    from reader.app.archive import ArchiveNode

    assert wording.date_text("2024-01", "month", False) == "c. Jan 2024"
    assert wording.date_text("2025-01-07", "day", True) == "7 Jan 2025"
    assert wording.date_text(None, "unknown", False) == "Date unknown"
    issue = ArchiveNode("issue", "issue\u241f1", "1月7日 周二", 4, 30, date="2025-01-07",
                        date_precision="day", date_source="user", paper="人民日报")
    assert wording.node_label(issue) == "Tue 7 Jan"
    assert wording.node_detail(issue) == "人民日报 Tuesday 7 January 2025"
    assert wording.page_label(19, "党建") == "p. 19 党建"
    assert wording.month_name(3) == "March"
