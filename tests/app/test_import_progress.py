"""What an import reports while it runs (issue 17: a million articles take a quarter of an
hour): the files read before any is stored, then the pages stored, then the index's
catch-up, each a stage the CLI's bar and the window's dialog name; cancelled while the
files are read, nothing is stored."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.app import Session, importing
from reader.paths import resolve_paths
from reader.progress import INDEXING, READING

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _pages(folder: Path) -> Path:
    """The five seed pages, in a folder of their own (the library is opened without them)."""
    return Path(shutil.copytree(SEEDS, folder))


def test_an_import_reports_the_files_read_then_its_pages_then_the_index(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "READ_PROGRESS_EVERY", 2)
    pages = _pages(tmp_path / "pages")
    with Session.open(resolve_paths(tmp_path / "lib"), fill_from_seeds=False) as session:
        session.ensure_index()  # open, as the window's is once it can search
        seen: list[tuple[int, int, str]] = []
        results = session.import_paths([pages], progress=lambda *step: seen.append(step))
        articles = session.library.stats()["articles"]
    assert [r.status for r in results] == ["imported"] * 5
    stages = [label if label in (READING, INDEXING) else "page" for _, _, label in seen]
    first = {stage: stages.index(stage) for stage in (READING, "page", INDEXING)}
    assert first[READING] < first["page"] < first[INDEXING]  # in that order
    assert [(done, total) for done, total, label in seen if label == READING] == [(2, 5), (4, 5)]
    done, total, _ = [step for step in seen if step[2] == INDEXING][-1]
    assert done == total == articles > 0


def test_an_import_cancelled_while_its_files_are_read_stores_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "READ_PROGRESS_EVERY", 2)
    pages = _pages(tmp_path / "pages")
    with Session.open(resolve_paths(tmp_path / "lib"), fill_from_seeds=False) as session:
        assert session.import_paths([pages], cancelled=lambda: True) == []
        assert session.library.stats()["articles"] == 0
        # and the same import, not cancelled, stores them all
        assert len(session.import_paths([pages])) == 5
