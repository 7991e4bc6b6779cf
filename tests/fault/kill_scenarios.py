"""The SIGKILL scenarios: what runs when it is killed, and how long before the kill.

Each takes a library (changed in place), a work folder and a `random.Random`, and
returns the trials of one kill (`kills.kill_trials`).  The tests run each once; the
campaign many times.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from tests.fault.corrector import check_corrections
from tests.fault.hostile import SEEDS
from tests.fault.kills import has_children, kill_trials, reader_argv, said_ready
from tests.fault.trials import Trial
from tests.fault.writer import check_committed

#: Enough pages for the import's parser processes (POOL_THRESHOLD is 16).
PAGES = 20

#: `reader reindex` with Whoosh's child processes, which it uses from 1,000 articles
#: (PARALLEL_MIN_DOCS): lowered so that the seeded library's 43 articles use them.
_REINDEX_WITH_CHILDREN = (
    "import sys, reader.search.index_writing as index; index.PARALLEL_MIN_DOCS = 1; "
    "from reader.cli import main; sys.exit(main(sys.argv[1:]))"
)


def make_pages(folder: Path, count: int = PAGES) -> Path:
    """`count` distinct page files made from the seeds."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(count):
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        (folder / f"page{n:03}.txt").write_text(f"{text}\n\n第{n}号附记:本页为测试副本。\n",
                                                encoding="utf-8")
    return folder


def import_kill(library: Path, work: Path, chance: random.Random) -> list[Trial]:
    pages = make_pages(work / "pages")
    return kill_trials("import", library, reader_argv(library, "import", str(pages)),
                       chance.uniform(0.0, 3.0), work, ready=has_children)


def reparse_kill(library: Path, work: Path, chance: random.Random) -> list[Trial]:
    pages = make_pages(work / "pages")
    return kill_trials("import --reparse", library,
                       reader_argv(library, "import", "--reparse", str(pages)),
                       chance.uniform(0.0, 3.0), work, ready=has_children)


def reindex_kill(library: Path, work: Path, chance: random.Random) -> list[Trial]:
    argv = [sys.executable, "-c", _REINDEX_WITH_CHILDREN, "--library", str(library), "reindex"]
    return kill_trials("reindex", library, argv, chance.uniform(0.0, 2.0), work,
                       ready=has_children)


def writer_kill(library: Path, work: Path, chance: random.Random) -> list[Trial]:
    argv = [sys.executable, "-m", "tests.fault.writer", str(library),
            str(chance.randrange(10**6))]
    return kill_trials("annotation writes", library, argv, chance.uniform(0.05, 1.5), work,
                       ready=said_ready, committed=check_committed)


def window_kill(library: Path, work: Path, chance: random.Random) -> list[Trial]:
    argv = [sys.executable, "-m", "tests.fault.window_driver", str(library),
            str(chance.randrange(10**6))]
    return kill_trials("window while typing", library, argv, chance.uniform(0.1, 2.0), work,
                       ready=said_ready, committed=check_committed)


def corrections_kill(library: Path, work: Path, chance: random.Random) -> list[Trial]:
    argv = [sys.executable, "-m", "tests.fault.corrector", str(library),
            str(chance.randrange(10**6))]
    return kill_trials("corrections", library, argv, chance.uniform(0.1, 2.0), work,
                       ready=said_ready, committed=check_corrections)


SCENARIOS = {
    "import": import_kill,
    "import --reparse": reparse_kill,
    "reindex": reindex_kill,
    "annotation writes": writer_kill,
    "window while typing": window_kill,
    "corrections": corrections_kill,
}
