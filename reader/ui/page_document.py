"""A whole printed page as one document: its name, a table of contents, then every article.

`build_page(document, content, terms, theme, point_size, typography)` types the page in
with the article pane's writer (reader/ui/article_document.py), so the text
stays plain and looks as it does in the pane: where the page is from
(人民日报 · 2025-01-07 · 第5版 评论), the page's name, one contents line per
article (a link to `#article-<id>`, the window's own anchor, never page
text), then the articles in page order with a rule between them.  Each
article's text map is recorded on its own (`PlacedArticle`), so the
reader's highlights are drawn on every article of the page; search hits are
marked across the page, in document order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

from reader.app.archive import PageContent
from reader.app.display import article_opening
from reader.ui import wording
from reader.ui.article_document import (
    BASE_POINT_SIZE,
    DEFAULT_TYPOGRAPHY,
    LIGHT,
    Plain,
    TextMap,
    Theme,
    Typography,
    Writer,
    hit_pattern,
    write_article,
)
from reader.ui.counts import Counts
from reader.ui.labels import marked_title
from reader.ui.punctuation import full_width
from reader.ui.titles import one_line_title

#: The rule between two items.
DIVIDER = "◆　　◆　　◆"
#: Links of the contents point at `ANCHOR_PREFIX` + the article's id.
ANCHOR_PREFIX = "article-"


@dataclass(frozen=True)
class PlacedArticle:
    """Where one article of the page went: its first block and its text map."""

    article_id: int
    start: int  # document position of its first block
    text_map: TextMap


@dataclass(frozen=True)
class BuiltPage:
    articles: tuple[PlacedArticle, ...]
    #: document ranges of the search hits, in order
    hits: tuple[tuple[int, int], ...]


def article_title(article) -> str:
    """A contents line's title: the headline, or 「无题」 and the opening words."""
    return one_line_title(article.title or "", article_opening(article, 24))


def build_page(document: QTextDocument, content: PageContent, terms: Iterable[str] = (),
               theme: Theme = LIGHT, point_size: float = BASE_POINT_SIZE,
               typography: Typography = DEFAULT_TYPOGRAPHY) -> BuiltPage:
    """Replace the document's content with the page; where each article went and the hits."""
    document.clear()
    w = Writer(document, theme, point_size, hit_pattern(terms), typography)
    w.block("origin", Plain(wording.page_origin(content.page)))
    w.block("page", Plain(wording.node_label(content.page)))
    # The contents' heading: how many items the page holds.
    w.block("origin", Plain(Counts.tr("本版 %n 篇", "", len(content.articles))))
    link = QTextCharFormat()
    for article in content.articles:
        title = article_title(article)
        title = full_width(title) if typography.full_width else title  # as the article shows it
        w.block("contents", Plain(marked_title(article.kind, title)))
        # The whole line is the link (the window's anchor around the title's plain text).
        line = QTextCursor(w.cursor)
        line.movePosition(QTextCursor.MoveOperation.StartOfBlock,
                          QTextCursor.MoveMode.KeepAnchor)
        link.setAnchor(True)
        link.setAnchorHref(f"#{ANCHOR_PREFIX}{article.id}")
        line.mergeCharFormat(link)
    placed = []
    for number, article in enumerate(content.articles):
        if number:
            w.block("divider", Plain(DIVIDER))
        start = w.cursor.position() + 1  # the article's first block comes after this one
        w.segments = []
        write_article(w, article)
        placed.append(PlacedArticle(article.id, start, TextMap(tuple(w.segments))))
    return BuiltPage(tuple(placed), tuple(w.hits))


def anchor_article(href: str) -> int | None:
    """The article a contents link points at (None for anything else)."""
    name = href.lstrip("#")
    if not name.startswith(ANCHOR_PREFIX) or not name[len(ANCHOR_PREFIX):].isdigit():
        return None
    return int(name[len(ANCHOR_PREFIX):])


__all__ = ["ANCHOR_PREFIX", "BuiltPage", "PlacedArticle", "anchor_article", "build_page"]
