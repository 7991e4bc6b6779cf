"""The archive tree's nodes, level by level: 报纸 → 年 → 日期 → 版 → 文章.

What the window's tree (reader/ui/tree_model.py) reads, one level at a
time, on the window's worker: `ArchiveSource.children(session, key)` gives
the nodes under a node (`None`: the papers), each an `ArchiveNode` with its
counts, or for a page its articles (`TreeArticle`, a row with its authors).

Node keys are text and stable across reloads and restarts (the tree
remembers its expanded nodes by them): ``paper␟人民日报``,
``year␟人民日报␟2025``, ``issue␟人民日报␟2025-01-07``, ``page␟12``.  A
container's key names its ancestors (`ancestor_keys`); a page's path is
asked of the source (`path_to_page`).

The grouping is built from the library's page list (one row per page file)
and kept while the library's `generation` stands, so expanding a node costs
a dictionary lookup and one read of a page's articles.  A page whose paper
is unknown (the seeds) is filed under its page name (先锋) until the user
names the paper; one without either under `UNNAMED_PAPER`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as calendar_date

from reader.app.browsing import ArticleRow, article_row
from reader.app.display import display_date
from reader.library.errors import LibraryError
from reader.models import ArticleRecord, IssueRecord

#: Separates the parts of a node key (a character no paper name holds).
SEP = "\u241f"
#: The paper of pages that name none (no paper, no page name).
UNNAMED_PAPER = "未署报名"
#: The year of pages without a date.
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
    child_count: int  # nodes one level down (articles for a page)
    article_count: int
    #: issues under a paper or year (an issue or page: 1)
    issue_count: int = 1
    paper: str | None = None
    date: str | None = None
    date_precision: str = "unknown"
    date_source: str | None = None
    page_number: int | None = None
    page_name: str | None = None
    #: the pages under it (a page: itself), in archive order
    page_ids: tuple[int, ...] = ()
    #: fields of a page the user set (paper, date, page_number, page_name)
    user_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class TreeArticle(ArticleRow):
    """An article row of the tree: its page's row plus who wrote it."""

    authors: str = ""


def tree_article(article) -> TreeArticle:
    row = article_row(article)
    authors = "、".join(a.name for a in article.authors if a.role != "摄影")
    return TreeArticle(**vars(row), authors=authors)


def node_key(kind: str, *parts: object) -> str:
    return SEP.join([kind, *(str(p) for p in parts)])


def key_kind(key: str) -> str:
    return key.split(SEP, 1)[0]


def ancestor_keys(key: str) -> list[str]:
    """The keys above a container's key, top down (a page's are asked of the source)."""
    kind, *parts = key.split(SEP)
    if kind == "year":
        return [node_key("paper", parts[0])]
    if kind == "issue":
        year = parts[1][:4] if parts[1] else NO_YEAR
        return [node_key("paper", parts[0]), node_key("year", parts[0], year)]
    return []


def page_key(page_id: int) -> str:
    return node_key("page", page_id)


def page_id_of(key: str) -> int | None:
    kind, *parts = key.split(SEP)
    return int(parts[0]) if kind == "page" and parts and parts[0].isdigit() else None


def issue_date_label(value: str | None, precision: str, source: str | None) -> str:
    """2025年1月7日 星期二 for a given date, 约2021年1月 only for one inferred from the text."""
    if not value:
        return NO_YEAR
    text = display_date(value, precision, overridden=source not in (None, "inferred"))
    if precision == "day" and not text.startswith("约"):
        try:
            weekday = calendar_date.fromisoformat(value).weekday()
        except ValueError:
            return text
        text += f" 星期{_WEEKDAYS[weekday]}"
    return text


def page_label(page: IssueRecord) -> str:
    """第19版 党建, else the page's name, else its title (先锋, 破解机关党建“灯下黑”等)."""
    if page.page_number:
        return " ".join(x for x in (f"第{page.page_number}版", page.page_name) if x)
    title = page.title
    if page.date and title.endswith(f" · {page.date}"):  # the library's title carries the date
        title = title[: -len(f" · {page.date}")]
    return page.page_name or title


def paper_of(page: IssueRecord) -> str:
    return page.paper or page.page_name or UNNAMED_PAPER


_PAPER_PAGE = re.compile(r"^(?:(?P<paper>.+?) )?(?P<page>第\d+版)(?: (?P<name>.+))?$")


def origin_line(paper: str | None, date: str | None, precision: str, source: str | None,
                page_number: int | None, page_name: str | None,
                column: str | None = None) -> str:
    """人民日报 · 2025-01-07 · 第19版 党建 · 栏目: where a page or an article is from.

    A date inferred from the text reads 约2021-01; parts not known are left out.
    """
    when = None
    if date:
        when = date if source not in (None, "inferred") or precision == "day" else f"约{date}"
    page = " ".join(x for x in (f"第{page_number}版" if page_number else None, page_name) if x)
    return " · ".join(x for x in (paper, when, page or None, column) if x)


