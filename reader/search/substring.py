"""The substring side of the index: an SQLite file with the indexed text and its grams.

It answers "which articles contain this exact text", the truth search results rest on
(../shared/BENCHMARKS.md: 100 % recall, no false hits).  `grams` is a contentless FTS5
table holding each article's distinct characters and adjacent character pairs (runs of Han
characters, ASCII letters and digits), with no positions (detail=none): the least an index
can hold and still narrow every lookup.

- a term of 1 or 2 such characters is one token of `grams`: exact by construction (an index
  lookup instead of a scan of all the text, which costs about 2 ms a MB);
- a longer term (or one mixing in other characters) takes the articles holding all its
  characters' pairs, then keeps those whose stored text contains the term (`instr()`): the
  pairs leave few articles to check, and the check makes the answer exact;
- a term with none of those characters (punctuation, kana, rare scripts) scans the stored
  text with `instr()`.

Issue 17 replaced an FTS5 trigram index with positions (a copy of the text inside FTS5 plus
an index three times the size of the text) by this: the text is held once here, in a plain
table, and the pairs index is about the size of the text.

Latin letters match case-insensitively (FTS5 folds case; the scan uses `lower()`, or a Python
regex for cased letters outside ASCII).  Which field a term occurs in, and how often, is read
from the stored text only for the articles that need it (notes; ranking by count); the index
verifies the page it returns against the stored text.

The file also records which documents are indexed (`docs`: id, content hash, date, whether it
has a note) and a `meta` table (schema version, the library generation the index reflects).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from reader.models import IndexDoc

__all__ = ["FILE_NAME", "IN_BODY", "IN_NOTE", "IN_TITLE", "Counts", "SubstringStore", "grams"]

FILE_NAME = "substring.sqlite3"
#: Files SQLite may keep next to FILE_NAME.
COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")
#: Bits of `SubstringStore.fields_with`'s values: where in an article a term occurs.
IN_TITLE, IN_BODY, IN_NOTE = 1, 2, 4

_TEXTS = "CREATE TABLE texts(rowid INTEGER PRIMARY KEY, title TEXT, body TEXT, note TEXT)"
_GRAMS = ("CREATE VIRTUAL TABLE grams USING fts5("
          "g, content='', detail=none, tokenize='unicode61 remove_diacritics 0')")
_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE docs(id INTEGER PRIMARY KEY, hash TEXT NOT NULL, date TEXT, has_note INTEGER NOT NULL);
{_TEXTS};
{_GRAMS};
"""
_FIELDS = ("title", "body", "note")
#: Above this many candidate ids a scan reads everything instead of listing the ids.
_RESTRICT_LIMIT = 2000
#: Characters `grams` indexes: ones FTS5's unicode61 tokenizer (Unicode 6.1 tables) surely
#: reads as token characters, folding only ASCII case: so a gram is exactly one token.
_GRAM_RUN = re.compile(r"[0-9A-Za-z\u3400-\u4db5\u4e00-\u9fcc]+")


class Counts(NamedTuple):
    """How often a term occurs in one article's title, body and note."""

    title: int
    body: int
    note: int


def grams(*texts: str) -> str:
    """The distinct characters and adjacent pairs of `_GRAM_RUN` characters, space-separated."""
    found: set[str] = set()
    for text in texts:
        for run in _GRAM_RUN.findall(text or ""):
            found.update(run)
            # Pairs by zipping the run with itself shifted: a tenth of an import's time
            # went to building them one slice at a time.
            found.update(map(str.__add__, run, run[1:]))
    return " ".join(sorted(found))


#: How long a write waits for another process's write to end (a reindex holds the file
#: for its whole length) before SQLite says the index is busy.
BUSY_TIMEOUT_S = 5.0


