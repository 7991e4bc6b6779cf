"""The search bar's query language, parsed into a small tree of terms plus a list of filters.

    网格员 嘎查              both words (AND)
    网格员 OR 楼栋长          either
    -物业   NOT 物业          without
    "党建引领 基层"          the exact text, spaces included
    tag:X author:X column:X kind:article issue:12 has:note has:highlight
    date:2024  date:2024-01  date:2024-01..2024-06  (also date:2024.. and date:..2024-06)

Filter values may be quoted (tag:"红色 物业").  Full-width quotes (“ ” ＂) and the full-width
colon (：) work like their ASCII forms; filter names are case-insensitive and have Chinese
aliases (标签 作者 栏目 日期).  OR binds tighter than the implicit AND: `a b OR c` is
`a AND (b OR c)`.  A query of filters only is valid.

Parsing never fails.  What cannot be read as syntax is searched as plain text, and
`Query.notices` says so in one sentence each.  Filters are returned for the caller to resolve
against the library (the index knows no tags or authors); the text part is evaluated by
`SearchIndex.search`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.catalogue import Code, Message
from reader.search.filters import FILTERS, FilterSpec, date_bounds, date_matches, filters_by_name

__all__ = [
    "And",
    "Filter",
    "Node",
    "Not",
    "Or",
    "Query",
    "Term",
    "date_bounds",
    "date_matches",
    "filter_tokens",
    "parse_query",
]

#: The names of the filters the search bar understands (see search.filters).
FILTER_NAMES = tuple(spec.name for spec in FILTERS)


@dataclass(frozen=True)
class Term:
    """Text that must occur verbatim; `phrase` when it was quoted."""

    text: str
    phrase: bool = False


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


Node = Term | And | Or | Not


@dataclass(frozen=True)
class Filter:
    """A restriction the caller resolves into allowed article ids.

    `name` is a `FilterSpec.name` (search.filters); `value` is what its `normalise` made of
    the typed value: `kind` an ArticleKind, `issue` an integer in decimal, `has` "note" or
    "highlight", `date` an ISO prefix or a range "A..B" of them (either side may be empty;
    see `date_bounds` / `date_matches`).  `negated` for `-tag:X` / `NOT tag:X`: the caller
    excludes the matches instead.
    """

    name: str
    value: str
    negated: bool = False


@dataclass(frozen=True)
class Query:
    """A parsed query: the text part as a tree (None if there is none), filters, notices."""

    text: str
    root: Node | None
    filters: tuple[Filter, ...] = ()
    notices: tuple[Message, ...] = field(default=(), compare=False)

    @property
    def terms(self) -> tuple[Term, ...]:
        """The terms a matching article contains (those not under a NOT), in query order."""
        found: list[Term] = []
        _positive_terms(self.root, found)
        return tuple(dict.fromkeys(found))

    @property
    def is_empty(self) -> bool:
        return self.root is None and not self.filters


def _positive_terms(node: Node | None, found: list[Term]) -> None:
    if isinstance(node, Term):
        found.append(node)
    elif isinstance(node, And | Or):
        for child in node.children:
            _positive_terms(child, found)


_QUOTES = '"“”＂'
_COLONS = ":："
_MINUS = "-－"


def _filter_name_pattern(filters: tuple[FilterSpec, ...]) -> re.Pattern[str]:
    """What may stand before a colon as a filter name: ASCII letters, or a known alias."""
    aliases = sorted((a for spec in filters for a in spec.aliases if not a.isascii()),
                     key=len, reverse=True)
    return re.compile("|".join(["[A-Za-z]+", *map(re.escape, aliases)]))


# -- Lexing -------------------------------------------------------------------------------------


@dataclass
class _Token:
    kind: str  # "word", "phrase", "filter", "or", "and", "not"
    text: str = ""
    negated: bool = False
    value: str = ""  # a filter's value
    raw: str = ""  # a filter as typed, without a leading minus: the text searched if it is bad


#: C0 and C1 control characters other than whitespace.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _lex(text: str, notices: list[Message], filter_name: re.Pattern[str]) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        negated = False
        if ch in _MINUS:
            if i + 1 >= n or text[i + 1].isspace():
                notices.append(Message.of(Code.LONE_MINUS))
                i += 1
                continue
            negated = True
            i += 1
            ch = text[i]
        if ch in _QUOTES:
            end = _closing_quote(text, i + 1)
            if end < 0:
                notices.append(Message.of(Code.UNBALANCED_QUOTE))
                i += 1
                continue
            phrase = " ".join(text[i + 1 : end].split())
            if phrase:
                tokens.append(_Token("phrase", phrase, negated))
            else:
                notices.append(Message.of(Code.EMPTY_QUOTES))
            i = end + 1
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] not in _QUOTES:
            i += 1
        word = text[start:i]
        name, colon, value = _split_filter(word, filter_name)
        if colon and not value and i < n and text[i] in _QUOTES:
            end = _closing_quote(text, i + 1)
            if end >= 0:
                value = " ".join(text[i + 1 : end].split())
                word = text[start : end + 1]
                i = end + 1
        if colon:
            tokens.append(_Token("filter", name, negated, value=value, raw=word))
        elif not negated and word in ("OR", "AND", "NOT"):
            tokens.append(_Token(word.lower()))
        else:
            tokens.append(_Token("word", word, negated))
    return tokens


def _closing_quote(text: str, start: int) -> int:
    for j in range(start, len(text)):
        if text[j] in _QUOTES:
            return j
    return -1


def _split_filter(word: str, filter_name: re.Pattern[str]) -> tuple[str, str, str]:
    """("tag", ":", "X") for "tag:X" if the part before the colon is filter-shaped, else ("", "", "")."""
    for j, ch in enumerate(word):
        if ch in _COLONS:
            name = word[:j]
            if j > 0 and filter_name.fullmatch(name):
                return name, ch, word[j + 1 :]
            return "", "", ""
    return "", "", ""


# -- Filters ------------------------------------------------------------------------------------


def _make_filter(token: _Token, notices: list[Message],
                 by_name: dict[str, FilterSpec]) -> Filter | None:
    """The filter a token names, or None (with a notice) if it is malformed."""
    raw = token.raw
    spec = by_name.get(token.text.lower())
    value = token.value.strip()
    if spec is None:
        notices.append(Message.of(Code.UNKNOWN_FILTER, filter=token.text, raw=raw))
        return None
    if not value:
        notices.append(Message.of(Code.FILTER_NO_VALUE, filter=spec.name, raw=raw))
        return None
    normalised = spec.normalise(value)
    if normalised is None:
        notices.append(Message.of(Code.FILTER_BAD_VALUE, value=value, filter=spec.name, raw=raw))
        return None
    return Filter(spec.name, normalised, token.negated)


# -- Parsing ------------------------------------------------------------------------------------


def parse_query(text: str, filters: tuple[FilterSpec, ...] = FILTERS) -> Query:
    """Parse the search bar's text; never raises (see the module docstring).

    `filters` are the filters understood (`search.filters.FILTERS`; a test may add one).
    """
    # Control characters (a NUL pasted in) are no text anyone searches for: spaces.
    cleaned = _CONTROL.sub(" ", text)
    notices: list[Message] = []
    tokens = _lex(cleaned, notices, _filter_name_pattern(filters))
    if not tokens and cleaned.strip() and all(c in _QUOTES or c.isspace() for c in cleaned):
        # Only quote marks: the user looks for the mark itself (a lone “), not syntax.
        notices = []
        tokens = [_Token("word", "".join(cleaned.split()))]
    by_name = filters_by_name(filters)
    found: list[Filter] = []
    # Stage 1: NOT applies to the next atom; filters come out; OR/AND stay as markers.
    items: list[Node | str] = []
    pending_not = False
    for token in tokens:
        if token.kind == "not":
            if pending_not:
                notices.append(Message.of(Code.NOT_NOT))
            pending_not = True
            continue
        if token.kind in ("or", "and"):
            if pending_not:
                notices.append(Message.of(Code.NOT_ALONE))
                pending_not = False
            items.append(token.kind)
            continue
        if token.negated and pending_not:
            notices.append(Message.of(Code.NOT_MINUS))
        negated = token.negated or pending_not
        pending_not = False
        if token.kind == "filter":
            token.negated = negated
            made = _make_filter(token, notices, by_name)
            if made is not None:
                found.append(made)
                items.append("filter")
                continue
            node: Node = Term(token.raw)
        else:
            node = Term(token.text, token.kind == "phrase")
        items.append(Not(node) if negated else node)
    if pending_not:
        notices.append(Message.of(Code.NOT_ALONE))
    root = _group(items, notices)
    return Query(text, root, tuple(found), tuple(dict.fromkeys(notices)))


def filter_tokens(text: str, filters: tuple[FilterSpec, ...] = FILTERS) -> list[str]:
    """The valid filters of `text` as typed (with a leading "-" when negated), in order:
    what the search page shows as removable chips."""
    by_name = filters_by_name(filters)
    found = []
    for token in _lex(text, [], _filter_name_pattern(filters)):
        if token.kind == "filter" and _make_filter(token, [], by_name) is not None:
            found.append(("-" if token.negated else "") + token.raw)
    return found


def _group(items: list[Node | str], notices: list[Message]) -> Node | None:
    """Join `a OR b` runs, AND the rest; dangling operators are dropped with a notice."""
    clauses: list[list[Node]] = []
    joining = False
    for k, item in enumerate(items):
        if item == "and":
            if not clauses or k + 1 >= len(items) or not isinstance(items[k + 1], Term | Not):
                notices.append(Message.of(Code.AND_ALONE))
            continue
        if item == "or":
            before_ok = k > 0 and isinstance(items[k - 1], Term | Not)
            after_ok = k + 1 < len(items) and isinstance(items[k + 1], Term | Not)
            if before_ok and after_ok:
                joining = True
            elif (
                k > 0
                and items[k - 1] == "filter"
                or k + 1 < len(items)
                and items[k + 1] == "filter"
            ):
                notices.append(Message.of(Code.OR_FILTERS))
            else:
                notices.append(Message.of(Code.OR_ALONE))
            continue
        if item == "filter":
            joining = False
            continue
        assert not isinstance(item, str)
        if joining and clauses:
            clauses[-1].append(item)
        else:
            clauses.append([item])
        joining = False
    nodes: list[Node] = [c[0] if len(c) == 1 else Or(tuple(c)) for c in clauses]
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes))
