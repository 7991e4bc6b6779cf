"""Writing the word index's segments: postings gathered in memory, written in term order.

Whoosh's own `SegmentWriter` hands every posting to a `PostingPool` (a tuple a posting,
sorted and marshalled to disk in runs, merged back at commit), then reads back each
posting's field length from the lengths column, one seek and read at a time: in issue 17's
import profile 41 of 113 CPU-s, more than jieba.  `MemoryPostingWriter` keeps the rest of
Whoosh's writer (the lock, deletions, per-document columns, merge policies, the TOC) and
replaces that part:

1. a document's text is cut once by `analysis.word_counts` (no Token objects) and each
   of its words' postings is appended to that word's arrays (`MemoryPostings`);
2. merging another segment (`add_reader`, the merge policy) decodes its posting blocks
   whole (zlib and pickle, in C) instead of walking them posting by posting;
3. past `SPILL_POSTINGS` the arrays are written out as one sorted run and merged back,
   word by word, at commit: a rebuild of any size holds a bounded amount in memory;
4. at commit the words are written in order in the W3 codec's forms, rare words' postings
   inlined in their term entries (w3_blocks.py); the field lengths come from the lengths
   column, read in one piece.

What comes out is an ordinary Whoosh segment: stock Whoosh opens and searches it
(tests/search/test_word_writer.py), and segments written before stay as they are.
"""

from __future__ import annotations

import heapq
import marshal
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor
from itertools import accumulate, chain, groupby, pairwise
from operator import itemgetter

from whoosh.codec.whoosh3 import W3TermsReader
from whoosh.filedb.filestore import Storage
from whoosh.formats import Frequency
from whoosh.util import random_name
from whoosh.writing import SegmentWriter

from reader.search.analysis import (
    JiebaTokenizer,
    start_compiled_cutting,
    stop_compiled_cutting,
    word_counts,
)
from reader.search.leaders import leaders_collector, save_leaders
from reader.search.w3_blocks import TermItem, read_postings, segment_terms, whole_file, write_terms

__all__ = [
    "MemoryPostingWriter",
    "MemoryPostings",
    "Packed",
    "SPILL_POSTINGS",
    "countable_texts",
    "gather",
    "pack",
]

#: Postings held in memory before they are written out as a sorted run (~12 bytes each,
#: plus the per-word arrays: some 100 MB).
SPILL_POSTINGS = 6_000_000

#: One word's postings: document numbers, weights, and the values (fixed size each).
Entry = tuple[array, array, bytearray]


def gather(words: dict[str, array], docnum: int, counts: Mapping[str, int]) -> None:
    """Add one document's word `counts` to `words` (word → docnum, freq, docnum, freq, …)."""
    for word, freq in counts.items():
        entry = words.get(word)
        if entry is None:
            words[word] = array("I", (docnum, freq))
        else:
            entry.append(docnum)
            entry.append(freq)


