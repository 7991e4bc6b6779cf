"""Stage 1 and 2 of the parser: raw text to classified lines.

A page file is one paragraph per line with blank lines between paragraphs.
`split_lines` strips markdown (`# ` headings, `**bold**`, hard-break spaces)
and records how many blank lines stood before each line (three or more mark
an image).  `classify` gives each line a `Cue`: what its printed form says it
is, before any context is considered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from reader.ingest import vocab

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0002fa1f]")
#: The longest line that can carry a cue other than text, a brief, a quote or a `——` line
#: (a headline with its column: a 40-character title and a 16-character column).
_LONGEST_CUED = 60
#: Last characters of a photo credit (董海 摄, …摄影报道, …提供, …供图, …绘, …（人民视觉）):
#: a cheap test before the credit is parsed.
_CREDIT_ENDINGS = tuple({e[-1] for e in vocab.PHOTO_ENDINGS} | {"）", ")"})
#: First characters of the agencies that open datelines (新华社, 本报, 中新社, 据…).
_DATELINE_STARTS = frozenset("新本中人央光经据")
#: Ideographic and ASCII spaces at line ends are layout, not text.
_EDGE_SPACE = " \t\u3000\u00a0\ufeff"


class Cue(Enum):
    """What a line's own form says it is."""

    MASTHEAD = "masthead"        # the page name standing alone (先锋)
    PAGE_CREDIT = "page_credit"  # 本版编辑：李明
    LABEL = "label"              # a column label (知行合一, ◎观潮)
    BOX_LABEL = "box_label"      # 信息集装箱, 每周一学
    SERIES = "series"            # ◎五化协同 大抓基层③
    HEADLINE = "headline"        # 如此犒劳，要不得（监督哨）: a title with its column
    SIGNATURE = "signature"      # ◎郝佳丽, 杨  柳: a name alone (decided in context; see segment.py)
    BYLINE = "byline"            # □本报记者 宋爽, 本报评论员, 对话人：…
    PHOTO_CREDIT = "photo_credit"  # 董海 摄
    ITEM_CREDIT = "item_credit"  # 数据来源：国家统计局
    BRIEF = "brief"              # ●…
    QUOTE = "quote"              # ★…
    DASH = "dash"                # ——… (quote source, 编者 signature, or body)
    BOX_SOURCE = "box_source"    # (来源:共产党员网)
    DATELINE = "dateline"        # 新华社杜尚别5月11日电 standing alone
    ATTRIBUTION = "attribution"  # (本报记者 宋爽), （郭  帅）
    LETTER = "letter"            # 致读者
    SHORT = "short"              # a title, kicker, subhead or label candidate
    VERSE = "verse"              # a line of a poem (see context.py)
    LEAD_LABEL = "lead_label"    # 核心阅读: heads a story's summary box
    CONTINUED = "continued"      # the rest of the line before, split by the columns (context.py)
    TEXT = "text"                # a paragraph or a piece of one
    EMPTY = "empty"              # markup only (a lone `**`)


@dataclass
class Line:
    """One non-blank input line, cleaned, with its cue."""

    no: int          # 1-based line number in the file
    raw: str         # the line as printed
    text: str        # markdown removed, edges stripped
    gap: int         # blank lines directly before this line
    heading: bool = False
    bold: bool = False
    cue: Cue = Cue.TEXT
    continues: int = 0  # for a `CONTINUED` line: the number of the line it completes

    @property
    def image_before(self) -> bool:
        """Three or more blank lines: an image stood here."""
        return self.gap >= 3


