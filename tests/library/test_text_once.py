"""The article text stored once (issue 17, migration 9): paragraphs are kept as lengths into
`text`, new imports and migrated libraries read back the same paragraphs, the migration is
all or nothing, and a row it cannot convert is left as it was."""

from __future__ import annotations

import contextlib
import json
import sqlite3

import pytest

from reader.library import Library
from reader.library.text_once import cut_paragraphs, paragraphs_length

from .conftest import SEEDS, import_seed, item, page, sha


def _rows(path) -> dict[int, tuple[str, str]]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return {i: (p, t) for i, p, t in conn.execute("SELECT id, paragraphs, text FROM articles")}


def _bytes(path) -> int:
    """The library file with its write-ahead log."""
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def _records(library: Library) -> dict[int, tuple]:
    return {a.id: (a.paragraphs, a.entries, a.text, a.defects)
            for a in library.articles.iter_all()}


def _as_before_migration_9(path, records: dict[int, tuple]) -> None:
    """Rewrite the library as Reader stored it before migration 9: paragraphs as strings."""
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        for article_id, (paragraphs, *_rest) in records.items():
            conn.execute("UPDATE articles SET paragraphs = ? WHERE id = ?",
                         [json.dumps(list(paragraphs), ensure_ascii=False), article_id])
        conn.execute("DELETE FROM schema_migrations WHERE version = 9")


def test_an_import_stores_the_paragraphs_as_lengths_into_the_text(library):
    paragraphs = ("第一段，含换行的\n第二行。", "", "第三段 English 混排 😀。")
    library.imports.import_page("/p.txt", sha("p"), 10, page(item("标题", paragraphs)), 1)
    [(stored, text)] = _rows(library.path).values()
    assert json.loads(stored) == [len(p) for p in paragraphs]
    assert "第一段" not in stored  # the words are in `text` only
    [article] = library.articles.iter_all()
    assert article.paragraphs == paragraphs
    assert text == "\n".join(paragraphs)


def test_migration_9_converts_an_old_library_and_reads_back_the_same_articles(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        for seed in SEEDS:
            import_seed(library, seed)
        before = _records(library)
    assert any(entries for _, entries, _, _ in before.values())  # the briefs boxes too
    _as_before_migration_9(path, before)
    old_size = _bytes(path)

    with Library.open(path) as library:
        assert _records(library) == before
    stored = [json.loads(p) for p, _ in _rows(path).values()]
    assert all(all(type(n) is int for n in lengths) for lengths in stored)
    assert sum(map(len, stored)) > 100
    assert _bytes(path) < old_size


def test_a_row_that_does_not_match_its_text_is_left_as_it_was(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        for seed in SEEDS[:2]:
            import_seed(library, seed)
        before = _records(library)
    _as_before_migration_9(path, before)
    victim = min(before)
    odd = json.dumps(["不是这篇文章的段落"], ensure_ascii=False)
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE articles SET paragraphs = ? WHERE id = ?", [odd, victim])

    with Library.open(path) as library:
        assert library.articles.get(victim).paragraphs == ("不是这篇文章的段落",)
        after = _records(library)
    assert _rows(path)[victim][0] == odd
    assert {k: v for k, v in after.items() if k != victim} == \
        {k: v for k, v in before.items() if k != victim}


def test_a_migration_stopped_half_way_leaves_the_old_library_and_runs_again(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        for seed in SEEDS:
            import_seed(library, seed)
        before = _records(library)
    _as_before_migration_9(path, before)
    old_rows = _rows(path)
    last = max(before)
    # The process dies on the last row: an error there stands for the kill (the migration
    # is one transaction, so what counts is that nothing of it remains).
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(f"CREATE TRIGGER die BEFORE UPDATE OF paragraphs ON articles "
                     f"WHEN old.id = {last} BEGIN SELECT RAISE(ABORT, 'killed'); END")
    with pytest.raises(Exception, match="killed"):
        Library.open(path)
    assert _rows(path) == old_rows
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        assert conn.execute("SELECT count(*) FROM schema_migrations WHERE version = 9"
                            ).fetchone()[0] == 0
        conn.execute("DROP TRIGGER die")

    with Library.open(path) as library:
        assert _records(library) == before
    assert _rows(path) != old_rows


@pytest.mark.parametrize("stored, text, expected, damaged", [
    (["a", "b"], "", ["a", "b"], False),           # an old row: the strings themselves
    ([1, 2], "a\nbc\nentry", ["a", "bc"], False),
    ([], "text", [], False),
    ([3, 3], "abc\nde", [], True),                   # longer than the text
    ([1, "b"], "a\nb", [], True),                    # neither form
    ([-1], "abc", [], True),
])
def test_cut_paragraphs(stored, text, expected, damaged):
    flags: list[bool] = []
    assert cut_paragraphs(stored, text, flags) == expected
    assert bool(flags) == damaged
    # Search reads the same rule as where the paragraphs end in the text (index_texts.py).
    end = paragraphs_length(stored, len(text))
    if stored and all(type(n) is str for n in stored):
        assert end is None
    else:
        assert (end is None) == damaged
        assert end is None or text[: max(end, 0)] == "\n".join(expected)
