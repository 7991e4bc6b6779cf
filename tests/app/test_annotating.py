"""The session's annotation services: undo of each change, tag words in search, notes in search."""

from __future__ import annotations

import pytest

from reader.app import Session
from reader.library import LibraryError
from reader.paths import resolve_paths
from reader.search import analyze


@pytest.fixture
def ids(session):
    return [a.id for a in session.library.articles.in_issue(session.library.issues.all()[0].id)][:3]


def _tags(session) -> dict[str, tuple[int, str | None]]:
    return {t.name: (t.count, t.color) for t in session.library.tags.summaries()}


def test_tag_and_untag_are_undone_pair_by_pair(session, ids):
    session.annotations.tag([ids[0]], ["党建"])
    session.annotations.tag(ids, ["党建", "治理"])
    assert session.annotations.history.undo_text == "添加标签 党建、治理"
    assert session.annotations.undo().description == "添加标签 党建、治理"
    # Only what the second call added is gone: ids[0] had 党建 before it.
    assert session.library.filters.ids_with_tag("党建") == {ids[0]}
    assert "治理" not in _tags(session)

    session.annotations.tag(ids, ["党建"])
    session.library.tags.set_color("党建", "red")
    session.annotations.untag(ids, ["党建"])
    assert "党建" not in _tags(session)
    assert session.annotations.history.undo_text == "移除标签 党建"
    session.annotations.history.undo()
    assert _tags(session)["党建"] == (3, "red")


def test_nothing_changed_records_nothing(session, ids):
    session.annotations.tag(ids[:1], ["党建"])
    session.annotations.tag(ids[:1], ["党建"])
    session.annotations.untag(ids[1:], ["党建"])
    assert len(session.annotations.history) == 1


def test_rename_is_undone_and_a_merge_restores_both_tags(session, ids):
    session.annotations.tag(ids[:2], ["旧名"])
    assert session.annotations.rename_tag("旧名", "新名").name == "新名"
    assert session.annotations.history.undo_text == "重命名标签 旧名 → 新名"
    session.annotations.undo()
    assert _tags(session) == {"旧名": (2, None)}

    session.annotations.tag(ids[1:], ["目标"])
    session.annotations.set_tag_color("旧名", "blue")
    session.annotations.set_tag_color("目标", "green")
    assert session.annotations.rename_tag("旧名", "目标").name == "目标"
    assert _tags(session) == {"目标": (3, "green")}
    assert session.annotations.undo().description == "合并标签 旧名 → 目标"
    assert session.library.filters.ids_with_tag("旧名") == set(ids[:2])
    assert session.library.filters.ids_with_tag("目标") == set(ids[1:])
    assert _tags(session) == {"旧名": (2, "blue"), "目标": (2, "green")}


def test_delete_tag_is_undone_with_its_articles_and_colour(session, ids):
    session.annotations.tag(ids, ["党建"])
    session.annotations.set_tag_color("党建", "#ff0000")
    session.annotations.delete_tag("党建")
    assert _tags(session) == {}
    assert session.annotations.undo().description == "删除标签 党建"
    assert _tags(session) == {"党建": (3, "#ff0000")}
    assert session.annotations.undo().description == "更改标签颜色 党建"
    assert _tags(session) == {"党建": (3, None)}


def test_highlights_are_undone_whole(session, ids):
    made = session.annotations.add_highlight(ids[0], 0, 20, color="green", note="要点").highlight
    assert session.annotations.history.undo_text.startswith("添加高亮 “") and "…" in session.annotations.history.undo_text
    session.annotations.set_highlight_note(made.id, "改过的要点")
    assert len(session.annotations.history) == 1  # a note is autosaved text, not undone here
    session.annotations.remove_highlight(made.id)
    assert session.library.highlights.of_article(ids[0]) == []
    session.annotations.undo()
    [back] = session.library.highlights.of_article(ids[0])
    assert (back.id, back.color, back.note) == (made.id, "green", "改过的要点")
    session.annotations.set_highlight_color(made.id, "red")
    session.annotations.undo()
    assert session.library.highlights.get(made.id).color == "green"
    session.annotations.undo()  # the add itself
    assert session.library.highlights.of_article(ids[0]) == [] and not session.annotations.history.can_undo


