"""Hostile surroundings: a crash's lost -wal, read-only places, a full disk, two writers,
odd paths and odd files.  Each scenario copies a seeded library and returns its trials.
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.fault.damage import (
    annotate,
    copy_library,
    fill,
    mounted_tmpfs,
    no_loss,
    remount_read_only,
    user_commands,
)
from tests.fault.hostile import huge_run
from tests.fault.kill_scenarios import make_pages
from tests.fault.kills import environment, kill_after, reader_argv, said_ready, start
from tests.fault.profile import LONG
from tests.fault.trials import Trial, consistency, run_cli
from tests.fault.writer import check_committed

Scenario = Callable[[Path, Path, random.Random], list[Trial]]


def lost_wal(template: Path, work: Path, chance: random.Random) -> list[Trial]:
    """Annotations written, the writer killed, its -wal deleted: nothing lost, or the loss said."""
    library = copy_library(template, work / "lib")
    out = work / "writer.out"
    process = start([sys.executable, "-m", "tests.fault.writer", str(library),
                     str(chance.randrange(10**6))], out)
    kill_after(process, chance.uniform(0.3, 1.0), lambda: said_ready(process, out.read_text()))
    for suffix in ("-wal", "-shm"):
        Path(f"{library / 'library.sqlite3'}{suffix}").unlink(missing_ok=True)
    trials = user_commands("missing -wal", library, work)
    committed = check_committed(library, out.read_text())
    if committed.kind == "data lost" and any("-wal" in t.detail for t in trials):
        # Nothing brings back a deleted log; the loss must be said, not silent.
        committed = Trial("missing -wal", "sentence", "said: " + next(
            t.detail for t in trials if "-wal" in t.detail) + "\n" + committed.detail)
    return trials + [Trial("missing -wal", committed.kind, committed.detail)]


def zero_byte_library(template: Path, work: Path, chance: random.Random) -> list[Trial]:
    library = copy_library(template, work / "lib")
    committed = annotate(library)
    (library / "library.sqlite3").write_bytes(b"")
    trials = user_commands("zero-byte library", library, work)
    return trials + [no_loss("zero-byte library", library, committed, b"")]


def read_only_folder(template: Path, work: Path, chance: random.Random) -> list[Trial]:
    with mounted_tmpfs(work / "ro", "24m") as mount:
        if mount is None:
            return [Trial("read-only folder", "ok", "skipped: this process may not mount")]
        library = copy_library(template, mount / "lib")
        committed = annotate(library)
        if not remount_read_only(mount):
            return [Trial("read-only folder", "ok", "skipped: cannot remount read-only")]
        trials = user_commands("read-only folder", library, work)
        return trials + [no_loss("read-only folder", library, committed, None)]


def read_only_index(template: Path, work: Path, chance: random.Random) -> list[Trial]:
    library = copy_library(template, work / "lib")
    committed = annotate(library)
    index = library / "index"
    bound = subprocess.run(["mount", "--bind", str(index), str(index)], capture_output=True)
    if bound.returncode != 0:
        return [Trial("read-only index", "ok", "skipped: this process may not mount")]
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(index)], check=True)
        return user_commands("read-only index", library, work) + \
            [no_loss("read-only index", library, committed, None)]
    finally:
        subprocess.run(["umount", "-l", str(index)], capture_output=True)


def index_is_a_file(template: Path, work: Path, chance: random.Random) -> list[Trial]:
    library = copy_library(template, work / "lib")
    shutil.rmtree(library / "index")
    (library / "index").write_text("not a folder")
    return user_commands("index is a file", library, work)


def odd_library_paths(template: Path, work: Path, chance: random.Random) -> list[Trial]:
    a_file = work / "a-file"
    a_file.write_text("x")
    trials = []
    for where in (a_file, a_file / "below", Path("/dev/null"), Path("/proc/self")):
        trials.append(run_cli(f"--library {where}", ["--library", str(where), "stats"], 30))
    return trials


def full_disk(template: Path, work: Path, chance: random.Random) -> list[Trial]:
    """Commands on a library whose disk has 64 KB left (long profile: also 4 KB and 0 B)."""
    trials: list[Trial] = []
    pages = make_pages(work / "pages", 3)
    for leave in (65536, 4096, 0) if LONG else (65536,):
        with mounted_tmpfs(work / f"full{leave}", "24m") as mount:
            if mount is None:
                return [Trial("full disk", "ok", "skipped: this process may not mount")]
            library = copy_library(template, mount / "lib")
            committed = annotate(library)
            fill(mount, leave)
            lib = ["--library", str(library)]
            # an article annotate() left alone: the note written here replaces no note of it
            with contextlib.closing(sqlite3.connect(library / "library.sqlite3")) as conn:
                other = str(conn.execute("SELECT max(id) FROM articles").fetchone()[0])
            for args in (["tag", other, "满了"], ["note", other, "磁盘满时写的笔记"],
                         ["import", str(pages)], ["search", "红色物业"], ["reindex"]):
                trials.append(run_cli(f"full disk ({leave} B free): {args[0]}", lib + args,
                                      60))
            (mount / "filler").unlink()
            trials.append(no_loss(f"full disk ({leave} B free)", library, committed, None))
            trials.append(consistency(f"full disk ({leave} B free), space freed", library))
    return trials


def two_writers(template: Path, work: Path, chance: random.Random) -> list[Trial]:
    """Two imports and an annotation writer at once on one library."""
    library = copy_library(template, work / "lib")
    first, second = make_pages(work / "a", 3), work / "b"
    second.mkdir()
    for n, page in enumerate(sorted(first.iterdir())):
        (second / page.name).write_text(page.read_text() + f"\n另一份{n}\n")
    writer_out = work / "writer.out"
    writer = start([sys.executable, "-m", "tests.fault.writer", str(library),
                    str(chance.randrange(10**6))], writer_out)
    imports = [start(reader_argv(library, "import", str(folder)), work / f"{folder.name}.out")
               for folder in (first, second)]
    searcher = start(reader_argv(library, "search", "红色物业"), work / "search.out")
    trials = []
    for name, process in zip(("import a", "import b", "search"), imports + [searcher],
                             strict=True):
        try:
            process.wait(timeout=180)
        except subprocess.TimeoutExpired:
            process.kill()
            trials.append(Trial(f"two writers: {name}", "hang", "over 180 s"))
            continue
        text = (work / f"{'search' if name == 'search' else name[-1]}.out").read_text()
        kind = "traceback" if "Traceback" in text else "crash" if process.returncode < 0 \
            else "ok" if process.returncode == 0 else "sentence"
        trials.append(Trial(f"two writers: {name}", kind, text[-1500:]))
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    committed = check_committed(library, writer_out.read_text())
    trials.append(Trial("two writers: annotations", committed.kind, committed.detail))
    return trials + [consistency("two writers: library after", library)]


def fifo_page(template: Path, work: Path, chance: random.Random) -> list[Trial]:
    fifo = work / "page.txt"
    os.mkfifo(fifo)
    try:
        return [run_cli("a FIFO as a page", ["parse", str(fifo)], timeout=1.5)]
    finally:
        # Whatever still waits on the FIFO gets end-of-file.
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def dev_zero_page(template: Path, work: Path, chance: random.Random) -> list[Trial]:
    """`reader parse /dev/zero` in a process limited to 2 GB of memory."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    try:
        done = subprocess.run([sys.executable, "-m", "reader", "parse", "/dev/zero"],
                              capture_output=True, text=True, timeout=60, env=environment(),
                              preexec_fn=limit)
    except subprocess.TimeoutExpired:
        return [Trial("/dev/zero as a page", "hang", "over 60 s")]
    if "Traceback" in done.stderr or done.returncode < 0:
        return [Trial("/dev/zero as a page", "traceback", done.stderr[-800:])]
    return [Trial("/dev/zero as a page", "ok" if done.returncode == 0 else "sentence",
                  done.stderr[-300:])]


