"""The undo stack: descriptions, order, limit, failures."""

from __future__ import annotations

import pytest

from reader.app.undo import History, Step, fill_step


def test_undo_runs_the_latest_change_first_and_says_what_it_undid():
    done = []
    history = History()
    assert not history.can_undo and history.undo_text is None and history.undo() is None
    history.record("添加标签 甲", lambda: done.append("甲"))
    history.record("添加标签 乙", lambda: done.append("乙"))
    assert history.can_undo and history.undo_text == "添加标签 乙"
    assert history.undo().description == "添加标签 乙"
    assert history.undo().description == "添加标签 甲"
    assert done == ["乙", "甲"] and not history.can_undo


def test_the_stack_is_bounded():
    history = History(limit=3)
    for n in range(5):
        history.record(f"第{n}步", lambda: None)
    assert len(history) == 3 and history.undo_text == "第4步"


def test_a_failing_undo_is_dropped_and_the_error_propagates():
    history = History()
    history.record("能撤销", lambda: None)

    def broken():
        raise RuntimeError("gone")

    history.record("不能撤销", broken)
    with pytest.raises(RuntimeError):
        history.undo()
    assert history.undo_text == "能撤销"


def test_redo_makes_an_undone_change_again_until_a_new_change():
    done = []
    history = History()
    history.record(Step("tag", ("甲",)), lambda: done.append("undo 甲"), redo_fn=lambda: done.append("redo 甲"))
    history.record(Step("untag", ("乙", "丙")), lambda: done.append("undo 乙"),
                   redo_fn=lambda: done.append("redo 乙"))
    assert not history.can_redo and history.redo() is None
    assert history.undo().step == Step("untag", ("乙", "丙"))
    assert history.redo_text == "移除标签 乙、丙" and history.undo_text == "添加标签 甲"
    assert history.redo().description == "移除标签 乙、丙"
    assert done == ["undo 乙", "redo 乙"] and history.undo_text == "移除标签 乙、丙"
    # undone again, then a new change: the undone one cannot be redone any more
    history.undo()
    history.record(Step("tag", ("丁",)), lambda: None, redo_fn=lambda: None)
    assert not history.can_redo and history.redo_step is None


def test_a_change_without_a_redo_is_undone_but_not_redone():
    history = History()
    history.record("只能撤销", lambda: None)
    history.undo()
    assert not history.can_redo


def test_a_step_is_worded_from_its_kind():
    assert str(Step("rename_tag", ("旧", "新"))) == "重命名标签 旧 → 新"
    assert str(Step("highlight", ("“一段话”",))) == "添加高亮 “一段话”"
    assert fill_step("Add tags {}", ("a", "b"), ", ") == "Add tags a, b"
