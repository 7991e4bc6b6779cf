"""Putting a title or a quoted passage in quotation marks, once.

Every place that shows a highlight's words, a title or a name between
quotation marks goes through `quoted`, so a text that already stands in
marks (a highlight of “灯下黑” including its own marks, a headline 「夜读」)
is not wrapped again: ““灯下黑”” and 「「夜读」」 never appear; one that
holds the marks inside takes the outer pair (「在选举“红色业委会”」).
Pure Python: the CLI, the exports and the window share it.
"""

from __future__ import annotations

#: The marks that go around a text holding the usual ones (“红色业委会” inside 「」).
OUTER = {"“”": "「」", "「」": "『』"}


def is_quoted(text: str, marks: str = "“”") -> bool:
    """True when the text opens with `marks`' opening mark or the outer one (“灯下黑”打造…
    or 「夜读」 for “”): wrapped again, two marks of a kind would meet (““, 「「)."""
    return text.strip()[:1] in (marks[0], OUTER.get(marks, marks)[0])


def quoted(text: str, marks: str = "“”") -> str:
    """The text between `marks` (“ ” by default; 「」 for the exports' quotes), unless it
    already opens with such a mark of its own.  A text holding those marks
    (在选举“红色业委会”) is put between the outer pair instead (「在选举“红色业委会”」),
    so no two closing marks meet either."""
    if is_quoted(text, marks):
        return text.strip()
    if marks[0] in text or marks[1] in text:
        marks = OUTER.get(marks, marks)
    return f"{marks[0]}{text}{marks[1]}"


def shortened(text: str, width: int) -> str:
    """The text on one line, cut to `width` characters with … where cut."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= width else one_line[:width] + "…"


__all__ = ["OUTER", "is_quoted", "quoted", "shortened"]
