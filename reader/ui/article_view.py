"""The article pane: one article typeset as HTML built from escaped text only.

`article_html` escapes every field with `html.escape` before it becomes
markup; search hits are found in the raw text and wrapped in a highlight
span around their escaped pieces, so nothing the page file says can become
a tag, an entity or a link.  `ArticleView` shows it in a QTextBrowser with
Chinese typography (CJK font fallbacks, line height 1.7, a readable measure
of about 38em kept by the root frame's side margins), zoom, a light and a
dark palette, and next/previous hit navigation.

The reader's own highlights are drawn as extra selections over the
document (never as markup), placed through a map from document positions
to offsets in `ArticleRecord.text`, the text highlights are anchored in:
each body paragraph and entry is one block of the document, matched to its
segment of that text in order.  A selection in the pane maps back through
the same table (`selection_offsets`), so what the reader marks is stored as
offsets, quote, prefix and suffix of the article's own text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QWidget

from reader.models import ArticleRecord, Highlight
from reader.ui.labels import defect_labels, kind_name, untitled

FONT_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "serif")

#: Base size of the body text in points at zoom 0, the zoom step, and the zoom limits.
BASE_POINT_SIZE = 13.0
ZOOM_STEP = 1.0
ZOOM_RANGE = (-6, 14)

#: Qt's proportional line height multiplies the font's own line spacing, which for the
#: Noto CJK faces is already about 1.45em: 118% of it gives the ~1.7em a Chinese page wants.
LINE_HEIGHT = 118

#: The readable measure, in ems of the body text.
MEASURE_EM = 38


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

#: Highlight colours: stored name → (menu label, light background, dark background).
HIGHLIGHT_COLORS: dict[str, tuple[str, str, str]] = {
    "yellow": (QT_TRANSLATE_NOOP("ArticleView", "黄色"), "#fff0a0", "#6e5a12"),
    "green": (QT_TRANSLATE_NOOP("ArticleView", "绿色"), "#cdeccb", "#2f5a32"),
    "blue": (QT_TRANSLATE_NOOP("ArticleView", "蓝色"), "#cfe3f7", "#27465f"),
    "pink": (QT_TRANSLATE_NOOP("ArticleView", "粉色"), "#f8d3df", "#5e2b3c"),
}


def highlight_background(color: str, theme: Theme) -> str:
    light, dark = HIGHLIGHT_COLORS.get(color, HIGHLIGHT_COLORS["yellow"])[1:]
    return dark if theme is DARK else light


@dataclass(frozen=True)
class Segment:
    """One block of the document that holds a stretch of `ArticleRecord.text`."""

    position: int  # where the block starts in the document
    offset: int  # where its text starts in ArticleRecord.text
    length: int


def stylesheet(theme: Theme, point_size: float) -> str:
    """The pane's CSS: sizes follow the zoomed base size."""
    families = ", ".join(f'"{f}"' if " " in f else f for f in FONT_FAMILIES)
    pt = point_size
    px = point_size * 96 / 72  # Qt's rich text takes margins and indents in px only
    return f"""
body {{ font-family: {families}; font-size: {pt:.1f}pt; color: {theme.text};
        background-color: {theme.background}; }}
p {{ line-height: {LINE_HEIGHT}%; margin-top: 0; margin-bottom: {px * 0.8:.0f}px; }}
p.body {{ text-indent: {px * 2:.0f}px; }}
p.label {{ color: {theme.accent}; font-size: {pt * 0.85:.1f}pt; margin-bottom: {px * 0.3:.0f}px; }}
p.kicker {{ color: {theme.muted}; font-size: {pt * 1.05:.1f}pt; margin-bottom: {px * 0.2:.0f}px; }}
h1 {{ font-size: {pt * 1.7:.1f}pt; font-weight: bold; line-height: 100%;
      margin-top: 0; margin-bottom: {px * 0.6:.0f}px; }}
h2 {{ font-size: {pt * 1.1:.1f}pt; font-weight: bold; margin-top: {px * 1.0:.0f}px;
      margin-bottom: {px * 0.5:.0f}px; }}
p.byline {{ color: {theme.muted}; font-size: {pt * 0.9:.1f}pt; margin-bottom: {px * 1.2:.0f}px; }}
p.entry {{ margin-bottom: {px * 0.3:.0f}px; }}
p.source {{ color: {theme.muted}; font-size: {pt * 0.85:.1f}pt; text-align: right; }}
p.credit {{ color: {theme.muted}; font-size: {pt * 0.85:.1f}pt; }}
p.defects {{ color: {theme.muted}; font-size: {pt * 0.75:.1f}pt; margin-top: {px * 1.5:.0f}px; }}
"""


