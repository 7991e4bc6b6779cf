"""Leaders: each frequent word's best postings in a segment, in a file beside it (issue 17).

Ranking a common word at a million articles read all its postings (的: 787,000 in 6,157
W3 blocks, ~0.4 s of unpickling, decompressing and scoring) to show twenty.  The textbook
answer is an impact-ordered "champion list": at write time, for each word in at least
`MIN_DF` documents of a segment, keep the postings that score best, plus what bounds the
score of every other posting of that word, so that a search can prove that its page is
made of leaders alone (ranking_leaders.py) without reading the rest.

A posting's BM25F part depends on its frequency `tf` and its document's length code only
(the word's idf and the average length are the same for all of a word's postings): it grows
with `tf` and shrinks with the length.  So the leaders are whole groups of postings sharing
a (tf, length code) pair, the best pairs first (scored with the segment's own average length,
which decides only which postings lead), and the bound of the others is the Pareto frontier
of their pairs (no other pair has both a higher tf and a shorter length): the best score
among the others, recomputed exactly with the index's average length at search time, is
the best of the frontier's.

The file `<segment id>.lead` is written with the segment's other files, so Whoosh packs it
into the segment's compound file (`.seg`) with them; one written later for an existing
segment (the upgrade) lies beside it, named as Whoosh names a segment's files, so Whoosh
deletes it with its segment.  It holds, after `MAGIC` and the table's offset, one
zlib-compressed entry per word, then the table (word → entry's offset and size).  An entry:
the number of leaders and of frontier pairs, the leaders' document numbers (within the
segment, uint32), their frequencies (float64), the frontier's frequencies (float64) and
length codes (one byte each), all little-endian.  A segment without the file (an index
written before, or by Whoosh's own writer) is searched as before; `build_segment` makes the
file from a segment's postings (the upgrade of an existing index, `write_missing`).
"""

from __future__ import annotations

import logging
import struct
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import compress
from pathlib import Path
from typing import Any

from whoosh.util.numeric import byte_to_length

from reader.atomic import write_atomic

logger = logging.getLogger(__name__)

__all__ = ["FIELD", "LEAD_MIN", "MIN_DF", "Collector", "Leaders", "SegmentLeaders",
           "build_segment", "file_name", "leaders_collector", "missing_segments",
           "save_leaders", "write_missing"]

#: The field searches rank by (words.WORD_FIELDS' one field).
FIELD = "text"

#: Words in at least this many documents of a segment get leaders (fewer postings are read
#: whole at search time: 16 W3 blocks at most).
MIN_DF = 2048
#: At least this many leaders a word, or one in `LEAD_SHARE` of its postings: a query of
#: several words needs a deeper list than one word (a document high in both is rarely at the
#: top of either); measured at 1M, the top 1.5 % of each word let the twenty best of
#: 党建 嘎查, 人才 培训, 社区 网格, 红色 驿站 be proven, the top 0.1 % did not.  One in 32
#: (18.5 MB at 1M) looks fewer documents up for 党员 OR 干部 than one in 64 (15.3 MB);
#: one in 16 (26.1 MB) was no quicker.
LEAD_MIN = 256
LEAD_SHARE = 32
#: A pair group that would take the leaders past this many times their number is left out
#: (a common (tf, length) pair of a very common word: the bound then covers it).
LEAD_OVERFLOW = 4

MAGIC = b"ReaderLeaders1\n"
_HEAD = struct.Struct("<Q")
_ENTRY = struct.Struct("<II")
_KEY = struct.Struct("<HQI")
_LITTLE = sys.byteorder == "little"
#: Whoosh's BM25F defaults (ranking.py scores with them too).
_K1, _B = 1.2, 0.75
_LENGTHS = tuple(byte_to_length(code) for code in range(256))


def file_name(segment_id: str) -> str:
    """The leaders file of a segment (Whoosh's pattern: deleted along with the segment)."""
    return f"{segment_id}.lead"


@dataclass(frozen=True)
class Leaders:
    """One word's leaders in one segment: `docnums[i]` (within the segment) holds the word
    `weights[i]` times; every other posting's (tf, length code) is dominated by a pair of
    the `frontier` (empty: the leaders are all the word's postings)."""

    docnums: array
    weights: array
    frontier: tuple[tuple[float, int], ...]