def test_errors_are_one_sentence_and_record_nothing(session, ids):
    with pytest.raises(LibraryError, match=r"^No article with id 999999\.$"):
        session.annotations.tag([999999], ["党建"])
    with pytest.raises(LibraryError, match=r"^No tag named “没有”\.$"):
        session.annotations.delete_tag("没有")
    with pytest.raises(LibraryError, match=r"^No highlight with id 999999\.$"):
        session.annotations.remove_highlight(999999)
    assert not session.annotations.history.can_undo


def test_complete_tags_offers_the_most_used_first(session, ids):
    session.annotations.tag(ids[:1], ["红色物业"])
    session.annotations.tag(ids, ["红色业委会"])
    assert session.annotations.complete_tags("hs") == ["红色业委会", "红色物业"]
    assert session.annotations.complete_tags("红色", limit=1) == ["红色业委会"]


def _article_with(session, text: str) -> int:
    return next(a.id for a in session.library.articles.iter_all() if text in a.text)


def test_a_new_tag_becomes_a_search_word_at_once(session):
    word = "网格化治理"  # jieba alone cuts it 网格化 / 治理
    session.ensure_index()
    target = _article_with(session, word)
    session.annotations.tag([target], [word])
    assert analyze(word) == [word]
    outcome = session.search(word)
    # The query is one token now; only a re-analysed article matches it as a word.
    assert outcome.total >= 1
    assert {h.id: h.match for h in outcome.hits}[target] == "word"
    assert all(h.match == "word" for h in outcome.hits)
    assert session.check().ok


def test_a_tag_made_with_the_index_closed_is_caught_up_on_open(library_dir):
    word = "两地报到"
    with Session.open(resolve_paths(library_dir)) as cli_like:
        target = _article_with(cli_like, word)
        cli_like.annotations.tag([target], [word])  # the index is never opened, as in `reader tag`
    with Session.open(resolve_paths(library_dir)) as session:
        outcome = session.search(word)
        assert [(h.id, h.match) for h in outcome.hits] == [(target, "word")]


def test_a_note_written_through_the_session_is_found_as_a_note_hit(session, ids):
    session.ensure_index()
    session.annotations.set_note(ids[1], "这是只在笔记里出现的句子")
    outcome = session.search("只在笔记里出现")
    assert [(h.id, h.match) for h in outcome.hits] == [(ids[1], "note")]
    assert "只在笔记里出现" in outcome.hits[0].snippet
    session.annotations.set_note(ids[1], "")
    assert session.search("只在笔记里出现").total == 0


def test_every_undone_change_can_be_redone(session, ids):
    notes = session.annotations
    notes.tag(ids[:2], ["党建"])
    notes.set_tag_color("党建", "red")
    notes.rename_tag("党建", "组织")
    made = notes.add_highlight(ids[0], 0, 4).highlight
    notes.set_highlight_color(made.id, "green")
    notes.untag([ids[1]], ["组织"])
    before = (_tags(session), [(h.id, h.color) for h in session.library.highlights.of_article(ids[0])])
    undone = [notes.undo().step.kind for _ in range(6)]
    assert undone == ["untag", "highlight_color", "highlight", "rename_tag", "tag_color", "tag"]
    assert _tags(session) == {} and session.library.highlights.of_article(ids[0]) == []
    redone = [notes.redo().step.kind for _ in range(6)]
    assert redone == undone[::-1] and notes.redo() is None
    after = (_tags(session), [(h.id, h.color) for h in session.library.highlights.of_article(ids[0])])
    assert after == before == ({"组织": (1, "red")}, [(made.id, "green")])
    # and undone again, a deleted tag comes back and goes again
    notes.delete_tag("组织")
    notes.undo()
    assert _tags(session) == {"组织": (1, "red")}
    assert notes.redo().description == "删除标签 组织"
    assert _tags(session) == {}
