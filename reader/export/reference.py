"""`Reference`: what a reference manager is told about one exported article.

Built from an `ExportItem`'s article and its `origin` by the same rules as
the GB/T 7714 line (`citation`): the authors are the people credited for the
writing, the newspaper is the known paper (or a page name that reads as one),
the date is cut to its precision and flagged when it is the parser's
estimate, the page is the page number, the section the page's name (the
paper's 版面名, such as 先锋).  Nothing unknown is guessed: a field the
library does not know is None and the formats leave it out.  The fields
follow CSL's variables (`container-title`, `issued`, `page`, `section`), the
vocabulary RIS, BibTeX and CSL-JSON all map to.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.export.citation import cited_authors, cited_title, newspaper_name
from reader.export.items import ExportItem

#: The language every article is in (CSL and RIS use it to pick name order and quotes).
LANGUAGE = "zh-CN"


@dataclass(frozen=True)
class Reference:
    """One newspaper article as a reference (CSL type `article-newspaper`, RIS `NEWS`)."""

    #: stable across exports: the article's library key
    key: str
    article_id: int
    title: str
    authors: tuple[str, ...]
    paper: str | None
    #: (year,), (year, month) or (year, month, day), as precise as the library knows
    date_parts: tuple[int, ...]
    #: the date is the parser's estimate, not printed or given
    date_estimated: bool
    page: str | None
    section: str | None
    column: str | None
    tags: tuple[str, ...]
    note: str | None
    #: the first paragraph, as a reference manager's abstract
    abstract: str | None

    @property
    def date_text(self) -> str | None:
        """ISO form cut to its precision: 2024-01-05, 2024-01, 2024."""
        if not self.date_parts:
            return None
        year, *rest = self.date_parts
        return "-".join([f"{year:04d}", *(f"{part:02d}" for part in rest)])


def reference(item: ExportItem) -> Reference:
    """The reference of an exported article (see the module docstring)."""
    article = item.article
    origin = article.origin
    title = cited_title(article) or item.title
    parts = _date_parts(origin.date, origin.date_precision)
    page = str(origin.page_number) if origin.page_number else None
    paper = newspaper_name(origin)
    section = None
    if origin.page_name and origin.page_name.strip() != paper:
        section = origin.page_name.strip()
    paragraphs = [p.strip() for p in article.paragraphs if p.strip()]
    return Reference(
        key=article.key, article_id=article.id, title=title,
        authors=tuple(cited_authors(article)), paper=paper, date_parts=parts,
        date_estimated=bool(parts) and not origin.date_confirmed, page=page, section=section,
        column=(article.column or "").strip() or None, tags=tuple(article.tags),
        note=(article.note or "").strip() or None, abstract=paragraphs[0] if paragraphs else None)


def _date_parts(value: str | None, precision: str) -> tuple[int, ...]:
    if not value or precision == "unknown":
        return ()
    keep = {"day": 3, "month": 2, "year": 1}.get(precision, 3)
    try:
        return tuple(int(part) for part in value.split("-")[:keep])
    except ValueError:
        return ()


__all__ = ["LANGUAGE", "Reference", "reference"]
