"""Nothing the user wrote is lost: not by re-importing, re-indexing, losing the index,
re-parsing, backing up, or moving annotations to another library and back.

(Schema upgrades: tests/library/test_schema.py; re-parses that move text:
tests/library/test_update.py and tests/app/test_session.py.)
"""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from reader.app import Session
from reader.library import Library
from reader.paths import resolve_paths, seeds_dir

SEEDS = sorted(seeds_dir().glob("*.txt"))


def snapshot(library: Library) -> dict:
    """Every annotation, minus the export's own timestamp."""
    data = library.annotations.export()
    data.pop("exported_at")
    return data


@pytest.fixture
def annotated(session):
    """The seeded library with tags (coloured), notes and highlights (with notes) on many articles."""
    library = session.library
    ids = library.articles.ids()
    session.annotations.tag(ids[::3], ["党建"])
    session.annotations.tag(ids[1::5], ["红色业委会", "基层治理"])
    session.annotations.set_tag_color("党建", "#c00000")
    for n, article in enumerate(library.articles.by_ids(ids[::4])):
        session.annotations.set_note(article.id, f"第{n}条笔记：{article.title or '无题'}")
        if len(article.text) > 30:
            mark = session.annotations.add_highlight(article.id, 10, 20, color="green").highlight
            session.annotations.set_highlight_note(mark.id, f"高亮笔记{n}")
    before = snapshot(library)
    assert len(before["articles"]) > 10 and before["tags"]
    return session, before


def test_reimporting_the_same_files_loses_nothing(annotated):
    session, before = annotated
    results = session.import_paths(SEEDS)
    assert {r.status for r in results} == {"already imported"}
    assert snapshot(session.library) == before


def test_reparsing_every_file_with_a_changed_parser_loses_nothing(annotated, monkeypatch):
    import reader.app.importing as importing
    from reader.ingest import parse_page as real_parse

    def shifting_parser(text, source=None, **meta):
        # A new parser version that finds a lead paragraph before every article: all
        # offsets move, so every highlight must be re-anchored by its quote.
        page = real_parse(text, source=source, **meta)
        items = tuple(replace(item, paragraphs=("新版解析器的导语。", *item.paragraphs))
                      if item.paragraphs else item for item in page.items)
        return replace(page, items=items)

    session, before = annotated
    monkeypatch.setattr(importing, "parse_page", shifting_parser)
    results = session.import_paths(SEEDS, reparse=True)
    assert {r.status for r in results} == {"updated"}
    after = snapshot(session.library)
    assert after["tags"] == before["tags"]

    def without_offsets(data: dict) -> list:
        return [(a["key"], a["tags"], a["note"],
                 [(h["quote"], h["color"], h["note"], h["orphaned"]) for h in a["highlights"]])
                for a in data["articles"]]

    assert without_offsets(after) == without_offsets(before)
    for article in session.library.articles.by_ids(session.library.articles.ids()):
        for mark in article.highlights:
            assert article.text[mark.start:mark.end] == mark.quote


def test_reindexing_and_losing_the_index_lose_nothing(annotated, library_dir):
    session, before = annotated
    noted = next(a for a in before["articles"] if a["note"])
    session.reindex()
    assert snapshot(session.library) == before
    session.close()
    shutil.rmtree(library_dir / "index")
    with Session.open(resolve_paths(library_dir)) as reopened:
        assert reopened.ensure_index().action == "rebuilt"
        assert snapshot(reopened.library) == before
        hits = reopened.search(noted["note"]["text"]).hits
        assert hits and hits[0].match == "note"


def test_a_backup_holds_every_annotation(annotated, tmp_path):
    session, before = annotated
    target = session.library.backup(tmp_path / "backup.sqlite3")
    with Library.open(target) as copy:
        assert snapshot(copy) == before


def test_export_into_a_fresh_library_and_back_is_lossless_and_idempotent(annotated, tmp_path):
    session, before = annotated
    data = session.library.annotations.export()
    with Session.open(resolve_paths(tmp_path / "fresh")) as fresh:
        report = fresh.library.annotations.merge(data)
        assert report.skipped_keys == () and report.changed
        assert snapshot(fresh.library) == before
        again = fresh.library.annotations.merge(fresh.library.annotations.export())
        assert not again.changed
        assert snapshot(fresh.library) == before
    # And the original library, given its own file back, is unchanged.
    assert not session.library.annotations.merge(data).changed
    assert snapshot(session.library) == before
