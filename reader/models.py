"""Frozen dataclasses shared by every layer of Reader.

These are the values that cross layer boundaries: the parser produces a
`ParsedPage`, the library stores it, the search index and the exporter read
it back.  Nothing here does I/O or imports anything outside the standard
library (and `reader.catalogue`, itself plain), so every layer may depend on it.
Statuses and kinds are `StrEnum`s: their values are the strings stored in
the library and written to JSON, so those are unchanged.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum

from reader.catalogue import Message


class ArticleKind(StrEnum):
    """Kinds of item a page can hold, in the words ../shared/DESIGN.md uses."""

    ARTICLE = "article"
    COMMENTARY = "commentary"
    PHOTO = "photo"
    BRIEFS = "briefs"
    QUOTES = "quotes"
    LETTER = "letter"


class DatePrecision(StrEnum):
    """Precision of an inferred issue date, from most to least exact."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class SourceStatus(StrEnum):
    """What became of a page file the library was given (`sources.status`)."""

    IMPORTED = "imported"
    FAILED = "failed"


class ImportStatus(StrEnum):
    """What importing one file did (`ImportResult.status`)."""

    IMPORTED = "imported"
    UPDATED = "updated"
    ALREADY_IMPORTED = "already imported"
    FAILED = "failed"


class MatchKind(StrEnum):
    """How a search hit matched, best first: as words (ranked by BM25F), as an exact substring
    of the title or body (ranked by how often), only through the user's note, or by filters."""

    WORD = "word"
    SUBSTRING = "substring"
    NOTE = "note"
    FILTER = "filter"


#: Every item kind, in order (the values of `ArticleKind`).
ITEM_KINDS = tuple(ArticleKind)

#: Every date precision, from most to least exact.
DATE_PRECISIONS = tuple(DatePrecision)


@dataclass(frozen=True)
class Author:
    """One credited person: the printed role word (本报记者, 通讯员, 摄影 …) and a name."""

    role: str
    name: str


@dataclass(frozen=True)
class Entry:
    """One entry of a briefs or quotes box: its text and its printed attribution."""

    text: str
    source: str | None = None


@dataclass(frozen=True)
class Item:
    """One item of a printed page: an article, a commentary, a photo, a box, a letter.

    `defects` names what the print extraction damaged, each a short English
    phrase from `reader.ingest.defects` optionally followed by ": detail".
    """

    kind: str = ArticleKind.ARTICLE
    column: str | None = None
    series: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[Author, ...] = ()
    subheads: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    entries: tuple[Entry, ...] = ()
    defects: tuple[str, ...] = ()
    #: The kicker (引题) printed above the title; `subtitle` is the line below it (副题).
    kicker: str | None = None
    #: A wire or staff dateline opening the body (本报北京7月14日电); the text stays in the body.
    dateline: str | None = None
    #: 1-based numbers of the input lines this item consumed (for conservation
    #: checks and for jumping back to the source); not part of the JSON contract.
    lines: tuple[int, ...] = field(default=(), compare=False)

    @property
    def body_text(self) -> str:
        """Paragraphs and entries as one string, for search and snippets."""
        parts = list(self.paragraphs)
        parts.extend(e.text for e in self.entries)
        return "\n".join(parts)


@dataclass(frozen=True)
class IssueDate:
    """An issue date inferred from a page's text.

    `value` is an ISO prefix that matches `precision`: "2025-01-06" (day),
    "2025-01" (month), "2025" (year) or None (unknown).  `evidence` lists the
    phrases the inference rests on, so a reader can judge it.
    """

    value: str | None = None
    precision: str = DatePrecision.UNKNOWN
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Credit:
    """A page-level credit line such as 本版编辑：李四 (belongs to no single item)."""

    role: str
    name: str


#: Where a page's paper, date, page number or page name came from, strongest first
#: (reader.ingest.pagemeta): the user, the page's header line, the file's name and
#: folders, a `page.json` beside it; then the page's own text (a masthead such as 先锋,
#: a date inferred from what the text says).
META_SOURCES = ("user", "header", "filename", "sidecar", "text", "inferred")


@dataclass(frozen=True)
class PageMeta:
    """Paper, issue date, page number and page name of one page, as one source gives them.

    `date` is an ISO prefix (2025-01-07, 2025-01 or 2025); `page_number` is the
    printed 版次's number (第19版, A19 -> 19; a section letter stays in the page's
    header text).  Any field may be None.
    """

    paper: str | None = None
    date: str | None = None
    page_number: int | None = None
    page_name: str | None = None

    def __bool__(self) -> bool:
        return any((self.paper, self.date, self.page_number, self.page_name))


