"""The undo stack: descriptions, order, limit, failures."""

from __future__ import annotations

import pytest

from reader.app.undo import History


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
