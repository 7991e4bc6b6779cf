"""Screenshots of the window at two sizes, light and dark, in Chinese and English (issue 19).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshot_matrix.py

Runs itself once per language (the translation is installed before the
window exists, as at a real start) and writes docs/screenshots/
`{zh,en}-{light,dark}-{1024x640,1600x1000}.png`: a fresh library from the
seeds, one article open with two tags, a Markdown note (shown rendered) and
two highlights, 编辑 → 撤销 ready, and the reading state in the status bar.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "screenshots"
SIZES = ((1024, 640), (1600, 1000))
NOTE = "**业委会换届**：党组织推荐人选，居民投票。\n\n- 可与 2025 年那篇对照\n- 见 [原文](http://example.com)"


def shoot(language: str) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui import translation
    from reader.ui.main import session_factory
    from reader.ui.window import MainWindow

    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="reader-matrix-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/language", language)
    translation.install_translation(settings, app)
    window = MainWindow(session_factory(str(folder / "library")), settings=settings)
    steps: list[tuple[int, object]] = []

    def annotate() -> None:
        session = window.session
        library = session.library
        issue = next(i for i in library.issues.all() if i.date == "2024-01")
        article = library.articles.in_issue(issue.id)[0]
        session.annotations.tag([article.id], ["红色物业", "基层治理"])
        session.annotations.set_note(article.id, NOTE)
        text = article.text
        for phrase, color in (("林西县聚焦", "yellow"), (article.paragraphs[2][:18], "green")):
            start = text.index(phrase)
            session.annotations.add_highlight(article.id, start, start + len(phrase), color)
        window.undo_commands.update()
        window.show_article(article.id)

    at = 1500  # the first start loads jieba's dictionary and the seeds
    steps.append((300, annotate))
    for dark in (False, True):
        for width, height in SIZES:
            name = f"{language}-{'dark' if dark else 'light'}-{width}x{height}.png"
            steps.append((at + 200, lambda d=dark, w=width, h=height: (
                window.set_dark(d), window.resize(w, h))))
            steps.append((at + 1600, lambda n=name: window.grab().save(str(OUT / n))))
            at += 1800
    steps.append((at + 200, window.close))
    steps.append((at + 300, app.quit))

    def run_steps() -> None:
        for ms, action in steps:
            QTimer.singleShot(ms, action)

    window.search_ready.connect(run_steps)
    window.show()
    QTimer.singleShot(0, window.open_library)
    return app.exec()


def main() -> int:
    if len(sys.argv) > 1:
        return shoot(sys.argv[1])
    OUT.mkdir(exist_ok=True)
    for language in ("zh", "en"):
        subprocess.run([sys.executable, __file__, language], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
