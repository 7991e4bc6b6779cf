"""A page's articles written from its parsed items: keys kept, user data kept.

`sync_articles` is stage 3 and 4 of `reader.library.importing` (and the writer of
`resync`, which re-applies the reader's corrections): items matched to the page's
articles by key, then by text similarity; updated in place, inserted or deleted; their
bylines written and the highlights of the articles whose text changed found again.

A page new to the library is the common case at archive scale (issue 17: the store's
CPU per MB), so the statements are per page where they can be: the keys checked, the
new articles inserted, the authors looked up and the bylines written with one statement
each for the whole page; an article new to the library has no bylines to delete, and
only articles that have highlights are re-anchored.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from reader.library.connection import LibraryConnection
from reader.library.keys import assign_keys, base_keys, pair_by_similarity
from reader.library.rehoming import reanchor_highlights
from reader.models import Author, Item

_ARTICLE_COLUMNS = (
    "page_id", "position", "kind", "column_label", "series", "title", "subtitle",
    "subheads", "paragraphs", "entries", "defects", "text", "missing", "updated_at",
    "corrected", "originals", "lineage",
)

_UPSERT_ARTICLE = (
    f"INSERT INTO articles (key, {', '.join(_ARTICLE_COLUMNS)}) "
    f"VALUES (:key, {', '.join(':' + c for c in _ARTICLE_COLUMNS)}) "
    f"ON CONFLICT(key) DO UPDATE SET "
    f"{', '.join(f'{c} = excluded.{c}' for c in _ARTICLE_COLUMNS)} "
    "RETURNING id"
)

#: The columns of a new article (`insert_rows`).
_INSERT_COLUMNS = ("key", *_ARTICLE_COLUMNS)

_UPDATE_ARTICLE = (
    f"UPDATE articles SET {', '.join(f'{c} = :{c}' for c in _ARTICLE_COLUMNS)} WHERE id = :id"
)


def dumps(value) -> str:
    if not value and type(value) in (list, dict):
        return "[]" if type(value) is list else "{}"  # most articles: no subheads, entries…
    return json.dumps(value, ensure_ascii=False)


def _int_list(values: Sequence[int]) -> str:
    """`json.dumps` of a list of ints, without its encoder (issue 17: the store's cost)."""
    return f"[{', '.join(map(str, values))}]"


def article_values(page_id: int, position: int, item: Item, now: str,
                    corrected: bool = False, originals: dict[int, str] | None = None,
                    lineage: str | None = None) -> dict:
    return {
        "page_id": page_id,
        "position": position,
        "kind": item.kind,
        "column_label": item.column,
        "series": item.series,
        "title": item.title,
        # The library keeps one line for kicker and subtitle: no printed text is lost.
        "subtitle": " ".join(t for t in (item.kicker, item.subtitle) if t) or None,
        "subheads": dumps(list(item.subheads)),
        # Lengths into `text` (which begins with the paragraphs): the text is stored once.
        "paragraphs": _int_list([len(p) for p in item.paragraphs]),
        "entries": dumps([{"text": e.text, "source": e.source} for e in item.entries]),
        "defects": dumps(list(item.defects)),
        "text": item.body_text,
        "missing": 0,
        "updated_at": now,
        "corrected": int(corrected),
        "originals": dumps({str(k): v for k, v in (originals or {}).items()}),
        "lineage": lineage,
    }



def sync_articles(
    db: LibraryConnection, page_id: int, source_name: str, items: Sequence[Item], now: str,
    marks: Sequence[tuple[bool, dict[int, str], str]] | None = None,
    forced: dict[int, int] | None = None,
) -> None:
    old_rows = db.execute(
        "SELECT id, key, position, text, title FROM articles WHERE page_id = ?", [page_id]
    ).fetchall()
    old_by_key = {row[1]: row for row in old_rows}
    old_by_id = {row[0]: row for row in old_rows}
    forced = dict(forced or {})
    forced_ids = set(forced.values())
    # The keys the items start from, asked of the library at once (a numbered one, for
    # a key taken, is asked alone: rare).
    starts = base_keys(source_name, items)
    bases = set(starts)
    owned = _owned_elsewhere(db, page_id, list(bases)) if bases else set()

    def taken(key: str) -> bool:
        elsewhere = key in owned if key in bases else _key_owned_elsewhere(db, key, page_id)
        # A key held by an article paired by lineage is taken: no other item may have it.
        return elsewhere or (key in old_by_key and old_by_key[key][0] in forced_ids)

    keys = assign_keys(source_name, items, taken, starts)
    new_keys = {key for i, key in enumerate(keys) if i not in forced}
    leftover_old = [row for row in old_rows
                    if row[1] not in new_keys and row[0] not in forced_ids]
    pairs = pair_by_similarity(
        [(row[0], row[2], row[3] or row[4] or "") for row in leftover_old],
        [
            (i, item.body_text or item.title or "")
            for i, (item, key) in enumerate(zip(items, keys, strict=True))
            if key not in old_by_key and i not in forced
        ],
    ) if leftover_old else {}  # a page new to the library: nothing to pair
    pairs.update(forced)
    #: (article id, key) of each item, in page order; None for a new article, inserted
    #: below with the others of its page in one statement.
    stored: list[tuple[int, str] | None] = []
    existed: list[bool] = []  # the article was in the library before: it has bylines
    fresh: list[dict] = []
    changed: list[tuple[str, str]] = []  # (key, new text): their highlights move
    for position, (item, key) in enumerate(zip(items, keys, strict=True)):
        values = article_values(page_id, position, item, now,
                                 *(marks[position] if marks else ()))
        paired_id = pairs.get(position)
        existed.append(paired_id is not None or key in old_by_key)
        if paired_id is not None:
            old = old_by_id[paired_id]
            db.execute(_UPDATE_ARTICLE, {**values, "id": paired_id})
            stored.append((paired_id, old[1]))
        else:
            old = old_by_key.get(key)
            if old is None:
                # A key no article holds (assign_keys saw to it): a plain insert.
                fresh.append({**values, "key": key})
                stored.append(None)
            else:
                article_id = db.execute(
                    _UPSERT_ARTICLE, {**values, "key": key}
                ).fetchall()[0][0]
                stored.append((article_id, key))
        if old is None or old[3] != values["text"]:
            changed.append((stored[-1][1] if stored[-1] else key, values["text"]))
    if fresh:
        db.insert_rows("articles", _INSERT_COLUMNS,
                       [[values[name] for name in _INSERT_COLUMNS] for values in fresh])
        ids = dict(db.execute(
            "SELECT key, id FROM articles WHERE page_id = ? AND key IN "
            "(SELECT value FROM json_each(?))",
            [page_id, dumps([values["key"] for values in fresh])]))
        stored = [pair or (ids[key], key) for pair, key in zip(stored, keys, strict=True)]
    write_bylines(db, [(pair[0], item.authors, was)
                         for item, pair, was in zip(items, stored, existed, strict=True)
                         if pair is not None])
    reanchor_changed(db, changed)
    paired_ids = set(pairs.values())
    gone = [row for row in leftover_old if row[0] not in paired_ids]
    for offset, (article_id, key, *_rest) in enumerate(gone):
        if _holds_user_data(db, article_id, key):
            db.execute(
                "UPDATE articles SET missing = 1, position = ?, updated_at = ? WHERE id = ?",
                [len(items) + offset, now, article_id],
            )
        else:
            db.execute("DELETE FROM articles WHERE id = ?", [article_id])
    if old_rows:
        db.execute(
            "DELETE FROM authors WHERE id NOT IN (SELECT author_id FROM article_authors)"
        )

def _owned_elsewhere(db: LibraryConnection, page_id: int, keys: list[str]) -> set[str]:
    """Which of `keys` articles of other pages hold (one query for a page's keys)."""
    return {row[0] for row in db.execute(
        "SELECT key FROM articles WHERE key IN (SELECT value FROM json_each(?)) "
        "AND page_id != ?", [dumps(keys), page_id])}

def _key_owned_elsewhere(db: LibraryConnection, key: str, page_id: int) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM articles WHERE key = ? AND page_id != ?", [key, page_id]
        ).fetchone()
        is not None
    )

