"""The record of what the search index must look at again (issue 17: migration 16).

A catch-up used to hash every article of the library to find what changed (245 s at a
million articles, after a note).  Since migration 16 the library keeps, in `index_changes`,
one entry per change of anything an article's index document is made of (its text,
title, kind, column and page, its authors, its page's date, its note and highlight notes)
or per article added or deleted.  SQLite triggers write the entries, in the transaction
of the change, so no write path (import, correction, note, delete, merge, undo, a future
one) can forget them.

The record is relative to one state of the index: the meta value `index_record` holds a
token that the index holds too when the record covers every change since the index's
state (`reader.app.indexing` checks, uses and renews it).  Entries are numbered
(`seq`, AUTOINCREMENT: never reused); a catch-up clears only those up to the last it
read, so a change made meanwhile, by this process or another, stays recorded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from reader.library.connection import LibraryConnection

__all__ = ["INDEX_RECORD_MIGRATION", "IndexRecord", "RecordedChanges"]

#: Library meta key: the token of the index state the record is relative to.
TOKEN_KEY = "index_record"

# An article's index document (reader.app.indexing.index_doc) is made of its row in
# `articles` (title, subtitle, subheads, paragraphs, entries, text, column, kind; its key
# finds its note and highlights; its page its date), its authors, its page's effective
# date, its note and its highlights' notes (in the order of their start).
INDEX_RECORD_MIGRATION = """
CREATE TABLE index_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL
);

CREATE TRIGGER index_changes_article_added AFTER INSERT ON articles
BEGIN INSERT INTO index_changes (article_id) VALUES (NEW.id); END;

CREATE TRIGGER index_changes_article_deleted AFTER DELETE ON articles
BEGIN INSERT INTO index_changes (article_id) VALUES (OLD.id); END;

CREATE TRIGGER index_changes_article_changed
AFTER UPDATE OF id, key, page_id, kind, column_label, title, subtitle, subheads, paragraphs,
                entries, text ON articles
WHEN OLD.id IS NOT NEW.id OR OLD.key IS NOT NEW.key OR OLD.page_id IS NOT NEW.page_id
  OR OLD.kind IS NOT NEW.kind OR OLD.column_label IS NOT NEW.column_label
  OR OLD.title IS NOT NEW.title OR OLD.subtitle IS NOT NEW.subtitle
  OR OLD.subheads IS NOT NEW.subheads OR OLD.paragraphs IS NOT NEW.paragraphs
  OR OLD.entries IS NOT NEW.entries OR OLD.text IS NOT NEW.text
BEGIN
    INSERT INTO index_changes (article_id) SELECT OLD.id WHERE OLD.id IS NOT NEW.id;
    INSERT INTO index_changes (article_id) VALUES (NEW.id);
END;

CREATE TRIGGER index_changes_byline_added AFTER INSERT ON article_authors
BEGIN INSERT INTO index_changes (article_id) VALUES (NEW.article_id); END;

CREATE TRIGGER index_changes_byline_deleted AFTER DELETE ON article_authors
BEGIN INSERT INTO index_changes (article_id) VALUES (OLD.article_id); END;

CREATE TRIGGER index_changes_byline_changed AFTER UPDATE ON article_authors
BEGIN
    INSERT INTO index_changes (article_id) SELECT OLD.article_id
    WHERE OLD.article_id IS NOT NEW.article_id;
    INSERT INTO index_changes (article_id) VALUES (NEW.article_id);
END;

CREATE TRIGGER index_changes_author_renamed AFTER UPDATE OF name ON authors
WHEN OLD.name IS NOT NEW.name
BEGIN
    INSERT INTO index_changes (article_id)
    SELECT article_id FROM article_authors WHERE author_id = NEW.id;
END;

CREATE TRIGGER index_changes_page_dated
AFTER UPDATE OF date, user_date, user_date_precision ON pages
WHEN (CASE WHEN OLD.user_date_precision IS NOT NULL THEN OLD.user_date ELSE OLD.date END)
  IS NOT (CASE WHEN NEW.user_date_precision IS NOT NULL THEN NEW.user_date ELSE NEW.date END)
