"""Run the whole fault suite many times and print its figures.

    python -m tests.fault.campaign [--long] [--only FAMILY…]

Hostile page files and queries (hypothesis), SIGKILLs at random moments, damaged
files and hostile surroundings: the same scenarios as the tests in this folder,
repeated, counted instead of asserted.  Prints a Markdown table (attempts, and the
attempts that failed by kind) with the first example of each failure, and exits 1 if
a failure no branch owns turned up (`known.py`).  The README's "Reliability" section
quotes its output.  `--long` is the long profile (about half an hour on 2 busy cores); the
default takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fault.campaign")
    parser.add_argument("--long", action="store_true", help="the long profile")
    parser.add_argument("--only", nargs="+", metavar="FAMILY",
                        choices=["pages", "queries", "kills", "damage", "environment"])
    parser.add_argument("--seed", type=int, help="seed of the random choices")
    args = parser.parse_args(argv)
    if args.long:
        os.environ["READER_FUZZ"] = "long"
    os.environ["READER_LIBRARY"] = ""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # imported after READER_FUZZ is set: the profile reads it
    from tests.fault import families
    from tests.fault.trials import Tally

    seed = args.seed if args.seed is not None else random.randrange(10**6)
    chance = random.Random(seed)
    tally = Tally()
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="reader-campaign-"))
    os.environ["READER_CACHE"] = str(work / "cache")  # jieba's, not the user's cache folder
    try:
        template = families.seeded_library(work / "template")
        for name in args.only or families.ORDER:
            print(f"… {name}", file=sys.stderr, flush=True)
            families.RUNS[name](tally, template, work / name, chance)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    minutes = (time.monotonic() - started) / 60
    profile = "long" if args.long else "default"
    print(f"Fault campaign, {profile} profile, seed {seed}, {minutes:.0f} min:\n")
    print(tally.table())
    print(f"\nCommitted annotation writes before a kill: {tally.committed}, "
          f"lost: {tally.lost}.")
    if tally.examples:
        print("\nFirst example of each failure:")
        for (family, kind), text in tally.examples.items():
            print(f"\n[{family} / {kind}]\n{text}")
    unowned = sum(sum(c.values()) for c in tally.failures.values()) - sum(tally.owned.values())
    return 1 if unowned else 0


if __name__ == "__main__":
    sys.exit(main())
