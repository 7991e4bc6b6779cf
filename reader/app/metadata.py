"""Editing where pages are from: paper, date, edition, page number and name; renaming a paper.

`MetadataServices` is `session.metadata`.  Every edit is the user's data
(`pages.user_*`, see `reader.library.page_meta`): it wins over what the parser
found, survives re-import and re-parse, and shows as set by the user
(`PageRecord.user_fields`).  Each edit is recorded on the session's undo stack
(the same `History` as the annotations, so 撤销 in the window reverses the latest
change of either kind): undo puts back the user's columns the pages had, and the
pages return to the papers and issues those say.

Every method returns what it changed as a `Changes`: the articles of the pages
touched, `structure` (pages may have moved between issues and papers: the tree's
shape) and `metadata` (paper, date and page fields shown on articles).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.app.changes import NO_CHANGES, Changes
from reader.app.undo import History
from reader.catalogue import Code
from reader.errors import ReaderError
from reader.library import Library
from reader.library.page_meta import KEEP, PageEdit

#: The words of the undo stack, per field edited (Chinese, as the window shows them).
_FIELD_WORDS = {"paper": "报纸", "date": "日期", "edition": "版别", "number": "版次",
                "name": "版名"}


@dataclass(frozen=True)
class PaperRenamed:
    """`rename_paper`'s result: the paper the pages are now in, and what changed."""

    publication_id: int
    name: str
    merged: bool
    changes: Changes


def _described(edit: PageEdit, count: int) -> str:
    fields = "、".join(word for field, word in _FIELD_WORDS.items()
                      if getattr(edit, field) is not KEEP)
    return f"修改{count}个版面的{fields}" if count > 1 else f"修改版面的{fields}"


class MetadataServices:
    """Paper, date and page edits of a `Session`, undoable through `history`."""

    def __init__(self, library: Library, history: History):
        self.library = library
        self.history = history

    def edit_pages(self, page_ids: Iterable[int], edit: PageEdit,
                   description: str | None = None) -> Changes:
        """Set fields of these pages (one or many at once; see `PageEdit`), undoable.

        Pages given one paper and one date join one issue; an unknown page id or a
        bad date is a `ReaderError` and nothing changes.
        """
        if edit.empty:
            raise ReaderError(Code.NO_PAGE_FIELDS)
        pages = self.library.pages
        ids = pages.require(page_ids)
        before = pages.user_values(ids)
        if not pages.set_fields(ids, edit):
            return NO_CHANGES
        changes = Changes.of(pages.article_ids(ids), structure=True, metadata=True)
        self.history.record(description or _described(edit, len(ids)),
                            lambda: pages.restore(before), changes)
        return changes

    def edit_issue(self, issue_id: int, edit: PageEdit) -> Changes:
        """Set fields of every page of one issue (its paper, date, edition), undoable."""
        page_ids = self.library.issues.page_ids(issue_id)  # "No issue with id N." if unknown
        fields = "、".join(word for field, word in _FIELD_WORDS.items()
                          if getattr(edit, field) is not KEEP)
        return self.edit_pages(page_ids, edit, description=f"修改这一期的{fields}")

    def rename_paper(self, publication_id: int, name: str) -> PaperRenamed:
        """Name a paper (renaming onto an existing paper merges the two), undoable."""
        publications = self.library.publications
        old = publications.get(publication_id)
        page_ids = publications.page_ids(publication_id)
        before = self.library.pages.user_values(page_ids)
        target = " ".join((name or "").split())
        merged = target != old.name and any(p.name == target for p in publications.all())
        new_id = publications.rename(publication_id, name)
        final = publications.get(new_id).name
        if final == old.name and not any(v["user_paper"] != final for v in before.values()):
            return PaperRenamed(new_id, final, False, NO_CHANGES)
        changes = Changes.of(self.library.pages.article_ids(page_ids), structure=True,
                             metadata=True)
        verb = "合并报纸" if merged else "重命名报纸"
        self.history.record(f"{verb} {old.name} → {final}",
                            lambda: self.library.pages.restore(before), changes)
        return PaperRenamed(new_id, final, merged, changes)