@dataclass(frozen=True)
class ParsedPage:
    """What the parser made of one page file.

    `paper`, `page_number`, `page_name` and `date` are settled field by field from
    the user, the header line, the file name, a sidecar and the text (see
    `reader.ingest.pagemeta`); `meta_sources` says which gave each field, and
    `date_source` is the date's.  `header` keeps the header line(s) the parser took
    off the page (人民日报 2025年3月5日 星期三 第10版 理论), so no text is lost.
    """

    source: str | None
    page_name: str | None
    date: IssueDate
    items: tuple[Item, ...]
    unassigned: tuple[str, ...] = ()
    credits: tuple[Credit, ...] = ()
    paper: str | None = None
    page_number: int | None = None
    date_source: str | None = None
    header: str | None = None
    meta_sources: tuple[tuple[str, str], ...] = ()
    #: Input lines consumed by the page name and credits, and the lines of
    #: `unassigned`, for conservation checks; not part of the JSON contract.
    page_lines: tuple[int, ...] = field(default=(), compare=False)
    unassigned_lines: tuple[int, ...] = field(default=(), compare=False)

    def to_json_dict(self) -> dict:
        """The `reader parse --json` contract of ../shared/DESIGN.md (plus page credits)."""
        items = []
        for item in self.items:
            d = asdict(item)
            d.pop("lines", None)
            items.append(d)
        return {
            "source": self.source,
            "paper": self.paper,
            "page_number": self.page_number,
            "page_name": self.page_name,
            "date": self.date.value,
            "date_precision": self.date.precision,
            "date_source": self.date_source,
            "meta_sources": dict(self.meta_sources),
            "header": self.header,
            "date_evidence": list(self.date.evidence),
            "items": items,
            "unassigned": list(self.unassigned),
            "credits": [asdict(c) for c in self.credits],
        }


# -- The library's records (reader.library returns these) ---------------------------------


@dataclass(frozen=True)
class PublicationRecord:
    """One paper (报纸) as the library knows it, with how much of it the library holds.

    `placeholder`: the paper is unknown and the publication is named by a page's name
    (先锋) until the user names it.  `user_set`: the name is the user's (given on import
    or edited).
    """

    id: int
    name: str
    user_set: bool
    placeholder: bool
    issue_count: int
    article_count: int


def date_given(date_source: str | None) -> bool:
    """A date was given (by the user, a header, a file name, a sidecar), not inferred from
    the text: the one rule for `date_confirmed` everywhere."""
    return date_source not in (None, "inferred")


@dataclass(frozen=True)
class IssueRecord:
    """One issue: one date of one paper (edition if any), holding one or more pages.

    `date`/`date_precision` are the effective values (the user's when set:
    `date_overridden`); `date_source` says where they came from.  `title` is the
    one page's title for a one-page issue, else the paper (and edition).
    """

    id: int
    publication_id: int
    paper: str
    title: str
    date: str | None
    date_precision: str
    date_source: str | None
    edition: str | None
    page_count: int
    article_count: int
    #: the paper is unknown: `paper` is a page's name standing in for it
    paper_known: bool = True

    @property
    def date_overridden(self) -> bool:
        return self.date_source == "user"

    @property
    def date_confirmed(self) -> bool:
        """The date was given (by the user, a header, a file name), not inferred from the text."""
        return date_given(self.date_source)


#: The page fields the user can set (`PageRecord.user_fields` names those set).
PAGE_FIELDS = ("paper", "date", "edition", "number", "name", "title")


@dataclass(frozen=True)
class PageRecord:
    """One page (版): one imported page file, in its issue.

    Every field is effective: the user's value when set (`user_fields` names which),
    else the parser's.  `title` is the page's display title (its own words: 人民日报
    第19版 党建, 先锋, or its first headline), with the date.
    """

    id: int
    issue_id: int
    source_path: str
    number: int | None
    name: str | None
    title: str
    paper: str
    date: str | None
    date_precision: str
    date_source: str | None
    edition: str | None
    article_count: int
    user_fields: frozenset[str] = frozenset()
    paper_known: bool = True

    @property
    def date_overridden(self) -> bool:
        return self.date_source == "user"

    @property
    def date_confirmed(self) -> bool:
        return date_given(self.date_source)

    # The names page-file code used before pages had their own record.
    @property
    def page_number(self) -> int | None:
        return self.number

    @property
    def page_name(self) -> str | None:
        return self.name


@dataclass(frozen=True)
class ArticleOrigin:
    """Where an article is from: paper · date · 第19版 党建 · column.

    `paper` is None when the paper is unknown (a page's name stands in for it in
    the library, not here).  `date_confirmed` is False for a date inferred from the text.
    """

    paper: str | None
    date: str | None
    date_precision: str
    date_confirmed: bool
    page_number: int | None
    page_name: str | None
    column: str | None = None
    edition: str | None = None


