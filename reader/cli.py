"""The `reader` command: argument parsing, one call into the core, error translation.

Exit codes (../shared/DESIGN.md): 0 success, 1 a user error (bad file, unknown id),
2 bad usage (argparse's own).  Errors are one sentence on stderr.
"""

from __future__ import annotations

import argparse
import gc
import json
import sqlite3
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader import __version__
from reader.errors import ReaderError, environment_message

if TYPE_CHECKING:
    from reader.models import Item, ParsedPage

# The subcommands' modules (cli_annotations, cli_metadata, cli_fix, cli_help) are imported
# where the parser is built or a command runs: `reader` alone opens the window without
# them (issue 17: window shown ≤ 0.4 s).


def build_parser() -> argparse.ArgumentParser:
    from reader import cli_annotations, cli_fix, cli_help, cli_metadata

    parser = argparse.ArgumentParser(
        prog="reader", description=cli_help.MAIN_DESCRIPTION, epilog=cli_help.MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument(
        "--library", metavar="DIR",
        help="the library folder (default: READER_LIBRARY, else the platform data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                     title="commands (none: open the window)")
    parse = commands.add_parser(
        "parse", help="show how a page file splits into items; changes nothing"
    )
    parse.add_argument("file", metavar="FILE", help="a page file (UTF-8, UTF-16 or GB18030 text)")
    parse.add_argument("--json", action="store_true", help="print the JSON contract instead")
    parse.add_argument(
        "--explain", action="store_true",
        help="print each line with the cue the parser saw and the decision it made",
    )
    _add_page_meta_options(parse)

    imp = commands.add_parser("import", help="import page files or folders; idempotent")
    imp.add_argument("paths", nargs="+", metavar="PATH",
                     help="page files (.txt, .md) or folders of them")
    _add_page_meta_options(imp)
    imp.add_argument("--reparse", action="store_true",
                     help="parse again files already imported (keeps tags, notes, highlights)")
    imp.add_argument("--json", action="store_true", help="print what each file became as JSON")

    lst = commands.add_parser("list", help="issues, or the articles of one issue, with ids")
    lst.add_argument("--issue", type=int, metavar="ID", help="list this issue's articles")
    lst.add_argument("--json", action="store_true", help="print JSON instead of a table")

    show = commands.add_parser("show", help="one article with its tags, note and highlights")
    show.add_argument("id", type=int, metavar="ID", help="the article's id (reader list)")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")

    search = commands.add_parser(
        "search", help="search the library: words, phrases, OR, -word, filters like tag:",
        description=cli_help.SEARCH_DESCRIPTION, epilog=cli_help.search_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    search.add_argument("query", nargs="+", metavar="QUERY",
                        help="words and filters (quote a phrase: '\"基层 治理\"')")
    search.add_argument("--limit", type=int, default=20, metavar="N",
                        help="show at most N results (default 20)")
    search.add_argument("--sort", choices=("relevance", "newest", "oldest"), default="relevance",
                        help="the order of the results (default: relevance)")
    search.add_argument("--json", action="store_true", help="print the results as JSON")

    stats = commands.add_parser("stats", help="counts of issues, articles, annotations")
    stats.add_argument("--json", action="store_true", help="print JSON instead of text")
    check = commands.add_parser("check", help="check the library and the index agree")
    check.add_argument("--json", action="store_true", help="print JSON instead of text")
    commands.add_parser("reindex", help="rebuild the search index from the library")
    cli_annotations.register(commands)
    cli_metadata.register(commands)
    cli_fix.register(commands)

    from reader.cli_export import register as register_export
    from reader.cli_research import register as register_research

    register_export(commands)
    from reader import cli_restore

    cli_restore.register(commands)
    register_research(commands)
    return parser


def _add_page_meta_options(command: argparse.ArgumentParser) -> None:
    """--paper/--date/--page/--page-name: what the user says of the page(s); wins over the
    page's header line, its file name and a page.json beside it."""
    from reader.ingest.pagemeta import parse_date, parse_page_number

    def date(text: str) -> str:
        value = parse_date(text)
        if value is None:
            raise argparse.ArgumentTypeError(f"{text!r} is not a date (write 2025-01-07)")
        return value

    def page(text: str) -> int:
        value = parse_page_number(text)
        if value is None:
            raise argparse.ArgumentTypeError(f"{text!r} is not a page number (write 19)")
        return value

    group = command.add_argument_group("page metadata (wins over the header, file name and page.json)")
    group.add_argument("--paper", metavar="NAME", help="the paper, e.g. 人民日报")
    group.add_argument("--date", type=date, metavar="DATE",
                       help="the issue date: 2025-01-07, 2025-01 or 2025")
    group.add_argument("--page", type=page, metavar="N",
                       help="the page number (版次), e.g. 19; one file only")
    group.add_argument("--page-name", metavar="NAME", help="the page's name (版名), e.g. 党建")


def window_request(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, library or None) when the arguments only open the window: none, or
    `--library DIR` / `--library=DIR`.  That path skips building the parser, whose
    commands import most of the command line (issue 17: window shown ≤ 0.4 s); any other
    argument, abbreviations and mistakes included, goes through argparse."""
    args = list(argv)
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--library" and not args[1].startswith("-"):
        return True, args[1]
    if len(args) == 1 and args[0].startswith("--library=") and len(args[0]) > len("--library="):
        return True, args[0].removeprefix("--library=")
    return False, None


def pause_collector() -> None:
    """Pause Python's cycle collector while the window starts (`reader.ui.main.start`
    resumes it with the first answer, or a few seconds after the start at the latest:
    `reader.ui.main.resume_collector`).

    Starting the window and its first search allocate a few hundred thousand objects that
    live on (modules, widgets, the index's tables): the collector would walk them some 150
    times for nothing, 30-50 ms of CPU before the first answer (issue 17)."""
    gc.disable()


def main(argv: Sequence[str] | None = None) -> int:
    window, library = window_request(sys.argv[1:] if argv is None else argv)
    if window:
        pause_collector()
        # Qt's plugin check (`ldd`, 20-40 ms) runs beside the window's imports.
        from reader.ui.platform_check import early_check

        check = early_check()
        from reader.ui.main import run

        return run(library, check)
    parser = build_parser()
    args = parser.parse_args(argv)
    _refuse_undecodable_text(parser, args)
    if args.command == "import" and args.page is not None:
        from reader.app.importing import expand_paths

        count = len(expand_paths(args.paths))
        if count > 1:
            # One page number for several pages cannot be right: refuse before importing.
            parser.error(f"--page names one page; it cannot be given for {count} files.")
    if args.command is None:
        # No command: open the window (Qt is imported only here).
        from reader.ui.main import run

        return run(args.library)
    try:
        return _run(args)
    except ReaderError as error:
        print(f"reader: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `reader parse … | head`
        return 0
    except KeyboardInterrupt:
        print("reader: interrupted.", file=sys.stderr)
        return 130
    except (sqlite3.Error, OSError) as error:
        # The environment failed (a full disk, a read-only folder, a library locked by
        # another program): one sentence, as for the user's own errors.  Anything
        # else is a bug and keeps its traceback.
        message = environment_message(error, where=_library_folder(args))
        if message is None:
            raise
        print(f"reader: {message}", file=sys.stderr)
        return 1


#: Arguments that name files: bytes that are not UTF-8 are a valid file name there.
_PATH_ARGUMENTS = frozenset({"library", "file", "paths", "path", "output"})


def _refuse_undecodable_text(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """A query, tag or note holding bytes that are not UTF-8 (Python keeps them as lone
    surrogates) cannot be searched or stored: bad usage, said before anything runs."""
    from reader.ingest.read import shown_path

    for name, value in vars(args).items():
        if name in _PATH_ARGUMENTS:
            continue
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not text.isascii():
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    parser.error(f"“{shown_path(text)}” is not valid UTF-8 text")


def _library_folder(args: argparse.Namespace):
    from reader.paths import resolve_paths

    try:
        return resolve_paths(args.library).library_dir
    except (OSError, RuntimeError):
        return None


def _run(args: argparse.Namespace) -> int:
    from reader import cli_annotations, cli_fix, cli_metadata

    if args.command == "parse":
        from reader.cli_library import given_meta
        from reader.ingest import explain_page, parse_page, read_page
        from reader.ingest.read import shown_path
        from reader.ingest.sidecar import read_sidecar

        user, sidecar, source = given_meta(args), read_sidecar(args.file), shown_path(args.file)
        if args.explain:
            from reader.ingest.trace import format_explanation

            page, decisions = explain_page(read_page(args.file), source=source, user=user,
                                           sidecar=sidecar)
            print(format_explanation(decisions))
            return 0
        page = parse_page(read_page(args.file), source=source, user=user, sidecar=sidecar)
        if args.json:
            print(json.dumps(page.to_json_dict(), ensure_ascii=False, indent=2))
        else:
            print(format_outline(page))
        return 0
    if args.command in cli_annotations.COMMANDS:
        return cli_annotations.run(args)
    if args.command in cli_metadata.COMMANDS:
        return cli_metadata.run(args)
    if args.command in cli_fix.COMMANDS:
        return cli_fix.run(args)
    if args.command == "export":
        from reader.cli_export import run as run_export

        return run_export(args)
    if args.command in ("restore", "compact"):
        from reader import cli_restore

        return cli_restore.run(args)
    if args.command in ("searches", "kwic", "trend"):
        from reader.cli_research import run as run_research

        return run_research(args)
    from reader.cli_library import run_library_command

    return run_library_command(args)


def format_outline(page: ParsedPage) -> str:
    """A readable outline of a parsed page: one block per item."""
    date = page.date
    when = f"{date.value} ({date.precision}, {page.date_source})" if date.value else "unknown"
    number = f"第{page.page_number}版" if page.page_number else None
    where = " ".join(x for x in (number, page.page_name) if x) or "—"
    head = [f"{page.source}",
            f"  paper: {page.paper or '—'}   page: {where}   date: {when}"]
    if page.header:
        head.append(f"  header: {' / '.join(page.header.splitlines())}")
    if date.evidence:
        head.append(f"  date evidence: {'; '.join(date.evidence)}")
    lines = head + [f"  items: {len(page.items)}", ""]
    for place, item in enumerate(page.items, start=1):
        lines.extend(_outline_item(place, item))
    if page.credits:
        lines.append("page credits: " + ", ".join(f"{c.role} {c.name}" for c in page.credits))
    if page.unassigned:
        lines.append(f"unassigned lines ({len(page.unassigned)}):")
        lines.extend(f"  {text}" for text in page.unassigned)
    return "\n".join(lines).rstrip()


def _outline_item(number: int, item: Item) -> list[str]:
    labels = " ".join(f"[{x}]" for x in (item.column, item.series) if x)
    title = item.title or f"(无标题) {(item.paragraphs or [''])[0][:16]}…"
    out = [f"{number:2}. {item.kind:<10} {labels + ' ' if labels else ''}{title}"]
    if item.subtitle:
        out.append(f"    kicker: {item.subtitle}")
    if item.authors:
        out.append("    byline: " + " · ".join(f"{a.role} {a.name}" for a in item.authors))
    body = []
    if item.paragraphs:
        n = len(item.paragraphs)
        body.append(f"{n} paragraph" + ("s" if n > 1 else ""))
    if item.subheads:
        body.append(f"{len(item.subheads)} subheads")
    if item.entries:
        body.append(f"{len(item.entries)} entries")
    out.append("    " + (", ".join(body) if body else "no body"))
    if item.defects:
        counts = Counter(d.split(":")[0] for d in item.defects)
        text = ", ".join(f"{d} ×{n}" if n > 1 else d for d, n in counts.items())
        out.append(f"    defects: {text}")
    return out


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
