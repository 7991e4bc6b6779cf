"""The W3 codec's on-disk forms (Whoosh's `whoosh3`), written and read a term at a time.

Whoosh writes a segment's postings one posting at a time through `W3PostingsWriter` and
reads them back through `W3LeafMatcher`, a seek and a read per field.  These functions do
the same work on a whole term (writing) or a whole file (reading, for merges), and write
the same forms, so that what they write is a segment stock Whoosh reads:

- a term's postings are blocks of `BLOCK_LIMIT` in the postings file (a header pickle, then
  the zlib-compressed pickle of ids as deltas, weights and values), the term's entry in the
  term table (`filetables.OrderedHashWriter`) pointing at them;
- or, for a term in fewer than `INLINE_LIMIT` documents, inlined in its entry.  Whoosh's
  reader takes this form (`W3TermInfo.from_bytes`), its writer cannot make it
  (`finish_postings` calls a `set_inline` that does not exist), and it is where most of an
  archive's words belong: a block costs ~60 bytes of header and zlib frame besides its
  postings, and most words are in one or two articles.

With `COMPACT` the pickles are protocol 3 (protocol 2 spells bytes as a call to
`_codecs.encode`, ~30 bytes) and whole-number weights are ints (2 bytes instead of 9):
Whoosh's reader loads any protocol and hands weights to the scorer as they are.  Without
it the bytes are those Whoosh writes (tests/search/test_word_writer.py compares them).
"""

from __future__ import annotations

import io
import pickle
import zlib
from array import array
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future
from hashlib import md5
from itertools import accumulate, chain, groupby, islice
from operator import itemgetter, sub
from pickle import dumps
from struct import Struct

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3TermInfo, W3TermsReader, _lenfield

__all__ = [
    "BLOCK_LIMIT",
    "COMPACT",
    "INLINE_LIMIT",
    "MAGIC",
    "TermItem",
    "decode_blocks",
    "encode_chunk",
    "read_postings",
    "segment_terms",
    "whole_file",
    "write_terms",
]

#: Words in fewer documents than this have their postings inlined in their term entry.
#: Whoosh ÷ page text for 2.6 MB of the 10k corpus in one segment, by limit (compact):
#: 1 (never) 3.15x, 3: 2.51x, 6: 2.46x, 10: 2.47x, 16: 2.53x; Whoosh's own writer 3.82x.
#: Past a few postings the uncompressed inlined pickle grows faster than the block it saves.
INLINE_LIMIT = 6
#: Write the W3 forms compactly (`_protocol`, `_compact`); False writes what Whoosh's own
#: writer writes, byte for byte (tests/search/test_word_writer.py compares them).
COMPACT = True
#: Whoosh's W3 block parameters (W3Codec's defaults, which its readers do not depend on).
BLOCK_LIMIT = 128
COMPRESSION = 3

_INT = Struct("!i")
_LONG = Struct("!q")
_SHORT = Struct("!H")
#: filetables' key and value lengths before each entry of the term table.
_LENGTHS = Struct("!ii")
#: W3TermInfo's fixed part: inlined?, weight, doc freq, min/max length code, max weight,
#: first and last document.
_TERMINFO = Struct("!BfIBBfII")
MAGIC = b"W3Bl"

#: (field name, term bytes, document numbers, weights, values), in term order.
TermItem = tuple[str, bytes, array, array, bytes]


def whole_file(dbfile) -> bytes:
    """A segment's file in one read (a merge reads all of it; Whoosh's readers seek and read
    a few bytes at a time through the compound file, a third of the merge's time)."""
    dbfile.seek(0)
    return dbfile.read()


