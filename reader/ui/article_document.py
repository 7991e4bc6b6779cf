"""The article pane's document, typed in with a QTextCursor, and its map to the article text.

`build_article(document, article, terms, theme, point_size, typography=…)` clears the
document and inserts the article one block at a time: label (column ·
series · kind), kicker, title, byline, subheads, body paragraphs, entries
with their sources, photo credit, extraction defects.  Page text only ever
reaches the document through `QTextCursor.insertText`, so it stays plain
text: nothing in a page file can become a tag, an entity, an image or a
link.  The look (CJK fonts, sizes, the ~1.7em line height, indents,
margins, colours) is the table `STYLES`, in ems of the body text; what the
reader chooses in 阅读设置 (font family, line spacing, justified or ragged,
the paragraph indent, full-width punctuation) is a `Typography` over it.

While it inserts the paragraphs and entries it records where each one went
(`TextMap`): the document position of every stretch of
`ArticleRecord.text`, the text highlights are stored against.  The map is
made as the document is, never recovered by matching rendered blocks
against the text, so a line break inside an entry (the quote boxes of
每周一学), doubled spaces or an empty paragraph cannot lose it.  Inside a
paragraph or entry a "\\n" is shown as a line break in the same block
(U+2028), one document position for one character, so offsets stay linear.
Full-width punctuation (reader/ui/punctuation.py) is shown the same way: one
character for one, so the map, the hits and the highlights do not move.

The search hits are marked while inserting too (every field but the kind
name, the defects and the joining words); their positions are returned in
document order, so what is marked and what F3 steps through are the same.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from reader.models import ArticleRecord
from reader.ui.labels import defect_labels, kind_name
from reader.ui.punctuation import full_width
from reader.ui.titles import untitled_name

FONT_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "serif")

#: Base size of the body text in points at zoom 0.
BASE_POINT_SIZE = 13.0

#: Qt's proportional line height multiplies the font's own line spacing, which for the
#: Noto CJK faces is already about 1.45em: 118% of it gives the ~1.7em a Chinese page wants.
LINE_HEIGHT = 118

#: How a line break inside a paragraph or entry is shown: a break in the same block.
LINE_BREAK = "\u2028"


#: The line spacing the pane had before it could be chosen, in tenths of an em (~1.7em).
DEFAULT_LINE_SPACING = 17


@dataclass(frozen=True)
class Typography:
    """What the reader chose in 阅读设置 (the size is the zoom, kept apart)."""

    #: a font family put before FONT_FAMILIES; None: FONT_FAMILIES alone
    family: str | None = None
    #: line spacing of the text blocks in tenths of an em (17: the ~1.7em default)
    line_spacing: int = DEFAULT_LINE_SPACING
    #: paragraphs and entries set flush on both sides (else ragged right)
    justify: bool = False
    #: the 2em indent at the start of each paragraph
    indent: bool = True
    #: ASCII punctuation in Chinese text shown full width (the stored text stays as it is)
    full_width: bool = False

    @property
    def families(self) -> list[str]:
        return [self.family, *FONT_FAMILIES] if self.family else list(FONT_FAMILIES)


DEFAULT_TYPOGRAPHY = Typography()


@dataclass(frozen=True)
class Theme:
    name: str
    text: str
    background: str
    muted: str
    accent: str
    hit: str
    hit_text: str


LIGHT = Theme("light", "#1f1f1f", "#fbfaf6", "#6b6b6b", "#9b2c2c", "#ffe27a", "#1f1f1f")
DARK = Theme("dark", "#e6e2d8", "#1d1f21", "#9a9a9a", "#e08a7a", "#8a6d1a", "#fff6d8")


@dataclass(frozen=True)
class Style:
    """One kind of block; sizes and margins in ems of the body text (margins as CSS px)."""

    size: float = 1.0
    colour: str = "text"  # a Theme field
    bold: bool = False
    top: float = 0.0
    bottom: float = 0.8
    indent: float = 0.0
    line_height: int | None = LINE_HEIGHT  # percent; None: the font's single spacing
    align_right: bool = False
    centre: bool = False
    heading: int = 0


#: The kinds of block.  The headings are 2× and 1.5× the body: the sizes the pane showed when
#: it was HTML (Qt sized h1/h2 by their level, xx-large and x-large, over the stylesheet).
STYLES: dict[str, Style] = {
    "origin": Style(size=0.8, colour="muted", bottom=0.6, line_height=None),
    # a whole page (reader/ui/page_document.py): its name, its contents, the rule between items
    "page": Style(size=1.5, bold=True, bottom=0.6, line_height=None, heading=1),
    "contents": Style(size=0.95, colour="accent", bottom=0.15, line_height=None),
    "divider": Style(size=0.9, colour="muted", top=1.2, bottom=1.2, centre=True),
    "label": Style(size=0.85, colour="accent", bottom=0.3),
    "kicker": Style(size=1.05, colour="muted", bottom=0.2),
    "title": Style(size=2.0, bold=True, bottom=0.6, line_height=100, heading=1),
    "byline": Style(size=0.9, colour="muted", bottom=1.2),
    "subhead": Style(size=1.5, bold=True, top=1.0, bottom=0.5, line_height=None, heading=2),
    "body": Style(indent=2.0),
    "entry": Style(bottom=0.3),
    "source": Style(size=0.85, colour="muted", align_right=True),
    "credit": Style(size=0.85, colour="muted"),
    "defects": Style(size=0.75, colour="muted", top=1.5),
}


@dataclass(frozen=True)
class Segment:
    """A stretch of `ArticleRecord.text` shown unbroken from a document position on."""

    position: int  # where it starts in the document
    offset: int  # where it starts in ArticleRecord.text
    length: int


@dataclass(frozen=True)
class TextMap:
    """Document positions ↔ offsets into `ArticleRecord.text`, as boundaries between characters.

    Consecutive blocks holding consecutive pieces are one segment (the block
    break stands for the "\\n" joining them); where something else stands
    between two pieces (an entry's source line) the joining "\\n" is the
    step from the end of one segment to the start of the next.  So every
    offset from 0 to len(text) has a position, and back.
    """

    segments: tuple[Segment, ...] = ()

    def position(self, offset: int) -> int | None:
        for segment in self.segments:
            if segment.offset <= offset <= segment.offset + segment.length:
                return segment.position + offset - segment.offset
        return None

    def to_document(self, start: int, end: int) -> tuple[int, int] | None:
        """Document positions of the text offsets [start, end); None if they are not shown."""
        first, last = self.position(start), self.position(end)
        if first is None or last is None or first > last:
            return None
        return first, last

    def to_text(self, start: int, end: int) -> tuple[int, int] | None:
        """Text offsets of the document range [start, end), clipped to the article text.

        A range that begins (ends) outside the text, in a title or a source
        line, begins at the next (ends at the previous) stretch of text; None
        if no text is left.
        """
        first = last = None
        for segment in self.segments:
            seg_end = segment.position + segment.length
            if first is None and start <= seg_end:
                first = segment.offset + max(0, start - segment.position)
            if segment.position <= end:
                last = segment.offset + min(end, seg_end) - segment.position
        if first is None or last is None or first >= last:
            return None
        return first, last


@dataclass(frozen=True)
class BuiltArticle:
    text_map: TextMap
    #: document ranges of the search hits, in order
    hits: tuple[tuple[int, int], ...]


def _one_block(text: str) -> str:
    """Line breaks as breaks inside the block: one position for one character."""
    return text.replace("\n", LINE_BREAK).replace("\r", LINE_BREAK)


def hit_pattern(terms: Iterable[str]) -> re.Pattern | None:
    """One pattern for all terms, longest first (网格员 wins over 网格 inside it)."""
    words = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


@dataclass(frozen=True)
class Plain:
    """The window's own words between pieces of page text (never marked as a hit)."""

    text: str


@dataclass(frozen=True)
class _BlockFormats:
    block: QTextBlockFormat
    char: QTextCharFormat
    hit: QTextCharFormat


#: The styles of the article's own running text: the reader's alignment and indent apply.
RUNNING_TEXT = ("body", "entry")


@functools.lru_cache(maxsize=8)
def _formats(theme: Theme, point_size: float,
             typography: Typography = DEFAULT_TYPOGRAPHY) -> dict[str, _BlockFormats]:
    """The formats of every style at one size, theme and typography, made once: every
    setter call into PySide6 6.12 on Python 3.11 drops a reference to None (see
    `build_article`)."""
    px = point_size * 96 / 72  # margins and indents are pixels, as the CSS's were
    made = {}
    for name, style in STYLES.items():
        block = QTextBlockFormat()
        block.setTopMargin(round(px * style.top))
        block.setBottomMargin(round(px * style.bottom))
        indent = style.indent if typography.indent or name != "body" else 0.0
        block.setTextIndent(round(px * indent))
        line_height = style.line_height
        if line_height == LINE_HEIGHT:  # the text's spacing; headings keep their own
            line_height = round(LINE_HEIGHT * typography.line_spacing / DEFAULT_LINE_SPACING)
        if line_height is not None:
            block.setLineHeight(line_height,
                                QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if style.align_right:
            block.setAlignment(Qt.AlignmentFlag.AlignRight)
        if style.centre:
            block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if typography.justify and name in RUNNING_TEXT:
            block.setAlignment(Qt.AlignmentFlag.AlignJustify)
        block.setHeadingLevel(style.heading)
        char = QTextCharFormat()
        char.setFontFamilies(typography.families)
        char.setFontPointSize(point_size * style.size)
        char.setFontWeight(QFont.Weight.Bold if style.bold else QFont.Weight.Normal)
        char.setForeground(QColor(getattr(theme, style.colour)))
        hit = QTextCharFormat(char)
        hit.setBackground(QColor(theme.hit))
        hit.setForeground(QColor(theme.hit_text))
        made[name] = _BlockFormats(block, char, hit)
    return made


class Writer:
    """Inserts blocks and text, keeping the text map and the hits."""

    def __init__(self, document: QTextDocument, theme: Theme, point_size: float,
                 pattern: re.Pattern | None, typography: Typography = DEFAULT_TYPOGRAPHY):
        self.cursor = QTextCursor(document)
        self.formats = _formats(theme, point_size, typography)
        self.pattern = pattern
        self.full_width = typography.full_width
        self.segments: list[Segment] = []
        self.hits: list[tuple[int, int]] = []
        self._first = True
        self._current = self.formats["body"]

    def pieces(self, style_name: str, pieces: list[str], offset: int) -> None:
        """Consecutive paragraphs or entries, one block each, starting at `offset` in the
        article text.  One insertText for all: its "\n"s start new blocks of the same style
        and stand for the "\n"s that join the pieces in ArticleRecord.text."""
        self.block(style_name, "\n".join(_one_block(piece) for piece in pieces), offset=offset)

    def block(self, style_name: str, *parts: str | Plain, offset: int | None = None) -> None:
        """A new block of this style holding `parts`: page text (str, hits marked) and
        `Plain` words; `offset`: where the one part starts in the article text (it comes
        from `pieces`)."""
        formats = self.formats[style_name]
        self._current = formats
        if self._first:
            self.cursor.setBlockFormat(formats.block)
            self.cursor.setBlockCharFormat(formats.char)
            self._first = False
        else:
            self.cursor.insertBlock(formats.block, formats.char)
        runs: list[tuple[str, bool]] = []  # (text, is a hit), the unmarked ones joined
        for part in parts:
            if isinstance(part, Plain):
                runs.append((_one_block(part.text), False))
                continue
            text = _one_block(part.replace("\r\n", "\n")) if offset is None else part
            if offset is not None:
                self._record(Segment(self.cursor.position(), offset, len(text)))
            # Hits are found in the text as stored and cut from the text as shown: the two
            # have the same length, character for character.
            shown = full_width(text) if self.full_width else text
            last = 0
            for match in self.pattern.finditer(text) if self.pattern else ():
                runs += [(shown[last:match.start()], False),
                         (shown[match.start():match.end()], True)]
                last = match.end()
            runs.append((shown[last:], False))
        self._insert(runs)

    def _insert(self, runs: list[tuple[str, bool]]) -> None:
        pending = ""
        for text, is_hit in runs:
            if not is_hit:
                pending += text
                continue
            if pending:
                self.cursor.insertText(pending, self._current.char)
                pending = ""
            start = self.cursor.position()
            self.cursor.insertText(text, self._current.hit)
            self.hits.append((start, start + len(text)))
        if pending:
            self.cursor.insertText(pending, self._current.char)

    def _record(self, segment: Segment) -> None:
        if self.segments:
            last = self.segments[-1]
            # the next block holds the next piece: one segment, the block break is the "\n"
            if (segment.position == last.position + last.length + 1
                    and segment.offset == last.offset + last.length + 1):
                self.segments[-1] = Segment(last.position, last.offset,
                                            last.length + 1 + segment.length)
                return
        self.segments.append(segment)


def build_article(document: QTextDocument, article: ArticleRecord, terms: Iterable[str] = (),
                  theme: Theme = LIGHT, point_size: float = BASE_POINT_SIZE,
                  origin: str | None = None,
                  typography: Typography = DEFAULT_TYPOGRAPHY) -> BuiltArticle:
    """Replace the document's content with the article; its text map and hits.

    `origin` (人民日报 · 2025年1月7日 · 第19版 党建) heads the article when given.

    PySide6 6.12.0 on Python 3.11 drops a reference to None on every call that
    returns nothing, and the process aborts when None's count reaches zero
    (about 23,000 such calls after start).  So the build makes as few calls as it
    can: formats are made once per size and theme, and each run of paragraphs
    or entries is one insertBlock and one insertText (two more per hit): about
    as many calls as the HTML pane made, a tenth of setting formats per block.
    """
    document.clear()
    w = Writer(document, theme, point_size, hit_pattern(terms), typography)
    if origin:
        w.block("origin", Plain(origin))
    write_article(w, article)
    return BuiltArticle(TextMap(tuple(w.segments)), tuple(w.hits))


def write_article(w: Writer, article: ArticleRecord) -> None:
    """Type one article in at the writer's cursor (its text map goes to `w.segments`)."""
    label = " · ".join(x for x in (article.column, article.series) if x)
    kind = Plain(kind_name(article.kind))
    w.block("label", *((label, Plain(" · "), kind) if label else (kind,)))
    if article.subtitle:
        w.block("kicker", article.subtitle)
    # an untitled item is headed 「无题」: its opening words are the text right below
    w.block("title", article.title or Plain(untitled_name()))
    writers = [a for a in article.authors if a.role != "摄影"]
    if writers:
        parts: list[str | Plain] = []
        for n, author in enumerate(writers):
            parts += [Plain("　")] if n else []
            parts += [author.role, Plain(" "), author.name]
        w.block("byline", *parts)
    # The library keeps subheads apart from the paragraphs (their places are not stored),
    # so they lead the body as the article's outline.
    for subhead in article.subheads:
        w.block("subhead", subhead)
    if article.paragraphs:
        w.pieces("body", list(article.paragraphs), 0)
    # the "\n"s that join the pieces of ArticleRecord.text
    offset = sum(len(p) + 1 for p in article.paragraphs)
    group: list[str] = []  # entries up to the next one with a source line under it
    for entry in article.entries:
        group.append(entry.text)
        if entry.source:
            w.pieces("entry", group, offset)
            offset += sum(len(text) + 1 for text in group)
            group = []
            w.block("source", Plain("——"), entry.source)
    if group:
        w.pieces("entry", group, offset)
    credits = [a.name for a in article.authors if a.role == "摄影"]
    if credits:
        parts = []
        for n, name in enumerate(credits):
            parts += [Plain("、")] if n else []
            parts.append(name)
        w.block("credit", *parts, Plain(" 摄"))
    defects = defect_labels(article.defects)
    if defects:
        w.block("defects", Plain("提取问题：" + "；".join(defects)))




__all__ = ["BASE_POINT_SIZE", "DARK", "DEFAULT_LINE_SPACING", "DEFAULT_TYPOGRAPHY",
           "FONT_FAMILIES", "LIGHT", "LINE_BREAK", "LINE_HEIGHT", "STYLES", "BuiltArticle",
           "Plain", "Writer", "Segment", "Style", "TextMap", "Theme", "Typography",
           "build_article", "hit_pattern", "write_article"]
