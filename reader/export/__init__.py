"""Export: articles (with their tags, notes and highlights) to plain text or Markdown files.

Qt-free and library-free: it works on `ArticleRecord`s and `IssueRecord`s
that `reader.app.exporting` fetches and wraps as `items.ExportItem`s.  One
job a module: `citation` (the GB/T 7714 line and "copy with citation"),
`options` (what the user chose), `ordering`, `render`
(txt and md text), `naming` (safe, unique file names), `writing` (atomic
writes that never overwrite unasked) and `exporting` (all of it together,
with progress and cancellation).
"""

from reader.export.citation import citation, copy_with_citation_text
from reader.export.exporting import ExportReport, Preview, preview, write_export
from reader.export.options import ExportOptions, parse_include
from reader.export.writing import ExportWriteError, TargetExistsError

__all__ = [
    "ExportOptions", "ExportReport", "ExportWriteError", "Preview", "TargetExistsError",
    "citation", "copy_with_citation_text", "parse_include", "preview", "write_export",
]
