"""The user's annotations as a whole: the overview, out to a JSON-able dict and back in.

The file names articles by their stable `key` (the same page imported into
another library gives the same keys), so annotations travel between
libraries and survive a library rebuilt from the pages.  Shape (version 1):

    {"format": "reader-annotations", "version": 1, "exported_at": ISO,
     "tags": [{"name", "color"}],
     "articles": [{"key", "title", "tags": [name],
                   "note": {"text", "updated_at"} | null,
                   "highlights": [{"quote", "prefix", "suffix", "start", "end",
                                   "color", "note", "orphaned", "created_at"}],
                   "reading": {"read_at", "starred_at", "place"} | null}],
     "saved_searches": [{"name", "query", "sort", "created_at"}],
     "corrections": [{"source", "action", "target", "value", "created_at"}]}

(`saved_searches`, `reading` and `corrections` came later within version 1: a file without
them has none, and an older Reader ignores them.  `place` is where the reader was in the
article, in thousandths of its height.)

Import merges, in one transaction, so that importing a file twice changes
nothing the second time and nothing local is ever lost:

1. The whole file is validated first; a bad file is refused with one sentence.
2. Corrections come first (the articles a split made must exist before their
   annotations are matched by key): by source file name, in the file's order; the
   same correction already here is not added again, one whose page this library
   does not hold is skipped and counted (see `library.corrections.merge`).
3. Articles whose key this library does not hold are skipped and reported.
4. Tags: union.  A tag's colour is taken only if the local tag has none.
5. Highlights: re-anchored in the local text by quote + context; one with the
   same key, quote and start (as given or as re-anchored) is already there and
   is not added again (its note is taken only if the local one is empty).
6. Saved searches: by name; the same name and query is already there, a name taken by
   another query brings the imported one in as "name (2)".
7. Notes: an empty local note takes the imported one; an identical one, or a
   local note that already contains the imported text, is left alone; a local
   note contained in the imported one is replaced by it (nothing is lost);
   otherwise the imported text is appended under `NOTE_SEPARATOR`.
7. Reading state: read and starred are a union (read on either side is read
   here, with the local time if there is one); the local reading place wins,
   an article with none takes the imported one.
"""

from __future__ import annotations

from reader.catalogue import Code
from reader.library.anchoring import reanchor
from reader.library.connection import LibraryConnection
from reader.library.correcting import ACTIONS
from reader.library.corrections import Corrections
from reader.library.errors import LibraryError
from reader.library.saved_searches import SavedSearches
from reader.library.schema import now_iso
from reader.library.values import normalize_color, normalize_tag
from reader.models import AnnotatedSummary, AnnotationImportReport

FORMAT = "reader-annotations"
VERSION = 1
#: The line an imported note is appended under when the local note says something else.
NOTE_SEPARATOR = "\n\n—— 导入的笔记 ——\n"


#: Every annotation mark with its time: the rows `annotated_articles` groups by article.
_MARKS = """
SELECT a.id AS article_id, n.updated_at AS at, 1 AS note, 0 AS highlight, 0 AS tag
  FROM articles a JOIN notes n ON n.article_key = a.key
UNION ALL
SELECT a.id, h.created_at, 0, 1, 0 FROM articles a JOIN highlights h ON h.article_key = a.key
UNION ALL
SELECT at.article_id, at.created_at, 0, 0, 1 FROM article_tags at
"""


