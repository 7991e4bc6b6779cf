"""The archive tree's nodes, level by level: 报纸 → 年 → 日期 → 版 → 文章.

What the window's tree (reader/ui/tree_model.py) reads, one level at a
time, on the window's worker: `ArchiveSource.children(session, key)` gives
the nodes under a node (`None`: the papers), each an `ArchiveNode` with its
counts, or for a page its articles (`TreeArticle`, a row with its authors).
Each level is one query of the library's read API (`reader.app.browsing`:
`papers`, `years`, `issues_of`, `pages_of`, `page_rows`), through indexes.

Node keys are text, stable across reloads and restarts (the tree remembers
its expanded nodes by them): ``paper␟3``, ``year␟3␟2025`` (``year␟3␟`` for
the undated), ``issue␟17``, ``page␟12``.  `path_to` finds the keys above a
node; `neighbour_path` the page before or after a page, across issues,
years and papers (what J/K turn to).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as calendar_date

from reader.app import browsing
from reader.app.browsing import ArticleRow, article_row
from reader.app.display import display_date, display_origin, page_label
from reader.library.errors import LibraryError
from reader.library.page_meta import PageEdit
from reader.library.publications import YearCount
from reader.models import (
    ArticleOrigin,
    ArticleRecord,
    IssueRecord,
    PageRecord,
    PublicationRecord,
    date_given,
)

#: Separates the parts of a node key (a character no paper name holds).
SEP = "\u241f"
#: The paper of pages that name none and have no page name either.
UNNAMED_PAPER = "报纸不详"
#: The year of undated issues.
NO_YEAR = "日期不详"
#: Node kinds, top down.
KINDS = ("paper", "year", "issue", "page")
_WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class ArchiveNode:
    """A paper, a year of a paper, an issue (one date of one paper) or a page."""

    kind: str
    key: str
    label: str
    child_count: int  # rows one level down (for a paper: its issues, as years are not counted)
    article_count: int
    issue_count: int = 1  # issues under a paper or a year
    record_id: int = 0  # the publication, issue or page
    paper: str | None = None  # None when unknown
    date: str | None = None
    date_precision: str = "unknown"
    date_source: str | None = None
    page_number: int | None = None
    page_name: str | None = None
    edition: str | None = None
    #: fields the user set (paper, date, edition, number, name, title)
    user_fields: tuple[str, ...] = ()
    #: what the row's tooltip says beyond its label (the issue's full date)
    detail: str = ""


@dataclass(frozen=True)
class TreeArticle(ArticleRow):
    """An article row of the tree: its page's row plus who wrote it."""

    authors: str = ""


@dataclass(frozen=True)
class PageContent:
    """A whole page to read: the page, where it is from, its articles in page order."""

    page: ArchiveNode
    origin: str
    articles: tuple[ArticleRecord, ...]


def tree_article(article: ArticleRecord, colors: dict[str, str] | None = None) -> TreeArticle:
    authors = "、".join(a.name for a in article.authors if a.role != "摄影")
    return TreeArticle(**vars(article_row(article, colors)), authors=authors)


def node_key(kind: str, *parts: object) -> str:
    return SEP.join([kind, *(str(p) for p in parts)])


def key_kind(key: str) -> str:
    return key.split(SEP, 1)[0]


def page_key(page_id: int) -> str:
    return node_key("page", page_id)


def page_id_of(key: str) -> int | None:
    kind, *parts = key.split(SEP)
    return int(parts[0]) if kind == "page" and parts and parts[0].isdigit() else None


def issue_date_label(value: str | None, precision: str, source: str | None) -> str:
    """2025年1月7日 星期二 for a given date, 约2021年1月 only for one inferred from the text."""
    if not value:
        return NO_YEAR
    text = display_date(value, precision, overridden=date_given(source))
    if precision == "day" and not text.startswith("约"):
        with contextlib.suppress(ValueError):  # a malformed stored date: no weekday
            text += f" 星期{_WEEKDAYS[calendar_date.fromisoformat(value).weekday()]}"
    return text


# -- nodes from the library's records ---------------------------------------------------------


def paper_node(paper: PublicationRecord) -> ArchiveNode:
    return ArchiveNode("paper", node_key("paper", paper.id), paper.name or UNNAMED_PAPER,
                       paper.issue_count, paper.article_count, paper.issue_count, paper.id,
                       paper=None if paper.placeholder else paper.name,
                       user_fields=("paper",) if paper.user_set else ())


def year_node(publication_id: int, year: YearCount) -> ArchiveNode:
    label = f"{year.year}年" if year.year else NO_YEAR
    return ArchiveNode("year", node_key("year", publication_id, year.year), label,
                       year.issue_count, year.article_count, year.issue_count, publication_id,
                       date=year.year or None, date_precision="year")


