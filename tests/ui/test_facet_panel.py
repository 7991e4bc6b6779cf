"""The facet column keeps every count whole in a narrow pane: a million-article library's
counts have five digits, and a long paper's name is elided instead (issue 17)."""

from __future__ import annotations

from reader.library.facet_values import FacetCount
from reader.ui.facet_panel import FacetPanel


def test_counts_stay_whole_and_long_names_elide_in_a_narrow_column(qtbot):
    panel = FacetPanel()
    qtbot.addWidget(panel)
    panel.resize(150, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_facets({
        "paper": [FacetCount("内蒙古日报社内蒙古日报", 47_521), FacetCount("光明日报", 4_746)],
        "kind": [FacetCount("article", 18_917)],
    })
    header = panel.header()
    widest = panel.fontMetrics().horizontalAdvance("47521")
    assert header.sectionSize(1) >= widest
    # Name and count together fit the pane: nothing scrolls sideways, the name gives way.
    assert header.sectionSize(0) + header.sectionSize(1) <= panel.viewport().width()
    assert not panel.horizontalScrollBar().isVisible()
    paper = panel.topLevelItem(0).child(0)
    assert paper.text(1) == "47521"
