"""The `reader` commands that work on a library: import, list, show, search, stats, check, reindex.

Each command opens a `Session` (first run fills the library from the
seeds, with a progress bar on a terminal), makes one call, and prints a
readable form or, with --json, the contract of ../shared/DESIGN.md.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import TextIO

from reader.app import Session
from reader.app.display import display_date, display_origin, page_label, untitled
from reader.catalogue import Code, Message
from reader.errors import ReaderError
from reader.models import (
    ArticleOrigin,
    ArticleRecord,
    ImportResult,
    ImportStatus,
    IssueRecord,
    MatchKind,
    PageMeta,
    PageRecord,
)
from reader.paths import resolve_paths
from reader.plural import counted
from reader.progress import INDEXING, READING, Progress, no_progress
from reader.quotes import quoted

#: How a hit matched, in a word of the CLI's list.
_MATCH_MARKS = {MatchKind.WORD: "词语", MatchKind.SUBSTRING: "精确", MatchKind.NOTE: "笔记"}


def given_meta(args: argparse.Namespace) -> PageMeta:
    """The page metadata given on the command line (empty when none)."""
    return PageMeta(
        paper=(args.paper or "").strip() or None,
        date=args.date,
        page_number=args.page,
        page_name=(args.page_name or "").strip() or None,
    )


def terminal_progress(stream: TextIO | None = None,
                      clock: Callable[[], float] = time.monotonic) -> Progress:
    """A one-line progress bar on `stream` (stderr) if a terminal; silent when it is not.

    Past a few seconds of a stage (importing pages, then indexing) it says how long the
    rest will take at the pace so far: a million-article import runs for hours.
    """
    # stderr is looked up now, not at import: tests and callers may have redirected it.
    stream = stream if stream is not None else sys.stderr
    if not stream.isatty():
        return no_progress
    # The stage being timed: its name, when it started, how much was done then.
    stage: list = ["", clock(), 0]

    def report(done: int, total: int, label: str) -> None:
        name = label if label in (READING, INDEXING) else "importing"
        if name != stage[0] or done < stage[2]:
            stage[:] = [name, clock(), done]
        width = 30
        filled = width * done // total if total else width
        bar = "█" * filled + "·" * (width - filled)
        left = remaining(done - stage[2], total - done, clock() - stage[1])
        stream.write(f"\r{bar} {done}/{total} {left}{label[:40]:<40}")
        if total and done >= total:
            stream.write("\n")
        stream.flush()

    return report


def remaining(done: int, left: int, elapsed: float) -> str:
    """"about 3 min left · " at the pace of `done` items in `elapsed` seconds, or "" too early."""
    if done <= 0 or left <= 0 or elapsed < 3:
        return ""
    seconds = elapsed / done * left
    if seconds < 90:
        return f"about {max(1, round(seconds))} s left · "
    if seconds < 90 * 60:
        return f"about {round(seconds / 60)} min left · "
    return f"about {seconds / 3600:.1f} h left · "


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


#: Commands that only read the library (a search may still bring the index up to date):
#: they open it without the day's backup, which only a command that may change it needs
#: (at a million articles the copy would make the first `reader search` of a day wait
#: some 20 s).  A command with actions names those of its actions that only read (None:
#: the command without an action).
_READING = {"list", "show", "search", "stats", "check", "reindex", "export", "kwic", "trend",
            "tags", "notes", "highlights", "backup", "corrections"}
_READING_ACTIONS: dict[str, set[str | None]] = {"searches": {None}, "annotations": {"export"}}


def only_reads(args: argparse.Namespace) -> bool:
    """Whether the command `args` asks for leaves the library as it is."""
    command = getattr(args, "command", None)
    if command in _READING_ACTIONS:
        return getattr(args, "action", None) in _READING_ACTIONS[command]
    return command in _READING


def open_session(library: str | None, progress: Progress = no_progress,
                 daily_backup: bool = True) -> Session:
    """Open the library's session; what opening found (read-only, damage) goes to stderr.
    `daily_backup`: make the day's backup first (a command that may change the library)."""
    session = Session.open(resolve_paths(library), progress=progress,
                           daily_backup=daily_backup)
    for notice in session.notices:
        print(f"reader: {notice}", file=sys.stderr)
    return session


def run_library_command(args: argparse.Namespace) -> int:
    progress = terminal_progress()
    with open_session(args.library, progress, not only_reads(args)) as session:
        command = args.command
        if command == "import":
            return _import(session, args, progress)
        if command == "list":
            return _list(session, args)
        if command == "show":
            return _show(session, args)
        if command == "search":
            return _search(session, args, progress)
        if command == "stats":
            return _stats(session, args)
        if command == "check":
            return _check(session, args)
        if command == "reindex":
            report = session.reindex(progress)
            print(f"Indexed {counted(report.added, 'article')}.")
            return 0
    raise AssertionError(f"unhandled command {command}")


