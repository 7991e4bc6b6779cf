"""The Export… dialog: options, a live preview, and the export run off the UI thread.

`ExportDialog(session, article_ids, title_of_selection)` loads the selected
articles in the background, then previews the first screenful and the
counts as the options change.  Export asks `choose_target(options)` where to
write (a file, or a folder for one file per article), asks
`confirm_overwrite(paths)` before replacing anything, and runs
`reader.export.write_export` on the runner with a cancellable progress
dialog.  The options are remembered in QSettings (`reader.ui.settings`' EXPORT_*).

The file chooser and the overwrite question are attributes so tests (and
the window) can swap them (Dangerzone's habit); no modal dialog is opened
on a test path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.app.exporting import ExportSet, load_items
from reader.errors import ReaderError
from reader.export import ExportOptions, ExportReport, parse_include, preview, write_export
from reader.export.exporting import planned_files
from reader.export.formats import EXPORT_FORMATS, ExportFormat, export_format
from reader.export.naming import safe_stem
from reader.export.options import PARTS
from reader.ui.ops import Op, OpRunner
from reader.ui.plain import ask_yes_no, plain_label
from reader.ui.progress import ProgressPresenter
from reader.ui.reasons import localized, without_stop
from reader.ui.settings import (
    EXPORT_FOLDER,
    EXPORT_FORMAT,
    EXPORT_INCLUDE,
    EXPORT_ORDER,
    EXPORT_SPLIT,
    settings_store,
)

log = logging.getLogger(__name__)

#: How many lines of the export the preview shows: about one screenful.
PREVIEW_LINES = 40

ChooseTarget = Callable[[ExportOptions], "str | None"]
ConfirmOverwrite = Callable[[list[Path]], bool]


def remembered_options(settings: QSettings) -> ExportOptions:
    """The options of the last export, or the defaults; a damaged value falls back alone."""
    include, highlights_only = parse_include(EXPORT_INCLUDE.read(settings))
    return ExportOptions(format=EXPORT_FORMAT.read(settings), split=EXPORT_SPLIT.read(settings),
                         include=include, highlights_only=highlights_only,
                         order=EXPORT_ORDER.read(settings))


def remember_options(settings: QSettings, options: ExportOptions) -> None:
    EXPORT_FORMAT.write(settings, options.format)
    EXPORT_SPLIT.write(settings, options.split)
    EXPORT_INCLUDE.write(settings, options.include_text())
    EXPORT_ORDER.write(settings, options.order)



def format_label(fmt: ExportFormat, pattern: str) -> str:
    """A format as the window names it ("纯文本 (.txt)"); `pattern` has {title} and {suffix}."""
    title = QCoreApplication.translate("ExportFormats", fmt.title)
    return pattern.format(title=title, suffix=fmt.suffix)

class ExportDialog(QDialog):
    """Export the given articles; `exported(report)` when files were written."""

    #: Emitted with the `ExportReport` once files are written.
    exported = Signal(object)
    #: Emitted whenever the preview text and counts are refreshed.
    preview_changed = Signal()

    def __init__(self, session, article_ids: Sequence[int], title_of_selection: str,
                 parent: QWidget | None = None, choose_target: ChooseTarget | None = None,
                 settings: QSettings | None = None,
                 confirm_overwrite: ConfirmOverwrite | None = None,
                 runner: OpRunner | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出"))
        self.session = session
        self.article_ids = list(article_ids)
        self.title_of_selection = title_of_selection
        self.settings = settings if settings is not None else settings_store()
        self.choose_target: ChooseTarget = choose_target or self._choose_with_file_dialog
        self.confirm_overwrite: ConfirmOverwrite = confirm_overwrite or self._ask_overwrite
        # The window passes its own runner so the session is used by one thread at a time.
        self._own_runner = runner is None
        self.runner = runner or OpRunner(self)
        self.progress = ProgressPresenter(self)
        self.loaded: ExportSet | None = None
        self.op: Op | None = None
        self._closed = False
        self._build(remembered_options(self.settings))
        self._load()

    # -- widgets ------------------------------------------------------------------------

    def _build(self, options: ExportOptions) -> None:
        self.format_box = QComboBox()
        for fmt in EXPORT_FORMATS:
            self.format_box.addItem(format_label(fmt, "{title} ({suffix})"), fmt.name)
        self.split_box = QComboBox()
        self.split_box.addItem(self.tr("一个文件"), False)
        self.split_box.addItem(self.tr("文件夹，每篇一个文件"), True)
        self.order_box = QComboBox()
        for label, value in ((self.tr("版面顺序"), "page"), (self.tr("日期（新→旧）"), "date"),
                             (self.tr("搜索排名（选择时的顺序）"), "rank")):
            self.order_box.addItem(label, value)
        names = {"header": self.tr("标题信息（栏目、作者、出处）"), "body": self.tr("正文"),
                 "tags": self.tr("标签"), "note": self.tr("笔记"),
                 "highlights": self.tr("划线及批注")}
        self.part_boxes = {part: QCheckBox(names[part]) for part in PARTS}
        self.highlights_only_box = QCheckBox(self.tr("仅导出划线（略去没有划线的文章）"))

        parts = QVBoxLayout()
        for box in self.part_boxes.values():
            parts.addWidget(box)
        parts.addWidget(self.highlights_only_box)
        form = QFormLayout()
        form.addRow(self.tr("格式："), self.format_box)
        form.addRow(self.tr("写入："), self.split_box)
        form.addRow(self.tr("内容："), parts)
        form.addRow(self.tr("顺序："), self.order_box)

        self.preview_edit = QPlainTextEdit()
        self.preview_edit.setReadOnly(True)
        self.preview_edit.setPlaceholderText(self.tr("正在读取所选文章…"))
        self.count_label = plain_label()
        self.error_label = plain_label()
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.setDefault(True)
        self.export_button.setEnabled(False)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.start_export)

        side = QVBoxLayout()
        side.addWidget(plain_label(self.tr("所选：{}").format(self.title_of_selection)))
        side.addLayout(form)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(side)
        body.addWidget(self.preview_edit, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(880, 560)

        self.set_options(options)
        for combo in (self.format_box, self.split_box, self.order_box):
            combo.currentIndexChanged.connect(self._options_changed)
        for check in (*self.part_boxes.values(), self.highlights_only_box):
            check.toggled.connect(self._options_changed)

    def set_options(self, options: ExportOptions) -> None:
        """Show `options` in the widgets (without refreshing the preview for each one)."""
        widgets = [self.format_box, self.split_box, self.order_box, self.highlights_only_box,
                   *self.part_boxes.values()]
        for widget in widgets:
            widget.blockSignals(True)
        self.format_box.setCurrentIndex(self.format_box.findData(options.format))
        self.split_box.setCurrentIndex(1 if options.split else 0)
        self.order_box.setCurrentIndex(self.order_box.findData(options.order))
        self.highlights_only_box.setChecked(options.highlights_only)
        for part, box in self.part_boxes.items():
            box.setChecked(part in options.include)
        for widget in widgets:
            widget.blockSignals(False)
        self._enable_parts()
        self._refresh_preview()

    def options(self) -> ExportOptions:
        """The options the widgets show."""
        only = self.highlights_only_box.isChecked()
        include = frozenset({"highlights"}) if only else frozenset(
            part for part, box in self.part_boxes.items() if box.isChecked())
        return ExportOptions(format=self.format_box.currentData(),
                             split=bool(self.split_box.currentData()), include=include,
                             highlights_only=only, order=self.order_box.currentData())

    def _options_changed(self) -> None:
        self._enable_parts()
        self._refresh_preview()

    def _enable_parts(self) -> None:
        """The parts apply to text formats only, and not while only highlights are exported."""
        fmt = self.format_box.currentData()
        uses_parts = fmt is None or export_format(fmt).uses_parts
        only = self.highlights_only_box.isChecked()
        for box in self.part_boxes.values():
            box.setEnabled(uses_parts and not only)

    # -- loading and preview -----------------------------------------------------------

    def _load(self) -> None:
        session, ids = self.session, self.article_ids  # the library is read on the worker only
        self.runner.run(lambda progress, cancelled: load_items(session.library, ids, progress,
                                                               cancelled),
                        on_done=self._loaded, on_failed=self._load_failed)

    def _loaded(self, loaded: ExportSet | None) -> None:
        if self._closed or loaded is None:
            return
        self.loaded = loaded
        self._refresh_preview()

    def _load_failed(self, exc: BaseException) -> None:
        if not self._closed:
            self._show_error(self.tr("无法读取所选文章"), exc)

    def retranslate(self) -> None:
        """The language changed: the format names and the counts line are said again (they
        join several texts, which the window's retranslation cannot read back)."""
        for i, fmt in enumerate(EXPORT_FORMATS):
            self.format_box.setItemText(i, format_label(fmt, "{title} ({suffix})"))
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        if self.loaded is None:
            return
        options = self.options()
        shown = preview(self.loaded.items, self.loaded.issues, options,
                        heading=self.title_of_selection, lines=PREVIEW_LINES)
        self.preview_edit.setPlainText(shown.text)
        counts = self.tr("%n 篇文章", "", shown.articles) + self.tr("，%n 字", "", shown.characters)
        if options.split:
            counts += self.tr("，%n 个文件", "", shown.files)
        if shown.skipped:
            counts += self.tr("（%n 篇没有划线，不导出）", "", shown.skipped)
        self.count_label.setText(counts)
        self.export_button.setEnabled(shown.articles > 0 and bool(options.include)
                                      and self.op is None)
        self.preview_changed.emit()

    # -- exporting --------------------------------------------------------------------

    def start_export(self) -> None:
        """Ask where, ask before overwriting, then write in the background."""
        if self.loaded is None or self.op is not None:
            return
        options = self.options()
        chosen = self.choose_target(options)
        if not chosen:
            return
        target = Path(chosen)
        if not options.split and not target.suffix:
            target = target.with_name(target.name + options.suffix)
        remember_options(self.settings, options)
        EXPORT_FOLDER.write(self.settings, str(target if options.split else target.parent))
        loaded = self.loaded
        existing = [p for p in planned_files(loaded.items, loaded.issues, options, target)
                    if p.exists()]
        if existing and not self.confirm_overwrite(existing):
            return
        overwrite, heading = bool(existing), self.title_of_selection
        self.error_label.clear()
        self.export_button.setEnabled(False)
        self.op = self.runner.run(
            lambda progress, cancelled: write_export(
                loaded.items, loaded.issues, options, target, progress, cancelled,
                overwrite=overwrite, heading=heading),
            on_done=self._finished, on_failed=self._failed, on_progress=self.progress.update)
        self.progress.start(self.tr("正在导出…"), self.op, self.tr("正在导出：{}"))

    def _finished(self, report: ExportReport) -> None:
        if self._closed:
            return
        self.progress.finish()
        self.op = None
        if report.cancelled:
            self.error_label.setText(self.tr("导出已取消，没有写入任何文件。"))
            self._refresh_preview()
            return
        self.exported.emit(report)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        self.progress.finish()
        self.op = None
        self._show_error(self.tr("导出失败"), exc)
        self._refresh_preview()

    def _show_error(self, what: str, exc: BaseException) -> None:
        # One sentence, as ui/messages does: the reason from a ReaderError, else a generic one.
        if isinstance(exc, ReaderError):
            reason = without_stop(localized(exc))
        else:
            reason = self.tr("发生了意外错误，详情已写入日志")
            log.error("%s", what, exc_info=(type(exc), exc, exc.__traceback__))
        self.error_label.setText(self.tr("{what}：{reason}。").format(what=what, reason=reason))

    # -- closing ----------------------------------------------------------------------

    def reject(self) -> None:
        if self.op is not None:  # Esc or 取消 while writing: stop the export first
            self.op.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        self._closed = True
        if self._own_runner:
            self.runner.shutdown()
        super().done(result)

    # -- the default chooser and question (tests swap these) -------------------------------

    def _choose_with_file_dialog(self, options: ExportOptions) -> str | None:
        folder = EXPORT_FOLDER.read(self.settings)
        if options.split:
            return QFileDialog.getExistingDirectory(self, self.tr("选择导出到的文件夹"),
                                                    folder) or None
        name = safe_stem(self.title_of_selection) + options.suffix
        filters = format_label(export_format(options.format), "{title} (*{suffix})")
        # We ask about overwriting ourselves (for split exports too), so the dialog does not.
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出到文件"), str(Path(folder) / name), filters,
            options=QFileDialog.Option.DontConfirmOverwrite)
        return path or None

    def _ask_overwrite(self, paths: list[Path]) -> bool:
        if len(paths) == 1:
            text = self.tr("{} 已存在。要替换它吗？").format(paths[0].name)
        else:
            text = self.tr("%n 个文件已存在（例如 {}）。要替换它们吗？", "", len(paths)).format(
                paths[0].name)
        return ask_yes_no(self, self.tr("导出"), text)
