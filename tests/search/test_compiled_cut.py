"""jieba-rs cuts exactly as jieba (compiled_cut.py): the word index's tokens must not change.

The query side cuts with jieba and the word index proves one-word terms, so an index
written with jieba-rs must hold jieba's words, block for block.
"""

from __future__ import annotations

import jieba
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jieba.finalseg import prob_emit

from reader.search import analysis
from reader.search.analysis import (
    analyze,
    configure_jieba,
    start_compiled_cutting,
    stop_compiled_cutting,
)
from reader.search.compiled_cut import PLAIN_BLOCK, CompiledCutter, suits

from .conftest import seed_docs

HAN = [chr(c) for c in range(0x4E00, 0x9FD6)]
#: Han letters the HMM has no emission for (its scores tie at the floor value there).
UNSEEN = [c for c in HAN if c not in prob_emit.P["B"] and c not in prob_emit.P["S"]]
SEEN = [c for c in HAN if c in prob_emit.P["B"]]


@pytest.fixture(scope="module")
def cutter(jieba_ready):
    analysis.load_whole_dictionary()
    found = CompiledCutter.of(jieba.dt)
    assert found is not None
    return found


@pytest.fixture
def compiled(jieba_ready):
    assert start_compiled_cutting()
    analysis.clear_cut_caches()
    yield
    stop_compiled_cutting()
    analysis.clear_cut_caches()


def _dictionary_words() -> list[str]:
    analysis.load_whole_dictionary()
    return [w for w, f in list(jieba.dt.FREQ.items())[::97] if f and PLAIN_BLOCK.fullmatch(w)]


def blocks():
    """Plain blocks as a newspaper has them: words, known and unknown letters, Latin, digits."""
    part = st.one_of(
        st.deferred(lambda: st.sampled_from(_dictionary_words())),  # jieba set up first
        st.sampled_from(SEEN),
        st.sampled_from(UNSEEN),
        st.text(alphabet="abcxyzABCXYZ0123456789", min_size=1, max_size=5),
        # a letter doubled or more (天天, 临临临): runs of three are jieba's (`suits`)
        st.builds(lambda c, n: c * n, st.sampled_from(SEEN + UNSEEN), st.integers(2, 4)),
    )
    return st.lists(part, min_size=1, max_size=12).map("".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block=blocks())
def test_a_plain_block_is_cut_as_jieba_cuts_it(cutter, block):
    if not suits(block):
        return  # left to jieba: test_a_run_of_three_letters_is_left_to_jieba
    assert cutter.cut(block) == list(jieba.cut(block, HMM=True))
    assert cutter.cut(block, hmm=False) == list(jieba.cut(block, HMM=False))


def test_the_seed_pages_give_the_same_words(jieba_ready, compiled):
    texts = [d.body for d in seed_docs()] + [d.title for d in seed_docs() if d.title]
    with_rust = [analyze(t) for t in texts]
    stop_compiled_cutting()
    analysis.clear_cut_caches()
    assert with_rust == [analyze(t) for t in texts]


def test_blocks_with_ascii_punctuation_are_left_to_jieba(jieba_ready, compiled):
    # jieba's HMM cuts 9 / - / 1X here; jieba-rs would keep "9-1x" as one token.
    text = "钭9-1X#Xb752鎴，增长3.5%，哈萨维42397Z_3汉人"
    assert analyze(text) == [w.lower() for w in jieba.cut(text, HMM=True) if analysis._keep(w)]
    assert "9-1x" not in analyze(text)


def test_a_run_of_three_letters_is_left_to_jieba(jieba_ready, compiled, cutter):
    # Where the HMM guesses words around 临临临 the two break a tie differently.
    block = "一临临临丰"
    assert cutter.cut(block) != list(jieba.cut(block, HMM=True))  # why the rule exists
    assert not suits(block) and suits("一临临丰") and not suits("9-1X")
    assert analyze("他说一临临临丰。") == [w for w in jieba.cut("他说一临临临丰。", HMM=True)
                                        if analysis._keep(w)]


def test_long_runs_are_cut_alike(jieba_ready, compiled):
    run = "党建引领基层治理" * 120 + "abc123" * 40
    with_rust = analyze(run)
    stop_compiled_cutting()
    assert with_rust == analyze(run)


def test_words_added_while_cutting_are_followed(jieba_ready, compiled):
    text = "他们说蛸嵴碧螺蛸很好，党建引领网格员走访。"
    configure_jieba(jieba_ready, [], extra_words=["蛸嵴碧螺蛸"])
    assert "蛸嵴碧螺蛸" in analyze(text)
    with_rust = analyze(text)
    stop_compiled_cutting()
    analysis.clear_cut_caches()
    assert with_rust == analyze(text)


def test_the_total_is_jiebas_not_the_sum_of_frequencies(tmp_path):
    """jieba counts a word listed twice twice in its total; the route between one word
    and two depends on the total (甲乙 whole when f(甲乙)·total > f(甲)·f(乙))."""
    dict_file = tmp_path / "dict.txt"
    dict_file.write_text("甲 12\n乙 12\n甲乙 1\n丙 80\n丙 80\n", encoding="utf-8")
    tokenizer = jieba.Tokenizer(str(dict_file))
    tokenizer.tmp_dir = str(tmp_path)
    tokenizer.initialize()
    assert tokenizer.total == 185 and sum(tokenizer.FREQ.values()) == 105
    assert list(tokenizer.cut("甲乙", HMM=False)) == ["甲乙"]  # 1 · 185 > 12 · 12
    cutter = CompiledCutter(tokenizer.FREQ, tokenizer.total)
    assert cutter.cut("甲乙", hmm=False) == ["甲乙"]
    assert cutter.cut("甲乙") == list(tokenizer.cut("甲乙", HMM=True))
    # jieba adds a word's frequency to its total even when the word was there.
    before = tokenizer.FREQ["乙"]
    tokenizer.add_word("乙", 40)
    cutter.added("乙", before, 40, tokenizer.total)
    assert tokenizer.total == 225
    assert list(tokenizer.cut("甲乙", HMM=False)) == ["甲", "乙"]  # 1 · 225 < 12 · 40
    assert cutter.cut("甲乙", hmm=False) == ["甲", "乙"]


def test_cutting_stops_and_the_dictionary_is_let_go(jieba_ready):
    assert start_compiled_cutting()
    assert analysis._setup.compiled is not None
    stop_compiled_cutting()
    assert analysis._setup.compiled is None