def issue_node(issue: IssueRecord) -> ArchiveNode:
    """An issue under its year: 1月7日 周二 (a given day; the year is the row above), else
    the date in words with its precision (约2021年1月)."""
    full = issue_date_label(issue.date, issue.date_precision, issue.date_source)
    label = full
    if issue.date and issue.date_precision == "day" and not full.startswith("约"):
        label = full[full.index("年") + 1:].replace("星期", "周")
    if issue.edition:
        label, full = f"{label} {issue.edition}", f"{full} {issue.edition}"
    return ArchiveNode("issue", node_key("issue", issue.id), label, issue.page_count,
                       issue.article_count, 1, issue.id, detail=f"{issue.paper} {full}",
                       paper=issue.paper if issue.paper_known else None, date=issue.date,
                       date_precision=issue.date_precision, date_source=issue.date_source,
                       edition=issue.edition,
                       user_fields=("date",) if issue.date_overridden else ())


def page_node(page: PageRecord) -> ArchiveNode:
    """A page's node: 第19版 党建, else its own title (先锋, its first headline …)."""
    title = page.title
    if page.date and title.endswith(f" · {page.date}"):  # the library's title ends in the date
        title = title[: -len(f" · {page.date}")]
    label = page_label(page.number, page.name) if page.number else (page.name or title)
    return ArchiveNode("page", page_key(page.id), label or title, page.article_count,
                       page.article_count, 1, page.id,
                       paper=page.paper if page.paper_known else None, date=page.date,
                       date_precision=page.date_precision, date_source=page.date_source,
                       page_number=page.number, page_name=page.name, edition=page.edition,
                       user_fields=tuple(f for f in ("paper", "date", "edition", "number",
                                                     "name", "title")
                                         if f in page.user_fields))


def page_origin(page: ArchiveNode) -> str:
    """Where a page is from: 人民日报 · 2025-01-07 · 第5版 评论."""
    return display_origin(ArticleOrigin(
        page.paper, page.date, page.date_precision,
        date_given(page.date_source), page.page_number, page.page_name,
        None, page.edition))


def article_origin(article: ArticleRecord, column: bool = True) -> str:
    """Where an article is from; `column=False` leaves the column out (the pane shows it
    on its own line)."""
    return display_origin(article.origin, column=column)


# -- reading the archive ----------------------------------------------------------------------


