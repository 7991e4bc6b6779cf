"""Infer when a page was printed from what its body text says about time.

Page files carry no dateline, so the issue date is an estimate with a
precision and the phrases it rests on.  The caller passes body paragraphs
(articles, letters, photo captions, briefs), never quote boxes: those quote
speeches from years ago.  The cues are data (the tables below); the algorithm:

1. Collect evidence (digits and punctuation normalised to half-width first).
   Year-bearing cues are lower bounds, the page being after them: explicit
   dates 2024年12月31日 (that day), year-months 2023年6月 (that month's 1st,
   底 28th, 初 5th), past years 2023年以来 or a clause opening with 2023年,
   (year over: next Jan 1) and arrivals 2025年如约而至 (that Jan 1).  A cue
   after a future marker (争取在, 到, 将 …) or before 前 is a plan or a
   deadline and is dropped; years < 1949 or > 2100 too.  Year-less mentions
   (1月10日, 6月底 = 28th, 3月初 = 5th, 今年3月 = 1st) are kept for stage 2.
   Milestones give a lower or an upper bound and may pin the year; season
   words give the months the page can be in (the most-mentioned season wins).
2. L = the latest lower bound; a pinned year's Jan 1 counts as one.  Each
   year-less mention is resolved to its first occurrence on or after L and L
   is raised to the latest of them.  Without any L they say nothing.
3. Estimate: the page is printed shortly after L, so L's month, or the next
   month when L's day is past the 25th.  A season the estimate is not in
   moves it forward to the season's first month.  If that lands after an
   upper bound, the lower bounds past the bound are dropped (and named in
   the evidence) and the estimate is redone inside the bound's year; if it
   still lands after, only the year is kept.
4. Precision: "day" when exactly one dateline (本报北京1月6日电) appears and
   a year is known; "month" when a season or a day-level cue (explicit date,
   year-less mention) gives the estimated month; "year" when only year-level
   cues exist; "unknown" with value None when nothing dates the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from reader.ingest.vocab import DATELINE
from reader.models import IssueDate

#: Years outside this range are page numbers, amounts or history, not dates.
MIN_YEAR, MAX_YEAR = 1949, 2100

#: Full-width digits and punctuation print interchangeably with half-width.
FULL_TO_HALF = str.maketrans("０１２３４５６７８９，：；（）！？", "0123456789,:;()!?")
_FULL_AND_HALF = tuple((chr(full), chr(half)) for full, half in FULL_TO_HALF.items())

_WINTER, _SPRING, _SUMMER, _AUTUMN = (12, 1, 2), (3, 4, 5), (6, 7, 8), (9, 10, 11)
#: Season words -> the months a page using them is printed in.
SEASONS = {
    "寒冬腊月": _WINTER, "隆冬": _WINTER, "寒冬": _WINTER, "腊月": _WINTER,
    "夏日": _SUMMER, "盛夏": _SUMMER, "骄阳": _SUMMER,
    "春耕": _SPRING,
    "金秋": _AUTUMN, "秋收": _AUTUMN,
}
#: Phrases that contain a season word but name no season (the 1927 uprising).
SEASON_EXCEPTIONS = ("秋收起义",)

#: Milestone phrase -> (after, before, year): the page is after `after`, before
#: `before` and in `year` (None: no such bound).  The 20th Party Congress opened
#: 2022-10-16; the Third Plenum of the 20th Central Committee closed 2024-07-18.
_CONGRESS_20, _PLENUM_20_3 = date(2022, 10, 16), date(2024, 7, 18)
MILESTONES = {
    "喜迎二十大": (None, _CONGRESS_20, 2022),
    "喜迎党的二十大": (None, _CONGRESS_20, 2022),
    "迎接党的二十大": (None, _CONGRESS_20, 2022),
    "学习贯彻党的二十大": (_CONGRESS_20, None, None),
    "党的二十大精神": (_CONGRESS_20, None, None),
    "党的二十大以来": (_CONGRESS_20, None, None),
    "二十届三中全会": (_PLENUM_20_3, None, None),
}

# In the templates below {Y} is a four-digit year and {M} a month number.
#: Phrases saying year Y is over: the page is in Y+1 or later.  (A clause
#: opening with "Y年," says the same; CLAUSE_YEAR below.)
PAST_YEAR = ("{Y}年以来",)
#: Phrases saying year Y has arrived: the page is in Y or later.
YEAR_ARRIVED = ("{Y}年如约而至", "迎来{Y}年", "{Y}年新年")
#: Month edges -> the day they stand for: 6月底 is about the 28th, 3月初 the 5th.
MONTH_EDGE_DAYS = {"底": 28, "初": 5}
#: Year-less mentions -> the day of the month they stand for (None: printed).
YEARLESS = {"{M}月(?P<d>\\d{1,2})日": None, "{M}月底": MONTH_EDGE_DAYS["底"],
            "{M}月初": MONTH_EDGE_DAYS["初"], "今年{M}月": 1}
#: Words just before a cue that make it a plan or target, not history.
FUTURE_BEFORE = ("争取", "力争", "争取在", "力争在", "到", "将", "将于", "将在", "预计", "计划", "拟于", "定于")
#: What just after a date makes it a deadline (2025年6月前, 6月30日前), not 前后.
FUTURE_AFTER = re.compile(r"(?:之)?前(?!后)")
#: Words before a year-less mention that tie it to another year than the page's.
OTHER_YEAR_BEFORE = ("去年", "前年", "明年", "后年")

# A year has no digit before it, a month neither, nor a year (2024年6月: 6 is not a year-less
# month).  The look-behinds stand after the first digit, not before it, so that a pattern
# starts with a digit and the regex engine skips to the digits of a page instead of trying
# every character (issue 17: five times faster, the same matches).
_Y = r"(?P<y>\d(?<!\d\d)\d{3})"
_M = r"(?P<m>\d(?<!\d\d)(?<!\d年\d)\d?)"  # not the month of a dated year
EXPLICIT = re.compile(_Y + r"年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
YEAR_MONTH = re.compile(_Y + r"年(?P<m>\d{1,2})月(?!\d)(?P<edge>底|初)?")
#: A clause opening with a year: after a space, a punctuation mark or a dash, or at the start.
CLAUSE_YEAR = re.compile(r"(?P<y>\d(?<![^\s,.。;:!?“\"‘'(、—…]\d)\d{3})年,")


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    # Longest first, so 寒冬腊月 is one cue and not 寒冬 plus 腊月.
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


_SEASON_RE, _MILESTONE_RE = _alternation(SEASONS), _alternation(MILESTONES)
_SEASON_EXCEPTIONS_RE = _alternation(SEASON_EXCEPTIONS)
_PAST_RES = tuple(re.compile(t.replace("{Y}", _Y)) for t in PAST_YEAR)
_ARRIVED_RES = tuple(re.compile(t.replace("{Y}", _Y)) for t in YEAR_ARRIVED)
_YEARLESS_RES = tuple((re.compile(t.replace("{M}", _M)), d) for t, d in YEARLESS.items())


@dataclass(frozen=True)
class _Bound:
    when: date
    phrase: str
    day_level: bool = False  # an explicit date or a resolved year-less mention


@dataclass
class _Cues:
    lowers: list[_Bound]
    uppers: list[_Bound]
    yearless: list[tuple[int, int, str]]
    seasons: dict[tuple[int, ...], list[str]]
    milestones: list[str]
    datelines: set[tuple[int, int, str]]


def _is_future(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 3):start]
    return any(before.endswith(w) for w in FUTURE_BEFORE) or bool(FUTURE_AFTER.match(text, end))


def _other_year(text: str, start: int) -> bool:
    return text[max(0, start - 2):start] in OTHER_YEAR_BEFORE


def _year_bounds(text: str) -> list[_Bound]:
    """Stage 1, year-bearing cues: each a lower bound on the print date."""
    found: list[tuple[re.Match[str], int, int, int, bool]] = []  # match, y, m, d, day-level
    for mt in EXPLICIT.finditer(text):
        found.append((mt, int(mt["y"]), int(mt["m"]), int(mt["d"]), True))
    for mt in YEAR_MONTH.finditer(text):
        day = MONTH_EDGE_DAYS.get(mt["edge"] or "", 1)
        found.append((mt, int(mt["y"]), int(mt["m"]), day, False))
    for rx in (*_PAST_RES, CLAUSE_YEAR):  # year over: the page is in a later year
        found.extend((mt, int(mt["y"]) + 1, 1, 1, False) for mt in rx.finditer(text))
    for rx in _ARRIVED_RES:
        found.extend((mt, int(mt["y"]), 1, 1, False) for mt in rx.finditer(text))
    bounds = []
    for mt, y, m, d, day_level in found:
        if not MIN_YEAR <= int(mt["y"]) <= MAX_YEAR or _is_future(text, mt.start(), mt.end()):
            continue
        try:
            bounds.append(_Bound(date(y, m, d), mt.group(), day_level))
        except ValueError:  # 2月30日 and the like: a misprint, not a date
            continue
    return bounds


def _collect(paragraphs: list[str]) -> _Cues:
    """Stage 1: every cue in the text, sorted by kind."""
    text = "\n".join(paragraphs)
    cues = _Cues(_year_bounds(text), [], [], {}, [], set())
    for rx, fixed_day in _YEARLESS_RES:
        for mt in rx.finditer(text):
            if not _is_future(text, mt.start(), mt.end()) and not _other_year(text, mt.start()):
                day = fixed_day if fixed_day is not None else int(mt["d"])
                cues.yearless.append((int(mt["m"]), day, mt.group()))
    for mt in _MILESTONE_RE.finditer(text):
        after, before, year = MILESTONES[mt.group()]
        if after:
            cues.lowers.append(_Bound(after, f"{mt.group()} (after {after.isoformat()})"))
        label = f"{mt.group()} (before {before.isoformat()})" if before else mt.group()
        if before:
            cues.uppers.append(_Bound(before, label))
            cues.milestones.append(label)
        if year:  # "the page is in that year": its Jan 1 is a lower bound too
            cues.lowers.append(_Bound(date(year, 1, 1), label))
    for mt in _SEASON_RE.finditer(_SEASON_EXCEPTIONS_RE.sub(" ", text)):
        cues.seasons.setdefault(SEASONS[mt.group()], []).append(mt.group())
    for para in paragraphs:
        dateline = DATELINE.match(para.strip())
        if dateline:
            month, day = (int(g.translate(FULL_TO_HALF)) for g in (dateline["month"], dateline["day"]))
            cues.datelines.add((month, day, dateline.group().strip()))
    return cues


def _on_or_after(floor: date, month: int, day: int) -> date | None:
    """The first month/day on or after `floor` (a few years on for 2月29日)."""
    for year in range(floor.year, floor.year + 8):
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        if when >= floor:
            return when
    return None


def _shortly_after(when: date) -> tuple[int, int]:
    # Late in a month, the report most likely runs in the next month's paper.
    if when.day > 25:
        return (when.year + 1, 1) if when.month == 12 else (when.year, when.month + 1)
    return when.year, when.month


def _season_shift(month: int, months: tuple[int, ...]) -> int:
    """Months to move forward from `month` into `months` (0 when inside)."""
    return next(k for k in range(12) if (month - 1 + k) % 12 + 1 in months)


def _estimate(lowers: list[_Bound], cues: _Cues,
              limit: date | None) -> tuple[tuple[int, int], list[_Bound], list[str]]:
    """Stages 2-3: (year, month), the bounds the estimate rests on, season words."""
    base = max(lowers, key=lambda b: b.when)
    resolved = []
    for month, day, phrase in cues.yearless:
        when = _on_or_after(base.when, month, day)
        if when and (limit is None or when <= limit):
            resolved.append(_Bound(when, f"{phrase} (→{when.isoformat()})", True))
    top = max([base, *resolved], key=lambda b: b.when)
    year, month = _shortly_after(top.when)
    words: list[str] = []
    if cues.seasons:  # most mentions wins; on a tie, the season nearest ahead
        months, words = min(cues.seasons.items(),
                            key=lambda kv: (-len(kv[1]), _season_shift(month, kv[0])))
        shift = _season_shift(month, months)
        year, month = year + (month - 1 + shift) // 12, (month - 1 + shift) % 12 + 1
    used = [b for b in [*lowers, *resolved] if b.when in (base.when, top.when)
            or (b.day_level and _shortly_after(b.when) == (year, month))]
    return (year, month), used, words


def _half_width(text: str) -> str:
    """`text.translate(FULL_TO_HALF)`, a scan per character instead of a table lookup per
    character: most pages hold only a few of them (issue 17: the parse's cost)."""
    for full, half in _FULL_AND_HALF:
        if full in text:
            text = text.replace(full, half)
    return text


def infer_issue_date(paragraphs: Iterable[str]) -> IssueDate:
    """Infer the issue date of a page from its body paragraphs (see the module doc)."""
    texts = [_half_width(p) for p in paragraphs or () if isinstance(p, str)]
    cues = _collect(texts)
    if not cues.lowers:  # year-less mentions and seasons alone date nothing
        return IssueDate()
    upper = min(cues.uppers, key=lambda b: b.when, default=None)
    lowers, notes = cues.lowers, []
    est, used, words = _estimate(lowers, cues, None)
    year_only = False
    if upper and est > (upper.when.year, upper.when.month):
        dropped = [b.phrase for b in [*lowers, *used] if b.when > upper.when]
        lowers = [b for b in lowers if b.when <= upper.when] or [
            _Bound(date(upper.when.year, 1, 1), upper.phrase)]
        est, used, words = _estimate(lowers, cues, upper.when)
        year_only = est > (upper.when.year, upper.when.month)
        named = "、".join(dict.fromkeys(dropped or words))  # nothing dropped: the season moved it
        notes.append(f"conflict: {named} after {upper.phrase}; kept {upper.when.year}")
        if year_only:
            est = (upper.when.year, 1)
    evidence = tuple(dict.fromkeys([*(b.phrase for b in used), *cues.milestones, *words, *notes]))
    base = max(lowers, key=lambda b: b.when).when
    if len(cues.datelines) == 1 and not notes:
        (month, day, phrase), = cues.datelines
        when = _on_or_after(base, month, day)
        if when and (upper is None or when <= upper.when):
            return IssueDate(when.isoformat(), "day", (phrase, *evidence))
    month_known = bool(words) or any(b.day_level for b in used)
    if month_known and not year_only:
        return IssueDate(f"{est[0]:04d}-{est[1]:02d}", "month", evidence)
    return IssueDate(f"{est[0]:04d}", "year", evidence)
