"""Text conservation: every non-blank input line ends up in exactly one place.

`check_conservation(text, page)` returns the violations (an empty list when
the page conserves its text): a line consumed twice or never, or a line whose
characters are not all found in the fields of the item that consumed it.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.ingest import vocab
from reader.ingest.lines import Cue, split_lines
from reader.models import Item, ParsedPage

_CONTENT = re.compile(r"\w", re.UNICODE)


def _content(text: str) -> Counter:
    return Counter(_CONTENT.findall(text))


def item_content(item: Item) -> Counter:
    parts = [item.column, item.series, item.kicker, item.title, item.subtitle, item.dateline,
             *item.subheads, *item.paragraphs]
    parts += [f"{a.role}{a.name}" for a in item.authors]
    parts += [f"{e.text}{e.source or ''}" for e in item.entries]
    return _content("".join(p for p in parts if p))


def _without_roles(line) -> str:
    """A credit's role words are vocabulary (本报记者 陈春艳 摄 is 摄影 陈春艳), not text."""
    text = line.text
    if line.cue in (Cue.BYLINE, Cue.PHOTO_CREDIT, Cue.ATTRIBUTION):
        for role in vocab.ROLES:
            text = text.replace(role, "")
    return text


def check_conservation(text: str, page: ParsedPage) -> list[str]:
    lines = split_lines(text)
    owners: dict[int, list[str]] = {line.no: [] for line in lines}
    problems = []
    for index, item in enumerate(page.items):
        for no in item.lines:
            owners.setdefault(no, []).append(f"item {index}")
    for no in page.page_lines:
        owners.setdefault(no, []).append("page")
    for no in page.unassigned_lines:
        owners.setdefault(no, []).append("unassigned")
    for no, where in owners.items():
        if len(where) != 1:
            problems.append(f"line {no} is in {len(where)} places: {where}")
    by_no = {line.no: line for line in lines}
    for index, item in enumerate(page.items):
        have = item_content(item)
        for no in item.lines:
            need = _content(_without_roles(by_no[no]))
            missing = need - have
            if missing:
                problems.append(f"line {no} lost {''.join(missing.elements())!r} in item {index}")
    page_text = "".join(page.unassigned) + (page.page_name or "") + (page.header or "")
    page_text += "".join(f"{c.role}{c.name}" for c in page.credits)
    have = _content(page_text)
    for no in page.page_lines + page.unassigned_lines:
        missing = _content(by_no[no].text) - have
        if missing:
            problems.append(f"line {no} lost {''.join(missing.elements())!r} on the page")
    return problems
