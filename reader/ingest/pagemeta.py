"""A page's paper, issue date, page number and page name, and where each came from.

Five sources, strongest first; each field is taken from the first source
that gives it (so a header's date and a file name's paper can combine):

1. `user`: what the user gave on import (`reader import --paper … --date …`,
   the window's import options), a `PageMeta`;
2. `header`: a header line at the top of the page (`header_meta`, `take_header`):
   `人民日报 2025年3月5日 星期三 第10版 理论`, `2025年7月15日 星期二 第13版：综合`,
   `第5版：评论`, `《人民日报》（2025年01月07日 第19版）`.  The parser takes it off
   the page before segmenting (it is not a title) and keeps it in
   `ParsedPage.header`;
3. `filename`: the file's name and folders (`path_meta`): `rmrb_20250107_p19.txt`,
   `人民日报/2025/01/07/19-党建.txt`, `2025-01-07_第19版_党建.txt`, `20250107-19.txt`,
   `rmrb2025010719.txt`.  A name with no date, paper or marked page
   (`000_56361530f2265878.txt`) says nothing: its numbers are not page numbers;
4. `sidecar`: a `page.json` in the file's folder, read by `sidecar.read_sidecar`
   (folder-wide fields, overridden by the file's own entry under "files");
5. the page's text: a masthead (先锋) for the page name (`text`), and the date
   `dates.infer_issue_date` infers (`inferred`, marked so wherever it is shown).

`settle` combines them.  Pure (no I/O) and standard library only, like all of
ingest; the papers and their abbreviations are data in `papers.py`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from reader.ingest import papers
from reader.models import IssueDate, PageMeta

#: Header lines are looked for among this many lines at the top of a page.
HEADER_LINES = 3
#: A header line is short: longer lines are text.
HEADER_MAX_CHARS = 64

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９ＡＢＣＤＥＦＧＨａｂｃｄｅｆｇｈ",
                                   "0123456789ABCDEFGHabcdefgh")

#: 2025年3月5日, 2025-03-05, 2025/3/5, 2025.03.05, 2025_01_07 (separators may not mix 年 with -).
_YMD = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s*(?:年\s*(?P<m1>[0-9]{1,2})\s*月\s*(?P<d1>[0-9]{1,2})\s*日?"
    r"|(?P<sep>[-/._])(?P<m2>[0-9]{1,2})(?P=sep)(?P<d2>[0-9]{1,2}))(?![0-9])"
)
#: 20250107 standing alone (not inside a longer run of letters and digits such as a hash).
_COMPACT = re.compile(r"(?<![0-9A-Za-z])(?P<y>(?:19|20)[0-9]{2})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"
                      r"(?![0-9A-Za-z])")
#: 2025年1月, 2025-01 (a month).
_YM = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?:年\s*(?P<m1>[0-9]{1,2})\s*月"
                 r"|[-._](?P<m2>[0-9]{1,2}))(?![0-9])")
#: A whole value the user or a sidecar gives: 2025-01-07, 2025-01, 2025, 20250107, 2025年1月7日.
_YEAR = re.compile(r"^(?P<y>(?:19|20)[0-9]{2})年?$")

#: 第10版, 第 10 版, 第A03版, A03版, 10版 in a header.
#: A section letter or two before the number (A03, RB01, A0003) is dropped from the
#: number (the header keeps it).
_PAGE_IN_HEADER = re.compile(r"^第?(?P<page>[A-Za-z]{0,2}[0-9]{1,4})版$")
#: A03 standing alone in a header (齐鲁晚报: `A01 重点  2025年4月29日 星期二  齐鲁晚报`).
_PAGE_SECTION = re.compile(r"^(?P<page>[A-Za-z]{1,2}[0-9]{1,4})$")
#: A paper's name in book-title brackets: 《柚都平和》.
_BOOK_TITLE = re.compile(r"《\s*(?P<name>[^《》\s]{2,12})\s*》")
#: Page tokens in a file name: p19, P19, page19, pg19, 第19版, 19版, A03, A03版.
_PAGE_MARKED = re.compile(
    r"^(?:(?:p|pg|page|第)(?P<a>[A-Za-z]?[0-9]{1,3})版?|(?P<b>[0-9]{1,3})版|(?P<c>[A-Za-z][0-9]{1,3})版?)$",
    re.IGNORECASE,
)
_PAGE_BARE = re.compile(r"^[0-9]{1,3}$")
#: The newspaper PDF naming: rmrb2025010719 (paper, date, page).
_JOINED = re.compile(r"^(?P<abbr>[A-Za-z]{2,8})(?P<y>(?:19|20)[0-9]{2})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"
                     r"(?P<page>[0-9]{2,3})?$")
#: A page's name: 党建, 每日新闻, 日报01版, 80年纸墨情缘 (a CJK word, digits allowed).
_PAGE_NAME = re.compile(r"^(?=.*[\u4e00-\u9fff])[\u4e00-\u9fff0-9A-Za-z]{1,12}$")

#: Characters that separate the words of a header line or a file name.
_HEADER_SEPARATORS = re.compile(r"[\s\u3000|丨｜·•>＞《》〈〉（）()【】\[\]:：,，、/]+")
_NAME_SEPARATORS = re.compile(r"[\s\u3000_\-.,，、·()（）\[\]【】+]+")
_LABELS = {"版次": "page", "版面": "page", "版名": "name", "日期": "date"}

_TEXT_SUFFIXES = (".txt", ".text", ".md")


# -- dates and page numbers ------------------------------------------------------------------


def _valid(y: str, m: str | None = None, d: str | None = None) -> str | None:
    """The ISO prefix of a real date, or None (2025-02-30 is not a date)."""
    try:
        Date(int(y), int(m or 1), int(d or 1))
    except ValueError:
        return None
    parts = [y] + [f"{int(x):02d}" for x in (m, d) if x is not None]
    return "-".join(parts)


def parse_date(text: str) -> str | None:
    """A date the user or a sidecar gives, as an ISO prefix; None if it is not one.

    2025-01-07, 2025/1/7, 20250107, 2025年1月7日 (a day); 2025-01, 2025年1月 (a month); 2025.
    """
    text = text.strip().translate(_FULL_WIDTH_DIGITS)
    for pattern in (_YMD, _COMPACT):
        match = pattern.fullmatch(text)
        if match:
            g = match.groupdict()
            return _valid(g["y"], g.get("m") or g.get("m1") or g.get("m2"),
                          g.get("d") or g.get("d1") or g.get("d2"))
    match = _YM.fullmatch(text)
    if match:
        return _valid(match["y"], match["m1"] or match["m2"])
    match = _YEAR.fullmatch(text)
    return _valid(match["y"]) if match else None


def date_precision(value: str | None) -> str:
    """`day`, `month` or `year` for an ISO prefix; `unknown` for None."""
    if not value:
        return "unknown"
    return ("year", "month", "day")[min(value.count("-"), 2)]


def parse_page_number(text: str | int) -> int | None:
    """`19`, `019`, `第19版`, `p19`, `A03` -> 19; None if it is not a page number."""
    text = str(text).strip().translate(_FULL_WIDTH_DIGITS).replace(" ", "")
    match = (_PAGE_BARE.fullmatch(text) and re.fullmatch(r"(?P<n>[0-9]+)", text)) \
        or _PAGE_IN_HEADER.fullmatch(text) or _PAGE_MARKED.fullmatch(text) \
        or _PAGE_SECTION.fullmatch(text)
    if not match:
        return None
    return _normal_page(next(v for v in match.groupdict().values() if v))


def _normal_page(raw: str) -> int | None:
    """The page's number without its section letters (A03 -> 3); None for 0."""
    number = int(raw.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
    return number or None


# -- the header line -----------------------------------------------------------------------


def header_meta(text: str) -> PageMeta | None:
    """What a header line says, or None if `text` is not a header line.

    A header line is made only of header words: a paper's name, a date, a
    weekday, a page (第10版), the page's name right after it, and the extras of
    a masthead (农历…, 总第…期); with at least a date or a page, or a known
    paper's name on its own.
    """
    # Print layout pads header words apart: measure the words, not the padding.
    if not text or len(" ".join(text.split())) > HEADER_MAX_CHARS:
        return None
    line = text.translate(_FULL_WIDTH_DIGITS)
    named = _BOOK_TITLE.search(line)
    book_paper = named["name"] if named else None
    line = re.sub(r"第\s*([A-Za-z]?)\s*([0-9]{1,3})\s*版", r" 第\1\2版 ", line)
    dates: list[str] = []

    def keep_date(match: re.Match) -> str:
        g = match.groupdict()
        value = _valid(g["y"], g.get("m1") or g.get("m2") or g.get("m"),
                       g.get("d1") or g.get("d2") or g.get("d"))
        if value is None:
            return match.group(0)
        dates.append(value)
        return " \x00 "

    line = _YMD.sub(keep_date, line)
    line = _COMPACT.sub(keep_date, line)
    tokens = [token for token in _HEADER_SEPARATORS.split(line) if token]
    paper = name = label = None
    page: int | None = None
    after_page = 0  # the page's name may follow its number: 第10版 理论, 第13版：要闻·综合
    # …or stand before a bare number, in a header with a date: 国际  8  新华每日电讯  2026年5月12日
    before_page = None
    for number, token in enumerate(tokens):
        if token == "\x00":
            label, after_page = None, 0
            continue
        if token in _LABELS:  # 版次：19  版名：党建  日期：2025-01-07
            label = _LABELS[token]
            continue
        if _PAGE_BARE.fullmatch(token) and (label == "page" or (dates and before_page)):
            token += "版"
        page_match = _PAGE_IN_HEADER.fullmatch(token) or _PAGE_SECTION.fullmatch(token)
        if page_match and page is None:
            page = _normal_page(page_match["page"])
            label, after_page = None, 2
            name, before_page = name or before_page, None
            continue
        if before_page:
            return None  # a word before something that is not the page's number: text
        if number == 0 and dates and _PAGE_NAME.fullmatch(token) \
                and not papers.looks_like_paper(token, in_header=True) \
                and not papers.WEEKDAY.fullmatch(token):
            before_page = token
            continue
        if label == "name" and _PAGE_NAME.fullmatch(token):
            name, label = token, None
            continue
        label = None
        plain = papers.WEEKDAY.fullmatch(token) or papers.HEADER_EXTRAS.fullmatch(token)
        is_paper = paper is None and (papers.looks_like_paper(token, in_header=True)
                                      or token == book_paper)
        if after_page and not plain and not is_paper and _PAGE_NAME.fullmatch(token):
            name = f"{name}·{token}" if name else token
            after_page -= 1
            continue
        after_page = 0
        if is_paper:
            paper = token
        elif not plain:
            return None
    alone = paper in papers.KNOWN_PAPERS and len(tokens) == 1
    if before_page or not (dates or page or alone):
        return None
    return PageMeta(paper=paper, date=dates[0] if dates else None, page_number=page,
                    page_name=name)


@dataclass(frozen=True)
class Header:
    """The header line(s) taken off the top of a page, and what they say."""

    text: str | None = None
    line_numbers: tuple[int, ...] = ()
    meta: PageMeta = PageMeta()


def take_header(lines: Sequence) -> tuple[list, Header]:
    """Split the header lines off the top of a page's lines (`lines.Line`s).

    Only consecutive lines at the very top count: a date or a page number
    further down is the text's.  The lines' metadata combine, first line first.
    """
    found = []
    for line in lines[:HEADER_LINES]:
        meta = header_meta(line.text)
        if meta is None:
            break
        found.append((line, meta))
    if not found:
        return list(lines), Header()
    metas = [meta for _, meta in found]
    merged = PageMeta(*(next((getattr(m, f) for m in metas if getattr(m, f)), None)
                        for f in ("paper", "date", "page_number", "page_name")))
    header = Header("\n".join(line.text for line, _ in found),
                    tuple(line.no for line, _ in found), merged)
    return list(lines[len(found):]), header


# -- the file's name and folders ---------------------------------------------------------------


def path_meta(path: str | os.PathLike | None) -> PageMeta:
    """What a page file's name and its folders say (nothing for names such as 000_5636….txt)."""
    if not path:
        return PageMeta()
    raw = os.fspath(path)
    pure = PureWindowsPath(raw) if "\\" in raw else PurePosixPath(raw)
    name = pure.name
    stem = name[: -len(pure.suffix)] if pure.suffix.lower() in _TEXT_SUFFIXES else name
    stem = stem.translate(_FULL_WIDTH_DIGITS)
    folders = [part for part in pure.parts[:-1] if part not in ("/", "\\")][-4:]
    paper = day = page = None
    joined = _JOINED.fullmatch(stem)
    if joined and papers.paper_for_abbreviation(joined["abbr"]):
        paper = papers.paper_for_abbreviation(joined["abbr"])
        day = _valid(joined["y"], joined["m"], joined["d"])
        page = _normal_page(joined["page"]) if joined["page"] else None
        stem = ""
    day, stem = _take_date(stem, day)
    if day is None:
        day, _ = _take_date("/".join(folders), None)
    words, bare, names = [], [], []
    for token in _NAME_SEPARATORS.split(stem):
        if not token:
            continue
        abbreviation = papers.paper_for_abbreviation(token)
        marked = _PAGE_MARKED.fullmatch(token)
        if abbreviation or papers.looks_like_paper(token):
            paper = paper or abbreviation or token
        elif marked and page is None:
            page = _normal_page(next(v for v in marked.groupdict().values() if v))
        elif _PAGE_BARE.fullmatch(token):
            bare.append(token)
        elif _PAGE_NAME.fullmatch(token):
            names.append(token)
        else:
            words.append(token)
    if paper is None:
        for folder in reversed(folders):
            found = papers.paper_for_abbreviation(folder) or (
                folder if papers.looks_like_paper(folder) else None)
            if found:
                paper = found
                break
    if not (day or paper or page):
        # 000_56361530f2265878.txt, 我的笔记.txt: numbers and words with no date or
        # paper beside them are not a page's number or name.
        return PageMeta()
    if page is None and len(bare) == 1:
        page = _normal_page(bare[0])
    return PageMeta(paper=paper, date=day, page_number=page,
                    page_name=names[0] if len(names) == 1 else None)


def _take_date(text: str, found: str | None) -> tuple[str | None, str]:
    """The first date in `text` (a day, else a month) and `text` without it."""
    if found is not None or not text:
        return found, text
    for pattern in (_YMD, _COMPACT, _YM):
        for match in pattern.finditer(text):
            g = match.groupdict()
            value = _valid(g["y"], g.get("m") or g.get("m1") or g.get("m2"),
                           g.get("d") or g.get("d1") or g.get("d2"))
            if value:
                return value, text[: match.start()] + " " + text[match.end():]
    return None, text


# -- settling ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SettledMeta:
    """The page's fields, each from its strongest source, and which source that was."""

    paper: str | None
    date: IssueDate
    page_number: int | None
    page_name: str | None
    date_source: str | None
    sources: tuple[tuple[str, str], ...]


def settle(
    given: Sequence[tuple[str, PageMeta | None]],
    text_page_name: str | None,
    infer_date: Callable[[], IssueDate],
) -> SettledMeta:
    """Each field from the first of `given` ((source, meta), strongest first) that has it.

    The page name falls back to the one the text shows (`text`), the date to
    `infer_date()` (`inferred`), which is only called when no source gives one.
    """
    #: field -> (value, source); a value has its field's type (page_number an int, else str)
    chosen: dict[str, tuple[Any, str]] = {}
    for source, meta in given:
        if not meta:
            continue
        for field in ("paper", "date", "page_number", "page_name"):
            value = getattr(meta, field)
            if value and field not in chosen:
                chosen[field] = (value, source)
    if "page_name" not in chosen and text_page_name:
        chosen["page_name"] = (text_page_name, "text")
    if "date" in chosen:
        value, source = chosen["date"]
        issue_date = IssueDate(value, date_precision(value), (f"{_SOURCE_WORDS[source]}",))
        date_source: str | None = source
    else:
        issue_date = infer_date()
        date_source = "inferred" if issue_date.value else None
    sources = tuple((field, chosen[field][1]) for field in ("paper", "date", "page_number",
                                                            "page_name") if field in chosen)
    if date_source == "inferred":
        sources += (("date", "inferred"),)
    return SettledMeta(
        paper=chosen.get("paper", (None,))[0],
        date=issue_date,
        page_number=chosen.get("page_number", (None,))[0],
        page_name=chosen.get("page_name", (None,))[0],
        date_source=date_source,
        sources=sources,
    )


#: How a date's evidence names its source.
_SOURCE_WORDS = {
    "user": "given by the user",
    "header": "the page's header line",
    "filename": "the file's name",
    "sidecar": "page.json",
}
