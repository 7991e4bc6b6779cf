"""The `reader` commands that say where pages are from: issue, page, paper.

    reader issue ID [--paper NAME] [--date DATE] [--edition NAME] [--json]
    reader page ID... [--number N] [--name NAME] [--paper NAME] [--date DATE] [--edition NAME]
    reader paper [NAME] [--rename NEW] [--json]

Without a field to set, `issue` and `page` print what they name (an issue with its
pages; pages), `paper` lists the papers (or one paper's years).  With fields, the
command sets them as the user's (they win over the parser's and survive
re-imports: `session.metadata`), then prints the result.  An empty value (`--name
""`) gives the parser's value back.  An unknown id or a bad date is one sentence on
stderr and exit 1 (`reader.cli`); a malformed option is argparse's exit 2.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from reader.app.display import display_date, page_label
from reader.catalogue import Code
from reader.errors import ReaderError
from reader.library.page_meta import KEEP, PageEdit
from reader.models import IssueRecord, PageRecord
from reader.plural import counted

if TYPE_CHECKING:
    from reader.app import Session

#: The commands this module answers (`reader.cli` dispatches on them).
COMMANDS = ("issue", "page", "paper")


def register(commands: argparse._SubParsersAction) -> None:
    """Add the issue, page and paper commands to `reader`'s subcommands."""
    issue = commands.add_parser("issue", help="show an issue with its pages, or set its paper, "
                                              "date or edition")
    issue.add_argument("id", type=int, metavar="ID", help="the issue's id (reader list)")
    _add_issue_fields(issue)
    issue.add_argument("--json", action="store_true", help="print JSON instead of text")

    page = commands.add_parser("page", help="show pages, or set their number, name, paper, "
                                            "date or edition (several pages at once)")
    page.add_argument("ids", type=int, nargs="+", metavar="ID", help="one or more page ids")
    page.add_argument("--number", metavar="N", help="the page number (版次), e.g. 19")
    page.add_argument("--name", metavar="NAME", help="the page's name (版名), e.g. 党建")
    _add_issue_fields(page)
    page.add_argument("--json", action="store_true", help="print JSON instead of text")

    paper = commands.add_parser("paper", help="list the papers, or rename one (onto an "
                                              "existing name the two merge)")
    paper.add_argument("name", nargs="?", metavar="NAME",
                       help="the paper to show or rename (none: list the papers)")
    paper.add_argument("--rename", metavar="NEW", help="the paper's new name")
    paper.add_argument("--json", action="store_true", help="print JSON instead of text")


def _add_issue_fields(command: argparse.ArgumentParser) -> None:
    command.add_argument("--paper", metavar="NAME", help="the paper, e.g. 人民日报")
    command.add_argument("--date", metavar="DATE",
                         help="the issue date: 2025-01-07, 2025-01 or 2025")
    command.add_argument("--edition", metavar="NAME", help="the edition, e.g. 海外版")


def run(args: argparse.Namespace) -> int:
    """Run one of the commands; returns the exit code."""
    from reader.app import Session
    from reader.cli_library import terminal_progress
    from reader.paths import resolve_paths

    edit = _edit(args)  # a bad date or number fails before the library opens
    with Session.open(resolve_paths(args.library), progress=terminal_progress()) as session:
        if args.command == "issue":
            return _issue(session, args, edit)
        if args.command == "page":
            return _page(session, args, edit)
        return _paper(session, args)


def _edit(args: argparse.Namespace) -> PageEdit:
    """The fields given, as an edit; "" clears one (the parser's value shows again)."""
    if args.command == "paper":
        return PageEdit()
    from reader.ingest.pagemeta import parse_date, parse_page_number

    def text(value):
        return KEEP if value is None else (value.strip() or None)

    date = text(args.date)
    if isinstance(date, str):
        parsed = parse_date(date)
        if parsed is None:
            raise ReaderError(Code.NOT_A_DATE, date=date)
        date = parsed
    number = text(getattr(args, "number", None))
    if isinstance(number, str):
        parsed_number = parse_page_number(number)
        if parsed_number is None:
            raise ReaderError(Code.NOT_A_PAGE_NUMBER, number=number)
        number = parsed_number
    return PageEdit(paper=text(args.paper), date=date, edition=text(args.edition),
                    number=number, name=text(getattr(args, "name", None)))


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def page_json(page: PageRecord) -> dict:
    return {"id": page.id, "issue": page.issue_id, "paper": page.paper,
            "paper_known": page.paper_known, "date": page.date,
            "date_precision": page.date_precision, "date_source": page.date_source,
            "edition": page.edition, "number": page.number, "name": page.name,
            "title": page.title, "articles": page.article_count, "source": page.source_path,
            "user_set": sorted(page.user_fields)}