def segment_terms(terms: W3TermsReader) -> Iterator[tuple[str, bytes, W3TermInfo]]:
    """Every (field, term bytes, term info) of a segment's term table, in order, parsed from
    one read of its entries (filetables.HashWriter's layout: lengths, key, value)."""
    table = terms._tindex
    data = table.dbfile.get(table.startofdata, table.endofdata - table.startofdata)
    names = terms._fieldunmap
    decode = W3TermInfo.from_bytes
    pos, end = 0, len(data)
    while pos < end:
        keylen, datalen = _LENGTHS.unpack_from(data, pos)
        pos += _LENGTHS.size
        key = data[pos:pos + keylen]
        pos += keylen
        yield names[_SHORT.unpack_from(key)[0]], key[_SHORT.size:], decode(data[pos:pos + datalen])
        pos += datalen


def read_postings(postings: bytes, terminfo, fmt) -> tuple[list[int], list[float], bytes]:
    """A word's postings in one segment (deleted documents included), from the postings
    file's bytes, block by block (W3LeafMatcher's reading, without a seek a field)."""
    size = fmt.fixed_value_size()
    if terminfo.is_inlined():
        ids, weights, values = terminfo.inlined_postings()
        return list(ids), list(weights), b"".join(values) if size else b""
    offset, _length = terminfo.extent()
    docnums, weights, values = decode_blocks(postings, offset + len(MAGIC), bool(size))
    return docnums, weights, b"".join(values)


def block_spans(data: bytes, pos: int) -> Iterator[tuple[tuple, int, int]]:
    """Each of one term's blocks in `data` from `pos` (just after the magic tag): its header
    (count, max id, max weight, compressed?, min length, max length), where its payload
    starts and where it ends.  A block is its length, the header pickle, then the payload;
    a negative length marks the last block."""
    stream = io.BytesIO(data)  # shares `data`'s buffer: no copy of a whole postings file
    last = False
    while not last:
        (length,) = _INT.unpack_from(data, pos)
        last = length < 0
        pos += _INT.size
        end = pos + abs(length)
        if end > len(data):
            raise ValueError("postings run past the term's extent")
        stream.seek(pos)
        header = pickle.load(stream)
        yield header, stream.tell(), end
        pos = end


def block_postings(data: bytes, header: tuple, start: int, end: int
                   ) -> tuple[list[int], list[float], bytes | None]:
    """One block's document numbers, weights and values (the pickle of ids as deltas,
    weights and values, zlib-compressed if the header says so)."""
    count, compression = header[0], header[3]
    raw = data[start:end]
    raw_ids, raw_weights, raw_values = pickle.loads(zlib.decompress(raw) if compression
                                                    else raw)
    docnums = list(accumulate(raw_ids))  # the block's ids are deltas (delta_encode)
    if raw_weights is None:
        weights = [1.0] * count
    elif isinstance(raw_weights, float):
        weights = [raw_weights] * count
    else:
        weights = list(raw_weights)
    return docnums, weights, raw_values


def decode_blocks(data: bytes, pos: int, with_values: bool = False
                  ) -> tuple[list[int], list[float], list[bytes]]:
    """The postings of one term's blocks in `data` from `pos` (just after the magic tag),
    block after block (`block_spans`, `block_postings`).  The values are kept only
    `with_values`."""
    docnums: list[int] = []
    weights: list[float] = []
    values: list[bytes] = []
    for header, start, end in block_spans(data, pos):
        ids, block_weights, raw_values = block_postings(data, header, start, end)
        docnums.extend(ids)
        weights.extend(block_weights)
        if with_values and raw_values:
            values.append(raw_values)
    return docnums, weights, values


def _length_codes(lengths, fieldname: str, count: int) -> bytes | None:
    """The segment's field length codes (one byte a document), or None if it has none."""
    column = lengths._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:
        return None
    if getattr(column, "_fixedlen", None) == 1:
        raw = bytes(column._dbfile.get(column._basepos, min(column._count, count)))
        return raw + bytes(count - len(raw))
    return bytes(column[n] for n in range(count))


#: Terms encoded at a time (by a worker process, when the writer has them), and chunks
#: in flight at most.
CHUNK_TERMS = 4096
CHUNKS_AHEAD = 4

#: A term to encode: (term bytes, document numbers, weights, values).
Term = tuple[bytes, array, array, bytes]


