"""Walk a window's widgets and collect every text a user can read (for language tests).

`shown_texts(widget)` gives (where, text) for each window title, label,
button, tab, menu and action text, tooltip, placeholder, combo item, item
view header and cell (tree rows four levels down); `content_words(session)`
the library's own words (paper, page and column names, titles, authors,
tags, the text), which stay Chinese in an English window.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from reader.ui.list_delegate import MarksRole, OpeningRole, SecondLineRole

#: CJK characters and punctuation, full-width forms included.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
#: Where a row's parts meet: lines, " · ", a mark or label before a title.
_PIECES = re.compile(r"\n| · |\) |\] |: ")
#: What a row shows: its text, its tooltip, and what the lists' row delegate draws beside
#: (the grey second line and opening words, the marks).
_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SecondLineRole, OpeningRole,
          MarksRole)


def _model_texts(where: str, model) -> list[tuple[str, str]]:
    found = []
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for column in range(columns):
        value = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(value, str):
            found.append((f"{where} header", value))

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), 40)):
            for column in range(columns):
                for role in _ROLES:
                    value = model.data(model.index(row, column, parent), role)
                    if isinstance(value, str):
                        found.append((f"{where} row {row}", value))
            if depth < 5:
                walk(model.index(row, 0, parent), depth + 1)

    walk(QModelIndex(), 0)
    return found


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        found += [(where, widget.windowTitle()), (where, widget.toolTip())]
        if isinstance(widget, (QAbstractButton, QLabel)):
            found.append((where, widget.text()))
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            found.append((where, widget.placeholderText()))
        if isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        if isinstance(widget, QMenu):
            found.append((where, widget.title()))
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                found += [(where, widget.tabText(i)), (where, widget.tabToolTip(i))]
        if isinstance(widget, QComboBox):
            found += [(where, widget.itemText(i)) for i in range(widget.count())]
        for action in widget.actions():
            found += [(f"action of {where}", action.text()),
                      (f"action of {where}", action.toolTip())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += _model_texts(where, widget.model())
    return [(where, text) for where, text in found if text]


def content_words(session) -> list[str]:
    """The library's own words, longest first (so a title goes before a word inside it); the
    last entry is every article's text, paragraphs joined by a space (what a snippet quotes)."""
    library = session.library
    words: set[str] = set()
    texts: list[str] = []
    for issue in library.issues.all():
        # (an issue's title is the library's words: its paper, or its first headline and 等)
        words |= {issue.paper or "", issue.edition or ""}
        for article in library.articles.in_issue(issue.id):
            words |= {article.title or "", article.subtitle or "", article.column or "",
                      article.series or "", article.page_name or "", *article.paragraphs,
                      *article.subheads, *(a.name for a in article.authors),
                      *(a.role for a in article.authors), *article.tags}
            # (the title too: a concordance line quotes a piece of a headline)
            texts.append(article.title or "")
            texts.append(" ".join([*(f"{a.role}{a.name}" for a in article.authors),
                                   *article.paragraphs, *(e.text for e in article.entries),
                                   *(e.source or "" for e in article.entries)]))
    words |= {t.name for t in library.tags.summaries()}
    return [*sorted((w for w in words if w and CJK.search(w)), key=len, reverse=True),
            "\n".join(texts)]


def chinese_fragments(texts, content: list[str]) -> list[tuple[str, str]]:
    """The texts that still hold CJK once the library's own words are taken out (a list of
    names may be joined by 、 between them)."""
    *names, corpus = content
    names.sort(key=len, reverse=True)
    corpus = re.sub(r"\s", "", corpus)  # a snippet joins paragraphs its own way
    left = []
    for where, text in texts:
        # A line that quotes an article (a snippet, its opening words) is the article's.
        pieces = _PIECES.split(re.sub(r"<[^>]+>", "", text))
        # (3 characters at least: a concordance line's context ends where its headline does)
        rest = "\n".join(piece for piece in pieces
                         if len(piece.strip("…")) < 3
                         or re.sub(r"\s", "", piece.strip("…")) not in corpus)
        for word in names:
            if word in rest:
                rest = rest.replace(word, "\u25c7")
        rest = re.sub("\u25c7[、\u3000 ]*(?=\u25c7)", "", rest)
        if CJK.search(rest):
            left.append((where, text))
    return sorted(set(left))
