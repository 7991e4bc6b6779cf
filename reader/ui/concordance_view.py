"""The concordance window (语境索引, KWIC): every occurrence of the query's words, one line
each, the hit in a column of its own between its left and right context.

The lines are `reader.app.concordance` answering the search bar's query (run as a query of
the window's operations).  Alignment: the left context is right-aligned and cut on its
left, the right context left-aligned and cut on its right, so every hit stands in one
column whatever the widths; the contexts are drawn in a fixed-pitch CJK font where one is
installed, so equal character counts have equal widths.  Sorting (the header or the box):
by date, by left context (nearest character first), by right context, by the hit.  A click
(or Enter) opens the article with that occurrence selected.  Export writes the CSV of
`reader kwic --csv` or the aligned text of `reader kwic`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.app.concordance import (
    DEFAULT_WIDTH,
    Concordance,
    KwicLine,
    concordance,
    kwic_csv,
    kwic_text,
    sort_lines,
)
from reader.atomic import write_atomic
from reader.ui import wording
from reader.ui.noop import QT_TRANSLATE_NOOP

#: Lines listed at most (the CLI lists all); a note says when there were more.
MAX_LINES = 20000
#: The columns, their headings and the sort each one's header click applies.
COLUMNS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("ConcordanceModel", "左语境"), "left"),
    (QT_TRANSLATE_NOOP("ConcordanceModel", "检索词"), "hit"),
    (QT_TRANSLATE_NOOP("ConcordanceModel", "右语境"), "right"),
    (QT_TRANSLATE_NOOP("ConcordanceModel", "日期"), "date"),
    (QT_TRANSLATE_NOOP("ConcordanceModel", "文章"), "date"),
)
SORT_TITLES: tuple[tuple[str, str], ...] = (
    ("date", QT_TRANSLATE_NOOP("ConcordanceView", "按日期")),
    ("left", QT_TRANSLATE_NOOP("ConcordanceView", "按左语境")),
    ("right", QT_TRANSLATE_NOOP("ConcordanceView", "按右语境")),
    ("hit", QT_TRANSLATE_NOOP("ConcordanceView", "按检索词")),
)
_ROOT = QModelIndex()


def cjk_fixed_font() -> QFont:
    """A fixed-pitch font with Chinese glyphs if one is installed, else the system's fixed."""
    families = QFontDatabase.families()
    for wanted in ("Noto Sans Mono CJK SC", "Sarasa Mono SC", "WenQuanYi Zen Hei Mono",
                   "WenQuanYi Micro Hei Mono", "Source Han Mono SC"):
        if wanted in families:
            return QFont(wanted)
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class ConcordanceModel(QAbstractTableModel):
    """The lines of one concordance, in the order chosen."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[KwicLine] = []
        self.font = cjk_fixed_font()

    def set_lines(self, lines: list[KwicLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][0])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (line.left, line.hit, line.right, line.date or "",
                    f"#{line.article_id} {wording.title(line.title)}".strip())[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return wording.title(line.title)  # a plain string: item views do not read it as markup
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = {0: Qt.AlignmentFlag.AlignRight, 1: Qt.AlignmentFlag.AlignHCenter}
            return align.get(column, Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and column <= 2:
            if column == 1:
                bold = QFont(self.font)
                bold.setBold(True)
                return bold
            return self.font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_by(COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)

    def sort_by(self, key: str, descending: bool = False) -> None:
        self.layoutAboutToBeChanged.emit()
        ordered = sort_lines(self.lines, key)
        self.lines = ordered[::-1] if descending else ordered
        self.layoutChanged.emit()


class _ElideLeft(QStyledItemDelegate):
    """The left context keeps the characters next to the hit: it is cut on its left."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class ConcordanceView(QWidget):
    """A window of its own (non-modal) listing a query's concordance."""

    #: a line was opened: (article id, start, end) of the occurrence in the article's text
    occurrence_chosen = Signal(int, int, int)
    #: the lines of a query were read and shown
    answered = Signal()

    def __init__(self, ops, messages, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("concordance")
        self.setWindowTitle(self.tr("语境索引"))
        self.ops, self.messages = ops, messages
        self.query = ""
        self.result: Concordance | None = None
        #: asks where to save (title, suggested name, filter) → path or None; tests replace it
        self.ask_path: Callable[[str, str, str], str | None] = self._ask_path
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.width_box = QSpinBox(self)
        self.width_box.setRange(4, 200)
        self.width_box.setValue(DEFAULT_WIDTH)
        self.width_box.setSuffix(self.tr(" 字"))
        self.width_box.setToolTip(self.tr("左右语境各取多少字"))
        self.width_box.editingFinished.connect(lambda: self.show_query(self.query))
        self.model = ConcordanceModel(self)
        self.sort_box = QComboBox(self)
        for key, title in SORT_TITLES:
            self.sort_box.addItem(self.tr(title), key)
        self.sort_box.currentIndexChanged.connect(
            lambda _i: self.model.sort_by(self.sort_box.currentData()))
        self.csv_button = QPushButton(self.tr("导出 CSV…"), self)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.text_button = QPushButton(self.tr("导出文本…"), self)
        self.text_button.clicked.connect(lambda: self.export("txt"))
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(0, _ElideLeft(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(False)  # the header sorts through `sectionClicked`
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(3, 80)
        header.resizeSection(4, 220)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)
        self.table.clicked.connect(self.open)
        self.table.activated.connect(self.open)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("语境"), self))
        top.addWidget(self.width_box)
        top.addWidget(self.sort_box)
        top.addWidget(self.csv_button)
        top.addWidget(self.text_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.resize(1000, 560)

    def show_query(self, query: str) -> None:
        """Read the concordance of `query` (on the worker) and list it."""
        self.query = query.strip()
        self.setWindowTitle(self.tr("语境索引：{}").format(self.query))
        if not self.query:
            return
        width, query = self.width_box.value(), self.query

        def read(session) -> Concordance:
            session.ensure_index()
            return concordance(session.library, session.index, query, width, MAX_LINES)

        self.summary.setText(self.tr("正在查找……"))
        self.ops.query(read, self._show, self.tr("无法生成语境索引"))

    def _show(self, result: Concordance) -> None:
        if result.query != self.query:
            return  # a newer query was asked for
        self.result = result
        self.model.set_lines(result.lines)
        self.model.sort_by(self.sort_box.currentData())
        if not result.terms:
            text = self.tr("这个检索式里没有要查找的词语（只有筛选条件）。")
        else:
            text = self.tr("%n 处", "", len(result.lines)) + self.tr("，出自 %n 篇文章", "", result.articles)
            if result.truncated:
                text += self.tr("（只列出前 %n 处）", "", MAX_LINES)
        self.summary.setText(text)
        self.answered.emit()

    def _header_clicked(self, section: int) -> None:
        key = COLUMNS[section][1]
        self.sort_box.setCurrentIndex(self.sort_box.findData(key))

    def open(self, index: QModelIndex) -> None:
        if index.isValid():
            line = self.model.lines[index.row()]
            # A headline occurrence opens the article (the pane selects in the text only).
            start, end = (-1, -1) if line.in_title else (line.start, line.end)
            self.occurrence_chosen.emit(line.article_id, start, end)

    def export(self, kind: str) -> None:
        if self.result is None or not self.model.lines:
            return
        if kind == "csv":
            path = self.ask_path(self.tr("导出语境索引"), "kwic.csv", self.tr("CSV 文件 (*.csv)"))
            content = kwic_csv(self.model.lines)
        else:
            path = self.ask_path(self.tr("导出语境索引"), "kwic.txt", self.tr("文本文件 (*.txt)"))
            content = kwic_text(self.model.lines, self.width_box.value())
        if not path:
            return
        try:
            write_atomic(Path(path), content)
        except OSError as exc:
            self.messages.failure(self.tr("无法导出语境索引"), exc)
            return
        self.messages.info(self.tr("已导出到 {}").format(path))

    def _ask_path(self, title: str, name: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, name, pattern)
        return path or None


__all__ = ["ConcordanceModel", "ConcordanceView", "cjk_fixed_font"]
