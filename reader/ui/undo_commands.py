"""The window's 撤销 / 重做: the library's undo history, from the keyboard wherever focus is.

Ctrl+Z undoes the last library change (a tag, a highlight) and Ctrl+Shift+Z
or Ctrl+Y makes it again, even while a text field (the search bar, the tag
field, the note) has the focus: a field would otherwise claim these keys for
its own text undo (it accepts Qt's ShortcutOverride), so `UndoCommands`
watches the window's fields and lets the window's actions have them.  The
field's own undo stays in its context menu.  The 编辑 menu says what each will
do (撤销 添加标签 红色物业), in the window's language: the step's kind is
worded by `STEP_TEXTS` here, in the "Undo" translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from reader.app.undo import Step, fill_step
from reader.ui.messages import MessageChannel
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.operations import Operations

translate = QCoreApplication.translate

#: Each kind of `reader.app.undo.Step`, as the window words it (same Chinese as the app's).
STEP_TEXTS: dict[str, str] = {
    "tag": QT_TRANSLATE_NOOP("Undo", "添加标签 {}"),
    "untag": QT_TRANSLATE_NOOP("Undo", "移除标签 {}"),
    "rename_tag": QT_TRANSLATE_NOOP("Undo", "重命名标签 {} → {}"),
    "merge_tag": QT_TRANSLATE_NOOP("Undo", "合并标签 {} → {}"),
    "delete_tag": QT_TRANSLATE_NOOP("Undo", "删除标签 {}"),
    "tag_color": QT_TRANSLATE_NOOP("Undo", "更改标签颜色 {}"),
    "highlight": QT_TRANSLATE_NOOP("Undo", "添加高亮 {}"),
    "delete_highlight": QT_TRANSLATE_NOOP("Undo", "删除高亮 {}"),
    "highlight_color": QT_TRANSLATE_NOOP("Undo", "更改高亮颜色 {}"),
    "edit_pages": QT_TRANSLATE_NOOP("Undo", "修改版面 {}"),
    "edit_issue": QT_TRANSLATE_NOOP("Undo", "修改这一期 {}"),
    "rename_paper": QT_TRANSLATE_NOOP("Undo", "重命名报纸 {} → {}"),
    "merge_paper": QT_TRANSLATE_NOOP("Undo", "合并报纸 {} → {}"),
    "save_search": QT_TRANSLATE_NOOP("Undo", "收藏检索 {}"),
    "rename_search": QT_TRANSLATE_NOOP("Undo", "重命名收藏的检索 {} → {}"),
    "delete_search": QT_TRANSLATE_NOOP("Undo", "删除收藏的检索 {}"),
    "split_article": QT_TRANSLATE_NOOP("Undo", "拆分文章 {}"),
    "merge_articles": QT_TRANSLATE_NOOP("Undo", "合并文章 {}"),
    "line_role": QT_TRANSLATE_NOOP("Undo", "更改行的角色 {}"),
    "move_paragraph": QT_TRANSLATE_NOOP("Undo", "移动段落 {}"),
    "set_title": QT_TRANSLATE_NOOP("Undo", "修改标题 {}"),
    "set_kind": QT_TRANSLATE_NOOP("Undo", "修改文章类型 {}"),
    "set_column": QT_TRANSLATE_NOOP("Undo", "修改栏目 {}"),
    "set_authors": QT_TRANSLATE_NOOP("Undo", "修改作者 {}"),
    "edit_text": QT_TRANSLATE_NOOP("Undo", "修改段落文字 {}"),
    "restore_text": QT_TRANSLATE_NOOP("Undo", "恢复原文 {}"),
}

#: The widgets whose own undo would otherwise take Ctrl+Z.
TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def step_text(step: Step) -> str:
    """A step in the window's language: 添加标签 红色物业 / Add tag 红色物业."""
    template = STEP_TEXTS.get(step.kind)
    join = translate("Undo", "、")
    if template is None:
        return join.join(step.names)
    return fill_step(translate("Undo", template), step.names, join)


class UndoCommands(QObject):
    """撤销 and 重做 for a window: the actions' texts, the commands, the keys in text fields."""

    def __init__(self, ops: Operations, messages: MessageChannel, window: QWidget):
        super().__init__(window)
        self.ops, self.messages, self._window = ops, messages, window
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        ops.changed.connect(lambda _changes: self.update())
        # Qt keeps its event filters as weak pointers: this one goes when the window does.
        app = QApplication.instance()
        assert app is not None  # a window exists, so the application does
        app.installEventFilter(self)

    def attach(self, undo_action: QAction, redo_action: QAction) -> None:
        self.undo_action, self.redo_action = undo_action, redo_action
        self.update()

    def update(self) -> None:
        """Say in the menu what 撤销 and 重做 would do now (the history is in memory: no
        library access, so it is read here on the UI thread)."""
        session = self.ops.session
        history = session.annotations.history if session is not None else None
        undo_step = history.undo_step if history is not None else None
        redo_step = history.redo_step if history is not None else None
        if self.undo_action is not None:
            self.undo_action.setEnabled(undo_step is not None)
            self.undo_action.setText(
                translate("MainWindow", "撤销 {}").format(step_text(undo_step)) if undo_step
                else translate("MainWindow", "撤销"))
        if self.redo_action is not None:
            self.redo_action.setEnabled(redo_step is not None)
            self.redo_action.setText(
                translate("MainWindow", "重做 {}").format(step_text(redo_step)) if redo_step
                else translate("MainWindow", "重做"))

    def undo(self) -> None:
        """Undo the last tag or highlight change of this session."""
        def done(undone) -> None:
            if undone is None:
                self.messages.info(translate("MainWindow", "没有可以撤销的标签或划线改动。"))
            else:
                self.messages.info(translate("MainWindow", "已撤销：{}").format(
                    step_text(undone.step)))
            self.update()

        self.ops.mutate(lambda session: session.annotations.undo(),
                        translate("MainWindow", "无法撤销"), done=done,
                        failed=lambda exc: self._failed(translate("MainWindow", "无法撤销"), exc))

    def redo(self) -> None:
        """Make the last undone change again."""
        def done(redone) -> None:
            if redone is None:
                self.messages.info(translate("MainWindow", "没有可以重做的改动。"))
            else:
                self.messages.info(translate("MainWindow", "已重做：{}").format(
                    step_text(redone.step)))
            self.update()

        self.ops.mutate(lambda session: session.annotations.redo(),
                        translate("MainWindow", "无法重做"), done=done,
                        failed=lambda exc: self._failed(translate("MainWindow", "无法重做"), exc))

    def _failed(self, text: str, exc: BaseException) -> None:
        self.messages.failure(text, exc)
        self.update()

    # -- the keys, wherever the focus is ----------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and isinstance(watched, TEXT_FIELDS) and watched.window() is self._window
                and self._is_history_key(event)):
            # Not accepted: Qt then looks for a shortcut, and finds the window's action.
            event.ignore()
            return True
        return False

    def _is_history_key(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        for action in (self.undo_action, self.redo_action):
            if action is not None and action.isEnabled() and any(
                    pressed.matches(shortcut) == QKeySequence.SequenceMatch.ExactMatch
                    for shortcut in action.shortcuts()):
                return True
        return False


__all__ = ["STEP_TEXTS", "UndoCommands", "step_text"]
