"""Where the substring index reads the text it checks matches against (issue 17: one copy).

The pairs index (substring.py) only narrows a lookup; the answer is made exact by reading
the text of the candidates.  That text comes from a `TextSource`:

- in the app, the library itself (`reader.app.index_texts.LibraryTexts`): the index holds no
  copy of the text, so the library folder holds the text once;
- on its own (an index opened without a library: tests, benchmarks), `OwnTexts`, a plain
  table of the indexed text in the index file, as before issue 17.

A source answers three questions about a term, all with ASCII letters folded to lower
case and other characters compared as they are (as `text_matches` does): in which fields
of which articles it occurs (`fields_with`), how often (`occurrences`), and the text of a
page of articles (`texts`, for the snippets and the last check of every hit shown).
`in_fields` and `counts_in` answer the first two in Python from whole texts, for terms SQL
cannot compare exactly (cased letters outside ASCII, which SQLite's lower() leaves alone).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from typing import NamedTuple, Protocol

__all__ = [
    "IN_BODY", "IN_NOTE", "IN_TITLE", "Counts", "OwnTexts", "TextSource", "counts_in",
    "folds_beyond_ascii", "in_fields",
]

#: Bits of `fields_with`'s values: where in an article a term occurs.
IN_TITLE, IN_BODY, IN_NOTE = 1, 2, 4

TEXTS_TABLE = "CREATE TABLE texts(rowid INTEGER PRIMARY KEY, title TEXT, body TEXT, note TEXT)"
_FIELDS = ("title", "body", "note")


class Counts(NamedTuple):
    """How often a term occurs in one article's title, body and note."""

    title: int
    body: int
    note: int


class TextSource(Protocol):
    """The text of the indexed articles, by id (see the module docstring)."""

    def texts(self, ids: Iterable[int]) -> dict[int, tuple[str, str, str]]:
        """Title, body and note of the given articles (unknown ids left out)."""
        ...

    def fields_with(self, term: str, ids: Iterable[int] | None = None) -> dict[int, int]:
        """For the articles (all, or `ids`) containing `term`: IN_TITLE|IN_BODY|IN_NOTE flags."""
        ...

    def occurrences(self, term: str, ids: Iterable[int]) -> dict[int, Counts]:
        """How often `term` occurs in the title, body and note of each of the given articles."""
        ...


def folds_beyond_ascii(term: str) -> bool:
    """Whether `term` has cased letters outside ASCII, which SQLite's lower() leaves alone."""
    return any(not ch.isascii() and ch.lower() != ch.upper() for ch in term)


def ascii_folds(term: str) -> bool:
    return any(ch.isascii() and ch.isalpha() for ch in term)


def folded(sql: str, folds: bool) -> str:
    """`sql` lower-cased in SQL when the term has ASCII letters."""
    return f"lower({sql})" if folds else sql


def _pattern(term: str) -> re.Pattern[str]:
    return re.compile(re.escape(term), re.IGNORECASE)


def in_fields(term: str, texts: dict[int, tuple[str, str, str]]) -> dict[int, int]:
    """`fields_with` computed in Python from whole texts (case folded as `re.IGNORECASE`)."""
    pattern = _pattern(term)
    found = {}
    for rowid, fields in texts.items():
        flags = sum(1 << bit for bit, t in enumerate(fields) if pattern.search(t or ""))
        if flags:
            found[rowid] = flags
    return found


def counts_in(term: str, texts: dict[int, tuple[str, str, str]]) -> dict[int, Counts]:
    """`occurrences` computed in Python from whole texts."""
    pattern = _pattern(term)
    return {rowid: Counts(*(len(pattern.findall(t or "")) for t in fields))
            for rowid, fields in texts.items()}


class OwnTexts:
    """The index's own copy of the text: the `texts` table of the index file."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def insert(self, doc_id: int, title: str, body: str, note: str) -> None:
        self.conn.execute("INSERT INTO texts(rowid, title, body, note) VALUES (?, ?, ?, ?)",
                          (doc_id, title, body, note))

    def delete(self, doc_id: int) -> None:
        self.conn.execute("DELETE FROM texts WHERE rowid = ?", (doc_id,))

    def clear(self) -> None:
        self.conn.execute("DELETE FROM texts")

    def texts(self, ids: Iterable[int]) -> dict[int, tuple[str, str, str]]:
        ids = list(ids)
        if not ids:
            return {}
        rows = self.conn.execute(
            "SELECT rowid, title, body, note FROM texts "
            "WHERE rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        return {row[0]: (row[1], row[2], row[3]) for row in rows}

    def _all(self, where: str, params: dict[str, object]) -> dict[int, tuple[str, str, str]]:
        rows = self.conn.execute(f"SELECT rowid, title, body, note FROM texts{where}", params)
        return {row[0]: (row[1], row[2], row[3]) for row in rows}

    def fields_with(self, term: str, ids: Iterable[int] | None = None) -> dict[int, int]:
        params: dict[str, object] = {}
        where = ""
        if ids is not None:
            params["ids"] = json.dumps(sorted(ids))
            where = " WHERE rowid IN (SELECT value FROM json_each(:ids))"
        if folds_beyond_ascii(term):
            return in_fields(term, self._all(where, params))
        folds = ascii_folds(term)
        params["needle"] = term.lower() if folds else term
        tests = [f"(instr({folded(f, folds)}, :needle) > 0)" for f in _FIELDS]
        flags_sql = " | ".join(f"({test} << {bit})" for bit, test in enumerate(tests))
        where = (where + " AND " if where else " WHERE ") + "(" + " OR ".join(tests) + ")"
        rows = self.conn.execute(f"SELECT rowid, {flags_sql} FROM texts{where}", params)
        return dict(rows)

    def occurrences(self, term: str, ids: Iterable[int]) -> dict[int, Counts]:
        ids = list(ids)
        if not term or not ids:
            return {}
        params: dict[str, object] = {"ids": json.dumps(ids)}
        where = " WHERE rowid IN (SELECT value FROM json_each(:ids))"
        if folds_beyond_ascii(term):
            return counts_in(term, self._all(where, params))
        folds = ascii_folds(term)
        params.update(needle=term.lower() if folds else term, n=len(term))
        counts = ", ".join(
            f"(length({folded(f, folds)}) - length(replace({folded(f, folds)}, :needle, ''))) / :n"
            for f in _FIELDS
        )
        rows = self.conn.execute(f"SELECT rowid, {counts} FROM texts{where}", params)
        return {rowid: Counts(*counts) for rowid, *counts in rows}