class ArchiveSource:
    """Reads the archive for the tree, a level at a time; used on the worker only."""

    def children(self, session, key: str | None) -> list:
        """The nodes under `key` (None: the papers); under a page, its articles in order."""
        if key is None:
            return [paper_node(p) for p in browsing.papers(session)]
        kind, *parts = key.split(SEP)
        if kind == "paper":
            publication = int(parts[0])
            return [year_node(publication, y) for y in browsing.years(session, publication)]
        if kind == "year":
            return [issue_node(i) for i in browsing.issues_of(session, int(parts[0]), parts[1])]
        if kind == "issue":
            return [page_node(p) for p in browsing.pages_of(session, int(parts[0]))]
        if kind == "page":
            return page_articles(session, int(parts[0]))
        return []

    def path_to(self, session, key: str) -> list[str]:
        """The keys from the paper down to this node (itself last); [] if it is gone."""
        kind, *parts = key.split(SEP)
        try:
            if kind == "paper":
                return [key]
            if kind == "year":
                return [node_key("paper", parts[0]), key]
            if kind == "issue":
                issue = session.library.issues.get(int(parts[0]))
                year = issue.date[:4] if issue.date else ""
                return [node_key("paper", issue.publication_id),
                        node_key("year", issue.publication_id, year), key]
            if kind == "page":
                page = session.library.pages.get(int(parts[0]))
                return [*self.path_to(session, node_key("issue", page.issue_id)), key]
        except (LibraryError, ValueError, IndexError):
            return []
        return []

    def path_to_page(self, session, page_id: int) -> list[str]:
        return self.path_to(session, page_key(page_id))

    def neighbour_path(self, session, page_id: int, delta: int) -> list[str]:
        """The path of the page `delta` (1 or -1) pages away in archive order, across
        issues, years and papers; [] at either end."""
        path = self.path_to_page(session, page_id)
        for depth in range(len(path) - 1, -1, -1):
            parent = path[depth - 1] if depth else None
            siblings = [node.key for node in self.children(session, parent)]
            if path[depth] not in siblings:
                return []
            at = siblings.index(path[depth]) + delta
            if 0 <= at < len(siblings):
                down = self._descend(session, siblings[at], last=delta < 0)
                return [*path[:depth], *down] if down else []
        return []

    def first_page_path(self, session, key: str, last: bool = False) -> list[str]:
        """The path of the first (last) page under a node."""
        path = self.path_to(session, key)
        down = self._descend(session, key, last) if path else []
        return [*path[:-1], *down] if down else []

    def _descend(self, session, key: str, last: bool) -> list[str]:
        keys = [key]
        while key_kind(key) != "page":
            nodes = self.children(session, key)
            if not nodes:
                return []
            key = nodes[-1 if last else 0].key
            keys.append(key)
        return keys

    def page(self, session, page_id: int) -> ArchiveNode | None:
        try:
            return page_node(browsing.page(session, page_id))
        except LibraryError:
            return None

    def page_content(self, session, page_id: int) -> PageContent | None:
        """A page with its articles, or None if there is no such page."""
        page = self.page(session, page_id)
        if page is None:
            return None
        return PageContent(page, page_origin(page),
                           tuple(session.library.articles.on_page(page_id)))

    def issue_days(self, session) -> list[str]:
        """The days (YYYY-MM-DD) that have issues, ascending: what the calendar marks."""
        return [d.date for d in browsing.issue_dates(session) if len(d.date) == 10]

    def issues_on(self, session, day: str) -> list[str]:
        """The keys of the issues of this day, papers in the tree's order."""
        keys = []
        for paper in browsing.papers(session):
            keys += [node_key("issue", i.id) for i in browsing.issues_of(session, paper.id, day[:4])
                     if i.date == day]
        return keys

    def pages_under(self, session, keys: Iterable[str]) -> list[PageRecord]:
        """Every page under these nodes, each once, in archive order."""
        pages: dict[int, PageRecord] = {}
        for key in keys:
            kind, *parts = key.split(SEP)
            if kind == "page":
                found = [browsing.page(session, int(parts[0]))]
            elif kind == "issue":
                found = browsing.pages_of(session, int(parts[0]))
            else:
                issues = browsing.issues_of(session, int(parts[0]),
                                            parts[1] if kind == "year" else None)
                grouped = session.library.pages.in_issues([i.id for i in issues])
                found = [p for i in issues for p in grouped.get(i.id, [])]
            for page in found:
                pages.setdefault(page.id, page)
        return list(pages.values())


@dataclass(frozen=True)
class PageValues:
    """What one page shows now, as the edit dialog's fields (text), and which the user set."""

    page_id: int
    paper: str = ""
    date: str = ""
    edition: str = ""
    number: str = ""
    name: str = ""
    user_fields: frozenset[str] = frozenset()


def page_values(page: PageRecord) -> PageValues:
    return PageValues(page.id, page.paper if page.paper_known else "", page.date or "",
                      page.edition or "", str(page.number) if page.number else "",
                      page.name or "", frozenset(page.user_fields))


def pages_to_edit(session, source: ArchiveSource, keys: Iterable[str]
                  ) -> tuple[list[PageValues], list[str]]:
    """The pages under these nodes as the edit dialog shows them, and the papers' names."""
    pages = [page_values(p) for p in source.pages_under(session, keys)]
    return pages, [p.name for p in browsing.papers(session) if not p.placeholder]


def edit_pages(session, page_ids: Iterable[int], fields: dict[str, object]):
    """Set these fields (name -> value; None removes the user's value) on the pages: one
    undoable edit (`session.metadata`); its Changes."""
    return session.metadata.edit_pages(list(page_ids), PageEdit(**fields))


def page_articles(session, page_id: int) -> list[TreeArticle]:
    """A page's articles in page order, as tree rows."""
    colors = session.library.tags.colors()
    return [tree_article(a, colors) for a in session.library.articles.on_page(page_id)]


def article_rows(session, article_ids: Iterable[int]) -> list[TreeArticle]:
    """Tree rows of these articles (unknown ids left out)."""
    colors = session.library.tags.colors()
    return [tree_article(a, colors) for a in session.library.articles.by_ids(article_ids)]


def article_origins(session, article_ids: Iterable[int]) -> dict[int, str]:
    """Where each of these articles is from (unknown ids left out): one query."""
    return {a.id: article_origin(a) for a in session.library.articles.by_ids(article_ids)}


__all__ = ["KINDS", "NO_YEAR", "SEP", "UNNAMED_PAPER", "ArchiveNode", "ArchiveSource",
           "PageContent", "PageValues", "TreeArticle", "edit_pages", "pages_to_edit", "article_origin", "article_rows",
           "issue_date_label", "key_kind", "node_key", "page_articles", "page_id_of",
           "page_key", "page_node", "page_origin"]
