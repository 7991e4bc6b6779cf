"""The substring side of the index: an SQLite file with the character grams of every article.

It answers "which articles contain this exact text", the truth search results rest on
(../shared/BENCHMARKS.md: 100 % recall, no false hits).  `grams` is a contentless FTS5
table holding each article's distinct characters and adjacent character pairs (runs of Han
characters, ASCII letters and digits), with no positions (detail=none): the least an index
can hold and still narrow every lookup.

- a term of 1 or 2 such characters is one token of `grams`: exact by construction (an index
  lookup instead of a scan of all the text, which costs about 2 ms a MB);
- a longer term (or one mixing in other characters) takes the articles holding all its
  characters' pairs, then keeps those whose text contains the term: the pairs leave few
  articles to check, and the check makes the answer exact;
- a term with none of those characters (punctuation, kana, rare scripts) is looked for in
  all the text.

The text is read from a `TextSource` (texts.py): in the app the library itself, so the text
is on disk once (issue 17); an index opened on its own keeps a copy in a `texts` table.

A contentless FTS5 table forgets a row only when told the exact tokens it was given, and
with the text in the library those are gone once the library has changed.  So a replaced
or deleted article's grams stay where they are, under a row id recorded in `stale` (left out
of every answer), and its new grams go under a fresh negative row id recorded in `moved`
(article id → grams row id).  A rebuild starts the table afresh.

The file also records which documents are indexed (`docs`: id, content hash, date, whether it
has a note) and a `meta` table (schema version, the library generation the index reflects).
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sqlite3
import sys
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path

from reader.models import IndexDoc
from reader.search.texts import (
    IN_BODY,
    IN_NOTE,
    IN_TITLE,
    TEXTS_TABLE,
    Counts,
    OwnTexts,
    TextSource,
)

logger = logging.getLogger(__name__)

__all__ = ["FILE_NAME", "IN_BODY", "IN_NOTE", "IN_TITLE", "Counts", "SubstringStore", "grams"]

FILE_NAME = "substring.sqlite3"
#: Files SQLite may keep next to FILE_NAME.
COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")

#: FTS5's `ascii` tokenizer: every character above ASCII is a token character, ASCII
#: letters are folded, the rest separates.  What `grams` writes and every query of the
#: table (`_phrase` of `_GRAM_RUN` characters) holds only `_GRAM_RUN` characters and
#: spaces, which `unicode61` (of files made before, kept as they are) reads alike; `ascii`
#: does with a third less of FTS5's work than `unicode61`'s Unicode tables (issue 17).
_TOKENIZER = "ascii"
_GRAMS = ("CREATE VIRTUAL TABLE grams USING fts5(g, content='', detail=none, columnsize=0, "
          f"tokenize='{_TOKENIZER}')")
_VERSIONS = """
CREATE TABLE IF NOT EXISTS moved(id INTEGER PRIMARY KEY, grow INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS stale(grow INTEGER PRIMARY KEY);
"""
_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE docs(id INTEGER PRIMARY KEY, hash TEXT NOT NULL, date TEXT, has_note INTEGER NOT NULL);
{_VERSIONS}
{_GRAMS};
"""
#: The schema version an index upgrades from in place (the text copy dropped, the version
#: tables added): a rebuild of a large archive takes an hour.
_UPGRADES_FROM = "3"
#: Above this many candidate ids a scan reads everything instead of listing the ids.
_RESTRICT_LIMIT = 2000
#: Characters `grams` indexes: ones FTS5's tokenizers (`ascii`; `unicode61`, by Unicode 6.1
#: tables, in files made before) surely read as token characters, folding only ASCII case:
#: so a gram is exactly one token, whichever tokenizer the file's table has.
_GRAM_RUN = re.compile(r"[0-9A-Za-z\u3400-\u4db5\u4e00-\u9fcc]+")


def grams(*texts: str) -> str:
    """Every character and adjacent pair of `_GRAM_RUN` characters, space-separated, as
    many times as they occur (FTS5 keeps a row's distinct tokens: with detail=none a token
    repeated in a row is only looked up again).

    Made without a Python object a gram: the runs, joined by spaces, as an array of code
    points (UTF-32), and the pairs laid out by slices of it, "ab bc c d …" (a pair that
    takes in a space is a lone character then, as the characters are anyway).  A set of
    the pair strings, as before, cost eight times as much (issue 17), and left only a
    fifth of the tokens out."""
    joined = " ".join([" ".join(_GRAM_RUN.findall(text)) for text in texts if text])
    count = len(joined)
    if not count:
        return ""
    points = array("I")
    points.frombytes(joined.encode(_UTF32))
    pairs = 3 * (count - 1)  # "ab " a pair, then "a " a character
    out = _SPACE * (pairs + 2 * count)
    out[0:pairs:3] = points[:-1]
    out[1:pairs:3] = points[1:]
    out[pairs::2] = points
    return out.tobytes().decode(_UTF32)


#: Code points as `array("I")` holds them (its items are native: 4 bytes where Python runs).
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_SPACE = array("I", [ord(" ")])


#: Bytes of new tokens FTS5 gathers in memory before it writes a segment, in bulk writes.
BULK_HASH = 64 << 20

#: How long a write waits for another process's write to end (a reindex holds the file
#: for its whole length) before SQLite says the index is busy.
BUSY_TIMEOUT_S = 5.0


class SubstringStore:
    """The SQLite file; one connection, used under the caller's lock."""

    def __init__(self, path: Path, source: TextSource | None = None) -> None:
        self.path = path
        # Autocommit mode: transactions are explicit (begin/commit/rollback).
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                                    timeout=BUSY_TIMEOUT_S)
        #: The index's own copy of the text, when no source was given.
        self._own = OwnTexts(self.conn) if source is None else None
        self.source: TextSource = source if source is not None else self._own  # type: ignore[assignment]
        #: (data_version, stale grams row ids, grams row id → article id of moved ones).
        self._versions: tuple[int, frozenset[int], dict[int, int]] | None = None
        #: The data_version `changed_elsewhere` saw last.
        self._seen_version: int | None = None

    @property
    def holds_text(self) -> bool:
        """Whether the file keeps its own copy of the text (no source was given)."""
        return self._own is not None

    @classmethod
    def create(cls, path: Path, schema_version: int,
               source: TextSource | None = None) -> SubstringStore:
        store = cls(path, source)
        store._incremental_vacuum()
        store._pragmas()
        store.conn.executescript(_SCHEMA + (f"{TEXTS_TABLE};" if source is None else ""))
        store.set_meta("schema_version", str(schema_version))
        return store

    @classmethod
    def open(cls, path: Path, schema_version: int,
             source: TextSource | None = None) -> SubstringStore:
        """Open an existing file, upgrading it in place from the previous schema version.

        Raises sqlite3.DatabaseError if it is not a usable index file."""
        store = cls(path, source)
        try:
            store._pragmas()
            store.conn.execute("SELECT count(*) FROM docs").fetchone()
            store.conn.execute("SELECT rowid FROM grams WHERE grams MATCH 'ab' LIMIT 1").fetchall()
            if store.get_meta("schema_version") == _UPGRADES_FROM:
                store._upgrade(schema_version)
            if store.get_meta("schema_version") == str(schema_version):
                store.conn.execute("SELECT count(*) FROM moved, stale").fetchone()
                store._own_texts_as_needed()
        except sqlite3.DatabaseError:
            store.close()
            raise
        return store

    def _has_texts(self) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'texts'"
        ).fetchone() is not None

    def _upgrade(self, schema_version: int) -> None:
        """From the previous version: the tables that track replaced grams, in one transaction."""
        self.begin()
        try:
            for statement in _VERSIONS.strip().splitlines():  # (executescript would commit)
                self.conn.execute(statement)
            self.set_meta("schema_version", str(schema_version))
            self.commit()
        except BaseException:
            self.rollback()
            raise
        logger.info("search index upgraded in place to schema version %s", schema_version)

    def _own_texts_as_needed(self) -> None:
        """Drop the text copy when the library is the source; without one, the copy must be there.

        The freed pages go back to the disk (VACUUM); if another process holds the file, the
        next open tries again (the free pages are still counted then)."""
        has_texts = self._has_texts()
        if self._own is not None:
            if not has_texts:
                raise sqlite3.DatabaseError("the index holds no text of its own (built for a library)")
            return
        if has_texts:
            self.begin()
            self.conn.execute("DROP TABLE texts")
            self.commit()
            self.optimize()  # one segment: the VACUUM below then keeps a sixth less
            logger.info("search index: dropped its copy of the text (the library holds it)")
        free, pages = (self.conn.execute(f"PRAGMA {p}").fetchone()[0]
                       for p in ("freelist_count", "page_count"))
        if free > max(256, pages // 4):
            with contextlib.suppress(sqlite3.OperationalError):  # busy: next time
                self._incremental_vacuum()
                self.conn.execute("VACUUM")
                self.checkpoint()

    def _pragmas(self) -> None:
        self.conn.execute("PRAGMA journal_mode=WAL")

    def _incremental_vacuum(self) -> None:
        """Before the first table (a new file) or a VACUUM (not on every open: setting it
        writes, and another process may hold the file): merging FTS5 segments frees as many
        pages as it writes, which `checkpoint` gives back."""
        self.conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
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

    def doc_hashes(self, ids: list[int] | None = None) -> dict[int, str]:
        if ids is None:
            return dict(self.conn.execute("SELECT id, hash FROM docs"))
        return dict(self.conn.execute(
            "SELECT id, hash FROM docs WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),)))

    def ids_and_dates(self, step: int = 65_536, noted: set[int] | None = None
                      ) -> Iterator[tuple[int, str | None, str]]:
        """Every indexed article's id and date, a range of `step` ids at a time: (the
        range's first id, its articles' ids as decimal numbers joined by ",", their dates
        ("" for none) in the same order joined by "\\x1f").  Where every id of the range
        is an article (the usual library: ids are dense), the ids are not sent (None) and
        the dates come in id order, as a scan of the table gives them (date_ranks.py: no
        sort, no tuple a row, issue 17).  `noted`, if given, gets the ids of the articles
        with note text (`noted()`) from the same pass, once it has gone to the end."""
        end = self.max_id() + 1
        for first in range(1, end, step):
            last = min(first + step, end)
            count, dates, with_notes = self.conn.execute(
                "SELECT count(*), group_concat(coalesce(date, ''), char(31)), "
                "group_concat(CASE WHEN has_note THEN id END) FROM docs "
                "WHERE id >= ? AND id < ?", (first, last)).fetchone()
            if noted is not None and with_notes:
                noted.update(map(int, with_notes.split(",")))
            if count == last - first:
                yield first, None, dates
            elif count:
                ids, dates = self.conn.execute(
                    "SELECT group_concat(id), group_concat(coalesce(date, ''), char(31)) "
                    "FROM docs WHERE id >= ? AND id < ?", (first, last)).fetchone()
                yield first, ids, dates

    def dates_of(self, ids: list[int]) -> dict[int, str]:
        """The dates ("" for none) of those of `ids` that are indexed articles."""
        if len(ids) == 1:  # the usual ask (date_ranks.DatesOnDemand): one row by its key
            row = self.conn.execute("SELECT coalesce(date, '') FROM docs WHERE id = ?",
                                    ids).fetchone()
            return {} if row is None else {ids[0]: row[0]}
        found: dict[int, str] = {}
        for start in range(0, len(ids), 500):  # SQLite's limit on parameters
            chunk = ids[start:start + 500]
            found.update(self.conn.execute(
                "SELECT id, coalesce(date, '') FROM docs WHERE id IN "
                f"({','.join('?' * len(chunk))})", chunk))
        return found

    def max_id(self) -> int:
        """The highest indexed article id (0 when there is none)."""
        return self.conn.execute("SELECT coalesce(max(id), 0) FROM docs").fetchone()[0]

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

    def stale_count(self) -> int:
        """How many replaced or deleted articles' grams the table still holds (a rebuild drops them)."""
        return self.conn.execute("SELECT count(*) FROM stale").fetchone()[0]

    # -- writing --------------------------------------------------------------------------------

    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.conn.execute("COMMIT")
        self._versions = None

    def rollback(self) -> None:
        self._versions = None
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def clear(self) -> None:
        """Empty the store (inside the caller's transaction).

        The FTS5 table is dropped and made again rather than emptied: deleting rows
        reads the old index (and fails on every try when it is damaged), dropping does not.
        """
        for table in ("docs", "moved", "stale"):
            self.conn.execute(f"DELETE FROM {table}")
        if self._own is not None:
            self._own.clear()
        self.conn.execute("DROP TABLE grams")
        self.conn.execute(_GRAMS)
        self._versions = None

    def insert(self, doc: IndexDoc, digest: str) -> None:
        """Add a document known to be absent (a rebuild after `clear`, or after `delete`)."""
        title, body, note = doc.title or "", doc.body or "", doc.note or ""
        self.conn.execute(
            "INSERT INTO docs(id, hash, date, has_note) VALUES (?, ?, ?, ?)",
            (doc.id, digest, doc.date, bool(note.strip())),
        )
        if self._own is not None:
            self._own.insert(doc.id, title, body, note)
        grow = doc.id
        if self.conn.execute("SELECT 1 FROM stale WHERE grow = ?", (grow,)).fetchone():
            # Its old grams are still under its id: the new ones go under a fresh one.
            lowest = self.conn.execute(
                "SELECT min(coalesce((SELECT min(grow) FROM moved), 0), "
                "coalesce((SELECT min(grow) FROM stale), 0), 0)"
            ).fetchone()[0]
            grow = lowest - 1
            self.conn.execute("INSERT INTO moved(id, grow) VALUES (?, ?)", (doc.id, grow))
        self.conn.execute("INSERT INTO grams(rowid, g) VALUES (?, ?)",
                          (grow, grams(title, body, note)))
        self._versions = None

    def upsert(self, doc: IndexDoc, digest: str) -> None:
        self.delete(doc.id)
        self.insert(doc, digest)

    def delete(self, doc_id: int) -> None:
        """Forget a document: its grams row id joins `stale` (see the module docstring)."""
        if not self.conn.execute("SELECT 1 FROM docs WHERE id = ?", (doc_id,)).fetchone():
            return
        row = self.conn.execute("SELECT grow FROM moved WHERE id = ?", (doc_id,)).fetchone()
        self.conn.execute("INSERT INTO stale(grow) VALUES (?)", (row[0] if row else doc_id,))
        self.conn.execute("DELETE FROM moved WHERE id = ?", (doc_id,))
        self.conn.execute("DELETE FROM docs WHERE id = ?", (doc_id,))
        if self._own is not None:
            self._own.delete(doc_id)
        self._versions = None

    def checkpoint(self) -> None:
        """Give the pages a merge or a rebuild freed back to the disk (a file made with
        incremental auto-vacuum; an older one is VACUUMed on open when a quarter is free),
        then fold the write-ahead log into the file and truncate it (it grows to the size
        of a rebuild's transaction otherwise)."""
        if not self.conn.in_transaction:
            # executescript steps it to the end (execute would free one page).
            self.conn.executescript("PRAGMA incremental_vacuum;")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def bulk(self) -> None:
        """Before writing many documents (in the caller's transaction): FTS5 keeps up to
        BULK_HASH bytes of new tokens in memory before it writes them out as a segment (its
        default is 1 MB: at an import's pace, a segment every ~200 articles, merged and
        merged again).  A tenth less work and a third smaller before 'optimize' (issue 17).
        A setting of the table, kept in the file; an SQLite that lacks it is left as is."""
        with contextlib.suppress(sqlite3.OperationalError):
            self.conn.execute("INSERT INTO grams(grams, rank) VALUES ('hashsize', ?)",
                              (BULK_HASH,))

    def optimize(self) -> None:
        """Merge the FTS5 b-trees (after a rebuild; makes lookups faster)."""
        self.conn.execute("INSERT INTO grams(grams) VALUES ('optimize')")

    def optimize_within(self) -> bool:
        """`optimize` inside the caller's transaction, undone alone if it fails (a full
        disk: the documents written before it are still committed).  True if it was done."""
        self.conn.execute("SAVEPOINT reader_optimize")
        try:
            self.optimize()
        except sqlite3.DatabaseError:
            self.conn.execute("ROLLBACK TO reader_optimize")
            self.conn.execute("RELEASE reader_optimize")
            return False
        self.conn.execute("RELEASE reader_optimize")
        return True

    def merge_some(self, pages: int) -> None:
        """Merge FTS5 b-trees until about `pages` pages were written (FTS5's 'merge'): the
        small segments an import left, without rewriting the whole index."""
        self.conn.execute("INSERT INTO grams(grams, rank) VALUES ('merge', ?)", (pages,))

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
        rows = [(i, title, body) for i, (title, body, _) in self.source.texts(chosen).items()]
        for rowid, title, body in rows:
            text = (body or title or "").strip()
            for term in (text[:3], text[:1]):
                if term and self.indexed(term) and rowid not in self.find(term):
                    return f"article {rowid} is not found by “{term}” of its own text"
        return None

    # -- reading --------------------------------------------------------------------------------

    def find(self, term: str, within: set[int] | None = None,
             proven: Callable[[], set[int] | None] | None = None) -> set[int]:
        """Ids of the articles whose title, body or note contain `term` (within `within`).

        `proven()`, asked only when candidates must be checked against the text, may name
        articles known to contain `term` (from the word index): those are not read."""
        if not term or (within is not None and not within):
            return set()
        if self.exact(term):
            found = self._ids(_phrase(term))
        elif keys := _keys(term):
            candidates = self._ids(" AND ".join(map(_phrase, keys)))
            if within is not None:
                candidates &= within
            sure = (proven() if proven is not None and candidates else None) or set()
            sure &= candidates
            rest = candidates - sure
            found = sure | set(self.fields_with(term, rest)) if rest else sure
        else:
            restrict = within if within is not None and len(within) <= _RESTRICT_LIMIT else None
            found = set(self.fields_with(term, restrict))
        return found if within is None else found & within

    @staticmethod
    def exact(term: str) -> bool:
        """Whether one lookup of the index answers `term` exactly (a token of its own)."""
        return len(term) <= 2 and bool(_GRAM_RUN.fullmatch(term))

    @staticmethod
    def phrase(term: str) -> str:
        """`term` as an FTS5 phrase, for `count_matching`."""
        return _phrase(term)

    @staticmethod
    def candidates(term: str) -> str | None:
        """The FTS5 query of the articles `find` takes as `term`'s candidates (all its
        grams), for `count_matching`; None when the index cannot narrow it."""
        if not term:
            return None
        if SubstringStore.exact(term):
            return _phrase(term)
        keys = _keys(term)
        return "(" + " AND ".join(map(_phrase, keys)) + ")" if keys else None

    def count_matching(self, expression: str) -> int:
        """How many indexed articles the FTS5 query `expression` (of `phrase`s of `exact`
        terms, or of `candidates`) matches: their current grams, the stale ones of replaced
        articles left out."""
        _, stale, _ = self._grams_versions()
        sql = "SELECT count(*) FROM grams WHERE grams MATCH ?"
        if stale:
            sql += " AND rowid NOT IN (SELECT grow FROM stale)"
        return self.conn.execute(sql, (expression,)).fetchone()[0]

    @staticmethod
    def indexed(term: str) -> bool:
        """Whether `find` narrows `term` by the index (else it reads all the text)."""
        return bool(_GRAM_RUN.search(term))

    def _ids(self, match: str) -> set[int]:
        """The ids of the articles whose current grams match `match` (an FTS5 query)."""
        # One JSON list instead of a row object a match: a third of the time for a common
        # character (82,000 matches at 100k articles: 38 → 16 ms).
        (listed,) = self.conn.execute(
            "SELECT json_group_array(rowid) FROM grams WHERE grams MATCH ?", (match,)).fetchone()
        rows = set(json.loads(listed))
        _, stale, moved = self._grams_versions()
        if stale:
            rows -= stale
        if moved:
            for grow in rows.intersection(moved):
                rows.discard(grow)
                rows.add(moved[grow])
        return rows

    def changed_elsewhere(self) -> bool:
        """Whether another connection (another process) committed to the file since the
        last call (SQLite's `PRAGMA data_version`: this connection's own writes leave it)."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        changed = self._seen_version is not None and version != self._seen_version
        self._seen_version = version
        return changed

    def _grams_versions(self) -> tuple[int, frozenset[int], dict[int, int]]:
        """`stale` and `moved` (grams row id → article id), read again when the file changed
        (another process's write shows in `PRAGMA data_version`; ours reset the cache)."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if self._versions is None or self._versions[0] != version:
            stale = frozenset(row[0] for row in self.conn.execute("SELECT grow FROM stale"))
            moved = dict(self.conn.execute("SELECT grow, id FROM moved"))
            self._versions = (version, stale, moved)
        return self._versions

    def fields_with(self, term: str, ids: set[int] | None = None) -> dict[int, int]:
        """For the articles (all, or `ids`) containing `term`: IN_TITLE|IN_BODY|IN_NOTE flags."""
        return self.source.fields_with(term, ids)

    def occurrences(self, term: str, ids: set[int]) -> dict[int, Counts]:
        """How often `term` occurs in the title, body and note of each of the given articles."""
        return self.source.occurrences(term, ids)

    def texts(self, ids) -> dict[int, tuple[str, str, str]]:
        """Title, body and note of the given articles."""
        return self.source.texts(ids)


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
