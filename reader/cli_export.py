"""`reader export`: selected articles to a file (or a folder of them) for reading or citing.

    reader export [ID...] [--tag T] [--query Q] [--issue ID]
                  [--format txt|md|ris|csljson|bibtex|csv|gbt7714|apa]
                  [--split] [--include PARTS] [--order page|date|rank] -o PATH [--force]

Sources are joined (each article once).  The format follows `--format`, else
the suffix of PATH (.md, .ris, .json, .bib, .csv), else txt; the formats are
`reader.export.formats.EXPORT_FORMATS`.  Without `--force` nothing existing is
overwritten.  Prints every file written and the totals.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.catalogue import Code
from reader.errors import ReaderError
from reader.export.formats import export_format, format_for_suffix, format_names
from reader.export.options import HIGHLIGHTS_ONLY, ORDERS, PARTS
from reader.plural import counted


def register(commands) -> None:
    """Add the `export` command to the `reader` subparsers."""
    export = commands.add_parser(
        "export", help="export articles as text, Markdown, references (RIS, CSL-JSON, BibTeX), "
                       "CSV or a reference list",
        description="Export articles, an issue, a tag or search results: as text or Markdown "
                    "to read, as RIS, CSL-JSON or BibTeX records for Zotero, EndNote or "
                    "NoteExpress (one newspaper-article record each), as CSV metadata for a "
                    "spreadsheet, or as a GB/T 7714 or APA reference list.",
    )
    export.add_argument("ids", nargs="*", type=int, metavar="ID", help="article ids")
    export.add_argument("--tag", metavar="T", help="the articles carrying tag T")
    export.add_argument("--query", metavar="Q", help="the articles a search for Q finds")
    export.add_argument("--issue", type=int, metavar="ID", help="the articles of one issue")
    formats = format_names()
    export.add_argument("--format", choices=formats, metavar="FORMAT",
                        help=f"one of {', '.join(formats)} (default: from the suffix of PATH, "
                             f"else {formats[0]})")
    export.add_argument("--split", action="store_true",
                        help="write a folder with one file per article (PATH is the folder)")
    export.add_argument("--include", default=",".join(PARTS), metavar="PARTS",
                        help=f"comma list of {', '.join(PARTS)} (default: all), "
                             f"or {HIGHLIGHTS_ONLY}")
    export.add_argument("--order", choices=ORDERS,
                        help="page (issue, then page order), date (newest first) or rank "
                             "(as given; default for --query alone); default page")
    export.add_argument("-o", "--output", required=True, metavar="PATH",
                        help="the file to write, or with --split the folder")
    export.add_argument("--force", action="store_true", help="overwrite existing files")


def run(args: argparse.Namespace) -> int:
    """Run `reader export`; a `ReaderError` becomes the CLI's one-sentence error."""
    from reader.app.exporting import export_selection, resolve_selection
    from reader.cli_library import only_reads, open_session, terminal_progress
    from reader.export import ExportOptions, TargetExistsError, parse_include

    target = Path(args.output)
    suffix_format = format_for_suffix(target.suffix)
    fmt = args.format or (suffix_format.name if suffix_format else format_names()[0])
    if not args.split:
        if target.is_dir():
            raise ReaderError(Code.EXPORT_TARGET_IS_FOLDER, path=str(target))
        if not target.suffix:
            target = target.with_name(target.name + export_format(fmt).suffix)
    include, highlights_only = parse_include(args.include)
    only_query = args.query is not None and not (args.ids or args.tag or args.issue is not None)
    order = args.order or ("rank" if only_query else "page")
    options = ExportOptions(format=fmt, split=args.split, include=include,
                            highlights_only=highlights_only, order=order)
    progress = terminal_progress()
    with open_session(args.library, progress, not only_reads(args)) as session:
        selection = resolve_selection(session, ids=args.ids, tag=args.tag, query=args.query,
                                      issue=args.issue)
        try:
            report = export_selection(session, selection.ids, options, target, progress,
                                      overwrite=args.force, heading=selection.heading)
        except TargetExistsError as error:
            hint = (Code.EXISTS_FORCE_OVERWRITES if error.code == Code.EXISTS
                    else Code.EXISTS_MANY_FORCE_OVERWRITES)
            raise ReaderError(hint, **error.params) from None
    if args.split:
        for path in report.files:
            print(path)
    files = (f"{counted(len(report.files), 'file')} to {report.target}" if args.split
             else str(report.target))
    print(f"Wrote {files}: {counted(report.articles, 'article')}, "
          f"{counted(report.characters, 'character')}.")
    if report.skipped:
        print(f"Left out {counted(report.skipped, 'article')} without highlights.")
    return 0

