"""An article's text stored once (issue 17: the library on disk at archive scale).

Articles kept their paragraphs twice: as a JSON list of strings (`paragraphs`) and joined,
one a line, with the entries after them, in `text` (what search, snippets and highlights
read).  Since migration 9 `paragraphs` holds the paragraphs' lengths and `cut_paragraphs`
cuts them back out of `text`: a third of the library file at a million articles.

The migration converts a library in place in one transaction, like every migration: a kill
leaves the old library, which the next open migrates again.  A row whose list does not read
as strings beginning its text (a damaged row, issue 18) is left as it was; the reader takes
both forms.  Opening gives the freed pages back to the disk once (library/opening.py).
"""

from __future__ import annotations

__all__ = ["MIGRATION_9", "cut_paragraphs", "paragraphs_length"]

MIGRATION_9 = """
UPDATE articles
SET paragraphs = (SELECT json_group_array(length(value)) FROM json_each(articles.paragraphs))
WHERE json_valid(paragraphs) AND json_type(paragraphs) = 'array'
  AND json_array_length(paragraphs) > 0
  AND NOT EXISTS (SELECT 1 FROM json_each(articles.paragraphs) WHERE type != 'text')
  AND (SELECT group_concat(value, char(10)) || char(10) FROM json_each(articles.paragraphs))
      = substr(text || char(10), 1,
               (SELECT sum(length(value) + 1) FROM json_each(articles.paragraphs)));
"""


def cut_paragraphs(stored: list, text: str | None, damaged: list[bool]) -> list:
    """The paragraphs of an article from its stored list: since migration 9 the lengths of
    the paragraphs that begin `text` (paragraphs then entries, one a line), so the text is
    stored once; a list of strings (a row the migration left as it was) is the paragraphs.

    Lengths that do not fit the text read as no paragraphs, flagged like a damaged list."""
    if all(type(n) is str for n in stored):
        return stored
    text = text or ""
    if paragraphs_length(stored, len(text)) is None:
        damaged.append(True)
        return []
    paragraphs, at = [], 0
    for length in stored:
        paragraphs.append(text[at : at + length])
        at += length + 1
    return paragraphs


def paragraphs_length(stored: object, text_length: int) -> int | None:
    """How much of the text the paragraphs take (their lengths and the line breaks between
    them; -1 for none), or None when `stored` is not lengths that fit a text this long (as
    `cut_paragraphs` decides, which then finds no paragraphs).  For search: a term occurs
    in the paragraphs when it occurs in the text before this point."""
    if not isinstance(stored, list) or not all(type(n) is int and n >= 0 for n in stored):
        return None
    length = sum(stored) + len(stored) - 1
    return length if length <= text_length else None
