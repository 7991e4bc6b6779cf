"""session.corrections: each correction, its undo, what follows the text, errors."""

from __future__ import annotations

import pytest

from reader.errors import ReaderError
from tests.fix_helpers import (
    SUBHEAD_TITLE,
    TWO_STORIES_AT,
    TWO_STORIES_TITLE,
    article_holding,
    article_titled,
    write_subhead_page,
)


def _page_titles(session, page_id):
    return [(a.title, len(a.paragraphs)) for a in session.library.articles.on_page(page_id)]


def test_split_makes_the_second_story_an_article_right_after_the_first(session):
    article = article_titled(session, TWO_STORIES_TITLE)
    second_start = article.paragraphs[TWO_STORIES_AT - 1]
    count = len(article.paragraphs)
    outcome = session.corrections.split(article.id, TWO_STORIES_AT)
    first = session.library.articles.get(article.id)
    new = session.library.articles.get(outcome.new_article_id)
    assert first.paragraphs == article.paragraphs[:TWO_STORIES_AT - 1]
    assert new.paragraphs[0] == second_start
    assert len(first.paragraphs) + len(new.paragraphs) == count
    assert new.position == first.position + 1 and new.page_id == first.page_id
    assert first.corrected and new.corrected
    assert outcome.changes.structure and outcome.changes.touches(new.id)
    assert session.corrections.corrected_ids([first.id, new.id, first.id - 1]) == {first.id,
                                                                                   new.id}


def test_undo_and_redo_a_split(session):
    article = article_titled(session, TWO_STORIES_TITLE)
    session.corrections.split(article.id, TWO_STORIES_AT)
    undone = session.annotations.history.undo()
    assert str(undone.step).startswith("拆分文章 ")
    again = session.library.articles.get(article.id)
    assert again.paragraphs == article.paragraphs and not again.corrected
    assert session.corrections.list() == []
    session.annotations.history.redo()
    assert len(session.library.articles.get(article.id).paragraphs) == TWO_STORIES_AT - 1
    assert [c.action for c in session.corrections.list()] == ["split"]


def test_split_keeps_tags_and_note_on_the_first_part_and_moves_highlights_with_their_text(
        session):
    article = article_titled(session, TWO_STORIES_TITLE)
    session.annotations.tag([article.id], ["民族团结"])
    session.annotations.set_note(article.id, "两篇稿子")
    late = article.paragraphs[TWO_STORIES_AT]  # a paragraph of the second story
    start = article.text.index(late) + 2
    session.annotations.add_highlight(article.id, start, start + 6)
    early = article.text.index(article.paragraphs[0]) + 1
    session.annotations.add_highlight(article.id, early, early + 5)
    outcome = session.corrections.split(article.id, TWO_STORIES_AT)
    first = session.library.articles.get(article.id)
    new = session.library.articles.get(outcome.new_article_id)
    assert first.tags == ("民族团结",) and first.note == "两篇稿子"
    assert new.tags == () and new.note is None
    assert [h.quote for h in first.highlights] == [article.text[early:early + 5]]
    assert [h.quote for h in new.highlights] == [late[2:8]]
    moved = new.highlights[0]
    assert new.text[moved.start:moved.end] == moved.quote and not moved.orphaned
    # Undo puts the highlight back on the whole article.
    session.annotations.history.undo()
    whole = session.library.articles.get(article.id)
    assert sorted(h.quote for h in whole.highlights) == sorted(
        [article.text[early:early + 5], late[2:8]])


def test_merging_a_subhead_taken_for_a_headline(session, tmp_path):
    [result] = session.import_paths([write_subhead_page(tmp_path / "pages")])
    second = article_titled(session, SUBHEAD_TITLE)
    first_id = session.library.articles.on_page(result.page_id)[0].id
    session.annotations.tag([second.id], ["物业"])
    session.annotations.set_note(second.id, "小标题")
    done = session.corrections.merge(second.id, "previous")
    assert done.article_id == first_id
    [merged] = session.library.articles.on_page(result.page_id)
    assert merged.title == "小区里的“红色管家”"
    assert merged.subheads == (SUBHEAD_TITLE,) and len(merged.paragraphs) == 5
    assert [a.name for a in merged.authors] == ["王明", "张丽"]
    # The vanished article's tag and note went with its text.
    assert merged.tags == ("物业",) and merged.note == "小标题"
    assert done.changes.structure and done.changes.touches(second.id)
    # Listed under the article that holds both parts now.
    assert [c.article_id for c in session.corrections.list()] == [first_id]


def test_merge_next_and_its_errors(session, tmp_path):
    [result] = session.import_paths([write_subhead_page(tmp_path / "pages")])
    first, second = session.library.articles.on_page(result.page_id)
    with pytest.raises(ReaderError, match="no previous article"):
        session.corrections.merge(first.id, "previous")
    with pytest.raises(ReaderError, match="no next article"):
        session.corrections.merge(second.id, "next")
    session.corrections.merge(first.id)
    assert _page_titles(session, result.page_id) == [("小区里的“红色管家”", 5)]


def test_roles_of_lines(session, tmp_path):
    [result] = session.import_paths([write_subhead_page(tmp_path / "pages")])
    first, second = session.library.articles.on_page(result.page_id)
    corrections = session.corrections
    corrections.set_role(second.id, 1, "subhead")
    assert session.library.articles.get(second.id).subheads[-1] == second.paragraphs[0]
    corrections.set_role(second.id, 1, "furniture")
    assert session.library.corrections.furniture(result.page_id) == [second.paragraphs[1]]
    corrections.set_role(first.id, 2, "title")
    retitled = session.library.articles.get(first.id)
    assert retitled.title == first.paragraphs[1]
    assert retitled.paragraphs == (first.title, first.paragraphs[0])
    corrections.set_role(first.id, 1, "kicker")
    assert session.library.articles.get(first.id).subtitle == first.title
    before = len(session.library.articles.on_page(result.page_id))
    corrections.set_role(first.id, 1, "caption")
    articles = session.library.articles.on_page(result.page_id)
    assert len(articles) == before + 1
    assert articles[1].kind == "photo" and articles[1].paragraphs == (first.paragraphs[0],)
    with pytest.raises(ReaderError, match="not a role"):
        corrections.set_role(first.id, 1, "headline")


