"""How the CLI and the window name things: dates with their certainty, untitled articles,
where an article is from (paper · date · page · column).

Qt-free, so that `reader list` and the issue tree say the same words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reader.models import ArticleOrigin, ArticleRecord


def display_date(value: str | None, precision: str, overridden: bool = False) -> str:
    """约2025年1月 for an inferred month, 2025年1月6日 for a date the user set."""
    if not value:
        return "日期不详"
    parts = value.split("-")
    text = f"{parts[0]}年"
    if len(parts) > 1:
        text += f"{int(parts[1])}月"
    if len(parts) > 2:
        text += f"{int(parts[2])}日"
    return text if overridden else f"约{text}"


def untitled(paragraphs: Iterable[str], width: int = 16) -> str:
    """What the CLI and the exports call an article without a title: (无标题) and its
    first words.  (The window says 「无题」 and the `opening_words` in grey.)"""
    first = next((p for p in paragraphs if p.strip()), "")
    return f"(无标题) {first[:width]}…" if first else "(无标题)"


#: How many characters of an untitled article's text a row shows after 「无题」.
OPENING_CHARS = 40


def opening_words(paragraphs: Iterable[str], width: int = OPENING_CHARS) -> str:
    """The opening words of an untitled article, on one line, cut with … ("" if none).
    (Pass the text of its entries when it has no paragraphs: briefs, quotes.)"""
    words = " ".join(" ".join(p.split()) for p in paragraphs if p.strip())
    return words if len(words) <= width else words[:width] + "…"


def article_opening(article: ArticleRecord, width: int = OPENING_CHARS) -> str | None:
    """None for an article with a headline; an untitled one's opening words (its
    paragraphs', else its entries': a briefs or quotes box)."""
    if article.title:
        return None
    return opening_words(article.paragraphs or [e.text for e in article.entries], width)


def tag_colors(tags: Iterable[str], colors: Mapping[str, str] | None) -> tuple[str, ...]:
    """The colours of those of the tags that have one, in the tags' order (a row's dots)."""
    if not colors:
        return ()
    return tuple(colors[name] for name in tags if name in colors)


def shown_date(value: str | None, precision: str, confirmed: bool) -> str | None:
    """A date as an origin line shows it: 2025-01-07 when given (cut to its precision),
    约2021年1月 when only inferred from the text, None when unknown."""
    if not value or precision == "unknown":
        return None
    if not confirmed:
        return display_date(value, precision)
    keep = {"day": 3, "month": 2, "year": 1}.get(precision, 3)
    return "-".join(value.split("-")[:keep])


def page_label(number: int | None, name: str | None) -> str | None:
    """第19版 党建, 第19版, 党建, or None: a page as a reader names it."""
    return " ".join(x for x in (f"第{number}版" if number else None, name) if x) or None


def display_origin(origin: ArticleOrigin, column: bool = True) -> str:
    """人民日报 · 2025-01-07 · 第19版 党建 · 栏目: where an article is from, the parts known.

    An unknown paper is left out (the page's name, 先锋, still shows as the page); an
    inferred date reads 约2021年1月; `column=False` leaves the column out.
    """
    paper = " ".join(x for x in (origin.paper, origin.edition) if x) or None
    parts = [paper, shown_date(origin.date, origin.date_precision, origin.date_confirmed),
             page_label(origin.page_number, origin.page_name),
             origin.column if column else None]
    return " · ".join(p for p in parts if p) or "出处不详"
