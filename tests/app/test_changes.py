"""`Changes`: what every write of reader.app reports, so the window redraws only that."""

from __future__ import annotations

import pytest

from reader.app.changes import NO_CHANGES, Changes
from reader.app.importing import ImportOutcome
from reader.models import ImportResult


@pytest.fixture
def ids(session):
    library = session.library
    return [a.id for a in library.articles.in_issue(library.issues.all()[0].id)][:3]


def test_the_value_says_which_articles_and_what_kind():
    changes = Changes.of([1, 2], tags=True)
    assert changes.touches(1) and not changes.touches(3) and not changes.touches(None)
    assert changes.annotations and not changes.structure
    assert Changes(all_articles=True).touches(99)
    merged = changes | Changes.of([3], highlights=True)
    assert merged.article_ids == {1, 2, 3} and merged.tags and merged.highlights
    assert NO_CHANGES.empty and not changes.empty
    assert changes.describe() == "2 article(s): tags"


def test_tag_services_report_exactly_the_articles_they_changed(session, ids):
    annotations = session.annotations
    assert annotations.tag(ids[:1], ["党建"]) == Changes.of(ids[:1], tags=True)
    # ids[0] had it already: only the others changed
    assert annotations.tag(ids, ["党建"]).article_ids == set(ids[1:])
    assert annotations.tag(ids, ["党建"]) == NO_CHANGES
    assert annotations.untag(ids[1:2], ["党建"]) == Changes.of(ids[1:2], tags=True)
    renamed = annotations.rename_tag("党建", "治理")
    assert renamed.name == "治理" and renamed.changes == Changes.of({ids[0], ids[2]}, tags=True)
    assert annotations.set_tag_color("治理", "red").article_ids == {ids[0], ids[2]}
    assert annotations.delete_tag("治理") == Changes.of({ids[0], ids[2]}, tags=True)


def test_notes_highlights_and_undo_report_their_kind(session, ids):
    annotations = session.annotations
    assert annotations.set_note(ids[0], "笔记") == Changes.of(ids[:1], notes=True)
    added = annotations.add_highlight(ids[0], 0, 4)
    assert added.changes == Changes.of(ids[:1], highlights=True)
    assert annotations.set_highlight_color(added.highlight.id, "green").highlights
    undone = annotations.undo()
    assert undone.description.startswith("更改高亮颜色") and undone.changes.highlights
    undone = annotations.undo()
    assert undone.changes == Changes.of(ids[:1], highlights=True)
    assert annotations.undo() is None


def test_changes_made_through_a_highlight_id_name_its_article(session, ids):
    annotations = session.annotations
    mark = annotations.add_highlight(ids[1], 0, 4).highlight
    only_it = Changes.of(ids[1:2], highlights=True)
    assert annotations.set_highlight_color(mark.id, "green") == only_it
    assert annotations.set_highlight_note(mark.id, "旁注") == only_it
    assert annotations.remove_highlight(mark.id) == only_it
    assert annotations.undo().changes == only_it


def test_imports_and_index_syncs_report_structure_and_index(session):
    new = ImportOutcome.of([ImportResult("a.txt", "imported", 7, 3)])
    assert new.changes.structure and new.changes.index and not new.changes.all_articles
    updated = ImportOutcome.of([ImportResult("a.txt", "updated", 7, 3)])
    assert updated.changes.all_articles and updated.changes.metadata
    assert ImportOutcome.of([ImportResult("a.txt", "already imported", 7, 3)]).changes.empty
    assert session.reindex().changes == Changes(index=True)
    assert session.ensure_index().changes == NO_CHANGES  # already in step