class MemoryPostings:
    """The postings of the segment being written, word by word (Whoosh's pool interface:
    `add`, `fieldnames`, `iter_postings`, `cleanup`)."""

    def __init__(self, tempstore: Storage, spill: int = SPILL_POSTINGS) -> None:
        self.tempstore = tempstore
        self.fieldnames: set[str] = set()
        self._fields: dict[str, dict[bytes, Entry]] = {}
        #: Counted documents' postings, word (str) → document, frequency, document, … (one
        #: array a word: two appends a posting, the bytes made once a word, at commit).
        self._counted: dict[str, dict[str, array]] = {}
        self._count = 0
        self._spill = spill
        self._runs: list[str] = []

    def _terms(self, fieldname: str) -> dict[bytes, Entry]:
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        return terms

    def add(self, item: tuple) -> None:
        """One posting, as Whoosh's writer gives it: (field, term bytes, docnum, weight, value)."""
        fieldname, tbytes, docnum, weight, vbytes = item
        self.add_term(fieldname, tbytes, (docnum,), (weight,), vbytes or b"")

    def add_term(self, fieldname: str, tbytes: bytes, docnums: Iterable[int],
                 weights: Iterable[float], values: bytes) -> None:
        """Postings of one word, in increasing document order, after those it has."""
        if fieldname in self._counted:
            self._fold(fieldname)
        terms = self._terms(fieldname)
        entry = terms.get(tbytes)
        if entry is None:
            entry = terms[tbytes] = (array("I"), array("f"), bytearray())
        before = len(entry[0])
        entry[0].extend(docnums)
        entry[1].extend(weights)
        entry[2].extend(values)
        self._grew(len(entry[0]) - before)

    def add_counts(self, fieldname: str, docnum: int, counts: Mapping[str, int]) -> None:
        """One document's words with their frequencies, for a `Frequency` field (weight =
        frequency, value = the frequency as 4 bytes, as `Frequency.word_values` gives)."""
        words = self._counted.get(fieldname)
        if words is None:
            words = self._counted[fieldname] = {}
            self.fieldnames.add(fieldname)
        gather(words, docnum, counts)
        self._grew(len(counts))

    def add_counted(self, fieldname: str, words: Mapping[str, array]) -> None:
        """Several documents' words at once, as a worker gathered them (`count_batch`): word
        → [doc, freq, doc, freq …], the documents after those added before."""
        counted = self._counted.get(fieldname)
        if counted is None:
            counted = self._counted[fieldname] = {}
            self.fieldnames.add(fieldname)
        added = 0
        for word, pairs in words.items():
            entry = counted.get(word)
            if entry is None:
                counted[word] = pairs
            else:
                entry.extend(pairs)
            added += len(pairs)
        self._grew(added // 2)

    def add_packed(self, fieldname: str, packed: Packed) -> None:
        """`add_counted` of a batch's postings as `pack` sent them through the pipe."""
        words, raw, ends = packed
        flat = array("I")
        flat.frombytes(raw)
        self.add_counted(fieldname, {word: flat[start:end] for word, (start, end)
                                     in zip(words, pairwise(chain((0,), ends)), strict=True)})

    def _fold(self, fieldname: str) -> None:
        """Move a field's counted postings into its (term bytes → Entry) table."""
        words = self._counted.pop(fieldname)
        terms = self._terms(fieldname)
        swap = sys.byteorder == "little"  # values are big-endian (pack_uint)
        for word, pairs in words.items():
            freqs = pairs[1::2]
            weights = array("f", freqs)
            if swap:
                freqs.byteswap()
            tbytes = word.encode("utf-8")
            entry = terms.get(tbytes)
            if entry is None:
                terms[tbytes] = (pairs[0::2], weights, bytearray(freqs.tobytes()))
            else:  # postings merged in before these documents were counted (not Whoosh's way)
                entry[0].extend(pairs[0::2])
                entry[1].extend(weights)
                entry[2].extend(freqs.tobytes())

    def _grew(self, count: int) -> None:
        self._count += count
        if self._count >= self._spill:
            self._save_run()

    def _in_memory(self) -> Iterator[TermItem]:
        for fieldname in list(self._counted):
            self._fold(fieldname)
        for fieldname in sorted(self._fields):
            terms = self._fields[fieldname]
            for tbytes in sorted(terms):
                docnums, weights, values = terms[tbytes]
                yield fieldname, tbytes, docnums, weights, bytes(values)

    def _save_run(self) -> None:
        name = f"{random_name()}.postings"
        with self.tempstore.create_file(name).raw_file() as f:
            for fieldname, tbytes, docnums, weights, values in self._in_memory():
                marshal.dump((fieldname, tbytes, docnums.tobytes(), weights.tobytes(), values), f)
        self._runs.append(name)
        self._fields = {}
        self._counted = {}
        self._count = 0

    def _read_run(self, name: str) -> Iterator[TermItem]:
        with self.tempstore.open_file(name).raw_file() as f:
            while True:
                try:
                    fieldname, tbytes, rawids, rawweights, values = marshal.load(f)
                except EOFError:
                    break
                docnums, weights = array("I"), array("f")
                docnums.frombytes(rawids)
                weights.frombytes(rawweights)
                yield fieldname, tbytes, docnums, weights, values
        self.tempstore.delete_file(name)

    def terms(self) -> Iterator[TermItem]:
        """Every word's postings in (field, term) order; each word's in document order."""
        if not self._runs:
            yield from self._in_memory()
            return
        # Runs hold earlier documents than memory, and earlier runs than later ones;
        # heapq.merge keeps that order among equal keys.
        sources = [self._read_run(name) for name in self._runs] + [self._in_memory()]
        merged = heapq.merge(*sources, key=itemgetter(0, 1))
        for (fieldname, tbytes), group in groupby(merged, key=itemgetter(0, 1)):
            parts = list(group)
            if len(parts) == 1:
                yield parts[0]
                continue
            docnums, weights, values = array("I"), array("f"), bytearray()
            for _, _, d, w, v in parts:
                docnums += d
                weights += w
                values += v
            yield fieldname, tbytes, docnums, weights, bytes(values)

    def iter_postings(self) -> Iterator[tuple]:
        """Posting by posting, as Whoosh's pool gives them (for code that expects a pool)."""
        for fieldname, tbytes, docnums, weights, values in self.terms():
            size = len(values) // len(docnums) if docnums else 0
            for i, (docnum, weight) in enumerate(zip(docnums, weights, strict=True)):
                yield fieldname, tbytes, docnum, weight, values[i * size:(i + 1) * size]

    def cleanup(self) -> None:
        for name in self._runs:
            if self.tempstore.file_exists(name):
                self.tempstore.delete_file(name)
        self._runs = []
        self._fields = {}
        self._counted = {}


def _countable(field) -> bool:
    """Whether `add_counts` gives exactly what Whoosh would index for this field."""
    return (
        field.indexed
        and type(field.format) is Frequency
        and field.format.field_boost == 1.0
        and isinstance(field.analyzer, JiebaTokenizer)
        and not field.vector
        and not field.separate_spelling()
    )


def supports(schema) -> bool:
    """Whether every field's postings have fixed-size values (all Reader's schemas do)."""
    for _name, field in schema.items():
        if field.indexed:
            size = field.format.fixed_value_size()
            if size is None or size < 0 or field.vector or field.separate_spelling():
                return False
    return True


class MemoryPostingWriter(SegmentWriter):
    """Whoosh's segment writer with the postings kept in memory (see the module docstring)."""

    #: After this many documents the words are cut by jieba-rs (the same words, a tenth of
    #: the time: compiled_cut.py); below, loading its dictionary (0.3 s) would not pay.
    BULK_DOCS = 200

    def __init__(self, ix, side: Callable[[dict[str, str]], object] | None = None,
                 on_written: Callable[[object], None] | None = None, **kwargs) -> None:
        """`side(texts)` is more work on a document's countable texts (field → text), done
        where its words are counted (in a worker process, for the parallel writer); its
        result goes to `on_written` once the document is written, in the order given."""
        super().__init__(ix, **kwargs)
        self.pool = MemoryPostings(self._tempstorage)
        #: Called once the segment is written, before the index's table of contents names
        #: it (the commit proper); what it raises fails the commit, the index as it was.
        self.before_toc: Callable[[], None] | None = None
        self._countable = {name for name, field in self.schema.items() if _countable(field)}
        self._compiled = False
        self._side = side
        self._on_written = on_written

    def add_document(self, **fields) -> None:
        if any(name.startswith("_") for name in fields):  # boosts, custom stored values
            super().add_document(**fields)
            self._written(None)
            return
        if not self._compiled and self.docnum - self.docbase >= self.BULK_DOCS:
            self._compiled = start_compiled_cutting()
        texts = countable_texts(fields, self._countable)
        lengths = {}
        for name, text in texts.items():
            counts = word_counts(text)
            self.pool.add_counts(name, self.docnum, counts)
            lengths[name] = sum(counts.values())
        self._add(fields, lengths)
        self._written(self._side(texts) if self._side is not None else None)

    def write_pending(self) -> None:
        """Write the documents given but not yet written (none here: see the parallel writer)."""

    def _encoder(self) -> Executor | None:
        """Processes that encode the segment's terms at commit (none: this one does)."""
        return None

    def _written(self, result: object) -> None:
        if self._on_written is not None:
            self._on_written(result)

    def _stop_compiled(self) -> None:
        if self._compiled:
            stop_compiled_cutting()
            self._compiled = False

    def commit(self, *args, **kwargs) -> None:
        try:
            super().commit(*args, **kwargs)
        finally:
            self._stop_compiled()

    def cancel(self) -> None:
        try:
            super().cancel()
        finally:
            self._stop_compiled()

    def _commit_toc(self, segments) -> None:
        if self.before_toc is not None:
            self.before_toc()
        super()._commit_toc(segments)

    def _add(self, fields: dict, lengths: Mapping[str, int]) -> None:
        """Whoosh's add_document, the countable fields' postings already in the pool
        (`lengths`: their numbers of words)."""
        self._check_state()
        schema = self.schema
        docnum = self.docnum
        perdoc = self.perdocwriter
        pool = self.pool
        names = sorted(fields)
        self._check_fields(schema, names)
        perdoc.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if name in lengths:
                    length = lengths[name]
                elif field.indexed:
                    for tbytes, freq, weight, vbytes in field.index(value):
                        if field.scorable:
                            length += freq
                        pool.add((name, tbytes, docnum, weight, vbytes))
                perdoc.add_field(name, field, value if field.stored else None, length)
                if field.column_type:
                    perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def write_per_doc(self, fieldnames, reader):
        """Whoosh's copy of another segment's per-document values (a merge), keeping its
        fields' total lengths exact: Whoosh adds up the documents' lengths as the lengths
        column holds them, one byte each and rounded, which moved every BM25F score of a
        merged index (by 0.3 % in tests/search/test_segment_merge.py)."""
        totals = getattr(self.perdocwriter, "_fieldlengths", None)
        exact = {name: reader.field_length(name) for name in fieldnames}
        before = dict(totals) if totals is not None else {}
        docmap = super().write_per_doc(fieldnames, reader)
        if totals is None or not hasattr(reader, "doc_field_length"):
            return docmap
        deleted = ([d for d in range(reader.doc_count_all()) if reader.is_deleted(d)]
                   if reader.has_deletions() else [])
        for name, total in exact.items():
            added = totals.get(name, 0) - before.get(name, 0)
            if not total or not added:
                continue
            # The live documents' exact total: the segment's, less the deleted ones' (only
            # known rounded).
            gone = sum(reader.doc_field_length(d, name) or 0 for d in deleted)
            totals[name] = before.get(name, 0) + max(total - gone, 0)
        return docmap

    def add_postings_to_pool(self, reader, startdoc: int, docmap: dict[int, int] | None) -> None:
        """Another segment's postings (a merge), renumbered, its deleted documents left out."""
        terms = getattr(reader, "_terms", None)
        if not isinstance(terms, W3TermsReader):
            super().add_postings_to_pool(reader, startdoc, docmap)
            return
        schema = self.schema
        postings = whole_file(terms._postfile)
        for fieldname, tbytes, terminfo in segment_terms(terms):
            if fieldname not in schema:
                continue
            fmt = schema[fieldname].format
            docnums, weights, values = read_postings(postings, terminfo, fmt)
            if docmap is None:
                docnums = [startdoc + d for d in docnums]
            else:
                size = fmt.fixed_value_size()
                kept = [i for i, d in enumerate(docnums) if d in docmap]
                if not kept:
                    continue
                if len(kept) < len(docnums):
                    weights = [weights[i] for i in kept]
                    values = b"".join(values[i * size:(i + 1) * size] for i in kept)
                docnums = [docmap[docnums[i]] for i in kept]
            self.pool.add_term(fieldname, tbytes, docnums, weights, values)

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        try:
            # The frequent words' leaders are noted as the terms go by (leaders.py).
            leading = leaders_collector(self.schema, lengths)
            write_terms(self.fieldwriter, self.schema, lengths, leading.tap(self.pool.terms()),
                        self._encoder())
        finally:
            lengths.close()
        self.fieldwriter.close()
        save_leaders(leading, self.storage, self.newsegment.segment_id())


def countable_texts(fields: Mapping[str, object], countable: set[str]) -> dict[str, str]:
    """The countable fields' texts of a document (field → text)."""
    return {name: fields[name] for name in countable  # type: ignore[misc]
            if fields.get(name) is not None}


#: One field's postings of a batch as they go through the pipe (`pack`): the words, the
#: bytes of their arrays end to end, and where each word's end (in items).
Packed = tuple[list[str], bytes, array]


def pack(words: Mapping[str, array]) -> Packed:
    """A batch's postings of one field (word → [doc, freq, …]) in three objects: pickled
    an array at a time, 590,000 arrays at 10k articles, they cost the workers 1.2 CPU-s
    to send and the writing process 1.7 to receive (issue 17)."""
    arrays = list(words.values())
    return (list(words), b"".join(map(array.tobytes, arrays)),
            array("I", accumulate(map(len, arrays))))
