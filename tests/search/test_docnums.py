"""Article id → Whoosh document number (`WordIndex.docnums`), read from the id column in one
piece at start-up (issue 17), agrees with Whoosh's own stored fields: on a fresh index
(every document live) and on one an update left deleted documents in."""

from __future__ import annotations

from array import array
from dataclasses import replace

from reader.search import SearchIndex
from reader.search.doc_numbers import DELETED, DocNumbers
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


def test_document_numbers_of_ids_leave_out_unknown_and_deleted_ones():
    # Document 1 is deleted; ids 5 and 9 have documents 0 and 2.
    docnums = DocNumbers(array("q", [5, DELETED, 9]))
    assert docnums.of({5, 9, 7, 0, -3, 10**9}) == {0, 2}
    assert docnums.of(iter([9])) == {2} and docnums.of(set()) == set()
    assert dict(docnums) == {5: 0, 9: 2} and len(docnums) == 2
    assert docnums.get(7) is None and DELETED not in docnums
