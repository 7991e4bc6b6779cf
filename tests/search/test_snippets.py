"""Snippets: a window of characters around the densest hits, trimmed to sentences, hits marked."""

from __future__ import annotations

from reader.search import HIT_END, HIT_START, make_snippet
from reader.search.snippets import ELLIPSIS, SLACK, WIDTH, find_hits

FILLER = "这是一段没有标点的很长的填充文字用来把命中推到远处" * 6  # 150 characters, no punctuation


def plain(snippet: str) -> str:
    return snippet.replace(HIT_START, "").replace(HIT_END, "").strip(ELLIPSIS)


def test_markers_are_the_documented_brackets():
    assert (HIT_START, HIT_END) == ("【", "】")


def test_every_hit_in_the_window_is_marked():
    text = "社区网格员走访居民。网格员记录问题，网格员上报。"
    assert make_snippet(text, ["网格员"]) == (
        "社区【网格员】走访居民。【网格员】记录问题，【网格员】上报。"
    )


def test_latin_hits_are_case_insensitive_and_keep_the_text_case():
    assert make_snippet("安装LED屏幕。", ["led"]) == "安装【LED】屏幕。"


def test_longer_terms_are_marked_before_their_parts():
    assert (
        make_snippet("微网格员和网格员。", ["网格员", "微网格员"]) == "【微网格员】和【网格员】。"
    )


def test_window_is_about_width_characters_with_ellipses_where_it_cuts():
    text = FILLER + "网格员" + FILLER
    snippet = make_snippet(text, ["网格员"])
    assert snippet.startswith(ELLIPSIS) and snippet.endswith(ELLIPSIS)
    assert "【网格员】" in snippet
    assert WIDTH - 5 <= len(plain(snippet)) <= WIDTH + 5
    # The hit sits near the middle.
    middle = plain(snippet).index("网格员")
    assert abs(middle - (WIDTH - 3) / 2) < 10


def test_window_is_trimmed_to_sentence_punctuation_nearby():
    before = "第一句说别的事情。" * 3
    sentence = "第二句讲网格员怎样走访居民并记录问题"
    after = "；第三句说另一件事情！" + "第四句继续写下去。" * 6
    text = before + sentence + after
    snippet = make_snippet(text, ["网格员"])
    # It starts where a sentence starts and ends where one ends: no ellipsis needed.
    assert not snippet.startswith(ELLIPSIS) and not snippet.endswith(ELLIPSIS)
    assert snippet[-1] in "。！？!?；;"
    assert "第二句讲【网格员】" in snippet
    assert len(plain(snippet)) <= WIDTH + 2 * SLACK


def test_the_densest_cluster_wins_over_a_lone_early_hit():
    text = "嘎查" + FILLER + "网格员与嘎查干部、网格员和牧民" + FILLER
    snippet = make_snippet(text, ["嘎查", "网格员"])
    assert "【网格员】与【嘎查】干部、【网格员】和牧民" in snippet
    assert not snippet.startswith("【嘎查】")


def test_distinct_terms_count_more_than_repeats():
    text = "党建党建党建党建" + FILLER + "党建与网格员" + FILLER
    snippet = make_snippet(text, ["党建", "网格员"])
    assert "【党建】与【网格员】" in snippet


def test_without_hits_the_opening_is_shown():
    text = "开头一句话。" + FILLER
    assert make_snippet(text, []).startswith("开头一句话。")
    assert make_snippet(text, ["不在文中"]).startswith("开头一句话。")


def test_short_text_is_shown_whole():
    assert make_snippet("网格员。", ["网格员"]) == "【网格员】。"
    assert make_snippet("", ["网格员"]) == ""


def test_paragraph_breaks_become_spaces():
    assert make_snippet("第一段。\n网格员在第二段。", ["网格员"]) == "第一段。 【网格员】在第二段。"


def test_brackets_in_the_text_cannot_be_mistaken_for_markers():
    snippet = make_snippet("【本报讯】网格员上岗。", ["网格员"])
    assert snippet == "〖本报讯〗【网格员】上岗。"
    assert snippet.count(HIT_START) == 1


def test_a_hit_at_the_window_edge_is_not_cut():
    text = FILLER + "网格员" + FILLER
    for width in range(10, 40):
        snippet = make_snippet(text, ["网格员"], width=width)
        assert "【网格员】" in snippet


def test_find_hits_reports_positions_and_terms():
    assert find_hits("网格员和LED", ["led", "网格员"]) == [(0, 3, "网格员"), (4, 7, "led")]


def test_a_closing_quote_stays_with_its_sentence():
    text = ("“这样的做法很好。”主任王蕾说。宁城县在全县划分网格2332个,选配网格长、网格员5600余名,"
            "并同步建立网格党组织,把网格打造成发现风险、解决问题的“第一阵地”。" * 2)
    snippet = make_snippet(text, ["网格"])
    assert not snippet.lstrip("…").startswith("”")