def _hit_pattern(terms: Iterable[str]) -> re.Pattern | None:
    words = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def _marked(text: str, pattern: re.Pattern | None, theme: Theme) -> str:
    """`text` escaped, with every hit of `pattern` wrapped in a highlight span."""
    if pattern is None:
        return html.escape(text)
    out, last = [], 0
    span = f'<span style="background-color: {theme.hit}; color: {theme.hit_text};">'
    for match in pattern.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        out.append(span + html.escape(match.group()) + "</span>")
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def _photo_credits(article: ArticleRecord) -> list[str]:
    return [a.name for a in article.authors if a.role == "摄影"]


def article_html(article: ArticleRecord, terms: Iterable[str] = (), theme: Theme = LIGHT,
                 point_size: float = BASE_POINT_SIZE) -> str:
    """The article as a complete HTML document; every piece of its text escaped."""
    pattern = _hit_pattern(terms)

    def esc(text: str) -> str:
        return _marked(text, pattern, theme)

    parts = [f"<html><head><style>{stylesheet(theme, point_size)}</style></head><body>"]
    label = " · ".join(x for x in (article.column, article.series) if x)
    label_text = f"{esc(label)} · {html.escape(kind_name(article.kind))}" if label \
        else html.escape(kind_name(article.kind))
    parts.append(f'<p class="label">{label_text}</p>')
    if article.subtitle:
        parts.append(f'<p class="kicker">{esc(article.subtitle)}</p>')
    title = article.title or untitled(article.paragraphs)
    parts.append(f"<h1>{esc(title)}</h1>")
    writers = [a for a in article.authors if a.role != "摄影"]
    if writers:
        byline = "　".join(f"{esc(a.role)} {esc(a.name)}" for a in writers)
        parts.append(f'<p class="byline">{byline}</p>')
    # The library keeps subheads apart from the paragraphs (their places are not stored),
    # so they lead the body as the article's outline.
    for subhead in article.subheads:
        parts.append(f"<h2>{esc(subhead)}</h2>")
    for paragraph in article.paragraphs:
        parts.append(f'<p class="body">{esc(paragraph)}</p>')
    for entry in article.entries:
        parts.append(f'<p class="entry">{esc(entry.text)}</p>')
        if entry.source:
            parts.append(f'<p class="source">——{esc(entry.source)}</p>')
    credits = _photo_credits(article)
    if credits:
        parts.append(f'<p class="credit">{"、".join(esc(c) for c in credits)} 摄</p>')
    defects = defect_labels(article.defects)
    if defects:
        parts.append(f'<p class="defects">提取问题：{html.escape("；".join(defects))}</p>')
    parts.append("</body></html>")
    return "\n".join(parts)


def _shown_text(article: ArticleRecord) -> tuple:
    """Everything of an article the pane typesets (annotations aside)."""
    return (article.title, article.subtitle, article.column, article.series, article.kind,
            article.authors, article.subheads, article.paragraphs, article.entries,
            article.defects)


