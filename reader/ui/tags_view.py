"""The 标签 view of the navigator: every tag with its count; its articles one click away.

The upper list holds the tags (coloured mark, name, count); choosing one
lists its articles below, newest issue first, and activating an article
opens it.  A tag's context menu renames it (onto an existing name: the two
merge, after a confirmation), recolours it or deletes it (after a
confirmation; its articles stay).  Dialogs are attributes (`ask_text`,
`confirm`, `ask_color`) that tests replace.

Lists are read by queries and tag edits are mutations (`reader/ui/
operations.py`); after a change the view re-reads its lists only if tags
changed, and only when it is shown (a hidden view re-reads when shown).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.app import browsing
from reader.app.browsing import Picked
from reader.app.changes import Changes
from reader.library.values import normalize_tag
from reader.ui import wording
from reader.ui.article_list import ArticleList
from reader.ui.lazy_view import LazyView
from reader.ui.plain import ask_text, ask_yes_no

TagNameRole = Qt.ItemDataRole.UserRole + 2


class TagsView(LazyView):
    """Tags and the articles of the chosen tag."""

    article_chosen = Signal(int)
    #: the tag list was read and shown
    reloaded = Signal()

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.messages = context.ops, context.messages
        self._names: list[str] = []
        self._summaries: list | None = None  # the tags shown, to write again in another language
        self.ask_text = lambda title, label, text: self._ask_text(title, label, text)
        self.confirm = lambda title, text: ask_yes_no(self, title, text)
        self.ask_color = self._ask_color
        self.tag_list = QListWidget(self)
        self.tag_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tag_list.customContextMenuRequested.connect(self._menu)
        self.tag_list.currentItemChanged.connect(lambda *_: self._show_articles())
        self.articles = ArticleList(self)
        self.articles.article_chosen.connect(self.article_chosen)
        self.empty_label = QLabel(self.tr("还没有标签。在文章右侧的标签栏输入名称即可添加。"), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setContentsMargins(8, 8, 8, 8)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tag_list)
        splitter.addWidget(self.articles)
        splitter.setSizes([200, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)

    @property
    def current_tag(self) -> str | None:
        item = self.tag_list.currentItem()
        return item.data(TagNameRole) if item is not None else None

    def wants(self, changes: Changes) -> bool:
        return changes.tags or changes.structure

    def read(self) -> None:
        """Read the tags again, keeping the chosen one if it still exists."""
        self.ops.query(browsing.tag_list, self._show_tags, self.tr("无法读取标签"))

    def retranslate(self) -> None:
        """The language changed: the rows are written again in its words."""
        if self._summaries is not None:
            self._show_tags(self._summaries)

    def _show_tags(self, summaries) -> None:
        keep = self.current_tag
        self.tag_list.blockSignals(True)
        self.tag_list.clear()
        self._names = [summary.name for summary in summaries]
        self._summaries = list(summaries)
        for summary in summaries:
            item = QListWidgetItem(f"{summary.name}{wording.gap()}{summary.count}", self.tag_list)
            item.setData(TagNameRole, summary.name)
            item.setData(Qt.ItemDataRole.DecorationRole,
                         QColor(summary.color) if summary.color else QColor("#b0b0b0"))
            if summary.name == keep:
                self.tag_list.setCurrentItem(item)
        self.tag_list.blockSignals(False)
        self.empty_label.setVisible(not summaries)
        self._show_articles()
        self.reloaded.emit()

    def choose(self, name: str) -> bool:
        for row in range(self.tag_list.count()):
            if self.tag_list.item(row).data(TagNameRole) == name:
                self.tag_list.setCurrentRow(row)
                return True
        return False

    def _show_articles(self) -> None:
        self.articles.clear()
        name = self.current_tag
        if name is None:
            return

        def show(rows) -> None:
            if self.current_tag == name:
                self.articles.show_articles(rows)

        self.ops.query(lambda session: browsing.tagged_rows(session, name), show,
                       self.tr("无法读取标签下的文章"))

    def article_ids(self) -> list[int]:
        return self.articles.article_ids()

    def picked(self) -> Picked:
        return self.articles.picked()

    def export_pick(self) -> tuple[Picked, str] | None:
        """Export… offers every article of the chosen tag."""
        if not self.current_tag:
            return None
        return self.articles.every(), QCoreApplication.translate("Selection", "标签“{}”").format(self.current_tag)

    # -- managing tags --------------------------------------------------------------------

    def menu_for(self, name: str) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("重命名…"), lambda: self.rename(name))
        menu.addAction(self.tr("设置颜色…"), lambda: self.recolor(name))
        menu.addSeparator()
        menu.addAction(self.tr("删除标签…"), lambda: self.delete(name))
        return menu

    def _menu(self, pos) -> None:
        item = self.tag_list.itemAt(pos)
        if item is None:
            return
        menu = self.menu_for(item.data(TagNameRole))
        menu.exec(self.tag_list.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def rename(self, name: str) -> None:
        new = self.ask_text(self.tr("重命名标签"), self.tr("新名称："), name)
        if new is None or not normalize_tag(new) or normalize_tag(new) == name:
            return
        target = normalize_tag(new)
        existing = {known.casefold() for known in self._names}
        if target.casefold() in existing and not self.confirm(
                self.tr("合并标签"),
                self.tr("已经有标签“{}”。把“{}”合并进去吗？").format(target, name)):
            return
        self.ops.mutate(lambda session: session.annotations.rename_tag(name, target),
                        self.tr("无法重命名标签"),
                        done=lambda renamed: None if renamed.changes.empty else self._keep(renamed.name))

    def _keep(self, name: str) -> None:
        """Choose this tag once the list is read again."""
        def chosen() -> None:
            self.reloaded.disconnect(chosen)
            self.choose(name)

        self.reloaded.connect(chosen)

    def recolor(self, name: str) -> None:
        color = self.ask_color(name)
        if color is None:
            return
        self.ops.mutate(lambda session: session.annotations.set_tag_color(name, color or None),
                        self.tr("无法设置标签颜色"))

    def delete(self, name: str) -> None:
        if not self.confirm(self.tr("删除标签"),
                            self.tr("删除标签“{}”吗？文章本身不受影响（Ctrl+Z 可撤销）。").format(name)):
            return
        self.ops.mutate(lambda session: session.annotations.delete_tag(name), self.tr("无法删除标签"))

    def _ask_text(self, title: str, label: str, text: str) -> str | None:
        return ask_text(self, title, label, text)

    def _ask_color(self, name: str) -> str | None:
        color = QColorDialog.getColor(parent=self, title=self.tr("“{}”的颜色").format(name))
        return color.name() if color.isValid() else None


__all__ = ["TagsView"]
