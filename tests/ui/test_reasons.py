"""The window shows the core's errors in Chinese (issue 4: no English in a Chinese UI).

Every error is produced by the real code (a failed read, a malformed
query, a missing id, a library that cannot open), then rendered by its
code through `localized` / `file_reason`; none of the English may survive.
"""

from __future__ import annotations

import errno
import re

import pytest

from reader.app import Session
from reader.errors import ReaderError
from reader.ingest import read_page
from reader.library import Library
from reader.models import ImportResult
from reader.paths import resolve_paths
from reader.search import parse_query
from reader.ui.reasons import environment_reason, file_reason, localized

ENGLISH = re.compile(r"\b(the|is|was|not a|with|Cannot|cannot|instead|ignored|needs|Nothing)\b")


def _chinese(message) -> str:
    out = localized(message)
    assert out != str(message), out
    assert not ENGLISH.search(out), out
    assert re.search(r"[\u4e00-\u9fff]", out), out
    return out


def _read_error(path) -> ReaderError:
    with pytest.raises(ReaderError) as caught:
        read_page(path)
    return caught.value


def test_every_read_failure_has_a_chinese_sentence(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(bytes(range(0x80, 0x100)) * 20)
    bad_bom = tmp_path / "bom.txt"
    bad_bom.write_bytes(b"\xff\xfe\x00\xd8")
    missing = tmp_path / "gone.txt"
    for path, expected in [(missing, "文件不存在"), (tmp_path, "文件夹"), (binary, "二进制"),
                           (latin, "GB18030"), (bad_bom, "字节顺序标记")]:
        sentence = _read_error(path)
        assert expected in _chinese(sentence)
        reason = file_reason(ImportResult(str(path), "failed", message=str(sentence),
                                          error=sentence.message))
        assert expected in reason and str(path) not in reason  # the report names the file


def test_a_denied_read_is_explained(tmp_path, monkeypatch):
    import os

    def deny(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", deny)  # how read_page opens a page file
    sentence = _read_error(tmp_path / "page.txt")
    monkeypatch.undo()
    assert "没有读取权限" in _chinese(sentence)


@pytest.mark.parametrize("query", [
    "- 网格员", '"网格员', '"" 网格员', "foo:bar 网格员", "tag: 网格员", "date:abc 网格员",
    "NOT NOT 网格员", "网格员 NOT", "NOT -网格员", "AND 网格员", "网格员 OR", "网格员 OR tag:x",
])
def test_every_query_notice_has_a_chinese_sentence(query):
    notices = parse_query(query).notices
    assert notices, query
    for notice in notices:
        _chinese(notice)


def test_library_sentences_are_chinese(tmp_path, library_dir):
    with Session.open(resolve_paths(library_dir)) as session:
        for call in (lambda: session.library.articles.get(999999),
                     lambda: session.library.issues.get(999999),
                     lambda: session.library.highlights.remove(999999)):
            with pytest.raises(ReaderError) as caught:
                call()
            assert "999999" in _chinese(caught.value)
        outcome = session.search("网格员 kind:letter")
        assert "去掉筛选条件" in _chinese(outcome.notices[-1])
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_bytes(b"this is not a database, just text" * 100)
    for target, expected in [(tmp_path, "文件夹"), (not_a_db, "SQLite")]:
        with pytest.raises(ReaderError) as caught:
            Library.open(target)
        assert expected in _chinese(caught.value)


def test_a_failure_remembered_from_an_earlier_run_shows_its_stored_sentence():
    # Only the English text of an old failure is kept in the library, not its code.
    old = ImportResult("/x/a.txt", "failed", message="Cannot read /x/a.txt: permission denied.")
    assert file_reason(old) == "Cannot read /x/a.txt: permission denied."


@pytest.mark.parametrize("exc, expected", [
    (OSError(errno.ENOSPC, "No space left on device", "/data/x"), "磁盘已满"),
    (OSError(errno.EACCES, "Permission denied", "/data/x"), "没有权限写入 /data/x"),
    (OSError(errno.EROFS, "Read-only file system", "/mnt"), "只读"),
])
def test_environment_failures_are_one_sentence(exc, expected):
    assert expected in environment_reason(exc)


def test_other_failures_are_not_environment_failures():
    assert environment_reason(ValueError("bug")) is None
    assert environment_reason(OSError(errno.EINVAL, "Invalid argument")) is None


def test_the_message_channel_explains_a_full_disk(qtbot):
    from reader.ui.messages import MessageChannel

    channel = MessageChannel()
    channel.failure("无法保存笔记", OSError(errno.ENOSPC, "No space left on device"))
    level, text = channel.history[-1]
    assert level == "error" and text.startswith("无法保存笔记：磁盘已满") and text.endswith("。")
