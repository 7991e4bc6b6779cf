"""The export formats, one entry each: a new format is one `ExportFormat` here.

An entry says everything the exporter, the CLI and the window need: the
name (`--format`, the remembered setting), the file suffix, the name the
window shows (Chinese, translated by the window), how one article is
rendered at a heading level, how rendered articles become one file, and
whether an article's heading goes one level down under a document heading.
`render_article` / `render_document` / `join_document` dispatch on
`ExportOptions.format` through `EXPORT_FORMATS`; nothing else compares
format names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.export.csl_styles import join_listed, join_numbered, render_apa, render_gbt7714
from reader.export.items import ExportItem
from reader.export.reference_formats import (
    join_bibtex,
    join_csljson,
    join_csv,
    join_ris,
    render_bibtex,
    render_csljson,
    render_csv,
    render_ris,
)
from reader.export.render import join_md, join_txt, render_md, render_txt

if TYPE_CHECKING:
    from reader.export.options import ExportOptions


@dataclass(frozen=True)
class ExportFormat:
    """One format the exporter writes."""

    name: str
    suffix: str
    #: What the window calls it: its Chinese source text, and the English of its translation
    #: (packaging/error_translations.py writes that into the .ts).
    title: str
    english_title: str
    render: Callable[[ExportItem, ExportOptions, int], str | None]
    join: Callable[[Sequence[str], str | None], str]
    #: Whether article headings go one level down when the file has a heading of its own.
    nests_under_heading: bool = False
    #: Whether the parts to include (body, note, …) shape the output; a reference format
    #: writes the same record whatever they are.
    uses_parts: bool = True


#: Every export format, the default first.
EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("txt", ".txt", "纯文本", "Plain text", render_txt, join_txt),
    ExportFormat("md", ".md", "Markdown", "Markdown", render_md, join_md,
                 nests_under_heading=True),
    # For reference managers (Zotero, EndNote, NoteExpress): one record per article.
    ExportFormat("ris", ".ris", "RIS 题录", "RIS references", render_ris, join_ris,
                 uses_parts=False),
    ExportFormat("csljson", ".json", "CSL-JSON 题录", "CSL-JSON references", render_csljson,
                 join_csljson, uses_parts=False),
    ExportFormat("bibtex", ".bib", "BibTeX 题录", "BibTeX references", render_bibtex,
                 join_bibtex, uses_parts=False),
    ExportFormat("csv", ".csv", "CSV 表格（元数据）", "CSV spreadsheet (metadata)", render_csv,
                 join_csv, uses_parts=False),
    # Reference lists rendered from CSL styles.
    ExportFormat("gbt7714", ".txt", "参考文献（GB/T 7714）", "Reference list (GB/T 7714)",
                 render_gbt7714, join_numbered, uses_parts=False),
    ExportFormat("apa", ".txt", "参考文献（APA）", "Reference list (APA)", render_apa,
                 join_listed, uses_parts=False),
)

#: The names `--format` and the settings file accept.
FORMATS = tuple(fmt.name for fmt in EXPORT_FORMATS)


def format_names() -> tuple[str, ...]:
    """The names of `EXPORT_FORMATS`, read when asked (a test may add a format)."""
    return tuple(fmt.name for fmt in EXPORT_FORMATS)


def export_format(name: str) -> ExportFormat:
    """The format called `name` (`ExportOptions` has validated it)."""
    return next(fmt for fmt in EXPORT_FORMATS if fmt.name == name)


def format_for_suffix(suffix: str) -> ExportFormat | None:
    """The format whose files end in `suffix` (".md", any case), or None."""
    return next((fmt for fmt in EXPORT_FORMATS if fmt.suffix == suffix.lower()), None)


def heading_level(options: ExportOptions, heading: str | None) -> int:
    """The heading level of each article: one down under the file's own heading, if nested."""
    nested = heading and export_format(options.format).nests_under_heading and not options.split
    return 2 if nested else 1


def render_article(item: ExportItem, options: ExportOptions, level: int = 1) -> str | None:
    """One article in the chosen format, ending in a newline; None if there is nothing to write."""
    text = export_format(options.format).render(item, options, level)
    return None if text is None else text + "\n"


def join_document(bodies: Sequence[str], options: ExportOptions,
                  heading: str | None = None) -> str:
    """Rendered articles (from `render_article`) as one file's text."""
    return export_format(options.format).join(bodies, heading)


def render_document(items: Sequence[ExportItem], options: ExportOptions,
                    heading: str | None = None) -> tuple[str, int]:
    """Every article in one file (with an optional heading); returns (text, articles written)."""
    level = heading_level(options, heading)
    bodies = [t for t in (render_article(item, options, level) for item in items) if t]
    return join_document(bodies, options, heading), len(bodies)