class Annotations:
    """`library.annotations`: the user's annotations as a whole (overview, export, merge)."""

    def __init__(self, connection: LibraryConnection):
        self._db = connection

    def annotated_articles(self) -> list[AnnotatedSummary]:
        """Every article with a note, a highlight or a tag, most recently annotated first."""
        rows = self._db.execute(
            f"SELECT article_id, MAX(at), MAX(note), SUM(highlight), SUM(tag) FROM ({_MARKS}) "
            "GROUP BY article_id ORDER BY MAX(at) IS NULL, MAX(at) DESC, article_id DESC"
        )
        return [
            AnnotatedSummary(article_id, at, bool(note), highlights, tags)
            for article_id, at, note, highlights, tags in rows
        ]

    def rescue(self) -> tuple[dict, int]:
        """What `export` gives, read row by row from a damaged library; and how many rows
        could not be read (see salvage.py)."""
        from reader.library.salvage import rescue_annotations

        return rescue_annotations(self._db, FORMAT, VERSION)

    def export(self) -> dict:
        """Every tag, note and highlight, per article key (see the module docstring)."""
        one = self._db.execute
        articles: dict[str, dict] = {}

        def entry(key: str) -> dict:
            if key not in articles:
                articles[key] = {"key": key, "title": None, "tags": [], "note": None,
                                 "highlights": [], "reading": None}
            return articles[key]

        for key, name in one(
            "SELECT a.key, t.name FROM article_tags at JOIN articles a ON a.id = at.article_id "
            "JOIN tags t ON t.id = at.tag_id ORDER BY a.key, t.name COLLATE NOCASE"
        ):
            entry(key)["tags"].append(name)
        for key, body, updated_at in one(
            "SELECT article_key, body, updated_at FROM notes ORDER BY article_key"
        ):
            entry(key)["note"] = {"text": body, "updated_at": updated_at}
        for row in one(
            'SELECT article_key, quote, prefix, suffix, start, "end", color, note, orphaned, '
            "created_at FROM highlights ORDER BY article_key, start, id"
        ):
            entry(row[0])["highlights"].append({
                "quote": row[1], "prefix": row[2], "suffix": row[3], "start": row[4],
                "end": row[5], "color": row[6], "note": row[7], "orphaned": bool(row[8]),
                "created_at": row[9],
            })
        for key, read_at, starred_at, place in one(
            "SELECT article_key, read_at, starred_at, place FROM reading "
            "WHERE read_at IS NOT NULL OR starred_at IS NOT NULL OR place IS NOT NULL "
            "ORDER BY article_key"
        ):
            entry(key)["reading"] = {"read_at": read_at, "starred_at": starred_at,
                                     "place": place}
        for key, title in one("SELECT key, title FROM articles"):
            if key in articles:  # a readable hint for people; import ignores it
                articles[key]["title"] = title
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": now_iso(),
            "tags": [{"name": name, "color": color} for name, color in one(
                "SELECT name, color FROM tags ORDER BY name COLLATE NOCASE")],
            "articles": [articles[key] for key in sorted(articles)],
            "saved_searches": SavedSearches(self._db).export(),
            "corrections": Corrections(self._db).export(),
        }

    def merge(self, data: object) -> AnnotationImportReport:
        """Merge an `export` dict into this library (see the module docstring)."""
        colors, entries = _validated(data)
        searches = _saved_searches(data)
        corrections = _corrections(data)
        counts = dict.fromkeys(("tags_added", "notes_added", "notes_merged", "notes_unchanged",
                                "highlights_added", "highlights_unchanged", "reading_added"), 0)
        skipped: list[str] = []
        with self._db.transaction():
            fixes = Corrections(self._db).merge(corrections)
            for item in entries:
                row = self._db.execute(
                    "SELECT id, text FROM articles WHERE key = ?", [item["key"]]
                ).fetchone()
                if row is None:
                    skipped.append(item["key"])
                    continue
                article_id, text = row
                counts["tags_added"] += self._merge_tags(article_id, item["tags"], colors)
                if item["note"] is not None:
                    counts[self._merge_note(item["key"], item["note"])] += 1
                for mark in item["highlights"]:
                    counts[self._merge_highlight(item["key"], text, mark)] += 1
                if item["reading"] is not None:
                    counts["reading_added"] += self._merge_reading(item["key"], item["reading"])
            if any(counts[k] for k in ("tags_added", "notes_added", "notes_merged",
                                       "highlights_added", "reading_added")):
                self._db.bump_generation(annotations_only=True)
            added, unchanged = SavedSearches(self._db).merge(searches)
        return AnnotationImportReport(articles=len(entries) - len(skipped),
                                      skipped_keys=tuple(skipped), searches_added=added,
                                      searches_unchanged=unchanged,
                                      corrections_added=fixes[0], corrections_unchanged=fixes[1],
                                      corrections_skipped=fixes[2], **counts)

    def _merge_tags(self, article_id: int, names: list[str], colors: dict[str, str]) -> int:
        added = 0
        for name in names:
            tag_id, color = self._db.execute(
                "INSERT INTO tags (name, color) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET color = COALESCE(color, excluded.color) "
                "RETURNING id, color",
                [name, colors.get(name)],
            ).fetchall()[0]
            added += self._db.execute(
                "INSERT INTO article_tags (article_id, tag_id, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [article_id, tag_id, now_iso()],
            ).rowcount
        return added

    def _merge_note(self, key: str, note: dict) -> str:
        imported = note["text"]
        row = self._db.execute("SELECT body FROM notes WHERE article_key = ?", [key]).fetchone()
        local = row[0] if row else ""
        if imported.strip() in local:
            return "notes_unchanged"
        if not local.strip() or local.strip() in imported:
            body, updated_at, outcome = imported, note["updated_at"] or now_iso(), "notes_added"
        else:
            body, updated_at, outcome = local + NOTE_SEPARATOR + imported, now_iso(), "notes_merged"
        self._db.execute(
            "INSERT INTO notes (article_key, body, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(article_key) DO UPDATE SET body = excluded.body, "
            "updated_at = excluded.updated_at",
            [key, body, updated_at],
        )
        return outcome

    def _merge_reading(self, key: str, reading: dict) -> int:
        """1 if the article took a read mark, a star or a place from the file."""
        row = self._db.execute("SELECT read_at, starred_at, place FROM reading "
                               "WHERE article_key = ?", [key]).fetchone()
        local = row or (None, None, None)
        merged = tuple(mine if mine is not None else reading[name] for mine, name in
                       zip(local, ("read_at", "starred_at", "place"), strict=True))
        if merged == tuple(local):
            return 0
        self._db.execute(
            "INSERT INTO reading (article_key, read_at, starred_at, place) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(article_key) DO UPDATE SET read_at = excluded.read_at, "
            "starred_at = excluded.starred_at, place = excluded.place",
            [key, *merged])
        return 1

    def _merge_highlight(self, key: str, text: str, mark: dict) -> str:
        anchor = reanchor(text, mark["start"], mark["end"], mark["quote"], mark["prefix"],
                          mark["suffix"])
        starts = {mark["start"]} | ({anchor.start} if anchor else set())
        marks = ", ".join("?" * len(starts))
        same = self._db.execute(
            f"SELECT id, note FROM highlights WHERE article_key = ? AND quote = ? "
            f"AND start IN ({marks})",
            [key, mark["quote"], *starts],
        ).fetchone()
        if same is not None:
            if mark["note"] and not (same[1] or "").strip():
                self._db.execute("UPDATE highlights SET note = ? WHERE id = ?",
                                   [mark["note"], same[0]])
            return "highlights_unchanged"
        start, end = (anchor.start, anchor.end) if anchor else (mark["start"], mark["end"])
        self._db.execute(
            'INSERT INTO highlights (article_key, start, "end", quote, prefix, suffix, color, '
            "note, orphaned, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [key, start, end, mark["quote"], anchor.prefix if anchor else mark["prefix"],
             anchor.suffix if anchor else mark["suffix"], mark["color"], mark["note"] or None,
             int(anchor is None), mark["created_at"] or now_iso()],
        )
        return "highlights_added"


