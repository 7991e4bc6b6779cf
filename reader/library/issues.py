"""Issues (one date of one paper, edition if any): listing them, by paper and year, and
the date and title overrides of their pages.

An issue has no fields of its own that the user edits: its paper, date and
edition are those of its pages (`reader.library.placing` keeps it so), and an
edit of an issue is an edit of all its pages (`set_date`, `set_title`, and
`library.pages.set_fields` for the rest).  Its title is its one page's title,
or for several pages the paper (and edition) with the date.
"""

from __future__ import annotations

from reader.catalogue import Code
from reader.library.connection import LibraryConnection
from reader.library.errors import LibraryError
from reader.library.pages import DISPLAY_TITLE
from reader.library.placing import place_pages
from reader.library.values import date_precision_of
from reader.models import DATE_PRECISIONS, IssueRecord

#: Counts of an issue's pages and articles, and its one page's title if it has one page
#: (a subquery each, all through indexes: pages(issue_id), articles(page_id)).
_ISSUE_SELECT = f"""
SELECT i.id, i.publication_id, pub.name, pub.placeholder, i.date, i.date_precision,
       i.date_source, i.edition,
       (SELECT COUNT(*) FROM pages p WHERE p.issue_id = i.id),
       (SELECT COUNT(*) FROM pages p JOIN articles a ON a.page_id = p.id
        WHERE p.issue_id = i.id),
       CASE WHEN (SELECT COUNT(*) FROM pages p WHERE p.issue_id = i.id) = 1
            THEN (SELECT {DISPLAY_TITLE} FROM pages p WHERE p.issue_id = i.id) END
FROM issues i JOIN publications pub ON pub.id = i.publication_id
"""

#: Issues in the tree's order: by date (undated last), paper, id.
ISSUE_ORDER = "i.date IS NULL, i.date, pub.name, COALESCE(i.edition, ''), i.id"


def issue_record(row: tuple) -> IssueRecord:
    """An `IssueRecord` from a row of `_ISSUE_SELECT`."""
    (issue_id, publication_id, paper, placeholder, date, precision, source, edition, pages,
     articles, page_title) = row
    if pages == 1:
        title = page_title
    else:
        title = " ".join(x for x in (paper, edition) if x) + (f" · {date}" if date else "")
    return IssueRecord(issue_id, publication_id, paper, title, date,
                       precision if date else "unknown",
                       source if date or source == "user" else None, edition,
                       pages, articles, paper_known=not placeholder)


class Issues:
    """`library.issues`: issue records, and date/title edits of all an issue's pages."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def all(self) -> list[IssueRecord]:
        """Every issue, by date (undated last), then paper."""
        rows = self._db.execute(_ISSUE_SELECT + f"ORDER BY {ISSUE_ORDER}")
        return [issue_record(row) for row in rows]

    def get(self, issue_id: int) -> IssueRecord:
        """One issue; `LibraryError` if there is none with this id."""
        row = self._db.execute(_ISSUE_SELECT + "WHERE i.id = ?", [issue_id]).fetchone()
        if row is None:
            raise LibraryError(Code.NO_ISSUE, id=issue_id)
        return issue_record(row)

    def of_paper(self, publication_id: int, year: str | None = None) -> list[IssueRecord]:
        """The issues of one paper, by date; of one year ("2025") if given, of the undated
        ones for year "" (an empty string)."""
        sql = _ISSUE_SELECT + "WHERE i.publication_id = ? "
        params: list = [publication_id]
        if year == "":
            sql += "AND i.date IS NULL "
        elif year is not None:
            # A range on the (publication_id, date) index, not substr() on every row.
            sql += "AND i.date >= ? AND i.date < ? "
            params += [year, f"{year}~"]
        rows = self._db.execute(sql + f"ORDER BY {ISSUE_ORDER}", params)
        return [issue_record(row) for row in rows]

    def dates(self, publication_id: int | None = None) -> list[tuple[str, int]]:
        """The dates that have issues (of one paper, or of any), each with how many issues,
        ascending: what a calendar marks.  Month- and year-only dates are listed as they are."""
        sql = "SELECT date, COUNT(*) FROM issues WHERE date IS NOT NULL "
        params: list = []
        if publication_id is not None:
            sql += "AND publication_id = ? "
            params.append(publication_id)
        return [(r[0], r[1]) for r in self._db.execute(sql + "GROUP BY date ORDER BY date",
                                                         params)]

    def page_ids(self, issue_id: int) -> list[int]:
        """The ids of the issue's pages; `LibraryError` if there is no such issue."""
        self._db.require_issue(issue_id)
        return [r[0] for r in self._db.execute(
            "SELECT id FROM pages WHERE issue_id = ? ORDER BY id", [issue_id])]

    def set_date(self, issue_id: int, date: str | None, precision: str | None = None) -> None:
        """Override the date of every page of the issue; it survives re-imports.

        `precision` defaults to what the date's shape says ("2024" → year).
        `set_date(id, None, "unknown")` declares the date unknown;
        `set_date(id, None)` removes the override (back to the parser's).
        """
        if date is not None:
            date = date.strip()
            shape = date_precision_of(date)
            if shape is None:
                raise LibraryError(Code.NOT_A_DATE, date=date)
            precision = precision or shape
            if precision != shape:
                raise LibraryError(Code.DATE_WRONG_PRECISION, date=date, precision=precision)
        elif precision not in (None, "unknown"):
            raise LibraryError(Code.DATE_NEEDED)
        if precision is not None and precision not in DATE_PRECISIONS:
            raise LibraryError(Code.UNKNOWN_PRECISION, precision=precision)
        with self._db.transaction():
            page_ids = self.page_ids(issue_id)
            self._db.executemany(
                "UPDATE pages SET user_date = ?, user_date_precision = ? WHERE id = ?",
                [(date, precision, page_id) for page_id in page_ids])
            place_pages(self._db, page_ids)
            self._db.bump_generation()

    def set_title(self, issue_id: int, title: str | None) -> None:
        """Override the title of the issue's pages; None or blank removes the override."""
        title = (title or "").strip() or None
        with self._db.transaction():
            for page_id in self.page_ids(issue_id):
                self._db.execute("UPDATE pages SET user_title = ? WHERE id = ?",
                                 [title, page_id])
            self._db.bump_generation()
