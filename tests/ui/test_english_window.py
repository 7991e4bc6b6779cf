"""The English window says nothing in Chinese but the library's own words (issue 19).

The window is walked as a user sees it: the archive tree opened down to an
article, the menus, the search results and the research page, the export
dialog; every text left once paper, page and column names, titles, authors,
tags and the articles' text are taken out must hold no CJK character.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from reader.ui import translation, wording
from tests.ui.cjk_walk import chinese_fragments, content_words, shown_texts
from tests.ui.conftest import expand_issue, open_article, search_from_bar, settle


@pytest.fixture
def english(tmp_path, qapp):
    settings = QSettings(str(tmp_path / "en.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/language", "en")
    assert translation.install_translation(settings) == "en"
    yield settings
    translation.remove_translation()


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

    # The whole page: where it is from, its label and its contents line are English.
    page_id = window.session.library.articles.in_issue(1)[0].page_id
    with qtbot.waitSignal(window.reading.page_shown, timeout=10000):
        window.reading.show_page(page_id)
    page_text = window.page_view.toPlainText()
    head = page_text.split("\n")[:3]
    assert chinese_fragments([("page", line) for line in head], content) == [], head
    assert any(line.endswith(("item on this page", "items on this page")) for line in head)
    assert "〔" not in page_text

    outcome = search_from_bar(qtbot, window, "党建")
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
        authors = getattr(window.browse_tabs.widget(tab), "author_list", None)
        if authors is not None:  # each author's articles: a title, its date and its issue
            rows = []
            for row in range(authors.count()):
                authors.setCurrentRow(row)
                settle(qtbot, window)
                rows += shown_texts(window.browse_tabs.widget(tab).articles)
            assert any(text.endswith(" etc.") for _where, text in rows)
            left = chinese_fragments(rows, content)
            assert left == [], "\n".join(map(repr, left))
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


def test_the_english_dialogs_show_no_chinese_of_their_own(qtbot, english):
    from reader.app.archive import PageValues
    from reader.catalogue import Code, Message
    from reader.models import ImportResult, ImportStatus
    from reader.ui.date_jump import DateJump
    from reader.ui.import_options import ImportOptionsDialog
    from reader.ui.import_report import ImportReport
    from reader.ui.metadata_dialog import PageMetaDialog, RenamePaperDialog
    from reader.ui.tag_prompt import TagPrompt

    pages = (PageValues(1, paper="人民日报", date="2025-01-07", number="5", name="评论",
                        user_fields=frozenset({"name"})),
             PageValues(2, paper="人民日报", date="2025-01-07", number="10", name="综合"))
    report = ImportReport()
    report.set_results([
        ImportResult("/tmp/a.txt", ImportStatus.IMPORTED, 1, 1),
        ImportResult("/tmp/b.txt", ImportStatus.UPDATED, 2, 12),
        ImportResult("/tmp/c.txt", ImportStatus.ALREADY_IMPORTED, 3),
        ImportResult("/tmp/d.txt", ImportStatus.FAILED, message="not a page",
                     error=Message.of(Code.NO_ISSUE, id=4))])
    jump = DateJump()
    jump.set_dates(["2025-01-07", "2025-07-15"])
    dialogs = [PageMetaDialog(pages, ["人民日报", "光明日报"]), PageMetaDialog(pages[:1]),
               RenamePaperDialog("人民日报", ["人民日报", "光明日报"]), ImportOptionsDialog(1),
               ImportOptionsDialog(3), TagPrompt(1, []), report, jump]
    # 党建: the tag field's example is a tag, which is the reader's own (Chinese) word
    content = ["人民日报", "光明日报", "评论", "综合", "党建"]
    texts: list[tuple[str, str]] = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        texts += shown_texts(dialog)
    texts += [("report", line) for line in report.text().splitlines()]
    left = chinese_fragments(texts, [*content, ""])
    assert left == [], "\n".join(map(repr, left))
    assert "1 article" in report.text() and "12 articles" in report.text()
    assert "2 days have issues" in jump.note.text()


def test_the_english_about_box_counts_in_english(qtbot, open_window, library_dir, english):
    from reader.app.browsing import LibraryCounts

    window = open_window(library_dir, english)
    text = window.about_text(LibraryCounts(issues=1, articles=2, tags=0, notes=1, highlights=3))
    assert "1 issue, 2 articles, 0 tags, 1 note, 3 highlights." in text
    assert chinese_fragments([("about", text)], [""]) == []
