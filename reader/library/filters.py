"""Id sets for search filters (tag:, author:, column:, kind:, issue:, date:, has:, paper:,
page:, title:, note:).

Each helper answers one filter with the set of article ids that pass it;
the search layer intersects these with its hits.  Dates compare as ISO
prefixes, so an issue known only to the month or year is treated as the
whole span it names: it passes a range it overlaps.
"""

from __future__ import annotations

import json
import unicodedata

from reader.library.connection import LibraryConnection
from reader.library.facets import PAGE_NAME, PAGE_NUMBER, PAPER, SOURCE
from reader.library.values import normalize_tag

# Sorts after every character of an ISO date, so "2024-06" + _END is the last
# string that starts with "2024-06".
_END = "~"


class Filters:
    """`library.filters`: one method per filter, each returning a set of article ids."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def _ids(self, sql: str, params: list) -> set[int]:
        # One JSON list instead of a row object an id: at 1M articles date:2000..2010
        # (385,929 ids) took 195 ms, 123 so (issue 17).
        (listed,) = self._db.execute(
            f"WITH chosen(id) AS ({sql}) SELECT json_group_array(id) FROM chosen", params
        ).fetchone()
        return set(json.loads(listed))

    def ids_with_tag(self, name: str) -> set[int]:
        """Articles carrying the tag (compared NFKC-normalised, ASCII case-insensitive)."""
        return self._ids(
            "SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id "
            "WHERE t.name = ?",
            [normalize_tag(name)],
        )

    def ids_by_author(self, name_substring: str) -> set[int]:
        """Articles with an author whose name contains the text (spaces ignored)."""
        needle = "".join(unicodedata.normalize("NFKC", name_substring).split())
        if not needle:
            return set()
        return self._ids(
            "SELECT aa.article_id FROM article_authors aa JOIN authors au ON au.id = aa.author_id "
            "WHERE instr(replace(au.name, ' ', ''), ?) > 0",
            [needle],
        )

    def ids_by_column(self, label: str) -> set[int]:
        """Articles printed under this column label."""
        return self._ids(
            "SELECT id FROM articles WHERE column_label = ?",
            [unicodedata.normalize("NFKC", label).strip()],
        )

    def ids_by_kind(self, kind: str) -> set[int]:
        """Articles of this kind (article, commentary, photo, briefs, quotes, letter)."""
        return self._ids("SELECT id FROM articles WHERE kind = ?", [kind.strip()])

    def ids_in_issue(self, issue_id: int) -> set[int]:
        """Articles of one issue."""
        return self._ids("SELECT a.id FROM articles a JOIN pages p ON p.id = a.page_id "
                         "WHERE p.issue_id = ?", [issue_id])

    def ids_in_dates(self, start_iso: str | None, end_iso: str | None) -> set[int]:
        """Articles whose issue's effective date overlaps start..end (both inclusive).

        Bounds and dates are ISO prefixes ("2024", "2024-01", "2024-01-06");
        a missing bound is open.  "2024-01" (a month) is inside 2024-01..2024-06;
        a year-only issue "2024" overlaps it too.  Undated issues never match.
        """
        # The issue's date is its pages' effective date (kept so by library.placing).
        conditions = ["i.date IS NOT NULL"]
        params: list[str] = []
        if start_iso and start_iso.strip():
            conditions.append(f"i.date || '{_END}' >= ?")
            params.append(start_iso.strip())
        if end_iso and end_iso.strip():
            conditions.append("i.date <= ?")
            params.append(end_iso.strip() + _END)
        return self._ids(
            "SELECT a.id FROM issues i JOIN pages p ON p.issue_id = i.id "
            "JOIN articles a ON a.page_id = p.id "
            f"WHERE {' AND '.join(conditions)}",
            params,
        )

    def ids_with_note(self) -> set[int]:
        """Articles with a note, or a highlight carrying a note."""
        return self._ids(
            "SELECT a.id FROM articles a JOIN notes n ON n.article_key = a.key "
            "UNION SELECT a.id FROM articles a JOIN highlights h ON h.article_key = a.key "
            "WHERE h.note IS NOT NULL AND h.note != ''",
            [],
        )

    def ids_with_highlight(self) -> set[int]:
        """Articles with at least one highlight."""
        return self._ids(
            "SELECT DISTINCT a.id FROM articles a JOIN highlights h ON h.article_key = a.key", []
        )

    def ids_missing(self) -> set[int]:
        """Articles the latest parse of their page no longer produced (kept for user data)."""
        return self._ids("SELECT id FROM articles WHERE missing = 1", [])

    def ids_by_paper(self, name: str) -> set[int]:
        """Articles printed in this paper (a paper Reader only named itself is none)."""
        return self._ids(
            f"SELECT a.id FROM {SOURCE} WHERE {PAPER} = ?",
            [unicodedata.normalize("NFKC", name).strip()],
        )

    def ids_on_page(self, page: str) -> set[int]:
        """Articles on pages of this name (版名), or of this number (版次) when it is digits."""
        value = unicodedata.normalize("NFKC", page).strip()
        # A page number is a few ASCII digits; anything longer cannot be one (and would
        # not fit SQLite's integer): it is then compared as a name, and matches nothing.
        if value.isascii() and value.isdigit() and len(value) <= 6:
            return self._ids(f"SELECT a.id FROM {SOURCE} WHERE {PAGE_NUMBER} = ?", [int(value)])
        return self._ids(f"SELECT a.id FROM {SOURCE} WHERE {PAGE_NAME} = ?", [value])

    def ids_with_title_containing(self, text: str) -> set[int]:
        """Articles whose title or kicker contains the text (Latin case-insensitive)."""
        return self._ids(
            "SELECT id FROM articles WHERE instr(lower(COALESCE(title, '') || char(10) || "
            "COALESCE(subtitle, '')), lower(?)) > 0",
            [text.strip()],
        )

    def ids_with_note_containing(self, text: str) -> set[int]:
        """Articles whose note, or a highlight's note, contains the text."""
        return self._ids(
            "SELECT a.id FROM articles a JOIN notes n ON n.article_key = a.key "
            "WHERE instr(lower(n.body), lower(?)) > 0 "
            "UNION SELECT a.id FROM articles a JOIN highlights h ON h.article_key = a.key "
            "WHERE instr(lower(COALESCE(h.note, '')), lower(?)) > 0",
            [text.strip(), text.strip()],
        )
