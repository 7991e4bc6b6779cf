"""The `reader` commands for the user's annotations: tag, untag, tags, note, notes, highlights,
backup, annotations export / import.

`register` adds them to the parser of `reader.cli`; `run` opens a `Session`,
makes one call and prints a readable form or, with --json, plain JSON.
Errors are `ReaderError`s, which `reader.cli` turns into one sentence and exit 1.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import unicodedata
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from reader.atomic import write_atomic
from reader.catalogue import Code, Message
from reader.errors import ReaderError, cannot_write
from reader.ingest.read import unreadable
from reader.models import AnnotationImportReport, Highlight
from reader.plural import counted
from reader.quotes import quoted

if TYPE_CHECKING:
    from reader.app import Session

#: The commands this module answers (`reader.cli` dispatches on them).
COMMANDS = ("tag", "untag", "tags", "note", "notes", "highlights", "backup", "annotations")


def register(commands: argparse._SubParsersAction) -> None:
    """Add the annotation commands to `reader`'s subcommands."""
    tag = commands.add_parser("tag", help="put tags on an article")
    tag.add_argument("id", type=int, metavar="ID", help="the article's id (reader list)")
    tag.add_argument("tags", nargs="+", metavar="TAG", help="one or more tag names")
    untag = commands.add_parser("untag", help="take tags off an article")
    untag.add_argument("id", type=int, metavar="ID", help="the article's id (reader list)")
    untag.add_argument("tags", nargs="+", metavar="TAG", help="one or more tag names")
    tags = commands.add_parser("tags", help="every tag with its number of articles")
    tags.add_argument("--json", action="store_true", help="print JSON instead of a table")

    note = commands.add_parser("note", help="write an article's note (- reads it from stdin; "
                                            "an empty TEXT deletes it)")
    note.add_argument("id", type=int, metavar="ID", help="the article's id (reader list)")
    note.add_argument("text", metavar="TEXT",
                      help="the note (Markdown); - reads it from stdin, '' deletes it")
    notes = commands.add_parser("notes", help="print an article's note")
    notes.add_argument("id", type=int, metavar="ID", help="the article's id (reader list)")
    notes.add_argument("--json", action="store_true", help="print JSON instead of text")
    highlights = commands.add_parser("highlights", help="an article's highlights")
    highlights.add_argument("id", type=int, metavar="ID", help="the article's id (reader list)")
    highlights.add_argument("--json", action="store_true", help="print JSON instead of text")

    backup = commands.add_parser("backup", help="copy the library file (safe while it is open)")
    backup.add_argument("path", metavar="PATH", help="the file to write the copy to")

    annotations = commands.add_parser(
        "annotations", help="export or import every tag, note and highlight as JSON")
    actions = annotations.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write the annotations to a JSON file")
    export.add_argument("file", metavar="FILE.json", help="the JSON file to write")
    export.add_argument("--force", action="store_true", help="replace an existing file")
    imp = actions.add_parser("import", help="merge a JSON file's annotations into the library")
    imp.add_argument("file", metavar="FILE.json",
                     help="a file written by `reader annotations export`")


def run(args: argparse.Namespace) -> int:
    """Run one annotation command; returns the exit code."""
    # Imported here so that `reader parse` and `reader --help` stay quick to start.
    from reader.cli_library import only_reads, open_session, terminal_progress

    text = _note_text(args) if args.command == "note" else None
    with open_session(args.library, terminal_progress(), not only_reads(args)) as session:
        if text is not None:
            return _note(session, args, text)
        return _HANDLERS[args.command](session, args)


def _note_text(args) -> str:
    # Read stdin before the library opens: a slow pipe must not hold the library.
    # `echo 笔记 | reader note 1 -`: the newline ending the piped text is not part of the note.
    return sys.stdin.read().rstrip("\n") if args.text == "-" else args.text


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _tag(session: Session, args) -> int:
    session.annotations.tag([args.id], args.tags)
    _print_tags_of(session, args.id)
    return 0


def _untag(session: Session, args) -> int:
    session.library.tags.of(args.id)  # an unknown id is reported before anything else
    session.annotations.untag([args.id], args.tags)
    _print_tags_of(session, args.id)
    return 0


def _print_tags_of(session: Session, article_id: int) -> None:
    tags = session.library.tags.of(article_id)
    print(f"#{article_id} tags: {', '.join(tags) if tags else '(none)'}")


