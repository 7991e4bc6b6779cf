"""The search result list model and its snippet markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from reader.app.searching import SearchHit, SearchOutcome
from reader.search import HIT_END, HIT_START
from reader.ui.list_delegate import OpeningRole, SecondLineRole, SnippetRole, snippet_runs
from reader.ui.results_model import SearchResultsModel, snippet_hits
from reader.ui.search import query_terms
from reader.ui.tree_model import ArticleIdRole


def outcome() -> SearchOutcome:
    snippet = f"划分{HIT_START}网格{HIT_END}2332个<b>"
    hits = [
        SearchHit(7, 2, "先锋 · 2025-01", "党建赋能", "北疆党旗红", "article", 5.0, "word", snippet),
        SearchHit(8, 2, "先锋 · 2025-01", "(无标题) 网格员每天", None, "briefs", 4.0, "substring",
                  snippet, opening="网格员每天走访"),
        SearchHit(9, 3, "先锋 · 2024-01", "一封信", None, "letter", 3.0, "note", snippet),
    ]
    return SearchOutcome("网格", 3, hits)


def test_model_contract_and_rows(qtmodeltester):
    model = SearchResultsModel()
    qtmodeltester.check(model)
    model.set_outcome(outcome())
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    first = model.index(0)
    assert model.data(first) == "〔文〕党建赋能"
    assert "北疆党旗红" in model.data(first, SecondLineRole)
    assert "词语匹配" in model.data(first, SecondLineRole)
    assert model.data(first, SnippetRole) == f"划分{HIT_START}网格{HIT_END}2332个<b>"
    assert model.data(first, OpeningRole) is None
    untitled = model.index(1)
    assert model.data(untitled) == "〔讯〕「无题」"  # not the (无标题) stand-in
    assert model.data(untitled, OpeningRole) == "网格员每天走访"
    assert "精确匹配" in model.data(untitled, SecondLineRole)
    assert "笔记匹配" in model.data(model.index(2), SecondLineRole)
    assert model.data(model.index(2), ArticleIdRole) == 9
    tooltip = QTextDocument()
    tooltip.setHtml(model.data(model.index(0), Qt.ItemDataRole.ToolTipRole))
    assert tooltip.toPlainText().endswith("<b>")  # the snippet's text, shown as text


def test_snippet_runs_keep_the_text_as_text_and_find_the_hits():
    snippet = f"a<{HIT_START}网&格{HIT_END}>b{HIT_START}x"
    assert snippet_runs(snippet) == ("a<网&格>bx", [(2, 3)])
    assert snippet_runs(f"{HIT_START}甲{HIT_END}乙{HIT_START}丙{HIT_END}") == ("甲乙丙", [(0, 1), (2, 1)])
    assert snippet_hits(f"{HIT_START}甲{HIT_END}乙{HIT_START}丙{HIT_END}") == ["甲", "丙"]


def test_query_terms_leave_out_filters_operators_and_exclusions():
    assert query_terms('网格 OR 党建 -乡村 NOT 城市 "基层 治理" column:视点 date:2024') == [
        "网格", "党建", "基层 治理"]
