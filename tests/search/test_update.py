"""Writing the index: rebuild (progress, cancel, atomic), update and delete, content hashes."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace

import pytest

from reader.models import IndexDoc
from reader.search import SearchIndex, doc_hash, parse_query
from reader.search.index_writing import PARALLEL_MIN_DOCS, PROGRESS_EVERY

from .conftest import make_index

DOCS = [
    IndexDoc(id=1, title="嘎查新事", body="牧民来到嘎查。", date="2024-01"),
    IndexDoc(id=2, title="网格", body="社区设立网格员。", note="值得学习", date="2024-02"),
    IndexDoc(id=3, title="物业", body="红色物业进小区。", column="知行合一", kind="commentary"),
]


def ids(index, text):
    return [h.id for h in index.search(parse_query(text), limit=100).hits]


def many_docs(count: int, start: int = 1) -> list[IndexDoc]:
    return [
        IndexDoc(
            id=n, title=f"第{n}篇", body=f"网格员第{n}次走访嘎查，记录编号{n}。", date="2024-01"
        )
        for n in range(start, start + count)
    ]


def test_doc_hash_is_stable_and_sensitive_to_every_field():
    doc = DOCS[2]
    assert doc_hash(doc) == doc_hash(replace(doc))
    assert len(doc_hash(doc)) == 40
    for change in [
        {"title": "x"},
        {"body": "x"},
        {"note": "x"},
        {"column": "x"},
        {"kind": "photo"},
        {"date": "2020"},
        {"id": 9},
    ]:
        assert doc_hash(replace(doc, **change)) != doc_hash(doc)


def test_rebuild_records_ids_hashes_and_count(tmp_path):
    index = make_index(tmp_path, DOCS)
    assert index.ids() == {1, 2, 3} and index.doc_count == 3
    assert index.doc_hashes() == {d.id: doc_hash(d) for d in DOCS}
    index.close()


def test_rebuild_replaces_everything(tmp_path):
    index = make_index(tmp_path, DOCS)
    index.rebuild([IndexDoc(id=9, title="新", body="只有这一篇")])
    assert index.ids() == {9}
    assert ids(index, "嘎查") == [] and ids(index, "这一篇") == [9]
    index.close()


def test_update_upserts_and_deletes(tmp_path):
    index = make_index(tmp_path, DOCS)
    changed = replace(DOCS[0], body="牧民来到苏木。")
    index.update([changed, IndexDoc(id=4, title="新", body="新来的网格员")], [3])
    assert index.ids() == {1, 2, 4}
    assert ids(index, "嘎查") == [1]  # still in the title
    assert ids(index, "苏木") == [1]
    assert ids(index, "物业") == []
    assert ids(index, "网格员") == [4, 2] or ids(index, "网格员") == [2, 4]
    assert index.doc_hashes()[1] == doc_hash(changed)
    # No duplicates in the word index after replacing a document.
    result = index.search(parse_query("牧民"))
    assert [(h.id, h.match) for h in result.hits] == [(1, "word")]
    index.close()


def test_updates_survive_reopening(tmp_path):
    index = make_index(tmp_path, DOCS)
    index.update([IndexDoc(id=4, title="新", body="新来的网格员")], [1])
    index.close()
    index = SearchIndex.open(tmp_path)
    assert index.state == "ok" and index.ids() == {2, 3, 4}
    assert ids(index, "新来") == [4] and ids(index, "牧民") == []
    index.close()


def test_deleting_an_unknown_id_is_harmless(tmp_path):
    index = make_index(tmp_path, DOCS)
    index.update([], [42])
    assert index.ids() == {1, 2, 3}
    index.close()


def test_an_empty_update_changes_nothing(tmp_path):
    index = make_index(tmp_path, DOCS)
    index.set_stamp("g1")
    index.update([], [])
    assert index.stamp == "g1"
    index.close()


def test_notes_can_be_updated_and_cleared(tmp_path):
    index = make_index(tmp_path, DOCS)
    assert [(h.id, h.match) for h in index.search(parse_query("学习")).hits] == [(2, "note")]
    index.update([replace(DOCS[1], note="")], [])
    assert index.search(parse_query("学习")).total == 0
    index.close()


def test_progress_is_reported_every_so_many_docs_and_at_the_end(tmp_path):
    index = SearchIndex.open(tmp_path)
    calls = []
    report = index.rebuild(
        many_docs(450), total=450, progress=lambda done, total, label: calls.append((done, total, label))
    )
    assert calls == [(PROGRESS_EVERY, 450, "indexing"), (2 * PROGRESS_EVERY, 450, "indexing"),
                     (450, 450, "indexing")]
    assert report.docs == 450 and not report.cancelled
    index.close()


def test_a_cancelled_rebuild_leaves_the_index_as_it_was(tmp_path):
    index = make_index(tmp_path, DOCS)
    index.set_stamp("g1")
    seen = []

    def cancelled():
        return len(seen) >= 300

    def docs():
        for doc in many_docs(1000, start=10):
            seen.append(doc.id)
            yield doc

    report = index.rebuild(docs(), cancelled=cancelled)
    assert report.cancelled and report.docs < 1000
    assert index.ids() == {1, 2, 3} and ids(index, "牧民") == [1]
    assert index.stamp is None  # the app must check the index again
    index.close()
    index = SearchIndex.open(tmp_path)
    assert index.state == "ok" and index.ids() == {1, 2, 3}
    index.close()


def test_a_failing_rebuild_leaves_the_index_as_it_was(tmp_path):
    index = make_index(tmp_path, DOCS)
    with pytest.raises(ValueError, match="given twice"):
        index.rebuild([DOCS[0], DOCS[0]])
    assert index.ids() == {1, 2, 3} and ids(index, "牧民") == [1]
    index.close()


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="parallel rebuild needs fork"
)
def test_a_parallel_rebuild_finds_everything_and_cancels_cleanly(tmp_path):
    index = make_index(tmp_path, DOCS)
    index.writer_procs = 2
    count = PARALLEL_MIN_DOCS + 100
    report = index.rebuild(many_docs(count), total=count)
    assert not report.cancelled and index.doc_count == count
    result = index.search(parse_query("网格员"), limit=5)
    assert result.total == count and {h.match for h in result.hits} == {"word"}
    assert ids(index, "编号1077") == [1077]

    report = index.rebuild(many_docs(count, start=5000), total=count, cancelled=lambda: False)
    assert index.doc_count == count and 5000 in index.ids()
    calls = []
    report = index.rebuild(
        many_docs(count, start=9000),
        total=count,
        cancelled=lambda: len(calls) > 0,
        progress=lambda done, total, label: calls.append(done),
    )
    assert report.cancelled
    assert multiprocessing.active_children() == []
    assert index.doc_count == count and 5000 in index.ids() and 9000 not in index.ids()
    index.close()
    # Nothing of the cancelled build is left behind once the next write cleans up.
    index = SearchIndex.open(tmp_path)
    index.update([IndexDoc(id=1, title="t", body="b")], [])
    names = sorted(p.name for p in tmp_path.iterdir())
    assert all(not name.endswith(".tmp") for name in names), names
    assert len([n for n in names if n.endswith(".seg")]) <= 3, names
    index.close()


def test_a_batch_streams_its_documents_reports_progress_and_is_cut_short_when_cancelled(
        tmp_path, monkeypatch):
    from reader.search import index_writing

    monkeypatch.setattr(index_writing, "BATCH_DOCS", 10 ** 6)  # one batch
    index = SearchIndex.open(tmp_path)
    index.writer_procs = 1
    taken: list[int] = []
    seen: list[tuple[int, int]] = []

    def stream():
        for doc in many_docs(3000):
            taken.append(doc.id)
            yield doc

    def progress(done, total, label):
        seen.append((done, len(taken)))

    cancel_at = 2 * PARALLEL_MIN_DOCS + PROGRESS_EVERY
    added = index.update(stream(), [], progress=progress, total=3000,
                         cancelled=lambda: bool(seen) and seen[-1][0] >= cancel_at)
    # Read as written (the first PARALLEL_MIN_DOCS ahead, to choose how), never all at once.
    assert [done for done, _ in seen][:3] == [PROGRESS_EVERY * n for n in (1, 2, 3)]
    assert all(read <= max(done, PARALLEL_MIN_DOCS) + 1 for done, read in seen)
    # Cancelled within the batch: what was given is committed, the rest is left for later.
    assert added == cancel_at and index.doc_count == cancel_at
    assert index.update(many_docs(3000), []) == 3000
    assert index.doc_count == 3000 and ids(index, "编号2999") == [2999]
    index.close()