def page_origin(page: ArchiveNode) -> str:
    """Where a page is from; a page of no known paper goes by its page name (先锋 · 约2024-01)."""
    paper, name = page.paper, page.page_name
    if not paper and not page.page_number:
        paper, name = name or page.label, None
    return origin_line(paper, page.date, page.date_precision, page.date_source,
                       page.page_number, name)


def article_origin(article, column: bool = True) -> str:
    """Where an article is from, read off its record (the page's title and date);
    `column=False` leaves the column out (the pane shows it on its own line)."""
    title = article.issue_title
    if article.date and title.endswith(f" · {article.date}"):
        title = title[: -len(f" · {article.date}")]
    match = _PAPER_PAGE.match(title)
    paper, number, name = (match["paper"], int(match["page"][1:-1]), match["name"]) \
        if match else (title, None, None)
    return origin_line(paper, article.date, article.date_precision, None, number, name,
                       article.column if column else None)


@dataclass(frozen=True)
class PageContent:
    """A whole page to read: the page, where it is from, its articles in page order."""

    page: ArchiveNode
    origin: str
    articles: tuple[ArticleRecord, ...]


@dataclass
class _Group:
    node_kind: str
    key: str
    label: str
    pages: list[IssueRecord] = field(default_factory=list)
    children: dict[str, _Group] = field(default_factory=dict)


def _page_order(page: IssueRecord) -> tuple:
    return (page.page_number is None, page.page_number or 0, page_label(page), page.id)


class Archive:
    """The page list grouped into papers, years and issues (built once per generation)."""

    def __init__(self, pages: Iterable[IssueRecord]):
        self.papers: dict[str, _Group] = {}
        self._groups: dict[str, _Group] = {}
        self.pages: dict[int, IssueRecord] = {}
        self._page_path: dict[int, list[str]] = {}
        for page in pages:
            self.pages[page.id] = page
            paper = paper_of(page)
            year = page.date[:4] if page.date else NO_YEAR
            chain = [
                ("paper", node_key("paper", paper), paper),
                ("year", node_key("year", paper, year), year if year == NO_YEAR else f"{year}年"),
                ("issue", node_key("issue", paper, page.date or ""),
                 issue_date_label(page.date, page.date_precision, _source(page))),
            ]
            level = self.papers
            path = []
            for kind, key, label in chain:
                group = level.get(key)
                if group is None:
                    group = level[key] = self._groups[key] = _Group(kind, key, label)
                group.pages.append(page)
                path.append(key)
                level = group.children
            self._page_path[page.id] = path
        self.papers = _sorted_level(self.papers, by_label=True)
        for group in self._groups.values():
            group.children = _sorted_level(group.children, by_label=False)
            group.pages.sort(key=lambda p: (p.date is None, p.date or "", _page_order(p)))
        self.page_order: list[int] = [p.id for g in self._walk_issues() for p in g.pages]
        self._position = {page_id: n for n, page_id in enumerate(self.page_order)}

    def _walk_issues(self) -> Iterable[_Group]:
        for paper in self.papers.values():
            for year in paper.children.values():
                yield from year.children.values()

    # -- reading ----------------------------------------------------------------------

    def children(self, key: str | None) -> list[ArchiveNode]:
        """The nodes under `key` (None: the papers); [] for an unknown key."""
        if key is None:
            return [self._node(g) for g in self.papers.values()]
        group = self._groups.get(key)
        if group is None:
            return []
        if group.node_kind == "issue":
            return [self.page_node(p) for p in sorted(group.pages, key=_page_order)]
        return [self._node(g) for g in group.children.values()]

    def _node(self, group: _Group) -> ArchiveNode:
        first = group.pages[0]
        articles = sum(p.article_count for p in group.pages)
        children = len(group.pages) if group.node_kind == "issue" else len(group.children)
        dated = group.node_kind == "issue"
        issues = len({p.date for p in group.pages})
        return ArchiveNode(group.node_kind, group.key, group.label, children, articles,
                           issue_count=issues, paper=paper_of(first),
                           date=first.date if dated else (group.key.split(SEP)[2]
                                                          if group.node_kind == "year" else None),
                           date_precision=first.date_precision if dated else "year",
                           date_source=_source(first) if dated else None,
                           page_ids=tuple(p.id for p in group.pages))

    def page_node(self, page: IssueRecord) -> ArchiveNode:
        return page_node(page)

    def path_to_page(self, page_id: int) -> list[str]:
        """Keys from the paper down to the page (itself last); [] if there is no such page."""
        path = self._page_path.get(page_id)
        return [*path, page_key(page_id)] if path is not None else []

    def neighbour_page(self, page_id: int, delta: int) -> int | None:
        """The page `delta` pages after (before) this one in archive order, or None."""
        n = self._position.get(page_id)
        if n is None or not 0 <= n + delta < len(self.page_order):
            return None
        return self.page_order[n + delta]

    def first_page(self, key: str, last: bool = False) -> int | None:
        """The first (last) page under a node, in archive order."""
        group = self._groups.get(key)
        if group is None:
            page_id = page_id_of(key)
            return page_id if page_id in self.pages else None
        # a group's pages are kept in archive order (by date, then page)
        return group.pages[-1 if last else 0].id

    def issue_dates(self) -> dict[str, list[str]]:
        """Each exact date (YYYY-MM-DD) that has issues: their keys, papers in order."""
        dates: dict[str, list[str]] = {}
        for issue in self._walk_issues():
            page = issue.pages[0]
            if page.date and page.date_precision == "day":
                dates.setdefault(page.date, []).append(issue.key)
        return dates


