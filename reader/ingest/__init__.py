"""Page files to `ParsedPage`: pure Python, standard library only.

`read_page(path)` decodes a file; `parse_page(text, source=...)` splits a
page into its items.  No I/O beyond reading the file, no Qt, no SQLite.
The package itself imports nothing until a name is asked for (PEP 562): the
window imports `ingest.pagemeta` at start-up, not the parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy_names import lazy_getattr

if TYPE_CHECKING:
    from reader.ingest.parser import PARSER_VERSION, explain_page, parse_page
    from reader.ingest.read import decode_page, read_page

#: Where each public name lives (loaded on first use).
_HOME_OF = {
    "PARSER_VERSION": "reader.ingest.parser",
    "explain_page": "reader.ingest.parser",
    "parse_page": "reader.ingest.parser",
    "decode_page": "reader.ingest.read",
    "read_page": "reader.ingest.read",
}


__getattr__ = lazy_getattr(__name__, _HOME_OF, globals())


__all__ = ["PARSER_VERSION", "decode_page", "explain_page", "parse_page", "read_page"]
