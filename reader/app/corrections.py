"""Correcting what the parser got wrong (issue 15): `session.corrections`.

Every method takes an article id (and a 1-based paragraph number where a line
is meant), turns it into a correction named by content
(`reader.library.correcting`), keeps it in the library
(`library.corrections`, which rewrites the page in the same transaction) and
records it on the session's undo stack (the same `History` as annotations and
page edits).  It returns an outcome holding the `Changes` the window applies:
the articles of the page before and after, `structure` when articles were
added or removed, `metadata` always (text and fields), and the annotations,
which may follow their text to another article.  Bad input is a `ReaderError`
with a catalogue code; nothing is kept then.

Corrections survive re-import and `import --reparse`: the importer applies them
again to the new parse; one that no longer applies is listed as stale.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.app.changes import Changes
from reader.app.undo import History, Step
from reader.catalogue import Code
from reader.errors import ReaderError
from reader.library import Library
from reader.library.correcting import (
    KINDS,
    ROLES,
    Target,
    article_target,
    paragraph_target,
)
from reader.library.corrections import CorrectionRow
from reader.models import ArticleRecord, CorrectionRecord

#: Which step each action is recorded as (its Chinese in `reader.app.undo.STEP_TEXTS`).
_STEPS = {
    "split": "split_article", "merge": "merge_articles", "role": "line_role",
    "move": "move_paragraph", "title": "set_title", "kind": "set_kind",
    "column": "set_column", "authors": "set_authors", "text": "edit_text",
    "restore": "restore_text",
}

#: Characters of an article's headline or first line an undo step names.
STEP_CHARS = 16

DIRECTIONS = ("previous", "next")


@dataclass(frozen=True)
class Corrected:
    """What a correction did: the article it leaves in view, and what changed."""

    changes: Changes
    article_id: int
    correction_id: int


@dataclass(frozen=True)
class SplitOutcome:
    """`split`'s result: the first part keeps the id, the second is `new_article_id`."""

    changes: Changes
    new_article_id: int
    article_id: int
    correction_id: int


def _named(article: ArticleRecord) -> str:
    text = article.title or (article.paragraphs[0] if article.paragraphs else "") or str(article.id)
    return text if len(text) <= STEP_CHARS else text[:STEP_CHARS] + "…"


