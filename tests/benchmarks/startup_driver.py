"""Start the real window on a library, search once, and print when each stage was reached.

Run by test_startup_speed.py in a fresh process: READER_BENCH_T0 is the
parent's `time.time()` just before it started this process, so the times
printed ("shown 0.61", "library 0.70", "answered 1.32") run from process
start, interpreter start-up and imports included; then the peak RSS ("peak_rss_mb").
"""

from __future__ import annotations

import os
import sys
import time

T0 = float(os.environ["READER_BENCH_T0"])


def mark(stage: str) -> None:
    print(f"{stage} {time.time() - T0:.3f}", flush=True)


def peak_rss_mb() -> float:
    """This process's peak resident memory.  VmHWM starts afresh with the new program image,
    unlike getrusage(), which in a child of pytest reports pytest's high-water mark."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmHWM"))
    return int(line.split()[1]) / 1024


def main(library: str, query: str) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.main import session_factory
    from reader.ui.translation import install_translation
    from reader.ui.window import MainWindow

    mark("imported")
    app = QApplication(sys.argv[:1])
    settings = QSettings(os.path.join(library, "bench-settings.ini"), QSettings.Format.IniFormat)
    install_translation(settings, app)
    window = MainWindow(session_factory(library), settings=settings)
    window.library_ready.connect(lambda: mark("library"))

    def search() -> None:
        mark("search ready")
        window.search_bar.setText(query)
        window.search.run_now()

    def answered(_text, outcome) -> None:
        mark(f"answered {outcome.total}")
        print(f"peak_rss_mb {peak_rss_mb():.1f}", flush=True)
        window.close()
        app.quit()

    window.search_ready.connect(search)
    window.search.answered.connect(answered)
    window.show()
    QTimer.singleShot(0, lambda: mark("shown"))
    QTimer.singleShot(0, window.open_library)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