def _tags(session: Session, args) -> int:
    from reader.cli_library import terminal_safe

    summaries = session.library.tags.summaries()
    if args.json:
        _print_json([asdict(t) for t in summaries])
        return 0
    if not summaries:
        print("No tags yet.")
    width = max((_columns(t.name) for t in summaries), default=0)
    for t in summaries:
        color = f"  ({t.color})" if t.color else ""
        padding = " " * (width - _columns(t.name))
        print(terminal_safe(f"{t.name}{padding}  {t.count:>5}{color}"))
    return 0


def _columns(text: str) -> int:
    """Terminal columns `text` takes: Chinese characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _note(session: Session, args, text: str) -> int:
    session.annotations.set_note(args.id, text)
    if text.strip():
        print(f"Saved the note of #{args.id}.")
    else:
        print(f"Deleted the note of #{args.id}.")
    return 0


def _notes(session: Session, args) -> int:
    from reader.cli_library import terminal_safe

    note = session.library.notes.get(args.id)
    if args.json:
        _print_json({"id": args.id, "note": note})
    elif note is None:
        print(f"#{args.id} has no note.", file=sys.stderr)
    else:
        print(terminal_safe(note))
    return 0


def _highlights(session: Session, args) -> int:
    from reader.cli_library import terminal_safe

    marks = session.library.highlights.of_article(args.id)
    if args.json:
        _print_json([asdict(h) for h in marks])
        return 0
    if not marks:
        print(f"#{args.id} has no highlights.", file=sys.stderr)
    for h in marks:
        print(terminal_safe(_describe_highlight(h)))
    return 0


def _describe_highlight(h: Highlight) -> str:
    flag = "  (orphaned: its text is no longer in the article)" if h.orphaned else ""
    note = f" — {h.note}" if h.note else ""
    return f"{h.id:>6}  [{h.color}] {h.start}-{h.end} {quoted(h.quote)}{note}{flag}"


def _backup(session: Session, args) -> int:
    target = session.library.backup(args.path)
    print(f"Backed up the library to {target}.")
    return 0


def _annotations(session: Session, args) -> int:
    path = Path(args.file).expanduser()
    if args.action == "export":
        try:
            data = session.library.annotations.export()
        except sqlite3.DatabaseError:
            # A damaged library: this export is the rescue route, so save what can be read.
            data, lost = session.library.annotations.rescue()
            print(f"reader: {Message.of(Code.LIBRARY_DAMAGED_RESCUED, lost=lost)}",
                  file=sys.stderr)
        _write_atomically(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n",
                          args.force)
        print(f"Exported {counted(len(data['tags']), 'tag')} and the annotations of "
              f"{counted(len(data['articles']), 'article')} to {path}.")
        return 0
    report = session.library.annotations.merge(_read_json(path))
    for line in describe_import(report):
        print(line)
    return 0


def describe_import(report: AnnotationImportReport) -> list[str]:
    """What an annotations import merged, one line a kind."""
    lines = [
        f"articles:   {report.articles} matched"
        + (f", {len(report.skipped_keys)} not in this library (skipped)"
           if report.skipped_keys else ""),
        f"tags:       {report.tags_added} added",
        f"notes:      {report.notes_added} added, {report.notes_merged} appended to a "
        f"different note, {report.notes_unchanged} already there",
        f"highlights: {report.highlights_added} added, {report.highlights_unchanged} "
        "already there",
        f"searches:   {report.searches_added} added, {report.searches_unchanged} already there",
        f"corrections: {report.corrections_added} added, {report.corrections_unchanged} "
        "already there" + (f", {report.corrections_skipped} of pages not in this library "
                           "(skipped)" if report.corrections_skipped else ""),
        f"reading:    {report.reading_added} articles took a read mark, star or place",
    ]
    if not report.changed:
        lines.append("Nothing new: the library already had all of it.")
    return lines


def _read_json(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ReaderError(Code.FILE_MISSING, path=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ReaderError(unreadable(str(path), Code.READ_OS,
                                     detail=getattr(error, "strerror", None) or str(error))) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ReaderError(Code.NOT_JSON, path=str(path), line=error.lineno, detail=error.msg) from None


def _write_atomically(path: Path, text: str, force: bool) -> None:
    if path.is_dir():
        raise ReaderError(Code.CANNOT_WRITE, path=str(path), reason=Message.of(Code.WRITE_IS_FOLDER))
    if path.exists() and not force:
        raise ReaderError(Code.EXISTS_USE_FORCE, path=str(path))
    try:
        # An annotations file holds every note: readable by the user only.
        write_atomic(path, text, private=True)
    except OSError as error:
        raise ReaderError(cannot_write(path, error)) from None


_HANDLERS = {
    "tag": _tag,
    "untag": _untag,
    "tags": _tags,
    "notes": _notes,
    "highlights": _highlights,
    "backup": _backup,
    "annotations": _annotations,
}
