"""Screenshots of the navigator's lists (issue 19), light and dark, at 1600×1000.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshot_lists.py [en]

A fresh library from the seeds: two tags with colours, notes and highlights on a
few articles, some articles read.  Writes docs/screenshots/lists-{lang}-{light,dark}-
{tree,tags,authors,notes,results}.png: the tree with unread counts and tag dots,
the 标签 list (swatches, counts), 作者 (counts), 批注 (what was left, in grey) and
the result list (origin in grey, two lines of snippet), each beside an open article
whose highlights match the side list's swatches.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from reader.app import reading
from reader.ui import translation
from reader.ui.main import session_factory
from reader.ui.window import AUTHORS_TAB, ISSUES_TAB, NOTES_TAB, TAGS_TAB, MainWindow

OUT = Path(__file__).resolve().parent / "screenshots"


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "zh"
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="reader-lists-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/language", language)
    translation.install_translation(settings, app)
    window = MainWindow(session_factory(str(folder / "library")), settings=settings)
    steps: list[tuple[int, object]] = []

    def annotate() -> None:
        session = window.session
        library = session.library
        issue = next(i for i in library.issues.all() if i.date == "2024-01")
        articles = library.articles.in_issue(issue.id)
        first = articles[0]
        session.annotations.tag([first.id], ["红色物业", "基层治理"])
        session.annotations.tag([a.id for a in articles[1:4]], ["基层治理"])
        session.annotations.tag([articles[2].id], ["待核实"])
        session.annotations.set_tag_color("红色物业", "#c0392b")
        session.annotations.set_tag_color("基层治理", "#2e86c1")
        session.annotations.set_note(first.id, "业委会换届：党组织推荐人选，居民投票。")
        untitled = next((a for i in library.issues.all() for a in library.articles.in_issue(i.id)
                         if not a.title and a.paragraphs), None)
        if untitled is not None:
            session.annotations.set_note(untitled.id, "无题的简讯也能批注")
        text = first.text
        for phrase, color in (("林西县聚焦", "yellow"), (first.paragraphs[2][:18], "green"),
                              (first.paragraphs[3][:10], "blue")):
            start = text.index(phrase)
            session.annotations.add_highlight(first.id, start, start + len(phrase), color)
        reading.mark_read(session, [a.id for a in articles[:5]])
        window.show_article(first.id)
        # written through the session, not the window: ask what a Changes would have asked
        window.issues_view.read_unread()
        window.panel.read_tag_names()

    def tab(index: int) -> None:
        window.show_browse_tab(index)

    def choose_first_tag() -> None:
        window.tags_view.choose("基层治理")

    def choose_author() -> None:
        view = window.authors_view
        if view.author_list.count():
            view.author_list.setCurrentRow(0)

    def search() -> None:
        window.search_bar.setText("网格")
        window.search.run_now()

    at = 2500
    steps.append((300, annotate))
    for dark in (False, True):
        theme = "dark" if dark else "light"
        steps.append((at, lambda d=dark: (window.set_dark(d), window.resize(1600, 1000))))
        for name, action in (("tree", lambda: tab(ISSUES_TAB)),
                             ("tags", lambda: (tab(TAGS_TAB), QTimer.singleShot(300, choose_first_tag))),
                             ("authors", lambda: (tab(AUTHORS_TAB), QTimer.singleShot(300, choose_author))),
                             ("notes", lambda: tab(NOTES_TAB)),
                             ("results", search)):
            steps.append((at + 200, action))
            out = OUT / f"lists-{language}-{theme}-{name}.png"
            steps.append((at + 1400, lambda o=out: window.grab().save(str(o))))
            at += 1600
        steps.append((at, lambda: (window.search_bar.clear(), window.search.run_now())))
        at += 600
    steps.append((at + 200, window.close))
    steps.append((at + 300, app.quit))

    def run_steps() -> None:
        for ms, action in steps:
            QTimer.singleShot(ms, action)

    window.search_ready.connect(run_steps)
    window.show()
    QTimer.singleShot(0, window.open_library)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
