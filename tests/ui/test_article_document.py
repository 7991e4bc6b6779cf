"""The text map of the article pane, on every article of the seeds and in the window.

Highlights are stored as offsets into `ArticleRecord.text`; the pane must
take every such range to the document and back unchanged, whatever the
article holds (quote boxes with line breaks, briefs with sources).
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reader.app import Session
from reader.models import ArticleRecord, Entry
from reader.paths import resolve_paths
from reader.ui.article_document import TextMap
from reader.ui.article_view import ArticleView
from tests.ui.conftest import select_in_tree


@pytest.fixture(scope="module")
def seed_articles(tmp_path_factory, seeded_template) -> list[ArticleRecord]:
    """Every article of every seed page, as the library stores it."""
    import shutil

    root = tmp_path_factory.mktemp("map") / "lib"
    shutil.copytree(seeded_template, root)
    with Session.open(resolve_paths(root)) as session:
        library = session.library
        return [library.articles.get(a.id) for issue in library.issues.all()
                for a in library.articles.in_issue(issue.id)]


def _document_text(view: ArticleView, start: int, end: int) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")


def _piece_bounds(article: ArticleRecord) -> list[int]:
    bounds, offset = [0], 0
    for piece in [*article.paragraphs, *(e.text for e in article.entries)]:
        offset += len(piece)
        bounds += [offset, offset + 1]
    return sorted({b for b in bounds if b <= len(article.text)})


def _ranges(article: ArticleRecord) -> set[tuple[int, int]]:
    """Every one-character range, every range from the start and to the end, every range
    between the ends of paragraphs and entries, and some at random."""
    n = len(article.text)
    ranges = {(i, i + 1) for i in range(n)} | {(0, i) for i in range(1, n + 1)} \
        | {(i, n) for i in range(n)}
    bounds = _piece_bounds(article)
    ranges |= {(a, b) for a in bounds for b in bounds if a < b}
    rng = random.Random(article.id)
    for _ in range(200 if n > 1 else 0):
        a, b = sorted(rng.sample(range(n + 1), 2))
        ranges.add((a, b))
    return ranges


def test_the_seeds_hold_what_once_could_not_be_highlighted(seed_articles):
    quotes = [a for a in seed_articles if a.column == "每周一学"]
    assert quotes and any("\n" in e.text for a in quotes for e in a.entries)
    assert any(e.source for a in seed_articles for e in a.entries)


def test_every_range_of_every_seed_article_maps_to_the_document_and_back(qtbot, seed_articles):
    view = ArticleView()
    qtbot.addWidget(view)
    checked = 0
    for article in seed_articles:
        view.show_article(article)
        text_map = view.text_map
        for segment in text_map.segments:  # each stretch of the map is the text, as shown
            end = segment.position + segment.length
            assert _document_text(view, segment.position, end) == \
                article.text[segment.offset:segment.offset + segment.length]
        # every paragraph and entry is in the document, letter for letter
        offset = 0
        for piece in [*article.paragraphs, *(e.text for e in article.entries)]:
            where = text_map.to_document(offset, offset + len(piece))
            assert where is not None, (article.id, piece[:20])
            assert _document_text(view, *where) == piece, (article.id, piece[:20])
            offset += len(piece) + 1
        for start, end in _ranges(article):
            where = text_map.to_document(start, end)
            assert where is not None, (article.id, start, end)
            assert text_map.to_text(*where) == (start, end), (article.id, start, end)
            checked += 1
        # and the same through the selection, as a drag would make it
        for start, end in sorted(_ranges(article))[::97]:
            where = text_map.to_document(start, end)
            cursor = QTextCursor(view.document())
            cursor.setPosition(where[0])
            cursor.setPosition(where[1], QTextCursor.MoveMode.KeepAnchor)
            view.setTextCursor(cursor)
            assert view.selection_offsets() == (start, end)
    assert checked > 30000


def test_zoom_and_theme_rebuild_the_same_map(qtbot, seed_articles):
    article = max(seed_articles, key=lambda a: len(a.entries))
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(article, terms=["党"])
    before = view.text_map
    view.set_zoom(4)
    view.set_dark(True)
    assert view.text_map == before and before.segments


def test_a_selection_outside_the_text_is_clipped_to_it():
    # title at 0..10, entry one at 11..15 (text 0..4), its source 16..20, entry two 21..24 (5..8)
    text_map = TextMap((_seg(11, 0, 4), _seg(21, 5, 3)))
    assert text_map.to_text(0, 10) is None  # the title only
    assert text_map.to_text(0, 13) == (0, 2)  # from the title into entry one
    assert text_map.to_text(17, 19) is None  # inside the source line
    assert text_map.to_text(13, 18) == (2, 4)  # from entry one into its source
    assert text_map.to_text(17, 23) == (5, 7)  # from the source into entry two
    assert text_map.to_text(15, 21) == (4, 5)  # the "\n" between the entries, as shown
    assert text_map.to_document(4, 5) == (15, 21)
    assert text_map.to_document(0, 9) is None  # past the end of the text


def _seg(position, offset, length):
    from reader.ui.article_document import Segment

    return Segment(position, offset, length)


def test_a_line_break_in_an_entry_does_not_cut_the_map(qtbot):
    article = ArticleRecord(
        id=1, key="k", issue_id=1, position=0, kind="quotes", column="每周一学", series=None,
        title=None, subtitle=None, authors=(), subheads=(), paragraphs=(),
        entries=(Entry("民主评议党员:\n党支部  每年\t开展。\n", None), Entry("第二条。", "讲话")),
        defects=(), issue_title="先锋", date=None, date_precision="none")
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(article)
    start = article.text.index("党支部")
    where = view.document_range(start, len(article.text))
    assert _document_text(view, *where) == article.text[start:]
    assert view.text_map.to_text(*where) == (start, len(article.text))


def test_ctrl_h_in_a_quote_box_stores_the_selected_text(qtbot, open_window, library_dir):
    window = open_window(library_dir)
    library = window.session.library
    article = next(library.articles.get(a.id) for issue in library.issues.all()
                   for a in library.articles.in_issue(issue.id)
                   if a.column == "每周一学" and any("\n" in e.text for e in a.entries))
    select_in_tree(qtbot, window, article)
    qtbot.waitUntil(lambda: window.pane.article is not None
                    and window.pane.article.id == article.id)
    # drag over the second line of the first box: a heading line, a line break, its text
    entry = article.entries[0].text
    wanted = entry[entry.index("\n") - 4:entry.index("\n") + 9]
    cursor = window.pane.document().find(wanted[:4])
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart())
    cursor.setPosition(cursor.position() + len(wanted), QTextCursor.MoveMode.KeepAnchor)
    window.pane.setTextCursor(cursor)
    selected = window.pane.textCursor().selectedText().replace("\u2028", "\n")
    assert selected == wanted
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.panel.highlight_list.highlights) == 1)
    [mark] = window.panel.highlight_list.highlights
    assert mark.quote == selected
    assert article.text[mark.start:mark.end] == selected
    assert [s.cursor.selectedText().replace("\u2028", "\n")
            for s in window.pane.extraSelections()] == [selected]
