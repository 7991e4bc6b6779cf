"""Annotations follow the text they sit in when corrections reshape a page.

After a page's articles are written again from its corrected items
(`Imports.resync`), `follow_text` moves the reader's data to where its text
went:

1. An article that a correction made vanish (merged into another, or a split
   undone) hands its tags, note, reading state and highlights to the article
   now holding most of its text (character-trigram containment of at least
   `CONTAINED`), and is deleted.  One whose text is nowhere stays, marked
   missing, as after a re-parse.
2. Every highlight of the page is placed in the article whose text holds its
   quote with the best-matching context (its own article wins a tie), so a
   highlight in the paragraphs a split moved goes with them to the new
   article; a quote found nowhere is kept and flagged orphaned.

Tags and the note of a split article stay on the first part (it keeps the
article's key and id); see docs/architecture.md, "Corrections".
"""

from __future__ import annotations

import json

from reader.library.anchoring import anchor_at, common_prefix, reanchor
from reader.library.connection import LibraryConnection
from reader.library.correcting import Correction, Target
from reader.library.keys import trigrams

#: Share of a vanished article's trigrams another article must hold to inherit its data.
CONTAINED = 0.5


def page_articles(db: LibraryConnection, page_id: int) -> dict[int, tuple[str, str, int]]:
    """id → (key, text, missing) of the page's articles."""
    return {row[0]: (row[1], row[2], row[3]) for row in db.execute(
        "SELECT id, key, text, missing FROM articles WHERE page_id = ?", [page_id])}


def page_corrections(db: LibraryConnection, page_id: int) -> list[Correction]:
    """The page's corrections in the order they were made."""
    return [Correction(row[0], row[1], Target.from_json(json.loads(row[2] or "{}")),
                       json.loads(row[3] or "{}"))
            for row in db.execute("SELECT id, action, target, value FROM corrections "
                                  "WHERE page_id = ? ORDER BY id", [page_id])]


def follow_text(db: LibraryConnection, page_id: int,
                before: dict[int, tuple[str, str, int]]) -> None:
    """Move annotations to where their text went (see the module docstring)."""
    after = page_articles(db, page_id)
    live = {i: (key, text) for i, (key, text, missing) in after.items() if not missing}
    for gone_id, (key, text, missing) in after.items():
        if not missing or before.get(gone_id, ("", "", 1))[2]:
            continue
        heir = _heir(text, gone_id, live)
        if heir is not None:
            _hand_over(db, gone_id, key, heir, live[heir][0])
    _place_highlights(db, live)


def _heir(text: str, gone_id: int, live: dict[int, tuple[str, str]]) -> int | None:
    grams = trigrams(text)
    if not grams:
        return None
    best: tuple[float, int] | None = None
    for article_id, (_key, other) in live.items():
        share = len(grams & trigrams(other)) / len(grams)
        if share >= CONTAINED and (best is None or share > best[0]):
            best = (share, article_id)
    return best[1] if best else None


def _hand_over(db: LibraryConnection, gone_id: int, key: str, heir_id: int, heir_key: str) -> None:
    db.execute("INSERT OR IGNORE INTO article_tags (article_id, tag_id, created_at) "
               "SELECT ?, tag_id, created_at FROM article_tags WHERE article_id = ?",
               [heir_id, gone_id])
    note = db.execute("SELECT body FROM notes WHERE article_key = ?", [key]).fetchone()
    if note is not None:
        # Both notes are kept: the heir's first, the vanished article's after it.
        db.execute("INSERT INTO notes (article_key, body, updated_at) "
                   "SELECT ?, body, updated_at FROM notes WHERE article_key = ? "
                   "ON CONFLICT(article_key) DO UPDATE SET "
                   "body = notes.body || char(10) || char(10) || excluded.body",
                   [heir_key, key])
        db.execute("DELETE FROM notes WHERE article_key = ?", [key])
    db.execute("UPDATE OR IGNORE reading SET article_key = ? WHERE article_key = ?",
               [heir_key, key])
    db.execute("DELETE FROM reading WHERE article_key = ?", [key])
    db.execute("UPDATE highlights SET article_key = ? WHERE article_key = ?", [heir_key, key])
    db.execute("DELETE FROM articles WHERE id = ?", [gone_id])


def _place_highlights(db: LibraryConnection, live: dict[int, tuple[str, str]]) -> None:
    texts = {key: text for key, text in live.values()}
    if not texts:
        return
    marks = ", ".join("?" * len(texts))
    rows = db.execute(
        f'SELECT id, article_key, start, "end", quote, prefix, suffix, orphaned FROM highlights '
        f"WHERE article_key IN ({marks})", list(texts)).fetchall()
    for highlight_id, own, start, _end, quote, prefix, suffix, orphaned in rows:
        best: tuple[int, int, int, str, int] | None = None
        for key, text in texts.items():
            position = text.find(quote) if quote else -1
            while position != -1:
                after = position + len(quote)
                score = (common_prefix(prefix[::-1], text[max(0, position - len(prefix)):position][::-1])
                         + common_prefix(suffix, text[after:after + len(suffix)]))
                rank = (score, int(key == own), -abs(position - start), key, position)
                if best is None or rank > best:
                    best = rank
                position = text.find(quote, position + 1)
        if best is None:
            if not orphaned:
                db.execute("UPDATE highlights SET orphaned = 1 WHERE id = ?", [highlight_id])
            continue
        key, position = best[3], best[4]
        anchor = anchor_at(texts[key], position, position + len(quote))
        db.execute('UPDATE highlights SET article_key = ?, start = ?, "end" = ?, prefix = ?, '
                   "suffix = ?, orphaned = 0 WHERE id = ?",
                   [key, anchor.start, anchor.end, anchor.prefix, anchor.suffix, highlight_id])


def reanchor_highlights(db: LibraryConnection, article_key: str, text: str) -> None:
    """Find the highlights of one article again in its new text (`anchoring.reanchor`)."""
    rows = db.execute(
        'SELECT id, start, "end", quote, prefix, suffix, orphaned FROM highlights '
        "WHERE article_key = ?",
        [article_key],
    ).fetchall()
    for highlight_id, start, end, quote, prefix, suffix, orphaned in rows:
        anchor = reanchor(text, start, end, quote, prefix, suffix)
        if anchor is None:
            # Never dropped: the quote and note stay for the user to see.
            if not orphaned:
                db.execute("UPDATE highlights SET orphaned = 1 WHERE id = ?", [highlight_id])
            continue
        db.execute(
            'UPDATE highlights SET start = ?, "end" = ?, prefix = ?, suffix = ?, '
            "orphaned = 0 WHERE id = ?",
            [anchor.start, anchor.end, anchor.prefix, anchor.suffix, highlight_id],
        )
