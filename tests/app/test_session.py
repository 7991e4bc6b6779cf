"""The app services over a real library: first run, import, search, self-repair."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.app import Session
from reader.paths import resolve_paths, seeds_dir

SEEDS = sorted(seeds_dir().glob("*.txt"))


def test_first_run_fills_an_empty_library_from_the_seeds_with_progress(tmp_path):
    calls = []
    with Session.open(resolve_paths(tmp_path / "new"),
                      progress=lambda d, t, label: calls.append((d, t, label))) as session:
        stats = session.library.stats()
        assert stats["issues"] == 5
        assert stats["articles"] == 43
        assert [r.status for r in session.first_run_results] == ["imported"] * 5
    assert calls[0][:2] == (0, 5) and calls[-1][:2] == (5, 5)


def test_cancelled_first_run_leaves_a_consistent_library_that_resumes(tmp_path):
    lib = tmp_path / "lib"
    seen = []
    with Session.open(resolve_paths(lib), progress=lambda d, t, label: seen.append(d),
                      cancelled=lambda: len(seen) > 2) as session:
        partial = session.library.stats()["issues"]
    assert 0 < partial < 5
    # The next open finishes the first run without duplicating anything.
    with Session.open(resolve_paths(lib)) as session:
        statuses = [r.status for r in session.first_run_results]
        assert statuses.count("already imported") == partial
        assert session.library.stats()["issues"] == 5
    with Session.open(resolve_paths(lib)) as session:
        assert session.first_run_results == []


def test_import_is_idempotent(session):
    before = session.library.stats()
    generation = session.library.generation()
    results = session.import_paths(SEEDS)
    assert [r.status for r in results] == ["already imported"] * 5
    assert session.library.stats() == before
    assert session.library.generation() == generation


def test_a_broken_file_among_good_ones_is_reported_and_the_rest_imported(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\x00\x01binary\xff" * 40)
    shutil.copy(SEEDS[1], folder / "c.txt")
    with Session.open(resolve_paths(tmp_path / "lib"), fill_from_seeds=False) as session:
        results = session.import_paths([folder])
        assert [r.status for r in results] == ["imported", "failed", "imported"]
        assert "b.txt" in results[1].message and "binary" in results[1].message
        assert session.library.stats()["issues"] == 2


def test_search_finds_words_and_substrings_with_snippets(session):
    outcome = session.search("红色物业")
    assert outcome.total >= 1
    hit = outcome.hits[0]
    assert "红色物业" in hit.title + hit.snippet
    assert hit.match in ("word", "substring")
    # 网格 occurs inside 网格员: found although jieba keeps 网格员 whole.
    inside = session.search("网格")
    assert inside.total >= session.search("网格员").total >= 1


def test_filters_are_resolved_in_the_library(session):
    commentary = session.search("kind:commentary")
    assert commentary.total == 2
    assert all(h.kind == "commentary" for h in commentary.hits)
    both = session.search("党建 column:观潮")
    assert both.total >= 1 and all(h.column == "观潮" for h in both.hits)


def test_index_rebuilds_itself_after_the_folder_is_deleted(library_dir):
    shutil.rmtree(library_dir / "index")
    with Session.open(resolve_paths(library_dir)) as session:
        report = session.ensure_index()
        assert report.action == "rebuilt"
        assert "missing" in report.message
        assert session.search("皇甫美鲜").total >= 1


def test_index_rebuilds_itself_after_corruption(library_dir):
    for path in Path(library_dir / "index").rglob("*"):
        if path.is_file():
            path.write_bytes(b"this is not an index" * 10)
    with Session.open(resolve_paths(library_dir)) as session:
        report = session.ensure_index()
        assert report.action == "rebuilt"
        assert session.search("乌兰察布").total >= 1
        assert session.check().ok


def test_index_catches_up_when_it_is_behind_the_library(session):
    session.ensure_index()
    article = session.library.articles.in_issue(session.library.issues.all()[0].id)[0]
    session.library.notes.set(article.id, "值得细读的独特笔记词")
    report = session.ensure_index()
    assert report.action == "caught up" and report.added == 1
    outcome = session.search("独特笔记词")
    assert [h.id for h in outcome.hits] == [article.id]
    assert outcome.hits[0].match == "note"


def test_check_reports_an_index_out_of_step(session):
    assert session.check().ok
    article = session.library.articles.in_issue(session.library.issues.all()[0].id)[0]
    session.library.notes.set(article.id, "新笔记")
    report = session.check()
    # behind the library after a note: reported, but no fault (the next search catches up)
    assert report.outdated_in_index == 1 and not report.index_in_step and report.ok
    # an index that claims to reflect the library and does not is one
    session.index.set_stamp(str(session.library.generation()))
    report = session.check()
    assert report.outdated_in_index == 1 and report.index_in_step and not report.ok


def test_negated_and_open_ended_filters(session):
    everything = session.search("党建", limit=100)
    without_commentary = session.search("党建 -kind:commentary", limit=100)
    assert without_commentary.total == everything.total - 2
    assert all(h.kind != "commentary" for h in without_commentary.hits)
    since_2024 = session.search("date:2024..", limit=100)
    assert since_2024.total == 16  # the two issues dated 2024-01 and 2025-01
    before_2022 = session.search("date:..2021-12", limit=100)
    assert {h.issue_title for h in before_2022.hits} == {
        i.title for i in session.library.issues.all() if i.date == "2021-01"
    }


def test_tag_and_note_filters_follow_the_library(session):
    issue = session.library.issues.all()[0]
    first, second = session.library.articles.in_issue(issue.id)[:2]
    session.library.tags.add(first.id, ["红色物业"])
    session.library.notes.set(second.id, "回头再读")
    assert [h.id for h in session.search("tag:红色物业").hits] == [first.id]
    assert [h.id for h in session.search("has:note").hits] == [second.id]
    assert first.id not in {h.id for h in session.search("-tag:红色物业", limit=100).hits}


def test_reparse_with_a_changed_parser_keeps_user_data(session, monkeypatch):
    from dataclasses import replace

    import reader.app.importing as importing
    from reader.ingest import parse_page as real_parse

    issue = next(i for i in session.library.issues.all() if i.date == "2024-01")
    article = session.library.articles.in_issue(issue.id)[0]
    session.library.tags.add(article.id, ["业委会"])
    session.library.notes.set(article.id, "换届选举的做法")
    quote_start = article.text.index("林西县聚焦")
    highlight = session.library.highlights.add(article.id, quote_start, quote_start + 10)

    def upgraded_parser(text, source=None, **meta):
        # A "new parser version": it finds a kicker and a new first paragraph.
        page = real_parse(text, source=source, **meta)
        first = page.items[0]
        changed = replace(first, subtitle="新找到的引题",
                          paragraphs=("编者按:这是新版解析器找到的一段导语。", *first.paragraphs))
        return replace(page, items=(changed, *page.items[1:]))

    monkeypatch.setattr(importing, "parse_page", upgraded_parser)
    [page] = session.library.pages.in_issue(issue.id)
    results = session.import_paths([page.source_path], reparse=True)
    assert [r.status for r in results] == ["updated"]
    after = session.library.articles.get(article.id)
    assert after.subtitle == "新找到的引题"
    assert after.tags == ("业委会",) and after.note == "换届选举的做法"
    [moved] = after.highlights
    assert moved.id == highlight.id and not moved.orphaned
    assert after.text[moved.start:moved.end] == highlight.quote
    assert moved.start > highlight.start


def test_a_rebuilt_index_is_not_rebuilt_again(library_dir):
    shutil.rmtree(library_dir / "index")
    with Session.open(resolve_paths(library_dir)) as session:
        assert session.ensure_index().action == "rebuilt"
        assert session.ensure_index().action == "none"
        session.search("党建")
        assert session.ensure_index().action == "none"


def test_a_big_import_parses_in_worker_processes_and_keeps_file_order(tmp_path):
    from reader.app.importing import POOL_THRESHOLD

    folder = tmp_path / "pages"
    folder.mkdir()
    names = []
    for n in range(POOL_THRESHOLD + 4):
        name = f"p{n:02}.txt"
        if n == 7:
            (folder / name).write_bytes(b"\xff\xfe\x00broken" * 30 + b"\x00\x00\x00")
        else:
            text = SEEDS[n % 5].read_text(encoding="utf-8") + f"\n\n附记{n}。\n"
            (folder / name).write_text(text, encoding="utf-8")
        names.append(name)
    with Session.open(resolve_paths(tmp_path / "lib"), fill_from_seeds=False) as session:
        results = session.import_paths([folder])
        assert [Path(r.path).name for r in results] == names
        statuses = [r.status for r in results]
        assert statuses[7] == "failed" and statuses.count("imported") == len(names) - 1
        again = session.import_paths([folder])
        assert [r.status for r in again].count("already imported") == len(names) - 1


def test_a_parse_worker_loads_the_parser_and_not_the_library(monkeypatch):
    """What the pool sends its workers, unpickled in a fresh interpreter, parses a page
    without loading the library, SQLite or the search index (their imports cost every
    worker's start-up; issue 17)."""
    import pickle
    import subprocess
    import sys
    from concurrent.futures import ProcessPoolExecutor

    import reader.app.importing as importing

    sent = []

    class Recording(ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):
            sent.append(pickle.dumps((fn, args)))
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(importing, "ProcessPoolExecutor", Recording)
    paths = [str(SEEDS[0])] * 20
    with importing._parser_pool(len(paths), 2) as parse_all:
        assert all(page.items for page in parse_all(paths))
    job = sent[-1]
    code = (
        "import pickle, sys\n"
        f"parse, args = pickle.loads({job!r})\n"
        "pages = parse(*args)\n"
        "assert pages and all(page.items for page in pages), pages\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    loaded = set(done.stdout.split())
    assert "reader.ingest.parser" in loaded
    assert not {m for m in loaded if m.startswith(("reader.library", "reader.search",
                                                   "reader.app", "sqlite_utils", "whoosh",
                                                   "jieba"))}


def test_import_falls_back_to_parsing_here_when_workers_break(tmp_path, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool
    from contextlib import contextmanager

    import reader.app.importing as importing

    @contextmanager
    def broken_pool(count, workers, *_parse_one):
        def parse_all(paths):
            raise_now = iter(())

            def gen():
                yield from raise_now
                raise BrokenProcessPool("a worker died")
            return gen()
        yield parse_all

    monkeypatch.setattr(importing, "_parser_pool", broken_pool)
    with Session.open(resolve_paths(tmp_path / "lib"), fill_from_seeds=False) as session:
        results = session.import_paths(SEEDS)
        assert [r.status for r in results] == ["imported"] * 5


def test_a_cancelled_rebuild_does_not_claim_the_index_is_in_step(library_dir):
    with Session.open(resolve_paths(library_dir)) as session:
        session.ensure_index()
        article = session.library.articles.in_issue(session.library.issues.all()[0].id)[0]
        session.library.notes.set(article.id, "取消重建之前写的笔记")
        report = session.reindex(cancelled=lambda: True)
        assert report.action == "cancelled"
        # the next sync still sees the library ahead of the index and catches up
        assert session.ensure_index().action in ("caught up", "rebuilt")
        assert [h.id for h in session.search("取消重建之前").hits] == [article.id]


def test_an_index_from_before_the_words_leaders_gets_them_with_its_next_change(
        tmp_path, monkeypatch):
    """Issue 17: the leaders (reader/search/leaders.py) of the segments written before them
    are written by the next sync that changes the index; searches work meanwhile."""
    from reader.search import word_writer
    from reader.search.leaders import missing_segments

    with monkeypatch.context() as before:
        before.setattr(word_writer, "save_leaders", lambda *args: None)
        with Session.open(resolve_paths(tmp_path / "lib")) as session:
            session.ensure_index()
            reader = session.index._words.searcher().reader()
            assert missing_segments(reader)
            assert session.search("嘎查").total >= 1
    with Session.open(resolve_paths(tmp_path / "lib")) as session:
        assert session.ensure_index().action == "none"
        article = session.library.articles.in_issue(session.library.issues.all()[0].id)[0]
        session.library.notes.set(article.id, "升级之后写的笔记")
        seen = []
        report = session.ensure_index(progress=lambda *p: seen.append(p))
        assert report.action == "caught up"
        assert missing_segments(session.index._words.searcher().reader()) == []
        assert seen[-1][0] == seen[-1][1] and seen[-1][2] == "indexing"
        assert session.search("嘎查").total >= 1
