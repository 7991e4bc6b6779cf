"""The `reader` commands for research: saved searches, the concordance and trends.

    reader searches [--json]                      the saved searches with their counts now
    reader searches save NAME QUERY…              save (or replace) a search
    reader searches rename OLD NEW
    reader searches delete NAME
    reader kwic QUERY… [--width N] [--limit N] [--csv]
    reader trend TERM… [--by month|year] [--filter Q] [--csv]

`register` adds them to the parser of `reader.cli`; `run` opens a `Session`, makes one
call into `reader.app` and prints a readable form, CSV or JSON.
"""

from __future__ import annotations

import argparse
import json
import sys

from reader.paths import resolve_paths
from reader.plural import counted

#: The commands this module answers (`reader.cli` dispatches on them).
COMMANDS = ("searches", "kwic", "trend")


def register(commands) -> None:
    searches = commands.add_parser("searches", help="saved searches (收藏的检索) with live counts")
    searches.add_argument("--json", action="store_true", help="list the saved searches as JSON")
    actions = searches.add_subparsers(dest="action", metavar="ACTION")
    save = actions.add_parser("save", help="save QUERY under NAME (replaces that name's query)")
    save.add_argument("name", metavar="NAME", help="the name it is listed under")
    save.add_argument("query", nargs="+", metavar="QUERY",
                      help="words and filters, as typed in the search bar")
    save.add_argument("--sort", choices=("relevance", "newest", "oldest"), default="relevance",
                      help="the order of its results (default: relevance)")
    rename = actions.add_parser("rename", help="rename a saved search")
    rename.add_argument("old", metavar="OLD", help="the saved search's name now")
    rename.add_argument("new", metavar="NEW", help="its new name")
    delete = actions.add_parser("delete", help="delete a saved search")
    delete.add_argument("name", metavar="NAME", help="the saved search to delete")

    kwic = commands.add_parser(
        "kwic", help="every occurrence of the query's words in context (a concordance)")
    kwic.add_argument("query", nargs="+", metavar="QUERY",
                      help="words and filters; every occurrence of its words is listed")
    kwic.add_argument("--width", type=_positive, default=20, metavar="N",
                      help="characters of context on each side (default 20)")
    kwic.add_argument("--limit", type=int, default=0, metavar="N",
                      help="at most N lines (default: all)")
    kwic.add_argument("--csv", action="store_true", help="CSV: article,date,left,hit,right")

    trend = commands.add_parser("trend", help="how often terms occur per month or year")
    trend.add_argument("terms", nargs="+", metavar="TERM", help="the terms to count (one line each)")
    trend.add_argument("--by", choices=("month", "year"), default="year",
                       help="count per month or per year (default: year)")
    trend.add_argument("--filter", default="", metavar="Q",
                       help="only articles matching these filters/words, e.g. 'column:观潮'")
    trend.add_argument("--csv", action="store_true",
                       help="CSV: period,term,occurrences,articles,per_1000_articles")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 1")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from reader.app import Session
    from reader.cli_library import only_reads, terminal_progress

    progress = terminal_progress()
    with Session.open(resolve_paths(args.library), progress=progress,
                      daily_backup=not only_reads(args)) as session:
        report = session.ensure_index(progress)
        if report.message:
            print(report.message, file=sys.stderr)
        if args.command == "searches":
            return _searches(session, args)
        if args.command == "kwic":
            return _kwic(session, args)
        return _trend(session, args)


def _searches(session, args) -> int:
    action = getattr(args, "action", None)
    if action == "save":
        session.searches.save(args.name, " ".join(args.query), args.sort)
        print(f"Saved “{' '.join(args.name.split())}”.")
        return 0
    if action == "rename":
        session.searches.rename(args.old, args.new)
        print(f"Renamed “{args.old}” to “{args.new}”.")
        return 0
    if action == "delete":
        session.searches.delete(args.name)
        print(f"Deleted “{args.name}”.")
        return 0
    counted = session.searches.with_counts(session.index)
    if args.json:
        print(json.dumps([{"name": c.saved.name, "query": c.saved.query, "sort": c.saved.sort,
                           "count": c.count} for c in counted], ensure_ascii=False, indent=2))
        return 0
    if not counted:
        print("No saved searches. Save one with: reader searches save NAME QUERY")
    for c in counted:
        print(f"{c.count:>7}  {c.saved.name}  — {c.saved.query}")
    return 0


def _kwic(session, args) -> int:
    from reader.app.concordance import concordance, kwic_csv, kwic_text

    found = concordance(session.library, session.index, " ".join(args.query), args.width,
                        max(0, args.limit))
    if args.csv:
        sys.stdout.write(kwic_csv(found.lines))
        return 0
    if not found.lines:
        print(f"No occurrences of {found.query}.")
        return 0
    sys.stdout.write(kwic_text(found.lines, args.width))
    more = " (more not shown)" if found.truncated else ""
    print(f"{counted(len(found.lines), 'occurrence')} in {counted(found.articles, 'article')}"
          f"{more}.", file=sys.stderr)
    return 0


def _trend(session, args) -> int:
    from reader.app.trends import trend, trend_csv

    result = trend(session.library, session.index, args.terms, args.by, args.filter)
    if args.csv:
        sys.stdout.write(trend_csv(result))
        return 0
    width = max((len(t) for t in result.terms), default=4)
    print(f"{'period':<8} {'term':<{width}} {'occurrences':>11} {'articles':>8} {'per 1000':>9}")
    for p in result.points:
        print(f"{p.period:<8} {p.term:<{width}} {p.occurrences:>11} {p.articles:>8} "
              f"{p.per_1000_articles:>9g}")
    return 0
