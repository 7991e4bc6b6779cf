"""Writing a corrected page: its parse with the reader's corrections applied.

`resync_page` is run when a correction is added, taken back or put back, and
when a page with corrections is imported again or re-parsed, all in one
transaction:

1. The base: the new parse when there is one (kept as `pages.parsed_items`),
   else the kept parse, else (a page corrected for the first time) the
   articles as they stand (`parsed_items.current_items`).
2. `correcting.derive` applies the page's corrections in order.
3. The importer's article sync writes the items.  When the base is the same
   parse as before, every item is paired with the article it came from by
   lineage ("b3": parsed item 3; "c17": made by correction 17), so ids and
   keys stay put whatever the correction did to an article's first words;
   after a new parse, keys and text likeness pair them as for any re-parse.
4. Annotations follow their text (`rehoming.follow_text`); the page's
   furniture and each correction's status (applied or stale) are written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from reader.catalogue import Code
from reader.library.connection import LibraryConnection
from reader.library.correcting import derive
from reader.library.errors import LibraryError
from reader.library.parsed_items import current_items, items_from_json, items_to_json
from reader.library.rehoming import follow_text, page_articles, page_corrections
from reader.library.schema import now_iso
from reader.models import Item

#: The importer's `_sync_articles(page_id, source_name, items, now, marks=, forced=)`.
SyncArticles = Callable[..., None]


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def has_corrections(db: LibraryConnection, page_id: int) -> bool:
    """Whether the reader has corrected this page (its import then goes through here)."""
    return db.execute("SELECT 1 FROM corrections WHERE page_id = ? LIMIT 1",
                      [page_id]).fetchone() is not None


def resync_page(db: LibraryConnection, page_id: int, parsed: Sequence[Item] | None,
                sync: SyncArticles) -> frozenset[int]:
    """Write the page from its base and corrections (see the module docstring); returns
    the ids of the corrections that no longer apply.  Runs in the caller's transaction
    or its own."""
    with db.transaction():
        row = db.execute(
            "SELECT s.name, p.parsed_items FROM pages p JOIN sources s ON s.id = p.source_id "
            "WHERE p.id = ?", [page_id]).fetchone()
        if row is None:
            raise LibraryError(Code.NO_PAGE, id=page_id)
        name, kept = row
        rows = db.execute("SELECT id, lineage FROM articles WHERE page_id = ? AND missing = 0 "
                          "ORDER BY position", [page_id]).fetchall()
        if parsed is not None:
            base, lineage_of = list(parsed), {}
        elif kept is not None:
            base = items_from_json(json.loads(kept))
            lineage_of = {lineage: article_id for article_id, lineage in rows if lineage}
        else:
            base = current_items(db, page_id)
            lineage_of = {f"b{rank}": row[0] for rank, row in enumerate(rows)}
        db.execute("UPDATE pages SET parsed_items = ? WHERE id = ?",
                   [_dumps(items_to_json(base)), page_id])
        corrections = page_corrections(db, page_id)
        derived = derive(base, corrections)
        before = page_articles(db, page_id)
        forced = {index: lineage_of[lineage]
                  for index, lineage in enumerate(derived.lineages) if lineage in lineage_of}
        sync(page_id, name, derived.items, now_iso(),
             marks=list(zip(derived.corrected, derived.originals, derived.lineages,
                            strict=True)),
             forced=forced)
        follow_text(db, page_id, before)
        db.execute("UPDATE pages SET furniture = ? WHERE id = ?",
                   [_dumps(list(derived.furniture)), page_id])
        for correction in corrections:
            db.execute("UPDATE corrections SET status = ? WHERE id = ?",
                       ["stale" if correction.id in derived.stale else "applied", correction.id])
        db.bump_generation()
    return derived.stale
