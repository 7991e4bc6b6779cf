"""The GB/T 7714-2015 citation of a newspaper article, and text copied with it.

The form is `主要责任者. 题名[N]. 报纸名, 出版日期(版次).`, built only from
what the library knows; a part it does not know is dropped with its
punctuation, never guessed:

1. Authors: the names of the people credited for the writing (本报记者,
   记者, 通讯员, 实习生, 作者 …), in byline order, joined with ", "; more than
   three become the first three and "等" (GB/T 7714 §8.1.2).  Role words are
   not names and are left out; so are credits that are not authors (来源
   names a website, 编者 is not a person) and photographers of a text item
   (a photo item is cited by its photographer).
2. Title: the headline; an untitled box is cited by its printed column label
   (每周一学), which is the heading the reader sees on the page.
3. Newspaper: the paper the library knows (the user's or the parser's).  A
   page whose paper is unknown has only its page name; that counts as the
   paper only when it reads as one (ends in 报, or is in `NEWSPAPER_NAMES`); a
   page name such as 先锋 is a page of the paper, so it goes in the page slot.
4. Date: ISO form cut to its precision (2024-01-05, 2024-01, 2024).  A date
   the parser inferred and the user never confirmed is put in square
   brackets, GB/T 7714's mark for an estimated date ([2024-01]).
5. Page: the page number (版次) in parentheses after the date,
   人民日报, 2026-08-14(7); unknown, the page name, 2024-01(先锋).
"""

from __future__ import annotations

from reader.models import ArticleKind, ArticleOrigin, ArticleRecord

#: Byline roles whose names are cited as authors (the printed role words of ../shared/DESIGN.md,
#: plus common ones from other papers).
AUTHOR_ROLES = frozenset({
    "本报记者", "记者", "见习记者", "特约记者", "首席记者", "通讯员", "实习生",
    "作者", "撰稿", "文", "评论员", "特约评论员",
})

#: A photographer's credit: the author of a photo item, not of the text around it.
PHOTO_ROLE = "摄影"

#: Newspaper names that do not end in 报 (a name ending in 报 is recognised by itself).
NEWSPAPER_NAMES = frozenset({"参考消息"})

#: More authors than this are cited as the first ones and 等.
MAX_AUTHORS = 3


def cited_authors(article: ArticleRecord) -> list[str]:
    """The names cited as the article's authors, in byline order, without repeats."""
    roles = AUTHOR_ROLES | ({PHOTO_ROLE} if article.kind == ArticleKind.PHOTO else set())
    names = [a.name.strip() for a in article.authors if a.role in roles and a.name.strip()]
    return list(dict.fromkeys(names))


def newspaper_name(origin: ArticleOrigin) -> str | None:
    """The paper's name: the known paper, else the page name if it reads as a paper."""
    if origin.paper:
        return origin.paper
    name = (origin.page_name or "").strip().strip("《》").strip()
    if name and (name.endswith("报") or name in NEWSPAPER_NAMES):
        return name
    return None


def cited_date(origin: ArticleOrigin) -> str | None:
    """The date in GB/T 7714 form, bracketed when it is the parser's estimate."""
    if not origin.date or origin.date_precision == "unknown":
        return None
    keep = {"day": 3, "month": 2, "year": 1}.get(origin.date_precision, 3)
    text = "-".join(origin.date.split("-")[:keep])
    return text if origin.date_confirmed else f"[{text}]"


def cited_page(origin: ArticleOrigin) -> str | None:
    """The 版次 slot: the page number where known, else the page name unless it is the
    newspaper's own name."""
    if origin.page_number:
        return str(origin.page_number)
    page = (origin.page_name or "").strip()
    return None if not page or page == newspaper_name(origin) else page


def cited_title(article: ArticleRecord) -> str | None:
    return (article.title or "").strip() or (article.column or "").strip() or None


def citation(article: ArticleRecord) -> str:
    """`宋爽. “红色物业”打造温馨家园[N]. 人民日报, 2026-08-14(7).` from what is known."""
    origin = article.origin
    parts = []
    names = cited_authors(article)
    if names:
        shown = names[:MAX_AUTHORS] + (["等"] if len(names) > MAX_AUTHORS else [])
        parts.append(", ".join(shown))
    parts.append(f"{cited_title(article) or ''}[N]")
    paper = newspaper_name(origin)
    when = cited_date(origin) or ""
    page = cited_page(origin)
    when += f"({page})" if page else ""
    source = ", ".join(x for x in (paper, when) if x)
    if source:
        parts.append(source)
    return ". ".join(parts) + "."


def copy_with_citation_text(article: ArticleRecord, selected_text: str) -> str:
    """What "Copy with citation" puts on the clipboard: the selection, a blank line, the citation.

    Qt's `QTextCursor.selectedText()` separates paragraphs with U+2029 and
    lines with U+2028; both become newlines so the text pastes as typed.
    The citation has no label: it is meant to be pasted into a reference list.
    """
    text = selected_text.replace("\u2029", "\n").replace("\u2028", "\n").strip()
    cite = citation(article)
    return f"{text}\n\n{cite}" if text else cite