def write_terms(fieldwriter, schema, lengths, items: Iterable[TermItem],
                executor: Executor | None = None) -> None:
    """Write every word's postings through a W3 field writer, in (field, term) order.

    With an `executor` (the parallel writer's worker processes, idle at commit) the terms'
    entries and postings are encoded there, a chunk at a time (`encode_chunk`), and this
    process writes them in order: the same bytes, a third of the commit's time here."""
    count = lengths.doc_count_all()
    tindex = fieldwriter._tindex
    postfile = fieldwriter._postfile
    for fieldname, group in groupby(items, key=itemgetter(0)):
        fieldobj = schema[fieldname]
        fieldwriter.start_field(fieldname, fieldobj)
        codes = _length_codes(lengths, fieldname, count)
        fixed = fieldobj.format.fixed_value_size()
        prefix = _SHORT.pack(fieldwriter._fieldid)
        terms: Iterator[Term] = (item[1:] for item in group)
        for entries in _encoded(terms, postfile, codes, fixed, executor):
            _add_entries(tindex, [(prefix + tbytes, value) for tbytes, value in entries])
        fieldwriter.finish_field()


def _encoded(terms: Iterator[Term], postfile, codes: bytes | None, fixed: int,
             executor: Executor | None) -> Iterator[list[tuple[bytes, bytes]]]:
    """The terms' (term bytes, entry) in chunks, their postings written to `postfile`."""
    if executor is None:
        while chunk := list(islice(terms, CHUNK_TERMS)):
            yield [(t, _term_value(postfile, d, w, v, codes, fixed)) for t, d, w, v in chunk]
        return
    pending: deque[Future] = deque()

    def written() -> list[tuple[bytes, bytes]]:
        entries, postings = pending.popleft().result()
        base = postfile.tell()
        postfile.write(postings)
        return [(t, _rebased(value, base)) for t, value in entries]

    while chunk := list(islice(terms, CHUNK_TERMS)):
        pending.append(executor.submit(encode_chunk, chunk, codes, fixed))
        if len(pending) > CHUNKS_AHEAD:
            yield written()
    while pending:
        yield written()