@dataclass(frozen=True)
class Highlight:
    """A marked passage, anchored W3C TextQuoteSelector-style to the article text.

    `start`/`end` are offsets into `ArticleRecord.text`; `quote`, `prefix` and
    `suffix` re-anchor it when a re-parse moves the text.  `orphaned` is set
    when re-anchoring failed: the highlight is kept, never dropped.
    """

    id: int
    article_key: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    color: str = "yellow"
    note: str | None = None
    orphaned: bool = False
    #: When the highlight was made (UTC ISO), kept through undo, export and import.
    created_at: str | None = None


@dataclass(frozen=True)
class TagSummary:
    """One tag as the tag list shows it: its name, how many articles carry it, its colour."""

    name: str
    count: int
    color: str | None = None


@dataclass(frozen=True)
class AnnotatedSummary:
    """One article the user has annotated (a note, a highlight or a tag).

    `last_annotated_at` is the newest of the note's `updated_at`, the highlights'
    `created_at` and the tags' `created_at` (UTC ISO), or None when every mark
    predates timestamps (tags made before schema 2).
    """

    article_id: int
    last_annotated_at: str | None
    has_note: bool
    highlight_count: int
    tag_count: int


@dataclass(frozen=True)
class AnnotationImportReport:
    """What `library.annotations.merge` merged, for the user to read.

    Notes: `notes_added` filled an empty note, `notes_merged` were appended to a
    different local note, `notes_unchanged` were already there.  `skipped_keys`
    are the article keys of the file this library does not hold (nothing of
    theirs was imported; importing the same file again after importing their
    pages brings them in).
    """

    articles: int = 0
    tags_added: int = 0
    notes_added: int = 0
    notes_merged: int = 0
    notes_unchanged: int = 0
    highlights_added: int = 0
    highlights_unchanged: int = 0
    skipped_keys: tuple[str, ...] = ()
    searches_added: int = 0
    searches_unchanged: int = 0
    #: articles whose read mark, star or reading place came from the file
    reading_added: int = 0
    #: corrections (issue 15): added, already there, of pages this library does not hold
    corrections_added: int = 0
    corrections_unchanged: int = 0
    corrections_skipped: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.tags_added or self.notes_added or self.notes_merged
                    or self.highlights_added or self.searches_added or self.corrections_added
                    or self.reading_added)


@dataclass(frozen=True)
class ArticleRecord:
    """One stored article (any item kind) with its annotations."""

    id: int
    key: str
    issue_id: int
    position: int
    kind: str
    column: str | None
    series: str | None
    title: str | None
    subtitle: str | None
    authors: tuple[Author, ...]
    subheads: tuple[str, ...]
    paragraphs: tuple[str, ...]
    entries: tuple[Entry, ...]
    defects: tuple[str, ...]
    issue_title: str
    date: str | None
    date_precision: str
    tags: tuple[str, ...] = ()
    note: str | None = None
    highlights: tuple[Highlight, ...] = ()
    #: its page (版) and what the library knows of where it is from
    page_id: int | None = None
    paper: str | None = None  # None when the paper is unknown
    page_number: int | None = None
    page_name: str | None = None
    date_source: str | None = None
    edition: str | None = None
    #: a correction of the reader's (issue 15) touched this article
    corrected: bool = False

    @property
    def origin(self) -> ArticleOrigin:
        """Paper, date, page and column, for headers and citations."""
        return ArticleOrigin(self.paper, self.date, self.date_precision,
                             date_given(self.date_source), self.page_number,
                             self.page_name, self.column, self.edition)

    @property
    def text(self) -> str:
        """The text highlights are anchored in: paragraphs then entries, one per line."""
        return "\n".join([*self.paragraphs, *(e.text for e in self.entries)])


@dataclass(frozen=True)
class CorrectionRecord:
    """One of the reader's corrections (issue 15), as `library.corrections` lists it.

    `target` names what it applies to by content (paragraph text, the article's title
    and first line: `reader.library.correcting.Target`), `value` what it sets;
    `article_id` is the article it was made on if that is still in the library;
    `status` is "applied", or "stale" when the latest parse no longer lets it apply.
    """

    id: int
    page_id: int
    source: str
    action: str
    target: dict
    value: dict
    article_key: str | None
    article_id: int | None
    created_at: str
    status: str


@dataclass(frozen=True)
class ImportResult:
    """What importing one file did.

    `status` is an `ImportStatus`: imported, updated (re-parsed in place),
    already imported, or failed (then `message` is the one-sentence reason in English, and
    `error` its code for the window to put in its own words).
    """

    path: str
    status: ImportStatus
    issue_id: int | None = None
    articles: int = 0
    message: str | None = None
    error: Message | None = field(default=None, compare=False)
    #: the page the file became (its issue is `issue_id`)
    page_id: int | None = None


@dataclass(frozen=True)
class IndexDoc:
    """What the search index holds of one article (built by reader.app from the library)."""

    id: int
    title: str
    body: str
    note: str = ""
    column: str | None = None
    kind: str = ArticleKind.ARTICLE
    date: str | None = None
