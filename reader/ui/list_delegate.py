"""One way to draw a row of the navigator's lists, the result list and the tree's titles.

A row is drawn from item-data roles, never from markup (text from pages and
users is plain text; nothing is guessed as rich text):

    [swatch] name  opening words  marks                  ● ● count
             second line, in grey
             snippet, two lines at most, its 【hits】 bold on a highlight

- `Qt.DisplayRole`: the name (a tag, an author, a title, 「无题」);
- `OpeningRole`: grey words after the name (an untitled article's opening words);
- `MarksRole`: short grey marks after those (✎, 已更正 …: room for more kinds);
- `StrongRole`: the name and the count in bold (a node with unread articles);
- `CountRole`: a number (or short text) right-aligned on the first line;
- `DotsRole`: colours (names or #rrggbb) drawn as small dots before the count
  (the tags of an article that have a colour);
- `SwatchRole`: a colour drawn as a square before the name (a tag's colour, a
  highlight's colour); an invalid QColor draws an empty box (a tag without one);
- `SecondLineRole`: a grey line under the first;
- `SnippetRole` (a search result's snippet, hits between 【 】): up to two lines.

Everything is elided at the right edge, never wrapped into the next row,
and every colour but the swatches and dots comes from the palette, so the
selection and the dark theme need nothing of their own.  Rows of one list
have one height (what the roles present ask for), computed without laying
out text, so long lists scroll as fast as plain ones.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.search import HIT_END, HIT_START

_USER = Qt.ItemDataRole.UserRole
SecondLineRole = _USER + 40
OpeningRole = _USER + 41
CountRole = _USER + 42
SwatchRole = _USER + 43
DotsRole = _USER + 44
StrongRole = _USER + 45
MarksRole = _USER + 46
#: The snippet of a search hit, its hits between HIT_START and HIT_END.
SnippetRole = _USER + 10

#: Padding around a row's text, and between its parts, in pixels.
PAD_X, PAD_Y, GAP = 6, 4, 6
#: A tag dot's diameter and the snippet's lines.
DOT = 8
SNIPPET_LINES = 2
#: A hit in a snippet: dark text on yellow, readable on either theme.
HIT_BACKGROUND, HIT_TEXT = QColor("#ffe27a"), QColor("#1f1f1f")

ModelIndex = QModelIndex | QPersistentModelIndex


def snippet_runs(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """The snippet's text without hit markers, and (start, length) of each hit in it."""
    text, hits, rest = [], [], snippet
    at = 0
    while (start := rest.find(HIT_START)) >= 0:
        end = rest.find(HIT_END, start + len(HIT_START))
        if end < 0:
            break
        text.append(rest[:start])
        at += start
        hit = rest[start + len(HIT_START):end]
        hits.append((at, len(hit)))
        text.append(hit)
        at += len(hit)
        rest = rest[end + len(HIT_END):]
    text.append(rest.replace(HIT_START, "").replace(HIT_END, ""))
    return "".join(text), hits


def _blend(top: QColor, under: QColor, amount: float) -> QColor:
    """`top` laid over `under` at `amount` (0..1), opaque."""
    return QColor.fromRgbF(top.redF() * amount + under.redF() * (1 - amount),
                           top.greenF() * amount + under.greenF() * (1 - amount),
                           top.blueF() * amount + under.blueF() * (1 - amount))


def muted(palette: QPalette, selected: bool) -> QColor:
    """The grey of second lines and counts: the placeholder colour (laid over the base when
    the style gives it as a translucent black), or on a selected row the selection's text
    faded towards the selection."""
    if selected:
        return _blend(palette.color(QPalette.ColorRole.HighlightedText),
                      palette.color(QPalette.ColorRole.Highlight), 0.7)
    grey = palette.color(QPalette.ColorRole.PlaceholderText)
    return _blend(grey, palette.color(QPalette.ColorRole.Base), grey.alphaF())


def _small(font: QFont) -> QFont:
    small = QFont(font)
    if font.pointSizeF() > 0:  # a font sized in pixels keeps its size
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.92))
    return small


