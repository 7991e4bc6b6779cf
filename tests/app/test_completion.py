"""Tag completion: name prefix, pinyin initials and full pinyin, substring; in that order."""

from __future__ import annotations

from reader.app.completion import complete_tags, pinyin_keys

NAMES = ["党建", "物业管理", "红色物业", "Party", "网格员", "银行"]


def test_pinyin_keys_read_words_in_context():
    assert pinyin_keys("红色物业") == ("hongsewuye", "hswy")
    assert pinyin_keys("银行") == ("yinhang", "yh")  # not xing: read as a word
    assert pinyin_keys("AI治理") == ("aizhili", "aizl")


def test_initials_and_full_pinyin_find_chinese_names():
    assert complete_tags("hswy", NAMES) == ["红色物业"]
    assert complete_tags("HSWY", NAMES) == ["红色物业"]
    assert complete_tags("hongse", NAMES) == ["红色物业"]
    assert complete_tags("hong se", NAMES) == ["红色物业"]
    assert complete_tags("wgy", NAMES) == ["网格员"]


def test_name_prefix_beats_initials_beats_substring():
    names = ["物业管理", "红色物业", "wy笔记", "五月"]
    # 物业 starts 物业管理 and occurs in 红色物业.
    assert complete_tags("物业", names) == ["物业管理", "红色物业"]
    # wy: the prefix of wy笔记, the initials of 物业管理 and 五月.
    assert complete_tags("wy", names) == ["wy笔记", "物业管理", "五月"]


def test_case_insensitive_order_kept_within_a_tier_and_limit():
    assert complete_tags("par", NAMES) == ["Party"]
    names = [f"党建{n}" for n in range(20)]
    assert complete_tags("党建", names, limit=3) == ["党建0", "党建1", "党建2"]
    assert complete_tags("dj", names, limit=2) == ["党建0", "党建1"]
    assert complete_tags("", NAMES, limit=2) == ["党建", "物业管理"]
    assert complete_tags("党", NAMES, limit=0) == []
    assert complete_tags("zzz", NAMES) == []


def test_initials_with_two_neighbours_swapped_come_last():
    names = ["红色物业", "黄山云雾", "hsyw笔记"]
    # hsyw: a name prefix, the initials of 黄山云雾, and 红色物业's hswy slipped
    assert complete_tags("hsyw", names) == ["hsyw笔记", "黄山云雾", "红色物业"]
    assert complete_tags("hs", ["红色物业"]) == ["红色物业"]  # plain prefix
    assert complete_tags("shw", ["红色物业"]) == []  # three letters: too little to guess from
    assert complete_tags("hwsy", ["红色物业"]) == ["红色物业"]
    assert complete_tags("hyws", ["红色物业"]) == []  # two swaps
