"""How values the user types are normalised before they are stored or compared.

Tag names (NFKC, so full- and half-width forms never make two tags), colours
(a name or #rgb / #rrggbb) and ISO date prefixes (their shape says their
precision).  Shared by the tag, highlight, issue and transfer managers.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date as _date

from reader.catalogue import Code
from reader.library.errors import LibraryError

#: The precision an ISO prefix of each length implies.
_PRECISION_OF = {
    re.compile(r"\d{4}"): "year",
    re.compile(r"\d{4}-\d{2}"): "month",
    re.compile(r"\d{4}-\d{2}-\d{2}"): "day",
}

#: A colour as the window stores it: a name (yellow, red …) or #rgb / #rrggbb.
_COLOR = re.compile(r"[a-z]{1,20}|#[0-9a-f]{3}|#[0-9a-f]{6}")


def normalize_tag(name: str) -> str:
    """A tag as stored and compared: NFKC (full-width ＡＢＣ → ABC), trimmed, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).split())


def tag_names(names) -> list[str]:
    """Normalised, de-duplicated, non-blank tag names in the order given."""
    return [n for n in dict.fromkeys(normalize_tag(name) for name in names) if n]


def date_precision_of(value: str) -> str | None:
    """"year", "month" or "day" for a valid ISO prefix, else None."""
    for pattern, precision in _PRECISION_OF.items():
        if pattern.fullmatch(value):
            parts = [int(p) for p in value.split("-")] + [1, 1]
            try:
                _date(parts[0], parts[1], parts[2])
            except ValueError:
                return None
            return precision
    return None


def normalize_color(color: str | None) -> str | None:
    """A tag or highlight colour, lower-cased; None for blank; LibraryError if it is not one."""
    if color is None or not color.strip():
        return None
    value = color.strip().lower()
    if not _COLOR.fullmatch(value):
        raise LibraryError(Code.NOT_A_COLOR, color=color)
    return value
