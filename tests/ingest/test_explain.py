"""`explain_page`: the parser's own record of each line's decision agrees with its result."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ingest import explain_page, parse_page, read_page
from reader.ingest.lines import split_lines
from reader.ingest.trace import format_explanation

ROOT = Path(__file__).parent.parent.parent
PAGES = (
    sorted((ROOT / "seeds").glob("*.txt"))
    + sorted((ROOT / "tests/eval/pages").glob("*.txt"))
    + sorted((ROOT / "tests/eval/corpus").glob("**/*.txt"))
)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_every_line_has_one_decision_naming_the_item_that_holds_it(path):
    text = read_page(path)
    page, decisions = explain_page(text, source=path.name)
    assert page == parse_page(text, source=path.name)  # tracing changes nothing
    assert [d.line for d in decisions] == [line.no for line in split_lines(text)]
    holder = {no: n for n, item in enumerate(page.items, start=1) for no in item.lines}
    for decision in decisions:
        assert decision.item == holder.get(decision.line), decision
        if decision.line in page.unassigned_lines:
            assert decision.role == "unassigned", decision
        if decision.line in page.page_lines:
            assert decision.role in ("page name", "page credit", "header"), decision
    starts = [d.item for d in decisions if d.starts_item]
    assert starts == list(range(1, len(page.items) + 1))


def test_a_headline_with_its_column_explains_itself():
    text = "\n\n".join([
        "如此犒劳，要不得（监督哨）",
        "某地一些单位以慰问为名，用公款购买高档礼品发放给职工。",
    ])
    _, decisions = explain_page(text)
    report = format_explanation(decisions).splitlines()
    assert report[0].startswith("   1  title")
    assert "如此犒劳，要不得（监督哨）" in report[0]
    assert report[0].endswith("← headline + bracketed column 监督哨; starts item 1")
    assert report[1].startswith("   3  body") and report[1].endswith("; item 1")
