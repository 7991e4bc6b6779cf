"""Backups: a consistent copy through SQLite's backup API, written atomically."""

from __future__ import annotations

import pytest

from reader.library import Library, LibraryError

from .conftest import sample_page, sha


@pytest.fixture
def annotated(library):
    result = library.imports.import_page("/p.txt", sha("p"), 1, sample_page(), 1)
    article = library.articles.in_issue(result.issue_id)[0]
    library.tags.add(article.id, ["党建"])
    library.tags.set_color("党建", "red")
    library.notes.set(article.id, "备份前的笔记")
    library.highlights.add(article.id, 0, 5, note="高亮笔记")
    return library, article


def test_backup_holds_every_annotation_and_is_one_file(annotated, tmp_path):
    library, article = annotated
    target = library.backup(tmp_path / "copy.sqlite3")
    assert target == tmp_path / "copy.sqlite3"
    assert not list(tmp_path.glob(".copy.sqlite3*")), "no partial file is left behind"
    assert not (tmp_path / "copy.sqlite3-wal").exists()
    with Library.open(target) as copy:
        assert copy.annotations.export()["articles"] == library.annotations.export()["articles"]
        restored = copy.articles.get(article.id)
        assert restored.tags == ("党建",) and restored.note == "备份前的笔记"
        assert [h.note for h in restored.highlights] == ["高亮笔记"]
        assert copy.tags.summaries()[0].color == "red"


def test_backup_replaces_an_older_backup(annotated, tmp_path):
    library, article = annotated
    target = tmp_path / "copy.sqlite3"
    library.backup(target)
    library.notes.set(article.id, "后来的笔记")
    library.backup(target)
    with Library.open(target) as copy:
        assert copy.notes.get(article.id) == "后来的笔记"


def test_backup_refuses_the_live_library_folders_and_other_files(annotated, tmp_path):
    library, _ = annotated
    with pytest.raises(LibraryError, match=r"^Cannot back up .*: that is the library itself\.$"):
        library.backup(library.path)
    with pytest.raises(LibraryError, match=r"it is a folder\.$"):
        library.backup(tmp_path)
    with pytest.raises(LibraryError, match=r"does not exist\.$"):
        library.backup(tmp_path / "nope" / "copy.sqlite3")
    precious = tmp_path / "thesis.docx"
    precious.write_bytes(b"my thesis")
    with pytest.raises(LibraryError, match="not a library backup"):
        library.backup(precious)
    assert precious.read_bytes() == b"my thesis"
