"""Corrections and the reader's annotations survive a re-parse with a changed parser."""

from __future__ import annotations

from dataclasses import replace

from tests.fix_helpers import (
    SUBHEAD_TITLE,
    TWO_STORIES_AT,
    TWO_STORIES_TITLE,
    parser_changed,
    reparse_with_changed_parser,
    two_stories_path,
    write_subhead_page,
)


def _full(text: str) -> str:
    return text.replace(",", "，").replace("?", "？")


def test_both_classic_fixes_and_the_annotations_survive_a_changed_parser(session, tmp_path):
    library = session.library
    subhead_page = write_subhead_page(tmp_path / "pages")
    session.import_paths([subhead_page])
    # Two stories in one: split; tag and note stay on the first, a highlight in the second.
    merged = next(a for a in library.articles.iter_all() if a.title == TWO_STORIES_TITLE)
    second_text = merged.paragraphs[TWO_STORIES_AT]
    at = merged.text.index(second_text) + 1
    quote = second_text[1:7]
    assert "," not in quote and "?" not in quote
    session.annotations.tag([merged.id], ["银发"])
    session.annotations.set_note(merged.id, "老年大学")
    session.annotations.add_highlight(merged.id, at, at + 6)
    split = session.corrections.split(merged.id, TWO_STORIES_AT)
    session.annotations.tag([split.new_article_id], ["驻村"])
    # A subhead taken for a headline: merge it back.
    wrong = next(a for a in library.articles.iter_all() if a.title == SUBHEAD_TITLE)
    kept = session.corrections.merge(wrong.id, "previous").article_id
    session.annotations.set_note(kept, "红色管家")

    results = reparse_with_changed_parser(session, [two_stories_path(), subhead_page])
    assert [r.status for r in results] == ["updated", "updated"]

    first = library.articles.get(merged.id)
    second = library.articles.get(split.new_article_id)
    assert first.title == TWO_STORIES_TITLE
    assert first.paragraphs == tuple(_full(p) for p in merged.paragraphs[:TWO_STORIES_AT - 1])
    assert second.paragraphs[0] == _full(merged.paragraphs[TWO_STORIES_AT - 1])
    assert second.position == first.position + 1
    assert (first.tags, first.note) == (("银发",), "老年大学")
    assert second.tags == ("驻村",)
    [highlight] = second.highlights
    assert highlight.quote == quote and not highlight.orphaned
    assert second.text[highlight.start:highlight.end] == quote
    fixed = library.articles.get(kept)
    assert fixed.subheads == (SUBHEAD_TITLE,) and fixed.note == "红色管家"
    assert not any(a.title == SUBHEAD_TITLE for a in library.articles.iter_all())
    assert [c.status for c in session.corrections.list()] == ["applied", "applied"]
    assert first.corrected and second.corrected and fixed.corrected
    assert session.check().ok


def test_a_correction_the_new_parse_leaves_nothing_to_apply_to_is_stale_then_applies_again(
        session, tmp_path):
    library = session.library
    article = next(a for a in library.articles.iter_all() if a.title == TWO_STORIES_TITLE)
    target = article.paragraphs[2]
    session.corrections.edit_text(article.id, 3, target + "(更正)")

    def drop_paragraph(page):
        items = tuple(replace(item, paragraphs=tuple(p for p in item.paragraphs if p != target))
                      for item in page.items)
        return replace(page, items=items)

    reparse_with_changed_parser(session, [two_stories_path()], drop_paragraph)
    [record] = session.corrections.list()
    assert record.status == "stale"  # kept and listed, not dropped
    assert not library.articles.get(article.id).corrected
    assert all("(更正)" not in p for p in library.articles.get(article.id).paragraphs)

    with parser_changed(lambda page: page):
        session.import_paths([two_stories_path()], reparse=True)
    [record] = session.corrections.list()
    assert record.status == "applied"
    assert library.articles.get(article.id).paragraphs[2] == target + "(更正)"


def test_a_merge_the_new_parser_already_makes_is_stale_and_the_page_reads_right(
        session, tmp_path):
    library = session.library
    page = write_subhead_page(tmp_path / "pages")
    [result] = session.import_paths([page])
    wrong = next(a for a in library.articles.iter_all() if a.title == SUBHEAD_TITLE)
    session.corrections.merge(wrong.id, "previous")

    def parser_gets_it_right(parsed):
        first, second = parsed.items
        joined = replace(first, subheads=(second.title,), paragraphs=first.paragraphs
                         + second.paragraphs, authors=first.authors + second.authors)
        return replace(parsed, items=(joined,))

    reparse_with_changed_parser(session, [page], parser_gets_it_right)
    [record] = session.corrections.list()
    assert record.status == "stale"
    [article] = library.articles.on_page(result.page_id)
    assert article.subheads == (SUBHEAD_TITLE,) and len(article.paragraphs) == 5
