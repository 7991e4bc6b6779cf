"""The article pane: one article in a QTextBrowser, its hits, and the reader's highlights.

`ArticleView` shows the document `reader.ui.article_document` types in
(plain text only, Chinese typography, a light and a dark theme), keeps the
readable measure of about 38em with the root frame's side margins, zooms,
and steps through the search hits (F3), scrolling each to about a third
of the pane's height.  `set_terms` re-marks the open article for another
query and `clear_hits` takes the marks away (Esc).

The reader's own highlights are drawn as extra selections over the
document (never as markup), placed through the text map recorded while the
document was built (`TextMap`: document positions ↔ offsets in
`ArticleRecord.text`, the text highlights are anchored in).  A selection in
the pane maps back through the same map (`selection_offsets`), so what the
reader marks is stored as offsets, quote, prefix and suffix of the
article's own text.

The same map says which body paragraph a point or the caret is in
(`paragraph_at`, `current_paragraph`): what the 更正 commands of
reader/ui/correction_commands.py act on, added to the context menu through
`extend_context_menu`.  A corrected article says so in its header (✎ 已更正);
its corrected paragraphs (`set_originals`) are underlined with dots and show
their original, as plain text, on hover.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.models import ArticleRecord, Highlight
from reader.ui.article_document import (
    BASE_POINT_SIZE,
    DARK,
    DEFAULT_TYPOGRAPHY,
    LIGHT,
    BuiltArticle,
    TextMap,
    Theme,
    Typography,
    build_article,
)
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.plain import plain_tooltip
from reader.ui.wording import origin as article_origin

#: The zoom step in points and the zoom limits.
ZOOM_STEP = 1.0
ZOOM_RANGE = (-6, 14)

#: The readable measure, in ems of the body text.
MEASURE_EM = 38

#: Where a hit (or a highlight) is brought to: this fraction of the pane's height from the top.
HIT_HEIGHT = 1 / 3

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


def highlight_selection(view: QTextEdit, where: tuple[int, int], color: str,
                        theme: Theme) -> QTextEdit.ExtraSelection:
    """A highlight drawn over document positions `where` of `view` (the article pane and
    the whole-page view draw them alike)."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(highlight_background(color, theme)))
    return _drawn_over(view, where, fmt)


