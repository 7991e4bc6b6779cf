"""A catch-up reads the library's record of changed articles, not the whole library (issue 17,
reader/library/index_record.py, reader/app/indexing.py).

After every write path the index must hold exactly what a whole comparison gives (each
article's `doc_hash`), while the catch-up read only the articles the record names: the
whole-library readers are made to fail, and the documents hashed are counted.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reader.search.index as index_module
import reader.search.index_writing as index_writing
from reader.app import Session
from reader.app.indexing import RECORD_KEY, library_docs
from reader.library import Library
from reader.library.articles import Articles
from reader.library.page_meta import PageEdit
from reader.paths import resolve_paths
from tests.fix_helpers import (
    TWO_STORIES_AT,
    TWO_STORIES_TITLE,
    article_titled,
    reparse_with_changed_parser,
    write_subhead_page,
)

ROOT = Path(__file__).resolve().parents[2]


def whole(session) -> dict[int, str]:
    """What a whole comparison says the index must hold: id → doc_hash, every article."""
    return {doc.id: index_module.doc_hash(doc) for doc in library_docs(session.library)}


@contextmanager
def counting_hashes(monkeypatch):
    """The documents hashed inside (compared or written), in a one-item list."""
    hashed = [0]
    original = index_module.doc_hash

    def counted(doc):
        hashed[0] += 1
        return original(doc)

    with monkeypatch.context() as patch:
        # Compared in reader.app.indexing (through reader.search.index), written in
        # reader.search.index_writing: both are counted.
        patch.setattr(index_module, "doc_hash", counted)
        patch.setattr(index_writing, "doc_hash", counted)
        yield hashed


@contextmanager
def record_only(monkeypatch):
    """Inside, reading every article of the library fails: a catch-up must use the record."""
    def refused(*args, **kwargs):
        raise AssertionError("the catch-up read the whole library")

    with monkeypatch.context() as patch:
        patch.setattr(Articles, "iter_all", refused)
        patch.setattr(Articles, "ids", refused)
        yield


def caught_up_from_the_record(session, monkeypatch):
    """Catch up through the record only; the index must then be what a whole comparison
    gives.  The report and the number of documents hashed."""
    recorded = session.library.index_record.read().ids
    with record_only(monkeypatch), counting_hashes(monkeypatch) as hashed:
        report = session.ensure_index()
    assert report.action in ("caught up", "none")
    # Each recorded article is hashed to compare it, and once more if it is written.
    assert hashed[0] <= 2 * len(recorded)
    assert session.index.doc_hashes() == whole(session)
    assert session.library.index_record.read().ids == []  # what it handled is cleared
    return report, hashed[0]


def test_every_write_path_is_caught_up_from_the_record_alone(session, monkeypatch, tmp_path):
    session.ensure_index()
    articles = session.library.stats()["articles"]
    first = article_titled(session, TWO_STORIES_TITLE)

    session.annotations.set_note(first.id, "记录路径的笔记")
    report, hashed = caught_up_from_the_record(session, monkeypatch)
    assert (report.added, hashed) == (1, 2) and hashed < articles
    assert [h.id for h in session.search("记录路径的笔记").hits] == [first.id]
    session.annotations.set_note(first.id, "改过的笔记")
    assert caught_up_from_the_record(session, monkeypatch)[0].added == 1
    session.annotations.set_note(first.id, None)
    assert caught_up_from_the_record(session, monkeypatch)[0].added == 1
    assert session.search("改过的笔记").total == 0

    made = session.annotations.add_highlight(first.id, 2, 8, note="划线的批注")
    caught_up_from_the_record(session, monkeypatch)
    assert [h.id for h in session.search("划线的批注").hits] == [first.id]
    session.annotations.set_highlight_note(made.highlight.id, "改了批注")
    caught_up_from_the_record(session, monkeypatch)
    assert session.search("划线的批注").total == 0
    session.annotations.remove_highlight(made.highlight.id)
    caught_up_from_the_record(session, monkeypatch)
    assert session.search("改了批注").total == 0
    session.annotations.undo()  # the highlight is back, with its note
    caught_up_from_the_record(session, monkeypatch)
    assert session.search("改了批注").total == 1

    # Tags are not indexed: nothing to look at.
    session.annotations.tag([first.id], ["记录"])
    assert caught_up_from_the_record(session, monkeypatch)[1] == 0

    # Corrections: fields, text, a split (a new article) and its undo (a deleted one).
    session.corrections.set_title(first.id, "改正的标题")
    caught_up_from_the_record(session, monkeypatch)
    assert [h.id for h in session.search("改正的标题").hits] == [first.id]
    session.corrections.set_kind(first.id, "commentary")
    session.corrections.set_column(first.id, "新栏目")
    session.corrections.set_authors(first.id, [("记者", "钱程远")])
    caught_up_from_the_record(session, monkeypatch)
    assert [h.id for h in session.search("钱程远").hits] == [first.id]
    session.corrections.edit_text(first.id, 1, "改正后的第一段文字。")
    caught_up_from_the_record(session, monkeypatch)
    split = session.corrections.split(first.id, TWO_STORIES_AT)
    report, _ = caught_up_from_the_record(session, monkeypatch)
    assert report.added == 2 and split.new_article_id in session.index.doc_hashes()
    session.annotations.history.undo()
    report, _ = caught_up_from_the_record(session, monkeypatch)
    assert report.removed == 1 and split.new_article_id not in session.index.doc_hashes()

    # Imports: a new page; a merge of two of its articles (one deleted); a re-parse.
    [result] = session.import_paths([write_subhead_page(tmp_path / "pages")])
    caught_up_from_the_record(session, monkeypatch)
    one, two = session.library.articles.on_page(result.page_id)
    session.corrections.merge(two.id, "previous")
    report, _ = caught_up_from_the_record(session, monkeypatch)
    assert report.removed == 1
    reparse_with_changed_parser(session, [tmp_path / "pages" / "subhead_page.txt"])
    caught_up_from_the_record(session, monkeypatch)

    # Pages, issues and papers: a date changes every article of the page; a paper's
    # rename onto another (a merge) changes no index document; undo.
    page = session.library.pages.get(first.page_id)
    on_page = len(session.library.articles.on_page(page.id))
    session.metadata.edit_pages([page.id], PageEdit(date="1999-12-31"))
    report, hashed = caught_up_from_the_record(session, monkeypatch)
    assert report.added == on_page and hashed == 2 * on_page
    assert session.search("改正的标题 date:1999").total == 1
    session.annotations.history.undo()
    caught_up_from_the_record(session, monkeypatch)
    papers = session.library.publications.all()
    session.metadata.rename_paper(papers[0].id, papers[-1].name)
    caught_up_from_the_record(session, monkeypatch)


def test_a_rewrite_to_the_same_text_costs_nothing(session, monkeypatch):
    session.ensure_index()
    article = article_titled(session, TWO_STORIES_TITLE)
    # Unchanged values are not recorded at all.
    session.library.connection.execute(
        "UPDATE articles SET title = title, text = text WHERE id = ?", [article.id])
    assert session.library.index_record.read().ids == []
    # Changed and changed back: recorded, compared, nothing written.
    session.annotations.set_note(article.id, "一时的笔记")
    session.annotations.set_note(article.id, None)
    report, hashed = caught_up_from_the_record(session, monkeypatch)
    assert (report.added, hashed) == (0, 1)


def test_a_change_made_while_catching_up_survives(session, library_dir, monkeypatch):
    session.ensure_index()
    article = article_titled(session, TWO_STORIES_TITLE)
    session.annotations.set_note(article.id, "先写的笔记")
    update = index_module.SearchIndex.update

    def meanwhile(self, *args, **kwargs):
        # Another process (the CLI, while the window catches up) writes a note.
        with Library.open(library_dir / "library.sqlite3") as other:
            other.notes.set(article.id + 1, "同时写的笔记")
        return update(self, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(index_module.SearchIndex, "update", meanwhile)
        session.ensure_index()
    assert session.library.index_record.read().ids == [article.id + 1]
    report, _ = caught_up_from_the_record(session, monkeypatch)
    assert report.added == 1
    assert session.search("先写的笔记").total == session.search("同时写的笔记").total == 1


#: Changes two notes, then catches up in a child killed right after `what`: the index's
#: first committed batch ("batch", with one document a batch) or the record's settling
#: ("settle", before the index holds the new token).
CHILD = """
import os, sys
import reader.search.index as index
index.BATCH_DOCS = 1
from reader.app import Session
from reader.library.index_record import IndexRecord
from reader.paths import resolve_paths
from reader.search.substring import SubstringStore
def killed_after(function):
    def wrapped(*args, **kwargs):
        function(*args, **kwargs)
        os._exit(9)
    return wrapped
