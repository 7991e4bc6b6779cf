"""Page files to `ParsedPage`: pure Python, standard library only.

`read_page(path)` decodes a file; `parse_page(text, source=...)` splits a
page into its items.  No I/O beyond reading the file, no Qt, no SQLite.
"""

from reader.ingest.parser import PARSER_VERSION, explain_page, parse_page
from reader.ingest.read import decode_page, read_page

__all__ = ["PARSER_VERSION", "decode_page", "explain_page", "parse_page", "read_page"]
