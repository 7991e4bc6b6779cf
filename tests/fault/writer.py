"""Write annotations in a loop until killed (`kills.py` drives it).

    python -m tests.fault.writer LIBRARY SEED

Tags, notes and highlights on random articles through `session.annotations`, as
the window and the CLI do.  After each call returns it prints "committed KIND
ARTICLE VALUE" and flushes: every printed line is a change the user was told is
saved, and `check_committed` finds each one in the library after the kill.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from tests.fault.trials import Trial

#: Seconds after which a writer nobody killed stops by itself.
LIFETIME = 300


def main(library: str, seed: int) -> int:
    from reader.app import Session
    from reader.paths import resolve_paths

    chance = random.Random(seed)
    with Session.open(resolve_paths(library), fill_from_seeds=False) as session:
        articles = _articles(session)
        print("ready", flush=True)
        step = 0
        # Killed long before this; the limit keeps an orphan (its test run died) from
        # writing for ever.
        give_up = time.monotonic() + LIFETIME
        while time.monotonic() < give_up:
            step += 1
            article, length = chance.choice(articles)
            kind = chance.choice(("tag", "note", "highlight"))
            if kind == "tag":
                session.annotations.tag([article], [f"写入{seed}_{step}"])
                value = f"写入{seed}_{step}"
            elif kind == "note":
                # later notes sort after earlier ones, across runs too
                value = f"笔记{time.time_ns()}"
                session.annotations.set_note(article, value)
            else:
                start = chance.randrange(max(1, length - 10))
                made = session.annotations.add_highlight(article, start,
                                                         min(length, start + 5))
                value = str(made.highlight.id)
            print(f"committed {kind} {article} {value}", flush=True)
    return 0


def _articles(session) -> list[tuple[int, int]]:
    rows = session.library.connection.execute("SELECT id, length(text) FROM articles")
    return [(row[0], row[1]) for row in rows if row[1] > 10]


def check_committed(library: Path, output: str) -> Trial:
    """Every annotation the writer printed as committed is in the library."""
    from reader.app import Session
    from reader.paths import resolve_paths

    lines = [x.split(" ", 3) for x in output.splitlines() if x.startswith("committed ")]
    lost: list[str] = []
    last_note: dict[int, str] = {}
    with Session.open(resolve_paths(library), fill_from_seeds=False) as session:
        for _, kind, article_text, value in lines:
            article = int(article_text)
            if kind == "tag" and value not in session.library.tags.of(article):
                lost.append(f"tag {value} of article {article}")
            elif kind == "highlight":
                if not any(h.id == int(value) for h in session.library.highlights.of_article(article)):
                    lost.append(f"highlight {value} of article {article}")
            elif kind == "note":
                last_note[article] = value
        for article, value in last_note.items():
            # the note may be a later one, written in the instant before the kill
            now = session.library.notes.get(article) or ""
            if now < value:
                lost.append(f"note {value!r} of article {article} (found {now!r})")
    if lost:
        return Trial("committed annotations", "data lost",
                     f"{len(lost)} of {len(lines)} lost: " + "; ".join(lost[:5]))
    return Trial("committed annotations", "ok", f"{len(lines)} committed, all present")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