def corrected_selection(view: QTextEdit, where: tuple[int, int],
                        theme: Theme) -> QTextEdit.ExtraSelection:
    """A corrected paragraph: a dotted underline in the muted colour (drawn over the text,
    never typed into it, so the text map stays as it is)."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(QColor(theme.muted))
    return _drawn_over(view, where, fmt)


def _drawn_over(view: QTextEdit, where: tuple[int, int],
                fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
    # An extra selection is drawn over the document, never typed into it.
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(view.document())
    cursor.setPosition(where[0])
    cursor.setPosition(where[1], QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    selection.format = fmt
    return selection


def _shown_text(article: ArticleRecord) -> tuple:
    """Everything of an article the pane typesets (annotations aside)."""
    return (article_origin(article.origin, column=False), article.title, article.subtitle, article.column,
            article.series, article.kind,
            article.authors, article.subheads, article.paragraphs, article.entries,
            article.defects, article.corrected)


class ArticleView(QTextBrowser):
    """Shows one article; zoom, theme and search-hit stepping."""

    #: (current hit, 1-based, or 0 before the first step; number of hits)
    hit_changed = Signal(int, int)
    #: the reader asked to highlight the selection: (start, end, colour) in article text offsets
    highlight_requested = Signal(int, int, str)
    #: the reader asked to copy the selection with the article's citation
    copy_with_citation_requested = Signal()
    #: right-click on a highlight: recolour it (id, colour), write its note (the
    #: Highlight), delete it (id)
    recolor_highlight_requested = Signal(int, str)
    highlight_note_requested = Signal(object)
    delete_highlight_requested = Signal(int)

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
        #: the reader's font, spacing, alignment, indent and punctuation (阅读设置)
        self.typography: Typography = DEFAULT_TYPOGRAPHY
        self._hits: list[tuple[int, int]] = []
        self._current = -1
        self.text_map = TextMap()
        self.highlights: tuple[Highlight, ...] = ()
        #: the original text of the open article's corrected paragraphs (number → text)
        self.originals: dict[int, str] = {}
        #: adds the 更正 commands to the context menu: (menu, paragraph number or None);
        #: the window sets it (reader/ui/correction_commands.py)
        self.extend_context_menu: Callable[[QMenu, int | None], None] | None = None

    # -- content -------------------------------------------------------------------

    def show_article(self, article: ArticleRecord | None, terms: Iterable[str] = ()) -> None:
        self.article = article
        self.originals = {}
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

    def set_highlights(self, highlights: Iterable[Highlight]) -> None:
        """Draw these highlights (the article's current ones) without re-rendering."""
        self.highlights = tuple(highlights)
        self._draw_highlights()

    def _render(self) -> None:
        self._apply_widget_palette()
        if not self._has_content():
            self.clear()
            self.text_map = TextMap()
            self._hits, self._current = [], -1
            self.hit_changed.emit(0, 0)
            return
        built = self._build()
        self.text_map = built.text_map
        self.setTextCursor(QTextCursor(self.document()))  # the build left the caret at the end
        self._apply_measure()
        self._hits, self._current = list(built.hits), -1
        self.hit_changed.emit(0, len(self._hits))
        self._draw_highlights()

    def _has_content(self) -> bool:
        return self.article is not None

    def _build(self) -> BuiltArticle:
        """Type the article in (a page view types a whole page); a corrected one says so
        in its header."""
        assert self.article is not None
        origin = article_origin(self.article.origin, column=False)
        if self.article.corrected:
            origin = "　".join(x for x in (origin, "✎ " + self.tr("已更正")) if x)
        return build_article(self.document(), self.article, self.terms, self.theme,
                             self.point_size, origin=origin, typography=self.typography)

    @property
    def point_size(self) -> float:
        return BASE_POINT_SIZE + self.zoom * ZOOM_STEP

    # -- zoom and theme ---------------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        self.zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], int(steps)))
        self._set_default_font()
        self._rerender_keeping_place()

    def set_typography(self, typography: Typography) -> None:
        """Typeset again with the reader's font, spacing, alignment, indent, punctuation."""
        if typography == self.typography:
            return
        self.typography = typography
        self._set_default_font()
        self._rerender_keeping_place()

    def _set_default_font(self) -> None:
        font = QFont(self.font())
        font.setFamilies(self.typography.families)
        font.setPointSizeF(self.point_size)
        self.document().setDefaultFont(font)

    def set_dark(self, dark: bool) -> None:
        self.theme = DARK if dark else LIGHT
        self._rerender_keeping_place()

    def retranslate(self) -> None:
        """The language changed: the heading lines (where from, kind, defects) are the
        window's words, so the article is typeset again where the reader was."""
        self._rerender_keeping_place()

    def _rerender_keeping_place(self) -> None:
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
        current = self._current
        caret = self._text_offset(self.textCursor().position())
        self._render()
        place = self.text_map.position(caret) if caret is not None else None
        if place is not None and place < self.document().characterCount():
            # the caret stays at its place in the text (the header above may have changed):
            # a keyboard correction acts on its paragraph
            cursor = QTextCursor(self.document())
            cursor.setPosition(place)
            self.setTextCursor(cursor)
        bar.setValue(round(ratio * bar.maximum()))
        if 0 <= current < len(self._hits):
            self._select_hit(current)

    def _apply_widget_palette(self) -> None:
        # The scroll bar is styled with the page: under a style sheet it no longer takes the
        # application's (dark) palette, and a white bar beside a dark page glares.
        t = self.theme
        self.setStyleSheet(
            f"QTextBrowser {{ background-color: {t.background}; color: {t.text}; border: none; }}"
            f"QScrollBar:vertical {{ background: {t.background}; width: 12px; margin: 0; }}"
            f"QScrollBar::handle:vertical {{ background: {t.muted}; min-height: 32px; "
            f"border-radius: 4px; margin: 2px; }}"
            "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }"
            "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"
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

    def keyPressEvent(self, event) -> None:
        # A read-only browser moves no caret on Ctrl+Home/End, so it does not scroll either:
        # the top and the end of the text, as in every reader (Space and Shift+Space page,
        # reader/ui/reading_commands.py).
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End) and modifiers in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier):
            bar = self.verticalScrollBar()
            bar.setValue(bar.minimum() if event.key() == Qt.Key.Key_Home else bar.maximum())
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the reader's highlights --------------------------------------------------------------

    def document_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Document positions of article-text offsets [start, end), or None if not shown."""
        return self.text_map.to_document(start, end)

    def selection_offsets(self) -> tuple[int, int] | None:
        """The selection as offsets into the article text, clipped to its body; None if none."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.text_map.to_text(cursor.selectionStart(), cursor.selectionEnd())

    def set_originals(self, originals: dict[int, str]) -> None:
        """The corrected paragraphs' originals: they are underlined (dotted) and hovering one
        shows its original."""
        self.originals = dict(originals)
        self._draw_highlights()

    def tooltip_at(self, pos: QPoint) -> str:
        """What hovering a point of the viewport shows: a corrected paragraph's original."""
        number = self.paragraph_at(pos)
        original = self.originals.get(number) if number is not None else None
        if original is None:
            return ""
        return self.tr("原文（已更正，可在 更正 → 修改此段文字… 中恢复）：") + "\n" + original

    def viewportEvent(self, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip and self.originals:
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), plain_tooltip(tip), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _paragraph_range(self, number: int) -> tuple[int, int] | None:
        if self.article is None or not 1 <= number <= len(self.article.paragraphs):
            return None
        start = sum(len(p) + 1 for p in self.article.paragraphs[:number - 1])
        return self.document_range(start, start + len(self.article.paragraphs[number - 1]))

    def shown_highlights(self) -> list[tuple[Highlight, tuple[int, int]]]:
        """The highlights on screen, each with the document positions it covers."""
        shown = []
        for mark in self.highlights:
            where = None if mark.orphaned else self.document_range(mark.start, mark.end)
            if where is not None:
                shown.append((mark, where))
        return shown

    def _draw_highlights(self) -> None:
        selections = []
        for number in sorted(self.originals):
            where = self._paragraph_range(number)
            if where is not None:
                selections.append(corrected_selection(self, where, self.theme))
        selections.extend(highlight_selection(self, where, mark.color, self.theme)
                          for mark, where in self.shown_highlights())
        self.setExtraSelections(selections)

    def highlight_at(self, pos: QPoint) -> Highlight | None:
        """The highlight under a point of the viewport, or None."""
        position = self.cursorForPosition(pos).position()
        return next((mark for mark, (start, end) in self.shown_highlights()
                     if start <= position <= end), None)

    def scroll_to_highlight(self, highlight: Highlight) -> bool:
        """Bring a highlight into view (caret at its start); False if it is not shown."""
        where = None if highlight.orphaned else self.document_range(highlight.start, highlight.end)
        if where is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(where[0])
        self._bring_to_reading_height(cursor)
        return True

    def select_text_range(self, start: int, end: int) -> bool:
        """Select article-text offsets [start, end) and bring them to reading height (a
        concordance line opened); False if that stretch is not shown."""
        where = self.document_range(start, end)
        if where is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(where[0])
        cursor.setPosition(where[1], QTextCursor.MoveMode.KeepAnchor)
        self._bring_to_reading_height(cursor)
        return True

    def request_highlight(self, color: str = "yellow") -> bool:
        """Ask for the selection to be highlighted; False if nothing highlightable is selected."""
        offsets = self.selection_offsets()
        if offsets is None or offsets[0] >= offsets[1]:
            return False
        self.highlight_requested.emit(offsets[0], offsets[1], color)
        return True

    # -- paragraphs (what a correction acts on) ------------------------------------------------

    def _text_offset(self, position: int) -> int | None:
        """The offset in the article text at a document position (None: not in the text)."""
        for segment in self.text_map.segments:
            if segment.position <= position <= segment.position + segment.length:
                return segment.offset + position - segment.position
        return None

    def paragraph_at_position(self, position: int) -> int | None:
        """The 1-based number of the body paragraph at a document position (None: the
        position is in the title, a subhead, an entry or outside the text)."""
        offset = self._text_offset(position)
        if self.article is None or offset is None:
            return None
        number = self.article.text.count("\n", 0, offset) + 1
        return number if number <= len(self.article.paragraphs) else None

    def paragraph_at(self, pos: QPoint) -> int | None:
        """The body paragraph under a point of the viewport (a right-click)."""
        return self.paragraph_at_position(self.cursorForPosition(pos).position())

    def current_paragraph(self) -> int | None:
        """The paragraph a keyboard command acts on: the caret's (placed by a click or a
        selection), else the first one whose start is in view."""
        number = self.paragraph_at_position(self.textCursor().position())
        if number is not None or self.article is None:
            return number
        offset = 0
        for number, paragraph in enumerate(self.article.paragraphs, start=1):
            position = self.text_map.position(offset)
            if position is not None:
                cursor = QTextCursor(self.document())
                cursor.setPosition(position)
                if self.cursorRect(cursor).top() >= 0:
                    return number
            offset += len(paragraph) + 1
        return len(self.article.paragraphs) or None

    def select_paragraph(self, number: int) -> bool:
        """Put the caret at the start of a paragraph (what a click there does); False if
        the article has no such paragraph."""
        if self.article is None or not 1 <= number <= len(self.article.paragraphs):
            return False
        offset = sum(len(p) + 1 for p in self.article.paragraphs[:number - 1])
        position = self.text_map.position(offset)
        if position is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        self.setTextCursor(cursor)
        return True

    def contextMenuEvent(self, event) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The standard menu (copy, select all) plus 划线 in each colour when text is
        selected; over a highlight, 改颜色, 批注… and 删除高亮 for it."""
        menu = self.createStandardContextMenu(pos)
        mark = self.highlight_at(pos)
        if mark is not None:
            self._highlight_menu(menu, mark)
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
        if self.extend_context_menu is not None and self.article is not None:
            menu.addSeparator()
            self.extend_context_menu(menu, self.paragraph_at(pos))
        return menu

    def _highlight_menu(self, menu: QMenu, mark: Highlight) -> None:
        """What can be done to the highlight under the pointer, first in the menu."""
        first = menu.actions()[0] if menu.actions() else None
        colours = QMenu(self.tr("改颜色"), menu)
        for color, (label, _light, _dark) in HIGHLIGHT_COLORS.items():
            action = colours.addAction(self.tr(label))
            action.setCheckable(True)
            action.setChecked(color == mark.color)
            action.triggered.connect(
                lambda _c=False, color=color: self.recolor_highlight_requested.emit(mark.id, color))
        note = QAction(self.tr("批注…"), menu)
        note.triggered.connect(lambda: self.highlight_note_requested.emit(mark))
        delete = QAction(self.tr("删除高亮"), menu)
        delete.triggered.connect(lambda: self.delete_highlight_requested.emit(mark.id))
        if first is None:  # (the standard menu always has Copy and Select All)
            menu.addMenu(colours)
            menu.addActions([note, delete])
            return
        menu.insertMenu(first, colours)
        menu.insertActions(first, [note, delete])
        menu.insertSeparator(first)

    # -- search hits ----------------------------------------------------------------------

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

    def set_terms(self, terms: Iterable[str]) -> None:
        """Mark another query's words in the open article, staying where the reader is."""
        terms = tuple(terms)
        if terms == self.terms:
            return
        self.terms = terms
        self._current = -1
        self._rerender_keeping_place()

    def clear_hits(self) -> None:
        """Take the search marks and the hit count away (Esc)."""
        self.set_terms(())

    def _select_hit(self, number: int) -> None:
        self._current = number
        start, end = self._hits[number]
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._bring_to_reading_height(cursor)
        self.hit_changed.emit(number + 1, len(self._hits))

    def _bring_to_reading_height(self, cursor: QTextCursor) -> None:
        """Select `cursor` and scroll its first line to HIT_HEIGHT of the pane, as far as the
        document allows: the eye finds it where it reads, with the context after it in view."""
        self.setTextCursor(cursor)
        self.ensureCursorVisible()  # lays the document out down to it
        start = QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        bar = self.verticalScrollBar()
        target = self.viewport().height() * HIT_HEIGHT
        bar.setValue(bar.value() + round(self.cursorRect(start).top() - target))


__all__ = ["DARK", "HIGHLIGHT_COLORS", "LIGHT", "ArticleView"]
