"""What the window's navigator and panes read: queries that return small dataclasses.

The window never touches the library itself: each of these runs on the
window's worker (as a *query*, see `reader/ui/operations.py`) and hands back
plain values the UI renders on its own thread.  The CLI may use them too;
nothing here knows about Qt.

`ArticleRow` is what a list or tree row shows of an article (no body
text), so listing a big issue or a popular tag stays cheap to hand over.

The issue tree is paper → year → date → page → article, read one level at a
time as the reader unfolds it (each a single query with its counts, through
indexes; see tests/benchmarks/test_tree_queries.py): `papers`, `years`,
`issues_of`, `pages_of`, `page_rows`; `issue_dates` are the dates a calendar
marks.  `ArticleOrigin` (on every `ArticleRow` and `ArticleRecord`) says where an
article is from; `reader.app.display.display_origin` words it.
`Picked` is what the reader has picked in a navigator view (articles,
whole issues or a query's results); `picked_ids` resolves it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.app.display import untitled
from reader.library.publications import YearCount
from reader.models import (
    ArticleOrigin,
    ArticleRecord,
    IssueRecord,
    PageRecord,
    PublicationRecord,
    TagSummary,
)

#: First characters of a note shown in the 批注 view.
NOTE_CHARS = 40


@dataclass(frozen=True)
class ArticleRow:
    """One article as a list or tree row shows it."""

    id: int
    issue_id: int
    position: int
    kind: str
    title: str  # its title, or (无标题) and its first words
    column: str | None
    tags: tuple[str, ...]
    date: str | None
    date_precision: str
    issue_title: str
    page_id: int | None = None
    #: paper · date · page · column (`display.display_origin` words it)
    origin: ArticleOrigin | None = None
    #: a correction of the reader's (issue 15) touched it (the rows show a ✎)
    corrected: bool = False


def article_row(article: ArticleRecord) -> ArticleRow:
    return ArticleRow(article.id, article.issue_id, article.position, article.kind,
                      article.title or untitled(article.paragraphs), article.column,
                      tuple(article.tags), article.date, article.date_precision,
                      article.issue_title, article.page_id, article.origin, article.corrected)


@dataclass(frozen=True)
class DateCount:
    """A date that has issues ("2025-01-07", or "2025-01" for a month-only one), and how many."""

    date: str
    issue_count: int


@dataclass(frozen=True)
class AuthorCount:
    """A writer, photographer or source, and how many articles name them."""

    name: str
    count: int


@dataclass(frozen=True)
class AnnotatedRow:
    """An annotated article for the 批注 view: its row and what the reader left on it."""

    row: ArticleRow
    has_note: bool
    highlight_count: int
    tag_count: int
    note_start: str  # the note's first line, cut to NOTE_CHARS (… when cut)


@dataclass(frozen=True)
class LibraryCounts:
    """What the library holds, for the about box."""

    issues: int
    articles: int
    tags: int
    notes: int
    highlights: int


@dataclass(frozen=True)
class Picked:
    """What a navigator view has picked: articles, whole issues, or a query's results.

    `count` is how many articles that is, as far as the view knows without
    asking the library (an issue row counts its articles).
    """

    article_ids: tuple[int, ...] = ()
    issue_ids: tuple[int, ...] = ()
    query: str | None = None
    count: int = 0
    #: pages (版), and whole papers or years of a paper: (publication id, year or None)
    page_ids: tuple[int, ...] = ()
    papers: tuple[tuple[int, str | None], ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.article_ids or self.issue_ids or self.query or self.page_ids
                    or self.papers)


# -- queries --------------------------------------------------------------------------------


def issue_list(session) -> list[IssueRecord]:
    """Every issue, by date (undated last), then paper."""
    return session.library.issues.all()


def papers(session) -> list[PublicationRecord]:
    """The tree's top level: every paper with its issue and article counts (named papers
    first, then those a page's name stands in for)."""
    return session.library.publications.all()


def years(session, publication_id: int) -> list[YearCount]:
    """The years of one paper with counts, ascending; its undated issues last (year "")."""
    return session.library.publications.years(publication_id)


