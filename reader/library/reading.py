"""Reading the library back as `IssueRecord`s and `ArticleRecord`s.

Article records are built in batches: one query for the rows, then one each
for their authors, tags, notes and highlights, so listing an issue or
walking 100k articles for the index costs a handful of queries per batch.
An article kept only because user data hangs on it (`missing`) is returned
like any other, with "not in the latest parse" added to its defects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from reader.library.errors import LibraryError
from reader.models import ArticleRecord, Author, Entry, IssueRecord

#: Added to the defects of an article the latest parse no longer produced.
MISSING_DEFECT = "not in the latest parse"

#: Rows fetched per query when walking many articles.
BATCH = 500

#: The effective issue date: the user's override when set, else the parser's.
EFFECTIVE_DATE = "(CASE WHEN i.user_date_precision IS NOT NULL THEN i.user_date ELSE i.date END)"
EFFECTIVE_PRECISION = "COALESCE(i.user_date_precision, i.date_precision)"

#: Where the effective date came from: the user's override, else what the parser settled.
EFFECTIVE_DATE_SOURCE = (
    "(CASE WHEN i.user_date_precision IS NOT NULL THEN 'user' ELSE i.date_source END)"
)

_ISSUE_SELECT = f"""
SELECT i.id, s.path, COALESCE(i.user_page_name, i.page_name), COALESCE(i.user_title, i.title),
       {EFFECTIVE_DATE}, {EFFECTIVE_PRECISION}, i.user_date_precision IS NOT NULL,
       (SELECT COUNT(*) FROM articles a WHERE a.issue_id = i.id),
       COALESCE(i.user_paper, i.paper), COALESCE(i.user_page_number, i.page_number),
       {EFFECTIVE_DATE_SOURCE}
FROM issues i JOIN sources s ON s.id = i.source_id
"""

_ARTICLE_SELECT = f"""
SELECT a.id, a.key, a.issue_id, a.position, a.kind, a.column_label, a.series, a.title,
       a.subtitle, a.subheads, a.paragraphs, a.entries, a.defects, a.missing,
       COALESCE(i.user_title, i.title), {EFFECTIVE_DATE}, {EFFECTIVE_PRECISION}
