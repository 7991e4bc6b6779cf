"""Killing Reader while a note is being typed loses at most the last debounce interval."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from reader.app import Session
from reader.paths import resolve_paths
from tests.ui.note_kill_driver import PART_ONE

ROOT = Path(__file__).resolve().parents[2]


def test_sigkill_while_typing_keeps_the_note_up_to_the_last_debounce(library_dir):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "ui" / "note_kill_driver.py"), str(library_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env,
    )
    try:
        article_line = process.stdout.readline()
        assert article_line.startswith("article "), article_line
        assert process.stdout.readline() == "typed\n"
        process.send_signal(signal.SIGKILL)  # no chance to flush, close or clean up
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        process.stdout.close()
    article_id = int(article_line.split()[1])
    with Session.open(resolve_paths(library_dir)) as session:
        assert session.library.integrity()[0]
        assert session.library.notes.get(article_id) == PART_ONE
        assert session.check().library_ok