if {what!r} == "batch":
    SubstringStore.commit = killed_after(SubstringStore.commit)
else:
    IndexRecord.settle = killed_after(IndexRecord.settle)
with Session.open(resolve_paths({library!r})) as session:
    session.library.notes.set({first}, "被杀时的笔记")
    session.library.notes.set({second}, "被杀时的另一条")
    session.ensure_index()
"""


@pytest.mark.parametrize("what", ["batch", "settle"])
def test_a_catch_up_killed_part_way_is_finished_by_the_next(library_dir, monkeypatch, what):
    with Session.open(resolve_paths(library_dir)) as session:
        first = article_titled(session, TWO_STORIES_TITLE).id
    code = CHILD.format(what=what, library=str(library_dir), first=first, second=first + 1)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 9, done.stderr
    with Session.open(resolve_paths(library_dir)) as session:
        if what == "batch":
            # The record was not cleared, and the index noted what it was writing.
            assert session.library.index_record.read().ids == [first, first + 1]
            caught_up_from_the_record(session, monkeypatch)
        else:
            # Cleared, but the index never learnt it: compared whole, once.
            assert session.library.index_record.read().ids == []
            assert session.index.meta(RECORD_KEY) != session.library.index_record.token()
            session.ensure_index()
            assert session.index.doc_hashes() == whole(session)
            session.annotations.set_note(first + 2, "之后的笔记")
            caught_up_from_the_record(session, monkeypatch)
        assert session.search("被杀时的笔记").total == 1
        assert session.search("被杀时的另一条").total == 1


def _compared_whole(session, monkeypatch) -> int:
    """Catch up; it must compare every article (the record is not trusted); hashes done."""
    with counting_hashes(monkeypatch) as hashed:
        report = session.ensure_index()
    assert report.action == "caught up"
    assert hashed[0] >= session.library.stats()["articles"]
    assert session.index.doc_hashes() == whole(session)
    return hashed[0]


def test_an_index_restored_from_a_backup_is_compared_whole(library_dir, tmp_path,
                                                           monkeypatch):
    saved = tmp_path / "index-backup"
    with Session.open(resolve_paths(library_dir)) as session:
        session.ensure_index()
        article = article_titled(session, TWO_STORIES_TITLE)
        shutil.copytree(library_dir / "index", saved)
        session.annotations.set_note(article.id, "备份之后的笔记")
        caught_up_from_the_record(session, monkeypatch)
        session.annotations.set_note(article.id + 1, "又一条笔记")
    shutil.rmtree(library_dir / "index")
    shutil.copytree(saved, library_dir / "index")
    with Session.open(resolve_paths(library_dir)) as session:
        # The old index does not have the first note, which the record no longer names.
        _compared_whole(session, monkeypatch)
        assert session.search("备份之后的笔记").total == 1
        session.annotations.set_note(article.id, "再后来的笔记")
        caught_up_from_the_record(session, monkeypatch)


def test_a_library_restored_from_a_backup_is_compared_whole(library_dir, tmp_path,
                                                            monkeypatch):
    saved = tmp_path / "library-backup.sqlite3"
    with Session.open(resolve_paths(library_dir)) as session:
        session.ensure_index()
        article = article_titled(session, TWO_STORIES_TITLE)
        session.library.backup(saved)
        session.annotations.set_note(article.id, "备份之后的笔记")
        caught_up_from_the_record(session, monkeypatch)
    for suffix in ("", "-wal", "-shm"):
        (library_dir / f"library.sqlite3{suffix}").unlink(missing_ok=True)
    shutil.copy(saved, library_dir / "library.sqlite3")
    with Session.open(resolve_paths(library_dir)) as session:
        session.annotations.set_note(article.id + 1, "恢复之后的笔记")
        # The index has a note the restored library never had, which its record cannot name.
        _compared_whole(session, monkeypatch)
        assert session.search("备份之后的笔记").total == 0
        assert session.search("恢复之后的笔记").total == 1


def _as_before_migration_16(library_dir: Path, note: tuple[str, str] | None = None) -> None:
    """Make the library one that was never migrated to 16; then write `note` (article key,
    text) as Reader did before it (no record of it)."""
    with Library.open(library_dir / "library.sqlite3") as library:
        db = library.connection
        for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'index_changes_%'").fetchall():
            db.execute(f"DROP TRIGGER {name}")
        db.execute("DROP TABLE index_changes")
        db.execute("DELETE FROM schema_migrations WHERE version = 16")
        db.execute("DELETE FROM meta WHERE key = 'index_record'")
        if note is not None:
            db.execute("INSERT INTO notes (article_key, body, updated_at) VALUES (?, ?, '')",
                       list(note))
            db.bump_generation()


def test_migration_16_compares_whole_once_then_uses_the_record(library_dir, monkeypatch):
    with Session.open(resolve_paths(library_dir)) as session:
        session.ensure_index()
        session.index.set_meta(RECORD_KEY, None)  # an index made before 16 has no token
        article = article_titled(session, TWO_STORIES_TITLE)
    # The index is out of step (a note it has not caught up with).
    _as_before_migration_16(library_dir, note=(article.key, "迁移之前的笔记"))
    with Session.open(resolve_paths(library_dir)) as session:
        assert session.library.index_record.read().ids == []
        _compared_whole(session, monkeypatch)
        assert session.search("迁移之前的笔记").total == 1
        session.annotations.set_note(article.id, "迁移之后的笔记")
        report, hashed = caught_up_from_the_record(session, monkeypatch)
        assert (report.added, hashed) == (1, 2)


def test_migration_16_with_an_index_in_step_needs_no_comparison(library_dir, monkeypatch):
    with Session.open(resolve_paths(library_dir)) as session:
        session.ensure_index()
        session.index.set_meta(RECORD_KEY, None)  # an index made before 16 has no token
        article = article_titled(session, TWO_STORIES_TITLE)
    _as_before_migration_16(library_dir)
    with Session.open(resolve_paths(library_dir)) as session:
        with counting_hashes(monkeypatch) as hashed:
            assert session.ensure_index().action == "none"
        assert hashed[0] == 0
        # The record is relative to that index from now on.
        assert session.index.meta(RECORD_KEY) == session.library.index_record.token()
        session.annotations.set_note(article.id, "迁移之后的笔记")
        report, hashed_now = caught_up_from_the_record(session, monkeypatch)
        assert (report.added, hashed_now) == (1, 2)


_TEXTS = st.sampled_from(["", "甲乙笔记", "丙丁的批注", "同样的话", "同样的话"])
_OPS = st.lists(st.one_of(
    st.tuples(st.just("note"), st.integers(0, 7), _TEXTS),
    st.tuples(st.just("highlight"), st.integers(0, 7), _TEXTS),
    st.tuples(st.just("title"), st.integers(0, 7), _TEXTS),
    st.tuples(st.just("date"), st.integers(0, 7), st.sampled_from(["2001-02-03", "1990"])),
    st.tuples(st.just("undo"), st.just(0), st.just("")),
    st.tuples(st.just("catch up"), st.just(0), st.just("")),
), max_size=12)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=_OPS)
def test_any_edits_caught_up_from_the_record_equal_a_whole_comparison(
        seeded_template, tmp_path, monkeypatch, ops):
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    shutil.copytree(seeded_template, folder / "lib")
    with Session.open(resolve_paths(folder / "lib"), daily_backup=False) as session:
        session.ensure_index()
        ids = [row[0] for row in session.library.connection.execute(
            "SELECT id FROM articles WHERE missing = 0 ORDER BY id LIMIT 8")]
        for op, n, value in ops:
            article = session.library.articles.get(ids[n % len(ids)])
            if op == "note":
                session.annotations.set_note(article.id, value or None)
            elif op == "highlight":
                session.annotations.add_highlight(article.id, 0, 2, note=value or None)
            elif op == "title" and value:
                session.corrections.set_title(article.id, value)
            elif op == "date":
                session.metadata.edit_pages([article.page_id], PageEdit(date=value))
            elif op == "undo":
                session.annotations.history.undo()
            elif op == "catch up":
                caught_up_from_the_record(session, monkeypatch)
        caught_up_from_the_record(session, monkeypatch)


def test_another_catch_up_finishing_first_makes_the_next_one_compare_whole(
        session, library_dir, monkeypatch):
    session.ensure_index()
    article = article_titled(session, TWO_STORIES_TITLE)
    session.annotations.set_note(article.id, "这边的笔记")
    update = index_module.SearchIndex.update
    calls = []

    def meanwhile(self, *args, **kwargs):
        calls.append(self)
        if len(calls) > 1:  # the other session's own update
            return update(self, *args, **kwargs)
        # The CLI catches up the same index before this one writes (and renews the token).
        with Session.open(resolve_paths(library_dir), daily_backup=False) as other:
            other.library.notes.set(article.id + 1, "那边的笔记")
            assert other.ensure_index().action == "caught up"
        return update(self, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(index_module.SearchIndex, "update", meanwhile)
        session.ensure_index()
    # Which of the two wrote last is not known here: the token is dropped, not renewed.
    assert session.index.meta(RECORD_KEY) is None
    session.annotations.set_note(article.id + 2, "第三条笔记")
    _compared_whole(session, monkeypatch)
    assert session.index.meta(RECORD_KEY) == session.library.index_record.token()
    for text in ("这边的笔记", "那边的笔记", "第三条笔记"):
        assert session.search(text).total == 1


def test_a_new_index_is_filled_whole_and_the_record_starts_afresh(library_dir, monkeypatch):
    with Session.open(resolve_paths(library_dir)) as session:
        article = article_titled(session, TWO_STORIES_TITLE)
        session.annotations.set_note(article.id, "旧索引没有的笔记")
    shutil.rmtree(library_dir / "index")
    with Session.open(resolve_paths(library_dir)) as session:
        assert session.library.index_record.read().ids == [article.id]
        assert session.ensure_index().action == "rebuilt"
        assert session.index.doc_hashes() == whole(session)
        assert session.library.index_record.read().ids == []
        assert session.index.meta(RECORD_KEY) == session.library.index_record.token()
        session.annotations.set_note(article.id + 1, "新索引之后的笔记")
        caught_up_from_the_record(session, monkeypatch)
        assert session.search("旧索引没有的笔记").total == 1
