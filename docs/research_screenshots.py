"""Screenshots of the research views over a large library (run under Xvfb with a CJK font).

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/research_screenshots.py \\
        /tmp/reader-research-100000/lib large

Opens the library given (built by tests/benchmarks/research_corpus.py, whose 网格 and
党建引领 rise over the years) in the real window and grabs, with the suffix given:
docs/screenshot-facets-<suffix>.png (网格 with its facets, narrowed to one year by a click
on the year facet), docs/screenshot-concordance-<suffix>.png (语境索引 of 党建引领) and
docs/screenshot-trends-<suffix>.png (趋势 of 党建引领 and 网格 per year, per 1,000
articles).  docs/screenshots.py takes the same views over the seeds.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from reader.ui.facet_panel import TokenRole
from reader.ui.main import session_factory
from reader.ui.window import MainWindow

DOCS = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    library, suffix = argv
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="reader-research-shots-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session_factory(library), settings=settings)
    window.resize(1500, 900)
    page = window.research_page
    steps: list[tuple[int, object]] = []

    def later(ms: int, action) -> None:
        steps.append((ms, action))

    def grab(name: str, widget=lambda: window):
        def save() -> None:
            # 256 colours: a window of text and flat colours looks the same, at a fifth of
            # the size of a full-colour PNG.
            image = widget().grab().toImage().convertToFormat(
                QImage.Format.Format_Indexed8,
                Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither)
            image.save(str(DOCS / f"screenshot-{name}-{suffix}.png"), "PNG", 0)
        return save

    def search(text: str) -> None:
        window.search_bar.setText(text)
        window.search.run_now()

    def narrow_to_a_year() -> None:
        # The year with the most matches, as a reader would pick it from the facet.
        headings = [page.facets.topLevelItem(i) for i in range(page.facets.topLevelItemCount())]
        dates = next(item for item in headings if item.childCount() and
                     (item.child(0).data(0, TokenRole) or "").startswith("date:"))
        best = max((dates.child(i) for i in range(dates.childCount())),
                   key=lambda item: int(item.text(1) or 0))
        page.facets.itemClicked.emit(best, 0)

    def trends() -> None:
        search("党建引领 网格")
        page.show_trends()
        page.trends.resize(1100, 600)

    later(200, lambda: (window.splitter.setSizes([700, 500, 300]), search("网格")))
    later(1500, narrow_to_a_year)
    later(2500, grab("facets"))
    later(2600, lambda: (search("党建引领"), page.show_concordance(),
                         page.concordance.resize(1100, 600)))
    later(6000, grab("concordance", lambda: page.concordance))
    later(6100, lambda: page.concordance.close())
    later(6200, trends)
    later(9000, grab("trends", lambda: page.trends))
    later(9100, lambda: (page.trends.close(), window.close(), app.quit()))

    def run_steps(number: int = 0, waited: int = 0) -> None:
        """The steps in order, each once the window's worker is idle after the one before
        and the gap between their times has passed (a loaded machine only takes longer)."""
        if number >= len(steps):
            return
        gap = steps[number][0] - (steps[number - 1][0] if number else 0)
        if window.runner.busy or waited < gap:
            QTimer.singleShot(50, lambda: run_steps(number, waited + 50))
            return
        steps[number][1]()
        QTimer.singleShot(50, lambda: run_steps(number + 1, 50))

    window.search_ready.connect(run_steps)
    window.show()
    QTimer.singleShot(0, window.open_library)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
