"""Word segmentation for the word index: jieba set up once, and a Whoosh tokenizer over it.

jieba keeps one process-wide dictionary (`jieba.dt`); `configure_jieba` points its cache
at the app's cache dir (jieba's default is the system temp dir), silences its INFO log and
loads our user dictionaries.  It is idempotent and thread-safe, so the app may call it on a
background thread at start-up and again whenever tag names join the dictionary.

`JiebaTokenizer` fixes what breaks phrase queries with jieba's own `ChineseAnalyzer`
(../shared/BENCHMARKS.md): it cuts in precise mode (non-overlapping tokens) and numbers the tokens
0, 1, 2 … instead of giving each the character offset as its position.

Long runs are cut before jieba sees them.  jieba segments each run of Han letters and
ASCII word characters as one block, and its HMM (`finalseg.viterbi`) copies the whole
path at every character: quadratic, 71 s for a 100,000-character run without
punctuation.  So a run longer than `MAX_RUN` is handed to jieba in pieces of
`MAX_RUN` characters (no overlap), cut by the dictionary without the HMM; indexing and
query analysis share the tokenizer, so they cut alike.  A word straddling a cut is not a word token there, which only costs
ranking: whether an article matches is decided by the substring store, which sees the
text whole (tests/search/test_long_runs.py searches across a cut).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import sys
import threading
import time
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain, repeat
from pathlib import Path
from typing import cast

from whoosh.analysis import Token, Tokenizer

from reader.search import word_table
from reader.search.compiled_cut import UNSUITED, CompiledCutter, suits

with warnings.catch_warnings():
    # jieba 0.42.1 has invalid escapes in regex literals (a DeprecationWarning on 3.11, a
    # SyntaxWarning from 3.12, shown when its bytecode is compiled) and imports pkg_resources,
    # which newer setuptools deprecate.  Silence exactly those, only for this import.
    warnings.filterwarnings(
        "ignore", message=r"invalid escape sequence", category=DeprecationWarning
    )
    warnings.filterwarnings("ignore", message=r"invalid escape sequence", category=SyntaxWarning)
    warnings.filterwarnings("ignore", message=r".*pkg_resources")
    # jieba finds its data files through pkg_resources when it can import it, else next to
    # its own modules (the same files).  Importing pkg_resources costs 0.1-0.2 s and ~15 MB
    # before the first search can be answered: make it unimportable for this import only.
    _hidden = "pkg_resources" not in sys.modules
    if _hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if _hidden:
            del sys.modules["pkg_resources"]

__all__ = [
    "JiebaTokenizer",
    "analyze",
    "clear_cut_caches",
    "configure_jieba",
    "is_configured",
    "read_userdict",
    "start_compiled_cutting",
    "stop_compiled_cutting",
    "word_counts",
]

#: Name of jieba's dictionary cache inside the cache dir given to `configure_jieba`.
CACHE_FILE = "jieba.cache"

_lock = threading.Lock()


class _Setup:
    """What has been done to `jieba.dt`, which is process-wide: so repeated calls are no-ops."""

    def __init__(self) -> None:
        self.initialised = False
        self.userdicts: set[Path] = set()
        self.words: set[str] = set()
        #: jieba-rs holding the same dictionary, while text is cut in bulk (compiled_cut.py).
        self.compiled: CompiledCutter | None = None


# jieba's dictionary is a process-wide global; this records what we did to it, nothing more.
_setup = _Setup()


def configure_jieba(
    cache_dir: Path, userdicts: list[Path], extra_words: Iterable[str] = ()
) -> float:
    """Initialise jieba with its cache in `cache_dir` and load our words; return seconds spent.

    The first call loads jieba's dictionary (about a second; less with a warm cache file),
    or, when an earlier run left its word table in `cache_dir`, reads words from that as
    they are needed (reader/search/word_table.py: the window's first answer waits for no
    dictionary).
    Later calls only add user dictionaries and words not loaded before, so calling it again
    with new tag names is cheap.  The cache dir of the first call wins.
    """
    started = time.perf_counter()
    with _lock:
        if not _setup.initialised:
            cache_dir = Path(cache_dir)
            cache_dir.mkdir(parents=True, exist_ok=True)
            jieba.dt.tmp_dir = str(cache_dir)
            jieba.dt.cache_file = CACHE_FILE
            if not _open_lazily(cache_dir):
                _initialize(cache_dir)
                _write_word_table(cache_dir)
            jieba.setLogLevel(logging.WARNING)
            _setup.initialised = True
        for path in userdicts:
            path = Path(path).resolve()
            if path not in _setup.userdicts:
                for word, freq in read_userdict(path):
                    _add_word(word, freq)
                _setup.userdicts.add(path)
        for word in extra_words:
            _add_word(word.strip(), None)
    return time.perf_counter() - started


def _initialize(cache_dir: Path) -> None:
    """Load jieba's dictionary; a cache jieba could not write (a full disk) leaves nothing.

    jieba writes its cache to a temporary file beside it and renames it; when the write
    fails it logs a traceback and leaves the partial file (megabytes) behind.  The cache
    only saves time at the next start, so its failure is silent here, and the partial
    file is removed.
    """
    before = set(cache_dir.glob("tmp*"))
    jieba.setLogLevel(logging.CRITICAL)
    try:
        jieba.dt.initialize()
    finally:
        for leftover in set(cache_dir.glob("tmp*")) - before:
            with contextlib.suppress(OSError):
                leftover.unlink()


def _open_lazily(cache_dir: Path) -> bool:
    """Point jieba at the word table an earlier run wrote, if it is there and matches jieba's
    cache: words are then read as cut, and the dictionary loads whole only for heavy cutting
    (reader/search/word_table.py).  False: load it whole now, as jieba does."""
    cache_file, table = cache_dir / CACHE_FILE, cache_dir / word_table.TABLE_FILE
    meta = word_table.read_meta(table)
    if meta is None or meta[0] != word_table.stamp(cache_file, jieba.__version__):
        return False

    def load_whole() -> dict[str, int]:
        try:
            return word_table.load_cache(cache_file)
        except (OSError, ValueError, EOFError, TypeError):  # gone or torn since: the source
            freq, _total = jieba.dt.gen_pfdict(jieba.dt.get_dict_file())
            return freq

    def put_in_place(whole: dict[str, int]) -> None:
        jieba.dt.FREQ = whole

    jieba.dt.FREQ = word_table.WordTable(table, load_whole, put_in_place)
    jieba.dt.total = meta[1]
    jieba.dt.initialized = True
    return True


def _write_word_table(cache_dir: Path) -> None:
    """After a whole load (before any word of ours is added): the table the next start reads."""
    written_from = word_table.stamp(cache_dir / CACHE_FILE, jieba.__version__)
    table = cache_dir / word_table.TABLE_FILE
    meta = word_table.read_meta(table)
    if written_from is not None and (meta is None or meta[0] != written_from):
        word_table.write_table(table, jieba.dt.FREQ, jieba.dt.total, written_from)


def load_whole_dictionary() -> None:
    """Have jieba's whole dictionary in this process now, before heavy cutting in forked
    worker processes (parallel_writer.ParallelPostingWriter).

    A dictionary read lazily from the word table (word_table.py) would otherwise be read
    in each worker through an SQLite connection opened before the fork (not to be shared
    across one), and each would load the dictionary whole itself; loaded here, the workers
    share it copy-on-write.
    """
    freq = jieba.dt.FREQ
    if isinstance(freq, word_table.WordTable) and not freq.whole:
        with freq._lock:  # the table's lookups (a search on another thread) hold it
            freq.load_whole()


def is_configured() -> bool:
    """Whether `configure_jieba` has run in this process."""
    return _setup.initialised


def read_userdict(path: Path) -> list[tuple[str, int | None]]:
    """The `(word, freq)` entries of a jieba user dictionary; `#` lines are comments.

    jieba's format is `word [freq] [tag]` a line; the tag is ignored here.
    """
    entries: list[tuple[str, int | None]] = []
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        entries.append((parts[0], freq))
    return entries


def _add_word(word: str, freq: int | None) -> None:
    # jieba.add_word adds to the dictionary total each time, so add a word only once.
    if word and word not in _setup.words:
        compiled = _setup.compiled
        before = (jieba.dt.FREQ.get(word) or 0) if compiled is not None else 0
        jieba.add_word(word, freq)
        _setup.words.add(word)
        if compiled is not None:
            after = jieba.dt.FREQ[word]
            if after:
                compiled.added(word, before, after, jieba.dt.total)
            else:  # a forced split, which jieba-rs cannot follow
                _setup.compiled = None
        clear_cut_caches()  # a new word may cut a remembered block otherwise


def start_compiled_cutting() -> bool:
    """Cut with jieba-rs from now on, in this process and those it forks (compiled_cut.py):
    for bulk indexing, where jieba was most of the time.  True if it could.

    It needs jieba's whole dictionary (loaded here if read lazily) and some 20 MB;
    searching does not need it (a query is a few blocks), so the window does not hold it
    until it indexes in bulk, and `stop_compiled_cutting` lets it go.
    """
    with _lock:
        if not _setup.initialised:
            raise RuntimeError("configure_jieba() must run before text is analysed")
        if _setup.compiled is None:
            load_whole_dictionary()
            _setup.compiled = CompiledCutter.of(jieba.dt)
        return _setup.compiled is not None


def stop_compiled_cutting() -> None:
    """Cut with jieba again (the same words), freeing jieba-rs's copy of the dictionary."""
    with _lock:
        _setup.compiled = None


