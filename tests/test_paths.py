"""Where Reader keeps things (reader/paths.py): the library where it is told, jieba's caches
outside it (issue 17: they hold nothing of the library's, and the same for every library)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs

from reader.paths import CACHE_ENV, LIBRARY_ENV, resolve_paths


def test_a_library_given_explicitly_keeps_no_cache_in_its_folder(tmp_path):
    paths = resolve_paths(tmp_path / "lib", environ={})
    assert paths.library_dir == (tmp_path / "lib").resolve()
    assert paths.cache_dir == Path(platformdirs.user_cache_dir("Reader", appauthor=False))
    assert not paths.cache_dir.is_relative_to(paths.library_dir)
    from_env = resolve_paths(None, environ={LIBRARY_ENV: str(tmp_path / "lib"),
                                           CACHE_ENV: str(tmp_path / "c")})
    assert from_env.library_dir == paths.library_dir
    assert from_env.cache_dir == (tmp_path / "c").resolve()


def test_two_libraries_share_one_cache_and_their_folders_hold_only_their_data(tmp_path):
    # Commands in fresh processes: in this one, whichever test set jieba up chose its cache.
    shared = tmp_path / "cache"
    env = {**os.environ, CACHE_ENV: str(shared)}
    for name in ("one", "two"):
        done = subprocess.run([sys.executable, "-m", "reader", "--library", str(tmp_path / name),
                               "search", "红色物业"], env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        assert "红色物业" in done.stdout
        assert not (tmp_path / name / "cache").exists()
        assert {p.name for p in (tmp_path / name).iterdir()} >= {"library.sqlite3", "index"}
    assert any(p.stat().st_size > 1_000_000 for p in shared.iterdir())


def test_the_old_cache_in_a_library_folder_is_removed_and_only_what_reader_put_there(tmp_path):
    from reader.app import Session

    library_dir = tmp_path / "lib"
    paths = resolve_paths(library_dir, environ={CACHE_ENV: str(tmp_path / "cache")})
    Session.open(paths, fill_from_seeds=False).close()
    old = library_dir / "cache"
    old.mkdir()
    (old / "jieba.cache").write_bytes(b"x" * 1000)
    (old / "jieba-words.sqlite3").write_bytes(b"y")
    Session.open(paths, fill_from_seeds=False).close()
    assert not old.exists()
    # A file of the user's own in it is left, with the folder.
    old.mkdir()
    (old / "jieba.cache").write_bytes(b"x")
    (old / "mine.txt").write_text("我的")
    Session.open(paths, fill_from_seeds=False).close()
    assert sorted(p.name for p in old.iterdir()) == ["mine.txt"]
    # Where READER_CACHE names that folder, it is the live cache: nothing is removed.
    (old / "jieba.cache").write_bytes(b"x")
    live = resolve_paths(library_dir, environ={CACHE_ENV: str(old)})
    Session.open(live, fill_from_seeds=False).close()
    assert (old / "jieba.cache").exists()
