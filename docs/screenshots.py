"""Take the README's screenshots of the real window (run under Xvfb with a CJK font).

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots.py

Builds a fresh library from the seeds in a temporary folder, annotates one
article (two tags, a note, two highlights) through the session, and grabs
the window: docs/screenshot-main.png (tree + article + side panel),
docs/screenshot-search.png (results for 网格员), docs/screenshot-dark.png
(dark theme), docs/screenshot-annotations.png (the 标签 view), and the research
views of issue 16: docs/screenshot-facets.png (网格 with its facets, narrowed to a
year), docs/screenshot-concordance.png (语境索引 of 网格) and
docs/screenshot-trends.png (趋势 of 党建引领 and 网格 per year).  Then it
imports the evaluation corpus's pages of several papers (tests/eval/corpus)
beside the seeds and grabs docs/screenshot-archive.png (the tree 报纸 → 年 →
日期 → 版 with a whole page read) and docs/screenshot-calendar.png (跳到日期,
the days with issues marked).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from reader.ui.main import session_factory
from reader.ui.window import ISSUES_TAB, TAGS_TAB, MainWindow

DOCS = Path(__file__).resolve().parent
CORPUS = DOCS.parent / "tests" / "eval" / "corpus"


def main() -> int:
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="reader-shots-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session_factory(str(folder / "library")), settings=settings)
    window.resize(1500, 900)
    steps = []

    def later(ms: int, action) -> None:
        steps.append((ms, action))

    def annotate() -> None:
        session = window.session
        library = session.library
        issue = next(i for i in library.issues.all() if i.date == "2024-01")
        article = library.articles.in_issue(issue.id)[0]
        session.annotations.tag([article.id], ["红色物业", "基层治理"])
        session.annotations.tag([library.articles.in_issue(issue.id)[1].id], ["基层治理"])
        session.annotations.set_note(article.id, "业委会换届：党组织推荐人选，居民投票。\n可与 2025 年那篇对照。")
        text = article.text
        for phrase, color in (("林西县聚焦", "yellow"), (article.paragraphs[2][:18], "green")):
            start = text.index(phrase)
            session.annotations.add_highlight(article.id, start, start + len(phrase), color)
        window.tags_view.reload()
        window.notes_view.reload()
        window.show_article(article.id)  # the tree follows the article on screen

    def grab(name: str):
        return lambda: window.grab().save(str(DOCS / name))

    def when(ready, action) -> None:
        """Run `action` once `ready()` holds (the window reads on its worker), then wait a
        little for the paint."""
        if ready():
            QTimer.singleShot(400, action)
        else:
            QTimer.singleShot(100, lambda: when(ready, action))

    def archive_shots() -> None:
        window.search_bar.clear()
        window.session.import_paths(sorted(CORPUS.glob("*.txt")))
        window.issues_view.load(done=open_page)
        when(lambda: window.reading.showing and window.tree.currentIndex().isValid(),
             lambda: (window.show_tree(), QTimer.singleShot(500, archive_shot)))

    def archive_shot() -> None:
        grab("screenshot-archive.png")()
        window.jump_action.trigger()
        when(lambda: window.issues_view.date_jump is not None
             and window.issues_view.date_jump.isVisible(), july)

    def july() -> None:
        # A month with two papers' issues in it (the 15th and the 24th are marked).
        window.issues_view.date_jump.calendar.setCurrentPage(2025, 7)
        QTimer.singleShot(300, calendar_shot)

    def calendar_shot() -> None:
        grab_screen("screenshot-calendar.png")()
        window.close()
        app.quit()

    def open_page() -> None:
        library = window.session.library
        page = next(p for p in library.pages.all()
                    if p.paper == "人民日报" and p.number == 5 and p.date == "2025-01-07")
        for other in library.pages.all():  # a second paper opened down to its pages too
            if other.paper == "桂林日报" and other.date == "2024-09-18":
                window.issues_view.expand_key(f"issue\u241f{other.issue_id}")
        window.issues_view.show_page(page.id)

    def grab_screen(name: str):
        # The calendar is a popup window of its own: grab the screen around the window.
        return lambda: QApplication.primaryScreen().grabWindow(0).copy(
            window.frameGeometry()).save(str(DOCS / name))

    def search() -> None:
        window.search_bar.setText("网格员")
        window.search.run_now()

    later(300, annotate)
    later(1200, grab("screenshot-main.png"))
    later(1300, lambda: window.show_browse_tab(TAGS_TAB))
    later(1400, lambda: window.tags_view.choose("基层治理"))
    later(1800, grab("screenshot-annotations.png"))
    later(1900, search)
    later(3000, grab("screenshot-search.png"))
    page = window.research_page

    def facets() -> None:
        window.splitter.setSizes([640, 560, 300])
        window.search_bar.setText("网格")
        window.search.run_now()

    def research_grab(name: str, widget):
        return lambda: widget().grab().save(str(DOCS / name))

    def trends() -> None:
        window.search_bar.setText("党建引领 OR 网格")
        page.show_trends()
        page.trends.resize(1000, 560)

    later(3100, facets)
    later(4000, lambda: page.add_filter("date:2023"))
    later(5000, grab("screenshot-facets.png"))
    later(5100, lambda: (page.remove_filter("date:2023"), page.show_concordance(),
                         page.concordance.resize(1100, 600)))
    later(6500, research_grab("screenshot-concordance.png", lambda: page.concordance))
    later(6600, lambda: page.concordance.close())
    later(6700, trends)
    later(8000, research_grab("screenshot-trends.png", lambda: page.trends))
    later(8100, lambda: page.trends.close())
    later(8200, lambda: (window.search_bar.clear(), window.search.run_now(),
                         window.splitter.setSizes([340, 860, 300]),
                         window.show_browse_tab(ISSUES_TAB), window.set_dark(True)))
    later(9000, grab("screenshot-dark.png"))
    later(9100, lambda: window.set_dark(False))
    later(9200, archive_shots)

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
    sys.exit(main())
