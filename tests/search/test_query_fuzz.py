"""parse_query never raises, whatever is typed or pasted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.catalogue import Message
from reader.search import And, Not, Or, Term, parse_query
from reader.search.query import FILTER_NAMES

SYNTAX = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "＂",
        "-",
        "－",
        ":",
        "：",
        " ",
        "　",
        "OR",
        "NOT",
        "AND",
        "tag:",
        "date:",
        "issue:",
        "has:",
        "kind:",
        "author:",
        "..",
        "2024",
        "-01",
        "网格员",
        "嘎查",
        "a",
        "\n",
        "\t",
    ]
)


def check(text: str) -> None:
    q = parse_query(text)
    assert q.text == text
    assert all(isinstance(n, Message) and str(n) for n in q.notices)
    assert all(f.name in FILTER_NAMES and f.value for f in q.filters)
    for term in q.terms:
        assert term.text and term.text == term.text.strip()
    _walk(q.root)


def _walk(node) -> None:
    if node is None:
        return
    if isinstance(node, Term):
        assert node.text
    elif isinstance(node, Not):
        _walk(node.child)
    else:
        assert isinstance(node, And | Or) and len(node.children) >= 2
        for child in node.children:
            _walk(child)


@settings(max_examples=400)
@given(st.text())
def test_arbitrary_text(text):
    check(text)


@settings(max_examples=400)
@given(st.lists(SYNTAX, max_size=12).map("".join))
def test_syntax_soup(text):
    check(text)
