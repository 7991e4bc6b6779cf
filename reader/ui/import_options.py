"""The import options: what the user says of the pages they are importing.

After File → Import… has chosen files, `ImportOptionsDialog` asks, optionally,
for the paper, the issue date, the page number and the page name.  What is
filled in wins over the page's header line, its file name and a `page.json`
beside it (see `reader.ingest.pagemeta`); what is left empty is found there.
A page number names one page, so it can only be given for one file.  Values
are checked with the same rules as `reader import --paper/--date/--page`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.ingest.pagemeta import parse_date, parse_page_number
from reader.models import PageMeta


class ImportOptionsDialog(QDialog):
    """Paper, date, page number and page name for a batch of files; all optional."""

    def __init__(self, file_count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入选项"))
        self.intro = QLabel(self.tr("可以为这 %n 个文件填写报纸、日期和版面；留空的项目从页眉、"
                                    "文件名或 page.json 中识别。", "", file_count), self)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.paper = QLineEdit(self)
        self.paper.setPlaceholderText(self.tr("例如 人民日报"))
        self.date = QLineEdit(self)
        self.date.setPlaceholderText(self.tr("例如 2025-01-07"))
        self.page_number = QLineEdit(self)
        self.page_number.setPlaceholderText(self.tr("例如 19"))
        if file_count > 1:
            # One number for several pages cannot be right (the CLI refuses it too).
            self.page_number.setEnabled(False)
            self.page_number.setPlaceholderText(self.tr("只能为单个文件填写"))
        self.page_name = QLineEdit(self)
        self.page_name.setPlaceholderText(self.tr("例如 党建"))
        form = QFormLayout()
        form.addRow(self.tr("报纸"), self.paper)
        form.addRow(self.tr("日期"), self.date)
        form.addRow(self.tr("版次"), self.page_number)
        form.addRow(self.tr("版名"), self.page_name)
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

    def meta(self) -> PageMeta | None:
        """What the fields say, or None while one of them is not valid (`problem` says why)."""
        date_text = self.date.text().strip()
        date = parse_date(date_text) if date_text else None
        if date_text and date is None:
            self._refuse(self.tr("“{}”不是日期，请写成 2025-01-07。").format(date_text))
            return None
        page_text = self.page_number.text().strip() if self.page_number.isEnabled() else ""
        page = parse_page_number(page_text) if page_text else None
        if page_text and page is None:
            self._refuse(self.tr("“{}”不是版次，请写成 19。").format(page_text))
            return None
        self.problem.hide()
        return PageMeta(paper=self.paper.text().strip() or None, date=date, page_number=page,
                        page_name=self.page_name.text().strip() or None)

    def _refuse(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.show()
        return None

    def accept(self) -> None:
        if self.meta() is not None:
            super().accept()


def ask_import_options(parent: QWidget, file_count: int) -> PageMeta | None:
    """Show the dialog (modal); the options, or None if the user cancelled."""
    dialog = ImportOptionsDialog(file_count, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.meta()
    finally:
        dialog.deleteLater()
