"""Make corrections in a loop until killed (`kill_scenarios.corrections_kill` drives it).

    python -m tests.fault.corrector LIBRARY SEED

Splits, merges, titles, kinds, text edits and CLI-style undos on random articles through
`session.corrections`, as the window and `reader fix` do.  After each call returns it
prints "committed ID" (or "undone ID") and flushes: `check_corrections` then finds every
committed correction in the library after the kill (and no undone one), and every
corrected page written exactly as its kept parse with its corrections makes it: a kill
mid-correction left no page half-rewritten.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from tests.fault.trials import Trial

#: Seconds after which a corrector nobody killed stops by itself.
LIFETIME = 300


def main(library: str, seed: int) -> int:
    from reader.app import Session
    from reader.errors import ReaderError
    from reader.paths import resolve_paths

    chance = random.Random(seed)
    with Session.open(resolve_paths(library), fill_from_seeds=False) as session:
        fixes = session.corrections
        print("ready", flush=True)
        step = 0
        give_up = time.monotonic() + LIFETIME
        while time.monotonic() < give_up:
            step += 1
            ids = [row[0] for row in session.library.connection.execute(
                "SELECT id FROM articles WHERE missing = 0")]
            article = session.library.articles.get(chance.choice(ids))
            action = chance.choice(("split", "merge", "title", "kind", "text", "undo"))
            try:
                if action == "undo":
                    print(f"undone {fixes.undo_latest().id}", flush=True)
                    continue
                if action == "split":
                    done = fixes.split(article.id, chance.randint(2, 4)).correction_id
                elif action == "merge":
                    done = fixes.merge(article.id, chance.choice(("next", "previous"))
                                       ).correction_id
                elif action == "title":
                    done = fixes.set_title(article.id, f"更正{seed}_{step}").correction_id
                elif action == "kind":
                    done = fixes.set_kind(article.id, chance.choice(("article", "letter"))
                                          ).correction_id
                else:
                    done = fixes.edit_text(article.id, 1, f"第{step}次更正的段落。"
                                           ).correction_id
            except ReaderError:
                continue  # no such paragraph, no neighbour: nothing was written
            print(f"committed {done}", flush=True)
    return 0


def check_corrections(library: Path, output: str) -> Trial:
    """Committed corrections are kept, undone ones gone, every corrected page whole."""
    import json

    from reader.app import Session
    from reader.library.correcting import derive
    from reader.library.parsed_items import items_from_json
    from reader.library.rehoming import page_corrections
    from reader.library.text_once import cut_paragraphs
    from reader.paths import resolve_paths

    committed = {int(x.split()[1]) for x in output.splitlines() if x.startswith("committed ")}
    undone = {int(x.split()[1]) for x in output.splitlines() if x.startswith("undone ")}
    problems: list[str] = []
    with Session.open(resolve_paths(library), fill_from_seeds=False) as session:
        db = session.library.connection
        held = {row[0] for row in db.execute("SELECT id FROM corrections")}
        problems += [f"correction {n} lost" for n in sorted(committed - undone - held)]
        problems += [f"undone correction {n} still there" for n in sorted(undone & held)]
        for page_id, kept in db.execute(
                "SELECT id, parsed_items FROM pages WHERE id IN "
                "(SELECT page_id FROM corrections)").fetchall():
            derived = derive(items_from_json(json.loads(kept)), page_corrections(db, page_id))
            stored = [tuple(cut_paragraphs(json.loads(row[0]), row[1], [])) for row in db.execute(
                "SELECT paragraphs, text FROM articles WHERE page_id = ? AND missing = 0 "
                "ORDER BY position", [page_id])]
            if stored != [item.paragraphs for item in derived.items]:
                problems.append(f"page {page_id} is not its parse with its corrections")
    if problems:
        return Trial("committed corrections", "data lost", "; ".join(problems[:5]))
    return Trial("committed corrections", "ok",
                 f"{len(committed)} committed, {len(undone)} undone, all as said")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