#: The longest run handed to jieba at once (a sentence is 20-60 characters; a run of
#: hundreds without punctuation is a table or an extraction accident).
MAX_RUN = 400
#: What jieba treats as one block (`jieba.re_han_default`), when longer than MAX_RUN.
_LONG_RUN = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-]{" + str(MAX_RUN + 1) + ",}")


def _pieces(value: str) -> Iterator[tuple[str, bool]]:
    """`value` in consecutive pieces, no block of them longer than MAX_RUN (see the
    docstring); each with whether it is a piece of a long run."""
    last = 0
    for run in _LONG_RUN.finditer(value):
        if run.start() > last:
            yield value[last : run.start()], False
        for start in range(run.start(), run.end(), MAX_RUN):
            yield value[start : min(start + MAX_RUN, run.end())], True
        last = run.end()
    if last < len(value):
        yield value[last:], False


def _cut(value: str) -> Iterator[str]:
    """jieba's precise-mode words of `value`, long runs cut first.

    The pieces of a long run are cut by the dictionary alone: the HMM, which guesses
    words the dictionary lacks (a new name), costs ~0.15 ms a character in pure Python,
    20 s for a 100,000-character run, and such a run is no prose to guess names in.
    """
    for piece, of_long_run in _pieces(value):
        if of_long_run:
            compiled = _setup.compiled
            if compiled is not None and suits(piece):
                yield from compiled.cut(piece, hmm=False)
            else:
                yield from jieba.cut(piece, HMM=False)
            continue
        for block in _BLOCK.split(piece):
            if block:
                yield from _cut_block(block)


