"""The window's annotation and export commands: undo, highlight, bulk tagging, export, copy.

`AnnotationCommands` is mixed into `MainWindow` (it uses the window's
session, panes, views and message channel).  Texts are in the "MainWindow"
translation context, like the rest of the window's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QInputDialog

from reader.export import copy_with_citation_text
from reader.ui.export_dialog import ExportDialog
from reader.ui.selection import export_target, selected_article_ids
from reader.ui.tag_editor import split_tags

translate = QCoreApplication.translate


class AnnotationCommands:
    """Commands on the reader's annotations and selections (mixed into `MainWindow`)."""

    # -- annotations -------------------------------------------------------------------------

    def _annotations_changed(self, article_ids) -> None:
        """Annotations of these articles (None: any article) changed; show it everywhere."""
        if article_ids is None:
            self.tree_model.refresh_articles(self.tree_model.loaded_article_ids())
            self.panel.refresh()
        else:
            self.tree_model.refresh_articles(article_ids)
        current = self.panel.article
        if current is not None and (article_ids is None or current.id in article_ids):
            self.pane.set_highlights(current.highlights)
        self.reload_browse_view()
        self._update_undo_action()

    def reload_browse_view(self) -> None:
        """Read the shown 标签 or 批注 view again; the hidden one is read when it is shown."""
        view = self.browse_tabs.currentWidget()
        if view in (self.tags_view, self.notes_view):
            view.reload()

    def _update_undo_action(self) -> None:
        text = self.session.annotations.history.undo_text if self.session is not None else None
        self.undo_action.setEnabled(bool(text))
        self.undo_action.setText(translate("MainWindow", "撤销 {}").format(text) if text else translate("MainWindow", "撤销"))

    def undo(self) -> None:
        """Undo the last tag or highlight change of this session."""
        if self.session is None:
            return
        try:
            done = self.session.annotations.undo()
        except Exception as exc:
            self.messages.failure(translate("MainWindow", "无法撤销"), exc)
            return
        if done is None:
            self.messages.info(translate("MainWindow", "没有可以撤销的标签或划线改动。"))
        else:
            self.messages.info(translate("MainWindow", "已撤销：{}").format(done))
        self._annotations_changed(None)

    def highlight_selection(self) -> None:
        if not self.pane.request_highlight("yellow"):
            self.messages.info(translate("MainWindow", "先在文章里选中要划线的文字。"))

    def tag_selection(self) -> None:
        """Put tags on every selected article at once (Ctrl+T)."""
        ids = selected_article_ids(self)
        if not ids:
            self.messages.info(translate("MainWindow", "先选中要加标签的文章。"))
            return
        text = self.ask_tags(len(ids))
        names = split_tags(text or "")
        if not names:
            return
        try:
            self.session.annotations.tag(ids, names)
        except Exception as exc:
            self.messages.failure(translate("MainWindow", "无法添加标签"), exc)
            return
        self.messages.info(translate("MainWindow", "已给 {} 篇文章加上标签：{}（Ctrl+Z 撤销）").format(
            len(ids), "、".join(names)))
        self.panel.refresh()
        self._annotations_changed(ids)

    def _ask_tags(self, count: int) -> str | None:
        text, ok = QInputDialog.getText(
            self, translate("MainWindow", "加标签"),
            translate("MainWindow", "给所选的 {} 篇文章加标签（多个标签用逗号分开）：").format(count))
        return text if ok else None

    # -- export and copy -----------------------------------------------------------------------

    def export_selection(self) -> None:
        """Export… (Ctrl+E) on what is selected: results, a tag, tree rows, or the article."""
        if self.session is None:
            return
        try:
            ids, title = export_target(self)
        except Exception as exc:
            self.messages.failure(translate("MainWindow", "无法确定要导出的文章"), exc)
            return
        if not ids:
            self.messages.info(translate("MainWindow", "先选中要导出的文章、标签或搜索结果。"))
            return
        self.export_dialog = ExportDialog(
            self.session, ids, title, self, choose_target=self.choose_export_target,
            settings=self._settings, runner=self.runner)
        self.export_dialog.exported.connect(
            lambda report: self.messages.info(translate("MainWindow", "导出完成：{} 篇文章。").format(
                report.articles)))
        self.export_dialog.open()

    def copy_with_citation(self) -> None:
        """Copy the pane's selection with the article's citation after it (plain text)."""
        article = self.pane.article
        selected = self.pane.textCursor().selectedText()
        if article is None or not selected.strip():
            self.messages.info(translate("MainWindow", "先在文章里选中要复制的文字。"))
            return
        try:
            issue = self.session.library.issues.get(article.issue_id) if self.session else None
        except Exception as exc:
            self.messages.failure(translate("MainWindow", "无法读取这一期"), exc)
            return
        QApplication.clipboard().setText(copy_with_citation_text(article, issue, selected))
        self.messages.info(translate("MainWindow", "已复制，并附上引用。"))


__all__ = ["AnnotationCommands"]
