"""The word ranking over candidates (reader/search/ranking.py) gives Whoosh's own BM25F.

Whoosh stays the ranking index; ranking.py only reads its postings and field lengths
directly, for the candidates the substring store found.  So for every query the scores
must be the ones Whoosh's searcher gives to the same documents, on an index of two
segments with deleted documents (what an update leaves behind).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.search import SearchIndex, parse_query
from reader.search.ranking import word_tree
from reader.search.words import word_query
from tests.search.conftest import seed_docs

QUERIES = ["网格员", "嘎查", "党建 服务", "乌兰察布 OR 鄂尔多斯", "志愿服务", "社区 -物业", "的", "LED"]


@pytest.fixture(scope="module")
def updated_index(tmp_path_factory):
    docs = seed_docs()
    index = SearchIndex.open(tmp_path_factory.mktemp("ranking"))
    index.rebuild(docs[: len(docs) // 2])
    # A second segment, and deleted documents in the first (replaced and removed ones).
    changed = [replace(d, body=d.body + " 网格员") for d in docs[:40]]
    index.update(changed + docs[len(docs) // 2 :], deletes=[d.id for d in docs[40:60]])
    yield index
    index.close()


def _whoosh_scores(words, text: str, among: set[int]) -> dict[int, float]:
    query = word_query(parse_query(text).root)
    searcher = words.searcher()
    docnums = words.docnums()
    allowed = {docnums[i] for i in among if i in docnums}
    results = searcher.search(query, filter=allowed, limit=None)
    ids = {n: i for i, n in docnums.items()}
    return {ids[docnum]: score for score, docnum in results.top_n}


@pytest.mark.parametrize("text", QUERIES)
def test_scores_are_whooshs_bm25f_over_the_same_documents(updated_index, text):
    words = updated_index._words
    assert len(words.searcher().reader().leaf_readers()) == 2
    among = updated_index.ids_containing(parse_query(text).terms[0].text) | set(range(1, 200))
    expected = _whoosh_scores(words, text, among)
    tree = word_tree(parse_query(text).root)
    got = dict(words.top(tree, among, limit=len(among) + 1, date_rank={}))
    assert expected, text
    assert got.keys() == expected.keys()
    for doc_id, score in expected.items():
        assert got[doc_id] == pytest.approx(score, rel=1e-6), (text, doc_id)


def test_the_best_come_first_and_a_short_page_is_the_head_of_the_long_one(updated_index):
    # (Ties going to the newest: test_ranking.py's test_ties_go_to_the_newest.)
    words = updated_index._words
    tree = word_tree(parse_query("网格员").root)
    among = updated_index.ids()
    everything = words.top(tree, among, limit=len(among), date_rank={})
    scores = [score for _, score in everything]
    assert len(scores) > 40 and scores == sorted(scores, reverse=True)
    assert words.top(tree, among, limit=3, date_rank={}) == everything[:3]


def test_field_lengths_are_read_a_column_at_once_and_are_whooshs(updated_index, monkeypatch):
    """The ranker reads each segment's field lengths in one read of its column (a seek and a
    read a document took 1.2 s of CPU at 100k articles, before the first answer)."""
    from whoosh.reading import SegmentReader
    from whoosh.util.numeric import length_to_byte

    from reader.search.ranking import _lengths
    from reader.search.words import WORD_FIELDS

    field = WORD_FIELDS[0]
    leaves = [reader for reader, _offset in updated_index._words.searcher().reader().leaf_readers()]
    expected = [bytes(length_to_byte(reader.doc_field_length(n, field, 0))
                      for n in range(reader.doc_count_all())) for reader in leaves]
    assert any(any(codes) for codes in expected)

    def one_at_a_time(*_args, **_kwargs):
        raise AssertionError("field lengths read a document at a time")

    monkeypatch.setattr(SegmentReader, "doc_field_length", one_at_a_time)
    assert [_lengths(reader, field) for reader in leaves] == expected


@pytest.mark.parametrize("token", ["网格员", "的", "社区", "服务", "嘎查"])
def test_one_word_ranked_from_its_postings_alone_is_the_general_ranking(updated_index, token):
    """A one-word query is ranked from its postings' lists (`_top_of_one`); the general path
    (the same word as the only part of an AND) gives the same page, scores, ties and all,
    whether its best postings are all among the candidates or some are filtered out."""
    words = updated_index._words
    ranks = updated_index._ranks()
    one = ("tokens", (token,))
    general = ("and", (one,))
    everything = updated_index.ids()
    matching = updated_index.ids_containing(token)
    best = [doc_id for doc_id, _ in words.top(one, everything, limit=5, date_rank=ranks)]
    filtered = everything - set(best[::2])  # the best postings partly outside the candidates
    every_third = {doc_id for doc_id in everything if doc_id % 3 == 0}
    assert len(best) == 5, token
    for among in (everything, matching, filtered, every_third):
        for limit in (1, 3, 20, len(everything) + 1):
            expected = words.top(general, among, limit=limit, date_rank=ranks)
            assert words.top(one, among, limit=limit, date_rank=ranks) == expected, (token, limit)
    assert not set(best[::2]) & {i for i, _ in words.top(one, filtered, 20, ranks)}


@pytest.mark.parametrize("text", ["党员 OR 干部", "社区 OR 服务 OR 的", "网格员 OR 嘎查", "社区 服务",
                                  "志愿服务 OR 社区"])
def test_every_indexed_article_as_candidates_ranks_as_the_given_set_of_them(updated_index, text):
    """`top` over every indexed article (among=None, the proven path: words joined by OR
    summed a map at a time, others through the general path with only the best looked up)
    gives what the same articles given as a set give, scores, ties and all."""
    words = updated_index._words
    ranks = updated_index._ranks()
    tree = word_tree(parse_query(text).root)
    everything = updated_index.ids()
    for limit in (1, 5, 20, len(everything) + 1):
        expected = words.top(tree, everything, limit=limit, date_rank=ranks)
        assert expected, text
        assert words.top(tree, None, limit=limit, date_rank=ranks) == expected, (text, limit)
    dropped = {doc_id for doc_id, _ in words.top(tree, everything, limit=3, date_rank=ranks)}
    expected = words.top(tree, everything - dropped, limit=20, date_rank=ranks)
    assert words.top(tree, None, 20, ranks, excluded=dropped) == expected
