"""A page's paper, date, edition, page number and page name as the user sets them.

The parser's values sit in `pages.paper`, `page_number`, `page_name`, `date` and
`date_source`; what the user said (on import, or by editing) sits beside them in
`user_paper`, `user_page_number`, `user_page_name`, `user_date` (+ precision) and
`user_edition`, and wins wherever the page is read.  A re-import writes only the
parser's columns, so the user's survive it.  After a change the page is re-titled
(`issue_title`) and re-placed in its paper and issue (`placing.place_pages`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from reader.catalogue import Code
from reader.library.connection import LibraryConnection
from reader.library.errors import LibraryError
from reader.library.placing import place_pages
from reader.library.values import date_precision_of
from reader.models import PageMeta

#: The user's columns of a page, as `user_values` snapshots them (for undo).
USER_COLUMNS = ("user_paper", "user_date", "user_date_precision", "user_edition",
                "user_page_number", "user_page_name", "user_title")


def issue_title(page_name: str | None, source_name: str, first_title: str | None = None,
                paper: str | None = None, page_number: int | None = None) -> str:
    """A readable page title, without its date (that is shown from its own column): the
    paper and page where known ("人民日报 第19版 党建"), else the page's name ("先锋"), else
    its first headline ("破解机关党建“灯下黑”等"), else the file's stem."""
    if paper or page_number:
        return " ".join(x for x in (paper, f"第{page_number}版" if page_number else None,
                                    page_name) if x)
    return page_name or (f"{first_title}等" if first_title else None) \
        or os.path.splitext(source_name)[0] or source_name


#: A `PageEdit` field that is not touched.
KEEP: object = type("Keep", (), {"__repr__": lambda self: "KEEP"})()


@dataclass(frozen=True)
class PageEdit:
    """What the user sets on pages.  A field left `KEEP` is not touched; None removes the
    user's value (the parser's shows again); a value sets it."""

    paper: object = KEEP
    date: object = KEEP
    edition: object = KEEP
    number: object = KEEP
    name: object = KEEP

    @property
    def empty(self) -> bool:
        return all(getattr(self, f) is KEEP for f in ("paper", "date", "edition", "number",
                                                        "name"))


def edit_of_meta(meta: PageMeta) -> PageEdit:
    """The fields of an import's metadata, as an edit (None fields are kept)."""
    def given(value):
        return KEEP if value is None else value
    return PageEdit(paper=given(meta.paper), date=given(meta.date), edition=KEEP,
                    number=given(meta.page_number), name=given(meta.page_name))


def _text(value) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def edit_assignments(edit: PageEdit) -> dict[str, object]:
    """The user columns an edit writes, validated (`LibraryError` for a bad date or number)."""
    out: dict[str, object] = {}
    if edit.paper is not KEEP:
        out["user_paper"] = _text(edit.paper)
    if edit.edition is not KEEP:
        out["user_edition"] = _text(edit.edition)
    if edit.name is not KEEP:
        out["user_page_name"] = _text(edit.name)
    if edit.number is not KEEP:
        number = edit.number
        if number is not None and (not isinstance(number, int) or number < 1):
            raise LibraryError(Code.NOT_A_PAGE_NUMBER, number=number)
        out["user_page_number"] = number
    if edit.date is not KEEP:
        date = _text(edit.date)
        precision = None
        if date is not None:
            precision = date_precision_of(date)
            if precision is None:
                raise LibraryError(Code.NOT_A_DATE, date=date)
        out["user_date"] = date
        out["user_date_precision"] = precision
    return out


def write_user_columns(db: LibraryConnection, page_ids: list[int],
                       assignments: dict[str, object]) -> bool:
    """Write user columns of these pages, re-title and re-place them (inside the caller's
    transaction); True if anything changed."""
    changed = False
    for page_id in page_ids:
        before = _user_row(db, page_id)
        if assignments:
            sets = ", ".join(f"{column} = ?" for column in assignments)
            db.execute(f"UPDATE pages SET {sets} WHERE id = ?", [*assignments.values(), page_id])
        retitle(db, page_id)
        changed |= before != _user_row(db, page_id)
    place_pages(db, page_ids)
    return changed


def write_page_meta(db: LibraryConnection, page_id: int, meta: PageMeta) -> bool:
    """Keep the fields the user gave on import (None: keep what is there); re-title and
    re-place the page.  Runs inside the caller's transaction; True if anything changed."""
    return write_user_columns(db, [page_id], edit_assignments(edit_of_meta(meta)))


def retitle(db: LibraryConnection, page_id: int) -> None:
    """Name the page again from its effective paper, number and name."""
    row = db.execute(
        "SELECT s.name, COALESCE(p.user_paper, p.paper), "
        "COALESCE(p.user_page_number, p.page_number), COALESCE(p.user_page_name, p.page_name), "
        "(SELECT a.title FROM articles a WHERE a.page_id = p.id AND COALESCE(a.title, '') "
        "!= '' AND a.missing = 0 ORDER BY a.position LIMIT 1) "
        "FROM pages p JOIN sources s ON s.id = p.source_id WHERE p.id = ?", [page_id]
    ).fetchone()
    if row is None:
        return
    source_name, paper, number, page_name, first = row
    db.execute("UPDATE pages SET title = ? WHERE id = ?",
               [issue_title(page_name, source_name, first, paper, number), page_id])


def _user_row(db: LibraryConnection, page_id: int) -> tuple:
    row = db.execute(f"SELECT {', '.join(USER_COLUMNS)}, title, issue_id FROM pages WHERE id = ?",
                     [page_id]).fetchone()
    if row is None:
        raise LibraryError(Code.NO_PAGE, id=page_id)
    return tuple(row)


def user_values(db: LibraryConnection, page_ids: list[int]) -> dict[int, dict[str, object]]:
    """The user's columns of these pages (to restore them: `restore_user_values`)."""
    out = {}
    for page_id in page_ids:
        row = _user_row(db, page_id)
        out[page_id] = dict(zip(USER_COLUMNS, row, strict=False))
    return out


def restore_user_values(db: LibraryConnection, values: dict[int, dict[str, object]]) -> None:
    """Put back what `user_values` read; pages gone since are skipped."""
    known = [page_id for page_id in values
             if db.execute("SELECT 1 FROM pages WHERE id = ?", [page_id]).fetchone()]
    for page_id in known:
        sets = ", ".join(f"{column} = ?" for column in USER_COLUMNS)
        db.execute(f"UPDATE pages SET {sets} WHERE id = ?",
                   [*(values[page_id][c] for c in USER_COLUMNS), page_id])
        retitle(db, page_id)
    place_pages(db, known)