FROM articles a JOIN issues i ON i.id = a.issue_id
"""


def _issue_record(row) -> IssueRecord:
    return IssueRecord(*row[:6], bool(row[6]), row[7], paper=row[8], page_number=row[9],
                       date_source=row[10])


def _chunks(values: list, size: int = BATCH) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class ReadingMixin:
    """Issue and article reads (mixed into `Library`)."""

    # -- issues -------------------------------------------------------------------

    def issues(self) -> list[IssueRecord]:
        """Every issue, by effective date (undated last), then title."""
        rows = self._conn.execute(
            _ISSUE_SELECT + f"ORDER BY {EFFECTIVE_DATE} IS NULL, {EFFECTIVE_DATE}, "
            "COALESCE(i.user_title, i.title), i.id"
        )
        return [_issue_record(row) for row in rows]

    def issue(self, issue_id: int) -> IssueRecord:
        """One issue; `LibraryError` if there is none with this id."""
        row = self._conn.execute(_ISSUE_SELECT + "WHERE i.id = ?", [issue_id]).fetchone()
        if row is None:
            raise LibraryError(f"No issue with id {issue_id}.")
        return _issue_record(row)

    # -- articles -------------------------------------------------------------------

    def articles(self, issue_id: int) -> list[ArticleRecord]:
        """The articles of one issue in page order (unknown issue: empty list)."""
        rows = self._conn.execute(
            _ARTICLE_SELECT + "WHERE a.issue_id = ? ORDER BY a.position, a.id", [issue_id]
        ).fetchall()
        return self._records(rows)

    def article(self, article_id: int) -> ArticleRecord:
        """One article with its tags, note and highlights; `LibraryError` if unknown."""
        rows = self._conn.execute(_ARTICLE_SELECT + "WHERE a.id = ?", [article_id]).fetchall()
        if not rows:
            raise LibraryError(f"No article with id {article_id}.")
        return self._records(rows)[0]

    def article_ids(self) -> list[int]:
        """Every article id, ascending."""
        return [row[0] for row in self._conn.execute("SELECT id FROM articles ORDER BY id")]

    def articles_by_ids(self, ids: Iterable[int]) -> list[ArticleRecord]:
        """The articles with these ids, in the order given; unknown ids are skipped."""
        wanted = list(dict.fromkeys(ids))
        found: dict[int, ArticleRecord] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(
                _ARTICLE_SELECT + f"WHERE a.id IN ({marks})", chunk
            ).fetchall()
            found.update((record.id, record) for record in self._records(rows))
        return [found[i] for i in wanted if i in found]

    def iter_articles(self, batch: int = BATCH) -> Iterator[ArticleRecord]:
        """Every article in id order, fetched `batch` at a time.

        Keyset paging (id > last) keeps no cursor open between batches, so
        the caller may write to the library while iterating.
        """
        last = 0
        while True:
            rows = self._conn.execute(
                _ARTICLE_SELECT + "WHERE a.id > ? ORDER BY a.id LIMIT ?", [last, batch]
            ).fetchall()
            if not rows:
                return
            yield from self._records(rows)
            last = rows[-1][0]

    # -- building records -------------------------------------------------------------

    def _records(self, rows: list) -> list[ArticleRecord]:
        if not rows:
            return []
        ids = [row[0] for row in rows]
        keys = [row[1] for row in rows]
        authors = self._authors_of(ids)
        tags = self._tags_of_ids(ids)
        notes = self._notes_of_keys(keys)
        highlights = self._highlights_of_keys(keys)
        records = []
        for row in rows:
            article_id, key = row[0], row[1]
            defects = tuple(json.loads(row[12]))
            if row[13]:
                defects += (MISSING_DEFECT,)
            records.append(
                ArticleRecord(
                    id=article_id,
                    key=key,
                    issue_id=row[2],
                    position=row[3],
                    kind=row[4],
                    column=row[5],
                    series=row[6],
                    title=row[7],
                    subtitle=row[8],
                    authors=tuple(authors.get(article_id, ())),
                    subheads=tuple(json.loads(row[9])),
                    paragraphs=tuple(json.loads(row[10])),
                    entries=tuple(Entry(e["text"], e.get("source")) for e in json.loads(row[11])),
                    defects=defects,
                    issue_title=row[14],
                    date=row[15],
                    date_precision=row[16],
                    tags=tuple(tags.get(article_id, ())),
                    note=notes.get(key),
                    highlights=tuple(highlights.get(key, ())),
                )
            )
        return records

    def _authors_of(self, ids: list[int]) -> dict[int, list[Author]]:
        found: dict[int, list[Author]] = {}
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            for article_id, role, name in self._conn.execute(
                "SELECT aa.article_id, aa.role, au.name FROM article_authors aa "
                f"JOIN authors au ON au.id = aa.author_id WHERE aa.article_id IN ({marks}) "
                "ORDER BY aa.article_id, aa.position",
                chunk,
            ):
                found.setdefault(article_id, []).append(Author(role, name))
        return found

    def _tags_of_ids(self, ids: list[int]) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            for article_id, name in self._conn.execute(
                "SELECT at.article_id, t.name FROM article_tags at "
                f"JOIN tags t ON t.id = at.tag_id WHERE at.article_id IN ({marks}) "
                "ORDER BY t.name COLLATE NOCASE",
                chunk,
            ):
                found.setdefault(article_id, []).append(name)
        return found

    def _notes_of_keys(self, keys: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(keys):
            marks = ", ".join("?" * len(chunk))
            found.update(
                self._conn.execute(
                    f"SELECT article_key, body FROM notes WHERE article_key IN ({marks})", chunk
                ).fetchall()
            )
        return found
