"""The language menu applies at once (issue 19): zh → en → zh without a restart.

The menus, the tree's header and rows, the status bar and an open dialog
change language when 视图 → 语言 is chosen; after the round trip every text
of the window reads as it did before.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from reader.ui import translation
from reader.ui.tree_model import TITLE_COLUMN
from tests.ui.cjk_walk import chinese_fragments, content_words, shown_texts
from tests.ui.conftest import expand_issue, open_article, settle, type_text


@pytest.fixture
def chinese(tmp_path, qapp):
    settings = QSettings(str(tmp_path / "zh.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/language", "zh")
    assert translation.install_translation(settings) == "zh"
    yield settings
    translation.remove_translation()


def _menus(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _header(window) -> str:
    return window.tree_model.headerData(TITLE_COLUMN, Qt.Orientation.Horizontal)


def _open_export_dialog(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.search.researched, timeout=15000):
        type_text(window.search_bar, "党建")
    settle(qtbot, window)
    with qtbot.waitSignal(window.commands.export_opened, timeout=10000) as opened:
        window.results_view.list.selectAll()
        window.commands.export_selection()
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.count_label.text() != "", timeout=10000)
    return dialog


def _snapshot(window) -> list[tuple[str, str]]:
    # The status bar's message and the checked language differ by design.
    return sorted(t for t in shown_texts(window) if "QStatusBar" not in t[0])


def test_switching_zh_en_zh_retranslates_everything_at_once(qtbot, open_window, library_dir,
                                                            chinese):
    window = open_window(library_dir, chinese)
    for row in range(2):
        expand_issue(qtbot, window, row)
    settle(qtbot, window)
    dialog = _open_export_dialog(qtbot, window)
    tab = next(t for t in range(window.browse_tabs.count())
               if hasattr(window.browse_tabs.widget(t), "author_list"))
    window.show_browse_tab(tab)
    settle(qtbot, window)
    authors = window.browse_tabs.widget(tab)
    authors.author_list.setCurrentRow(0)
    settle(qtbot, window)
    assert authors.articles.count() > 0  # rows with dates in words: 约2024年1月
    article = window.session.library.articles.in_issue(1)[0]
    open_article(qtbot, window, article.id)
    pane_heading = window.pane.toPlainText().split("\n")[0]
    before = _snapshot(window)
    assert _menus(window) == ["文件(&F)", "编辑(&E)", "更正(&C)", "视图(&V)", "帮助(&H)"]
    assert _header(window) == "标题"
    chinese_title = dialog.windowTitle()
    chinese_count = dialog.count_label.text()
    assert "篇文章" in chinese_count

    window.language_actions["en"].trigger()
    assert translation.current_language() == "en"
    assert chinese.value("view/language") == "en"
    assert _menus(window) == ["&File", "&Edit", "&Corrections", "&View", "&Help"]
    assert _header(window) == "Title"
    assert window.statusBar().currentMessage() == "The interface language is now English."
    assert dialog.windowTitle() != chinese_title and dialog.isVisible()
    assert dialog.count_label.text().split(",")[0].endswith(("article", "articles"))
    assert window.pane.toPlainText().split("\n")[0] != pane_heading  # c. Jan 2021 · …
    content = ["中文", "党建", *content_words(window.session)]
    left = chinese_fragments(shown_texts(window), content)
    assert left == [], "\n".join(map(repr, left))

    window.language_actions["zh"].trigger()
    assert translation.current_language() == "zh"
    assert _menus(window) == ["文件(&F)", "编辑(&E)", "更正(&C)", "视图(&V)", "帮助(&H)"]
    assert _header(window) == "标题"
    assert window.statusBar().currentMessage() == "界面语言已切换为 中文。"
    assert dialog.windowTitle() == chinese_title
    assert dialog.count_label.text() == chinese_count
    assert window.pane.toPlainText().split("\n")[0] == pane_heading
    after = _snapshot(window)
    changed = sorted(set(before) ^ set(after))
    assert changed == [], "\n".join(map(repr, changed))
    dialog.close()
