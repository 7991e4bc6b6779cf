"""Screenshots of an import's progress dialog in its stages (run under Xvfb with a CJK font).

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/import_progress_screenshots.py \\
        LIBRARY PAGES...

Opens LIBRARY (a copy: the pages are imported into it) in the real window, waits until it
can search (its index open, as a reader's is), imports the page files under PAGES as
导入文件… does (no options given), and grabs the screen the first time the dialog says each
stage: docs/screenshot-import-reading.png (正在读取文件…, the files read and hashed before any
is stored), docs/screenshot-import-page.png (正在导入：<file>) and
docs/screenshot-import-indexing.png (正在更新搜索索引…, the index's catch-up after the import).
A few thousand new pages into a library of 100,000 articles, with its own 11,112 pages
again (read, found already imported), show each stage long enough.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from reader.models import PageMeta
from reader.ui.main import session_factory
from reader.ui.window import MainWindow

DOCS = Path(__file__).resolve().parent
STAGES = {"正在读取文件…": "reading", "正在更新搜索索引…": "indexing"}


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    library, pages = argv[0], argv[1:]
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="reader-import-shots-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session_factory(library), settings=settings)
    window.resize(1200, 760)
    window.ask_import_options = lambda paths: PageMeta()  # 导入选项: nothing given
    taken: set[str] = set()

    def watch() -> None:
        dialog = window.progress_dialog
        if dialog is not None and dialog.isVisible():
            text = dialog.labelText()
            stage = STAGES.get(text, "page" if text.startswith("正在导入：") else "")
            # A stage is shown once its bar has moved: a third of the way for the long ones.
            enough = 1 if stage == "reading" else dialog.maximum() // 3
            if stage and stage not in taken and dialog.value() >= enough:
                taken.add(stage)
                frame = window.frameGeometry()
                shot = app.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(),
                                                      frame.height()).toImage()
                # 256 colours: a window of text and flat colours looks the same, smaller.
                shot.convertToFormat(
                    QImage.Format.Format_Indexed8,
                    Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither,
                ).save(str(DOCS / f"screenshot-import-{stage}.png"), "PNG", 0)
                print(f"{stage}: {text} {dialog.value()}/{dialog.maximum()}", flush=True)

    poll = QTimer(interval=50, timeout=watch)
    window.search_ready.connect(
        lambda: QTimer.singleShot(500, lambda: (poll.start(),
                                                window.importing.import_paths(pages))))
    window.importing.recent.refresh = lambda: None
    window.import_finished.connect(lambda results: QTimer.singleShot(300, app.quit))
    window.show()
    window.open_library()
    app.exec()
    print(f"stages seen: {sorted(taken)}")
    return 0 if {"reading", "indexing"} <= taken else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
