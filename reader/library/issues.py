"""Issues: listing them, and the user's title and date overrides.

An issue's shown title and date are the user's override when set, else the
parser's; overrides survive re-imports (imports never write them).  Its
paper, page number and page name are what the user gave on import
(`Imports.set_page_meta`), else the parser's; `date_source` says where the
shown date came from.
"""

from __future__ import annotations

from reader.catalogue import Code
from reader.library.connection import LibraryConnection
from reader.library.errors import LibraryError
from reader.library.values import date_precision_of
from reader.models import DATE_PRECISIONS, IssueRecord

#: The effective issue date: the user's override when set, else the parser's.
EFFECTIVE_DATE = "(CASE WHEN i.user_date_precision IS NOT NULL THEN i.user_date ELSE i.date END)"
EFFECTIVE_PRECISION = "COALESCE(i.user_date_precision, i.date_precision)"

#: Where the effective date came from: the user's override, else what the parser settled.
EFFECTIVE_DATE_SOURCE = (
    "(CASE WHEN i.user_date_precision IS NOT NULL THEN 'user' ELSE i.date_source END)"
)

#: The title shown: the user's whole title if they gave one, else the stored title (which
#: holds no date) followed by the effective date.
DISPLAY_TITLE = f"COALESCE(i.user_title, i.title || COALESCE(' · ' || {EFFECTIVE_DATE}, ''))"

# Paper, page number and page name: what the user gave on import, else the parser's.
_ISSUE_SELECT = f"""
SELECT i.id, s.path, COALESCE(i.user_page_name, i.page_name), {DISPLAY_TITLE},
       {EFFECTIVE_DATE}, {EFFECTIVE_PRECISION}, i.user_date_precision IS NOT NULL,
       (SELECT COUNT(*) FROM articles a WHERE a.issue_id = i.id),
       COALESCE(i.user_paper, i.paper), COALESCE(i.user_page_number, i.page_number),
       {EFFECTIVE_DATE_SOURCE}
FROM issues i JOIN sources s ON s.id = i.source_id
"""


def _issue_record(row: tuple) -> IssueRecord:
    """An `IssueRecord` from a row of `_ISSUE_SELECT`."""
    (issue_id, path, page_name, title, date, precision, overridden, articles, paper,
     page_number, date_source) = row
    return IssueRecord(issue_id, path, page_name, title, date, precision, bool(overridden),
                       articles, paper=paper, page_number=page_number, date_source=date_source)


class Issues:
    """`library.issues`: issue records and their overrides."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def all(self) -> list[IssueRecord]:
        """Every issue, by effective date (undated last), then title."""
        rows = self._db.execute(
            _ISSUE_SELECT + f"ORDER BY {EFFECTIVE_DATE} IS NULL, {EFFECTIVE_DATE}, "
            "COALESCE(i.user_title, i.title), i.id"
        )
        return [_issue_record(row) for row in rows]

    def get(self, issue_id: int) -> IssueRecord:
        """One issue; `LibraryError` if there is none with this id."""
        row = self._db.execute(_ISSUE_SELECT + "WHERE i.id = ?", [issue_id]).fetchone()
        if row is None:
            raise LibraryError(Code.NO_ISSUE, id=issue_id)
        return _issue_record(row)

    def set_date(self, issue_id: int, date: str | None, precision: str | None = None) -> None:
        """Override an issue's date; it survives re-imports.

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
            self._db.require_issue(issue_id)
            self._db.execute(
                "UPDATE issues SET user_date = ?, user_date_precision = ? WHERE id = ?",
                [date, precision, issue_id],
            )
            self._db.bump_generation()

    def set_title(self, issue_id: int, title: str | None) -> None:
        """Override an issue's title; None or blank removes the override."""
        title = (title or "").strip() or None
        with self._db.transaction():
            self._db.require_issue(issue_id)
            self._db.execute("UPDATE issues SET user_title = ? WHERE id = ?", [title, issue_id])
            self._db.bump_generation()

