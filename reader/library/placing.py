"""Which paper and issue a page belongs to: derived from the page's effective fields.

A page (one imported file) carries the parser's paper, date, page number and
page name, and beside them the user's (`user_*`); the effective value is the
user's when set.  Its publication and issue follow from those, so nothing the
user said is ever stored only in the grouping, and a re-import (which writes the
parser's columns) or a user edit re-places the page with `place_pages`:

1. The paper: the user's, else the parser's; unknown, the page's name stands in
   for it (先锋, a *placeholder* publication) until the user names the paper;
   no page name either: 报纸不详.
2. Shared or alone: a page whose date was given (by the user, a header line, the
   file's name, a sidecar) shares its issue with every page of the same paper,
   date and edition; a page whose date was only inferred from its text, or is
   unknown, is an issue of its own (two 先锋 pages guessed to be of 2021-01 are not
   known to be one issue).
3. Its issue: the shared issue of that key if there is one; else its current
   issue, updated in place, when the page is alone in it (so editing the date of
   a one-page issue keeps the issue's id); else a new issue.
4. Tidy up: issues left without pages and publications left without issues are
   deleted; the issues' date sources are read again from their pages, and so are the
   publications' flags (user_set, placeholder) of a paper a page left; a paper that
   only gained pages takes the flags those pages give.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.library.connection import LibraryConnection, chunks
from reader.models import date_given

#: The publication of pages with neither a paper nor a page name.
UNKNOWN_PAPER = "报纸不详"

#: Date sources from strongest to weakest (models.META_SOURCES); a shared issue shows
#: the strongest of its pages'.
_SOURCE_RANK = {"user": 0, "header": 1, "filename": 2, "sidecar": 3, "text": 4, "inferred": 5}

#: The page's effective fields, as `_placement` reads them.
_EFFECTIVE = """
SELECT id, issue_id,
       NULLIF(TRIM(COALESCE(user_paper, '')), ''), NULLIF(TRIM(COALESCE(paper, '')), ''),
       NULLIF(TRIM(COALESCE(user_page_name, page_name, '')), ''),
       CASE WHEN user_date_precision IS NOT NULL THEN user_date ELSE date END,
       COALESCE(user_date_precision, date_precision),
       CASE WHEN user_date_precision IS NOT NULL THEN 'user' ELSE date_source END,
       NULLIF(TRIM(COALESCE(user_edition, '')), '')