def page_node(page: IssueRecord) -> ArchiveNode:
    """A page's node: its label, counts, paper, date and the fields the user set."""
    user = ("date",) if page.date_overridden else ()
    return ArchiveNode("page", page_key(page.id), page_label(page), page.article_count,
                       page.article_count, paper=page.paper, date=page.date,
                       date_precision=page.date_precision, date_source=_source(page),
                       page_number=page.page_number, page_name=page.page_name,
                       page_ids=(page.id,), user_fields=user)


def page_origins(session, page_ids: Iterable[int]) -> dict[int, str]:
    """Where each of these pages is from (pages not found are left out)."""
    origins = {}
    for page_id in set(page_ids):
        try:
            origins[page_id] = page_origin(page_node(session.library.issues.get(page_id)))
        except LibraryError:
            continue  # removed since the search ran
    return origins


def _source(page: IssueRecord) -> str | None:
    return "user" if page.date_overridden else page.date_source


def _sorted_level(level: dict[str, _Group], by_label: bool) -> dict[str, _Group]:
    """Papers by name; years and dates in time order, the undated last."""
    def order(group: _Group) -> tuple:
        if by_label:
            return (group.label == UNNAMED_PAPER, group.label)
        value = group.key.split(SEP)[2]
        return (value in ("", NO_YEAR), value)
    return {g.key: g for g in sorted(level.values(), key=order)}


class ArchiveSource:
    """Reads the archive for the tree, on the worker; keeps the grouping per generation.

    Used from the worker thread only (every call comes inside a query).
    """

    def __init__(self) -> None:
        self._cached: tuple[int, Archive] | None = None

    def archive(self, session) -> Archive:
        generation = session.library.generation()
        if self._cached is None or self._cached[0] != generation:
            self._cached = (generation, Archive(session.library.issues.all()))
        return self._cached[1]

    def children(self, session, key: str | None) -> list:
        """The nodes under `key`; under a page, its articles in page order."""
        page_id = page_id_of(key) if key is not None else None
        if page_id is not None:
            return page_articles(session, page_id)
        return self.archive(session).children(key)

    def page(self, session, page_id: int) -> ArchiveNode | None:
        page = self.archive(session).pages.get(page_id)
        return self.archive(session).page_node(page) if page is not None else None

    def page_content(self, session, page_id: int) -> PageContent | None:
        """A page with its articles, or None if there is no such page."""
        page = self.page(session, page_id)
        if page is None:
            return None
        return PageContent(page, page_origin(page),
                           tuple(session.library.articles.in_issue(page_id)))

    def path_to_page(self, session, page_id: int) -> list[str]:
        return self.archive(session).path_to_page(page_id)

    def neighbour_path(self, session, page_id: int, delta: int) -> list[str]:
        """The path of the page `delta` pages away ([] at either end)."""
        archive = self.archive(session)
        other = archive.neighbour_page(page_id, delta)
        return archive.path_to_page(other) if other is not None else []

    def first_page_path(self, session, key: str, last: bool = False) -> list[str]:
        archive = self.archive(session)
        page_id = archive.first_page(key, last)
        return archive.path_to_page(page_id) if page_id is not None else []

    def issue_dates(self, session) -> dict[str, list[str]]:
        return self.archive(session).issue_dates()


def page_articles(session, page_id: int) -> list[TreeArticle]:
    """A page's articles in page order, as tree rows."""
    return [tree_article(a) for a in session.library.articles.in_issue(page_id)]


def article_rows(session, article_ids: Iterable[int]) -> list[TreeArticle]:
    """Tree rows of these articles (unknown ids left out)."""
    return [tree_article(a) for a in session.library.articles.by_ids(article_ids)]


__all__ = ["KINDS", "NO_YEAR", "SEP", "UNNAMED_PAPER", "Archive", "ArchiveNode", "ArchiveSource", "PageContent",
           "TreeArticle", "ancestor_keys", "article_origin", "origin_line", "page_origin", "article_rows", "issue_date_label", "key_kind",
           "node_key", "page_articles", "page_id_of", "page_key", "page_label", "page_node", "page_origins"]
