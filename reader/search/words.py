"""The word side of the index: Whoosh over jieba tokens, for word matches and BM25F ranking.

Whoosh does not decide *whether* an article matches (the substring store does); it says which
of the matching articles also match as words, and how well.  So a query's text tree becomes
a Whoosh query over its positive terms only (exclusions are already applied), each term
analysed as the index analysed the text: one token is a Term, several an And of Terms.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable
from pathlib import Path

from whoosh import query as wq
from whoosh import writing
from whoosh.fields import NUMERIC, TEXT, Schema
from whoosh.filedb.filestore import FileStorage

from reader.models import IndexDoc
from reader.search.analysis import JiebaTokenizer, analyze
from reader.search.query import And, Node, Not, Or, Term

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
        id=NUMERIC(int, bits=64, stored=True, unique=True, sortable=True),
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
    """The Whoosh query for the positive part of a query tree, or None if nothing can match."""
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
        self._docnums: dict[int, int] | None = None
        self._ids: list[int] = []

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

    def docnums(self) -> dict[int, int]:
        """Article id → Whoosh document number, for the live documents."""
        if self._docnums is None:
            reader = self.searcher().reader()
            ids = list(reader.column_reader("id")) if reader.doc_count_all() else []
            self._docnums = {ids[n]: n for n in reader.all_doc_ids()}
            self._ids = ids
        return self._docnums

    def forget_searcher(self) -> None:
        """Drop the searcher (after a write, or before closing)."""
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = None
        self._docnums = None
        self._ids = []

    def writer(self, procs: int = 1):
        """A Whoosh writer; with procs > 1, one that indexes in that many child processes.

        The parallel writer (one segment per process, not merged) builds 2.4x faster on two
        cores (10k articles: 35 s instead of 85 s); searching two segments costs no more.
        """
        if procs > 1:
            return self.ix.writer(procs=procs, multisegment=True)
        return self.ix.writer()

    @staticmethod
    def commit_replacing(writer) -> None:
        """Commit so that the new documents replace every existing segment."""
        writer.commit(mergetype=writing.CLEAR)

    @staticmethod
    def cancel(writer) -> None:
        """Cancel a writer, stopping the child processes of a parallel one.

        Whoosh's MpWriter.cancel() only flags its Process objects in this process, so its
        children would wait for work forever; stop them ourselves.
        """
        tasks = getattr(writer, "tasks", None) or []
        for task in tasks:
            if task.is_alive():
                task.terminate()
        for task in tasks:
            task.join()
        if tasks:
            writer.jobqueue.cancel_join_thread()
            writer.tasks = []
        writer.cancel()

    def doc_count(self) -> int:
        """Live documents in the index as committed (a fresh reader, not the cached searcher)."""
        with self.ix.reader() as reader:
            return reader.doc_count()

    def top(self, query: wq.Query, among: Iterable[int], limit: int) -> list[tuple[int, float]]:
        """The best `limit` (article id, BM25F score) pairs among the given article ids."""
        docnums = self.docnums()
        allowed = {docnums[i] for i in among if i in docnums}
        if not allowed or limit <= 0:
            return []
        searcher = self.searcher()
        # First without a filter: Whoosh can then skip blocks that cannot reach the
        # top (block-max scoring), which a filter disables.  Most top word hits are
        # in `allowed` (the verbatim matches); only when too few are, filter.
        probe = searcher.search(query, limit=limit * 3)
        top = [(self._ids[d], score) for score, d in probe.top_n if d in allowed]
        if len(top) >= limit or len(probe.top_n) < limit * 3:
            return top[:limit]
        results = searcher.search(query, filter=allowed, limit=limit)
        return [(self._ids[docnum], score) for score, docnum in results.top_n]

    def close(self) -> None:
        self.forget_searcher()
        self.ix.close()
