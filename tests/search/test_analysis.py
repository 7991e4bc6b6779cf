"""The jieba tokenizer: precise-mode tokens, sequential positions, our dictionary words whole."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.search import JiebaTokenizer, analyze, configure_jieba
from reader.search.analysis import CACHE_FILE, is_configured, read_userdict

from .conftest import USERDICT

TEXT = "呼和浩特市和林格尔县的11名网格员和57名微网格员，在霍德嘎查工作。LED屏、2023年！𠀋字 Hello World"


def tokens(text: str):
    return [
        (t.text, t.pos, t.startchar, t.endchar)
        for t in JiebaTokenizer()(text, positions=True, chars=True)
    ]


def test_positions_are_sequential_from_zero():
    assert [pos for _, pos, _, _ in tokens(TEXT)] == list(range(len(tokens(TEXT))))


def test_positions_start_at_start_pos():
    toks = list(t.pos for t in JiebaTokenizer()("网格员 嘎查", positions=True, start_pos=7))
    assert toks == [7, 8]


def test_tokens_do_not_overlap_and_offsets_point_into_the_text():
    previous_end = 0
    for text, _, start, end in tokens(TEXT):
        assert start >= previous_end
        assert TEXT[start:end].lower() == text
        previous_end = end


def test_start_char_shifts_offsets():
    (tok,) = [(t.startchar, t.endchar) for t in JiebaTokenizer()("嘎查", chars=True, start_char=10)]
    assert tok == (10, 12)


def test_latin_is_lowercased_and_digits_kept():
    words = analyze(TEXT)
    assert "led" in words and "hello" in words and "world" in words
    assert "11" in words and "2023" in words
    assert not any(w != w.lower() for w in words)


def test_punctuation_and_whitespace_are_dropped():
    words = analyze("网格员，嘎查。\n  “红色物业”！？ …… ——")
    assert words == ["网格员", "嘎查", "红色物业"]


def test_single_characters_of_every_cjk_block_are_kept():
    # 𠀋 is in CJK Extension B (outside the BMP), 㐀 in Extension A.
    words = analyze("𠀋字㐀")
    assert "𠀋" in words and "㐀" in "".join(words)
    assert "".join(words) == "𠀋字㐀"


@pytest.mark.parametrize(
    "word", ["网格员", "嘎查", "微网格员", "红色物业", "党建引领", "皇甫美鲜", "乌兰察布"]
)
def test_userdict_words_stay_whole(word):
    assert word in analyze(f"近日，{word}在会上发言。")


def test_place_names_are_cut_from_their_suffix():
    assert analyze("呼和浩特市")[:2] == ["呼和浩特", "市"]


def test_tokenize_false_yields_the_value():
    (tok,) = list(JiebaTokenizer()("网格员 LED", tokenize=False))
    assert tok.text == "网格员 led"


def test_configure_is_idempotent_and_cheap(jieba_ready):
    assert is_configured()
    before = analyze("测试新词语")
    seconds = configure_jieba(jieba_ready, [USERDICT])
    assert seconds < 0.05
    assert analyze("测试新词语") == before


def test_extra_words_join_the_dictionary(jieba_ready):
    configure_jieba(jieba_ready, [USERDICT], extra_words=["狗尾巴花标签"])
    assert "狗尾巴花标签" in analyze("这是狗尾巴花标签的文章")


def test_jieba_cache_lives_in_the_cache_dir(tmp_path):
    # In a fresh process: in this one, whichever test configured jieba first chose the dir.
    code = (
        "import sys, tempfile; from pathlib import Path; import jieba\n"
        "from reader.search import configure_jieba, analyze\n"
        "seconds = configure_jieba(Path(sys.argv[1]), [Path(sys.argv[2])])\n"
        "assert jieba.dt.tmp_dir == sys.argv[1] and analyze('网格员') == ['网格员']\n"
        "print(seconds)\n"
    )
    cache = tmp_path / "cache"
    result = subprocess.run(
        [sys.executable, "-c", code, str(cache), str(USERDICT)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no INFO lines from jieba
    assert (cache / CACHE_FILE).stat().st_size > 1_000_000


def test_userdict_reader_skips_comments(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("# comment\n\n嘎查 3000\n苏木\n网格员 12 n\n", encoding="utf-8")
    assert read_userdict(path) == [("嘎查", 3000), ("苏木", None), ("网格员", 12)]


def test_shipped_userdict_has_the_domain_words():
    words = {w for w, _ in read_userdict(USERDICT)}
    for word in [
        "嘎查",
        "苏木",
        "网格员",
        "党建引领",
        "呼和浩特",
        "皇甫美鲜",
        "鄂托克前旗",
        "三会一课",
    ]:
        assert word in words
    assert all(freq is not None for _, freq in read_userdict(USERDICT))


def test_the_word_test_is_isalnum_for_every_code_point():
    from reader.search.analysis import _keep

    differ = [c for c in map(chr, range(0x110000)) if _keep(c) != c.isalnum()]
    assert differ == []


def test_cutting_block_by_block_gives_jiebas_words_for_the_whole_text():
    import jieba

    from reader.search.analysis import _cut

    from .conftest import seed_docs

    texts = [TEXT] + [d.body for d in seed_docs()[:200]]
    for text in texts + texts:  # the second time from the cache
        assert list(_cut(text)) == list(jieba.cut(text, HMM=True))


def test_a_new_word_is_cut_whole_after_its_blocks_were_remembered(jieba_ready):
    text = "他们说碧螺蛸蛸嵴很好。"
    assert "碧螺蛸蛸嵴" not in analyze(text)
    configure_jieba(jieba_ready, [], extra_words=["碧螺蛸蛸嵴"])
    assert "碧螺蛸蛸嵴" in analyze(text)
