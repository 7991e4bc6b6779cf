"""Export: articles (with their tags, notes and highlights) to plain text or Markdown files.

Qt-free and library-free: it works on `ArticleRecord`s and `IssueRecord`s
that `reader.app.exporting` fetches and wraps as `items.ExportItem`s.  One
job a module: `citation` (the GB/T 7714 line and "copy with citation"),
`options` (what the user chose), `ordering`, `render`
(txt and md text), `naming` (safe, unique file names), `writing` (atomic
writes that never overwrite unasked) and `exporting` (all of it together,
with progress and cancellation).  The package itself imports nothing until
a name is asked for (PEP 562): the window reads `formats` and `options` to
draw itself and loads the rest when the reader exports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy_names import lazy_getattr

if TYPE_CHECKING:
    from reader.export.citation import citation, copy_with_citation_text
    from reader.export.exporting import ExportReport, Preview, preview, write_export
    from reader.export.options import ExportOptions, parse_include
    from reader.export.writing import ExportWriteError, TargetExistsError

#: Where each public name lives (loaded on first use).
_HOMES = {
    "reader.export.citation": ("citation", "copy_with_citation_text"),
    "reader.export.exporting": ("ExportReport", "Preview", "preview", "write_export"),
    "reader.export.options": ("ExportOptions", "parse_include"),
    "reader.export.writing": ("ExportWriteError", "TargetExistsError"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


__getattr__ = lazy_getattr(__name__, _HOME_OF, globals())


__all__ = [
    "ExportOptions", "ExportReport", "ExportWriteError", "Preview", "TargetExistsError",
    "citation", "copy_with_citation_text", "parse_include", "preview", "write_export",
]
