"""Saved searches through the session: undoable save, rename and delete; live counts."""

from __future__ import annotations

import pytest

from reader.errors import ReaderError


def _names(session):
    return [(s.name, s.query) for s in session.searches.all()]


def test_save_rename_delete_each_undo(session):
    searches, history = session.searches, session.annotations.history
    changes = searches.save("网格", "网格 kind:article", "newest")
    assert changes.searches and not changes.tags
    assert history.undo_text == "收藏检索 网格"
    searches.save("网格", "网格员")
    assert _names(session) == [("网格", "网格员")]
    assert history.undo().changes.searches
    assert _names(session) == [("网格", "网格 kind:article")]
    assert session.library.saved_searches.get("网格").sort == "newest"
    searches.rename("网格", "基层网格")
    history.undo()
    assert _names(session) == [("网格", "网格 kind:article")]
    searches.delete("网格")
    assert _names(session) == []
    history.undo()
    assert _names(session) == [("网格", "网格 kind:article")]
    history.undo()  # the first save
    assert _names(session) == []


def test_counts_are_what_the_search_finds_now(session):
    session.ensure_index()
    session.searches.save("评论", "kind:commentary")
    session.searches.save("网格", "网格")
    counted = {c.saved.name: c.count for c in session.searches.with_counts(session.index)}
    assert counted == {"评论": session.research("kind:commentary").total,
                       "网格": session.research("网格").total}


def test_names_are_unique_and_never_empty(session):
    session.searches.save("Grid", "网格")
    session.searches.save(" grid ", "网格员")  # the same name, another query
    assert _names(session) == [("Grid", "网格员")]
    session.searches.save("党建", "党建")
    with pytest.raises(ReaderError, match="already"):
        session.searches.rename("党建", "GRID")
    with pytest.raises(ReaderError):
        session.searches.save("  ", "网格")
    with pytest.raises(ReaderError):
        session.searches.delete("不存在")


def test_an_undone_saved_search_change_can_be_redone(session):
    searches, history = session.searches, session.annotations.history
    searches.save("网格", "网格")
    searches.rename("网格", "基层网格")
    searches.delete("基层网格")
    history.undo()
    history.undo()
    assert _names(session) == [("网格", "网格")]
    assert history.redo().changes.searches
    assert _names(session) == [("基层网格", "网格")]
    history.redo()
    assert _names(session) == []