class ArticleView(QTextBrowser):
    """Shows one article; zoom, theme and search-hit stepping."""

    #: (current hit, 1-based, or 0 before the first step; number of hits)
    hit_changed = Signal(int, int)
    #: the reader asked to highlight the selection: (start, end, colour) in article text offsets
    highlight_requested = Signal(int, int, str)
    #: the reader asked to copy the selection with the article's citation
    copy_with_citation_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setPlaceholderText(self.tr("在左侧选择一篇文章"))
        self.article: ArticleRecord | None = None
        self.terms: tuple[str, ...] = ()
        self.zoom = 0
        self.theme = LIGHT
        self._hits: list[tuple[int, int]] = []
        self._current = -1
        self._segments: list[Segment] = []
        self.highlights: tuple[Highlight, ...] = ()

    # -- content -------------------------------------------------------------------

    def show_article(self, article: ArticleRecord | None, terms: Iterable[str] = ()) -> None:
        self.article = article
        self.terms = tuple(terms)
        self.highlights = article.highlights if article is not None else ()
        self._render()
        self.verticalScrollBar().setValue(0)

    def update_article(self, article: ArticleRecord) -> None:
        """The open article read again after a change: redraw what changed, keeping the place."""
        same_text = self.article is not None and article.id == self.article.id \
            and _shown_text(article) == _shown_text(self.article)
        self.article = article
        if same_text:
            self.set_highlights(article.highlights)
        else:
            self.highlights = article.highlights
            self._rerender_keeping_place()

    def set_terms(self, terms: Iterable[str]) -> None:
        """Mark other search terms in the open article (none: no marks, no hit counter)."""
        terms = tuple(terms)
        if terms == self.terms:
            return
        self.terms = terms
        self._current = -1  # a new query starts before its first hit
        self._rerender_keeping_place()

    def set_highlights(self, highlights: Iterable[Highlight]) -> None:
        """Draw these highlights (the article's current ones) without re-rendering."""
        self.highlights = tuple(highlights)
        self._draw_highlights()

    def _render(self) -> None:
        self._apply_widget_palette()
        if self.article is None:
            self.clear()
            self._segments = []
            self._hits, self._current = [], -1
            self.hit_changed.emit(0, 0)
            return
        self.setHtml(article_html(self.article, self.terms, self.theme, self.point_size))
        self._apply_measure()
        self._map_segments()
        self._find_hits()
        self._draw_highlights()

    @property
    def point_size(self) -> float:
        return BASE_POINT_SIZE + self.zoom * ZOOM_STEP

    # -- zoom and theme ---------------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        self.zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], int(steps)))
        font = QFont(self.font())
        font.setFamilies(list(FONT_FAMILIES))
        font.setPointSizeF(self.point_size)
        self.document().setDefaultFont(font)
        self._rerender_keeping_place()

    def set_dark(self, dark: bool) -> None:
        self.theme = DARK if dark else LIGHT
        self._rerender_keeping_place()

    def _rerender_keeping_place(self) -> None:
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
        current = self._current
        self._render()
        bar.setValue(round(ratio * bar.maximum()))
        if 0 <= current < len(self._hits):
            self._select_hit(current)

    def _apply_widget_palette(self) -> None:
        self.setStyleSheet(
            f"QTextBrowser {{ background-color: {self.theme.background}; "
            f"color: {self.theme.text}; border: none; }}"
        )

    def _apply_measure(self) -> None:
        """Side margins that keep lines near MEASURE_EM ems, centred in the pane."""
        em = self.point_size * self.logicalDpiX() / 72.0
        measure = MEASURE_EM * em
        side = max(em * 1.5, (self.viewport().width() - measure) / 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) < 0.5:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(em * 1.5)
        fmt.setBottomMargin(em * 2)
        root.setFrameFormat(fmt)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_measure()

    # -- the reader's highlights --------------------------------------------------------------

    def _map_segments(self) -> None:
        """Find the block of each paragraph and entry, in order (see the module docstring)."""
        self._segments = []
        pieces = [*self.article.paragraphs, *(e.text for e in self.article.entries)]
        offsets, offset = [], 0
        for piece in pieces:
            offsets.append(offset)
            offset += len(piece) + 1  # the "\n" that joins them in ArticleRecord.text
        want = 0
        block = self.document().firstBlock()
        while block.isValid() and want < len(pieces):
            if block.text() == pieces[want]:
                self._segments.append(Segment(block.position(), offsets[want], len(pieces[want])))
                want += 1
            block = block.next()

    def document_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Document positions of article-text offsets [start, end), or None if not shown."""
        first = last = None
        for segment in self._segments:
            lo, hi = max(start, segment.offset), min(end, segment.offset + segment.length)
            if lo < hi:
                if first is None:
                    first = segment.position + lo - segment.offset
                last = segment.position + hi - segment.offset
        return (first, last) if first is not None else None

    def selection_offsets(self) -> tuple[int, int] | None:
        """The selection as offsets into the article text, clipped to its body; None if none."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or not self._segments:
            return None
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        first = last = None
        for segment in self._segments:
            lo = max(start, segment.position)
            hi = min(end, segment.position + segment.length)
            if lo < hi:
                if first is None:
                    first = segment.offset + lo - segment.position
                last = segment.offset + hi - segment.position
        return (first, last) if first is not None else None

    def _draw_highlights(self) -> None:
        selections = []
        for mark in self.highlights:
            where = None if mark.orphaned else self.document_range(mark.start, mark.end)
            if where is None:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(where[0])
            cursor.setPosition(where[1], QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(highlight_background(mark.color, self.theme)))
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def scroll_to_highlight(self, highlight: Highlight) -> bool:
        """Bring a highlight into view (caret at its start); False if it is not shown."""
        where = None if highlight.orphaned else self.document_range(highlight.start, highlight.end)
        if where is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(where[1])
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        cursor.setPosition(where[0])
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def request_highlight(self, color: str = "yellow") -> bool:
        """Ask for the selection to be highlighted; False if nothing highlightable is selected."""
        offsets = self.selection_offsets()
        if offsets is None or offsets[0] >= offsets[1]:
            return False
        self.highlight_requested.emit(offsets[0], offsets[1], color)
        return True

    def contextMenuEvent(self, event) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The standard menu (copy, select all) plus 划线 in each colour when text is selected."""
        menu = self.createStandardContextMenu(pos)
        if self.textCursor().hasSelection():
            copy = menu.addAction(self.tr("复制（附引用）"))
            copy.setShortcut(QKeySequence("Ctrl+Shift+C"))
            copy.triggered.connect(self.copy_with_citation_requested)
        if self.selection_offsets() is not None:
            menu.addSeparator()
            for color, (label, _light, _dark) in HIGHLIGHT_COLORS.items():
                text = self.tr("划线（{}）").format(self.tr(label))
                action = menu.addAction(text)
                if color == "yellow":
                    action.setShortcut(QKeySequence("Ctrl+H"))
                action.triggered.connect(lambda _c=False, color=color: self.request_highlight(color))
        return menu

    # -- search hits ----------------------------------------------------------------------

    def _find_hits(self) -> None:
        self._hits, self._current = [], -1
        doc = self.document()
        for term in {t for t in self.terms if t.strip()}:
            cursor = QTextCursor(doc)
            while True:
                cursor = doc.find(term, cursor)
                if cursor.isNull():
                    break
                self._hits.append((cursor.selectionStart(), cursor.selectionEnd()))
        self._hits.sort()
        # A shorter term inside a longer one (网格 in 网格员) is one hit, not two.
        kept: list[tuple[int, int]] = []
        for start, end in self._hits:
            if kept and start < kept[-1][1]:
                kept[-1] = (kept[-1][0], max(end, kept[-1][1]))
            else:
                kept.append((start, end))
        self._hits = kept
        self.hit_changed.emit(0, len(self._hits))

    @property
    def hit_count(self) -> int:
        return len(self._hits)

    @property
    def current_hit(self) -> int:
        """1-based number of the selected hit, 0 when none is selected."""
        return self._current + 1

    def next_hit(self) -> bool:
        if not self._hits:
            return False
        self._select_hit((self._current + 1) % len(self._hits))
        return True

    def previous_hit(self) -> bool:
        if not self._hits:
            return False
        self._select_hit((self._current - 1) % len(self._hits))
        return True

    def _select_hit(self, number: int) -> None:
        self._current = number
        start, end = self._hits[number]
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.hit_changed.emit(number + 1, len(self._hits))


__all__ = ["DARK", "HIGHLIGHT_COLORS", "LIGHT", "ArticleView", "article_html"]