def _issue(session: Session, args, edit: PageEdit) -> int:
    from reader.cli_library import issue_json

    issue_id = args.id
    if not edit.empty:
        page_ids = session.library.issues.page_ids(issue_id)  # "No issue with id N."
        session.metadata.edit_issue(issue_id, edit)
        # Given the date of another issue of its paper, it merged into that one.
        issue_id = session.library.pages.get(page_ids[0]).issue_id
    issue = session.library.issues.get(issue_id)  # "No issue with id N." when unknown
    pages = session.library.pages.in_issue(issue.id)
    if args.json:
        _print_json(issue_json(issue, pages))
    else:
        print(_issue_line(issue))
        for page in pages:
            print(_page_line(page))
    return 0


def _page(session: Session, args, edit: PageEdit) -> int:
    ids = session.library.pages.require(args.ids)  # "No page with id N." when unknown
    if not edit.empty:
        session.metadata.edit_pages(ids, edit)
    pages = [session.library.pages.get(page_id) for page_id in ids]
    if args.json:
        _print_json([page_json(page) for page in pages])
    else:
        for page in pages:
            print(_page_line(page, with_issue=True))
    return 0


def _paper(session: Session, args) -> int:
    publications = session.library.publications
    if args.rename is not None:
        if args.name is None:
            raise ReaderError(Code.PAPER_NAME_EMPTY)
        renamed = session.metadata.rename_paper(publications.named(args.name).id, args.rename)
        verb = "merged into" if renamed.merged else "renamed to"
        if not args.json:
            print(f"{args.name.strip()} {verb} {renamed.name}")
    if args.name is not None and args.rename is None:
        paper = publications.named(args.name)
        years = publications.years(paper.id)
        if args.json:
            _print_json({"id": paper.id, "name": paper.name, "user_set": paper.user_set,
                         "placeholder": paper.placeholder, "issues": paper.issue_count,
                         "articles": paper.article_count,
                         "years": [{"year": y.year or None, "issues": y.issue_count,
                                    "articles": y.article_count} for y in years]})
        else:
            print(f"{paper.name}  ({counted(paper.issue_count, 'issue')}, "
                  f"{counted(paper.article_count, 'article')})")
            for year in years:
                print(f"  {year.year or '日期不详'}  {counted(year.issue_count, 'issue')}, "
                      f"{counted(year.article_count, 'article')}")
        return 0
    if args.json:
        _print_json([{"id": p.id, "name": p.name, "user_set": p.user_set,
                      "placeholder": p.placeholder, "issues": p.issue_count,
                      "articles": p.article_count} for p in publications.all()])
    elif args.rename is None:
        for p in publications.all():
            mark = "  (paper unknown)" if p.placeholder else ""
            print(f"{p.id:>5}  {p.name}  ({counted(p.issue_count, 'issue')}, "
                  f"{counted(p.article_count, 'article')}){mark}")
    return 0


def _issue_line(issue: IssueRecord) -> str:
    when = display_date(issue.date, issue.date_precision, issue.date_confirmed)
    edition = f" {issue.edition}" if issue.edition else ""
    return (f"issue {issue.id}: {issue.paper}{edition} · {when}  "
            f"({counted(issue.page_count, 'page')}, {counted(issue.article_count, 'article')})")


def _page_line(page: PageRecord, with_issue: bool = False) -> str:
    label = page_label(page.number, page.name) or "(版次不详)"
    user = f"  [set by you: {', '.join(sorted(page.user_fields))}]" if page.user_fields else ""
    where = ""
    if with_issue:
        when = display_date(page.date, page.date_precision, page.date_confirmed)
        where = f"  issue {page.issue_id}: {page.paper} · {when}"
    return f"  page {page.id}: {label}  ({counted(page.article_count, 'article')}){where}{user}"
