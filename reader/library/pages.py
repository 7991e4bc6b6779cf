"""Pages (版): one imported page file each, in an issue; reading them and the user's edits.

A page's shown fields are the user's when set, else the parser's (the SQL
expressions below, used wherever a page is read).  Edits (`set_fields`) write
only the user's columns, then re-title the page and re-place it in its paper
and issue (`reader.library.placing`): several pages given one paper and date
join one issue, and a page moved out of an issue takes its articles with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.catalogue import Code
from reader.library.connection import LibraryConnection, chunks
from reader.library.errors import LibraryError
from reader.library.page_meta import (
    PageEdit,
    edit_assignments,
    restore_user_values,
    user_values,
    write_user_columns,
)
from reader.models import PageRecord

#: The effective page date: the user's override when set, else the parser's.
EFFECTIVE_DATE = "(CASE WHEN p.user_date_precision IS NOT NULL THEN p.user_date ELSE p.date END)"
EFFECTIVE_PRECISION = "COALESCE(p.user_date_precision, p.date_precision)"
#: Where the effective date came from: the user, else what the parser settled.
EFFECTIVE_DATE_SOURCE = (
    "(CASE WHEN p.user_date_precision IS NOT NULL THEN 'user' ELSE p.date_source END)"
)
EFFECTIVE_NUMBER = "COALESCE(p.user_page_number, p.page_number)"
EFFECTIVE_NAME = "COALESCE(p.user_page_name, p.page_name)"
#: The page's title as shown: the user's whole title, else the stored title (which holds no
#: date) followed by the effective date.
DISPLAY_TITLE = f"COALESCE(p.user_title, p.title || COALESCE(' · ' || {EFFECTIVE_DATE}, ''))"
#: Pages in the order of the printed paper: by number (unnumbered last), then id.
PAGE_ORDER = f"{EFFECTIVE_NUMBER} IS NULL, {EFFECTIVE_NUMBER}, p.id"

_PAGE_SELECT = f"""
SELECT p.id, p.issue_id, s.path, {EFFECTIVE_NUMBER}, {EFFECTIVE_NAME}, {DISPLAY_TITLE},
       pub.name, {EFFECTIVE_DATE}, {EFFECTIVE_PRECISION}, {EFFECTIVE_DATE_SOURCE},
       p.user_edition, (SELECT COUNT(*) FROM articles a WHERE a.page_id = p.id),
       p.user_paper IS NOT NULL, p.user_date_precision IS NOT NULL, p.user_edition IS NOT NULL,
       p.user_page_number IS NOT NULL, p.user_page_name IS NOT NULL, p.user_title IS NOT NULL,
       pub.placeholder
FROM pages p JOIN sources s ON s.id = p.source_id
JOIN issues i ON i.id = p.issue_id JOIN publications pub ON pub.id = i.publication_id
"""

_USER_FLAGS = ("paper", "date", "edition", "number", "name", "title")


def page_record(row: tuple) -> PageRecord:
    """A `PageRecord` from a row of `_PAGE_SELECT`."""
    (page_id, issue_id, path, number, name, title, paper, date, precision, source, edition,
     articles, *flags) = row
    placeholder = flags.pop()
    user = frozenset(f for f, set_ in zip(_USER_FLAGS, flags, strict=True) if set_)
    return PageRecord(page_id, issue_id, path, number, name, title, paper, date,
                      precision if date else "unknown",
                      source if date or source == "user" else None, edition,
                      articles, user, not placeholder)


class Pages:
    """`library.pages`: page records, and the user's edits of their fields."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def get(self, page_id: int) -> PageRecord:
        """One page; `LibraryError` ("No page with id N.") if there is none."""
        row = self._db.execute(_PAGE_SELECT + "WHERE p.id = ?", [page_id]).fetchone()
        if row is None:
            raise LibraryError(Code.NO_PAGE, id=page_id)
        return page_record(row)

    def in_issue(self, issue_id: int) -> list[PageRecord]:
        """The pages of one issue in printed order (unknown issue: empty list)."""
        rows = self._db.execute(_PAGE_SELECT + f"WHERE p.issue_id = ? ORDER BY {PAGE_ORDER}",
                                [issue_id]).fetchall()
        return [page_record(row) for row in rows]

    def in_issues(self, issue_ids: Iterable[int]) -> dict[int, list[PageRecord]]:
        """The pages of these issues in printed order, by issue (one query per 500 issues)."""
        out: dict[int, list[PageRecord]] = {}
        for chunk in chunks(list(dict.fromkeys(issue_ids))):
            marks = ", ".join("?" * len(chunk))
            rows = self._db.execute(
                _PAGE_SELECT + f"WHERE p.issue_id IN ({marks}) ORDER BY {PAGE_ORDER}", chunk)
            for row in rows:
                record = page_record(row)
                out.setdefault(record.issue_id, []).append(record)
        return out

    def all(self) -> list[PageRecord]:
        """Every page, by issue then printed order."""
        rows = self._db.execute(_PAGE_SELECT + f"ORDER BY p.issue_id, {PAGE_ORDER}")
        return [page_record(row) for row in rows]

    def require(self, page_ids: Iterable[int]) -> list[int]:
        """The ids given, each once; `LibraryError` naming the first that is no page."""
        ids = list(dict.fromkeys(page_ids))
        for page_id in ids:
            if self._db.execute("SELECT 1 FROM pages WHERE id = ?", [page_id]).fetchone() is None:
                raise LibraryError(Code.NO_PAGE, id=page_id)
        return ids

    def set_fields(self, page_ids: Iterable[int], edit: PageEdit) -> bool:
        """Set the user's paper, date, edition, number or name of these pages (see
        `PageEdit`); they win over the parser's and survive re-imports.  The pages are
        re-placed: pages given one paper and date join one issue.  True if anything changed.
        """
        assignments = edit_assignments(edit)
        with self._db.transaction():
            ids = self.require(page_ids)
            changed = write_user_columns(self._db, ids, assignments)
            if changed:
                self._db.bump_generation()
        return changed

    def user_values(self, page_ids: Iterable[int]) -> dict[int, dict[str, object]]:
        """The user's columns of these pages, to put back with `restore` (undo)."""
        return user_values(self._db, self.require(page_ids))

    def restore(self, values: dict[int, dict[str, object]]) -> None:
        """Put back the user's columns `user_values` read (pages gone since are skipped)."""
        with self._db.transaction():
            restore_user_values(self._db, values)
            self._db.bump_generation()

    def article_ids(self, page_ids: Iterable[int]) -> set[int]:
        """The ids of the articles on these pages."""
        out: set[int] = set()
        for chunk in chunks(list(page_ids)):
            marks = ", ".join("?" * len(chunk))
            out.update(r[0] for r in self._db.execute(
                f"SELECT id FROM articles WHERE page_id IN ({marks})", chunk))
        return out