# -- validation: the whole file is checked before anything is written -----------------


def _validated(data: object) -> tuple[dict[str, str], list[dict]]:
    """(tag colours by name, normalised article entries), or LibraryError."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LibraryError(Code.ANNOTATIONS_NO_FORMAT, format=FORMAT)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LibraryError(Code.ANNOTATIONS_BAD_VERSION)
    if version > VERSION:
        raise LibraryError(Code.ANNOTATIONS_TOO_NEW, version=version)
    tags, articles = data.get("tags", []), data.get("articles")
    if not isinstance(tags, list) or not isinstance(articles, list):
        raise LibraryError(Code.ANNOTATIONS_NOT_LISTS)
    colors: dict[str, str] = {}
    for tag in tags:
        if not isinstance(tag, dict) or not _text(tag.get("name")):
            raise LibraryError(Code.ANNOTATIONS_TAG_NAME)
        color = tag.get("color")
        if color is not None and not isinstance(color, str):
            raise LibraryError(Code.ANNOTATIONS_TAG_COLOR, tag=tag["name"])
        normalized = normalize_color(color)
        if normalized:
            colors[normalize_tag(tag["name"])] = normalized
    return colors, [_article(item, n) for n, item in enumerate(articles, start=1)]


def _saved_searches(data: object) -> list[dict]:
    """The file's saved searches (none in a file from before they existed), validated."""
    items = data.get("saved_searches", []) if isinstance(data, dict) else []
    if not isinstance(items, list) or not all(
            isinstance(i, dict) and _text(i.get("name")) and _text(i.get("query"))
            and isinstance(i.get("sort"), str | None) and isinstance(i.get("created_at"), str | None)
            for i in items):
        raise LibraryError(Code.ANNOTATIONS_BAD_SEARCHES)
    return items