class SubstringStore:
    """The SQLite file; one connection, used under the caller's lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Autocommit mode: transactions are explicit (begin/commit/rollback).
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                                    timeout=BUSY_TIMEOUT_S)

    @classmethod
    def create(cls, path: Path, schema_version: int) -> SubstringStore:
        store = cls(path)
        store._pragmas()
        store.conn.executescript(_SCHEMA)
        store.set_meta("schema_version", str(schema_version))
        return store

    @classmethod
    def open(cls, path: Path) -> SubstringStore:
        """Open an existing file; raises sqlite3.DatabaseError if it is not a usable index file."""
        store = cls(path)
        try:
            store._pragmas()
            store.conn.execute("SELECT count(*) FROM docs").fetchone()
            store.conn.execute("SELECT rowid FROM grams WHERE grams MATCH 'ab' LIMIT 1").fetchall()
            store.conn.execute("SELECT rowid, title, body, note FROM texts LIMIT 1").fetchall()
        except sqlite3.DatabaseError:
            store.close()
            raise
        return store

    def _pragmas(self) -> None:
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")

    def close(self) -> None:
        self.conn.close()

    # -- meta and bookkeeping -------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def doc_hashes(self) -> dict[int, str]:
        return dict(self.conn.execute("SELECT id, hash FROM docs"))

    def dates(self) -> dict[int, str | None]:
        return dict(self.conn.execute("SELECT id, date FROM docs"))

    def noted(self) -> set[int]:
        """Ids of the articles that have note text."""
        return {row[0] for row in self.conn.execute("SELECT id FROM docs WHERE has_note")}

    def present(self, ids: list[int]) -> set[int]:
        """Which of `ids` are indexed."""
        if not ids:
            return set()
        rows = self.conn.execute(
            "SELECT id FROM docs WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),)
        )
        return {row[0] for row in rows}

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM docs").fetchone()[0]

    # -- writing --------------------------------------------------------------------------------

    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def clear(self) -> None:
        """Empty the store (inside the caller's transaction).

        The FTS5 table is dropped and made again rather than emptied: deleting rows
        reads the old index (and fails on every try when it is damaged), dropping does not.
        """
        self.conn.execute("DELETE FROM docs")
        self.conn.execute("DELETE FROM texts")
        self.conn.execute("DROP TABLE grams")
        self.conn.execute(_GRAMS)

    def insert(self, doc: IndexDoc, digest: str) -> None:
        """Add a document known to be absent (a rebuild after `clear`)."""
        title, body, note = doc.title or "", doc.body or "", doc.note or ""
        self.conn.execute(
            "INSERT INTO docs(id, hash, date, has_note) VALUES (?, ?, ?, ?)",
            (doc.id, digest, doc.date, bool(note.strip())),
        )
        self.conn.execute(
            "INSERT INTO texts(rowid, title, body, note) VALUES (?, ?, ?, ?)",
            (doc.id, title, body, note),
        )
        self.conn.execute(
            "INSERT INTO grams(rowid, g) VALUES (?, ?)", (doc.id, grams(title, body, note))
        )

    def upsert(self, doc: IndexDoc, digest: str) -> None:
        self.delete(doc.id)
        self.insert(doc, digest)

    def delete(self, doc_id: int) -> None:
        row = self.conn.execute(
            "SELECT title, body, note FROM texts WHERE rowid = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return
        # A contentless table forgets a row when told the exact tokens it was given.
        self.conn.execute(
            "INSERT INTO grams(grams, rowid, g) VALUES ('delete', ?, ?)", (doc_id, grams(*row))
        )
        self.conn.execute("DELETE FROM texts WHERE rowid = ?", (doc_id,))
        self.conn.execute("DELETE FROM docs WHERE id = ?", (doc_id,))

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file and truncate it (it grows to the size of a
        rebuild's transaction otherwise)."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def optimize(self) -> None:
        """Merge the FTS5 b-trees (after a rebuild; makes lookups faster)."""
        self.conn.execute("INSERT INTO grams(grams) VALUES ('optimize')")

    def problems(self) -> str | None:
        """What SQLite's and FTS5's integrity checks find wrong with the file, or None.

        Reads every page and the whole full-text index: for `reader check`, not for
        every open.
        """
        try:
            found = [row[0] for row in self.conn.execute("PRAGMA quick_check")]
            if found != ["ok"]:
                return "; ".join(found[:3])
            self.conn.execute("INSERT INTO grams(grams) VALUES ('integrity-check')")
            return self._unfound()
        except sqlite3.DatabaseError as exc:
            return str(exc)

    def _unfound(self, sample: int = 64) -> str | None:
        """Whether articles are found by words of their own text (a lost lookup table passes
        FTS5's integrity check but finds nothing): a sample spread over the file."""
        ids = [row[0] for row in self.conn.execute("SELECT id FROM docs ORDER BY id")]
        chosen = ids[:: max(1, len(ids) // sample)]
        rows = [(i, title, body) for i, (title, body, _) in self.texts(chosen).items()]
        for rowid, title, body in rows:
            text = (body or title or "").strip()
            for term in (text[:3], text[:1]):
                if term and self.indexed(term) and rowid not in self.find(term):
                    return f"article {rowid} is not found by “{term}” of its own text"
        return None

    # -- reading --------------------------------------------------------------------------------

    def find(self, term: str, within: set[int] | None = None) -> set[int]:
        """Ids of the articles whose title, body or note contain `term` (within `within`)."""
        if not term or (within is not None and not within):
            return set()
        if len(term) <= 2 and _GRAM_RUN.fullmatch(term):
            found = self._ids("SELECT rowid FROM grams WHERE grams MATCH ?", _phrase(term))
        elif keys := _keys(term):
            candidates = self._ids(
                "SELECT rowid FROM grams WHERE grams MATCH ?", " AND ".join(map(_phrase, keys))
            )
            if within is not None:
                candidates &= within
            found = set(self.fields_with(term, candidates)) if candidates else set()
        else:
            restrict = within if within is not None and len(within) <= _RESTRICT_LIMIT else None
            found = set(self.fields_with(term, restrict))
        return found if within is None else found & within

    @staticmethod
    def indexed(term: str) -> bool:
        """Whether `find` narrows `term` by the index (else it scans all the stored text)."""
        return bool(_GRAM_RUN.search(term))

    def _ids(self, sql: str, *params: object) -> set[int]:
        return {row[0] for row in self.conn.execute(sql, params)}

    def fields_with(self, term: str, ids: Iterable[int] | None = None) -> dict[int, int]:
        """For the articles (all, or `ids`) containing `term`: IN_TITLE|IN_BODY|IN_NOTE flags."""
        params: dict[str, object] = {}
        where = ""
        if ids is not None:
            params["ids"] = json.dumps(sorted(ids))
            where = " WHERE rowid IN (SELECT value FROM json_each(:ids))"
        if _folds_beyond_ascii(term):
            pattern = re.compile(re.escape(term), re.IGNORECASE)
            rows = self.conn.execute(f"SELECT rowid, title, body, note FROM texts{where}", params)
            found = {}
            for rowid, *texts in rows:
                flags = sum(1 << bit for bit, t in enumerate(texts) if pattern.search(t or ""))
                if flags:
                    found[rowid] = flags
            return found
        folded = _ascii_folds(term)
        params["needle"] = term.lower() if folded else term
        tests = [f"(instr({_folded(f, folded)}, :needle) > 0)" for f in _FIELDS]
        flags_sql = " | ".join(f"({test} << {bit})" for bit, test in enumerate(tests))
        where = (where + " AND " if where else " WHERE ") + "(" + " OR ".join(tests) + ")"
        rows = self.conn.execute(f"SELECT rowid, {flags_sql} FROM texts{where}", params)
        return dict(rows)

    def occurrences(self, term: str, ids: Iterable[int]) -> dict[int, Counts]:
        """How often `term` occurs in the title, body and note of each of the given articles."""
        ids = list(ids)
        if not term or not ids:
            return {}
        params: dict[str, object] = {"ids": json.dumps(ids)}
        where = " WHERE rowid IN (SELECT value FROM json_each(:ids))"
        if _folds_beyond_ascii(term):
            rows = self.conn.execute(f"SELECT rowid, title, body, note FROM texts{where}", params)
            pattern = re.compile(re.escape(term), re.IGNORECASE)
            return {
                rowid: Counts(*(len(pattern.findall(t or "")) for t in texts))
                for rowid, *texts in rows
            }
        folded = _ascii_folds(term)
        params.update(needle=term.lower() if folded else term, n=len(term))
        counts = ", ".join(
            f"(length({_folded(f, folded)}) - length(replace({_folded(f, folded)}, :needle, ''))) / :n"
            for f in _FIELDS
        )
        rows = self.conn.execute(f"SELECT rowid, {counts} FROM texts{where}", params)
        return {rowid: Counts(*counts) for rowid, *counts in rows}

    def texts(self, ids: Iterable[int]) -> dict[int, tuple[str, str, str]]:
        """Title, body and note of the given articles."""
        ids = list(ids)
        if not ids:
            return {}
        rows = self.conn.execute(
            "SELECT rowid, title, body, note FROM texts "
            "WHERE rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        return {row[0]: (row[1], row[2], row[3]) for row in rows}


def _keys(term: str) -> list[str]:
    """The grams every text containing `term` holds: each run's pairs (a lone character
    itself).  A run inside the term is inside one run of the text, so its pairs are pairs
    of the text; FTS5 folds ASCII case on both sides, as the check by `instr` does."""
    keys: set[str] = set()
    for run in _GRAM_RUN.findall(term):
        keys.update(map(str.__add__, run, run[1:]) if len(run) > 1 else run)
    return sorted(keys)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _ascii_folds(term: str) -> bool:
    return any(ch.isascii() and ch.isalpha() for ch in term)


def _folds_beyond_ascii(term: str) -> bool:
    """Whether `term` has cased letters outside ASCII, which SQLite's lower() leaves alone."""
    return any(not ch.isascii() and ch.lower() != ch.upper() for ch in term)


def _folded(field: str, folded: bool) -> str:
    return f"lower({field})" if folded else field
