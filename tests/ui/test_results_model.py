"""The search result list model and its snippet markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from reader.app.searching import SearchHit, SearchOutcome
from reader.search import HIT_END, HIT_START
from reader.ui.results_model import SearchResultsModel, snippet_hits, snippet_html
from reader.ui.search import query_terms
from reader.ui.tree_model import ArticleIdRole


def outcome() -> SearchOutcome:
    snippet = f"划分{HIT_START}网格{HIT_END}2332个<b>"
    hits = [
        SearchHit(7, 2, "先锋 · 2025-01", "党建赋能", "北疆党旗红", "article", 5.0, "word", snippet),
        SearchHit(8, 2, "先锋 · 2025-01", "(无标题)", None, "briefs", 4.0, "substring", snippet),
        SearchHit(9, 3, "先锋 · 2024-01", "一封信", None, "letter", 3.0, "note", snippet),
    ]
    return SearchOutcome("网格", 3, hits)


def test_model_contract_and_rows(qtmodeltester):
    model = SearchResultsModel()
    qtmodeltester.check(model)
    model.set_outcome(outcome())
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    first = model.data(model.index(0))
    assert "党建赋能" in first and "北疆党旗红" in first and "词语匹配" in first
    assert "网格2332个" in first
    assert "精确匹配" in model.data(model.index(1))
    assert "笔记匹配" in model.data(model.index(2))
    assert model.data(model.index(2), ArticleIdRole) == 9
    tooltip = QTextDocument()
    tooltip.setHtml(model.data(model.index(0), Qt.ItemDataRole.ToolTipRole))
    assert tooltip.toPlainText().endswith("<b>")  # the snippet's text, shown as text


def test_snippet_markup_escapes_and_marks_hits():
    snippet = f"a<{HIT_START}网&格{HIT_END}>b{HIT_START}x"
    assert snippet_html(snippet, "S") == 'a&lt;<span style="S">网&amp;格</span>&gt;b【x'
    assert snippet_hits(f"{HIT_START}甲{HIT_END}乙{HIT_START}丙{HIT_END}") == ["甲", "丙"]


def test_query_terms_leave_out_filters_operators_and_exclusions():
    assert query_terms('网格 OR 党建 -乡村 NOT 城市 "基层 治理" column:视点 date:2024') == [
        "网格", "党建", "基层 治理"]
