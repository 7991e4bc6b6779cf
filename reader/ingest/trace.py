"""The parser's own account of its decisions, for `reader parse --explain`.

The stages record, as they decide, what they made of each line and on which
cue (`Trace.note`); nothing is re-derived afterwards.  A `Trace` is passed
in only when someone asks for it: without one the stages skip recording
altogether (`Segmenter._note` returns at once), so a normal parse costs
nothing extra.

A line can be decided more than once (a paragraph later found to be a
photo's caption); the last decision is the one that stands, and `explain`
shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Decision:
    """What the parser made of one input line, and why."""

    line: int            # 1-based line number in the file
    text: str            # the cleaned line
    role: str            # title, kicker, subtitle, column, byline, body, subhead, …
    reason: str          # the cue the decision rests on, in words
    item: int | None = None   # 1-based number of the item it went to (None: page or unassigned)
    starts_item: bool = False


@dataclass
class Trace:
    """Decisions in the order the stages made them.

    `note` takes the draft an item is being built in; `decisions` resolves
    drafts to item numbers once the page is finished (`resolve`).
    """

    steps: list[tuple[int, str, str, str, object]] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)

    def note(self, line: int, text: str, role: str, reason: str, draft: object = None) -> None:
        self.steps.append((line, text, role, reason, draft))

    def resolve(self, item_of_draft: dict[int, int], first_lines: dict[int, int]) -> None:
        """Turn drafts into item numbers; keep each line's last decision, in line order.

        `item_of_draft` maps id(draft) to its 1-based item number and
        `first_lines` maps item numbers to their first input line.
        """
        last: dict[int, Decision] = {}
        for line, text, role, reason, draft in self.steps:
            item = item_of_draft.get(id(draft)) if draft is not None else None
            last[line] = Decision(
                line, text, role, reason, item, item is not None and first_lines.get(item) == line
            )
        self.decisions = [last[line] for line in sorted(last)]


def format_explanation(decisions: list[Decision]) -> str:
    """One line per input line: number, role, text, the cue, and the item it went to."""
    rows = []
    for d in decisions:
        text = d.text if len(d.text) <= 24 else d.text[:23] + "…"
        where = ""
        if d.item is not None:
            where = f"; starts item {d.item}" if d.starts_item else f"; item {d.item}"
        rows.append(f"{d.line:4}  {d.role:<10} {text}  ← {d.reason}{where}")
    return "\n".join(rows)
