"""The undo and redo stacks of a session's annotation changes (no Qt).

Each entry is a `Step` (what kind of change, and on what: `Step("tag",
("红色物业",))`), a function that reverses the change through the library, one
that makes it again, and the `Changes` either touches.  The window words a
step in its own language (`reader/ui/undo_texts.py` translates each kind);
`str(step)` is the Chinese the CLI and logs use.  Tag and highlight changes
and edits of papers, dates and pages (`metadata`) are recorded: notes are autosaved
text, undone in the editor itself.

Undo moves the latest entry to the redo stack, redo moves it back; a new
change empties the redo stack (the usual editor rule: after a new edit the
undone future is gone).  The stacks are per session and in memory; they are
bounded so a long session does not keep closures of old changes forever.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from reader.app.changes import NO_CHANGES, Changes

#: Entries kept; older ones are forgotten.
LIMIT = 100

#: Each kind of step, as the Chinese the window's translation catalogue starts from.
STEP_TEXTS: dict[str, str] = {
    "tag": "添加标签 {}",
    "untag": "移除标签 {}",
    "rename_tag": "重命名标签 {} → {}",
    "merge_tag": "合并标签 {} → {}",
    "delete_tag": "删除标签 {}",
    "tag_color": "更改标签颜色 {}",
    "highlight": "添加高亮 {}",
    "delete_highlight": "删除高亮 {}",
    "highlight_color": "更改高亮颜色 {}",
    "edit_pages": "修改版面 {}",
    "edit_issue": "修改这一期 {}",
    "rename_paper": "重命名报纸 {} → {}",
    "merge_paper": "合并报纸 {} → {}",
    "save_search": "收藏检索 {}",
    "rename_search": "重命名收藏的检索 {} → {}",
    "delete_search": "删除收藏的检索 {}",
    "split_article": "拆分文章 {}",
    "merge_articles": "合并文章 {}",
    "line_role": "更改行的角色 {}",
    "move_paragraph": "移动段落 {}",
    "set_title": "修改标题 {}",
    "set_kind": "修改文章类型 {}",
    "set_column": "修改栏目 {}",
    "set_authors": "修改作者 {}",
    "edit_text": "修改段落文字 {}",
    "restore_text": "恢复原文 {}",
}


def fill_step(template: str, names: tuple[str, ...], join: str) -> str:
    """A step's text: a template with one `{}` takes the names joined by `join`, one with
    several `{}` takes them in turn (rename: old → new)."""
    slots = template.count("{}")
    if slots > 1:
        return template.format(*names[:slots], *[""] * (slots - len(names)))
    return template.format(join.join(names))


@dataclass(frozen=True)
class Step:
    """What a recorded change did: its kind (a key of `STEP_TEXTS`) and the names it acted on
    (tags, a highlight's quote; old and new name for a rename)."""

    kind: str
    names: tuple[str, ...]

    def __str__(self) -> str:
        template = STEP_TEXTS.get(self.kind)
        return fill_step(template, self.names, "、") if template else "、".join(self.names)


@dataclass(frozen=True)
class _Entry:
    step: Step
    undo: Callable[[], object]
    redo: Callable[[], object] | None
    changes: Changes


@dataclass(frozen=True)
class Undone:
    """What `History.undo` or `redo` did: the step, and what doing it changed."""

    step: Step
    changes: Changes

    @property
    def description(self) -> str:
        return str(self.step)


class History:
    """Bounded undo and redo stacks.  Thread-safe: the window records from workers."""

    def __init__(self, limit: int = LIMIT) -> None:
        self._entries: list[_Entry] = []
        self._undone: list[_Entry] = []
        self._limit = limit
        self._lock = threading.RLock()

    def record(self, step: Step | str, undo_fn: Callable[[], object],
               changes: Changes = NO_CHANGES, redo_fn: Callable[[], object] | None = None) -> None:
        """Remember a change, how to reverse it, how to make it again, and what it touches.

        A change with no `redo_fn` can be undone but not redone.  A plain string is a
        step of no known kind (shown as it is).
        """
        if isinstance(step, str):
            step = Step("", (step,))
        with self._lock:
            self._entries.append(_Entry(step, undo_fn, redo_fn, changes))
            del self._entries[: -self._limit]
            self._undone.clear()

    @property
    def can_undo(self) -> bool:
        with self._lock:
            return bool(self._entries)

    @property
    def can_redo(self) -> bool:
        with self._lock:
            return bool(self._undone) and self._undone[-1].redo is not None

    @property
    def undo_step(self) -> Step | None:
        """The step `undo` would reverse, or None."""
        with self._lock:
            return self._entries[-1].step if self._entries else None

    @property
    def redo_step(self) -> Step | None:
        """The step `redo` would make again, or None."""
        with self._lock:
            return self._undone[-1].step if self.can_redo else None

    @property
    def undo_text(self) -> str | None:
        """The Chinese description of the change `undo` would reverse, or None."""
        step = self.undo_step
        return str(step) if step is not None else None

    @property
    def redo_text(self) -> str | None:
        step = self.redo_step
        return str(step) if step is not None else None

    def undo(self) -> Undone | None:
        """Reverse the latest change; say what it was (None if there was nothing).

        The entry is taken off the stack before it runs: if reversing fails (the
        article it touched is gone), the error propagates and the entry is dropped
        rather than failing again on every later undo.
        """
        with self._lock:
            if not self._entries:
                return None
            entry = self._entries.pop()
            entry.undo()
            if entry.redo is not None:
                self._undone.append(entry)
            return Undone(entry.step, entry.changes)

    def redo(self) -> Undone | None:
        """Make the latest undone change again (None if there is none); it can be undone again."""
        with self._lock:
            if not self.can_redo:
                return None
            entry = self._undone.pop()
            assert entry.redo is not None
            entry.redo()
            self._entries.append(entry)
            return Undone(entry.step, entry.changes)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._undone.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