#: How jieba splits a text into blocks it cuts one at a time (`jieba.re_han_default`);
#: cutting each block alone gives the words cutting the whole text gives.
_BLOCK = jieba.re_han_default
#: Blocks remembered with their words (the tokenizer's, `_cut_block`) or tokens (the
#: word index's, `_known`), each cache up to this many: some 10-20 MB.
CUT_CACHE = 65_536


def _words_of_block(block: str) -> tuple[str, ...]:
    """jieba's words of one block (jieba-rs's where it cuts alike: compiled_cut.py)."""
    compiled = _setup.compiled
    if compiled is not None and suits(block):
        return tuple(compiled.cut(block))
    return tuple(jieba.cut(block, HMM=True))


#: The tokenizer's blocks, remembered (the word index's blocks are `_known`).
_cut_block = functools.lru_cache(maxsize=CUT_CACHE)(_words_of_block)


#: A letter or digit in any script: `\w` without the underscore is exactly what
#: `str.isalnum()` accepts (tests/search/test_analysis.py checks every code point).  One
#: regex search in C instead of a generator over the token's characters: a tenth of what
#: the tokenizer cost around jieba in the import profile.
_WORDLIKE = re.compile(r"[^\W_]")


def _keep(text: str) -> bool:
    """A token is a word if it has a letter or digit (in any script); else it is spacing or punctuation."""
    return _WORDLIKE.search(text) is not None


