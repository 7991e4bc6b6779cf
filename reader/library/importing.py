"""Importing parsed pages into the library: new pages, re-parses, edited files.

`import_page` runs in one transaction, in these stages:

1. Find the source.  The same content hash already imported stops here
   ("already imported") unless the parser is newer or a re-parse is asked
   for; else the same path means the file was edited; else it is new.
   Failed attempts recorded for this hash or path are forgotten.
2. Write the source and its page (the same page row on a re-import): the
   parsed fields (paper, date and its source, page number, page name), and the
   fields the user gave on import (`user`: kept in `user_*` columns, the date in
   `user_date`, so that a later re-parse without them does not lose them); the
   user's edits are otherwise left alone.  The page's title is built from the
   effective values (人民日报 第19版 党建), and the page is placed in its paper
   and issue (`placing`): pages of one paper and date from separate files join
   one issue.
3. Sync the articles with the page's items by stable key (`article_sync`; keys in
   `keys`):
   a. an item whose key exists updates that row in place
      (`ON CONFLICT(key) DO UPDATE`: the id, and with it the tags, stays);
   b. left-over old articles are paired with left-over items by text
      similarity and updated in place, keeping their old key (notes and
      highlights are keyed by it);
   c. old articles still left are deleted, unless user data hangs on them:
      those are kept and marked `missing`;
   d. items still left are inserted.
4. Re-anchor the highlights of every article whose text changed.
5. Bump `generation`.

An exception anywhere rolls the whole page back: nothing half-written.  Inside
`Imports.batch()` pages share transactions (`page_batches`), each page a savepoint.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import AbstractContextManager

from reader.catalogue import Code
from reader.library import article_sync
from reader.library.article_sync import dumps
from reader.library.connection import LibraryConnection
from reader.library.errors import LibraryError
from reader.library.page_batches import PageBatches
from reader.library.page_meta import issue_title, write_page_meta
from reader.library.resync import has_corrections, resync_page
from reader.library.schema import now_iso
from reader.models import (
    ImportResult,
    ImportStatus,
    Item,
    PageMeta,
    ParsedPage,
    SourceStatus,
)


class Imports:
    """`library.imports`: `import_page`, `set_page_meta` and `record_failure`."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection
        self._batches = PageBatches(connection)

    def batch(self) -> AbstractContextManager[None]:
        """Pages stored inside share transactions (`page_batches`): for a big import."""
        return self._batches.batch()

    def import_page(
        self,
        path: str | os.PathLike,
        sha256: str,
        size: int,
        page: ParsedPage,
        parser_version: int,
        reparse: bool = False,
        *,
        encoding: str | None = None,
        user: PageMeta | None = None,
    ) -> ImportResult:
        """Store one parsed page file; see the module docstring for what happens.

        `user` is what the user gave on import (paper, date, page number, page
        name); it is kept, and wins over what the parser found, on later re-parses too.
        """
        path = os.fspath(path)
        with self._batches.page():
            source = self._imported_source("sha256", sha256)
            if (
                source is not None
                and source["page_id"] is not None
                and not reparse
                and (source["parser_version"] or 0) >= parser_version
            ):
                page_id = source["page_id"]
                # The same bytes with new fields from the user: keep those, no re-parse.
                changed = (user is not None and bool(user)
                           and write_page_meta(self._db, page_id, user))
                if changed:
                    self._db.bump_generation()
                status = ImportStatus.UPDATED if changed else ImportStatus.ALREADY_IMPORTED
                return ImportResult(path, status, self._issue_of(page_id),
                                    self._count_in(page_id), page_id=page_id)
            if source is None:
                source = self._imported_source("path", path)
            now = now_iso()
            self._db.execute(
                "DELETE FROM sources WHERE status = ? AND (sha256 = ? OR path = ?)",
                [SourceStatus.FAILED, sha256, path],
            )
            if source is None:
                name = os.path.basename(path) or path
                source_id = self._db.execute(
                    "INSERT INTO sources (path, name, sha256, size, encoding, parser_version, "
                    "status, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    [path, name, sha256, size, encoding, parser_version, SourceStatus.IMPORTED,
                     now],
                ).fetchall()[0][0]
                page_id = None
                status = ImportStatus.IMPORTED
            else:
                # The stored name stays: it is the namespace of the article keys.
                source_id, name, page_id = source["id"], source["name"], source["page_id"]
                self._db.execute(
                    "UPDATE sources SET path = ?, sha256 = ?, size = ?, "
                    "encoding = COALESCE(?, encoding), parser_version = ?, error = NULL, "
                    "imported_at = ? WHERE id = ?",
                    [path, sha256, size, encoding, parser_version, now, source_id],
                )
                status = ImportStatus.UPDATED
            page_id = self._write_page(source_id, page_id, page, name)
            if has_corrections(self._db, page_id):
                # The reader's corrections are re-applied to the new parse (stage 3').
                self.resync(page_id, page.items)
            else:
                self._db.execute("UPDATE pages SET parsed_items = NULL, furniture = '[]' "
                                 "WHERE id = ? AND parsed_items IS NOT NULL", [page_id])
                self._sync_articles(page_id, name, page.items, now)
            # Titles the page again and places it in its paper and issue.
            write_page_meta(self._db, page_id, user or PageMeta())
            self._db.bump_generation()
        return ImportResult(path, status, self._issue_of(page_id), len(page.items),
                            page_id=page_id)

    def set_page_meta(self, page_id: int, meta: PageMeta) -> bool:
        """Keep what the user says of a page (its paper, date, page number, page name),
        as for a file imported with these fields: they win over what the parser found.

        Fields left None are not touched.  True if anything changed.
        """
        with self._db.transaction():
            if self._db.execute("SELECT 1 FROM pages WHERE id = ?", [page_id]).fetchone() is None:
                raise LibraryError(Code.NO_PAGE, id=page_id)
            changed = write_page_meta(self._db, page_id, meta)
            if changed:
                self._db.bump_generation()
        return changed

    def record_failure(
        self, path: str | os.PathLike, sha256: str, size: int, message: str
    ) -> ImportResult:
        """Remember that a file could not be imported, and why; a later import retries it."""
        path = os.fspath(path)
        with self._batches.page():
            source = self._imported_source("sha256", sha256)
            if source is not None:
                # The content was imported before (an older parser managed it):
                # keep the page, remember the error.
                self._db.execute(
                    "UPDATE sources SET error = ? WHERE id = ?", [message, source["id"]]
                )
                issue_id = self._issue_of(source["page_id"])
            else:
                self._db.execute(
                    "INSERT INTO sources (path, name, sha256, size, status, error, imported_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET "
                    "path = excluded.path, name = excluded.name, size = excluded.size, "
                    "error = excluded.error, imported_at = excluded.imported_at",
                    [path, os.path.basename(path) or path, sha256, size, SourceStatus.FAILED, message,
                     now_iso()],
                )
                issue_id = None
            self._db.bump_generation()
        return ImportResult(path, ImportStatus.FAILED, issue_id, 0, message)

    def resync(self, page_id: int, parsed: Sequence[Item] | None = None) -> frozenset[int]:
        """Write the page's articles from its parsed items with its corrections applied
        (`reader.library.resync`); the ids of the corrections that no longer apply."""
        return resync_page(self._db, page_id, parsed, self._sync_articles)

    # -- stages -------------------------------------------------------------------

    def _imported_source(self, column: str, value: str) -> dict | None:
        assert column in ("sha256", "path")
        row = self._db.execute(
            "SELECT s.id, s.name, s.parser_version, p.id FROM sources s "
            f"LEFT JOIN pages p ON p.source_id = s.id WHERE s.{column} = ? "
            "AND s.status = ? ORDER BY s.id DESC LIMIT 1",
            [value, SourceStatus.IMPORTED],
        ).fetchone()
        if row is None:
            return None
        return {"id": row[0], "name": row[1], "parser_version": row[2], "page_id": row[3]}

    def _count_in(self, page_id: int) -> int:
        return self._db.execute(
            "SELECT COUNT(*) FROM articles WHERE page_id = ?", [page_id]
        ).fetchone()[0]

    def _issue_of(self, page_id: int | None) -> int | None:
        if page_id is None:
            return None
        row = self._db.execute("SELECT issue_id FROM pages WHERE id = ?", [page_id]).fetchone()
        return row[0] if row else None

    def _write_page(self, source_id: int, page_id: int | None, page: ParsedPage,
                    name: str) -> int:
        date = page.date.value
        values = {
            "source_id": source_id,
            "page_name": page.page_name,
            # Built again from the effective values once the user's are written.
            "title": issue_title(page.page_name, name,
                                 next((item.title for item in page.items if item.title), None)),
            "date": date,
            "date_precision": page.date.precision if date else "unknown",
            "date_evidence": dumps(list(page.date.evidence)),
            "paper": page.paper,
            "page_number": page.page_number,
            "date_source": page.date_source if date else None,
        }
        if page_id is None:
            new_id = self._db.execute(
                "INSERT INTO pages (source_id, page_name, title, date, date_precision, "
                "date_evidence, paper, page_number, date_source) VALUES (:source_id, "
                ":page_name, :title, :date, :date_precision, :date_evidence, :paper, "
                ":page_number, :date_source) RETURNING id",
                values,
            ).fetchall()[0][0]
            return new_id  # placed in its issue by write_page_meta, once its articles are in
        self._db.execute(
            "UPDATE pages SET page_name = :page_name, title = :title, date = :date, "
            "date_precision = :date_precision, date_evidence = :date_evidence, paper = :paper, "
            "page_number = :page_number, date_source = :date_source WHERE id = :id",
            {**values, "id": page_id},
        )
        return page_id

    def _sync_articles(
        self, page_id: int, source_name: str, items: Sequence[Item], now: str,
        marks: Sequence[tuple[bool, dict[int, str], str]] | None = None,
        forced: dict[int, int] | None = None,
    ) -> None:
        article_sync.sync_articles(self._db, page_id, source_name, items, now, marks, forced)
