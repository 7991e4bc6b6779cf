"""Sources: the page files the library was filled from, imported or failed."""

from __future__ import annotations

from reader.library.connection import LibraryConnection

_SOURCE_SELECT = (
    "SELECT s.*, p.issue_id AS issue_id, p.id AS page_id FROM sources s "
    "LEFT JOIN pages p ON p.source_id = s.id "
)


class Sources:
    """`library.sources`: source rows as dicts (with the `page_id` each became, and its `issue_id`)."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def by_sha(self, sha256: str) -> dict | None:
        """The source row with this content hash (plus its `issue_id`), or None."""
        rows = self._rows(_SOURCE_SELECT + "WHERE s.sha256 = ?", [sha256])
        return rows[0] if rows else None

    def all(self) -> list[dict]:
        """Every source row (imported and failed) with its `issue_id`, in id order."""
        return self._rows(_SOURCE_SELECT + "ORDER BY s.id", [])

    def _rows(self, sql: str, params: list) -> list[dict]:
        cursor = self._db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]
