"""What the user chose for an export: format, one file or one per article, parts, order.

`ExportOptions` is plain data shared by the CLI, the dialog and the
renderers; `parse_include` reads the CLI's `--include` comma list (and the
dialog's remembered setting) into a validated part set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from reader.catalogue import Code
from reader.errors import ReaderError

#: The parts an exported article can carry, in the order they are written.
PARTS = ("header", "body", "tags", "note", "highlights")

#: `--include highlights-only`: each article's title, highlights and citation, nothing else;
#: articles without highlights are left out.
HIGHLIGHTS_ONLY = "highlights-only"

#: page: issues in the library's order, each in page order.  date: newest issue first, each in
#: page order.  rank: the order the selection came in (a search's ranking, a list of ids).
ORDERS = ("page", "date", "rank")


@dataclass(frozen=True)
class ExportOptions:
    """Format, one file or a folder (`split`), the parts to write, and the order."""

    format: str = "txt"
    split: bool = False
    include: frozenset[str] = field(default_factory=lambda: frozenset(PARTS))
    highlights_only: bool = False
    order: str = "page"

    def __post_init__(self) -> None:
        # The formats (every renderer) load with the first export, not with the window's
        # settings that name these options (issue 17: window shown).
        from reader.export.formats import format_names

        if self.format not in format_names():
            *others, last = format_names()
            raise ReaderError(Code.UNKNOWN_FORMAT, value=self.format,
                              choices=f"{', '.join(others)} or {last}" if others else last)
        if self.order not in ORDERS:
            raise ReaderError(Code.UNKNOWN_ORDER, value=self.order, choices="page, date or rank")
        unknown = set(self.include) - set(PARTS)
        if unknown:
            raise ReaderError(Code.UNKNOWN_PART, value=sorted(unknown)[0], choices=", ".join(PARTS))

    @property
    def suffix(self) -> str:
        from reader.export.formats import export_format

        return export_format(self.format).suffix

    @property
    def private(self) -> bool:
        """Whether the files hold the user's notes or highlights: then only the user may read them."""
        return self.highlights_only or bool({"note", "highlights"} & set(self.include))

    def with_(self, **changes) -> ExportOptions:
        return replace(self, **changes)

    def include_text(self) -> str:
        """The `--include` value these options stand for (also how the dialog remembers it)."""
        if self.highlights_only:
            return HIGHLIGHTS_ONLY
        return ",".join(p for p in PARTS if p in self.include)


def parse_include(value: str | Iterable[str]) -> tuple[frozenset[str], bool]:
    """`"header,body,note"` → (parts, highlights_only); a one-sentence error if a part is unknown."""
    items = value.split(",") if isinstance(value, str) else list(value)
    names = [item.strip().lower() for item in items if item.strip()]
    if HIGHLIGHTS_ONLY in names:
        if len(names) > 1:
            raise ReaderError(Code.HIGHLIGHTS_ONLY_ALONE, part=HIGHLIGHTS_ONLY)
        return frozenset({"highlights"}), True
    unknown = [name for name in names if name not in PARTS]
    if unknown:
        raise ReaderError(Code.UNKNOWN_PART, value=unknown[0],
                          choices=f"{', '.join(PARTS)} or {HIGHLIGHTS_ONLY}")
    if not names:
        raise ReaderError(Code.NOTHING_TO_INCLUDE)
    return frozenset(names), False
