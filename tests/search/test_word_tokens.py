"""The word index's tokens (`analysis.word_counts`, `analyze`) are the tokenizer's, exactly
(issue 17): the writer takes each block's tokens ready from a cache filled by cutting the
new blocks together, the query side and Whoosh's tokenizer take them word by word; both
must cut alike, with jieba or jieba-rs, with the cache full or empty, for any text.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.search import analysis
from reader.search.analysis import (
    MAX_RUN,
    JiebaTokenizer,
    analyze,
    start_compiled_cutting,
    stop_compiled_cutting,
    word_counts,
)

from .conftest import seed_docs

#: Pieces of text as pages have them, and what breaks cutting: ASCII punctuation jieba keeps
#: in blocks, runs of three, letters of other scripts, CJK outside jieba's range, spacing.
PIECES = st.one_of(
    st.sampled_from(["党建引领", "网格员", "呼和浩特市", "和林格尔县", "LED屏", "Hello",
                     "World", "2023年", "3.5%", "C++", "9-1X", "a_b", "临临临", "哈哈哈哈",
                     "，", "。", "、", "\n", " ", "\u3000", "《", "》", "𠀋", "ä", "Ωμέγα",
                     "カタカナ", "한국", "١٢٣", "_", "——", "蛸嵴碧螺蛸"]),
    st.text(alphabet="党建引领基层治理网格员走访群众abcXYZ019+#&._%-", min_size=1, max_size=8),
    st.text(st.characters(codec="utf-8"), max_size=6),
)
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def reference(text: str) -> list[str]:
    """The tokenizer's token texts, word by word."""
    return [token.text for token in JiebaTokenizer()(text)]


@pytest.fixture(params=["jieba", "jieba-rs"])
def cutting(request, jieba_ready):
    if request.param == "jieba-rs":
        assert start_compiled_cutting()
    analysis.clear_cut_caches()
    yield request.param
    stop_compiled_cutting()
    analysis.clear_cut_caches()


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_any_text_gives_the_tokenizers_tokens(cutting, text):
    assert analyze(text) == reference(text)
    assert word_counts(text) == Counter(reference(text))
    assert analyze(text) == reference(text)  # the second time from the cache


def test_the_seed_pages_give_the_tokenizers_tokens(cutting):
    texts = [d.body for d in seed_docs()] + [d.title for d in seed_docs() if d.title]
    assert [analyze(t) for t in texts] == [reference(t) for t in texts]


def test_a_full_cache_is_emptied_and_refilled(cutting, monkeypatch):
    monkeypatch.setattr(analysis, "CUT_CACHE", 8)
    texts = [d.body for d in seed_docs()[:60]]
    assert [word_counts(t) for t in texts] == [Counter(reference(t)) for t in texts]
    # Bounded: CUT_CACHE blocks, or the blocks of the last text when it has more.
    assert len(analysis._known) <= max(8, len(set(analysis._BLOCK.split(texts[-1]))))
    # A text of more distinct blocks than the cache holds is still cut whole.
    many = "，".join(f"第{n}号网格员" for n in range(40))
    assert analyze(many) == reference(many)


def test_a_long_run_is_cut_as_the_tokenizer_cuts_it(cutting):
    text = "开头，" + "基层治理网格员走访" * (MAX_RUN // 4) + "abc" * 200 + "。结尾"
    assert analyze(text) == reference(text)
    assert word_counts(text) == Counter(reference(text))
