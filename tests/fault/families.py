"""The campaign's families of attempts: each runs its scenarios into a `Tally`."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import seed as hypothesis_seed

from tests.fault import damage, environment, kill_scenarios
from tests.fault.hostile import PAGE_BYTES, QUERY_WORDS, long_query
from tests.fault.pages import page_trials
from tests.fault.profile import count, examples
from tests.fault.trials import Tally, consistency, run_cli

ORDER = ["pages", "queries", "kills", "damage", "environment"]


def seeded_library(target: Path) -> Path:
    from reader.app import Session
    from reader.paths import resolve_paths

    with Session.open(resolve_paths(target)) as session:
        session.ensure_index()
    return target


def _copy(template: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(template, target)
    return target


def pages(tally: Tally, template: Path, work: Path, chance: random.Random) -> None:
    library = _copy(template, work / "lib")

    @examples(fast=40, long=500)
    @hypothesis_seed(chance.randrange(2**32))
    @given(data=PAGE_BYTES)
    def attempt(data: bytes) -> None:
        tally.add("hostile page files", page_trials(library, work / "pages", data,
                                                    check=False))

    attempt()
    tally.add("hostile page files", [consistency("library after every import", library)])


def queries(tally: Tally, template: Path, work: Path, chance: random.Random) -> None:
    library = _copy(template, work / "lib")
    lib = ["--library", str(library)]

    @examples(fast=60, long=1000)
    @hypothesis_seed(chance.randrange(2**32))
    @given(words=QUERY_WORDS)
    def attempt(words: list[str]) -> None:
        tally.add("hostile queries", [run_cli("search", lib + ["search", *words])])

    attempt()
    for words in (["issue:²"], ["issue:12345678901234567890123"], ["红\udcff"], ["a\x00b"],
                  ["“"], long_query(2500)):
        tally.add("hostile queries", [run_cli("search", lib + ["search", *words], 60)])
    tally.add("hostile queries", [consistency("library after searching", library)])


def kills(tally: Tally, template: Path, work: Path, chance: random.Random) -> None:
    for name, scenario in kill_scenarios.SCENARIOS.items():
        library = _copy(template, work / "lib")
        for n in range(count(fast=2, long=10)):
            folder = work / f"{n}"
            folder.mkdir(parents=True, exist_ok=True)
            tally.add(f"SIGKILL: {name}", scenario(library, folder, chance))


def damaged(tally: Tally, template: Path, work: Path, chance: random.Random) -> None:
    for place, (target, how) in enumerate(damage.PAIRS):
        for n in range(count(fast=2, long=5)):
            folder = work / f"{place}-{n}"
            library = damage.copy_library(template, folder / "lib")
            tally.add("damaged files", damage.damage_trials(library, folder, target, how,
                                                            chance))
            shutil.rmtree(folder, ignore_errors=True)


def surroundings(tally: Tally, template: Path, work: Path, chance: random.Random) -> None:
    for name, scenario in environment.SCENARIOS.items():
        for n in range(count(fast=1, long=2)):
            folder = work / f"{name.replace('/', '_')}-{n}"
            folder.mkdir(parents=True)
            tally.add("environment", scenario(template, folder, chance))
            shutil.rmtree(folder, ignore_errors=True)


RUNS: dict[str, Callable[[Tally, Path, Path, random.Random], None]] = {
    "pages": pages, "queries": queries, "kills": kills, "damage": damaged,
    "environment": surroundings,
}
