"""Damaged library folders: random bytes, truncation, a lost -wal, read-only, a full disk.

Every scenario starts from a library holding committed annotations (`annotate`),
damages it, then runs the commands a user would (`stats`, `check`, `search`, `show`,
`tag`, `annotations export`).  Each must end in exit 0 or one sentence, and no
committed annotation may be lost: it is still in the library, or the damaged file
was left as it was (nothing written over it, so it can be recovered) or a backup
beside it holds it.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.fault.trials import Trial, integrity, run_cli

#: What `annotate` writes: found again after damage, or lost.
TAG, NOTE, QUOTE_ARTICLE = "损坏之前的标签", "损坏之前写下的笔记", 3


@dataclass(frozen=True)
class Committed:
    """The annotations written before the damage."""

    tag: str
    note: str
    highlight_ids: tuple[int, ...]


def annotate(library: Path) -> Committed:
    """Tag, note and highlight a few articles, committed, then close."""
    from reader.app import Session
    from reader.paths import resolve_paths

    with Session.open(resolve_paths(library), fill_from_seeds=False) as session:
        ids = [row[0] for row in session.library.connection.execute(
            "SELECT id FROM articles ORDER BY id LIMIT 3")]
        session.annotations.tag(ids, [TAG])
        session.annotations.set_note(ids[0], NOTE)
        made = [session.annotations.add_highlight(i, 0, 4).highlight.id for i in ids]
        session.ensure_index()
    return Committed(TAG, NOTE, tuple(made))


def holds(db: Path, committed: Committed) -> bool:
    """`db` (read-only) still has every committed annotation."""
    # immutable: a file on a read-only mount cannot get the -shm a WAL reader needs
    for mode in ("mode=ro", "immutable=1"):
        try:
            with contextlib.closing(sqlite3.connect(f"file:{db}?{mode}", uri=True)) as conn:
                tags = {r[0] for r in conn.execute("SELECT name FROM tags")}
                notes = {r[0] for r in conn.execute("SELECT body FROM notes")}
                highlights = {r[0] for r in conn.execute("SELECT id FROM highlights")}
            break
        except sqlite3.Error:
            continue
    else:
        return False
    return (committed.tag in tags and committed.note in notes
            and set(committed.highlight_ids) <= highlights)


def _sqlite_files(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        if path.is_file() and path.name != "substring.sqlite3" and \
                path.read_bytes()[:16] == b"SQLite format 3\x00":
            yield path


def no_loss(scenario: str, library: Path, committed: Committed, damaged: bytes | None) -> Trial:
    """The committed annotations survive: in the library, in a backup, or untouched damage."""
    db = library / "library.sqlite3"
    if db.exists() and holds(db, committed):
        return Trial(scenario, "ok")
    if damaged is not None and db.exists() and db.read_bytes() == damaged:
        return Trial(scenario, "ok", "the damaged file was left as it was")
    if any(holds(other, committed) for other in _sqlite_files(library) if other != db):
        return Trial(scenario, "ok", "a backup holds them")
    return Trial(scenario, "data lost",
                 "committed tag, note or highlights are gone and the damaged file was "
                 "written over")


def user_commands(scenario: str, library: Path, work: Path, timeout: float = 60) -> list[Trial]:
    """What a user runs on a library that may be damaged: each exit 0 or one sentence."""
    lib = ["--library", str(library)]
    export = work / f"export-{random.randrange(10**9)}.json"
    return [run_cli(f"{scenario}: {' '.join(args[:2])}", lib + args, timeout) for args in (
        ["stats"], ["check"], ["search", "红色物业"], ["show", "1"], ["tag", "2", "损坏之后"],
        ["annotations", "export", str(export)],
    )]


# -- the damage ---------------------------------------------------------------------------

def damageable_files(library: Path) -> list[Path]:
    """Every file of the library folder Reader keeps (not the jieba cache)."""
    return sorted(p for p in library.rglob("*") if p.is_file() and "cache" not in p.parts)


#: The files of a library folder, by pattern (segment names are random).
TARGETS = ["library.sqlite3", "index/substring.sqlite3", "index/_MAIN_*.toc", "index/MAIN_*.seg"]


def scribble(path: Path, chance: random.Random) -> str:
    """Random bytes over a random stretch (a bad sector, a stray write)."""
    data = bytearray(path.read_bytes())
    if not data:
        data = bytearray(b"\0" * 64)
    size = chance.choice([1, 8, 64, 512, 4096])
    start = chance.randrange(len(data))
    data[start:start + size] = chance.randbytes(min(size, len(data) - start) or 1)
    path.write_bytes(bytes(data))
    return f"{size} random bytes at {start} of {path.name}"


def truncate(path: Path, chance: random.Random) -> str:
    """The file cut short (a copy interrupted, a full disk during a write)."""
    size = path.stat().st_size
    keep = chance.choice([0, 1, 100, size // 2, max(0, size - 1)])
    with open(path, "r+b") as handle:
        handle.truncate(min(keep, size))
    return f"{path.name} cut to {min(keep, size)} of {size} bytes"


def full_text_blocks(path: Path, chance: random.Random) -> str:
    """Random bytes over a few blocks of the FTS5 data (SQLite's page checks still pass)."""
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        table = "grams_data"  # the one FTS5 table (the text itself is a plain table)
        ids = [r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE id > 10")]
        hit = chance.sample(ids, min(len(ids), chance.choice([1, 3, 20])))
        for block in hit:
            conn.execute(f"UPDATE {table} SET block = randomblob(length(block)) WHERE id = ?",
                         [block])
    return f"{len(hit)} blocks of {table} in {path.name} overwritten"


DAMAGES: dict[str, Callable[[Path, random.Random], str]] = {
    "random bytes": scribble, "truncated": truncate,
}

#: (target, damage) pairs: every damage on every file, and the full-text blocks.
PAIRS = [(target, how) for target in TARGETS for how in DAMAGES] + [
    ("index/substring.sqlite3", "full-text blocks")]
DAMAGES["full-text blocks"] = full_text_blocks


def damage_trials(library: Path, work: Path, target: str, how: str,
                  chance: random.Random) -> list[Trial]:
    """Damage one file of an annotated library, run the user's commands, check for loss."""
    committed = annotate(library)
    found = sorted(library.glob(target))
    if not found:
        return [Trial(f"{how} {target}", "ok", "no such file in this library")]
    path = chance.choice(found)
    what = DAMAGES[how](path, chance)
    db = library / "library.sqlite3"
    damaged = db.read_bytes() if db.exists() else None
    scenario = f"{how} {target} ({what})"
    malformed = db.exists() and integrity(db) != "ok"
    trials = user_commands(scenario, library, work)
    tagged = next(t for t in trials if t.scenario.endswith(": tag 2"))
    if malformed and tagged.kind == "ok" and integrity(db) != "ok":
        trials.append(Trial(scenario, "inconsistent",
                            "a tag was accepted into a library SQLite calls malformed"))
    if not target.startswith("library"):
        # The index is a cache: the advised repair, `reader reindex`, must bring search back.
        lib = ["--library", str(library)]
        trials.append(run_cli(f"{scenario}: reindex", lib + ["reindex"], 120))
        searched = run_cli(f"{scenario}: search after reindex", lib + ["search", "红色物业"])
        if searched.kind == "sentence":
            searched = Trial(searched.scenario, "inconsistent", "search still refuses after "
                             "reader reindex: " + searched.detail)
        trials.append(searched)
    return trials + [no_loss(scenario, library, committed, damaged)]


# -- the environment ------------------------------------------------------------------------

@contextlib.contextmanager
def mounted_tmpfs(where: Path, size: str) -> Iterator[Path | None]:
    """A tmpfs of `size` at `where`, or None when this process may not mount."""
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True)
    if done.returncode != 0:
        yield None
        return
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(folder: Path, leave: int) -> None:
    """Fill the file system of `folder` until `leave` bytes are free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(folder / "filler", "wb") as handle, contextlib.suppress(OSError):
        handle.write(b"\0" * max(0, free - leave))


def remount_read_only(where: Path) -> bool:
    done = subprocess.run(["mount", "-o", "remount,ro", str(where)], capture_output=True)
    return done.returncode == 0


def copy_library(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("cache"))
    return target
