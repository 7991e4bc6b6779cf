"""Articles: reading them back as `ArticleRecord`s.

Records are built in batches: one query for the rows, then one each for
their authors, tags, notes and highlights, so listing an issue or
walking 100k articles for the index costs a handful of queries per batch.
An article kept only because user data hangs on it (`missing`) is returned
like any other, with "not in the latest parse" added to its defects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reader.catalogue import Code
from reader.library.authors import authors_of_ids
from reader.library.connection import LibraryConnection, chunks
from reader.library.errors import LibraryError
from reader.library.highlights import highlights_of_keys
from reader.library.notes import notes_of_keys
from reader.library.pages import (
    DISPLAY_TITLE,
    EFFECTIVE_DATE,
    EFFECTIVE_DATE_SOURCE,
    EFFECTIVE_NAME,
    EFFECTIVE_NUMBER,
    EFFECTIVE_PRECISION,
    PAGE_ORDER,
)
from reader.library.tags import tags_of_ids
from reader.library.text_once import cut_paragraphs
from reader.models import ArticleRecord, Author, Entry

#: Added to the defects of an article the latest parse no longer produced.
MISSING_DEFECT = "not in the latest parse"
#: A defect for an article whose stored lists (paragraphs, subheads…) no longer read as JSON.
DAMAGED_DEFECT = "stored text damaged"


def _stored_list(text: str | None, damaged: list[bool]) -> list:
    """A JSON list column; a damaged one (a bad sector, issue 18's fault campaign) reads as
    empty and is flagged, so one broken row does not fail every search and `reader check`."""
    try:
        value = json.loads(text or "[]")
    except ValueError:
        value = None
    if not isinstance(value, list):
        damaged.append(True)
        return []
    return value

def _text_lists(subheads: str | None, paragraphs: str | None, entries: str | None,
                text: str | None, damaged: list[bool]) -> tuple[list, list, list[Entry]]:
    """An article's subheads, paragraphs and box entries from their stored columns."""
    cut = cut_paragraphs(_stored_list(paragraphs, damaged), text, damaged)
    boxes = [Entry(e["text"], e.get("source")) for e in _stored_list(entries, damaged)
             if isinstance(e, dict) and isinstance(e.get("text"), str)]
    return _stored_list(subheads, damaged), cut, boxes


@dataclass(frozen=True)
class ArticleText:
    """What search reads of an article (`reader.app.indexing.index_body`)."""

    id: int
    title: str | None
    subtitle: str | None
    authors: tuple[Author, ...]
    subheads: tuple[str, ...]
    paragraphs: tuple[str, ...]
    entries: tuple[Entry, ...]


#: Rows fetched per query when walking many articles.
BATCH = 500

# `issue_title` is the page's title (人民日报 第19版 党建 · 2025-01-07); `paper` is NULL when
# the paper is unknown (a page's name stands in for it as the publication's name).
_ARTICLE_SELECT = f"""
SELECT a.id, a.key, p.issue_id, a.position, a.kind, a.column_label, a.series, a.title,
       a.subtitle, a.subheads, a.paragraphs, a.entries, a.defects, a.missing,
       {DISPLAY_TITLE}, {EFFECTIVE_DATE}, {EFFECTIVE_PRECISION},
       a.page_id, CASE WHEN pub.placeholder THEN NULL ELSE pub.name END,
       {EFFECTIVE_NUMBER}, {EFFECTIVE_NAME}, {EFFECTIVE_DATE_SOURCE}, p.user_edition, a.text,
       a.corrected
FROM articles a JOIN pages p ON p.id = a.page_id JOIN issues i ON i.id = p.issue_id
JOIN publications pub ON pub.id = i.publication_id
"""


class Articles:
    """`library.articles`: article records, one, an issue's, some or all."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def in_issue(self, issue_id: int) -> list[ArticleRecord]:
        """The articles of one issue, page by page, each page's in printed order
        (unknown issue: empty list)."""
        rows = self._db.execute(
            _ARTICLE_SELECT + f"WHERE p.issue_id = ? ORDER BY {PAGE_ORDER}, a.position, a.id",
            [issue_id]).fetchall()
        return self._records(rows)

    def on_page(self, page_id: int) -> list[ArticleRecord]:
        """The articles of one page in printed order (unknown page: empty list)."""
        rows = self._db.execute(
            _ARTICLE_SELECT + "WHERE a.page_id = ? ORDER BY a.position, a.id", [page_id]
        ).fetchall()
        return self._records(rows)

    def get(self, article_id: int) -> ArticleRecord:
        """One article with its tags, note and highlights; `LibraryError` if unknown."""
        rows = self._db.execute(_ARTICLE_SELECT + "WHERE a.id = ?", [article_id]).fetchall()
        if not rows:
            raise LibraryError(Code.NO_ARTICLE, id=article_id)
        return self._records(rows)[0]

    def ids(self) -> list[int]:
        """Every article id, ascending."""
        return [row[0] for row in self._db.execute("SELECT id FROM articles ORDER BY id")]

    def by_ids(self, ids: Iterable[int]) -> list[ArticleRecord]:
        """The articles with these ids, in the order given; unknown ids are skipped."""
        wanted = list(dict.fromkeys(ids))
        found: dict[int, ArticleRecord] = {}
        for chunk in chunks(wanted, BATCH):
            marks = ", ".join("?" * len(chunk))
            rows = self._db.execute(
                _ARTICLE_SELECT + f"WHERE a.id IN ({marks})", chunk
            ).fetchall()
            found.update((record.id, record) for record in self._records(rows))
        return [found[i] for i in wanted if i in found]

    def iter_all(self, batch: int = BATCH) -> Iterator[ArticleRecord]:
        """Every article in id order, fetched `batch` at a time.

        Keyset paging (id > last) keeps no cursor open between batches, so
        the caller may write to the library while iterating.
        """
        last = 0
        while True:
            rows = self._db.execute(
                _ARTICLE_SELECT + "WHERE a.id > ? ORDER BY a.id LIMIT ?", [last, batch]
            ).fetchall()
            if not rows:
                return
            yield from self._records(rows)
            last = rows[-1][0]

    def texts(self, ids: Iterable[int]) -> list[ArticleText]:
        """What search reads of the articles with these ids (in no order; unknown ids are
        skipped): their text without the rest of their records, which cost five times more."""
        found: list[ArticleText] = []
        for chunk in chunks(list(dict.fromkeys(ids)), BATCH):
            rows = self._db.execute(
                "SELECT a.id, a.title, a.subtitle, a.subheads, a.paragraphs, a.entries, a.text "
                "FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))",
                [json.dumps(chunk)],
            ).fetchall()
            authors = authors_of_ids(self._db, [row[0] for row in rows])
            for article_id, title, subtitle, subheads, paragraphs, entries, text in rows:
                lists = _text_lists(subheads, paragraphs, entries, text, [])
                found.append(ArticleText(article_id, title, subtitle,
                                         tuple(authors.get(article_id, ())), *map(tuple, lists)))
        return found

    # -- building records -------------------------------------------------------------

    def _records(self, rows: list) -> list[ArticleRecord]:
        if not rows:
            return []
        ids = [row[0] for row in rows]
        keys = [row[1] for row in rows]
        authors = authors_of_ids(self._db, ids)
        tags = tags_of_ids(self._db, ids)
        notes = notes_of_keys(self._db, keys)
        highlights = highlights_of_keys(self._db, keys)
        records = []
        for row in rows:
            article_id, key = row[0], row[1]
            damaged: list[bool] = []
            subheads, paragraphs, entries = _text_lists(row[9], row[10], row[11], row[23], damaged)
            defects = tuple(_stored_list(row[12], damaged))
            if row[13]:
                defects += (MISSING_DEFECT,)
            if damaged:
                defects += (DAMAGED_DEFECT,)
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
                    subheads=tuple(subheads),
                    paragraphs=tuple(paragraphs),
                    entries=tuple(entries),
                    defects=defects,
                    issue_title=row[14],
                    date=row[15],
                    date_precision=row[16],
                    tags=tuple(tags.get(article_id, ())),
                    note=notes.get(key),
                    highlights=tuple(highlights.get(key, ())),
                    page_id=row[17],
                    paper=row[18],
                    page_number=row[19],
                    page_name=row[20],
                    date_source=row[21] if row[15] or row[21] == "user" else None,
                    edition=row[22],
                    corrected=bool(row[24]),
                )
            )
        return records
