"""The window's reads of the import log (文件 → 最近导入): the recent imports, one's report.

Every import is logged by `Session.import_paths` (reader/library/import_log.py
says what is kept and why it is kept in the library).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the library layer loads on the worker, after the window's first paint
    from reader.library.import_log import ImportSummary, LoggedImport

#: How many imports 文件 → 最近导入 lists.
SHOWN = 10


def recent_imports(session, limit: int = SHOWN) -> list[ImportSummary]:
    """The newest imports first, without their files."""
    return session.library.import_log.recent(limit)


def logged_import(session, import_id: int) -> LoggedImport | None:
    """One import with each file's result (None once it has dropped out of the log)."""
    return session.library.import_log.get(import_id)


__all__ = ["SHOWN", "logged_import", "recent_imports"]
