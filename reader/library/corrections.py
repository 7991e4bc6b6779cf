"""`library.corrections`: the reader's corrections of pages, kept and re-applied.

A correction row holds its page, what it does (`action`), the content it
applies to (`target`, see `reader.library.correcting`) and its value.  Its
`id` is its place in the sequence: a page's corrections are applied in id
order, and the CLI's undo removes the highest.  Adding, removing or putting
back a row rewrites the page's articles from its parsed items with all its
corrections (`Imports.resync`) in the same transaction, so a kill mid-way
leaves the page as it was.  A correction that does not apply when it is
made is refused (`Code.CORRECTION_DOES_NOT_APPLY`); one that stops applying
after a re-parse is kept with status `stale`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from reader.catalogue import Code
from reader.library.connection import LibraryConnection, chunks
from reader.library.correcting import Target
from reader.library.errors import LibraryError
from reader.library.importing import Imports
from reader.library.schema import now_iso
from reader.models import CorrectionRecord


@dataclass(frozen=True)
class CorrectionRow:
    """A stored correction as it is put back (an undone removal, an annotations import)."""

    id: int | None
    page_id: int
    action: str
    target: dict
    value: dict
    article_key: str | None
    created_at: str


_SELECT = (
    "SELECT c.id, c.page_id, s.name, c.action, c.target, c.value, c.article_key, "
    "(SELECT a.id FROM articles a WHERE a.key = c.article_key), c.created_at, c.status "
    "FROM corrections c JOIN pages p ON p.id = c.page_id JOIN sources s ON s.id = p.source_id"
)


class Corrections:
    """Adding, removing and listing corrections; see the module docstring."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection
        self._imports = Imports(connection)

    def add(self, page_id: int, action: str, target: Target, value: dict,
            article_key: str | None = None) -> int:
        """Keep a correction and apply it; its id.  Refused if it would not apply."""
        row = CorrectionRow(None, page_id, action, target.to_json(), value, article_key,
                            now_iso())
        return self.put(row)

    def put(self, row: CorrectionRow, refuse_stale: bool = True) -> int:
        """Store `row` (with its own id when it has one: putting back an undone removal)."""
        with self._db.transaction():
            new_id = self._db.execute(
                "INSERT INTO corrections (id, page_id, action, target, value, article_key, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [row.id, row.page_id, row.action, _dumps(row.target), _dumps(row.value),
                 row.article_key, row.created_at]).fetchall()[0][0]
            stale = self._imports.resync(row.page_id)
            if refuse_stale and new_id in stale:
                raise LibraryError(Code.CORRECTION_DOES_NOT_APPLY)
        return new_id

    def remove(self, correction_id: int) -> CorrectionRow:
        """Take a correction away (the page is rewritten without it); the row it was."""
        with self._db.transaction():
            found = self._db.execute(
                "SELECT id, page_id, action, target, value, article_key, created_at "
                "FROM corrections WHERE id = ?", [correction_id]).fetchone()
            if found is None:
                raise LibraryError(Code.NO_CORRECTION, id=correction_id)
            row = CorrectionRow(found[0], found[1], found[2], json.loads(found[3]),
                                json.loads(found[4]), found[5], found[6])
            self._db.execute("DELETE FROM corrections WHERE id = ?", [correction_id])
            self._imports.resync(row.page_id)
        return row

    def latest(self) -> int | None:
        """The id of the latest correction, or None."""
        return self._db.execute("SELECT MAX(id) FROM corrections").fetchone()[0]

    def get(self, correction_id: int) -> CorrectionRecord:
        rows = self._records(f"{_SELECT} WHERE c.id = ?", [correction_id])
        if not rows:
            raise LibraryError(Code.NO_CORRECTION, id=correction_id)
        return rows[0]

    def all(self) -> list[CorrectionRecord]:
        """Every correction, oldest first."""
        return self._records(f"{_SELECT} ORDER BY c.id", [])

    def rows(self) -> list[tuple[str, CorrectionRow]]:
        """Every correction as (source name, row), oldest first (for the annotations export)."""
        return [(record.source, CorrectionRow(record.id, record.page_id, record.action,
                                              record.target, record.value, record.article_key,
                                              record.created_at))
                for record in self.all()]

    def on_page(self, page_id: int) -> list[CorrectionRecord]:
        return self._records(f"{_SELECT} WHERE c.page_id = ? ORDER BY c.id", [page_id])

    def corrected_ids(self, ids: Iterable[int]) -> set[int]:
        """Which of these articles a correction touched."""
        found: set[int] = set()
        for chunk in chunks(list(ids)):
            marks = ", ".join("?" * len(chunk))
            found.update(row[0] for row in self._db.execute(
                f"SELECT id FROM articles WHERE corrected = 1 AND id IN ({marks})", chunk))
        return found

    def is_corrected(self, article_id: int) -> bool:
        row = self._db.execute("SELECT corrected FROM articles WHERE id = ?",
                               [article_id]).fetchone()
        if row is None:
            raise LibraryError(Code.NO_ARTICLE, id=article_id)
        return bool(row[0])

    def originals(self, article_id: int) -> dict[int, str]:
        """Paragraph index (0-based) → its text before the reader edited it."""
        row = self._db.execute("SELECT originals FROM articles WHERE id = ?",
                               [article_id]).fetchone()
        if row is None:
            raise LibraryError(Code.NO_ARTICLE, id=article_id)
        try:
            stored = json.loads(row[0] or "{}")
        except ValueError:
            return {}
        return {int(k): str(v) for k, v in stored.items()} if isinstance(stored, dict) else {}

    def furniture(self, page_id: int) -> list[str]:
        """The lines of a page the reader marked as not part of any article."""
        row = self._db.execute("SELECT furniture FROM pages WHERE id = ?", [page_id]).fetchone()
        return json.loads(row[0] or "[]") if row else []

    def export(self) -> list[dict]:
        """Every correction for the annotations file, oldest first, its page named by its
        source file (the namespace of article keys, the same in every library)."""
        return [{"source": r.source, "action": r.action, "target": r.target, "value": r.value,
                 "created_at": r.created_at} for r in self.all()]

    def merge(self, entries: list[dict]) -> tuple[int, int, int]:
        """Bring in the corrections of an annotations file, in its order; returns (added,
        already there, of pages this library does not hold).  Each page touched is
        rewritten once; one that does not apply here is kept as stale.  Runs in the
        caller's transaction."""
        held = {(r.page_id, r.action, _dumps(r.target), _dumps(r.value)) for r in self.all()}
        added = unchanged = skipped = 0
        touched: list[int] = []
        with self._db.transaction():
            for entry in entries:
                page_id = self.page_of_source(entry["source"])
                if page_id is None:
                    skipped += 1
                    continue
                same = (page_id, entry["action"], _dumps(entry["target"]), _dumps(entry["value"]))
                if same in held:
                    unchanged += 1
                    continue
                self._db.execute(
                    "INSERT INTO corrections (page_id, action, target, value, created_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [page_id, entry["action"], same[2], same[3],
                     entry.get("created_at") or now_iso()])
                held.add(same)
                added += 1
                if page_id not in touched:
                    touched.append(page_id)
            for page_id in touched:
                self._imports.resync(page_id)
        return added, unchanged, skipped

    def page_of_source(self, source_name: str) -> int | None:
        """The page imported from a file of this name (the newest), or None."""
        row = self._db.execute(
            "SELECT p.id FROM pages p JOIN sources s ON s.id = p.source_id WHERE s.name = ? "
            "ORDER BY p.id DESC LIMIT 1", [source_name]).fetchone()
        return row[0] if row else None

    def _records(self, sql: str, params: list) -> list[CorrectionRecord]:
        return [CorrectionRecord(
            id=row[0], page_id=row[1], source=row[2], action=row[3],
            target=json.loads(row[4] or "{}"), value=json.loads(row[5] or "{}"),
            article_key=row[6], article_id=row[7], created_at=row[8], status=row[9],
        ) for row in self._db.execute(sql, params)]


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