def _corrections(data: object) -> list[dict]:
    """The file's corrections (none in a file from before they existed), validated."""
    items = data.get("corrections", []) if isinstance(data, dict) else []
    if not isinstance(items, list) or not all(
            isinstance(i, dict) and _text(i.get("source")) and i.get("action") in ACTIONS
            and isinstance(i.get("target"), dict) and isinstance(i.get("value"), dict)
            and isinstance(i.get("created_at"), str | None) for i in items):
        raise LibraryError(Code.ANNOTATIONS_BAD_CORRECTIONS)
    return items


def _article(item: object, n: int) -> dict:
    if not isinstance(item, dict) or not _text(item.get("key")):
        raise LibraryError(Code.ANNOTATIONS_NO_KEY, n=n)
    names = item.get("tags", [])
    if not isinstance(names, list) or not all(isinstance(x, str) for x in names):
        raise LibraryError(Code.ANNOTATIONS_BAD_TAGS, n=n)
    note = item.get("note")
    if note is not None and not (isinstance(note, dict) and isinstance(note.get("text"), str)
                                 and isinstance(note.get("updated_at"), str | None)):
        raise LibraryError(Code.ANNOTATIONS_BAD_NOTE, n=n)
    marks = item.get("highlights", [])
    if not isinstance(marks, list):
        raise LibraryError(Code.ANNOTATIONS_BAD_HIGHLIGHTS, n=n)
    tags = [t for t in dict.fromkeys(normalize_tag(x) for x in names) if t]
    has_note = note is not None and note["text"].strip()
    return {"key": item["key"], "tags": tags, "note": note if has_note else None,
            "highlights": [_highlight(mark, n) for mark in marks],
            "reading": _reading(item.get("reading"), n)}


def _reading(reading: object, n: int) -> dict | None:
    """An article's read mark, star and place (None: the file says nothing of them)."""
    if reading is None:
        return None
    if not isinstance(reading, dict):
        raise LibraryError(Code.ANNOTATIONS_BAD_READING, n=n)
    place = reading.get("place")
    times = (reading.get("read_at"), reading.get("starred_at"))
    if not all(t is None or (isinstance(t, str) and t.strip()) for t in times) or not (
            place is None or (isinstance(place, int) and not isinstance(place, bool)
                              and 0 <= place <= 1000)):
        raise LibraryError(Code.ANNOTATIONS_BAD_READING, n=n)
    return {"read_at": times[0], "starred_at": times[1], "place": place}


def _highlight(mark: object, n: int) -> dict:
    if not isinstance(mark, dict) or not _text(mark.get("quote")):
        raise LibraryError(Code.ANNOTATIONS_NO_QUOTE, n=n)
    start, end = mark.get("start"), mark.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        raise LibraryError(Code.ANNOTATIONS_BAD_OFFSETS, n=n)
    fields = {k: mark.get(k) for k in ("prefix", "suffix", "note", "created_at")}
    if not all(v is None or isinstance(v, str) for v in [*fields.values(), mark.get("color")]):
        raise LibraryError(Code.ANNOTATIONS_BAD_FIELD, n=n)
    return {"quote": mark["quote"], "start": start, "end": end,
            "prefix": fields["prefix"] or "", "suffix": fields["suffix"] or "",
            "note": fields["note"], "created_at": fields["created_at"],
            "color": normalize_color(mark.get("color")) or "yellow"}


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())
