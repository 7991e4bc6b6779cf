"""编辑版面信息: the paper, date, edition, page number and page name of pages, and 重命名报纸.

`PageMetaDialog` edits one page or many at once.  Each field starts with the
value the pages share; where they differ it starts empty and says so
(多个值), and is left alone unless the reader types in it.  A field the
reader empties gives the pages back what their file said (the user's value
is removed).  `edits()` is what to change: field name → value (None:
remove the user's value), only for fields the reader changed; the view
turns it into one undoable mutation (`session.metadata.edit_pages`).
Values are checked with the same rules as import (`reader.ingest.pagemeta`).

`RenamePaperDialog` asks for a paper's new name; naming it as another paper
in the library merges the two, and the dialog says so before it is done.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.app.archive import PageValues
from reader.ingest.pagemeta import parse_date, parse_page_number
from reader.ui.noop import QT_TRANSLATE_NOOP

#: The fields, in the order shown: (name, label).
FIELDS = (("paper", QT_TRANSLATE_NOOP("PageMetaDialog", "报纸")),
          ("date", QT_TRANSLATE_NOOP("PageMetaDialog", "日期")),
          ("edition", QT_TRANSLATE_NOOP("PageMetaDialog", "版别")),
          ("number", QT_TRANSLATE_NOOP("PageMetaDialog", "版次")),
          ("name", QT_TRANSLATE_NOOP("PageMetaDialog", "版名")))


class PageMetaDialog(QDialog):
    """Paper, date, edition, page number and page name of one page or of several."""

    def __init__(self, pages: Sequence[PageValues], papers: Iterable[str] = (),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.pages = tuple(pages)
        count = len(self.pages)
        self.setWindowTitle(self.tr("编辑版面信息"))
        self.intro = QLabel(self)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.intro.setText(self.tr("修改这 %n 个版面；只改动你填写的项目，清空一项则恢复文件中的信息。",
                                   "", count) if count > 1 else
                           self.tr("修改这个版面；清空一项则恢复文件中的信息。"))
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        self.initial: dict[str, str] = {}
        for name, label in FIELDS:
            edit = QLineEdit(self)
            values = {getattr(page, name) for page in self.pages}
            shared = values.pop() if len(values) == 1 else None
            self.initial[name] = shared or ""
            edit.setText(shared or "")
            if shared is None:
                edit.setPlaceholderText(self.tr("（多个值，不填则不变）"))
            if any(name in page.user_fields for page in self.pages):
                edit.setToolTip(self.tr("由你设定"))
                label = f"{self.tr(label)} ✎"
            else:
                label = self.tr(label)
            if name == "number" and count > 1:
                # One number for several pages cannot be right (the CLI refuses it too).
                edit.setEnabled(False)
                edit.setPlaceholderText(self.tr("只能为单个版面填写"))
            form.addRow(label, edit)
            self.fields[name] = edit
        completer = QCompleter(sorted(set(papers)), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.fields["paper"].setCompleter(completer)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    @property
    def page_ids(self) -> list[int]:
        return [page.page_id for page in self.pages]

    def edits(self) -> dict[str, object] | None:
        """The fields the reader changed and their values (None: remove the user's value);
        None while one of them is not valid (`problem` says why)."""
        out: dict[str, object] = {}
        for name, edit in self.fields.items():
            text = edit.text().strip()
            if not edit.isEnabled() or text == self.initial[name]:
                continue
            if not text:
                out[name] = None
            elif name == "date":
                date = parse_date(text)
                if date is None:
                    self._refuse(self.tr("“{}”不是日期，请写成 2025-01-07。").format(text))
                    return None
                out[name] = date
            elif name == "number":
                number = parse_page_number(text)
                if number is None:
                    self._refuse(self.tr("“{}”不是版次，请写成 19。").format(text))
                    return None
                out[name] = number
            else:
                out[name] = text
        self.problem.hide()
        return out

    def _refuse(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.show()

    def accept(self) -> None:
        if self.edits() is not None:
            super().accept()


class RenamePaperDialog(QDialog):
    """A paper's new name; the name of another paper merges the two."""

    def __init__(self, name: str, papers: Iterable[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.old = name
        self.others = {p for p in papers if p != name}
        self.setWindowTitle(self.tr("重命名报纸"))
        self.field = QLineEdit(name, self)
        self.field.selectAll()
        completer = QCompleter(sorted(self.others), self)
        self.field.setCompleter(completer)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.field.textChanged.connect(self._say_what_happens)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("新报名"), self.field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._say_what_happens(name)

    def new_name(self) -> str:
        return " ".join(self.field.text().split())

    def _say_what_happens(self, _text: str) -> None:
        name = self.new_name()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(name) and name != self.old)
        if name in self.others:
            self.note.setText(self.tr("书库中已有“{}”：两份报纸将合并为一份。").format(name))
        else:
            self.note.setText(self.tr("“{}”的所有版面都将归入“{}”。").format(self.old, name)
                              if name and name != self.old else "")


def ask_page_edits(parent: QWidget, pages, papers) -> dict[str, object] | None:
    """Show the dialog (modal); the fields to change, or None if the reader cancelled."""
    dialog = PageMetaDialog(pages, papers, parent)
    try:
        return dialog.edits() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_paper_name(parent: QWidget, name: str, papers) -> str | None:
    """Ask for a paper's new name (modal); None if the reader cancelled."""
    dialog = RenamePaperDialog(name, papers, parent)
    try:
        return dialog.new_name() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


__all__ = ["FIELDS", "PageMetaDialog", "RenamePaperDialog", "ask_page_edits", "ask_paper_name"]
