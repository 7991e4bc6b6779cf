"""A long run without punctuation (issue 18, item 9): cut before jieba, found across the cut.

jieba's HMM copies its whole path at every character of a block, so a 100,000-character
run took 71 s to import; the tokenizer hands jieba blocks of at most MAX_RUN characters
(the time is measured in tests/benchmarks/test_long_run_speed.py).
"""

from __future__ import annotations

import jieba

from reader.models import IndexDoc
from reader.search import SearchIndex, analyze
from reader.search import analysis as analysis_module
from reader.search.analysis import MAX_RUN
from reader.search.query import parse_query


def test_jieba_never_sees_a_block_longer_than_max_run(monkeypatch):
    seen: list[int] = []
    real_cut = jieba.cut

    def cut(text, *args, **kwargs):
        seen.append(len(text))
        return real_cut(text, *args, **kwargs)

    monkeypatch.setattr(analysis_module.jieba, "cut", cut)
    run = "基层治理网格员走访" * 1000 + "abc" * 500
    tokens = analyze(f"开头，{run}。结尾")
    assert max(seen) <= MAX_RUN
    assert "".join(tokens[1:-1]) == run.lower()  # every character is still in a token
    assert (tokens[0], tokens[-1]) == ("开头", "结尾")


def test_short_text_is_cut_as_before():
    sentence = "自治区党委社会工作部组建以来，深入学习贯彻习近平总书记关于社会工作的重要论述"
    assert analyze(sentence) == [w for w in jieba.cut(sentence, HMM=True) if w not in "，"]


def test_a_word_across_a_cut_is_found(tmp_path):
    word = "网格员"
    # the word's first character is the last of the first piece jieba is given
    body = "甲" * (MAX_RUN - 1) + word + "乙" * (3 * MAX_RUN)
    docs = [IndexDoc(id=1, title="长段", body=body), IndexDoc(id=2, title="别的", body="没有")]
    index = SearchIndex.open(tmp_path / "index")
    index.rebuild(docs)
    result = index.search(parse_query(word))
    assert [hit.id for hit in result.hits] == [1]
    index.close()
