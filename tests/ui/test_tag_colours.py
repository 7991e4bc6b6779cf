"""A tag's colour shows on its chip in the side panel, as dots on tree and result rows, and
as the swatch of the 标签 list; recolouring it redraws them all (issue 19)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from reader.ui.list_delegate import DotsRole, SwatchRole
from reader.ui.window import TAGS_TAB
from tests.ui.conftest import select_in_tree, settle

RED = "#c0392b"


def _chip_colour(window, name: str) -> str:
    chip = window.panel.tag_editor.chips[name]
    image = chip.icon().pixmap(10, 10).toImage()
    return image.pixelColor(5, 5).name()


def test_recolouring_a_tag_shows_on_chips_rows_results_and_the_tag_list(qtbot, open_window,
                                                                       library_dir):
    window = open_window(library_dir)
    library = window.session.library
    article = library.articles.in_issue(library.issues.all()[0].id)[0]
    select_in_tree(qtbot, window, article)
    window.panel.add_tags(["红色物业"])
    settle(qtbot, window)
    assert window.panel.tag_editor.chips["红色物业"].icon().isNull()  # no colour yet
    row = window.tree_model.index_of(article.id)
    assert row.data(DotsRole) is None

    window.show_browse_tab(TAGS_TAB)
    settle(qtbot, window)
    assert not QColor(window.tags_view.tag_list.item(0).data(SwatchRole)).isValid()
    window.tags_view.ask_color = lambda _name: RED
    window.tags_view.recolor("红色物业")
    settle(qtbot, window)

    assert _chip_colour(window, "红色物业") == RED
    assert window.tree_model.index_of(article.id).data(DotsRole) == [RED]
    assert QColor(window.tags_view.tag_list.item(0).data(SwatchRole)).name() == RED
    window.search_bar.setText("tag:红色物业")
    with qtbot.waitSignal(window.search.answered, timeout=10000):
        window.search.run_now()
    assert window.results_model.index(0).data(DotsRole) == [RED]
