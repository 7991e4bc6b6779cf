"""A big import killed part-way goes on where it stopped when run again (issue 17).

Pages are stored one transaction each, and the search index is filled in committed
batches; the child process here is killed (os._exit, as abrupt as SIGKILL: no cleanup,
no rollback) right after a given commit, and a second run must finish the work without
redoing what was committed, ending with the same library and index as an uninterrupted
import.  The corpus is the benchmark generator's (tests/benchmarks/corpus_gen.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.app import Session
from reader.paths import resolve_paths
from tests.benchmarks import corpus_gen

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 270
BATCH = 60

#: Pages the library stores per transaction in the child (`reader.library.page_batches`).
BATCH_PAGES = 3

#: Runs `reader import` in a child with small index and page batches, killed after the
#: `KILL_AFTER`-th commit of `WHAT` ("pages": pages stored (committed BATCH_PAGES at a time);
#: "batches": index batches; "merge": as the index's segments are merged at the end).
CHILD = """
import os, sys
import reader.search.index_writing as index
index.BATCH_DOCS = {batch}
index.PARALLEL_MIN_DOCS = 10 ** 9  # one process: a light test
from reader.app import importing
importing.POOL_THRESHOLD = 10 ** 9  # parse here: no pool workers outliving the kill
from reader.library import page_batches
page_batches.BATCH_PAGES = {batch_pages}  # pages committed {batch_pages} at a time
page_batches.BATCH_SECONDS = 10 ** 9
from reader.search.substring import SubstringStore
commits = [0]
def kill_after(function):
    def wrapped(*args, **kwargs):
        result = function(*args, **kwargs)
        commits[0] += 1
        if commits[0] == {kill_after}:
            os._exit(9)
        return result
    return wrapped
if {what!r} == "pages":
    importing._store = kill_after(importing._store)
elif {what!r} == "merge":  # killed as the word index's segments are being merged
    from reader.search.words import WordIndex
    WordIndex.commit_merging = staticmethod(lambda writer: os._exit(9))
else:
    SubstringStore.commit = kill_after(SubstringStore.commit)
from reader.cli import main
sys.exit(main(["--library", {library!r}, "import", {pages!r}]))
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    corpus_gen.write_corpus(folder, ARTICLES, seed=5)
    return folder


def _killed_import(library: Path, pages: Path, what: str, kill_after: int) -> None:
    code = CHILD.format(batch=BATCH, batch_pages=BATCH_PAGES, kill_after=kill_after, what=what,
                        library=str(library), pages=str(pages))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 9, done.stderr


def _finish(library: Path, pages: Path):
    """Run the import again (to the end), as a user would; what it did and what there is."""
    with Session.open(resolve_paths(library)) as session:
        results = session.import_paths([pages])
        report = session.ensure_index()
        check = session.check()
        found = {q: session.search(q, limit=0).total for q in ("本报记者", "的", "党建")}
        texts = {a.key: a.text for a in session.library.articles.iter_all()}
    return results, report, check, found, texts


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory, pages):
    """The same import, never killed: what a resumed one must end up with."""
    return _finish(tmp_path_factory.mktemp("whole") / "lib", pages)


def test_an_import_killed_while_indexing_goes_on_from_the_last_batch(tmp_path, pages,
                                                                      uninterrupted):
    library = tmp_path / "lib"
    _killed_import(library, pages, "batches", kill_after=2)
    results, report, check, found, texts = _finish(library, pages)
    assert {r.status for r in results} == {"already imported"}  # every page was stored
    # Two batches were committed before the kill: only the rest is indexed now.
    assert check.articles == uninterrupted[2].articles
    assert report.action == "caught up" and report.added == check.articles - 2 * BATCH
    assert check.ok and check.indexed == check.articles
    assert texts == uninterrupted[4] and found == uninterrupted[3]


def test_an_import_killed_while_storing_pages_goes_on_from_the_last_commit(tmp_path, pages,
                                                                         uninterrupted):
    library = tmp_path / "lib"
    # The first run imports the five seed pages, then the corpus: killed after five of it
    # were stored, of which the first three were committed (BATCH_PAGES): the other two
    # were never written, and are imported again.
    _killed_import(library, pages, "pages", kill_after=10)
    results, report, check, found, texts = _finish(library, pages)
    statuses = [r.status for r in results]
    assert statuses[:3] == ["already imported"] * 3 and statuses.count("already imported") == 3
    assert statuses.count("imported") == len(statuses) - 3 == corpus_gen.pages_for(ARTICLES) - 3
    assert check.ok and check.indexed == check.articles == uninterrupted[2].articles
    assert texts == uninterrupted[4] and found == uninterrupted[3]


def test_an_import_killed_while_merging_the_word_index_finishes_the_merge(tmp_path, pages,
                                                                         uninterrupted):
    from reader.search.index_writing import MERGE_PENDING
    from reader.search.words import WordIndex

    library = tmp_path / "lib"
    _killed_import(library, pages, "merge", kill_after=1)
    words = WordIndex.open(library / "index")
    assert len(words.segment_sizes()) > 1  # every batch committed, one segment each
    words.close()
    results, report, check, found, texts = _finish(library, pages)
    assert {r.status for r in results} == {"already imported"}
    assert report.action == "caught up" and report.added == 0
    assert check.ok and check.indexed == check.articles == uninterrupted[2].articles
    assert texts == uninterrupted[4] and found == uninterrupted[3]
    with Session.open(resolve_paths(library)) as session:
        assert session.index._words.segment_sizes() == [check.articles]
        assert session.index.meta(MERGE_PENDING) is None
