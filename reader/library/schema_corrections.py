"""Migration 10 (issue 15): the tables and columns corrections need.

Kept apart from `schema.py` so that module stays small; `schema.MIGRATIONS` lists it.
"""

# Corrections (issue 15): kept per page, named by content, re-applied in id order after every
# re-parse (reader/library/resync.py).  Pages keep their parse while corrected (`parsed_items`)
# and the lines taken out of articles (`furniture`); articles say whether a correction touched
# them, their edited paragraphs' originals and which parsed item they come from (`lineage`).
CORRECTIONS_MIGRATION = """
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    page_id INTEGER NOT NULL REFERENCES pages(id),
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '{}',
    value TEXT NOT NULL DEFAULT '{}',
    article_key TEXT,
    status TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'stale')),
    created_at TEXT NOT NULL);
CREATE INDEX corrections_page_id ON corrections(page_id, id);
ALTER TABLE pages ADD COLUMN parsed_items TEXT;
ALTER TABLE pages ADD COLUMN furniture TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN originals TEXT NOT NULL DEFAULT '{}';
ALTER TABLE articles ADD COLUMN lineage TEXT;
CREATE INDEX articles_corrected ON articles(id) WHERE corrected = 1;
"""