class JiebaTokenizer(Tokenizer):
    """Whoosh tokenizer over `jieba.cut(text, HMM=True)` (precise mode).

    Tokens never overlap and are numbered 0, 1, 2 … so phrase queries work; `startchar` /
    `endchar` are offsets into the value; Latin letters are lowercased; tokens with no letter
    or digit (whitespace, punctuation) are dropped.  Characters jieba does not know, such as
    those of the CJK extension blocks, come through as single-character tokens.

    The schema (and so this class) is pickled into the Whoosh index: keep it stateless and
    keep its import path, or bump the index schema version.
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ) -> Iterator[Token]:
        if not _setup.initialised:
            raise RuntimeError("configure_jieba() must run before text is analysed")
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = value
            token.text = value.lower()
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        pos = start_pos
        offset = 0
        for word in _cut(value):
            start = offset
            offset += len(word)
            if not _keep(word):
                continue
            token.text = word.lower()
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + offset
            pos += 1
            yield token


def analyze(text: str) -> list[str]:
    """The word tokens of `text`, as the index stores them (JiebaTokenizer's token texts)."""
    if not _setup.initialised:
        raise RuntimeError("configure_jieba() must run before text is analysed")
    return list(_tokens(text))


def word_counts(text: str) -> Counter[str]:
    """How often each word token of `text` occurs: what the index writer needs of a text
    (its length is the sum), without Whoosh's Token objects (word_writer.py)."""
    if not _setup.initialised:
        raise RuntimeError("configure_jieba() must run before text is analysed")
    return Counter(_tokens(text))


def _tokens(text: str) -> Iterable[str]:
    """The word tokens of `text`: JiebaTokenizer's token texts, block by block.

    The tokenizer's way (a generator over every word, a regex search and a `lower` a word)
    was two thirds of an import's cutting once jieba-rs cut the words (issue 17).  Here
    each block's tokens are remembered ready (`_known`), looked up and chained in C, and
    the blocks not seen before are cut together (`_cut_blocks`).  A text with a run longer
    than MAX_RUN takes the tokenizer's way (`_cut`).
    """
    if len(text) > MAX_RUN and _LONG_RUN.search(text) is not None:
        search = _WORDLIKE.search
        return [word.lower() for word in _cut(text) if search(word)]
    blocks = _BLOCK.split(text)
    found: list[tuple[str, ...] | None] = list(map(_known.get, blocks))
    if None in found:
        learned = _cut_blocks(set(blocks).difference(_known))
        if len(_known) + len(learned) > CUT_CACHE:
            _known.clear()
        _known.update(learned)
        found = list(map(_known.get, blocks))
        if None in found:  # forgotten (the cache was full, here or on another thread)
            found = list(map(_cut_blocks(set(blocks)).__getitem__, blocks))
    return chain.from_iterable(cast(list[tuple[str, ...]], found))


#: Blocks' word tokens, remembered: text is cut block by block between punctuation, and
#: short blocks recur across articles (datelines, bylines, names, numbers, set phrases):
#: on the 10k archive corpus three blocks in four had been cut before.  Up to CUT_CACHE
#: blocks, then forgotten at once (an LRU's order cost more than the 3 % more blocks cut).
_known: dict[str, tuple[str, ...]] = {}


def _cut_blocks(blocks: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The word tokens of each of `blocks`.

    The blocks jieba-rs cuts as jieba does (compiled_cut.suits) are cut in one pass of
    C loops (`map`): their words are all letters and digits, so they need no test, only
    lowering.  The others' words are cut by jieba and tested as the tokenizer does."""
    rest = list(blocks)
    learned: dict[str, tuple[str, ...]] = {}
    compiled = _setup.compiled
    if compiled is not None:
        unsuited = list(map(UNSUITED.search, rest))
        plain = [b for b, bad in zip(rest, unsuited, strict=True) if bad is None and b]
        rest = [b for b, bad in zip(rest, unsuited, strict=True) if bad is not None or not b]
        learned.update(zip(plain, map(tuple, map(map, repeat(str.lower), compiled.cut_many(plain))),
                           strict=True))
    search = _WORDLIKE.search
    for block in rest:
        learned[block] = tuple([w.lower() for w in jieba.cut(block, HMM=True) if search(w)])
    return learned


def clear_cut_caches() -> None:
    """Forget the blocks cut so far (a new dictionary word may cut them otherwise)."""
    _cut_block.cache_clear()
    _known.clear()