def _import(session: Session, args, progress: Progress) -> int:

    results = session.import_paths(args.paths, reparse=args.reparse, progress=progress,
                                   given=given_meta(args) or None)
    report = session.ensure_index(progress)
    if args.json:
        # The English `message` is the failure's text; its code object stays in Python.
        _print_json([{k: v for k, v in asdict(r).items() if k != "error"} for r in results])
    else:
        for result in results:
            print(_describe_import(result))
    if report.message:
        print(report.message, file=sys.stderr)
    failed = [r for r in results if r.status == ImportStatus.FAILED]
    if not results:
        print(f"reader: {Message.of(Code.NO_PAGE_FILES)}", file=sys.stderr)
        return 1
    return 1 if failed else 0


def _describe_import(result: ImportResult) -> str:
    if result.status == ImportStatus.FAILED:
        return f"failed            {result.path}: {result.message}"
    count = f" ({counted(result.articles, 'article')})" if result.articles else ""
    return f"{result.status:<17} {result.path}{count}"


def _list(session: Session, args) -> int:
    library = session.library
    if args.issue is not None:
        library.issues.get(args.issue)  # raises "No issue with id N." when unknown
        articles = library.articles.in_issue(args.issue)
        rows = [{"id": a.id, "kind": a.kind, "column": a.column, "title": a.title,
                 "page": a.page_id, "page_number": a.page_number, "page_name": a.page_name}
                for a in articles]
        if args.json:
            _print_json(rows)
        else:
            page = None
            for a in articles:
                if a.page_id != page:
                    page = a.page_id
                    label = page_label(a.page_number, a.page_name) or "(版次不详)"
                    print(f"  page {a.page_id}: {label}")
                column = f"[{a.column}] " if a.column else ""
                title = a.title or untitled(a.paragraphs)
                print(terminal_safe(f"{a.id:>6}  {a.kind:<10} {column}{title}"))
        return 0
    issues = library.issues.all()
    pages = library.pages.in_issues(i.id for i in issues)
    if args.json:
        _print_json([issue_json(i, pages.get(i.id, [])) for i in issues])
    else:
        for i in issues:
            print(terminal_safe(
                f"{i.id:>5}  {display_date(i.date, i.date_precision, i.date_confirmed):<12} "
                f"{i.title}  ({counted(i.article_count, 'article')})"))
            if i.page_count > 1 or i.paper_known:
                for p in pages.get(i.id, []):
                    label = page_label(p.number, p.name) or p.title
                    print(terminal_safe(
                        f"{'':>7}page {p.id}: {label}  ({counted(p.article_count, 'article')})"))
    return 0


def issue_json(issue: IssueRecord, pages: list[PageRecord]) -> dict:
    """One issue as `reader list --json` prints it (the contract of issue 14)."""
    return {"id": issue.id, "paper": issue.paper, "paper_known": issue.paper_known,
            "date": issue.date, "date_precision": issue.date_precision,
            "date_source": issue.date_source, "edition": issue.edition, "title": issue.title,
            "articles": issue.article_count,
            "pages": [{"id": p.id, "number": p.number, "name": p.name,
                       "articles": p.article_count, "source": p.source_path,
                       "user_set": sorted(p.user_fields)} for p in pages]}


def article_json(article: ArticleRecord) -> dict:
    return {
        "id": article.id,
        "issue": article.issue_id,
        "kind": article.kind,
        "column": article.column,
        "series": article.series,
        "title": article.title,
        "subtitle": article.subtitle,
        "authors": [asdict(a) for a in article.authors],
        "subheads": list(article.subheads),
        "paragraphs": list(article.paragraphs),
        "entries": [asdict(e) for e in article.entries],
        "tags": list(article.tags),
        "note": article.note,
        "highlights": [asdict(h) for h in article.highlights],
        "corrected": article.corrected,
        **origin_json(article.page_id, article.origin),
    }


def origin_json(page_id: int | None, origin: ArticleOrigin | None) -> dict:
    """Where an article is from, as `show --json` and `search --json` add it."""
    if origin is None:
        return {}
    return {"page": page_id, "paper": origin.paper, "date": origin.date,
            "date_precision": origin.date_precision, "page_number": origin.page_number,
            "page_name": origin.page_name, "origin": display_origin(origin)}


def _show(session: Session, args) -> int:
    article = session.library.articles.get(args.id)
    if args.json:
        _print_json(article_json(article))
        return 0
    print(terminal_safe(format_article(article)))
    return 0


