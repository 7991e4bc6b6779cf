"""Tag-list operations: bulk tagging, rename and merge, delete, colours, summaries."""

from __future__ import annotations

import pytest

from reader.library import LibraryError
from reader.models import TagSummary

from .conftest import sample_page, sha


@pytest.fixture
def ids(library):
    result = library.imports.import_page("/p.txt", sha("p"), 1, sample_page(), 1)
    return [a.id for a in library.articles.in_issue(result.issue_id)]


def test_bulk_tagging_is_one_generation_and_keeps_existing_pairs(library, ids):
    library.tags.add(ids[0], ["党建"])
    generation = library.generation()
    library.tags.add_many(ids, ["党建", "ＡＢＣ", " "])
    assert library.generation() == generation + 1
    assert library.tags.summaries() == [TagSummary("ABC", 3), TagSummary("党建", 3)]
    assert library.tags.of(ids[2]) == ("ABC", "党建")


def test_bulk_untagging_deletes_tags_left_on_no_article(library, ids):
    library.tags.add_many(ids, ["党建", "治理"])
    library.tags.remove_many(ids[:2], ["党建", "治理"])
    assert [(t.name, t.count) for t in library.tags.summaries()] == [("党建", 1), ("治理", 1)]
    library.tags.remove_many([ids[2]], ["治理"])
    assert [t.name for t in library.tags.summaries()] == ["党建"]


def test_bulk_operations_refuse_bad_input_and_write_nothing(library, ids):
    with pytest.raises(LibraryError, match=r"^No article with id 999\.$"):
        library.tags.add_many([ids[0], 999], ["党建"])
    assert library.tags.summaries() == []
    with pytest.raises(LibraryError, match="at least one tag name"):
        library.tags.add_many(ids, ["", "  "])
    with pytest.raises(LibraryError, match="at least one article"):
        library.tags.remove_many([], ["党建"])


def test_rename_keeps_articles_and_colour(library, ids):
    library.tags.add_many(ids[:2], ["旧名"])
    library.tags.set_color("旧名", "Red")
    assert library.tags.rename("旧名", "  新名 ") == "新名"
    assert library.tags.summaries() == [TagSummary("新名", 2, "red")]
    assert library.filters.ids_with_tag("新名") == set(ids[:2])


def test_rename_onto_an_existing_tag_merges_and_keeps_the_targets_colour(library, ids):
    library.tags.add_many(ids[:2], ["党建工作"])
    library.tags.add_many(ids[1:], ["党建"])
    library.tags.set_color("党建工作", "blue")
    library.tags.set_color("党建", "#ff0000")
    assert library.tags.rename("党建工作", "党建") == "党建"
    assert library.tags.summaries() == [TagSummary("党建", 3, "#ff0000")]


def test_full_width_and_case_never_make_two_tags_on_rename(library, ids):
    library.tags.add(ids[0], ["ABC"])
    library.tags.add(ids[1], ["xyz"])
    assert library.tags.rename("xyz", "ＡＢＣ") == "ABC"  # merged, not a second tag
    assert library.tags.summaries() == [TagSummary("ABC", 2)]
    assert library.tags.rename("abc", "Abc") == "Abc"  # a change of case renames in place
    assert library.tags.summaries() == [TagSummary("Abc", 2)]


def test_rename_errors_are_one_sentence(library, ids):
    library.tags.add(ids[0], ["党建"])
    with pytest.raises(LibraryError, match=r"^No tag named “没有”\.$"):
        library.tags.rename("没有", "新")
    with pytest.raises(LibraryError, match=r"^A tag name cannot be empty\.$"):
        library.tags.rename("党建", "  ")
    generation = library.generation()
    assert library.tags.rename("党建", "党建") == "党建"
    assert library.generation() == generation


def test_delete_tag_keeps_the_articles(library, ids):
    library.tags.add_many(ids, ["党建", "治理"])
    library.tags.delete("党建")
    assert [t.name for t in library.tags.summaries()] == ["治理"]
    assert len(library.articles.in_issue(library.issues.all()[0].id)) == 3
    with pytest.raises(LibraryError, match="No tag named"):
        library.tags.delete("党建")


def test_tag_colours_are_validated_and_removable(library, ids):
    library.tags.add(ids[0], ["党建"])
    with pytest.raises(LibraryError, match=r"is not a colour"):
        library.tags.set_color("党建", "red; DROP TABLE tags")
    library.tags.set_color("党建", "#ABC")
    assert library.tags.summaries()[0].color == "#abc"
    library.tags.set_color("党建", None)
    assert library.tags.summaries()[0].color is None
    with pytest.raises(LibraryError, match="No tag named"):
        library.tags.set_color("没有", "red")


def test_tags_of_an_unknown_article_raises(library, ids):
    with pytest.raises(LibraryError, match=r"^No article with id 999\.$"):
        library.tags.of(999)


def test_annotated_articles_lists_newest_annotation_first(library, ids):
    assert library.annotations.annotated_articles() == []
    library.tags.add(ids[2], ["党建"])
    library.notes.set(ids[0], "笔记")
    library.highlights.add(ids[1], 0, 4)
    library.highlights.add(ids[1], 5, 8)
    # Timestamps have one-second resolution: make the order explicit.
    library.db.execute("UPDATE article_tags SET created_at = '2024-01-01T00:00:00+00:00'")
    library.db.execute("UPDATE notes SET updated_at = '2024-03-01T00:00:00+00:00'")
    library.db.execute("UPDATE highlights SET created_at = '2024-02-01T00:00:00+00:00'")
    summaries = library.annotations.annotated_articles()
    assert [s.article_id for s in summaries] == [ids[0], ids[1], ids[2]]
    first, second, third = summaries
    assert first.has_note and first.highlight_count == 0 and first.tag_count == 0
    assert second.highlight_count == 2 and not second.has_note
    assert third.tag_count == 1 and third.last_annotated_at.startswith("2024-01-01")