class _Postings:
    """A postings file in memory, from offset 0 (what `_term_value` needs of one)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def tell(self) -> int:
        return len(self.data)

    def write(self, data: bytes) -> None:
        self.data += data


def encode_chunk(terms: list[Term], codes: bytes | None,
                 fixed: int) -> tuple[list[tuple[bytes, bytes]], bytes]:
    """In a worker: some terms' entries and their postings' bytes, as if the postings file
    began here (`_rebased` moves the entries' offsets where the bytes are written)."""
    postings = _Postings()
    entries = [(t, _term_value(postings, d, w, v, codes, fixed)) for t, d, w, v in terms]
    return entries, bytes(postings.data)


def _rebased(value: bytes, base: int) -> bytes:
    """A term entry whose postings were encoded from offset 0, now at `base`."""
    if not base or value[0]:  # inlined: its postings are in the entry
        return value
    offset = _TERMINFO.size
    (start,) = _LONG.unpack_from(value, offset)
    return value[:offset] + _LONG.pack(start + base) + value[offset + _LONG.size:]


def _add_entries(tindex, entries: list[tuple[bytes, bytes]]) -> None:
    """`OrderedHashWriter.add` for many keys at once: the same bytes and hash table entries,
    in one write instead of four writes and a hex round trip of an MD5 a key."""
    if not entries:
        return
    if tindex.hashtype != 0:  # not the MD5 hash this copy computes
        for key, value in entries:
            tindex.add(key, value)
        return
    dbfile = tindex.dbfile
    base = dbfile.tell()
    buf = bytearray()
    last = tindex.lastkey
    positions = tindex.index
    buckets = tindex.buckets
    for key, value in entries:
        if key <= last:
            raise ValueError(f"Keys must increase: {last!r}..{key!r}")
        pos = base + len(buf)
        positions.append(pos)
        # md5_hash: int(hexdigest, 16) & 0xFFFFFFFF, the digest's last four bytes.
        h = int.from_bytes(md5(key, usedforsecurity=False).digest()[12:], "big")
        buckets[h & 255].append((h, pos))
        buf += _LENGTHS.pack(len(key), len(value))
        buf += key
        buf += value
        last = key
    dbfile.write(bytes(buf))
    tindex.lastkey = last


def _term_value(postfile, docnums: array, weights: array, values: bytes,
                codes: bytes | None, fixed: int) -> bytes:
    """One word's term entry (W3TermInfo.to_bytes), its postings inlined in it or written
    to the postings file as W3 blocks.

    Mirrors whoosh3's W3PostingsWriter (`add_posting`, `_write_block`, `finish_postings`)
    and W3TermInfo (`add_block`, `to_bytes`), so the bytes are those Whoosh writes.
    """
    count = len(docnums)
    if count < INLINE_LIMIT:
        low, high = _length_range(docnums, codes)
        # A field without values gets empty ones: Whoosh's ListMatcher answers "" (a str)
        # for a value it lacks, which its own writer refuses when merging the segment.
        chunks = tuple(values[i * fixed:(i + 1) * fixed] for i in range(count)) if fixed \
            else (b"",) * count
        head = _TERMINFO.pack(True, sum(weights), count, low, high, _max_weight(weights),
                              docnums[0], docnums[-1])
        return head + dumps((tuple(docnums), _compact(tuple(weights)), chunks), _protocol())
    start = postfile.tell()
    out = bytearray(MAGIC)
    total = 0.0
    top = 0.0
    lowest, highest = 0, 0
    for first in range(0, count, BLOCK_LIMIT):
        last = min(first + BLOCK_LIMIT, count)
        ids, ws = docnums[first:last], tuple(weights[first:last])
        n = len(ids)
        total += sum(ws)
        block_top = _max_weight(ws)
        top = max(top, block_top)
        low, high = _length_range(ids, codes)
        if low and (not lowest or low < lowest):
            lowest = low
        highest = max(highest, high)
        # W3's reader takes None as all 1.0 and a float as all that weight.
        mini = None if ws.count(1.0) == n else ws[0] if ws.count(ws[0]) == n else _compact(ws)
        deltas = tuple(map(sub, ids, chain((0,), ids)))  # delta_encode
        data = zlib.compress(dumps((deltas, mini, values[first * fixed:last * fixed] if fixed
                                    else None), _protocol()), COMPRESSION)
        header = dumps((n, ids[-1], block_top, COMPRESSION, low, high), 2)
        size = len(header) + len(data)
        out += _INT.pack(-size if last == count else size)
        out += header
        out += data
    postfile.write(bytes(out))
    head = _TERMINFO.pack(False, total, count, lowest, highest, top, docnums[0], docnums[-1])
    return head + _LONG.pack(start) + _INT.pack(len(out))


def _protocol() -> int:
    # Whoosh pickles with protocol 2, which spells a bytes object as a call to
    # _codecs.encode (~30 bytes); 3 writes it as it is.  Its reader loads either.
    return 3 if COMPACT else 2


def _compact(weights: tuple) -> tuple:
    """Whole-number weights (term frequencies) as ints: 2 bytes pickled instead of 9.

    Whoosh's readers hand the weights to the scorer as they are, and a frequency of 2
    scores as 2.0 does.
    """
    if not COMPACT:
        return weights
    whole = tuple(map(int, weights))
    return whole if whole == weights else weights


def _max_weight(weights) -> float | int:
    # Whoosh starts a block's maximum at 0 and keeps a larger weight.
    top = max(weights)
    return top if top > 0 else 0


def _length_range(ids, codes: bytes | None) -> tuple[int, int]:
    """The smallest and largest length code of the documents (0, 0 when none has a length)."""
    if codes is None:
        return 0, 0
    found = bytes(map(codes.__getitem__, ids)).replace(b"\0", b"")
    return (min(found), max(found)) if found else (0, 0)