class CorrectionServices:
    """Structure and text corrections of a `Session`, undoable through `history`."""

    def __init__(self, library: Library, history: History):
        self.library = library
        self.history = history

    # -- structure ------------------------------------------------------------------

    def split(self, article_id: int, paragraph: int) -> SplitOutcome:
        """Paragraphs from the `paragraph`-th (1-based) on become a new article after it."""
        article = self._article(article_id)
        index = self._paragraph(article, paragraph)
        if index == 0:
            raise ReaderError(Code.SPLIT_AT_START, id=article_id)
        done = self._correct(article, "split",
                             paragraph_target(article.paragraphs, index, article.title), {},
                             structure=True)
        new_id = self._neighbour(article_id, +1)
        assert new_id is not None  # the split just put it there
        return SplitOutcome(done.changes | Changes.of([new_id]), new_id, article_id,
                            done.correction_id)

    def merge(self, article_id: int, direction: str = "next") -> Corrected:
        """Join the article with the next (or previous) one on its page."""
        article = self._article(article_id)
        direction = self._direction(direction)
        other_id = self._neighbour(article_id, 1 if direction == "next" else -1)
        if other_id is None:
            raise ReaderError(Code.NO_NEIGHBOUR, id=article_id, direction=direction)
        other = self.library.articles.get(other_id)
        target = Target(title=article.title or "", head=_head(article),
                        other_title=other.title or "", other_head=_head(other))
        first = article if direction == "next" else other
        # Listed under the article that holds both parts afterwards (the first).
        done = self._correct(article, "merge", target, {"direction": direction},
                             structure=True, key=first.key)
        kept = self._id_of(first.key) or article_id
        return Corrected(done.changes, kept, done.correction_id)

    def set_role(self, article_id: int, paragraph: int, role: str) -> Corrected:
        """Give a line another role: title, kicker, subtitle, byline, subhead, caption, or
        furniture (not part of the article: dropped from its body, kept with the page)."""
        if role not in ROLES:
            raise ReaderError(Code.NOT_A_ROLE, role=role, roles=", ".join(ROLES))
        article = self._article(article_id)
        index = self._paragraph(article, paragraph)
        value: dict = {"role": role}
        if role == "byline":
            from reader.ingest.bylines import parse_byline_line

            found = parse_byline_line(article.paragraphs[index])
            value["authors"] = [[a.role, a.name] for a in found]
        return self._correct(article, "role",
                             paragraph_target(article.paragraphs, index, article.title), value,
                             structure=role == "caption")

    def move_paragraph(self, article_id: int, paragraph: int,
                       direction: str = "previous") -> Corrected:
        """Move a paragraph to the end of the previous article or the start of the next."""
        article = self._article(article_id)
        index = self._paragraph(article, paragraph)
        direction = self._direction(direction)
        if self._neighbour(article_id, 1 if direction == "next" else -1) is None:
            raise ReaderError(Code.NO_NEIGHBOUR, id=article_id, direction=direction)
        return self._correct(article, "move",
                             paragraph_target(article.paragraphs, index, article.title),
                             {"direction": direction}, structure=True)

    # -- fields ---------------------------------------------------------------------

    def set_title(self, article_id: int, text: str) -> Corrected:
        """Set the headline ("" takes it away)."""
        article = self._article(article_id)
        text = " ".join(text.split())
        return self._correct(article, "title", article_target(article.title, _head(article)),
                             {"text": text, "was": article.title or ""})

    def set_kind(self, article_id: int, kind: str) -> Corrected:
        """Set what kind of item it is (article, commentary, photo, briefs, quotes, letter)."""
        if kind not in KINDS:
            raise ReaderError(Code.NOT_A_KIND, kind=kind, kinds=", ".join(KINDS))
        article = self._article(article_id)
        return self._correct(article, "kind", article_target(article.title, _head(article)),
                             {"kind": kind, "was": article.kind})

    def set_column(self, article_id: int, text: str) -> Corrected:
        """Set its column (栏目; "" takes it away)."""
        article = self._article(article_id)
        return self._correct(article, "column", article_target(article.title, _head(article)),
                             {"text": " ".join(text.split()), "was": article.column or ""})

    def set_authors(self, article_id: int, authors: Sequence[tuple[str, str]]) -> Corrected:
        """Set its authors, each (role, name): ("本报记者", "张三")."""
        article = self._article(article_id)
        clean = [[" ".join(r.split()), " ".join(n.split())] for r, n in authors if n.strip()]
        return self._correct(article, "authors", article_target(article.title, _head(article)),
                             {"authors": clean,
                              "was": [[a.role, a.name] for a in article.authors]})

    # -- text -----------------------------------------------------------------------

    def edit_text(self, article_id: int, paragraph: int, text: str) -> Corrected:
        """Replace a paragraph's text; the original stays stored (`original_text`)."""
        article = self._article(article_id)
        index = self._paragraph(article, paragraph)
        text = text.strip()
        if not text:
            raise ReaderError(Code.CORRECTION_TEXT_EMPTY)
        return self._correct(article, "text",
                             paragraph_target(article.paragraphs, index, article.title),
                             {"text": text})

    def restore_text(self, article_id: int, paragraph: int) -> Corrected:
        """Give an edited paragraph its original text back."""
        article = self._article(article_id)
        index = self._paragraph(article, paragraph)
        if index not in self.library.corrections.originals(article_id):
            raise ReaderError(Code.NOT_EDITED, id=article_id, number=paragraph)
        return self._correct(article, "restore",
                             paragraph_target(article.paragraphs, index, article.title), {})

    def original_text(self, article_id: int, paragraph: int) -> str | None:
        """The text paragraph `paragraph` (1-based) had before it was edited, or None."""
        return self.library.corrections.originals(article_id).get(paragraph - 1)

    # -- reading --------------------------------------------------------------------

    def is_corrected(self, article_id: int) -> bool:
        return self.library.corrections.is_corrected(article_id)

    def corrected_ids(self, ids: Iterable[int]) -> set[int]:
        """Which of these articles a correction touched (one query per 500 ids)."""
        return self.library.corrections.corrected_ids(ids)

    def list(self) -> list[CorrectionRecord]:
        """Every correction, oldest first, with its status (applied or stale)."""
        return self.library.corrections.all()

    def undo_latest(self) -> CorrectionRecord:
        """Take back the latest correction (any page, any process); the one taken back."""
        latest = self.library.corrections.latest()
        if latest is None:
            raise ReaderError(Code.NO_CORRECTIONS)
        record = self.library.corrections.get(latest)
        self.library.corrections.remove(latest)
        return record

    # -- the machinery --------------------------------------------------------------

    def _article(self, article_id: int) -> ArticleRecord:
        article = self.library.articles.get(article_id)
        missing = self.library.connection.execute(
            "SELECT missing FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        if missing:
            raise ReaderError(Code.ARTICLE_NOT_ON_PAGE, id=article_id)
        return article

    @staticmethod
    def _paragraph(article: ArticleRecord, number: int) -> int:
        if not 1 <= number <= len(article.paragraphs):
            raise ReaderError(Code.NO_PARAGRAPH, id=article.id, number=number,
                              count=len(article.paragraphs))
        return number - 1

    @staticmethod
    def _direction(direction: str) -> str:
        if direction not in DIRECTIONS:
            raise ValueError(f"direction must be one of {DIRECTIONS}, not {direction!r}")
        return direction

    def _neighbour(self, article_id: int, step: int) -> int | None:
        row = self.library.connection.execute(
            "SELECT b.id FROM articles a JOIN articles b ON b.page_id = a.page_id "
            "AND b.missing = 0 AND b.position " + (">" if step > 0 else "<") + " a.position "
            "WHERE a.id = ? ORDER BY b.position " + ("ASC" if step > 0 else "DESC") + " LIMIT 1",
            [article_id]).fetchone()
        return row[0] if row else None

    def _id_of(self, key: str) -> int | None:
        row = self.library.connection.execute("SELECT id FROM articles WHERE key = ?",
                                              [key]).fetchone()
        return row[0] if row else None

    def _page_ids(self, page_id: int) -> set[int]:
        return {row[0] for row in self.library.connection.execute(
            "SELECT id FROM articles WHERE page_id = ?", [page_id])}

    def _correct(self, article: ArticleRecord, action: str, target: Target, value: dict,
                 structure: bool = False, key: str | None = None) -> Corrected:
        assert article.page_id is not None
        page_id = article.page_id
        corrections = self.library.corrections
        before = self._page_ids(page_id)
        correction_id = corrections.add(page_id, action, target, value, key or article.key)
        after = self._page_ids(page_id)
        changes = Changes.of(before | after, structure=structure or before != after,
                             metadata=True, tags=True, notes=True, highlights=True)
        holder: list[CorrectionRow] = []

        def undo() -> None:
            holder[:] = [corrections.remove(correction_id)]

        def redo() -> None:
            corrections.put(holder[0], refuse_stale=False)

        self.history.record(Step(_STEPS[action], (_named(article),)), undo, changes, redo)
        return Corrected(changes, self._id_of(article.key) or article.id, correction_id)


def _head(article: ArticleRecord) -> str:
    if article.paragraphs:
        return article.paragraphs[0]
    return article.entries[0].text if article.entries else ""
