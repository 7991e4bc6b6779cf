"""The window's 更正 commands: fix what the parser got wrong in the open article.

Split the article before a paragraph, merge it with the previous or next
one, say what a line is (标题, 肩题 … 不属于文章), move a paragraph to the
previous or next article, change the kind, column, headline and authors,
and correct a paragraph's text (the original stays stored and can be put
back).  Every command is one mutation of `session.corrections` on the
worker (reader/ui/operations.py), goes on the library's undo history (编辑
→ 撤销), and its `Changes` reach the tree, the lists and the pane through
the window's `apply`.

The commands are reached three ways, all built from one table
(`COMMANDS`): the pane's context menu, on the paragraph under the mouse;
the menu bar's 更正 menu; and the keyboard, both on the paragraph the caret
is in (a click puts it there), else the first paragraph in view.  The
shortcuts avoid every one in reader/ui/actions.py.

`CorrectionCommands` is given what it works with (the operations, the
window state, the message channel, the pane, and how to open an article)
and knows nothing else of the window.  Dialogs are opened with `open()`
and announced on `dialog_opened`, so tests fill them in like a reader.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from reader.models import ArticleRecord
from reader.ui.article_view import ArticleView
from reader.ui.correction_dialogs import AuthorsDialog, KindDialog, LineDialog, ParagraphTextDialog
from reader.ui.messages import MessageChannel
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.operations import Operations
from reader.ui.window_state import WindowState

translate = QCoreApplication.translate

#: What a line can be said to be (此行是 …): the role given to `set_role`, and its name.
ROLES: tuple[tuple[str, str, str], ...] = (
    ("title", QT_TRANSLATE_NOOP("Corrections", "标题"), "Ctrl+Shift+T"),
    ("kicker", QT_TRANSLATE_NOOP("Corrections", "肩题"), ""),
    ("subtitle", QT_TRANSLATE_NOOP("Corrections", "副题"), ""),
    ("byline", QT_TRANSLATE_NOOP("Corrections", "署名"), ""),
    ("subhead", QT_TRANSLATE_NOOP("Corrections", "小标题"), "Ctrl+Shift+H"),
    ("caption", QT_TRANSLATE_NOOP("Corrections", "图片说明"), ""),
    ("furniture", QT_TRANSLATE_NOOP("Corrections", "不属于文章"), "Ctrl+Shift+Del"),
)


@dataclass(frozen=True)
class Command:
    """One 更正 command: its key, its words, its shortcut, and whether it acts on a paragraph
    (else on the whole article).  `first` says it makes no sense on the first paragraph."""

    key: str
    text: str
    shortcut: str = ""
    paragraph: bool = False
    first: bool = True


#: The commands in menu order; None is a separator, "roles" the 此行是 submenu.
COMMANDS: tuple[Command | str | None, ...] = (
    Command("split", QT_TRANSLATE_NOOP("Corrections", "在此段前拆分"), "Ctrl+Shift+S",
            paragraph=True, first=False),
    Command("merge_previous", QT_TRANSLATE_NOOP("Corrections", "与上一篇合并"), "Ctrl+Alt+M"),
    Command("merge_next", QT_TRANSLATE_NOOP("Corrections", "与下一篇合并"), "Ctrl+Shift+M"),
    None,
    "roles",
    Command("move_previous", QT_TRANSLATE_NOOP("Corrections", "此段移到上一篇"), "Ctrl+Alt+Up",
            paragraph=True),
    Command("move_next", QT_TRANSLATE_NOOP("Corrections", "此段移到下一篇"), "Ctrl+Alt+Down",
            paragraph=True),
    Command("edit_text", QT_TRANSLATE_NOOP("Corrections", "修改此段文字…"), "Ctrl+Shift+X",
            paragraph=True),
    None,
    Command("title", QT_TRANSLATE_NOOP("Corrections", "修改标题…")),
    Command("kind", QT_TRANSLATE_NOOP("Corrections", "修改类型…"), "Ctrl+Shift+K"),
    Command("column", QT_TRANSLATE_NOOP("Corrections", "修改栏目…"), "Ctrl+Shift+L"),
    Command("authors", QT_TRANSLATE_NOOP("Corrections", "设置作者…"), "Ctrl+Shift+A"),
)

#: The submenu's title.
ROLES_MENU = QT_TRANSLATE_NOOP("Corrections", "此行是")


class CorrectionCommands(QObject):
    """The 更正 commands of a window, on its open article."""

    #: a correction dialog was opened (the dialog)
    dialog_opened = Signal(object)
    #: a correction was made (its outcome), after its changes reached the views' queue
    corrected = Signal(object)

    def __init__(self, ops: Operations, state: WindowState, messages: MessageChannel,
                 pane: ArticleView, show_article: Callable[[int], None], parent: QWidget):
        super().__init__(parent)
        self.ops, self.state, self.messages, self.pane = ops, state, messages, pane
        self._show_article = show_article
        self._parent = parent
        #: the menu bar's actions by command key ("split", "role:title", …)
        self.actions: dict[str, QAction] = {}
        self.dialog: QDialog | None = None
        pane.extend_context_menu = self.add_to_menu
        # The pane shows a corrected paragraph's original on hover: read them for each article
        # it shows (after the pane has drawn it: these connections come after the window's).
        state.article_changed.connect(self._read_originals)
        state.article_updated.connect(self._read_originals)

    # -- the menus -------------------------------------------------------------------------

    def fill_menu(self, window: QWidget, menu: QMenu) -> None:
        """The menu bar's 更正 menu: every command, acting on the caret's paragraph; the
        actions are also added to the window, so their shortcuts work anywhere in it."""
        def made(key: str, text: str, shortcut: str, into: QMenu) -> QAction:
            action = QAction(text, window)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, key=key: self.run(key, None))
            into.addAction(action)
            window.addAction(action)
            self.actions[key] = action
            return action

        self._fill(menu, made)
        menu.aboutToShow.connect(self._update_menu_bar)
        # Enabled again once the menu closes: a disabled action would also lose its key, and
        # `run` says itself when a command has nothing to act on.
        menu.aboutToHide.connect(self._enable_all)

    def add_to_menu(self, menu: QMenu, paragraph: int | None) -> None:
        """The commands in the pane's context menu, on the paragraph right-clicked
        (`paragraph`; None: not on a body paragraph, so only whole-article commands)."""
        def made(key: str, text: str, shortcut: str, into: QMenu) -> QAction:
            action = into.addAction(text)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))  # shown, as the menu bar's are
            action.triggered.connect(lambda _checked=False, key=key: self.run(key, paragraph))
            return action

        made_actions = self._fill(menu, made)
        self._enable(made_actions, paragraph)

    def _fill(self, menu: QMenu, made) -> dict[str, QAction]:
        actions: dict[str, QAction] = {}
        for command in COMMANDS:
            if command is None:
                menu.addSeparator()
            elif command == "roles":
                submenu = menu.addMenu(translate("Corrections", ROLES_MENU))
                for role, name, shortcut in ROLES:
                    key = f"role:{role}"
                    actions[key] = made(key, translate("Corrections", name), shortcut, submenu)
                actions["roles"] = submenu.menuAction()
            else:
                assert isinstance(command, Command)
                actions[command.key] = made(command.key, translate("Corrections", command.text),
                                            command.shortcut, menu)
        return actions

    def _enable(self, actions: dict[str, QAction], paragraph: int | None) -> None:
        article = self.pane.article
        for key, action in actions.items():
            command = _command(key)
            if article is None:
                action.setEnabled(False)
            elif command is not None and command.paragraph:
                action.setEnabled(paragraph is not None and (command.first or paragraph > 1))
            elif key == "roles" or key.startswith("role:"):
                action.setEnabled(paragraph is not None)
            else:
                action.setEnabled(True)

    def _enable_all(self) -> None:
        for action in self.actions.values():
            action.setEnabled(True)

    def _update_menu_bar(self) -> None:
        actions = dict(self.actions)
        self._enable(actions, self.pane.current_paragraph())

    # -- running a command -------------------------------------------------------------------

    def run(self, key: str, paragraph: int | None) -> None:
        """Run a command on the open article; `paragraph` None: the caret's paragraph."""
        article = self.pane.article
        if article is None or self.ops.session is None:
            self.messages.info(translate("Corrections", "先打开要更正的文章。"))
            return
        command = _command(key)
        if paragraph is None and (key.startswith("role:") or (command and command.paragraph)):
            paragraph = self.pane.current_paragraph()
            if paragraph is None:
                self.messages.info(translate("Corrections", "先在文章正文里点一下要更正的段落。"))
                return
        if key == "split" and paragraph == 1:
            self.messages.info(translate("Corrections", "不能在第一段前拆分：请点在新文章开始的那一段。"))
            return
        number = paragraph or 0
        if key.startswith("role:"):
            role = key.split(":", 1)[1]
            self._mutate(lambda s: s.corrections.set_role(article.id, number, role),
                         translate("Corrections", "无法更改这一行"))
            return
        simple = {
            "split": lambda s: s.corrections.split(article.id, number),
            "merge_previous": lambda s: s.corrections.merge(article.id, "previous"),
            "merge_next": lambda s: s.corrections.merge(article.id, "next"),
            "move_previous": lambda s: s.corrections.move_paragraph(article.id, number,
                                                                    "previous"),
            "move_next": lambda s: s.corrections.move_paragraph(article.id, number, "next"),
        }
        if key in simple:
            self._mutate(simple[key], translate("Corrections", "无法完成更正"),
                         after=(self._merged if key.startswith("merge") else
                                self._moved if key.startswith("move") else None))
        elif key == "edit_text":
            self._ask_text(article, number)
        else:
            self._ask(key, article)

    def _mutate(self, write, failed_text: str, after: Callable[[object], None] | None = None
                ) -> None:
        def done(outcome) -> None:
            if after is not None:
                after(outcome)
            self.messages.info(translate("Corrections", "已更正（Ctrl+Z 撤销）。"))
            self.corrected.emit(outcome)

        self.ops.mutate(write, failed_text, done=done)

    def _merged(self, outcome) -> None:
        """After a merge the pane shows the merged article (it may be the previous one)."""
        article_id = getattr(outcome, "article_id", None)
        if article_id is not None and article_id != self.state.article_id:
            self._show_article(article_id)

    def _moved(self, outcome) -> None:
        """A paragraph moved out of an article that had no other: the article may be gone."""
        article_id = getattr(outcome, "article_id", None)
        if article_id is not None and article_id != self.state.article_id:
            self._show_article(article_id)

    def _read_originals(self, article: ArticleRecord | None) -> None:
        if article is None or not article.corrected or self.ops.session is None:
            self.pane.set_originals({})
            return
        article_id, count = article.id, len(article.paragraphs)

        def read(session) -> dict[int, str]:
            found = {}
            for number in range(1, count + 1):
                original = session.corrections.original_text(article_id, number)
                if original is not None:
                    found[number] = original
            return found

        def shown(originals: dict[int, str]) -> None:
            if self.pane.article is not None and self.pane.article.id == article_id:
                self.pane.set_originals(originals)

        self.ops.query(read, shown, translate("Corrections", "无法读取原文"))

    # -- the dialogs -------------------------------------------------------------------------

    def _open(self, dialog: QDialog, accepted: Callable[[], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _ask(self, key: str, article: ArticleRecord) -> None:
        # What a dialog says is read on the UI thread when it is accepted: the write runs
        # later on the worker, after the dialog is gone.
        if key == "kind":
            kind_dialog = KindDialog(article.kind, self._parent)
            self._open(kind_dialog, lambda: self._set(
                "set_kind", article.id, kind_dialog.kind(), translate("Corrections", "无法修改类型")))
        elif key == "column":
            column_dialog = LineDialog(translate("Corrections", "修改栏目"),
                                       translate("Corrections", "栏目名称（留空表示没有栏目）："),
                                       article.column, self._parent,
                                       translate("Corrections", "不属于任何栏目"))
            self._open(column_dialog, lambda: self._set(
                "set_column", article.id, column_dialog.value(),
                translate("Corrections", "无法修改栏目")))
        elif key == "title":
            title_dialog = LineDialog(translate("Corrections", "修改标题"),
                                      translate("Corrections", "这篇文章的标题："),
                                      article.title, self._parent)
            self._open(title_dialog, lambda: self._set(
                "set_title", article.id, title_dialog.value(), translate("Corrections", "无法修改标题")))
        elif key == "authors":
            authors_dialog = AuthorsDialog([(a.role, a.name) for a in article.authors],
                                           self._parent)
            self._open(authors_dialog, lambda: self._set(
                "set_authors", article.id, authors_dialog.authors(),
                translate("Corrections", "无法设置作者")))

    def _set(self, method: str, article_id: int, value, failed_text: str) -> None:
        """`session.corrections.<method>(article_id, value)` as a mutation."""
        self._mutate(lambda s: getattr(s.corrections, method)(article_id, value), failed_text)

    def _ask_text(self, article: ArticleRecord, number: int) -> None:
        """Read the paragraph's original (if it was corrected), then ask for its text."""
        text = article.paragraphs[number - 1]

        def ask(original: str | None) -> None:
            if self.state.article_id != article.id:
                return  # the reader has moved on
            dialog = ParagraphTextDialog(number, text, original, self._parent)

            def accepted() -> None:
                if dialog.restore_requested:
                    self._mutate(lambda s: s.corrections.restore_text(article.id, number),
                                 translate("Corrections", "无法恢复原文"))
                elif dialog.text() != text:
                    new_text = dialog.text()
                    self._mutate(lambda s: s.corrections.edit_text(article.id, number, new_text),
                                 translate("Corrections", "无法修改文字"))

            self._open(dialog, accepted)

        self.ops.query(lambda s: s.corrections.original_text(article.id, number), ask,
                       translate("Corrections", "无法读取原文"))


def _command(key: str) -> Command | None:
    for command in COMMANDS:
        if isinstance(command, Command) and command.key == key:
            return command
    return None


__all__ = ["COMMANDS", "ROLES", "Command", "CorrectionCommands"]
