"""The library as the search index's text source (issue 17: the text on disk once).

The substring index narrows a term to candidate articles by its character pairs and then
needs their text to keep exactly those that contain it (reader/search/texts.py).  This
reads that text from the library, so the index keeps no copy of it.

What the index searches of an article is its `IndexDoc` (indexing.index_doc): the title;
a body of subtitle, byline ("role name …"), subheads, paragraphs and box entries ("text
source"), one a line; and the note with the highlight notes.  `texts` builds exactly that.
Most terms are checked in SQL, over the library's columns, without building it:

- a term without whitespace cannot run from one part of the body into the next (parts are
  joined by a line break, role and name by a space), so it occurs in the body when it occurs
  in one of the parts, and as often as in all of them together;
- the paragraphs are the start of `articles.text`, as long as their stored lengths say
  (text_once.py), so a term is in them when its first place in the text ends before that
  length; lengths that do not fit read as no paragraphs, as in Python.  Rows that still
  hold their paragraphs as strings (an old migration left them) or have a NUL in their text
  (SQLite's length() stops there) are read in Python from `texts`, like terms with
  whitespace and terms with cased letters outside ASCII (SQLite's lower() folds ASCII only).

A JSON list is decoded only when its raw text may hold the term, the note tables are read
only for the few articles with notes, and the paragraph lengths are summed in Python (SQL's
json_each costs more than the rest of the test together).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.app.indexing import index_body
from reader.library.text_once import paragraphs_length
from reader.search.texts import (
    IN_BODY,
    IN_NOTE,
    IN_TITLE,
    Counts,
    ascii_folds,
    counts_in,
    folded,
    folds_beyond_ascii,
    in_fields,
)

if TYPE_CHECKING:
    from reader.library import Library

__all__ = ["LibraryTexts"]

#: Articles read at a time when a term is looked for in Python over the whole library.
_BATCH = 500


def _array(column: str) -> str:
    """A JSON list column as json_each reads it: a damaged one reads as empty (as in Python).
    CASE, not AND: SQLite may compute both sides of AND, and json_type() fails on bad JSON."""
    return (f"CASE WHEN NOT json_valid({column}) THEN '[]' WHEN json_type({column}) = 'array' "
            f"THEN {column} ELSE '[]' END")


#: Whether the row's paragraphs are a list of strings (a row an old migration left as it
#: was): they are not cut from `articles.text`, so the row is read in Python.
_STRINGS = "a.paragraphs GLOB '[[]\"*'"
#: An entry's text and source (a box entry is an object with a text; the source may be null).
_ENTRY_TEXT, _ENTRY_SOURCE = "json_extract(value, '$.text')", "json_extract(value, '$.source')"
_IS_ENTRY = "CASE WHEN type = 'object' THEN json_type(value, '$.text') = 'text' END"
#: The articles with note text (a note, or a highlight's note): few, so the note parts
#: are read in a query of their own, over these only.
_NOTED = ("a.key IN (SELECT article_key FROM notes UNION "
          "SELECT article_key FROM highlights WHERE note IS NOT NULL AND note != '')")


def _parts(f, agg: str, may_hold) -> dict[str, list[str]]:
    """SQL over one article `a` for each field: expressions that together make the field's
    answer, of f (a test or a count of the term in one string); the paragraphs are left to
    the caller.  `agg` folds a list's
    values: total() for counts, max() for tests (NULL for an empty list).  `may_hold(sql)`
    is a cheap test false only when the string `sql` cannot hold the term."""
    def unless_absent(sql: str, whole: str) -> str:
        return f"CASE WHEN {may_hold(whole)} THEN {sql} END"

    return {
        "title": [f("coalesce(a.title, '')")],
        "body": [
            f("coalesce(a.subtitle, '')"),
            unless_absent(f"(SELECT {agg}({f('value')}) FROM json_each({_array('a.subheads')}) "
                          "WHERE type = 'text')", "a.subheads"),
            unless_absent(f"(SELECT {agg}({f(_ENTRY_TEXT)} + coalesce({f(_ENTRY_SOURCE)}, 0)) "
                          f"FROM json_each({_array('a.entries')}) WHERE {_IS_ENTRY})",
                          "a.entries"),
            f"(SELECT {agg}({f('aa.role')} + {f('au.name')}) FROM article_authors aa "
            "JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id)",
        ],
        "note": [
            f"(SELECT {agg}({f('n.body')}) FROM notes n WHERE n.article_key = a.key)",
            f"(SELECT {agg}({f('h.note')}) FROM highlights h WHERE h.article_key = a.key "
            "AND h.note IS NOT NULL AND h.note != '')",
        ],
    }


def _may_hold(term: str, folds: bool):
    """A test of a JSON list's raw text, false only when no string in it can hold `term`:
    JSON writes the term's characters as they are unless it escapes some (then the text has
    a backslash, and is decoded)."""
    if any(ch in '"\\' or ord(ch) < 0x20 for ch in term):
        return lambda column: "1"
    return lambda column: (f"(instr({folded(column, folds)}, :needle) > 0 "
                           f"OR instr({column}, char(92)) > 0)")


class LibraryTexts:
    """`TextSource` over a library (its own connection, used under the index's lock)."""

    def __init__(self, library: Library) -> None:
        self._library = library

    def _execute(self, sql: str, params: dict[str, object]):
        return self._library.connection.execute(sql, params)

    # -- whole texts ----------------------------------------------------------------------

    def texts(self, ids: Iterable[int]) -> dict[int, tuple[str, str, str]]:
        ids = list(ids)
        if not ids:
            return {}
        notes = self._library.notes.search_texts(ids)
        return {a.id: (a.title or "", index_body(a), notes.get(a.id, ""))
                for a in self._library.articles.texts(ids)}

    def _all_texts(self, ids: Iterable[int] | None) -> Iterable[dict[int, tuple[str, str, str]]]:
        """The texts of `ids` (or of every article), a batch at a time."""
        wanted = sorted(ids) if ids is not None else self._library.articles.ids()
        for at in range(0, len(wanted), _BATCH):
            yield self.texts(wanted[at : at + _BATCH])

    def _in_python(self, read, term: str, ids: list[int] | None) -> dict:
        """`read(term, texts)` over the texts of `ids` (or every article), a batch at a time:
        the terms SQL cannot test (whitespace, cased letters outside ASCII)."""
        found: dict = {}
        for batch in self._all_texts(ids):
            found.update(read(term, batch))
        return found

    # -- terms ------------------------------------------------------------------------------

    @staticmethod
    def _in_sql(term: str) -> bool:
        return not folds_beyond_ascii(term) and not any(ch.isspace() for ch in term)

    def _rows(self, term: str, ids: list[int] | None, f, agg: str, text: str | None):
        """(id, read in SQL, title, body without the paragraphs, paragraph lengths[, text])
        of the articles of `ids` (or all), and {id: note} of those with note text; each
        value `agg` of f over the field's strings.  With `text` (an expression of the text),
        the body's value is that alone (see fields_with); counts read the text itself."""
        folds = ascii_folds(term)
        params: dict[str, object] = {"needle": term.lower() if folds else term, "n": len(term)}
        among = ""
        if ids is not None:
            params["ids"] = json.dumps(ids)
            among = " AND a.id IN (SELECT value FROM json_each(:ids))"
        parts = _parts(f, agg, _may_hold(term, folds))
        in_sql = f"NOT {_STRINGS}"
        if agg == "total":
            # SQLite's length() stops at a NUL character (a hostile page can hold one):
            # counts in a title or subtitle with one are made in Python.  (The text's
            # paragraphs are counted in Python; the tests' use of length() is checked
            # there.)
            in_sql += " AND instr(coalesce(a.title, '') || coalesce(a.subtitle, ''), char(0)) = 0"
            body, extra = _sum_or_any(parts["body"], agg), ", a.text"
        elif text is not None:
            body, extra = text.format(folded("a.text", folds)), ""
        else:
            body, extra = _first_of(parts["body"]), ""
        main = self._execute(
            f"SELECT a.id, {in_sql}, {_sum_or_any(parts['title'], agg)}, {body}, "
            f"{_PARAGRAPHS}{extra} FROM articles a WHERE 1{among}", params).fetchall()
        notes = self._execute(
            f"SELECT a.id, {_sum_or_any(parts['note'], agg)} FROM articles a "
            f"WHERE {_NOTED}{among}", params).fetchall()
        return main, dict(notes)

    def fields_with(self, term: str, ids: Iterable[int] | None = None) -> dict[int, int]:
        wanted = sorted(ids) if ids is not None else None
        if wanted is not None and not wanted:
            return {}
        if not self._in_sql(term):
            return self._in_python(in_fields, term, wanted)
        folds = ascii_folds(term)

        def test(sql: str) -> str:
            return f"(instr({folded(sql, folds)}, :needle) > 0)"

        # The text is tested first, and only it: the body's value says where the term first
        # is in it (0: not there) and how long the text is (-(place * _SHIFT + length)), and
        # Python decides whether that is in the paragraphs.  The rows where it is not (the
        # term is only in the body's other parts, or in a box entry's line of the text, or
        # the lengths are damaged) are asked again of the body's other parts: a few, where
        # testing every part in the first query computed the text's test twice in the rows
        # that hold the term (most of them: the candidates share its characters' pairs).
        main, notes = self._rows(term, wanted, test, "max", _FIRST_IN_TEXT)
        found, unclean, again = {}, [], []
        for doc_id, in_sql, title, body, stored in main:
            if not in_sql:
                unclean.append(doc_id)
                continue
            first, length = divmod(-body, _SHIFT)
            if first:
                end = _paragraphs_end(stored, length)
                if end is None:
                    # Lengths that do not fit: damaged, or length() stopped at a NUL.
                    unclean.append(doc_id)
                    continue
                body = first + len(term) - 1 <= end
            else:
                body = False
            if not body:
                again.append(doc_id)
            flags = (IN_TITLE if title else 0) | (IN_BODY if body else 0) \
                | (IN_NOTE if notes.get(doc_id) else 0)
            if flags:
                found[doc_id] = flags
        if again:
            rows, _ = self._rows(term, again, test, "max", None)
            for doc_id, _, _, body, _ in rows:
                if body:
                    found[doc_id] = found.get(doc_id, 0) | IN_BODY
        if unclean:
            found.update(in_fields(term, self.texts(unclean)))
        return found

    def occurrences(self, term: str, ids: Iterable[int]) -> dict[int, Counts]:
        wanted = sorted(ids)
        if not term or not wanted:
            return {}
        if not self._in_sql(term):
            return self._in_python(counts_in, term, wanted)
        folds = ascii_folds(term)

        def count(sql: str) -> str:
            sql = folded(sql, folds)
            return f"((length({sql}) - length(replace({sql}, :needle, ''))) / :n)"

        # The paragraphs are counted in Python, from the text (cut at the lengths' end).
        main, notes = self._rows(term, wanted, count, "total", None)
        pattern = re.compile(re.escape(term), re.IGNORECASE | re.ASCII) if folds else None
        found, unclean = {}, []
        for doc_id, in_sql, title, body, stored, text in main:
            if not in_sql:
                unclean.append(doc_id)
                continue
            end = _paragraphs_end(stored, len(text)) or 0
            if end > 0:
                region = text[:end]
                body += len(pattern.findall(region)) if pattern else region.count(term)
            found[doc_id] = Counts(int(title), int(body), int(notes.get(doc_id) or 0))
        if unclean:
            found.update(counts_in(term, self.texts(unclean)))
        return found


#: Two numbers in one SQL integer (a text is shorter than this).
_SHIFT = 1 << 32
#: Where a term first is in the text (0: not there) and the text's length, as one number
#: (fields_with); {0} is the text, folded as the term needs.
_FIRST_IN_TEXT = f"-(instr({{0}}, :needle) * {_SHIFT} + length({{0}}))"


#: A stored list of paragraph lengths as Reader writes it: JSON integers (no leading zeros,
#: as JSON has none), with or without spaces.
_NUMBER = "(?:0|[1-9][0-9]*)"
_SPACE = "[ \t\n\r]*"  # JSON's whitespace, not Unicode's
_LENGTHS = re.compile(rf"\[{_SPACE}(?:{_NUMBER}{_SPACE}(?:,{_SPACE}{_NUMBER}{_SPACE})*)?\]")
#: The same, over the column's bytes.
_LENGTHS_BYTES = re.compile(_LENGTHS.pattern.encode("ascii"))
#: The stored lengths as the library's bytes: the connection's text factory (a Python call
#: a value, library/opening.py) was a sixth of a long term's check (issue 17).
_PARAGRAPHS = "CAST(a.paragraphs AS BLOB)"


@functools.lru_cache(maxsize=65536)
def _paragraphs_end(stored: str | bytes, text_length: int) -> int | None:
    """Where the paragraphs end in a text this long (0: none), or None when their stored
    lengths do not fit it (text_once.paragraphs_length).  Remembered: decoding the lengths
    was a third of a long term's check, and the same articles match term after term.

    Lengths as Reader writes them are summed without decoding JSON (at a million articles
    json.loads and the check of every value were half of a long term's search, issue 17);
    anything else (strings of an old row, damage) goes through `paragraphs_length`.
    `stored` may be the column's UTF-8 bytes (`_PARAGRAPHS`): read as the library reads
    text, bytes that are not UTF-8 as U+FFFD."""
    numbers: list[str] | list[bytes]
    if isinstance(stored, bytes):
        if not _LENGTHS_BYTES.fullmatch(stored):
            return decoded_paragraphs_end(stored.decode("utf-8", "replace"), text_length)
        numbers = stored[1:-1].split(b",") if stored[1:-1].strip() else []
    elif _LENGTHS.fullmatch(stored):
        numbers = stored[1:-1].split(",") if stored[1:-1].strip() else []
    else:
        return decoded_paragraphs_end(stored, text_length)
    taken = sum(map(int, numbers)) + len(numbers) - 1
    return None if taken > text_length else max(taken, 0)


def decoded_paragraphs_end(stored: str, text_length: int) -> int | None:
    """`_paragraphs_end` of any stored value: the JSON decoded, checked by text_once."""
    try:
        lengths = json.loads(stored)
    except ValueError:
        return None
    end = paragraphs_length(lengths, text_length)
    return None if end is None else max(end, 0)


def _first_of(parts: list[str], first: str = "") -> str:
    """1 when one of `parts` (tests) is true, else 0: CASE stops at the first (OR, in
    SQLite, computes every operand).  `first` is a clause "WHEN test THEN value" put before
    them."""
    return "CASE " + first + " ".join(f"WHEN {p} THEN 1" for p in parts) + " ELSE 0 END"


def _sum_or_any(parts: list[str], agg: str) -> str:
    if agg == "total":
        return " + ".join(f"coalesce({p}, 0)" for p in parts)
    return _first_of(parts)