def choose(docnums: Iterable[int], weights: Iterable[float], codes: bytes,
           avgdl: float) -> tuple[list[int], list[float], list[tuple[float, int]]]:
    """(leaders' document numbers, their weights, the others' frontier) of one word's
    postings in a segment whose length codes are `codes` (the module docstring)."""
    docnums = list(docnums)
    weights = list(weights)
    mine = bytes(map(codes.__getitem__, docnums))
    pairs = Counter(zip(weights, mine, strict=True))
    norms = [_K1 * ((1 - _B) + _B * length / avgdl) for length in _LENGTHS]
    ordered = sorted(pairs, key=lambda p: (-(p[0] / (p[0] + norms[p[1]])), -p[0], p[1]))
    wanted = max(LEAD_MIN, len(docnums) // LEAD_SHARE)
    lead: set[tuple[float, int]] = set()
    total = 0
    for pair in ordered:
        if total >= wanted or total + pairs[pair] > LEAD_OVERFLOW * wanted:
            break
        lead.add(pair)
        total += pairs[pair]
    frontier: list[tuple[float, int]] = []
    best = None
    for weight, code in sorted((p for p in pairs if p not in lead), key=lambda p: (p[1], -p[0])):
        if best is None or weight > best:  # no pair with a shorter length has as high a tf
            frontier.append((weight, code))
            best = weight
    keep = list(map(lead.__contains__, zip(weights, mine, strict=True)))
    return list(compress(docnums, keep)), list(compress(weights, keep)), frontier


def encode(docnums: list[int], weights: list[float], frontier: list[tuple[float, int]]) -> bytes:
    """One word's entry (compressed)."""
    parts: list[array] = [array("I", docnums), array("d", weights),
                          array("d", [w for w, _ in frontier])]
    if not _LITTLE:
        for part in parts:
            part.byteswap()
    raw = (_ENTRY.pack(len(docnums), len(frontier)) + b"".join(p.tobytes() for p in parts)
           + bytes(code for _, code in frontier))
    return zlib.compress(raw, 6)


def decode(blob: bytes) -> Leaders:
    raw = zlib.decompress(blob)
    count, edges = _ENTRY.unpack_from(raw)
    pos = _ENTRY.size
    docnums = array("I", raw[pos:pos + 4 * count])
    pos += 4 * count
    weights = array("d", raw[pos:pos + 8 * count])
    pos += 8 * count
    tops = array("d", raw[pos:pos + 8 * edges])
    pos += 8 * edges
    codes = raw[pos:pos + edges]
    if len(codes) != edges or len(docnums) != count or len(weights) != count:
        raise ValueError("a leaders entry ends early")
    if not _LITTLE:
        for part in (docnums, weights, tops):
            part.byteswap()
    return Leaders(docnums, weights, tuple(zip(tops, codes, strict=True)))


def average_length(codes: bytes) -> float:
    """The mean document length a segment's length codes stand for (1 for an empty one)."""
    if not codes:
        return 1.0
    return sum(_LENGTHS[c] * n for c, n in Counter(codes).items()) / len(codes) or 1.0


class Collector:
    """Computes the leaders of a segment's words as its writer writes them (`tap`), then
    writes its file (`save`)."""

    def __init__(self, fieldname: str, codes: bytes | None) -> None:
        self.fieldname = fieldname
        self.codes = codes
        self.avgdl = average_length(codes or b"")
        self.entries: list[tuple[bytes, bytes]] = []

    def tap(self, items: Iterable[tuple]) -> Iterator[tuple]:
        """The writer's (field, term bytes, document numbers, weights, values) items, passed
        on unchanged, the frequent words of the field noted on the way."""
        for item in items:
            if item[0] == self.fieldname and len(item[2]) >= MIN_DF and self.codes:
                self.add(item[1], item[2], item[3])
            yield item

    def add(self, tbytes: bytes, docnums: Iterable[int], weights: Iterable[float]) -> None:
        assert self.codes is not None
        self.entries.append((tbytes, encode(*choose(docnums, weights, self.codes, self.avgdl))))

    def data(self) -> bytes:
        body = bytearray()
        table = bytearray()
        start = len(MAGIC) + _HEAD.size
        for tbytes, blob in self.entries:
            table += _KEY.pack(len(tbytes), start + len(body), len(blob)) + tbytes
            body += blob
        return MAGIC + _HEAD.pack(start + len(body)) + bytes(body) + bytes(table)

    def save(self, folder: Path, segment_id: str) -> None:
        """Write the segment's leaders file (whole or not at all)."""
        write_atomic(folder / file_name(segment_id), self.data())


def leaders_collector(schema, lengths) -> Collector:
    """A writer's collector for the segment it writes (`lengths`: its per-document reader);
    one that notes nothing if the schema has no ranked field."""
    from reader.search.w3_blocks import _length_codes

    codes = None
    if FIELD in schema:
        codes = _length_codes(lengths, FIELD, lengths.doc_count_all())
    return Collector(FIELD, codes)


def save_leaders(collector: Collector, storage, segment_id: str) -> None:
    """Write a new segment's leaders file beside it, before the segment is committed; a
    storage that is no folder (Whoosh's RAM storage) gets none."""
    folder = getattr(storage, "folder", None)
    if folder is not None and collector.codes is not None:
        collector.save(Path(folder), segment_id)


class SegmentLeaders:
    """A segment's leaders file, read whole (a few MB at a million articles)."""

    def __init__(self, data: bytes) -> None:
        if data[:len(MAGIC)] != MAGIC:
            raise ValueError("not a leaders file")
        (table,) = _HEAD.unpack_from(data, len(MAGIC))
        if not len(MAGIC) + _HEAD.size <= table <= len(data):
            raise ValueError("a leaders file cut short")
        self._data = data
        self._table: dict[bytes, tuple[int, int]] = {}
        pos = table
        while pos < len(data):
            size, offset, length = _KEY.unpack_from(data, pos)
            pos += _KEY.size
            if offset + length > table or pos + size > len(data):
                raise ValueError("a leaders file cut short")
            self._table[data[pos:pos + size]] = (offset, length)
            pos += size

    @classmethod
    def read(cls, storage, segment_id: str) -> SegmentLeaders | None:
        """The segment's leaders, or None if it has no (readable) file.  `storage`: the
        segment reader's (its compound file, then the index's folder)."""
        name = file_name(segment_id)
        try:
            if not storage.file_exists(name):
                return None
            with storage.open_file(name) as file:
                return cls(bytes(file.read()))
        except (OSError, ValueError, struct.error) as exc:
            logger.warning("leaders of segment %s unreadable (%s): searched without them",
                           segment_id, exc)
            return None

    def __len__(self) -> int:
        return len(self._table)

    def __contains__(self, tbytes: object) -> bool:
        """Whether the word has leaders here (without decoding them)."""
        return tbytes in self._table

    def get(self, tbytes: bytes) -> Leaders | None:
        """The word's leaders, or None if it has none here."""
        where = self._table.get(tbytes)
        if where is None:
            return None
        offset, length = where
        try:
            return decode(self._data[offset:offset + length])
        except (ValueError, zlib.error, struct.error):
            logger.warning("a leaders entry unreadable: searched without it")
            return None


def build_segment(reader, fieldname: str, codes: bytes) -> Collector:
    """The leaders of an existing segment (a Whoosh segment reader), from its postings."""
    from reader.search.w3_blocks import read_postings, segment_terms, whole_file

    collector = Collector(fieldname, codes)
    terms = reader._terms
    fmt = reader.schema[fieldname].format
    postings = None
    for name, tbytes, info in segment_terms(terms):
        if name != fieldname or info.doc_frequency() < MIN_DF:
            continue
        if postings is None:
            postings = whole_file(terms._postfile)
        docnums, weights, _ = read_postings(postings, info, fmt)
        collector.add(tbytes, docnums, weights)
    return collector


def missing_segments(reader) -> list[tuple[Any, str]]:
    """(segment reader, segment id) of the index's segments without a leaders file (in
    their compound file or beside it)."""
    from whoosh.codec.whoosh3 import W3TermsReader

    found = []
    for leaf, _offset in reader.leaf_readers():
        if FIELD not in leaf.schema or not isinstance(getattr(leaf, "_terms", None),
                                                      W3TermsReader):
            continue  # not a segment Reader ranks from its postings' blocks
        segment_id = leaf.segment().segment_id()
        if not leaf.storage().file_exists(file_name(segment_id)):
            found.append((leaf, segment_id))
    return found


def write_missing(folder: Path, reader, fieldname: str, codes_of: Callable[[Any], bytes],
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> int:
    """Write the leaders file of each segment that lacks one (an index written before
    leaders existed) beside it; each file is written whole, so a killed or cancelled run
    goes on where it stopped.  `codes_of(segment reader)`: its length codes;
    `progress(done, total)` in documents.  Returns the number of files written."""
    missing = missing_segments(reader)
    docs = [leaf.doc_count_all() for leaf, _ in missing]
    done = written = 0
    for (leaf, segment_id), count in zip(missing, docs, strict=True):
        if progress is not None:
            progress(done, sum(docs))
        if cancelled is not None and cancelled():
            break
        build_segment(leaf, fieldname, codes_of(leaf)).save(folder, segment_id)
        done += count
        written += 1
    if progress is not None and written == len(missing) and missing:
        progress(done, sum(docs))
    return written