class ListRowDelegate(QStyledItemDelegate):
    """Draws a row from the roles above (see the module docstring).  `pad_y`: the space
    above and below the text (the tree's one-line rows take less than a list's)."""

    def __init__(self, parent=None, pad_y: int = PAD_Y):
        super().__init__(parent)
        self.pad_y = pad_y

    # -- size ---------------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        line = QFontMetricsF(option.font).height()
        small = QFontMetricsF(_small(option.font)).height()
        height = self.pad_y * 2 + line
        if index.data(SecondLineRole):
            height += small + 1
        if index.data(SnippetRole):
            height += 2 + line * SNIPPET_LINES
        return QSize(base.width(), max(base.height(), int(height + 0.99)))

    # -- painting -----------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name = opt.text
        # The style draws the background, the selection and the focus frame; the rest is ours.
        opt.text = ""
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        grey = muted(palette, selected)
        rect = QRectF(opt.rect).adjusted(PAD_X, self.pad_y, -PAD_X, -self.pad_y)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(opt.rect)
        font = QFont(opt.font)
        font.setBold(bool(index.data(StrongRole)))
        metrics = QFontMetricsF(font)
        line = metrics.height()
        top = rect.top()
        left, right = rect.left(), rect.right()

        swatch = index.data(SwatchRole)
        if swatch is not None:
            side = round(line * 0.7)
            box = QRectF(left, top + (line - side) / 2, side, side)
            colour = QColor(swatch)
            if colour.isValid():
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(colour))
            else:  # no colour chosen (yet): an empty box keeps the names in line
                painter.setPen(grey)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                box.adjust(0.5, 0.5, -0.5, -0.5)
            painter.drawRoundedRect(box, 2, 2)
            left += side + GAP

        count = index.data(CountRole)
        if count is not None and str(count) != "":
            painter.setFont(font)
            painter.setPen(text_colour if index.data(StrongRole) else grey)
            width = metrics.horizontalAdvance(str(count))
            painter.drawText(QRectF(right - width, top, width, line),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             str(count))
            right -= width + GAP

        dots = [QColor(c) for c in index.data(DotsRole) or () if QColor(c).isValid()]
        if dots:
            # a ring in the row's own background keeps a dot apart from the selection's colour
            ring = palette.color(QPalette.ColorRole.HighlightedText if selected
                                 else QPalette.ColorRole.Base)
            painter.setPen(ring)
            for colour in reversed(dots):
                painter.setBrush(QBrush(colour))
                painter.drawEllipse(QRectF(right - DOT, top + (line - DOT) / 2, DOT, DOT))
                right -= DOT + 3
            right -= GAP - 3

        x = self._run(painter, font, text_colour, name or "", left, top, right - left, line)
        opening = index.data(OpeningRole)
        marks = " ".join(index.data(MarksRole) or ())
        for extra in (opening, marks):
            if extra and right - x > GAP * 3:
                x = self._run(painter, opt.font, grey, str(extra), x + GAP, top, right - x - GAP,
                              line)

        top += line
        second = index.data(SecondLineRole)
        if second:
            small = _small(opt.font)
            small_line = QFontMetricsF(small).height()
            self._run(painter, small, grey, str(second), rect.left(), top + 1,
                      rect.right() - rect.left(), small_line)
            top += small_line + 1
        snippet = index.data(SnippetRole)
        if snippet:
            self._snippet(painter, opt.font, text_colour, str(snippet),
                          QRectF(rect.left(), top + 2, rect.width(), line * SNIPPET_LINES))
        painter.restore()

    @staticmethod
    def _run(painter: QPainter, font: QFont, colour: QColor, text: str, x: float, top: float,
             width: float, height: float) -> float:
        """One piece of one line, elided to `width`; where the next piece may start."""
        metrics = QFontMetricsF(font)
        shown = metrics.elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight,
                                   max(0.0, width))
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QRectF(x, top, max(0.0, width), height),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                             | Qt.TextFlag.TextSingleLine), shown)
        return x + metrics.horizontalAdvance(shown)

    @staticmethod
    def _snippet(painter: QPainter, font: QFont, colour: QColor, snippet: str,
                 box: QRectF) -> None:
        """The snippet on at most SNIPPET_LINES lines, its hits bold on a highlight, cut
        with … when it goes on."""
        text, hits = snippet_runs(" ".join(snippet.split()))
        layout, end = _lay_out(text, hits, font, box.width())
        if end < len(text):  # more than fits: cut it before the end of the last line
            cut = max(0, end - 2)
            layout, _ = _lay_out(text[:cut] + "…", [(start, min(length, cut - start))
                                                    for start, length in hits if start < cut],
                                 font, box.width())
        painter.setPen(colour)
        painter.setFont(font)
        painter.save()
        painter.setClipRect(box)
        layout.draw(painter, box.topLeft())
        painter.restore()


def _lay_out(text: str, hits: list[tuple[int, int]], font: QFont, width: float
             ) -> tuple[QTextLayout, int]:
    """The text laid out in lines of `width`, at most SNIPPET_LINES, hits formatted; and
    where the text shown ends."""
    layout = QTextLayout(text, font)
    hit = QTextCharFormat()
    hit.setFontWeight(QFont.Weight.Bold)
    hit.setBackground(HIT_BACKGROUND)
    hit.setForeground(HIT_TEXT)
    ranges = []
    for start, length in hits:
        if start < len(text):
            fmt = QTextLayout.FormatRange()
            fmt.start, fmt.length, fmt.format = start, min(length, len(text) - start), hit
            ranges.append(fmt)
    layout.setFormats(ranges)
    layout.beginLayout()
    y, end = 0.0, 0
    for _ in range(SNIPPET_LINES):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
        end = line.textStart() + line.textLength()
    layout.endLayout()
    return layout, end

__all__ = ["CountRole", "DotsRole", "ListRowDelegate", "MarksRole", "OpeningRole",
           "SecondLineRole", "SnippetRole", "StrongRole", "SwatchRole", "muted",
           "snippet_runs"]
