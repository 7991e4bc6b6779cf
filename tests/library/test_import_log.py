"""The import log (文件 → 最近导入): every import is recorded in the library with each file's
result, failures keep their catalogue code, the newest KEPT stay, a damaged row still lists."""

from __future__ import annotations

from pathlib import Path

from reader.app import Session
from reader.catalogue import Code
from reader.library import Library
from reader.library.import_log import KEPT
from reader.models import ImportResult, ImportStatus
from reader.paths import resolve_paths

CORPUS = Path(__file__).resolve().parents[1] / "eval" / "corpus"


def test_an_import_is_logged_with_each_files_result(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("rmrb_20250107_p05.txt", "glrb_20240918_p02.txt"):
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00garbage\x00" * 3)
    with Session.open(resolve_paths(tmp_path / "lib")) as session:
        # the bundled seeds a first run imports are Reader's, not an import of the reader's
        assert session.library.import_log.recent() == []
        results = session.import_paths([folder])
        summary = session.library.import_log.recent()[0]
        logged = session.library.import_log.get(summary.id)
        again = session.import_paths([folder])  # the same files: already imported, no articles
        newest = session.library.import_log.recent()
    done = [r for r in results if r.status == ImportStatus.IMPORTED]
    failed = [r for r in results if r.status == ImportStatus.FAILED]
    assert len(done) == 2 and len(failed) == 1
    assert (summary.files, summary.articles, summary.failures) == \
        (3, sum(r.articles for r in done), 1)
    assert summary.articles > 0
    assert logged is not None and logged.summary == summary
    assert logged.results == tuple(results)  # path, status, counts, page, English sentence
    assert logged.results[results.index(failed[0])].error == failed[0].error is not None
    assert [s.id for s in newest] == [newest[0].id, summary.id] and newest[0].articles == 0
    assert len(again) == 3


def test_the_newest_imports_are_kept(tmp_path):
    with Library.open(tmp_path / "lib.db") as library:
        result = ImportResult("a.txt", ImportStatus.FAILED, message="Cannot read a.txt.")
        ids = [library.import_log.record([result]).id for _ in range(KEPT + 5)]
        kept = library.import_log.recent(limit=1000)
        assert [s.id for s in kept] == ids[::-1][:KEPT]
        assert library.import_log.get(ids[0]) is None
        assert library.import_log.get(ids[-1]).results == (result,)


def test_a_damaged_row_still_lists_its_counts(tmp_path):
    with Library.open(tmp_path / "lib.db") as library:
        summary = library.import_log.record([ImportResult("a.txt", ImportStatus.IMPORTED,
                                                          articles=4)])
        library.db.execute("UPDATE import_log SET results = '[{\"status\": \"odd\", "
                           "\"error\": {\"code\": \"no-such-code\"}}' WHERE id = ?",
                           [summary.id])
        assert library.import_log.get(summary.id).results == ()  # not JSON any more
        library.db.execute("UPDATE import_log SET results = '[{\"status\": \"odd\", "
                           "\"error\": {\"code\": \"no-such-code\"}}]' WHERE id = ?",
                           [summary.id])
        [odd] = library.import_log.get(summary.id).results
        assert odd.status == ImportStatus.FAILED and odd.error is None
        assert library.import_log.recent()[0].articles == 4


def test_a_nested_message_comes_back(tmp_path):
    from reader.catalogue import Message

    inner = Message.of(Code.LIBRARY_WRITE_REFUSED, why="read-only")
    outer = Message.of(next(iter(Code)), reason=inner, path="x.txt")
    with Library.open(tmp_path / "lib.db") as library:
        summary = library.import_log.record([ImportResult("x.txt", ImportStatus.FAILED,
                                                          message="m", error=outer)])
        [back] = library.import_log.get(summary.id).results
    assert back.error == outer
