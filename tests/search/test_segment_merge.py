"""The word index's segments are merged after a large catch-up (issue 17: the library
folder ≤ 3× its text straight after an import), a bounded, committed step at a time,
without changing any answer; cancelled, the next catch-up finishes the merge."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh.query import Term

from reader.models import IndexDoc
from reader.search import SearchIndex, parse_query, segment_merge
from reader.search import index_writing as index_module
from reader.search.segment_merge import FLOOR, MOST, merge_group, merge_steps
from reader.search.words import INDEX_NAME

QUERIES = ["网格员", "嘎查", "走访", "编号17", "物业 OR 社区", "网格员 -物业"]


def docs(count: int, start: int = 1) -> list[IndexDoc]:
    words = ["网格员", "嘎查", "物业", "社区", "牧民", "党建"]
    return [
        IndexDoc(id=n, title=f"第{n}篇{words[n % 6]}",
                 body=f"{words[n % 5]}第{n}次走访{words[n % 4]}，记录编号{n}。" * (1 + n % 3),
                 date=f"20{10 + n % 12}-0{1 + n % 9}")
        for n in range(start, start + count)
    ]


def answers(index: SearchIndex) -> dict[str, tuple]:
    found = {}
    for text in QUERIES:
        result = index.search(parse_query(text), limit=15)
        found[text] = (result.total, [(h.id, round(h.score, 4)) for h in result.hits])
    return found


# -- the rule ----------------------------------------------------------------------------------

def test_an_imports_equal_batches_merge_into_one():
    assert merge_group([FLOOR] * 4 + [52]) == [0, 1, 2, 3, 4]
    assert merge_steps([FLOOR] * 4 + [52]) == [4 * FLOOR + 52]


def test_a_large_old_segment_is_not_rewritten_for_a_small_import():
    assert merge_group([1_000_000, FLOOR, 15_000]) == [1, 2]
    assert merge_steps([1_000_000, FLOOR, 15_000]) == [FLOOR + 15_000]
    assert merge_group([1_000_000, 15_000]) == []  # one small segment: nothing to merge
    assert merge_group([7]) == [] and merge_group([]) == []


def test_the_segments_of_full_import_batches_are_never_rewritten():
    # A million-article import commits ten full batches: merging them in pairs took five
    # steps of ~85 CPU-s on one core after the import, a third of its time (issue 17).
    full = index_module.BATCH_DOCS
    assert full == MOST
    assert merge_group([full] * 10 + [72]) == []
    assert merge_group([full] * 3 + [FLOOR, 15_000]) == [3, 4]  # small ones still merge


def test_a_step_rewrites_at_most_MOST_documents():
    steps = merge_steps([FLOOR] * 50)
    assert steps and max(steps) <= MOST
    assert sum(steps) >= 50 * FLOOR  # every batch merged at least once


@given(st.lists(st.integers(min_value=0, max_value=3 * MOST), max_size=40))
def test_steps_end_and_each_merges_two_or_more_segments_within_the_bound(sizes):
    left = list(sizes)
    for _ in range(len(sizes)):
        group = merge_group(left)
        if not group:
            break
        assert len(group) >= 2 and group == sorted(set(group))
        assert sum(left[i] for i in group) <= MOST
        merged = sum(left[i] for i in group)
        left = [s for i, s in enumerate(left) if i not in group] + [merged]
    assert merge_group(left) == []  # each step leaves one segment fewer: it ends


# -- the index ---------------------------------------------------------------------------------

def test_a_large_catch_up_leaves_one_segment_and_the_same_answers(tmp_path, monkeypatch):
    whole = SearchIndex.open(tmp_path / "whole")
    whole.rebuild(docs(230))
    expected = answers(whole)
    whole.close()

    monkeypatch.setattr(index_module, "BATCH_DOCS", 40)
    index = SearchIndex.open(tmp_path / "batches")
    calls = []
    index.update(docs(230), [], progress=lambda done, total, label: calls.append((done, total)))
    assert index._words.segment_sizes() == [230]  # six batches, merged into one segment
    assert index.meta(index_module.MERGE_PENDING) is None
    assert calls[-1] == (230, 230)  # the merge's progress, once done
    assert answers(index) == expected
    index.close()
    # Stock Whoosh reads the merged segment.
    ix = whoosh_index.open_dir(str(tmp_path / "batches"), indexname=INDEX_NAME)
    with ix.searcher() as searcher:
        assert searcher.doc_count() == 230
        assert len(searcher.search(Term("text", "网格员"), limit=None)) > 0
    ix.close()


def test_a_small_catch_up_does_not_merge(tmp_path, monkeypatch):
    monkeypatch.setattr(index_module, "BATCH_DOCS", 40)
    index = SearchIndex.open(tmp_path)
    index.update(docs(30), [])
    index.update(docs(30, start=100), [])  # one batch each: Whoosh's own policy only
    assert index._words.segment_sizes() == [30, 30]
    index.close()


def test_a_cancelled_merge_is_finished_by_the_next_catch_up(tmp_path, monkeypatch):
    monkeypatch.setattr(index_module, "BATCH_DOCS", 40)
    monkeypatch.setattr(segment_merge, "MOST", 80)  # several steps: two batches each
    index = SearchIndex.open(tmp_path)
    calls = []
    # Five batches, each followed by progress; the sixth call is the first merge step's.
    index.update(docs(200), [], progress=lambda done, total, label: calls.append(done),
                 cancelled=lambda: len(calls) > 5)
    sizes = index._words.segment_sizes()
    assert len(calls) == 6 and sorted(sizes) == [40, 40, 40, 80]
    assert index.meta(index_module.MERGE_PENDING) == "1"
    index.close()

    index = SearchIndex.open(tmp_path)
    assert index.update([], []) == 0
    assert sorted(index._words.segment_sizes()) == [40, 80, 80]
    assert merge_group(index._words.segment_sizes()) == []
    assert index.meta(index_module.MERGE_PENDING) is None
    assert index.doc_count == 200 and index.ids() == set(range(1, 201))
    assert index.search(parse_query("编号17"), limit=5).total == 11  # 17, 170-179
    index.close()


def test_a_catch_up_with_deletions_merges_them_away(tmp_path, monkeypatch):
    monkeypatch.setattr(index_module, "BATCH_DOCS", 40)
    index = SearchIndex.open(tmp_path)
    index.update(docs(120), [])
    assert index._words.segment_sizes() == [120]
    index.update(docs(90, start=500), list(range(1, 61)))  # three batches, 60 deleted
    assert index._words.segment_sizes() == [150]  # the deleted documents are gone
    assert index.ids() == set(range(61, 121)) | set(range(500, 590))
    index.close()


def test_a_catch_up_into_a_large_index_merges_its_pairs_a_bounded_step_only(tmp_path,
                                                                             monkeypatch):
    # Optimizing rewrites the whole pairs index (0.7 GB at a million articles): a catch-up
    # that adds a small share of the index merges a bounded number of pages instead.
    from reader.search.substring import SubstringStore

    monkeypatch.setattr(index_module, "PARALLEL_MIN_DOCS", 20)
    calls: list[str] = []
    optimize, merge_some = SubstringStore.optimize, SubstringStore.merge_some
    monkeypatch.setattr(SubstringStore, "optimize",
                        lambda self: (calls.append("optimize"), optimize(self))[1])
    monkeypatch.setattr(SubstringStore, "merge_some",
                        lambda self, pages: (calls.append(f"merge {pages}"),
                                             merge_some(self, pages))[1])
    index = SearchIndex.open(tmp_path)
    index.update(docs(150), [])  # the whole index is new: optimized in the store's process
    assert calls == []
    calls.clear()
    index.update(docs(25, start=500), [])  # a sixth of it
    assert calls == [f"merge {index_module.MERGE_PAGES}"]
    whole = SearchIndex.open(tmp_path / "whole")
    whole.rebuild(docs(150) + docs(25, start=500))
    assert answers(index) == answers(whole)
    index.close()
    whole.close()
