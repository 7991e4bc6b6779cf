"""Migration 11 (issue 19): the import log and the reading place.

Kept apart from `schema.py` so that module stays small; `schema.MIGRATIONS` lists it.
"""

# The import log (reader/library/import_log.py): one row per import, its files' results as
# JSON, the newest 50 kept.  The reading place: where the reader was in an article, in
# thousandths of its height, kept with read and starred so it travels in the annotations file.
READING_MIGRATION = """
ALTER TABLE reading ADD COLUMN place INTEGER;

CREATE TABLE import_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    finished_at TEXT NOT NULL,
    files INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    failures INTEGER NOT NULL,
    results TEXT NOT NULL
);
"""

__all__ = ["READING_MIGRATION"]
