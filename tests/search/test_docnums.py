"""Article id → Whoosh document number (`WordIndex.docnums`), read from the id column in one
piece at start-up (issue 17), agrees with Whoosh's own stored fields: on a fresh index
(every document live) and on one an update left deleted documents in."""

from __future__ import annotations

from dataclasses import replace

from reader.search import SearchIndex
from tests.search.conftest import seed_docs


def _whoosh_ids(words) -> dict[int, int]:
    reader = words.searcher().reader()
    return {words.searcher().stored_fields(n)["id"]: n for n in reader.all_doc_ids()}


def test_docnums_of_a_fresh_index_are_whooshs(tmp_path):
    docs = seed_docs()
    index = SearchIndex.open(tmp_path)
    try:
        index.rebuild(docs)
        words = index._words
        assert not words.searcher().reader().has_deletions()
        assert words.docnums() == _whoosh_ids(words)
        assert set(words.docnums()) == {d.id for d in docs}
    finally:
        index.close()


def test_docnums_leave_out_deleted_documents(tmp_path):
    docs = seed_docs()
    index = SearchIndex.open(tmp_path)
    try:
        index.rebuild(docs[: len(docs) // 2])
        changed = [replace(d, body=d.body + " 网格员") for d in docs[:10]]
        index.update(changed + docs[len(docs) // 2:], deletes=[d.id for d in docs[10:20]])
        words = index._words
        assert words.searcher().reader().has_deletions()
        assert words.docnums() == _whoosh_ids(words)
        assert set(words.docnums()) == {d.id for d in docs} - {d.id for d in docs[10:20]}
    finally:
        index.close()
