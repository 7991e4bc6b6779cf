"""What sits beside the search bar: search-in (全文/标题/作者/笔记), recent queries and the
syntax help.

- The search-in button says where the typed words are looked for; the choice is remembered
  (`SEARCH_SCOPE`) and handed to the `SearchController` (`scope`), which searches
  `title:网格` for 网格 in 标题.
- Recent queries: a query is remembered when it was entered, narrowed by a facet or one of
  its results was opened (not every keystroke of the typing).  ↑/↓ in an empty bar, or
  while stepping through them, bring them back; the 历史 button lists them.
- The ? button opens the query language with examples, in the interface's language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QMenu, QToolBar, QToolButton, QVBoxLayout

from reader.ui import settings as window_settings
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.search import SearchController

#: The search-in choices (reader.app.research.SCOPES) with their names.
SCOPE_TITLES: tuple[tuple[str, str], ...] = (
    ("all", QT_TRANSLATE_NOOP("SearchTools", "全文")),
    ("title", QT_TRANSLATE_NOOP("SearchTools", "标题")),
    ("author", QT_TRANSLATE_NOOP("SearchTools", "作者")),
    ("note", QT_TRANSLATE_NOOP("SearchTools", "笔记")),
)
#: How many recent queries are kept.
HISTORY_SIZE = 30


class SearchHistory:
    """Recent queries, newest first, kept in the window settings; ↑/↓ step through them."""

    def __init__(self, store: QSettings):
        self._store = store
        self.queries: list[str] = list(window_settings.SEARCH_HISTORY.read(store))
        self._place = -1  # -1: not stepping; else the index of the query shown

    def remember(self, text: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self.queries = [text, *(q for q in self.queries if q != text)][:HISTORY_SIZE]
        window_settings.SEARCH_HISTORY.write(self._store, tuple(self.queries))
        self._place = -1

    def step(self, delta: int) -> str | None:
        """The query `delta` steps older (+1) or newer (-1) than the one shown; "" past the
        newest; None when there is nothing further."""
        place = self._place + delta
        if place < -1 or place >= len(self.queries):
            return None
        self._place = place
        return "" if place == -1 else self.queries[place]

    def stop_stepping(self) -> None:
        self._place = -1

    @property
    def stepping(self) -> bool:
        return self._place >= 0


class SearchTools(QObject):
    """The buttons beside the bar and the bar's ↑/↓, for one `SearchController`."""

    def __init__(self, toolbar: QToolBar, controller: SearchController, store: QSettings,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.bar: QLineEdit = controller.line_edit
        self.controller = controller
        self._store = store
        self.history = SearchHistory(store)
        controller.scope = window_settings.SEARCH_SCOPE.read(store)

        self.scope_button = QToolButton(toolbar)
        self.scope_button.setObjectName("search-scope")
        self.scope_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.scope_button.setToolTip(self.tr("在哪里检索输入的词语"))
        self.scope_menu = QMenu(self.scope_button)
        group = QActionGroup(self.scope_menu)
        self.scope_actions: dict[str, QAction] = {}
        for key, title in SCOPE_TITLES:
            action = QAction(self.tr(title), self.scope_menu, checkable=True)
            action.setChecked(key == controller.scope)
            action.triggered.connect(lambda _checked=False, key=key: self.set_scope(key))
            group.addAction(action)
            self.scope_menu.addAction(action)
            self.scope_actions[key] = action
        self.scope_button.setMenu(self.scope_menu)
        self._show_scope()

        self.history_button = QToolButton(toolbar)
        self.history_button.setObjectName("search-history")
        self.history_button.setText(self.tr("历史"))
        self.history_button.setToolTip(self.tr("最近的检索（空白搜索框中按 ↑ / ↓）"))
        self.history_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.history_menu = QMenu(self.history_button)
        self.history_menu.aboutToShow.connect(self._fill_history_menu)
        self.history_button.setMenu(self.history_menu)

        self.help_button = QToolButton(toolbar)
        self.help_button.setObjectName("search-help")
        self.help_button.setText("?")
        self.help_button.setToolTip(self.tr("检索语法"))
        self.help_button.clicked.connect(self.show_help)
        self.help_popup: SyntaxHelp | None = None

        toolbar.insertWidget(toolbar.actions()[0], self.scope_button)
        toolbar.addWidget(self.history_button)
        toolbar.addWidget(self.help_button)
        self.bar.installEventFilter(self)
        self.bar.textEdited.connect(lambda _text: self.history.stop_stepping())
        self.bar.returnPressed.connect(lambda: self.history.remember(self.bar.text()))

    # -- search-in ---------------------------------------------------------------------

    def set_scope(self, key: str) -> None:
        if key not in dict(SCOPE_TITLES):
            return
        self.scope_actions[key].setChecked(True)
        window_settings.SEARCH_SCOPE.write(self._store, key)
        if key == self.controller.scope:
            return
        self.controller.scope = key
        self._show_scope()
        if self.bar.text().strip():
            self.controller.run_now()

    def retranslate(self) -> None:
        """The language changed: the scope button says its scope in the new words."""
        self._show_scope()

    def _show_scope(self) -> None:
        title = dict(SCOPE_TITLES)[self.controller.scope]
        self.scope_button.setText(self.tr(title) + " ▾")

    # -- history -----------------------------------------------------------------------

    def _fill_history_menu(self) -> None:
        self.history_menu.clear()
        if not self.history.queries:
            empty = self.history_menu.addAction(self.tr("还没有检索过"))
            empty.setEnabled(False)
            return
        for query in self.history.queries:
            # "&" would be read as a mnemonic marker.
            action = self.history_menu.addAction(query.replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, query=query: self.run(query))

    def run(self, query: str) -> None:
        """Put `query` in the bar and search it now."""
        self.bar.setText(query)
        self.bar.setFocus()
        self.controller.run_now()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.bar and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and (
                    not self.bar.text() or self.history.stepping):
                found = self.history.step(1 if key == Qt.Key.Key_Up else -1)
                if found is not None:
                    self.bar.setText(found)
                    self.controller.run_now()
                    return True
                return key == Qt.Key.Key_Up  # ↓ past the newest goes on into the results
        return False

    # -- help --------------------------------------------------------------------------

    def show_help(self) -> None:
        if self.help_popup is None:
            self.help_popup = SyntaxHelp(self.bar)
        below = self.help_button.mapToGlobal(self.help_button.rect().bottomLeft())
        self.help_popup.move(below.x() - self.help_popup.sizeHint().width() // 2, below.y())
        self.help_popup.show()


class SyntaxHelp(QFrame):
    """The query language with an example a line; closes on a click elsewhere or Esc."""

    def __init__(self, parent: QLineEdit):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("search-syntax-help")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        rows = [
            ("网格员 嘎查", self.tr("两个词都出现")),
            ("网格员 OR 楼栋长", self.tr("出现其中一个")),
            ("-物业  NOT 物业", self.tr("不含这个词")),
            ('"党建引领 基层"', self.tr("整句原样出现")),
            ("title:网格  标题:网格", self.tr("只在标题中")),
            ("author:王  作者:王", self.tr("作者名含有")),
            ("note:楼栋长  笔记:楼栋长", self.tr("只在自己的笔记中")),
            ("tag:红色物业  标签:…", self.tr("带有这个标签")),
            ("column:观潮  栏目:观潮", self.tr("栏目")),
            ("paper:人民日报  page:党建", self.tr("报纸、版名（page:19 为版次）")),
            ("kind:评论", self.tr("体裁：文章、评论、图片、简讯、语录、来信")),
            ("date:2024  date:2024-01..2024-06", self.tr("日期或日期范围")),
            ("has:note  has:highlight", self.tr("有笔记、有划线")),
            ("-kind:图片", self.tr("筛选也可以排除")),
        ]
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setText(_help_html(self.tr("检索语法"), rows,
                                      self.tr("左侧的分面可以一键加上筛选；点筛选标签上的 × 去掉。")))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.label)


def _help_html(title: str, rows: list[tuple[str, str]], footer: str) -> str:
    import html

    body = "".join(f"<tr><td><code>{html.escape(example)}</code></td>"
                   f"<td>&nbsp;&nbsp;{html.escape(meaning)}</td></tr>" for example, meaning in rows)
    return (f"<b>{html.escape(title)}</b><table cellspacing='3'>{body}</table>"
            f"<p>{html.escape(footer)}</p>")


__all__ = ["HISTORY_SIZE", "SCOPE_TITLES", "SearchHistory", "SearchTools", "SyntaxHelp"]
