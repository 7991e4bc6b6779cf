"""The `reader fix` and `reader corrections` commands: correcting what the parser got wrong.

    reader fix split ARTICLE N          paragraphs N… become a new article (prints its id)
    reader fix merge ARTICLE [--previous]
    reader fix title ARTICLE TEXT       reader fix kind ARTICLE KIND
    reader fix column ARTICLE TEXT      reader fix authors ARTICLE [ROLE:NAME…]
    reader fix role ARTICLE N ROLE      reader fix move ARTICLE N [--to next]
    reader fix text ARTICLE N TEXT      reader fix restore ARTICLE N
    reader fix original ARTICLE N       reader fix list [--json]      reader fix undo
    reader corrections export [--out DIR]

Every fix is `session.corrections` (reader/app/corrections.py): kept in the
library, named by the content it applies to, re-applied after re-imports and
re-parses.  `fix undo` takes back the latest correction, whichever process made
it.  Bad input is one sentence on stderr and exit 1.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from reader.library.correcting import KINDS, ROLES
from reader.quotes import quoted

if TYPE_CHECKING:
    from reader.app import Session
    from reader.models import CorrectionRecord

#: The commands this module answers (`reader.cli` dispatches on them).
COMMANDS = ("fix", "corrections")

_ARTICLE = "the article's id (reader list, reader show)"
_PARAGRAPH = "the paragraph's number, 1 for the first (reader show lists them in order)"


def register(commands: argparse._SubParsersAction) -> None:
    """Add `fix` and `corrections` to `reader`'s subcommands."""
    fix = commands.add_parser("fix", help="correct what the parser got wrong (kept through "
                                          "re-parses; reader fix undo takes one back)")
    actions = fix.add_subparsers(dest="fix", metavar="ACTION", required=True)

    def command(name: str, text: str, paragraph: bool = False) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=text, description=text)
        sub.add_argument("article", type=int, metavar="ARTICLE", help=_ARTICLE)
        if paragraph:
            sub.add_argument("paragraph", type=int, metavar="N", help=_PARAGRAPH)
        return sub

    command("split", "paragraphs from the N-th on become a new article right after this one; "
                     "prints the new article's id", paragraph=True)
    merge = command("merge", "join the article with the next one on its page")
    merge.add_argument("--previous", action="store_true",
                       help="join it with the previous article instead")
    command("title", "set the article's headline").add_argument(
        "text", metavar="TEXT", help="the headline ('' takes it away)")
    command("kind", "set what kind of item the article is").add_argument(
        "kind", metavar="KIND", choices=KINDS, help=f"one of {', '.join(KINDS)}")
    command("column", "set the article's column (栏目)").add_argument(
        "text", metavar="TEXT", help="the column ('' takes it away)")
    command("authors", "set the article's authors").add_argument(
        "authors", nargs="*", metavar="ROLE:NAME",
        help="each author as role:name (本报记者:张三); a bare name is 作者; none clears them")
    command("role", "give a line of the body another role", paragraph=True).add_argument(
        "role", metavar="ROLE", choices=ROLES,
        help=f"one of {', '.join(ROLES)} (furniture: not part of the article)")
    move = command("move", "move a paragraph to the previous article (its end) or the next "
                           "(its start)", paragraph=True)
    move.add_argument("--to", choices=("previous", "next"), default="previous",
                      help="which neighbouring article takes the paragraph (default previous)")
    command("text", "correct a paragraph's text (the original is kept)", paragraph=True
            ).add_argument("text", metavar="TEXT", help="the paragraph's corrected text")
    command("restore", "give an edited paragraph its original text back", paragraph=True)
    command("original", "print the text a paragraph had before it was edited", paragraph=True)
    listing = actions.add_parser("list", help="every correction, oldest first, with its status "
                                              "(applied, or stale when a re-parse left it "
                                              "nothing to apply to)")
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    actions.add_parser("undo", help="take back the latest correction (made by any process)")

    corrections = commands.add_parser(
        "corrections", help="export the corrections as parser test cases (tests/eval format)")
    what = corrections.add_subparsers(dest="corrections", metavar="ACTION", required=True)
    export = what.add_parser("export", help="write each corrected page's file and annotation")
    export.add_argument("--out", metavar="DIR", default="corrections",
                        help="the folder to write into (default ./corrections)")


