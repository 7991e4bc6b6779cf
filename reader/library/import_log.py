"""The import log: what each import did, file by file, kept for 文件 → 最近导入.

Every import (the window's 导入, a drop on the window, `reader import`; not
the bundled seeds a first run brings in) leaves one row: when it finished, how many files,
how many articles they hold, how many failed, and each file's result as
JSON, so its report can be shown again later, worded in the window's
language (a failure keeps its catalogue code and parameters, not only the
English sentence).  The newest `KEPT` imports are kept.

Why in the library (migration 11) and not a JSON file beside it: the log
describes the library (which files became which pages), so it belongs with
it: it is written in the same file the import wrote, is copied by the
library's backups, moves with the library, and a library opened read-only
cannot be imported into, so there is nothing to log then either.  It is not
annotation data: the annotations export does not carry it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from reader.catalogue import Code, Message
from reader.library.connection import LibraryConnection
from reader.library.schema import now_iso
from reader.models import ImportResult, ImportStatus

#: How many imports the log keeps (the oldest go first).
KEPT = 50


@dataclass(frozen=True)
class ImportSummary:
    """One logged import, without its files' results."""

    id: int
    finished_at: str  # ISO 8601, UTC
    files: int
    articles: int  # in the files imported or updated
    failures: int


@dataclass(frozen=True)
class LoggedImport:
    summary: ImportSummary
    results: tuple[ImportResult, ...]


def _message_json(message: Message | None) -> dict | None:
    if message is None:
        return None
    return {"code": message.code.value,
            "params": {name: _message_json(value) if isinstance(value, Message) else str(value)
                       for name, value in message.items}}


def _message(value: object) -> Message | None:
    """A stored message; None when its code is not (or no longer) one the catalogue knows."""
    if not isinstance(value, dict) or value.get("code") not in {c.value for c in Code}:
        return None
    params: dict[str, object] = {}
    for name, param in (value.get("params") or {}).items():
        params[str(name)] = _message(param) or "" if isinstance(param, dict) else str(param)
    return Message.of(Code(value["code"]), **params)


def _result_json(result: ImportResult) -> dict:
    return {"path": result.path, "status": str(result.status), "issue_id": result.issue_id,
            "page_id": result.page_id, "articles": result.articles, "message": result.message,
            "error": _message_json(result.error)}


def _result(value: dict) -> ImportResult:
    status = value.get("status")
    return ImportResult(
        path=str(value.get("path", "")),
        status=ImportStatus(status) if status in set(ImportStatus) else ImportStatus.FAILED,
        issue_id=value.get("issue_id"), articles=int(value.get("articles") or 0),
        message=value.get("message"), error=_message(value.get("error")),
        page_id=value.get("page_id"))


_SELECT = "SELECT id, finished_at, files, articles, failures FROM import_log "


class ImportLog:
    """`library.import_log`: record an import, list the recent ones, read one back."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def record(self, results: Sequence[ImportResult]) -> ImportSummary:
        done = (ImportStatus.IMPORTED, ImportStatus.UPDATED)
        articles = sum(r.articles for r in results if r.status in done)
        failures = sum(1 for r in results if r.status == ImportStatus.FAILED)
        text = json.dumps([_result_json(r) for r in results], ensure_ascii=False)
        with self._db.transaction():
            row = self._db.execute(
                "INSERT INTO import_log (finished_at, files, articles, failures, results) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id, finished_at, files, articles, failures",
                [now_iso(), len(results), articles, failures, text]).fetchone()
            self._db.execute("DELETE FROM import_log WHERE id <= ?", [row[0] - KEPT])
        return ImportSummary(*row)

    def recent(self, limit: int = 10) -> list[ImportSummary]:
        """The newest imports first."""
        return [ImportSummary(*row) for row in
                self._db.execute(_SELECT + "ORDER BY id DESC LIMIT ?", [limit])]

    def get(self, import_id: int) -> LoggedImport | None:
        row = self._db.execute(_SELECT.replace(" FROM", ", results FROM") + "WHERE id = ?",
                               [import_id]).fetchone()
        if row is None:
            return None
        try:
            stored = json.loads(row[5])
        except ValueError:
            stored = []  # a damaged row still lists its counts
        results = tuple(_result(v) for v in stored if isinstance(v, dict)) \
            if isinstance(stored, list) else ()
        return LoggedImport(ImportSummary(*row[:5]), results)


__all__ = ["KEPT", "ImportLog", "ImportSummary", "LoggedImport"]