#: C0 and C1 control characters but the line break and the tab: a page (or a note) holding
#: ESC sequences must not recolour, retitle or clear the user's terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """`text` with its control characters shown as \\xNN instead of sent to the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def format_article(article: ArticleRecord) -> str:
    lines = [f"#{article.id}  {display_origin(article.origin, column=False)}  ({article.kind})"]
    if article.column or article.series:
        lines.append(" · ".join(x for x in (article.column, article.series) if x))
    if article.subtitle:
        lines.append(article.subtitle)
    lines.append((article.title or "(无标题)") + ("  [corrected]" if article.corrected else ""))
    if article.authors:
        lines.append("  ".join(f"{a.role} {a.name}" for a in article.authors))
    lines.append("")
    lines.extend(article.paragraphs)
    for entry in article.entries:
        lines.append(f"• {entry.text}" + (f"  ({entry.source})" if entry.source else ""))
    if article.defects:
        lines.append("")
        lines.append("extraction: " + ", ".join(article.defects))
    if article.tags:
        lines.append("tags: " + ", ".join(article.tags))
    if article.note:
        lines.append("note: " + article.note)
    for h in article.highlights:
        flag = " (orphaned)" if h.orphaned else ""
        lines.append(f"highlight{flag}: {quoted(h.quote)}" + (f" — {h.note}" if h.note else ""))
    return "\n".join(lines)


def _search(session: Session, args, progress: Progress) -> int:
    if args.limit < 1:
        raise ReaderError(Code.LIMIT_TOO_SMALL)
    report = session.ensure_index(progress)
    if report.message:
        print(report.message, file=sys.stderr)
    found = session.research(" ".join(args.query), limit=args.limit, sort=args.sort,
                             with_facets=args.json)
    outcome = found.outcome
    for notice in outcome.notices:
        print(f"note: {notice}", file=sys.stderr)
    if args.json:
        _print_json({
            "query": outcome.query, "total": outcome.total,
            "hits": [{"id": h.id, "issue": h.issue, "title": h.title, "column": h.column,
                      "kind": h.kind, "score": h.score, "match": h.match, "snippet": h.snippet,
                      **origin_json(h.page, h.origin)}
                     for h in outcome.hits],
            "sort": found.sort,
            "facets": found.facets_json(),
        })
        return 0
    if not outcome.hits:
        print(f"No articles match {outcome.query}.")
        return 0
    print(f"{counted(outcome.total, 'article')} {'matches' if outcome.total == 1 else 'match'} "
          f"{outcome.query}"
          + (f" (showing {len(outcome.hits)})" if outcome.total > len(outcome.hits) else ""))
    for hit in outcome.hits:
        mark = _MATCH_MARKS.get(hit.match, hit.match)
        label = f"[{hit.column}] " if hit.column else ""
        print(terminal_safe(f"{hit.id:>6}  {label}{hit.title}  — {hit.issue_title}  ({mark})"))
        print(terminal_safe(f"        {hit.snippet}"))
    return 0


def _stats(session: Session, args) -> int:
    stats = session.library.stats()
    index = session.index
    index_info = {"state": index.state, "documents": index.doc_count,
                  "in_step": index.stamp == str(session.library.generation())}
    data = {"issues": stats["issues"], "articles": stats["articles"], "tags": stats["tags"],
            "notes": stats["notes"], "highlights": stats["highlights"], "index": index_info}
    if args.json:
        _print_json(data)
    else:
        for key in ("issues", "articles", "tags", "notes", "highlights"):
            print(f"{key:<11}{data[key]}")
        state = "in step" if index_info["in_step"] else "needs catching up"
        print(f"{'index':<11}{index_info['documents']} documents, {state}")
    return 0


def _check(session: Session, args) -> int:
    report = session.check()
    if args.json:
        _print_json({**asdict(report), "ok": report.ok})
    elif not report.library_ok:
        print(f"library: damaged: {report.library_message}")
        print("Save what can still be read: `reader annotations export FILE.json` keeps your "
              "tags, notes and highlights; `reader backup PATH` copies the library.")
    else:
        print(f"library: {report.library_message}")
        if report.old_page_size is not None:
            print(f"library: stored in {report.old_page_size // 1024} KB pages, as older "
                  "libraries were; `reader compact` rewrites it in the new form, about an "
                  "eighth smaller for a large library.")
        print(f"index:   {counted(report.indexed, 'document')} for "
              f"{counted(report.articles, 'article')}; "
              f"{report.missing_from_index} missing, {report.outdated_in_index} outdated, "
              f"{report.stale_in_index} stale")
        if report.index_problem:
            print(f"index:   damaged: {report.index_problem}")
        if not report.index_in_step and report.index_differs:
            print("The index is behind the library; the next search brings it up to date.")
        print("OK" if report.ok else "Run `reader reindex` to repair the index.")
    return 0 if report.ok else 1