def run(args: argparse.Namespace) -> int:
    """Run `fix` or `corrections`; returns the exit code."""
    from reader.app import Session
    from reader.cli_library import only_reads, terminal_progress
    from reader.paths import resolve_paths

    with Session.open(resolve_paths(args.library), progress=terminal_progress(),
                      daily_backup=not only_reads(args)) as session:
        if args.command == "corrections":
            return _export(session, args.out)
        return _fix(session, args)


def _fix(session: Session, args: argparse.Namespace) -> int:
    fixes = session.corrections
    action = args.fix
    if action == "list":
        return _list(fixes.list(), args.json)
    if action == "undo":
        record = fixes.undo_latest()
        print(f"Took back correction {record.id}: {describe(record)}.")
        return 0
    if action == "original":
        original = fixes.original_text(args.article, args.paragraph)
        print(original if original is not None else
              f"Paragraph {args.paragraph} of article {args.article} has not been edited.")
        return 0
    if action == "split":
        outcome = fixes.split(args.article, args.paragraph)
        print(outcome.new_article_id)
        return 0
    if action == "merge":
        done = fixes.merge(args.article, "previous" if args.previous else "next")
        print(f"Merged into article {done.article_id}.")
        return 0
    if action == "title":
        done = fixes.set_title(args.article, args.text)
    elif action == "kind":
        done = fixes.set_kind(args.article, args.kind)
    elif action == "column":
        done = fixes.set_column(args.article, args.text)
    elif action == "authors":
        done = fixes.set_authors(args.article, [_author(a) for a in args.authors])
    elif action == "role":
        done = fixes.set_role(args.article, args.paragraph, args.role)
    elif action == "move":
        done = fixes.move_paragraph(args.article, args.paragraph, args.to)
    elif action == "text":
        done = fixes.edit_text(args.article, args.paragraph, args.text)
    else:
        done = fixes.restore_text(args.article, args.paragraph)
    print(f"Corrected article {done.article_id} (correction {done.correction_id}).")
    return 0


def _author(text: str) -> tuple[str, str]:
    role, colon, name = text.partition(":")
    return (role.strip(), name.strip()) if colon else ("作者", text.strip())


def _excerpt(text: str, width: int = 18) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width] + "…"


def _marked(text: str) -> str:
    # 「」 bound an excerpt even when it opens with a “ of its own and is cut short.
    return quoted(_excerpt(text), "「」")


def describe(record: CorrectionRecord) -> str:
    """One line of English saying what a correction does."""
    target, value = record.target, record.value
    line = _marked(target.get('paragraph', ''))
    article = _marked(target.get('title') or target.get('head', ''))
    action = record.action
    if action == "split":
        return f"split {article} before {line}"
    if action == "merge":
        other = _marked(target.get('other_title') or target.get('other_head', ''))
        return f"merge {article} with the {value.get('direction', 'next')} article {other}"
    if action == "role":
        return f"{line} is the {value.get('role')}"
    if action == "move":
        return f"move {line} to the {value.get('direction')} article"
    if action in ("title", "column"):
        return f"{action} of {article}: {quoted(value.get('text', ''), '「」')}"
    if action == "kind":
        return f"kind of {article}: {value.get('kind')}"
    if action == "authors":
        names = ", ".join(f"{r} {n}".strip() for r, n in value.get("authors", []))
        return f"authors of {article}: {names or 'none'}"
    if action == "text":
        return f"text of {line} → {_marked(value.get('text', ''))}"
    if action == "restore":
        return f"restore the original text of {line}"
    return action


def _list(records: list[CorrectionRecord], as_json: bool) -> int:
    if as_json:
        print(json.dumps([{
            "id": r.id, "action": r.action, "status": r.status, "article": r.article_id,
            "page": r.page_id, "source": r.source, "target": r.target, "value": r.value,
            "created_at": r.created_at, "description": describe(r),
        } for r in records], ensure_ascii=False, indent=2))
        return 0
    if not records:
        print("No corrections.")
        return 0
    for r in records:
        where = f"article {r.article_id}" if r.article_id is not None else "article gone"
        print(f"{r.id:>4}  {r.status:<7}  {where:<12}  {r.source}  {describe(r)}")
    return 0


def _export(session: Session, folder: str) -> int:
    from reader.app.correction_examples import write_examples
    from reader.plural import counted

    done = write_examples(session.library, folder)
    for path in done.skipped:
        print(f"skipped {path}: the page file is no longer there", flush=True)
    print(f"Wrote {counted(len(done.written), 'annotated page')} to {folder}.")
    return 0
