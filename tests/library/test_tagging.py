"""Tag-list operations: bulk tagging, rename and merge, delete, colours, summaries."""

from __future__ import annotations

import pytest

from reader.library import LibraryError
from reader.models import TagSummary

from .conftest import sample_page, sha


@pytest.fixture
def ids(library):
    result = library.import_page("/p.txt", sha("p"), 1, sample_page(), 1)
    return [a.id for a in library.articles(result.issue_id)]


def test_bulk_tagging_is_one_generation_and_keeps_existing_pairs(library, ids):
    library.add_tags(ids[0], ["党建"])
    generation = library.generation()
    library.add_tags_many(ids, ["党建", "ＡＢＣ", " "])
    assert library.generation() == generation + 1
    assert library.tag_summaries() == [TagSummary("ABC", 3), TagSummary("党建", 3)]
    assert library.tags_of(ids[2]) == ("ABC", "党建")


def test_bulk_untagging_deletes_tags_left_on_no_article(library, ids):
    library.add_tags_many(ids, ["党建", "治理"])
    library.remove_tags_many(ids[:2], ["党建", "治理"])
    assert [(t.name, t.count) for t in library.tag_summaries()] == [("党建", 1), ("治理", 1)]
    library.remove_tags_many([ids[2]], ["治理"])
    assert [t.name for t in library.tag_summaries()] == ["党建"]


def test_bulk_operations_refuse_bad_input_and_write_nothing(library, ids):
    with pytest.raises(LibraryError, match=r"^No article with id 999\.$"):
        library.add_tags_many([ids[0], 999], ["党建"])
    assert library.tag_summaries() == []
    with pytest.raises(LibraryError, match="at least one tag name"):
        library.add_tags_many(ids, ["", "  "])
    with pytest.raises(LibraryError, match="at least one article"):
        library.remove_tags_many([], ["党建"])


def test_rename_keeps_articles_and_colour(library, ids):
    library.add_tags_many(ids[:2], ["旧名"])
    library.set_tag_color("旧名", "Red")
    assert library.rename_tag("旧名", "  新名 ") == "新名"
    assert library.tag_summaries() == [TagSummary("新名", 2, "red")]
    assert library.ids_with_tag("新名") == set(ids[:2])


def test_rename_onto_an_existing_tag_merges_and_keeps_the_targets_colour(library, ids):
    library.add_tags_many(ids[:2], ["党建工作"])
    library.add_tags_many(ids[1:], ["党建"])
    library.set_tag_color("党建工作", "blue")
    library.set_tag_color("党建", "#ff0000")
    assert library.rename_tag("党建工作", "党建") == "党建"
    assert library.tag_summaries() == [TagSummary("党建", 3, "#ff0000")]


def test_full_width_and_case_never_make_two_tags_on_rename(library, ids):
    library.add_tags(ids[0], ["ABC"])
    library.add_tags(ids[1], ["xyz"])
    assert library.rename_tag("xyz", "ＡＢＣ") == "ABC"  # merged, not a second tag
    assert library.tag_summaries() == [TagSummary("ABC", 2)]
    assert library.rename_tag("abc", "Abc") == "Abc"  # a change of case renames in place
    assert library.tag_summaries() == [TagSummary("Abc", 2)]


def test_rename_errors_are_one_sentence(library, ids):
    library.add_tags(ids[0], ["党建"])
    with pytest.raises(LibraryError, match=r"^No tag named “没有”\.$"):
        library.rename_tag("没有", "新")
    with pytest.raises(LibraryError, match=r"^A tag name cannot be empty\.$"):
        library.rename_tag("党建", "  ")
    generation = library.generation()
    assert library.rename_tag("党建", "党建") == "党建"
    assert library.generation() == generation


def test_delete_tag_keeps_the_articles(library, ids):
    library.add_tags_many(ids, ["党建", "治理"])
    library.delete_tag("党建")
    assert [t.name for t in library.tag_summaries()] == ["治理"]
    assert len(library.articles(library.issues()[0].id)) == 3
    with pytest.raises(LibraryError, match="No tag named"):
        library.delete_tag("党建")


def test_tag_colours_are_validated_and_removable(library, ids):
    library.add_tags(ids[0], ["党建"])
    with pytest.raises(LibraryError, match=r"is not a colour"):
        library.set_tag_color("党建", "red; DROP TABLE tags")
    library.set_tag_color("党建", "#ABC")
    assert library.tag_summaries()[0].color == "#abc"
    library.set_tag_color("党建", None)
    assert library.tag_summaries()[0].color is None
    with pytest.raises(LibraryError, match="No tag named"):
        library.set_tag_color("没有", "red")


def test_tags_of_an_unknown_article_raises(library, ids):
    with pytest.raises(LibraryError, match=r"^No article with id 999\.$"):
        library.tags_of(999)


def test_annotated_articles_lists_newest_annotation_first(library, ids):
    assert library.annotated_articles() == []
    library.add_tags(ids[2], ["党建"])
    library.set_note(ids[0], "笔记")
    library.add_highlight(ids[1], 0, 4)
    library.add_highlight(ids[1], 5, 8)
    # Timestamps have one-second resolution: make the order explicit.
    library.db.execute("UPDATE article_tags SET created_at = '2024-01-01T00:00:00+00:00'")
    library.db.execute("UPDATE notes SET updated_at = '2024-03-01T00:00:00+00:00'")
    library.db.execute("UPDATE highlights SET created_at = '2024-02-01T00:00:00+00:00'")
    summaries = library.annotated_articles()
    assert [s.article_id for s in summaries] == [ids[0], ids[1], ids[2]]
    first, second, third = summaries
    assert first.has_note and first.highlight_count == 0 and first.tag_count == 0
    assert second.highlight_count == 2 and not second.has_note
    assert third.tag_count == 1 and third.last_annotated_at.startswith("2024-01-01")
