"""A search among few articles (a narrow filter, a rare phrase's matches; issue 17): the
words' postings are looked up block by block for those articles only (postings.
segment_weights, ranking.LOOKUP_SHARE), and a term is looked for in their text rather than
in its grams (matching.CHECK_WITHIN).  Both must give exactly the page and total of reading
everything: the same articles, order, scores, match kinds and snippets, on an index of
several segments with replaced and deleted articles (stale grams rows) and notes."""

from __future__ import annotations

import random

import pytest

from reader.search import matching, parse_query, ranking
from reader.search.postings import segment_postings, segment_weights
from tests.search.conftest import index_with_stale_rows, total_and_page, whooshs_own_index

QUERIES = ["网格员", "社区", "党建", "的", "志愿服务", "社区 -物业", "党建 OR 嘎查",
           "社区 网格员", '"党建引领"', "网格员 OR 志愿服务 -物业"]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    index = index_with_stale_rows(tmp_path_factory.mktemp("few"), " 社区网格员")
    yield index
    index.close()


def _search(index, text, allowed, monkeypatch, lookup: bool, read: bool):
    """`lookup`: every word's postings looked up for the articles (never read whole);
    `read`: every term looked for in the articles' text (never in its grams)."""
    monkeypatch.setattr(ranking, "LOOKUP_SHARE", 0 if lookup else 10**9)
    monkeypatch.setattr(matching, "CHECK_WITHIN", 10**9 if read else 0)
    monkeypatch.setattr(matching, "CHECK_SHARE", 1 if read else 10**9)
    index.forget_answers()
    return total_and_page(index.search(parse_query(text), allowed=allowed, limit=20))


@pytest.mark.parametrize("text", QUERIES)
def test_few_articles_are_ranked_and_found_as_when_everything_is_read(index, monkeypatch,
                                                                      text):
    ids = sorted(index.ids())
    rng = random.Random(text)
    for size in (1, 3, 12, 60):
        allowed = set(rng.sample(ids, size))
        expected = _search(index, text, allowed, monkeypatch, lookup=False, read=False)
        assert _search(index, text, allowed, monkeypatch, lookup=True, read=False) == expected
        assert _search(index, text, allowed, monkeypatch, lookup=False, read=True) == expected
        assert _search(index, text, allowed, monkeypatch, lookup=True, read=True) == expected


def test_a_narrow_filter_reads_neither_every_posting_nor_every_gram(index, monkeypatch):
    """At the default thresholds, on an index of a million articles: two articles among
    them are looked up, not 党建's every posting or every article holding its pairs."""
    words = index._searching.words
    store = index._store
    monkeypatch.setattr(matching, "CHECK_SHARE", 1)  # the index is small: as if it were not

    def nowhere(*_args, **_kwargs):
        raise AssertionError("every posting or every gram was read")

    monkeypatch.setattr(words.ranker().postings(), "postings", nowhere)
    monkeypatch.setattr(store, "find", nowhere)
    holding = sorted(i for i, flags in store.fields_with("党建", None).items() if flags)
    allowed = set(holding[:2]) | {max(index.ids())}
    monkeypatch.setattr(ranking.WordRanker, "doc_frequency", lambda self, token: 10**6)
    index.forget_answers()
    result = index.search(parse_query("党建"), allowed=allowed, limit=20)
    assert {h.id for h in result.hits} >= set(holding[:2]) and result.total >= 2


def test_weights_looked_up_by_block_are_the_postings_in_whooshs_own_segments(tmp_path):
    # Whoosh's own writer: blocks of 128, a common word spans several.
    ix = whooshs_own_index(tmp_path)
    rng = random.Random(7)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        count = reader.doc_count_all()
        for token in ("的", "社区", "网格员", "没有这个词"):
            docnums, weights = segment_postings(reader, "text", token)
            every = dict(zip(docnums, weights, strict=True))
            samples = [sorted(rng.sample(range(count), min(size, count)))
                       for size in (1, 5, 40, count)]
            # Each block's first and last documents, alone (a block's header names its last).
            samples += [docnums[127::128], docnums[128::128], docnums[-1:], docnums[:1]]
            for wanted in samples:
                size = len(wanted)
                assert segment_weights(reader, "text", token, wanted) == \
                    {d: every[d] for d in wanted if d in every}, (token, size)
        assert reader.doc_frequency("text", "的") > 128
