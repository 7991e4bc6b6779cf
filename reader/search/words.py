"""The word side of the index: Whoosh over jieba tokens, for word matches and BM25F ranking.

Whoosh does not decide *whether* an article matches (the substring store does); it says which
of the matching articles also match as words, and how well.  So a query's text tree becomes
a Whoosh query over its positive terms only (exclusions are already applied), each term
analysed as the index analysed the text: one token is a Term, several an And of Terms.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import sys
from array import array
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path

from whoosh import query as wq
from whoosh import writing
from whoosh.columns import NumericColumn
from whoosh.fields import NUMERIC, TEXT, Schema
from whoosh.filedb.filestore import FileStorage

from reader.atomic import write_atomic
from reader.models import IndexDoc
from reader.processes import ProcessStamp, running, stop_leftovers
from reader.search.analysis import JiebaTokenizer, analyze
from reader.search.doc_numbers import DELETED, DocNumbers
from reader.search.parallel_writer import ParallelPostingWriter
from reader.search.query import And, Node, Not, Or, Term
from reader.search.ranking import WordRanker, WordTree, proof_token
from reader.search.segment_merge import tiered
from reader.search.word_writer import MemoryPostingWriter, supports

__all__ = [
    "INDEX_NAME",
    "WORD_FIELDS",
    "WordIndex",
    "build_schema",
    "default_procs",
    "document_fields",
    "word_query",
]

INDEX_NAME = "MAIN"
#: Who holds a parallel writer: {"owner": stamp, "workers": [stamps]} (see `stop_stale_writer`).
WRITER_RECORD = "writer.json"
#: Fields a word match is looked for in (notes are their own tier, see SearchIndex.search).
#: One field holding the title twice and the body: a title hit weighs double (the boost)
#: while Whoosh runs one matcher per word instead of one per word and field, which
#: halves query time; no positions are stored, as no Whoosh phrase query is made.
WORD_FIELDS = ("text",)
#: How many times the title is repeated in the text field.
TITLE_REPEAT = 2


def default_procs() -> int:
    """Processes for a big rebuild: 2 where children fork (Linux), else 1.

    Children started by spawn (macOS, Windows) would not have jieba configured, and 2 is
    what was measured (../shared/BENCHMARKS.md: the machines are 2-core).
    """
    method = multiprocessing.get_start_method(allow_none=True)
    method = method or multiprocessing.get_all_start_methods()[0]
    return min(2, os.cpu_count() or 1) if method == "fork" else 1


def build_schema() -> Schema:
    analyzer = JiebaTokenizer()
    return Schema(
        # shift_step=0: one term per id (the default indexes 16 tiers of each id for range
        # queries Reader never makes; they were a fifth of the index).
        id=NUMERIC(int, bits=64, stored=True, unique=True, sortable=True, shift_step=0),
        text=TEXT(analyzer=analyzer, phrase=False),
    )


def _signature(schema: Schema) -> list[tuple]:
    """What matters of a schema, comparably (Whoosh's column objects have no equality)."""
    return [
        (
            name,
            type(field).__name__,
            type(getattr(field, "analyzer", None)).__name__,
            type(field.format).__name__,
            field.format.field_boost,
            field.stored,
            field.unique,
            type(field.column_type).__name__,
        )
        for name, field in sorted(schema.items())
    ]


def document_fields(doc: IndexDoc) -> dict[str, object]:
    title = doc.title or ""
    text = "\n".join([title] * TITLE_REPEAT + [doc.body or ""]) if title else doc.body or ""
    return {"id": doc.id, "text": text}


def word_query(node: Node | None) -> wq.Query | None:
    """The Whoosh query for the positive part of a query tree, or None if nothing can match.

    Searching no longer runs it (ranking.py scores the candidates itself); it is the
    reference ranking.py's scores are tested against (tests/search/test_word_ranking.py).
    """
    if isinstance(node, Term):
        tokens = analyze(node.text)
        if not tokens:
            return None
        if len(tokens) == 1:
            return wq.Or([wq.Term(f, tokens[0]) for f in WORD_FIELDS])
        # All of the term's words, not a Phrase: the substring store already decided
        # that the term occurs verbatim, and Whoosh's phrase matcher reads positions
        # for every candidate (志愿服务: 120 ms at 10k articles instead of ~15 ms).
        return wq.Or([wq.And([wq.Term(f, t) for t in tokens]) for f in WORD_FIELDS])
    if isinstance(node, And):
        parts = [word_query(c) for c in node.children if not isinstance(c, Not)]
        if not parts or any(p is None for p in parts):
            return None
        return wq.And(_few(parts))
    if isinstance(node, Or):
        parts = [p for p in (word_query(c) for c in node.children) if p is not None]
        return wq.Or(_few(parts)) if parts else None
    return None


#: At most this many parts in one Whoosh And/Or.  Whoosh nests its matchers one level per
#: part and recursed past Python's limit at ~1,000 (a query of 2,500 words); which articles
#: match is decided by the substring store, so more words would only refine the ranking.
MAX_QUERY_PARTS = 64


def _few(parts: list) -> list:
    """The distinct parts, the first MAX_QUERY_PARTS of them."""
    return list(dict.fromkeys(parts))[:MAX_QUERY_PARTS]


class WordIndex:
    """The Whoosh index in a directory, with a searcher and an id → document number map."""

    def __init__(self, folder: Path, ix) -> None:
        self.folder = folder
        self.ix = ix
        self._searcher = None
        self._docnums: DocNumbers | None = None
        #: Whoosh document number → article id (DELETED for a deleted document).
        self._ids: Sequence[int] = array("q")
        self._ranker: WordRanker | None = None

    @staticmethod
    def storage(folder: Path) -> FileStorage:
        # No mmap: with it, RSS grows with the index (808 vs 205 MB at 100k, ../shared/BENCHMARKS.md).
        return FileStorage(str(folder), supports_mmap=False)

    @classmethod
    def exists(cls, folder: Path) -> bool:
        return cls.storage(folder).index_exists(INDEX_NAME)

    @classmethod
    def create(cls, folder: Path) -> WordIndex:
        return cls(folder, cls.storage(folder).create_index(build_schema(), indexname=INDEX_NAME))

    @classmethod
    def open(cls, folder: Path) -> WordIndex:
        """Open an existing index; raises whatever Whoosh raises if it cannot be read."""
        return cls(folder, cls.storage(folder).open_index(INDEX_NAME))

    def schema_matches(self) -> bool:
        return _signature(self.ix.schema) == _signature(build_schema())

    def probe(self) -> None:
        """Read a little of everything, so that a damaged index fails here and not mid-search."""
        searcher = self.searcher()
        reader = searcher.reader()
        reader.doc_count()
        self.docnums()
        for fieldname in WORD_FIELDS:
            next(iter(reader.lexicon(fieldname)), None)
        for docnum in reader.all_doc_ids():
            searcher.stored_fields(docnum)
            break

    def searcher(self):
        if self._searcher is None:
            self._searcher = self.ix.searcher()
        return self._searcher

    def docnums(self) -> DocNumbers:
        """Article id → Whoosh document number, for the live documents (made when first
        asked: a search of one word never asks)."""
        if self._docnums is None:
            reader = self.searcher().reader()
            ids = _id_column(reader) if reader.doc_count_all() else array("q")
            if reader.has_deletions():
                live = array("q", [DELETED]) * len(ids)
                for n in reader.all_doc_ids():
                    live[n] = ids[n]
                ids = live
            # else every document is live: no per-document check (issue 17: start-up at 1M)
            self._ids = ids
            self._docnums = DocNumbers(ids)
        return self._docnums

    def ranker(self) -> WordRanker:
        """The BM25F ranking over this searcher (field lengths read once, kept in memory)."""
        if self._ranker is None:
            docnums = self.docnums()
            self._ranker = WordRanker(self.searcher(), WORD_FIELDS[0], self._ids, docnums)
        return self._ranker

    def forget_searcher(self) -> None:
        """Drop the searcher (after a write, or before closing)."""
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = None
        self._docnums = None
        self._ids = array("q")
        self._ranker = None

    def writer(self, procs: int = 1, side: Callable[[dict[str, str]], object] | None = None,
               on_written: Callable[[object], None] | None = None):
        """A writer of one Whoosh segment; with procs > 1, one that has the words cut in
        that many worker processes ahead of it (jieba is most of the work).

        Both keep postings in memory and write them in term order (word_writer.py): what
        they write is an ordinary Whoosh segment, at a third of the CPU time of Whoosh's own
        writer.  `side` and `on_written`: more work on each document's text, done with its
        words, and who is told of each document written (MemoryPostingWriter).
        """
        if not supports(self.ix.schema):  # not a schema Reader writes; Whoosh's own writer
            if on_written is not None:
                raise ValueError("Whoosh's own writer does not tell of documents written")
            return self.ix.writer()
        if procs > 1:
            record = self.folder / WRITER_RECORD
            return ParallelPostingWriter(self.ix, procs=procs,
                                         on_workers=partial(_record_writer, record),
                                         side=side, on_written=on_written)
        return MemoryPostingWriter(self.ix, side=side, on_written=on_written)

    def stop_stale_writer(self) -> bool:
        """Stop the worker processes of a parallel writer whose owner has died; True if any ran.

        Whoosh's write lock is an flock: the kernel frees it when the last process
        holding it exits.  Workers inherit it from their owner; normally they die with
        it (`die_with_parent`), but where they could not (no parent-death signal, or
        a Reader before this one), they would hold the lock for ever.  The record of
        the last parallel writer names its owner and workers with their start times:
        if the owner no longer runs, the workers still running are leftovers.
        """
        try:
            record = json.loads((self.folder / WRITER_RECORD).read_text(encoding="utf-8"))
            owner = ProcessStamp.from_json(record["owner"])
            workers = [ProcessStamp.from_json(w) for w in record["workers"]]
        except (OSError, ValueError, KeyError, TypeError):
            return False
        if owner is None or running(owner):
            return False
        leftovers = [w for w in workers if w is not None and running(w)]
        stop_leftovers(leftovers)
        return bool(leftovers)

    @staticmethod
    def commit_replacing(writer) -> None:
        """Commit so that the new documents replace every existing segment."""
        writer.commit(mergetype=writing.CLEAR)

    @staticmethod
    def commit_merging(writer) -> None:
        """Commit merging the segments `segment_merge.merge_group` picks (one step)."""
        writer.commit(mergetype=tiered())

    def segment_sizes(self) -> list[int]:
        """Documents in each segment as committed (deleted ones included), TOC order."""
        return [segment.doc_count_all() for segment in self.ix._segments()]

    @staticmethod
    def cancel(writer) -> None:
        """Cancel a writer, stopping the worker processes of a parallel one."""
        stop = getattr(writer, "stop_workers", None)
        if stop is not None:
            stop()
        writer.cancel()

    def doc_count(self) -> int:
        """Live documents in the index as committed (a fresh reader, not the cached searcher)."""
        with self.ix.reader() as reader:
            return reader.doc_count()

    def top(
        self, tree: WordTree, among: set[int] | None, limit: int, date_rank: Mapping[int, int],
        excluded: frozenset[int] | set[int] = frozenset(),
    ) -> list[tuple[int, float]]:
        """The best `limit` (article id, BM25F score) pairs among the given article ids
        (None: among all those `date_rank` knows but the `excluded`)."""
        return self.ranker().top(tree, among, limit, date_rank, excluded)

    def doc_frequency(self, token: str) -> int:
        """How many documents hold `token` (deleted ones too: an estimate of its postings,
        read from its term entry)."""
        return self.searcher().doc_frequency(WORD_FIELDS[0], token)

    def ranking_cost(self, tree: WordTree) -> tuple[int, float]:
        """(the postings of the tree's words, what ranking them over every article costs
        in postings read whole: WordRanker.cost)."""
        return self.ranker().cost(tree)

    def forget_postings(self) -> None:
        """Drop the word postings kept from earlier searches (postings.py)."""
        if self._ranker is not None:
            self._ranker.postings().clear()

    def proven(self, term: str) -> set[int] | None:
        """Ids of articles whose title or body surely contains `term`, known from the word
        postings alone (ranking.proof_token), or None when they cannot tell."""
        token = proof_token(term)
        return None if token is None else self.ranker().containing(token)

    def close(self) -> None:
        self.forget_searcher()
        self.ix.close()


def _record_writer(record: Path, workers: list[int]) -> None:
    """Write who holds the parallel writer: this process and its workers (stop_stale_writer)."""
    data = {"owner": ProcessStamp.current().to_json(),
            "workers": [ProcessStamp.of(pid).to_json() for pid in workers]}
    # Without the record only the parent-death signal stops leftovers: not worth failing for.
    with contextlib.suppress(OSError):
        write_atomic(record, json.dumps(data))


def _id_column(reader) -> array:
    """The article id of every document (deleted ones included), segment by segment.

    Whoosh's column reader reads a value by a seek and a read each (0.3 s at 100k
    articles, every time a searcher opens); a numeric column is fixed-width big-endian
    numbers, so it is read in one piece where it has that form.  The ids are kept as an
    array (8 bytes an id, not a list of int objects: 36 MB less at a million).
    """
    field = reader.schema["id"]
    shift = _linear_shift(field)
    values = array("q")
    for leaf, _offset in reader.leaf_readers():
        raw = leaf.column_reader("id", translate=False)
        count = leaf.doc_count_all()
        decoded, add = None, shift  # what to add to a decoded value to make the id
        if isinstance(raw, NumericColumn.Reader) and raw._count >= count:
            data = raw._dbfile.get(raw._basepos, count * raw._fixedlen)
            if raw._typecode == "Q" and shift == -(1 << 63):
                # A 64-bit id is kept as id + 2**63, unsigned: flipping each value's top bit
                # makes the same bytes the signed id (all in C, no Python step an id).
                flipped = bytearray(data)
                flipped[0::8] = flipped[0::8].translate(_TOP_BIT_FLIPPED)
                decoded, add = array("q", flipped), 0
            else:
                try:
                    decoded = array(raw._typecode, data)
                except (ValueError, TypeError):  # a typecode array() lacks: read one by one
                    decoded = None
            if decoded is not None and sys.byteorder == "little":
                decoded.byteswap()
        if decoded is None:
            values.extend(map(field.from_column_value, raw))
        elif add == 0 and decoded.typecode == "q":
            values.extend(decoded)
        elif add is not None:
            values.extend([value + add for value in decoded])
        else:
            values.extend(map(field.from_column_value, decoded))
    return values


#: Each byte with its top bit flipped (bytes.translate's table).
_TOP_BIT_FLIPPED = bytes(code ^ 0x80 for code in range(256))


def _linear_shift(field) -> int | None:
    """The constant that turns a stored value into the number (an int field keeps `n - min`,
    sortable): adding it beats a call of Whoosh's `from_column_value` per document (2 s of
    a start at a million articles, issue 17).  None if the field is not stored that way."""
    try:
        zero, one = field.from_column_value(0), field.from_column_value(1)
    except (TypeError, ValueError, AttributeError):
        return None
    if type(zero) is int and type(one) is int and one == zero + 1:
        return zero
    return None