def clean_markdown(raw: str) -> tuple[str, bool, bool]:
    """Return (text, was_heading, was_bold) with markdown marks removed."""
    text = raw
    heading = bool(_HEADING.match(text))
    if heading:
        text = _HEADING.sub("", text, count=1)
    bold = "**" in text
    if bold:
        text = _BOLD.sub(r"\1", text)
        if text.strip() == "**" or text.strip("* \t\u3000") == "":
            text = ""
    return text.strip(_EDGE_SPACE), heading, bold


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of `text` with markdown removed and gaps counted."""
    lines: list[Line] = []
    gap = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip(_EDGE_SPACE):
            gap += 1
            continue
        cleaned, heading, bold = clean_markdown(raw)
        line = Line(number, raw, cleaned, gap, heading, bold)
        line.cue = classify(cleaned)
        lines.append(line)
        gap = 0
    return lines


def cjk_count(text: str) -> int:
    """Number of CJK ideographs in `text`."""
    return len(_CJK.findall(text))


def strip_label_mark(text: str) -> str:
    """`◎观潮` -> `观潮`, `【视点】` -> `视点`."""
    text = text.strip(_EDGE_SPACE)
    if text.startswith("◎"):
        text = text[1:]
    if len(text) > 2 and text[0] in "【[〖" and text[-1] in "】]〗":
        text = text[1:-1]
    return text.strip(_EDGE_SPACE)


def ends_sentence(text: str) -> bool:
    """True if `text` ends a sentence (so it is not the first half of a split paragraph)."""
    stripped = text.rstrip(_EDGE_SPACE + "*")
    if stripped.endswith("版") and vocab.JUMP_REFERENCE.match(stripped):
        return True  # ●详见 3 版: a pointer is complete without punctuation
    return bool(stripped) and stripped[-1] in vocab.SENTENCE_END


def is_title_shaped(text: str) -> bool:
    """A short line without sentence-final punctuation: a title, kicker or subhead candidate."""
    if not text or len(text) > 34 or text[-1] in vocab.TITLE_FORBIDDEN_END:
        return False
    if "。" in text or cjk_count(text) < 2:
        return False
    # Lines with a full stop or several clauses are prose cut short, not headings.
    return text.count(",") + text.count("，") <= 1


def classify(text: str) -> Cue:
    """The cue a cleaned line carries on its own."""
    if not text:
        return Cue.EMPTY
    bare = strip_label_mark(text)
    if bare in vocab.PAGE_NAMES:
        return Cue.MASTHEAD
    if vocab.PAGE_CREDIT.match(text):
        return Cue.PAGE_CREDIT
    first = text[0]
    if vocab.JUMP_REFERENCE.match(text):
        return Cue.TEXT
    if first in vocab.BRIEF_MARKS and is_name_shaped(text[1:].strip(_EDGE_SPACE)):
        return Cue.SIGNATURE  # ● 苗海川: the author of a poem or essay
    if first in vocab.BRIEF_MARKS:
        return Cue.BRIEF
    if first in vocab.QUOTE_MARKS:
        return Cue.QUOTE
    if first == "□":
        return Cue.BYLINE
    if text.startswith(("——", "--", "－－")):
        return Cue.DASH
    if len(text) > _LONGEST_CUED:
        # Body text: no label, credit, byline or headline runs this long.
        return Cue.ITEM_CREDIT if _has_colon(text) and vocab.ITEM_CREDIT.match(text) else Cue.TEXT
    if vocab.BOX_SOURCE.match(text):
        return Cue.BOX_SOURCE
    if is_dateline_only(text):
        return Cue.DATELINE
    if bare in vocab.BOX_LABELS:
        return Cue.BOX_LABEL
    if bare in vocab.LEAD_LABELS:
        return Cue.LEAD_LABEL
    if bare in vocab.LETTER_TITLES:
        return Cue.LETTER
    if any(n in text for n in vocab.CIRCLED_NUMBERS) and len(text) <= 24 and not ends_sentence(text):
        return Cue.SERIES
    if bare in vocab.COLUMN_LABELS or bare in vocab.PHOTO_COLUMNS or bare in vocab.COMMENTARY_COLUMNS:
        return Cue.LABEL
    if _has_colon(text) and vocab.ITEM_CREDIT.match(text):
        return Cue.ITEM_CREDIT
    if is_photo_credit(text):
        return Cue.PHOTO_CREDIT
    if vocab.ATTRIBUTION_LINE.match(text):
        return Cue.ATTRIBUTION
    if is_headline_with_column(text):
        return Cue.HEADLINE
    if from_byline := _looks_like_byline(text):
        return from_byline
    if text.startswith("◎") and 2 <= len(bare) <= 12 and not ends_sentence(bare):
        # ◎ marks both labels (◎广角) and commentary signatures (◎郝佳丽);
        # segment.py decides which from the neighbouring lines.
        return Cue.SIGNATURE if 2 <= len(bare) <= 4 else Cue.LABEL
    if is_name_shaped(text):
        return Cue.SIGNATURE
    if is_title_shaped(text):
        return Cue.SHORT
    return Cue.TEXT


def _has_colon(text: str) -> bool:
    return "：" in text or ":" in text


def is_headline_with_column(text: str) -> bool:
    """如此犒劳，要不得（监督哨）: a title-shaped line closed by its column in brackets."""
    if not text.endswith(("）", ")", "】", "]")):
        return False
    match = vocab.HEADLINE_COLUMN.match(text)
    if match is None or match.group("column") in vocab.EDITORIAL_NOTES:
        return False
    title = match.group("title")
    # The column in brackets is cue enough for a question or an exclamation headline.
    return (
        len(title) <= 40 and (title[-1] in "？！?!" or title[-1] not in vocab.TITLE_FORBIDDEN_END)
        and "。" not in title
        and cjk_count(title) >= 2 and title.count("，") + title.count(",") <= 2
    )


def is_name_shaped(text: str) -> bool:
    """A personal name alone on a line: 李秀菊, 杨  柳 (two characters padded to three)."""
    parts = text.split()
    if len(parts) == 2 and all(len(p) == 1 for p in parts):
        # Two characters padded to the width of three: only names are printed so.
        return cjk_count(text) == 2
    if len(parts) == 1 and 2 <= len(text) <= 4:
        name = text
    else:
        return False
    if cjk_count(name) != len(name):
        return False
    if name.startswith(vocab.COMPOUND_SURNAMES):
        return len(name) in (3, 4)
    return name[0] in vocab.SURNAMES and len(name) <= 3


def dateline_match(text: str) -> re.Match | None:
    """The dateline opening `text` (新华社北京5月11日电（记者 X）, 本报讯（记者 X）), if any."""
    if text[:1] not in _DATELINE_STARTS:
        return None  # most lines: no regex needed
    return vocab.DATELINE.match(text) or vocab.UNDATED_DATELINE.match(text)


def is_dateline_only(text: str) -> bool:
    """A dateline, or a reprint's source (据新华社), standing alone on its line."""
    match = dateline_match(text) or vocab.SOURCE_LINE.match(text)
    return match is not None and not text[match.end() :].strip(_EDGE_SPACE)


def is_photo_credit(text: str) -> bool:
    """`董海 摄`, `本报记者 陈春艳 摄`, `陈  彬摄`, `张三 摄（人民视觉）`, `杨迅 刘超摄影报道`."""
    from reader.ingest.bylines import parse_photo_credit

    body = text.strip(_EDGE_SPACE)
    if len(body) > 40 or not body.endswith(_CREDIT_ENDINGS):
        return False
    if any(p in body for p in "。,，；;:：！？!?“”"):
        return False
    return bool(parse_photo_credit(body))


def _looks_like_byline(text: str) -> Cue | None:
    """A byline without □: a role word followed by names only (本报记者  张  洋  何昭宇)."""
    from reader.ingest.bylines import parse_byline

    if len(text) > 48 or any(p in text for p in "。,，；;！？!?“”"):
        return None
    if vocab.COMMENTATOR.match(text) or vocab.COLON_BYLINE.match(text):
        return Cue.BYLINE
    if not text.startswith(vocab.ROLES) and not vocab.ROLE_PATTERN.match(text):
        return None
    if text in vocab.ROLES:
        return Cue.BYLINE  # 本报记者 alone: the names follow at the end of the story
    authors = parse_byline(text)
    return Cue.BYLINE if authors else None