def issues_of(session, publication_id: int, year: str | None = None) -> list[IssueRecord]:
    """The issues (dates) of one paper, of one year if given ("" for the undated), by date;
    each with its page and article counts and its date's precision and source."""
    return session.library.issues.of_paper(publication_id, year)


def pages_of(session, issue_id: int) -> list[PageRecord]:
    """The pages of one issue in printed order, each with its number, name and article count."""
    return session.library.pages.in_issue(issue_id)


def page_rows(session, page_id: int) -> list[ArticleRow]:
    """The rows of one page's articles, in printed order."""
    return [article_row(a) for a in session.library.articles.on_page(page_id)]


def issue_dates(session, publication_id: int | None = None) -> list[DateCount]:
    """The dates that have issues (of one paper, or of all), ascending: what a calendar marks."""
    return [DateCount(d, n) for d, n in session.library.issues.dates(publication_id)]


def page(session, page_id: int) -> PageRecord:
    return session.library.pages.get(page_id)


def article_origin(session, article_id: int) -> ArticleOrigin:
    """Where one article is from (paper, date, page, column)."""
    return session.library.articles.get(article_id).origin


def issue_rows(session, issue_id: int) -> list[ArticleRow]:
    """The rows of one issue's articles, in page order."""
    return [article_row(a) for a in session.library.articles.in_issue(issue_id)]


def rows_of(session, article_ids: Iterable[int]) -> list[ArticleRow]:
    """The rows of these articles (unknown ids are left out), in the order given."""
    return [article_row(a) for a in session.library.articles.by_ids(article_ids)]


def article(session, article_id: int) -> ArticleRecord:
    return session.library.articles.get(article_id)


def issue(session, issue_id: int) -> IssueRecord:
    return session.library.issues.get(issue_id)


def tag_list(session) -> list[TagSummary]:
    return session.library.tags.summaries()


def tagged_rows(session, name: str) -> list[ArticleRow]:
    return rows_of(session, sorted(session.library.filters.ids_with_tag(name)))


def author_list(session) -> list[AuthorCount]:
    return [AuthorCount(name, count) for name, count in session.library.authors.summaries()]


def authored_rows(session, name: str) -> list[ArticleRow]:
    return rows_of(session, sorted(session.library.authors.article_ids(name)))


def annotated_rows(session) -> list[AnnotatedRow]:
    """Every annotated article, the most recently annotated first."""
    summaries = session.library.annotations.annotated_articles()
    records = {a.id: a for a in session.library.articles.by_ids(
        [s.article_id for s in summaries])}
    rows = []
    for summary in summaries:
        record = records.get(summary.article_id)
        if record is None:
            continue
        first = record.note.strip().splitlines()[0] if record.note and record.note.strip() else ""
        start = first[:NOTE_CHARS] + ("…" if len(first) > NOTE_CHARS else "")
        rows.append(AnnotatedRow(article_row(record), summary.has_note,
                                 summary.highlight_count, summary.tag_count, start))
    return rows


def library_counts(session) -> LibraryCounts:
    stats = session.library.stats()
    return LibraryCounts(stats["issues"], stats["articles"], stats["tags"], stats["notes"],
                         stats["highlights"])


def picked_ids(session, picked: Picked, limit: int | None = None) -> list[int]:
    """The articles a pick stands for, each once, in the order shown.

    A query stands for all of its results (or the first `limit`).
    """
    ids: list[int] = list(picked.article_ids)
    for page_id in picked.page_ids:
        ids.extend(a.id for a in session.library.articles.on_page(page_id))
    for issue_id in picked.issue_ids:
        ids.extend(a.id for a in session.library.articles.in_issue(issue_id))
    for publication_id, year in picked.papers:
        for issue in session.library.issues.of_paper(publication_id, year):
            ids.extend(a.id for a in session.library.articles.in_issue(issue.id))
    if picked.query:
        everything = limit or max(1, len(session.library.articles.ids()))
        ids.extend(hit.id for hit in session.search(picked.query, limit=everything).hits)
    return list(dict.fromkeys(ids))
