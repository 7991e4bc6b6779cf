"""Export as the CLI and the window ask for it: a selection resolved to articles, then written.

`resolve_selection` turns what the user named (ids, a tag, a search, an
issue) into article ids in the order they came in, which is the "rank"
order; `load_items` fetches them as `ExportItem`s named with the app's words
(`display`); `export_selection` hands them to `reader.export`.  Several sources are joined (ids first, then the issue,
the tag, the search), each article once.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.app.display import display_origin, untitled
from reader.catalogue import Code
from reader.errors import ReaderError
from reader.export import ExportOptions, ExportReport, write_export
from reader.export.items import ExportItem
from reader.models import ArticleRecord, IssueRecord
from reader.progress import Cancelled, Progress, never_cancelled, no_progress

#: Articles fetched per query while loading (and per cancel check).
LOAD_BATCH = 500


@dataclass(frozen=True)
class Selection:
    """Article ids in the order the user's sources gave them, and what to call them."""

    ids: list[int]
    heading: str | None = None


@dataclass(frozen=True)
class ExportSet:
    """Loaded articles (in selection order) and the library's issues (in tree order)."""

    items: list[ExportItem]
    issues: list[IssueRecord]


def resolve_selection(session, ids: Sequence[int] = (), tag: str | None = None,
                      query: str | None = None, issue: int | None = None) -> Selection:
    """The ids of the named articles, issue, tag and search hits, each once, in that order."""
    library = session.library
    found: list[int] = []
    headings: list[str] = []
    if ids:
        known = {a.id for a in library.articles.by_ids(ids)}
        for article_id in ids:
            if article_id not in known:
                raise ReaderError(Code.NO_ARTICLE, id=article_id)
        found.extend(ids)
    if issue is not None:
        record = library.issues.get(issue)  # "No issue with id N." when unknown
        found.extend(a.id for a in library.articles.in_issue(issue))
        headings.append(record.title)
    if tag is not None:
        tagged = library.filters.ids_with_tag(tag)
        if not tagged:
            raise ReaderError(Code.EXPORT_NONE_TAGGED, tag=tag)
        found.extend(sorted(tagged))
        headings.append(f"标签：{tag}")
    if query is not None:
        everything = max(1, len(library.articles.ids()))
        outcome = session.search(query, limit=everything)
        if not outcome.hits:
            raise ReaderError(Code.EXPORT_NONE_MATCH, query=query)
        found.extend(hit.id for hit in outcome.hits)
        headings.append(f"搜索：{query}")
    if not found:
        raise ReaderError(Code.EXPORT_NOTHING_NAMED)
    return Selection(list(dict.fromkeys(found)), "；".join(headings) or None)


def export_item(article: ArticleRecord, issue: IssueRecord | None) -> ExportItem:
    # 出处: 人民日报 · 2025-01-07 · 第19版 党建 · 栏目 (约2024年1月 for an inferred date).
    return ExportItem(article, issue, article.title or untitled(article.paragraphs),
                      display_origin(article.origin))


def load_items(library, ids: Sequence[int], progress: Progress = no_progress,
               cancelled: Cancelled = never_cancelled) -> ExportSet | None:
    """The articles with these ids as export items, in this order; None if cancelled."""
    issues = library.issues.all()
    by_id = {issue.id: issue for issue in issues}
    items: list[ExportItem] = []
    for start in range(0, len(ids), LOAD_BATCH):
        if cancelled():
            return None
        progress(start, len(ids), "")
        for article in library.articles.by_ids(ids[start:start + LOAD_BATCH]):
            items.append(export_item(article, by_id.get(article.issue_id)))
    return ExportSet(items, issues)


def export_selection(session, ids: Sequence[int], options: ExportOptions,
                     target: str | os.PathLike, progress: Progress = no_progress,
                     cancelled: Cancelled = never_cancelled, overwrite: bool = False,
                     heading: str | None = None) -> ExportReport:
    """Load and write an export (see `reader.export.write_export`)."""
    loaded = load_items(session.library, ids, cancelled=cancelled)
    if loaded is None:
        return ExportReport(Path(target), (), 0, 0, cancelled=True)
    return write_export(loaded.items, loaded.issues, options, target, progress, cancelled,
                        overwrite=overwrite, heading=heading)

