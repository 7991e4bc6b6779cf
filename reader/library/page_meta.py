"""A page's paper, date, page number and page name in the library, and the title built from them.

One page file is one row of `issues` (issue 13 keeps it so; the next issue
moves them into publications → issues → pages).  The parser's values sit in
`paper`, `page_number`, `page_name`, `date` and `date_source`; what the user
gave on import sits beside them in `user_paper`, `user_page_number`,
`user_page_name` and `user_date` (the same slot as a date corrected in the
window: the user's last word wins) and wins wherever the issue is read.
`issue_title` names the issue from the effective values (its date is shown
from its own column, not stored in the title).
"""

from __future__ import annotations

import os

from reader.catalogue import Code
from reader.library.connection import LibraryConnection
from reader.library.errors import LibraryError
from reader.library.values import date_precision_of
from reader.models import PageMeta


def issue_title(page_name: str | None, source_name: str, first_title: str | None = None,
                paper: str | None = None, page_number: int | None = None) -> str:
    """A readable issue title, without its date (that is shown from its own column): the
    paper and page where known ("人民日报 第19版 党建"), else the page's name ("先锋"), else
    its first headline ("破解机关党建“灯下黑”等"), else the file's stem."""
    if paper or page_number:
        return " ".join(x for x in (paper, f"第{page_number}版" if page_number else None,
                                    page_name) if x)
    return page_name or (f"{first_title}等" if first_title else None) \
        or os.path.splitext(source_name)[0] or source_name


def write_page_meta(db: LibraryConnection, issue_id: int, meta: PageMeta, source_name: str) -> bool:
    """Store the user's fields (None: keep what is there) and title the issue again.

    Runs inside the caller's transaction; True if anything changed.
    """
    precision = date_precision_of(meta.date) if meta.date else None
    if meta.date and precision is None:
        raise LibraryError(Code.NOT_A_DATE, date=meta.date)
    before = db.execute(
        "SELECT user_paper, user_page_number, user_page_name, user_date, user_date_precision, "
        "title FROM issues WHERE id = ?", [issue_id]
    ).fetchone()
    db.execute(
        "UPDATE issues SET user_paper = COALESCE(?, user_paper), "
        "user_page_number = COALESCE(?, user_page_number), "
        "user_page_name = COALESCE(?, user_page_name), "
        "user_date = CASE WHEN ? IS NULL THEN user_date ELSE ? END, "
        "user_date_precision = CASE WHEN ? IS NULL THEN user_date_precision ELSE ? END "
        "WHERE id = ?",
        [meta.paper, meta.page_number, meta.page_name, meta.date, meta.date,
         meta.date, precision, issue_id],
    )
    paper, number, page_name, first = db.execute(
        "SELECT COALESCE(i.user_paper, i.paper), COALESCE(i.user_page_number, i.page_number), "
        "COALESCE(i.user_page_name, i.page_name), "
        "(SELECT a.title FROM articles a WHERE a.issue_id = i.id AND COALESCE(a.title, '') "
        "!= '' AND a.missing = 0 ORDER BY a.position LIMIT 1) FROM issues i WHERE i.id = ?",
        [issue_id],
    ).fetchone()
    title = issue_title(page_name, source_name, first, paper, number)
    db.execute("UPDATE issues SET title = ? WHERE id = ?", [title, issue_id])
    after = db.execute(
        "SELECT user_paper, user_page_number, user_page_name, user_date, user_date_precision, "
        "title FROM issues WHERE id = ?", [issue_id]
    ).fetchone()
    return tuple(before) != tuple(after)
