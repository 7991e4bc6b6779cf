"""What a facet count is, and the order facets list their values in (no numpy: the window,
the CLI and the research layer use these before any count is made; facet_counts.py counts)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

__all__ = ["FACET_NAMES", "UNDATED", "FacetCount", "ordered"]

#: The facet value of articles whose issue has no date (year and month facets).
UNDATED = "undated"
#: The facets `counts` returns, in the order a result list shows them.
FACET_NAMES = ("paper", "year", "month", "page", "column", "kind", "author", "tag")


@dataclass(frozen=True)
class FacetCount:
    """One value of a facet and how many of the matches have it."""

    value: str
    count: int


def ordered(name: str, counter: Counter[str] | dict[str, int], top: int | None = None
            ) -> list[FacetCount]:
    """Year and month oldest first (undated last); the others most frequent first (then by
    value), only the `top` first when `top` is given."""
    if name in ("year", "month"):
        rows = sorted(counter.items(), key=lambda r: (r[0] == UNDATED, r[0]))
    else:
        rows = sorted(counter.items(), key=lambda r: (-r[1], r[0]))
        if top is not None:
            rows = rows[:top]
    return [FacetCount(str(value), count) for value, count in rows]