FROM pages WHERE id = ?
"""


@dataclass(frozen=True)
class Placement:
    """Where a page belongs, from its effective fields."""

    paper: str
    placeholder: bool
    date: str | None
    date_precision: str
    date_source: str | None
    edition: str | None

    @property
    def shared(self) -> bool:
        """Pages of one paper with this given date and edition share their issue."""
        return self.date is not None and date_given(self.date_source)


def _placement(row: tuple) -> Placement:
    _id, _issue, user_paper, paper, page_name, date, precision, source, edition = row
    name = user_paper or paper
    return Placement(name or page_name or UNKNOWN_PAPER, name is None, date,
                     precision if date else "unknown",
                     # a date the user declared unknown is still the user's word
                     source if date or source == "user" else None, edition)


def place_pages(db: LibraryConnection, page_ids: Iterable[int]) -> set[int]:
    """Put each page in the publication and issue its fields say (inside the caller's
    transaction); return the ids of the issues touched (left, joined, made)."""
    touched_issues: set[int] = set()
    #: Publications a page left or was made for: their flags are read again from all
    #: their pages.  The others only gained pages (`_Joined`).
    reread: set[int] = set()
    joined: dict[int, _Joined] = {}
    for page_id in dict.fromkeys(page_ids):
        row = db.execute(_EFFECTIVE, [page_id]).fetchone()
        if row is None:
            continue
        current = row[1]
        if current is not None:
            # The paper it leaves may be left empty (updated in place below, or not).
            reread.update(r[0] for r in db.execute(
                "SELECT publication_id FROM issues WHERE id = ?", [current]))
        where = _placement(row)
        publication_id, made = _publication(db, where.paper)
        if made:
            reread.add(publication_id)
        issue_id = _issue_for(db, current, publication_id, where)
        if issue_id != current:
            db.execute("UPDATE pages SET issue_id = ? WHERE id = ?", [issue_id, page_id])
        touched_issues.update(i for i in (current, issue_id) if i is not None)
        gained = joined.setdefault(publication_id, _Joined())
        gained.user_paper |= row[2] is not None
        gained.named |= not where.placeholder
    _tidy(db, touched_issues, reread, joined)
    return touched_issues


@dataclass
class _Joined:
    """What the pages a publication gained say of its flags: a page with the user's paper
    makes it `user_set`, a page with any paper name makes it no `placeholder`."""

    user_paper: bool = False
    named: bool = False


def _publication(db: LibraryConnection, name: str) -> tuple[int, bool]:
    """The publication of this name, and whether it was made now."""
    row = db.execute("SELECT id FROM publications WHERE name = ?", [name]).fetchone()
    if row is not None:
        return row[0], False
    return db.execute("INSERT INTO publications (name) VALUES (?) RETURNING id",
                      [name]).fetchall()[0][0], True


def _issue_for(db: LibraryConnection, current: int | None, publication_id: int,
               where: Placement) -> int:
    """The issue the page goes into (stage 3 of the module docstring)."""
    values = [publication_id, where.date, where.date_precision, where.date_source,
              where.edition, int(where.shared)]
    if where.shared:
        row = db.execute(
            "SELECT id FROM issues WHERE shared = 1 AND publication_id = ? AND date = ? "
            "AND COALESCE(edition, '') = COALESCE(?, '')",
            [publication_id, where.date, where.edition],
        ).fetchone()
        if row is not None:
            return row[0]
    if current is not None and _alone(db, current):
        db.execute(
            "UPDATE issues SET publication_id = ?, date = ?, date_precision = ?, "
            "date_source = ?, edition = ?, shared = ? WHERE id = ?", [*values, current])
        return current
    return db.execute(
        "INSERT INTO issues (publication_id, date, date_precision, date_source, edition, "
        "shared) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", values).fetchall()[0][0]


def _alone(db: LibraryConnection, issue_id: int) -> bool:
    return db.execute("SELECT COUNT(*) FROM pages WHERE issue_id = ?",
                      [issue_id]).fetchone()[0] <= 1


def _tidy(db: LibraryConnection, issue_ids: set[int], reread: set[int],
          joined: dict[int, _Joined]) -> None:
    """Stage 4: drop what is empty, read the flags and date sources again.

    A publication that only gained pages has its flags updated from those pages: reading
    them again from all its pages cost a scan of the paper's pages for every page imported
    (7 of an import's 145 s at 100k articles, growing with the square of the archive)."""
    for chunk in chunks(sorted(issue_ids)):
        marks = ", ".join("?" * len(chunk))
        db.execute(f"DELETE FROM issues WHERE id IN ({marks}) AND NOT EXISTS "
                   "(SELECT 1 FROM pages p WHERE p.issue_id = issues.id)", chunk)
        rows = db.execute(
            "SELECT p.issue_id, CASE WHEN p.user_date_precision IS NOT NULL THEN 'user' "
            f"ELSE p.date_source END FROM pages p WHERE p.issue_id IN ({marks})", chunk
        ).fetchall()
        best: dict[int, str | None] = {}
        for issue_id, source in rows:
            held = best.get(issue_id)
            if issue_id not in best or _rank(source) < _rank(held):
                best[issue_id] = source
        db.executemany("UPDATE issues SET date_source = ? WHERE id = ?",
                       [(source, issue_id) for issue_id, source in best.items()])
    db.executemany(
        "UPDATE publications SET user_set = user_set OR ?, placeholder = placeholder AND NOT ? "
        "WHERE id = ?",
        [(gained.user_paper, gained.named, publication_id)
         for publication_id, gained in joined.items()
         if publication_id not in reread and (gained.user_paper or gained.named)])
    for chunk in chunks(sorted(reread)):
        marks = ", ".join("?" * len(chunk))
        db.execute(f"DELETE FROM publications WHERE id IN ({marks}) AND NOT EXISTS "
                   "(SELECT 1 FROM issues i WHERE i.publication_id = publications.id)", chunk)
        db.execute(
            "UPDATE publications SET "
            "user_set = EXISTS (SELECT 1 FROM issues i JOIN pages p ON p.issue_id = i.id "
            "  WHERE i.publication_id = publications.id AND TRIM(COALESCE(p.user_paper, '')) "
            "  != ''), "
            "placeholder = NOT EXISTS (SELECT 1 FROM issues i JOIN pages p ON p.issue_id = i.id "
            "  WHERE i.publication_id = publications.id "
            "  AND TRIM(COALESCE(p.user_paper, p.paper, '')) != '') "
            f"WHERE id IN ({marks})", chunk)


def _rank(source: str | None) -> int:
    return _SOURCE_RANK.get(source or "", len(_SOURCE_RANK))
