"""Screenshots of a long term's search while its count is pending, and after (issue 17: the
page before the exact total, reader/search/page_first.py).  Run under Xvfb with a CJK font:

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/page_first_screenshots.py \\
        /tmp/reader-archive/100k/lib 100k 志愿服务

Opens the library in the real window, searches the term from the bar and grabs the window
right after its page is shown (docs/screenshot-page-first-<suffix>.png: the results, 正在计数…
above them, 正在统计… in the facet column) and once the matches are counted
(docs/screenshot-page-counted-<suffix>.png: the exact count and the facets).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from reader.ui.main import session_factory
from reader.ui.window import MainWindow

DOCS = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[3].strip(), file=sys.stderr)
        return 2
    library, suffix, term = argv
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="reader-page-first-shots-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session_factory(library), settings=settings)
    window.resize(1500, 900)
    asked = [0.0]

    def grab(name: str) -> None:
        image = window.grab().toImage().convertToFormat(
            QImage.Format.Format_Indexed8,
            Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither)
        image.save(str(DOCS / f"screenshot-{name}-{suffix}.png"), "PNG", 0)

    def answered(_text, outcome) -> None:
        print(f"page shown after {time.perf_counter() - asked[0]:.3f} s: "
              f"{len(outcome.hits)} hits, total exact: {outcome.total_exact}; "
              f"{window.results_view.label.text()}", flush=True)

    def counting(_text) -> None:  # right after the answer: the facet column says so
        grab("page-first")

    def researched(_text, found) -> None:
        print(f"counted after {time.perf_counter() - asked[0]:.3f} s: {found.total}; "
              f"{window.results_view.label.text()}", flush=True)
        QTimer.singleShot(300, lambda: (grab("page-counted"), app.quit()))

    def search() -> None:
        if window.runner.busy:  # the window's worker still opening: wait for it
            QTimer.singleShot(100, search)
            return
        window.search.answered.connect(answered)
        window.search.counting.connect(counting)
        window.search.researched.connect(researched)
        window.splitter.setSizes([700, 500, 300])
        window.search_bar.setText(term)
        asked[0] = time.perf_counter()
        window.search.run_now()

    window.search_ready.connect(lambda *_args: QTimer.singleShot(500, search))
    window.show()
    QTimer.singleShot(0, window.open_library)
    QTimer.singleShot(180_000, app.quit)
    code = app.exec()
    window.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
