"""Start the real window on a library, type a query at once, and print when each stage came.

Run by test_startup_speed.py through `startup_parent.py`, a small parent that
sets READER_BENCH_T0 (its `time.time()` just before it started this process),
waits, and reads this process's peak memory.  The window starts as `reader`
starts it (`reader.cli`, then `reader.ui.main.start`, settings in the
library folder); the query is typed right after the first paint and Enter
pressed, as an impatient reader would (as the event loop next turns after the first paint) (settings in READER_BENCH_SETTINGS), so "answered" is the first answer
from spawn whatever search was doing.  Printed, one stage a line, wall
seconds from spawn and this process's CPU seconds: `imported`, `shown` (the
first paint of the main window), `library` (the tree's first level is
filled), `search ready`, `answered N` (N hits), `facets` (the facet column of that
answer is counted: the library's facet snapshot is read then); then `vm_hwm_mb`, the
peak resident memory as the kernel counts it for this process, the facet snapshot
included.
"""

from __future__ import annotations

import os
import sys
import time

T0 = float(os.environ["READER_BENCH_T0"])


def mark(stage: str) -> None:
    print(f"{stage} {time.time() - T0:.3f} {time.process_time():.3f}", flush=True)


def vm_hwm_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmHWM"))
    return int(line.split()[1]) / 1024


def main(library: str, query: str) -> int:
    import reader.cli  # the `reader` command's own first import

    # What `reader.cli.main` does before it loads the window's modules.
    reader.cli.pause_collector()
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.main import start

    mark("imported")
    app = QApplication(sys.argv[:1])
    settings = QSettings(os.environ["READER_BENCH_SETTINGS"], QSettings.Format.IniFormat)
    window = start(library, settings)

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                mark("shown")
                # Once this paint is done and the window has begun opening its library (its
                # own step after the first paint, `reader.ui.main.after_first_paint`).
                QTimer.singleShot(0, lambda: QTimer.singleShot(0, type_query))
            return False

    def type_query() -> None:
        # The search controller is built after the first paint (window_views.py): asking
        # for it builds it now, if the window has not yet.
        window.search.answered.connect(answered)
        window.search.researched.connect(counted)
        window.search_bar.setText(query)  # typed before search is ready: held
        window.search.run_now()  # Enter

    def answered(_text, outcome) -> None:
        mark(f"answered {outcome.total}")

    def counted(_text, _found) -> None:
        mark("facets")
        print(f"vm_hwm_mb {vm_hwm_mb():.1f}", flush=True)
        window.close()
        app.quit()

    first_paint = FirstPaint(window)
    window.installEventFilter(first_paint)
    window.library_ready.connect(lambda: mark("library"))
    window.search_ready.connect(lambda: mark("search ready"))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
