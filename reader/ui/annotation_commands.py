"""The window's annotation and export commands: highlight, bulk tagging, export, copy.

`AnnotationCommands` is an object the window owns (not a mixin): it is
given what it works with (the operations, the window state, the message
channel, the pane, and a function that says which navigator view is shown)
and knows nothing else of the window, so `window` imports it and it imports
neither `window` nor anything that does.  Writes are mutations; their
`Changes` reach the views through the window's `apply`.  Texts are in the
"MainWindow" translation context, like the rest of the window's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication, QWidget

from reader.app import browsing
from reader.app.changes import Changes
from reader.export import copy_with_citation_text
from reader.ui.article_view import ArticleView
from reader.ui.messages import MessageChannel
from reader.ui.operations import Operations
from reader.ui.selection import command_pick, export_pick
from reader.ui.tag_prompt import TagPrompt
from reader.ui.window_state import WindowState

if TYPE_CHECKING:  # the dialog (and the export layer under it) loads when first opened
    from reader.ui.export_dialog import ExportDialog

translate = QCoreApplication.translate


class AnnotationCommands(QObject):
    """Commands on the reader's annotations and selections."""

    #: the Ctrl+T dialog was opened (the TagPrompt)
    tag_prompt_opened = Signal(object)
    #: an Export… dialog was opened (the dialog)
    export_opened = Signal(object)

    def __init__(self, ops: Operations, state: WindowState, messages: MessageChannel,
                 pane: ArticleView, shown_view: Callable[[], object], parent: QWidget,
                 settings: QSettings):
        super().__init__(parent)
        self.ops, self.state, self.messages, self.pane = ops, state, messages, pane
        self._shown_view = shown_view
        self._parent, self._settings = parent, settings
        #: the open Ctrl+T dialog (the latest one)
        self.tag_prompt: TagPrompt | None = None
        #: the Export… dialog's file chooser (None: the dialog's own); tests replace it
        self.choose_export_target = None
        self.export_dialog: ExportDialog | None = None

    # -- annotations -----------------------------------------------------------------------

    def highlight_selection(self) -> None:
        if not self.pane.request_highlight("yellow"):
            self.messages.info(translate("MainWindow", "先在文章里选中要划线的文字。"))

    def tag_selection(self) -> None:
        """Put tags on every selected article at once (Ctrl+T): ask in a `TagPrompt`."""
        picked = command_pick(self._shown_view(), self.state)
        if picked.empty:
            self.messages.info(translate("MainWindow", "先选中要加标签的文章。"))
            return
        if self.ops.session is None:
            return
        self.ops.query(lambda session: (browsing.picked_ids(session, picked),
                                        browsing.tag_list(session)),
                       lambda found: self._ask_tags(*found),
                       translate("MainWindow", "无法读取标签"))

    def _ask_tags(self, ids: list[int], tags) -> None:
        if not ids:
            self.messages.info(translate("MainWindow", "先选中要加标签的文章。"))
            return
        self.tag_prompt = prompt = TagPrompt(len(ids), tags, self._parent)
        prompt.accepted.connect(lambda: self._tag(ids, prompt.names()))
        prompt.finished.connect(prompt.deleteLater)
        prompt.open()
        self.tag_prompt_opened.emit(prompt)

    def _tag(self, ids: list[int], names: list[str]) -> None:
        if not names:
            return
        def done(tagged: _Tagged) -> None:
            # self.tr, not translate(): lupdate marks a plural only in a tr() call
            count = tagged.count  # … and only with a plain name as its count
            said = self.tr("已给 %n 篇文章加上标签：{}（Ctrl+Z 撤销）", "", count)
            self.messages.info(said.format("、".join(names)))

        self.ops.mutate(lambda session: _Tagged(len(ids), session.annotations.tag(ids, names)),
                        translate("MainWindow", "无法添加标签"), done=done)

    # -- export and copy -----------------------------------------------------------------------

    def export_selection(self) -> None:
        """Export… (Ctrl+E) on what is selected: results, a tag, tree rows, or the article."""
        if self.ops.session is None:
            return
        picked, title = export_pick(self._shown_view(), self.state)
        if picked.empty:
            self.messages.info(translate("MainWindow", "先选中要导出的文章、标签或搜索结果。"))
            return
        self.ops.query(lambda session: browsing.picked_ids(session, picked),
                       lambda ids: self._open_export(ids, title),
                       translate("MainWindow", "无法确定要导出的文章"))

    def _open_export(self, ids: list[int], title: str) -> None:
        if not ids:
            self.messages.info(translate("MainWindow", "先选中要导出的文章、标签或搜索结果。"))
            return
        from reader.ui.export_dialog import ExportDialog

        self.export_dialog = ExportDialog(
            self.ops.session, ids, title, self._parent, choose_target=self.choose_export_target,
            settings=self._settings, runner=self.ops.runner)
        self.export_dialog.exported.connect(
            lambda report: self.messages.info(self.tr("导出完成：%n 篇文章。", "", report.articles)))
        self.export_dialog.open()
        self.export_opened.emit(self.export_dialog)

    def copy_with_citation(self) -> None:
        """Copy the pane's selection with the article's citation after it (plain text)."""
        article = self.pane.article
        selected = self.pane.textCursor().selectedText()
        if article is None or not selected.strip():
            self.messages.info(translate("MainWindow", "先在文章里选中要复制的文字。"))
            return

        # The article on screen carries its paper, date and page: nothing to read first.
        QApplication.clipboard().setText(copy_with_citation_text(article, selected))
        self.messages.info(translate("MainWindow", "已复制，并附上引用。"))


@dataclass(frozen=True)
class _Tagged:
    """A bulk tagging's result: how many articles it acted on, and its `changes`."""

    count: int
    changes: Changes


__all__ = ["AnnotationCommands"]
