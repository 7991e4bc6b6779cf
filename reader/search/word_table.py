"""jieba's dictionary read a word at a time from disk, so that a search can start at once.

jieba keeps its dictionary as one dict (`jieba.dt.FREQ`: every word and every prefix of a
word, 498,113 keys) and loads it whole from its marshal cache before it cuts anything:
half a second to a second of CPU, most of the time from the window's first paint to its
first answer (issue 17: first answer ≤ 1.0 s from spawn).  A query needs a few dozen of
those keys.  So the process that loads the dictionary whole also writes it as an SQLite
table beside jieba's cache (`write_table`), and the next process that configures jieba
points `jieba.dt.FREQ` at a `WordTable` over it (`open_lazily`): lookups read the table
(and are remembered), writes (`jieba.add_word` of user words and tag names) are kept.

Cutting many texts (indexing an import) would read the table tens of thousands of times:
after `LOAD_WHOLE_AFTER` reads the table loads the whole dictionary from jieba's cache,
lays its own writes over it and puts that dict in its place on `jieba.dt`.  Either way
jieba sees the same words with the same frequencies, so it cuts alike
(tests/search/test_word_table.py).  The table is stamped with jieba's version and its
cache file's size and time: a new cache or a new jieba is written anew.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sqlite3
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

#: The table's file name inside the cache dir given to `configure_jieba`.
TABLE_FILE = "jieba-words.sqlite3"
#: Reads of the table after which the whole dictionary is loaded (a query takes 20-100,
#: an article of 2,000 characters some thousands; 10,000 reads are about 0.1 s).
LOAD_WHOLE_AFTER = 10_000


def stamp(cache_file: Path, version: str) -> str | None:
    """What the table must have been written from: jieba's version and its cache file."""
    try:
        status = cache_file.stat()
    except OSError:
        return None
    return f"jieba {version}, {cache_file.name} {status.st_size} {status.st_mtime_ns}"


def write_table(path: Path, freq: Mapping[str, int], total: int, written_from: str) -> None:
    """Write `freq` (jieba's whole dictionary, before any word of ours) as the table at
    `path`, atomically; a failure (a full or read-only disk) leaves no table and no error:
    the next start loads the dictionary whole, as jieba does."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with contextlib.closing(sqlite3.connect(temporary)) as conn:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER NOT NULL)"
                         " WITHOUT ROWID")
            conn.execute("CREATE TABLE meta (written_from TEXT NOT NULL, total INTEGER NOT NULL)")
            conn.executemany("INSERT INTO words VALUES (?, ?)", freq.items())
            conn.execute("INSERT INTO meta VALUES (?, ?)", (written_from, total))
            conn.commit()
        os.replace(temporary, path)
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            temporary.unlink()


def read_meta(path: Path) -> tuple[str, int] | None:
    """(written_from, total) of the table at `path`, or None when there is none to use."""
    if not path.is_file():
        return None
    try:
        with contextlib.closing(_open(path)) as conn:
            row = conn.execute("SELECT written_from, total FROM meta").fetchone()
    except sqlite3.Error:
        return None
    return (str(row[0]), int(row[1])) if row else None


def _open(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                           check_same_thread=False)


def load_cache(cache_file: Path) -> dict[str, int]:
    """jieba's whole dictionary from its marshal cache (as `Tokenizer.initialize` reads it)."""
    with open(cache_file, "rb") as cache:
        freq, _total = marshal.load(cache)
    return freq


class WordTable:
    """Stands in for `jieba.dt.FREQ`: the mapping operations jieba uses (`in`, `[]`, `get`,
    item assignment), answered from the table until the whole dictionary is loaded."""

    def __init__(self, path: Path, load_whole: Callable[[], dict[str, int]],
                 put_in_place: Callable[[dict[str, int]], None]):
        self._conn = _open(path)
        self._lock = threading.Lock()
        self._seen: dict[str, int | None] = {}  # reads, remembered (None: not a key)
        self._written: dict[str, int] = {}  # jieba.add_word's writes, laid over the table
        self._reads = 0
        self._load_whole, self._put_in_place = load_whole, put_in_place
        self._whole: dict[str, int] | None = None

    @property
    def whole(self) -> bool:
        """The whole dictionary has been loaded (and put in the table's place)."""
        return self._whole is not None

    def _lookup(self, word: str) -> int | None:
        if self._whole is not None:
            return self._whole.get(word)
        if word in self._written:
            return self._written[word]
        if word in self._seen:
            return self._seen[word]
        with self._lock:
            self._reads += 1
            if self._reads > LOAD_WHOLE_AFTER:
                return self.load_whole().get(word)
            row = self._conn.execute("SELECT freq FROM words WHERE word = ?", (word,)).fetchone()
        value = None if row is None else int(row[0])
        self._seen[word] = value
        return value

    def load_whole(self) -> dict[str, int]:
        """Load the whole dictionary, with our words over it, and hand it to jieba."""
        if self._whole is None:
            whole = self._load_whole()
            whole.update(self._written)
            self._whole = whole
            self._put_in_place(whole)
            self._conn.close()
        return self._whole

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._lookup(word) is not None

    def __getitem__(self, word: str) -> int:
        value = self._lookup(word)
        if value is None:
            raise KeyError(word)
        return value

    def get(self, word: str, default: Any = None) -> Any:
        value = self._lookup(word)
        return default if value is None else value

    def __setitem__(self, word: str, freq: int) -> None:
        if self._whole is not None:
            self._whole[word] = freq
        else:
            self._written[word] = freq


__all__ = ["LOAD_WHOLE_AFTER", "TABLE_FILE", "WordTable", "load_cache", "read_meta", "stamp",
           "write_table"]
