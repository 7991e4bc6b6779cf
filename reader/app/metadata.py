"""Editing where pages are from: paper, date, edition, page number and name; renaming a paper.

`MetadataServices` is `session.metadata`.  Every edit is the user's data
(`pages.user_*`, see `reader.library.page_meta`): it wins over what the parser
found, survives re-import and re-parse, and shows as set by the user
(`PageRecord.user_fields`).  Each edit is recorded on the session's undo stack
(the same `History` as the annotations, so 撤销 and 重做 in the window reverse and
redo the latest change of either kind): undo puts back the user's columns the
pages had, and the pages return to the papers and issues those say; redo sets the
same fields again.

Every method returns what it changed as a `Changes`: the articles of the pages
touched, `structure` (pages may have moved between issues and papers: the tree's
shape) and `metadata` (paper, date and page fields shown on articles).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.app.changes import NO_CHANGES, Changes
from reader.app.display import page_label
from reader.app.undo import History, Step
from reader.catalogue import Code
from reader.errors import ReaderError
from reader.library import Library
from reader.library.page_meta import PageEdit
from reader.models import PageRecord

#: Pages named in an undo step (more are left out of its text).
STEP_PAGES = 3


@dataclass(frozen=True)
class PaperRenamed:
    """`rename_paper`'s result: the paper the pages are now in, and what changed."""

    publication_id: int
    name: str
    merged: bool
    changes: Changes


def _page_names(pages: list[PageRecord]) -> tuple[str, ...]:
    """The pages as an undo step names them: 第19版 党建, or the page's title."""
    names = tuple(page_label(p.number, p.name) or p.title for p in pages[:STEP_PAGES])
    return names + (("…",) if len(pages) > STEP_PAGES else ())


class MetadataServices:
    """Paper, date and page edits of a `Session`, undoable through `history`."""

    def __init__(self, library: Library, history: History):
        self.library = library
        self.history = history

    def edit_pages(self, page_ids: Iterable[int], edit: PageEdit,
                   step: Step | None = None) -> Changes:
        """Set fields of these pages (one or many at once; see `PageEdit`), undoable.

        Pages given one paper and one date join one issue; an unknown page id or a
        bad date is a `ReaderError` and nothing changes.
        """
        if edit.empty:
            raise ReaderError(Code.NO_PAGE_FIELDS)
        pages = self.library.pages
        ids = pages.require(page_ids)
        before = pages.user_values(ids)
        named = _page_names([pages.get(i) for i in ids[:STEP_PAGES + 1]])
        if not pages.set_fields(ids, edit):
            return NO_CHANGES
        changes = Changes.of(pages.article_ids(ids), structure=True, metadata=True)
        self.history.record(step or Step("edit_pages", named),
                            lambda: pages.restore(before), changes,
                            lambda: pages.set_fields(ids, edit))
        return changes

    def edit_issue(self, issue_id: int, edit: PageEdit) -> Changes:
        """Set fields of every page of one issue (its paper, date, edition), undoable."""
        issue = self.library.issues.get(issue_id)  # "No issue with id N." if unknown
        named = " ".join(x for x in (issue.paper, issue.date) if x)
        return self.edit_pages(self.library.issues.page_ids(issue_id), edit,
                               step=Step("edit_issue", (named,)))

    def rename_paper(self, publication_id: int, name: str) -> PaperRenamed:
        """Name a paper (renaming onto an existing paper merges the two), undoable."""
        publications, pages = self.library.publications, self.library.pages
        old = publications.get(publication_id)
        page_ids = publications.page_ids(publication_id)
        before = pages.user_values(page_ids)
        target = " ".join((name or "").split())
        merged = target != old.name and any(p.name == target for p in publications.all())
        new_id = publications.rename(publication_id, name)
        final = publications.get(new_id).name
        if final == old.name and not any(v["user_paper"] != final for v in before.values()):
            return PaperRenamed(new_id, final, False, NO_CHANGES)
        changes = Changes.of(pages.article_ids(page_ids), structure=True, metadata=True)
        self.history.record(Step("merge_paper" if merged else "rename_paper", (old.name, final)),
                            lambda: pages.restore(before), changes,
                            lambda: pages.set_fields(page_ids, PageEdit(paper=final)))
        return PaperRenamed(new_id, final, merged, changes)
