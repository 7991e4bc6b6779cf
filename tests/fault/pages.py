"""Hostile page files through `reader parse` and `reader import`, with the checks after.

`page_trials` writes one file and runs `parse`, `parse --json`, `parse --explain` and
`import` on it; each must end with exit 0 or one sentence within its time limit, and
after the import the library must pass SQLite's integrity check with the index in step.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from tests.fault.trials import Trial, consistency, run_cli

_names = itertools.count()

#: Seconds one command may take on a hostile page (seconds in normal use).
PAGE_TIMEOUT = 30.0


def page_trials(library: Path, folder: Path, data: bytes, check: bool = True,
                timeout: float = PAGE_TIMEOUT) -> list[Trial]:
    """Every command on one hostile page file; `check`: the library's consistency after."""
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / f"page_{next(_names):05}.txt"
    page.write_bytes(data)
    trials = [run_cli("parse", ["parse", str(page)], timeout),
              run_cli("parse --json", ["parse", "--json", str(page)], timeout),
              run_cli("parse --explain", ["parse", "--explain", str(page)], timeout),
              run_cli("import", ["--library", str(library), "import", str(page)], timeout)]
    if check:
        trials.append(consistency("library after import", library))
    return trials
