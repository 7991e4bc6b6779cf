"""Notes and highlights: writing, reading, bounds, and how they feed search."""

from __future__ import annotations

import pytest

from reader.library import LibraryError
from reader.library.anchoring import CONTEXT

from .conftest import sample_page, sha


@pytest.fixture
def article(library):
    result = library.imports.import_page("/p.txt", sha("p"), 1, sample_page(), 1)
    return library.articles.in_issue(result.issue_id)[0]


def test_set_and_read_a_note(library, article):
    assert library.notes.get(article.id) is None
    library.notes.set(article.id, "第一版")
    library.notes.set(article.id, "第二版")
    assert library.notes.get(article.id) == "第二版"
    assert library.articles.get(article.id).note == "第二版"
    assert library.stats()["notes"] == 1


def test_empty_text_deletes_the_note(library, article):
    library.notes.set(article.id, "笔记")
    library.notes.set(article.id, "   ")
    assert library.notes.get(article.id) is None
    assert library.stats()["notes"] == 0


def test_note_on_unknown_article(library):
    with pytest.raises(LibraryError, match="No article with id 5."):
        library.notes.set(5, "x")
    with pytest.raises(LibraryError):
        library.notes.get(5)


def test_add_highlight_computes_quote_and_context(library, article):
    text = article.text
    start = text.index("制度的生命力")
    mark = library.highlights.add(article.id, start, start + 6, color="green", note="要点")
    assert mark.quote == "制度的生命力"
    assert mark.prefix == text[max(0, start - CONTEXT) : start]
    assert mark.suffix == text[start + 6 : start + 6 + CONTEXT]
    assert (mark.color, mark.note, mark.orphaned) == ("green", "要点", False)
    assert mark.article_key == article.key
    assert library.highlights.of_article(article.id) == [mark]
    assert library.articles.get(article.id).highlights == (mark,)


def test_highlights_come_in_text_order(library, article):
    late = library.highlights.add(article.id, 20, 25)
    early = library.highlights.add(article.id, 0, 3)
    assert [h.id for h in library.highlights.of_article(article.id)] == [early.id, late.id]


@pytest.mark.parametrize("span", [(-1, 3), (5, 5), (6, 2), (0, 10_000)])
def test_highlight_bounds_are_checked(library, article, span):
    with pytest.raises(LibraryError):
        library.highlights.add(article.id, *span)
    assert library.highlights.of_article(article.id) == []


def test_highlight_note_and_removal(library, article):
    mark = library.highlights.add(article.id, 0, 4)
    library.highlights.set_note(mark.id, "旁注")
    assert library.highlights.of_article(article.id)[0].note == "旁注"
    library.highlights.remove(mark.id)
    assert library.highlights.of_article(article.id) == []
    with pytest.raises(LibraryError, match="No highlight with id"):
        library.highlights.remove(mark.id)


def test_note_texts_joins_notes_and_highlight_notes(library, article):
    library.notes.set(article.id, "整篇笔记")
    library.highlights.add(article.id, 10, 12, note="第二个旁注")
    library.highlights.add(article.id, 0, 4, note="第一个旁注")
    library.highlights.add(article.id, 5, 8)
    assert library.notes.search_texts() == {article.id: "整篇笔记\n第一个旁注\n第二个旁注"}
    assert library.filters.ids_with_note() == {article.id}
    assert library.filters.ids_with_highlight() == {article.id}


def test_a_removed_highlight_is_restored_whole_with_its_id(library, article):
    made = library.highlights.add(article.id, 2, 8, color="green", note="要点")
    assert made.created_at
    assert library.highlights.get(made.id) == made
    library.highlights.remove(made.id)
    with pytest.raises(LibraryError, match=rf"^No highlight with id {made.id}\.$"):
        library.highlights.get(made.id)
    generation = library.generation()
    restored = library.highlights.restore(made)
    assert restored == made
    assert library.highlights.of_article(article.id) == [made]
    assert library.generation() == generation + 1


def test_restoring_a_highlight_whose_id_is_taken_gives_it_a_new_one(library, article):
    made = library.highlights.add(article.id, 2, 8)
    again = library.highlights.restore(made)
    assert again.id != made.id and again.quote == made.quote
    assert len(library.highlights.of_article(article.id)) == 2


def test_a_restored_highlight_is_reanchored_in_changed_text(library, article):
    made = library.highlights.add(article.id, 2, 8)
    library.highlights.remove(made.id)
    from dataclasses import replace

    moved = library.highlights.restore(replace(made, start=40, end=46))
    assert (moved.start, moved.end, moved.orphaned) == (2, 8, False)
    gone = library.highlights.restore(replace(made, id=made.id + 50, quote="不在文中的话"))
    assert gone.orphaned


def test_highlight_colours(library, article):
    made = library.highlights.add(article.id, 0, 3, color="Blue")
    assert made.color == "blue"
    library.highlights.set_color(made.id, "#00FF00")
    assert library.highlights.get(made.id).color == "#00ff00"
    with pytest.raises(LibraryError, match="is not a colour"):
        library.highlights.set_color(made.id, "rgb(1,2,3)")
    with pytest.raises(LibraryError, match="needs a colour"):
        library.highlights.set_color(made.id, " ")
    with pytest.raises(LibraryError, match=r"^No highlight with id 999\.$"):
        library.highlights.set_color(999, "red")
