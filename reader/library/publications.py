"""Publications (报纸): the papers the library holds, their years, and renaming one.

A publication is named by its pages (see `reader.library.placing`): by the
paper the user or the parser gave, else by a page's name standing in for it
(`placeholder`).  Renaming one sets that name as the user's paper on every one
of its pages, so it survives re-imports; renaming onto a paper that exists
merges the two (their issues of one date become one).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.catalogue import Code
from reader.library.connection import LibraryConnection
from reader.library.errors import LibraryError
from reader.library.page_meta import retitle
from reader.library.placing import place_pages
from reader.models import PublicationRecord

#: Issue and article counts per paper, from the indexes issues(publication_id, date),
#: pages(issue_id) and articles(page_id).
_PUBLICATION_SELECT = """
SELECT pub.id, pub.name, pub.user_set, pub.placeholder,
       (SELECT COUNT(*) FROM issues i WHERE i.publication_id = pub.id),
       (SELECT COUNT(*) FROM issues i JOIN pages p ON p.issue_id = i.id
        JOIN articles a ON a.page_id = p.id WHERE i.publication_id = pub.id)
FROM publications pub
"""


@dataclass(frozen=True)
class YearCount:
    """One year of a paper: "2025" (or "" for its undated issues), with counts."""

    year: str
    issue_count: int
    article_count: int


def _record(row: tuple) -> PublicationRecord:
    pub_id, name, user_set, placeholder, issues, articles = row
    return PublicationRecord(pub_id, name, bool(user_set), bool(placeholder), issues, articles)


class Publications:
    """`library.publications`: papers with counts, their years, renaming and merging."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def all(self) -> list[PublicationRecord]:
        """Every paper, named papers first (by name), then those named by a page."""
        rows = self._db.execute(_PUBLICATION_SELECT + "ORDER BY pub.placeholder, pub.name")
        return [_record(row) for row in rows]

    def get(self, publication_id: int) -> PublicationRecord:
        row = self._db.execute(_PUBLICATION_SELECT + "WHERE pub.id = ?",
                               [publication_id]).fetchone()
        if row is None:
            raise LibraryError(Code.NO_PAPER, name=f"#{publication_id}")
        return _record(row)

    def named(self, name: str) -> PublicationRecord:
        """The paper with this name; `LibraryError` ("No paper named …") if none."""
        row = self._db.execute(_PUBLICATION_SELECT + "WHERE pub.name = ?",
                               [name.strip()]).fetchone()
        if row is None:
            raise LibraryError(Code.NO_PAPER, name=name)
        return _record(row)

    def years(self, publication_id: int) -> list[YearCount]:
        """The years of a paper's issues, ascending, with counts; undated issues last ("")."""
        rows = self._db.execute(
            "SELECT COALESCE(substr(i.date, 1, 4), ''), COUNT(DISTINCT i.id), COUNT(a.id) "
            "FROM issues i JOIN pages p ON p.issue_id = i.id "
            "LEFT JOIN articles a ON a.page_id = p.id "
            "WHERE i.publication_id = ? GROUP BY 1 ORDER BY 1 = '', 1",
            [publication_id])
        return [YearCount(*row) for row in rows]

    def page_ids(self, publication_id: int) -> list[int]:
        """Every page of the paper."""
        return [r[0] for r in self._db.execute(
            "SELECT p.id FROM pages p JOIN issues i ON i.id = p.issue_id "
            "WHERE i.publication_id = ? ORDER BY p.id", [publication_id])]

    def rename(self, publication_id: int, name: str) -> int:
        """Name the paper `name` (the user's word for every page of it); onto an existing
        paper the two merge.  Returns the id of the paper the pages are now in."""
        name = " ".join((name or "").split())
        if not name:
            raise LibraryError(Code.PAPER_NAME_EMPTY)
        with self._db.transaction():
            self.get(publication_id)
            page_ids = self.page_ids(publication_id)
            other = self._db.execute("SELECT id FROM publications WHERE name = ?",
                                     [name]).fetchone()
            if other is None:
                # Renamed in place: the paper keeps its id (and its place in an open tree).
                self._db.execute("UPDATE publications SET name = ? WHERE id = ?",
                                 [name, publication_id])
            self._db.executemany("UPDATE pages SET user_paper = ? WHERE id = ?",
                                 [(name, page_id) for page_id in page_ids])
            for page_id in page_ids:
                retitle(self._db, page_id)
            place_pages(self._db, page_ids)
            self._db.bump_generation()
            row = self._db.execute("SELECT id FROM publications WHERE name = ?",
                                   [name]).fetchone()
        return row[0]