def write_bylines(db: LibraryConnection, articles: Sequence[tuple[int, Sequence[Author], bool]]) -> None:
    """The bylines of a page's articles: (article id, its authors, whether it may have
    bylines already); an article new to the library has none to delete."""
    old = [(article_id,) for article_id, _authors, existed in articles if existed]
    if old:
        db.executemany("DELETE FROM article_authors WHERE article_id = ?", old)
    names = list(dict.fromkeys(
        name for _id, authors, _existed in articles for a in authors
        if (name := a.name.strip())))
    if not names:
        return
    ids = dict(db.execute(
        "SELECT name, id FROM authors WHERE name IN (SELECT value FROM json_each(?))",
        [dumps(names)]))
    # New authors, numbered in byline order (as one at a time would number them).
    ids.update((name, author_id) for author_id, name in db.insert_rows(
        "authors", ("name",), [(name,) for name in names if name not in ids],
        returning="id, name"))
    db.insert_rows(
        "article_authors", ("article_id", "author_id", "role", "position"),
        [(article_id, ids[name], author.role, position)
         for article_id, authors, _existed in articles
         for position, author in enumerate(authors) if (name := author.name.strip())],
    )

def reanchor_changed(db: LibraryConnection, changed: Sequence[tuple[str, str]]) -> None:
    """Find the highlights of the articles whose text changed again in their new
    text; one query tells which of them have any (most have none)."""
    if not changed:
        return
    held = {row[0] for row in db.execute(
        "SELECT DISTINCT article_key FROM highlights WHERE article_key IN "
        "(SELECT value FROM json_each(?))", [dumps([key for key, _text in changed])])}
    for key, text in changed:
        if key in held:
            reanchor_highlights(db, key, text)

def _holds_user_data(db: LibraryConnection, article_id: int, key: str) -> bool:
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM article_tags WHERE article_id = ?) "
        "OR EXISTS (SELECT 1 FROM notes WHERE article_key = ?) "
        "OR EXISTS (SELECT 1 FROM highlights WHERE article_key = ?)",
        [article_id, key, key],
    ).fetchone()
    return bool(row[0])
