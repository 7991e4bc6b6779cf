"""A page's items kept beside its corrections: as JSON, and read back from its articles.

A page with corrections keeps what the parser made of it (`pages.parsed_items`),
so that a correction can be taken back and the rest applied again to the same
parse.  A page corrected for the first time has no such copy yet: its articles
as they stand are the parse (`current_items`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from reader.library.connection import LibraryConnection
from reader.library.text_once import cut_paragraphs
from reader.models import ArticleKind, Author, Entry, Item


def items_to_json(items: Sequence[Item]) -> list[dict]:
    """Items as JSON-ready dicts (how a page's parsed items are kept beside corrections)."""
    return [{
        "kind": it.kind, "column": it.column, "series": it.series, "title": it.title,
        "kicker": it.kicker, "subtitle": it.subtitle, "dateline": it.dateline,
        "authors": [[a.role, a.name] for a in it.authors], "subheads": list(it.subheads),
        "paragraphs": list(it.paragraphs),
        "entries": [[e.text, e.source] for e in it.entries], "defects": list(it.defects),
    } for it in items]


def items_from_json(data: Sequence[dict]) -> list[Item]:
    """The items `items_to_json` wrote."""
    return [Item(
        kind=d.get("kind") or ArticleKind.ARTICLE, column=d.get("column"), series=d.get("series"),
        title=d.get("title"), kicker=d.get("kicker"), subtitle=d.get("subtitle"),
        dateline=d.get("dateline"),
        authors=tuple(Author(str(r), str(n)) for r, n in d.get("authors", [])),
        subheads=tuple(d.get("subheads", [])), paragraphs=tuple(d.get("paragraphs", [])),
        entries=tuple(Entry(str(t), s) for t, s in d.get("entries", [])),
        defects=tuple(d.get("defects", [])),
    ) for d in data]


def current_items(db: LibraryConnection, page_id: int) -> list[Item]:
    """The page's articles (not those kept only as missing) as items, in page order."""
    rows = db.execute(
        "SELECT id, kind, column_label, series, title, subtitle, subheads, paragraphs, "
        "entries, defects, text FROM articles WHERE page_id = ? AND missing = 0 "
        "ORDER BY position",
        [page_id]).fetchall()
    items = []
    for row in rows:
        authors = tuple(Author(role, name) for role, name in db.execute(
            "SELECT aa.role, au.name FROM article_authors aa JOIN authors au "
            "ON au.id = aa.author_id WHERE aa.article_id = ? ORDER BY aa.position", [row[0]]))
        items.append(Item(
            kind=row[1], column=row[2], series=row[3], title=row[4], subtitle=row[5],
            authors=authors, subheads=tuple(_list(row[6])),
            # Stored once since migration 9: lengths cut out of `text` (text_once.py).
            paragraphs=tuple(cut_paragraphs(_list(row[7]), row[10], [])),
            entries=tuple(Entry(e.get("text", ""), e.get("source")) for e in _list(row[8])
                          if isinstance(e, dict)),
            defects=tuple(_list(row[9]))))
    return items


def _list(text: str | None) -> list:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return value if isinstance(value, list) else []