def invalid_utf8_file_name(template: Path, work: Path, chance: random.Random) -> list[Trial]:
    library = copy_library(template, work / "lib")
    folder = make_pages(work / "pages", 2)
    bad = os.fsencode(folder) + b"/\xff\xfe\xba\xd0.txt"
    with open(bad, "wb") as handle:
        handle.write((folder / "page000.txt").read_bytes() + "另一页".encode())
    trial = run_cli("a file name not in UTF-8", ["--library", str(library), "import",
                                                 str(folder)], 120)
    return [trial, consistency("a file name not in UTF-8: library after", library)]


def long_run(template: Path, work: Path, chance: random.Random) -> list[Trial]:
    """A 100,000-character run without punctuation imports within 30 s."""
    library = copy_library(template, work / "lib")
    page = work / "run.txt"
    page.write_bytes(huge_run(100_000))
    started = time.monotonic()
    trial = run_cli("a 100,000-character run", ["--library", str(library), "import",
                                                str(page)], 30)
    if not trial.failed:
        trial = Trial(trial.scenario, trial.kind, f"{time.monotonic() - started:.1f} s")
    return [trial]


SCENARIOS: dict[str, Scenario] = {
    "missing -wal after a crash": lost_wal,
    "zero-byte library": zero_byte_library,
    "read-only folder": read_only_folder,
    "read-only index": read_only_index,
    "index path is a file": index_is_a_file,
    "--library at a file, /dev/null, /proc": odd_library_paths,
    "full disk": full_disk,
    "two writers at once": two_writers,
    "a FIFO as a page": fifo_page,
    "/dev/zero as a page": dev_zero_page,
    "a file name not in UTF-8": invalid_utf8_file_name,
    "a 100,000-character run": long_run,
}
