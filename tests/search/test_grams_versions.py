"""Replaced and deleted articles in the pairs index (substring.py: `stale` and `moved`).

With the text in the library, the index cannot tell FTS5 an old row's tokens, so an
article's old grams stay under a row id marked stale and its new ones go under a fresh one.
These tests hold the answers exact through every kind of change, across processes sharing
the file, and through `reader check`'s integrity checks.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.models import IndexDoc
from reader.search import SearchIndex, parse_query
from reader.search import index_writing as index_module
from reader.search.index_writing import PARALLEL_MIN_DOCS
from reader.search.words import document_fields

from .conftest import make_index

DOCS = [
    IndexDoc(id=1, title="嘎查新事", body="牧民来到嘎查。", date="2024-01"),
    IndexDoc(id=2, title="网格", body="社区设立网格员。", note="值得学习", date="2024-02"),
    IndexDoc(id=3, title="物业", body="红色物业进小区。", date="2024-03"),
]


def found(index: SearchIndex, text: str) -> set[int]:
    return {h.id for h in index.search(parse_query(text), limit=100).hits}


def test_a_replaced_article_is_found_by_its_new_text_only(tmp_path):
    index = make_index(tmp_path, DOCS)
    index.update([IndexDoc(id=1, title="草原新事", body="牧民来到苏木。", date="2024-01")], [])
    assert found(index, "嘎查") == set()            # a gram of the old text only
    assert found(index, "苏木") == {1}              # the new grams, under a fresh row id
    assert found(index, "牧民来到苏木") == {1}
    assert found(index, "牧民") == {1}              # in both: found once
    assert index._store.stale_count() == 1
    index.update([IndexDoc(id=1, title="草原新事", body="又回到嘎查。", date="2024-01")], [])
    assert found(index, "苏木") == set() and found(index, "嘎查") == {1}
    assert index._store.stale_count() == 2
    assert index.problems() is None
    index.close()


def test_deleted_then_added_again_and_many_times(tmp_path):
    index = make_index(tmp_path, DOCS)
    index.update([], [2])
    assert found(index, "网格") == set() and found(index, "学习") == set()
    index.update([IndexDoc(id=2, title="网格", body="网格员又来了。")], [])
    assert found(index, "网格员") == {2} and found(index, "学习") == set()
    for n in range(5):
        index.update([IndexDoc(id=3, title="物业", body=f"第{n}回红色物业。")], [])
    assert found(index, "第4回") == {3} and found(index, "第3回") == set()
    assert found(index, "红色物业") == {3}
    assert index.doc_count == 3 and index.problems() is None
    index.close()


def test_another_process_sees_the_changes(tmp_path):
    writer = make_index(tmp_path, DOCS)
    reader = SearchIndex.open(tmp_path)
    assert found(reader, "嘎查") == {1}
    writer.update([IndexDoc(id=1, title="草原", body="苏木新闻。")], [])
    assert found(reader, "嘎查") == set() and found(reader, "苏木") == {1}
    reader.close()
    writer.close()


def test_a_rebuild_starts_the_grams_afresh(tmp_path):
    index = make_index(tmp_path, DOCS)
    index.update([IndexDoc(id=1, title="草原", body="苏木新闻。")], [3])
    assert index._store.stale_count() == 2
    index.rebuild(DOCS)
    assert index._store.stale_count() == 0
    assert found(index, "嘎查") == {1} and found(index, "物业") == {3}
    assert index._store.conn.execute("SELECT count(*) FROM moved").fetchone()[0] == 0
    index.close()


def test_a_large_catch_up_merges_the_grams_and_gives_the_pages_back(tmp_path):
    index = make_index(tmp_path, DOCS)
    index.writer_procs = 1
    for part in range(3):
        start = 10 + part * PARALLEL_MIN_DOCS
        index.update([IndexDoc(id=n, title=f"第{n}篇", body=f"网格员第{n}次走访嘎查，编号{n * 7919}。"
                               + "".join(chr(0x4E00 + (n * k) % 20000) for k in range(60)))
                      for n in range(start, start + PARALLEL_MIN_DOCS)], [])
    conn = index._store.conn
    assert conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] < 8
    assert found(index, "第1009篇") == {1009}
    assert index.search(parse_query("嘎查")).total == 1 + 3 * PARALLEL_MIN_DOCS
    assert index.problems() is None
    index.close()


@settings(max_examples=200, deadline=None)
@given(title=st.text(alphabet=st.sampled_from("党建引领ab Z9，\n。𠀀"), max_size=12),
       body=st.text(alphabet=st.sampled_from("网格员服务群众3a \n、"), max_size=40))
def test_the_grams_are_the_characters_and_pairs_of_title_and_body(title, body):
    from reader.search.substring import grams

    doc = IndexDoc(id=1, title=title, body=body)
    made = grams(document_fields(doc)["text"]).split()
    # FTS5 keeps a row's distinct tokens: the sets are what counts, and they are exactly
    # the characters and adjacent pairs of the runs of title and body (the word index's
    # text, title and body joined by a newline, gives the same).
    expected = set()
    for text in (title, body):
        for run in re.findall(r"[0-9A-Za-z\u3400-\u4db5\u4e00-\u9fcc]+", text):
            expected.update(run)
            expected.update(run[i:i + 2] for i in range(len(run) - 1))
    assert set(made) == set(grams(title, body).split()) == expected


def test_a_parallel_write_finds_title_body_and_note(tmp_path, monkeypatch):
    """A parallel write has the grams made in the store's process: title, body and note
    are each found."""
    monkeypatch.setattr(index_module, "PARALLEL_MIN_DOCS", 10)
    docs = [IndexDoc(id=n, title=f"标题{n}号", body=f"正文第{n}篇，社区网格员。",
                     note="批注蒙古包" if n % 5 == 0 else "") for n in range(1, 41)]
    index = SearchIndex.open(tmp_path / "index")
    index.writer_procs = 2
    assert index.update(docs, []) == len(docs)
    assert index.ids_containing("标题7号") == {7}
    assert index.ids_containing("第12篇") == {12}
    assert index.ids_containing("蒙古包") == {n for n in range(1, 41) if n % 5 == 0}
    assert index.ids_containing("网格员") == set(range(1, 41))
    assert index.problems() is None
    index.close()
