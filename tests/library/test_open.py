"""Opening a library: file creation, pragmas, refusing what is not a library, transactions."""

from __future__ import annotations

import sqlite3

import pytest

from reader.errors import ReaderError
from reader.library import LATEST_VERSION, MIGRATIONS, Library, LibraryError


def test_open_creates_parent_folders_and_the_file(tmp_path):
    path = tmp_path / "a" / "b" / "library.sqlite3"
    with Library.open(path) as lib:
        assert path.exists()
        assert lib.path == path
        assert lib.stats()["articles"] == 0


def test_a_new_library_has_16_kb_pages_and_an_old_one_keeps_its_own(tmp_path):
    # 16 KB pages waste less around ~1.3 KB article rows (issue 17: the library on disk).
    with Library.open(tmp_path / "new" / "library.sqlite3") as lib:
        assert lib.db.execute("PRAGMA page_size").fetchone()[0] == 16384
    old = tmp_path / "old" / "library.sqlite3"
    old.parent.mkdir()
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("CREATE TABLE scratch(x)")
    conn.execute("DROP TABLE scratch")
    conn.close()
    with Library.open(old) as lib:
        assert lib.db.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert lib.stats()["articles"] == 0


def test_wal_foreign_keys_and_busy_timeout(library):
    assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert library.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_foreign_keys_are_enforced(library):
    with pytest.raises(sqlite3.IntegrityError):
        library.db.execute(
            "INSERT INTO articles (key, page_id, position, kind, updated_at) "
            "VALUES ('k', 999, 0, 'article', 'now')"
        )


def test_schema_is_at_the_latest_version(library):
    versions = [r[0] for r in library.db.execute("SELECT version FROM schema_migrations")]
    assert versions == [v for v, _ in MIGRATIONS] and versions[-1] == LATEST_VERSION


def test_reopening_keeps_data(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as lib:
        lib.set_meta("seeded", "yes")
    with Library.open(path) as lib:
        assert lib.get_meta("seeded") == "yes"
        assert lib.get_meta("nothing") is None


def test_a_file_that_is_not_sqlite_is_refused_in_a_sentence_with_what_to_do(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("这不是数据库。" * 200, encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        Library.open(path)
    message = str(caught.value)
    assert isinstance(caught.value, ReaderError)
    found, advice = message.split(". ")
    assert found.endswith("it is not a SQLite database")
    assert advice == "There is no good backup of it."


def test_a_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="not a Reader library"):
        Library.open(path)
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert tables == {"photos"}, "a refused database must be left untouched"


def test_a_library_from_a_newer_reader_is_refused(tmp_path):
    path = tmp_path / "lib.sqlite3"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'later')")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="newer version"):
        Library.open(path)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(LibraryError, match="folder"):
        Library.open(tmp_path)


def test_close_twice_is_harmless(tmp_path):
    lib = Library.open(tmp_path / "lib.sqlite3")
    lib.close()
    lib.close()


def test_transaction_rolls_back_on_error(library):
    before = library.generation()
    with pytest.raises(RuntimeError), library.transaction():
        library.connection.bump_generation()
        raise RuntimeError("boom")
    assert library.generation() == before
    assert not library.db.conn.in_transaction


def test_nested_transaction_is_a_savepoint(library):
    with library.transaction():
        library.connection.bump_generation()
        with pytest.raises(RuntimeError), library.transaction():
            library.connection.bump_generation()
            raise RuntimeError("inner")
        library.connection.bump_generation()
    assert library.generation() == 2


def test_integrity_reports_ok(library):
    assert library.integrity() == (True, "ok")
