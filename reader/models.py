"""Frozen dataclasses shared by every layer of Reader.

These are the values that cross layer boundaries: the parser produces a
`ParsedPage`, the library stores it, the search index and the exporter read
it back.  Nothing here does I/O or imports anything outside the standard
library, so every layer may depend on it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

#: Kinds of item a page can hold, in the words DESIGN.md uses.
ITEM_KINDS = ("article", "commentary", "photo", "briefs", "quotes", "letter")

#: Precision of an inferred issue date, from most to least exact.
DATE_PRECISIONS = ("day", "month", "year", "unknown")


@dataclass(frozen=True)
class Author:
    """One credited person: the printed role word (本报记者, 通讯员, 摄影 …) and a name."""

    role: str
    name: str


@dataclass(frozen=True)
class Entry:
    """One entry of a briefs or quotes box: its text and its printed attribution."""

    text: str
    source: str | None = None


@dataclass(frozen=True)
class Item:
    """One item of a printed page: an article, a commentary, a photo, a box, a letter.

    `defects` names what the print extraction damaged, each a short English
    phrase from `reader.ingest.defects` optionally followed by ": detail".
    """

    kind: str = "article"
    column: str | None = None
    series: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[Author, ...] = ()
    subheads: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    entries: tuple[Entry, ...] = ()
    defects: tuple[str, ...] = ()
    #: 1-based numbers of the input lines this item consumed (for conservation
    #: checks and for jumping back to the source); not part of the JSON contract.
    lines: tuple[int, ...] = field(default=(), compare=False)

    @property
    def body_text(self) -> str:
        """Paragraphs and entries as one string, for search and snippets."""
        parts = list(self.paragraphs)
        parts.extend(e.text for e in self.entries)
        return "\n".join(parts)


@dataclass(frozen=True)
class IssueDate:
    """An issue date inferred from a page's text.

    `value` is an ISO prefix that matches `precision`: "2025-01-06" (day),
    "2025-01" (month), "2025" (year) or None (unknown).  `evidence` lists the
    phrases the inference rests on, so a reader can judge it.
    """

    value: str | None = None
    precision: str = "unknown"
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Credit:
    """A page-level credit line such as 本版编辑：李四 (belongs to no single item)."""

    role: str
    name: str


@dataclass(frozen=True)
class ParsedPage:
    """What the parser made of one page file."""

    source: str | None
    page_name: str | None
    date: IssueDate
    items: tuple[Item, ...]
    unassigned: tuple[str, ...] = ()
    credits: tuple[Credit, ...] = ()
    #: Input lines consumed by the page name and credits, and the lines of
    #: `unassigned`, for conservation checks; not part of the JSON contract.
    page_lines: tuple[int, ...] = field(default=(), compare=False)
    unassigned_lines: tuple[int, ...] = field(default=(), compare=False)

    def to_json_dict(self) -> dict:
        """The `reader parse --json` contract of DESIGN.md (plus page credits)."""
        items = []
        for item in self.items:
            d = asdict(item)
            d.pop("lines", None)
            items.append(d)
        return {
            "source": self.source,
            "page_name": self.page_name,
            "date": self.date.value,
            "date_precision": self.date.precision,
            "date_evidence": list(self.date.evidence),
            "items": items,
            "unassigned": list(self.unassigned),
            "credits": [asdict(c) for c in self.credits],
        }