BEGIN
    INSERT INTO index_changes (article_id) SELECT id FROM articles WHERE page_id = NEW.id;
END;

CREATE TRIGGER index_changes_note_added AFTER INSERT ON notes
BEGIN
    INSERT INTO index_changes (article_id)
    SELECT id FROM articles WHERE key = NEW.article_key;
END;

CREATE TRIGGER index_changes_note_deleted AFTER DELETE ON notes
BEGIN
    INSERT INTO index_changes (article_id)
    SELECT id FROM articles WHERE key = OLD.article_key;
END;

CREATE TRIGGER index_changes_note_changed AFTER UPDATE OF article_key, body ON notes
WHEN OLD.article_key IS NOT NEW.article_key OR OLD.body IS NOT NEW.body
BEGIN
    INSERT INTO index_changes (article_id)
    SELECT id FROM articles WHERE key IN (OLD.article_key, NEW.article_key);
END;

CREATE TRIGGER index_changes_highlight_added AFTER INSERT ON highlights
WHEN COALESCE(NEW.note, '') != ''
BEGIN
    INSERT INTO index_changes (article_id)
    SELECT id FROM articles WHERE key = NEW.article_key;
END;

CREATE TRIGGER index_changes_highlight_deleted AFTER DELETE ON highlights
WHEN COALESCE(OLD.note, '') != ''
BEGIN
    INSERT INTO index_changes (article_id)
    SELECT id FROM articles WHERE key = OLD.article_key;
END;

CREATE TRIGGER index_changes_highlight_changed
AFTER UPDATE OF article_key, note, start ON highlights
WHEN (COALESCE(OLD.note, '') != '' OR COALESCE(NEW.note, '') != '')
 AND (OLD.article_key IS NOT NEW.article_key OR OLD.note IS NOT NEW.note
      OR OLD.start IS NOT NEW.start)
BEGIN
    INSERT INTO index_changes (article_id)
    SELECT id FROM articles WHERE key IN (OLD.article_key, NEW.article_key);
END;
"""


@dataclass(frozen=True)
class RecordedChanges:
    """The record up to one entry: what a catch-up looks at."""

    #: The last entry read (its `seq`; 0 for none): a catch-up clears up to it.
    upto: int
    #: The articles those entries name, each once, ascending (some may be deleted).
    ids: list[int]
    #: A fingerprint of the entries up to `upto`: a catch-up killed part-way notes it in
    #: the index, and the next one trusts the record only if it still holds those entries.
    digest: str


class IndexRecord:
    """`library.index_record`: the changes the search index has not caught up with."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def token(self) -> str | None:
        """The index state the record is relative to, or None (no state: do not trust it)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", [TOKEN_KEY]).fetchone()
        return row[0] if row else None

    def last(self) -> int:
        """The newest entry's number (0 when the record is empty)."""
        return self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM index_changes").fetchone()[0]

    def read(self, upto: int | None = None) -> RecordedChanges:
        """The entries up to `upto` (None: all of them now)."""
        if upto is None:
            upto = self.last()
        rows = self._db.execute(
            "SELECT seq, article_id FROM index_changes WHERE seq <= ? ORDER BY seq", [upto]
        ).fetchall()
        digest = hashlib.sha1(json.dumps(rows).encode("ascii")).hexdigest()
        return RecordedChanges(upto, sorted({row[1] for row in rows}), digest)

    def settle(self, upto: int, token: str, expected: str | None, any_token: bool = False
               ) -> bool:
        """The index has caught up with the entries up to `upto` and now holds `token`:
        drop those entries and keep `token`, in one transaction; unless the record's token
        is no longer `expected` (another process caught up meanwhile, or the library was
        restored): then nothing changes and the answer is False.  `any_token`: whatever
        the token was (after a full comparison, which trusts no record).
        The generation does not move: no content changed."""
        with self._db.transaction():
            if not any_token and self.token() != expected:
                return False
            self._db.execute("DELETE FROM index_changes WHERE seq <= ?", [upto])
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [TOKEN_KEY, token])
        return True

    def existing(self, ids: list[int]) -> set[int]:
        """Which of `ids` are articles now."""
        return {row[0] for row in self._db.execute(
            "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(ids)])}
