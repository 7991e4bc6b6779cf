"""A damaged library folder gives a sentence, and no committed annotation is lost."""

from __future__ import annotations

import contextlib
import random
import sqlite3

import pytest

from tests.fault.damage import PAIRS, copy_library, damage_trials
from tests.fault.known import unowned
from tests.fault.profile import LONG
from tests.fault.trials import integrity, run_cli


def _pairs():
    if LONG:
        return PAIRS
    # the default run: the library, the full-text data and a Whoosh segment, the same
    # bytes each time (a failure it shows is real, not luck); the long profile and the
    # campaign damage every file every way, with new bytes each time
    return [("library.sqlite3", "random bytes"), ("index/substring.sqlite3", "full-text blocks"),
            ("index/MAIN_*.seg", "truncated")]


@pytest.mark.parametrize(("target", "how"), _pairs())
def test_a_damaged_file(target, how, tmp_path, seeded_template):
    chance = random.Random() if LONG else random.Random(f"{target} {how}")
    library = copy_library(seeded_template, tmp_path / "lib")
    trials = damage_trials(library, tmp_path, target, how, chance)
    failed = unowned(trials)
    assert not failed, "\n\n".join(map(str, failed))


def test_a_damaged_byte_inside_an_article_text_reads_as_a_replacement_character(library_dir):
    # Found by the campaign: one random byte in library.sqlite3 that lands inside a stored
    # text leaves SQLite's integrity check happy, and made search and `check` fail with
    # "Could not decode to UTF-8" on every run.
    db = library_dir / "library.sqlite3"
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.text_factory = bytes
        article, stored = conn.execute(
            "SELECT id, text FROM articles WHERE text LIKE '%红色物业%'").fetchone()
        at = stored.index("红".encode())  # inside the article's text (its paragraphs)
        damaged = stored[:at] + b"\xff" + stored[at + 1:]
        conn.execute("UPDATE articles SET text = CAST(? AS TEXT) WHERE id = ?",
                     [damaged, article])
    assert integrity(db) == "ok"
    for args in (["search", "红色物业"], ["check"], ["show", str(article)],
                 ["annotations", "export", str(library_dir / "a.json")]):
        trial = run_cli(args[0], ["--library", str(library_dir), *args])
        assert trial.kind in ("ok", "sentence") and "decode" not in trial.detail, str(trial)