def test_byline_role_reads_the_names(session, tmp_path):
    [result] = session.import_paths([write_subhead_page(tmp_path / "pages")])
    first = session.library.articles.on_page(result.page_id)[0]
    # A credit line the parser left in the body (made here by a text correction).
    session.corrections.edit_text(first.id, 2, "本报记者 赵六")
    session.corrections.set_role(first.id, 2, "byline")
    fixed = session.library.articles.get(first.id)
    assert [(a.role, a.name) for a in fixed.authors] == [("本报记者", "王明"), ("本报记者", "赵六")]
    assert fixed.paragraphs == first.paragraphs[:1]


def test_move_paragraph_to_the_neighbours(session, tmp_path):
    [result] = session.import_paths([write_subhead_page(tmp_path / "pages")])
    first, second = session.library.articles.on_page(result.page_id)
    session.corrections.move_paragraph(second.id, 1, "previous")
    assert session.library.articles.get(first.id).paragraphs[-1] == second.paragraphs[0]
    assert session.library.articles.get(second.id).paragraphs == second.paragraphs[1:]
    session.corrections.move_paragraph(first.id, 3, "next")
    assert session.library.articles.get(second.id).paragraphs == second.paragraphs
    with pytest.raises(ReaderError, match="no previous article"):
        session.corrections.move_paragraph(first.id, 1, "previous")


def test_fields_title_kind_column_authors(session):
    article = article_titled(session, TWO_STORIES_TITLE)
    fixes = session.corrections
    fixes.set_title(article.id, " 凝聚银发力量 ")
    fixes.set_kind(article.id, "commentary")
    fixes.set_column(article.id, "民族团结")
    fixes.set_authors(article.id, [("本报记者", "张三"), ("通讯员", "李四")])
    fixed = session.library.articles.get(article.id)
    assert (fixed.title, fixed.kind, fixed.column) == ("凝聚银发力量", "commentary", "民族团结")
    assert [(a.role, a.name) for a in fixed.authors] == [("本报记者", "张三"), ("通讯员", "李四")]
    assert fixed.id == article.id and fixed.key == article.key  # the kind is in the key
    with pytest.raises(ReaderError, match="not a kind"):
        fixes.set_kind(article.id, "essay")
    for _ in range(4):
        session.annotations.history.undo()
    back = session.library.articles.get(article.id)
    assert (back.title, back.kind, back.column, back.authors) == (
        article.title, article.kind, article.column, article.authors)


def test_text_edit_keeps_the_original_and_search_finds_the_correction(session):
    article = article_holding(session, "最近忙啥呢")
    number = next(i for i, p in enumerate(article.paragraphs, 1) if "最近忙啥呢" in p)
    original = article.paragraphs[number - 1]
    quote_at = article.text.index(original) + len(original) - 8
    session.annotations.add_highlight(article.id, quote_at, quote_at + 6)
    fixed_text = original.replace("最近忙啥呢", "最近在忙啥呢")
    session.corrections.edit_text(article.id, number, fixed_text)
    edited = session.library.articles.get(article.id)
    assert edited.paragraphs[number - 1] == fixed_text
    assert session.corrections.original_text(article.id, number) == original
    assert session.corrections.original_text(article.id, 1) is None or number == 1
    [highlight] = edited.highlights
    assert edited.text[highlight.start:highlight.end] == highlight.quote  # re-anchored
    found = session.search("最近在忙啥呢")
    assert article.id in [hit.id for hit in found.hits]
    assert session.check().ok
    session.corrections.restore_text(article.id, number)
    assert session.library.articles.get(article.id).paragraphs[number - 1] == original
    assert session.corrections.original_text(article.id, number) is None
    with pytest.raises(ReaderError, match="has not been edited"):
        session.corrections.restore_text(article.id, number)
    with pytest.raises(ReaderError, match="cannot be empty"):
        session.corrections.edit_text(article.id, number, "  ")


def test_bad_paragraph_numbers_and_ids(session):
    article = article_titled(session, TWO_STORIES_TITLE)
    with pytest.raises(ReaderError, match="has no paragraph 99"):
        session.corrections.split(article.id, 99)
    with pytest.raises(ReaderError, match="already starts with paragraph 1"):
        session.corrections.split(article.id, 1)
    with pytest.raises(ReaderError, match="No article with id 99999"):
        session.corrections.set_title(99999, "x")
    assert session.corrections.list() == []


def test_undo_latest_works_across_sessions(library_dir):
    from reader.app import Session
    from reader.paths import resolve_paths

    with Session.open(resolve_paths(library_dir)) as one:
        article = article_titled(one, TWO_STORIES_TITLE)
        one.corrections.split(article.id, TWO_STORIES_AT)
        one.corrections.set_title(article.id, "新标题")
    with Session.open(resolve_paths(library_dir)) as two:
        assert two.corrections.undo_latest().action == "title"
        assert two.library.articles.get(article.id).title == TWO_STORIES_TITLE
        assert two.corrections.undo_latest().action == "split"
        assert two.library.articles.get(article.id).paragraphs == article.paragraphs
        with pytest.raises(ReaderError, match="no correction to undo"):
            two.corrections.undo_latest()
