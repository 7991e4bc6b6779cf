"""Tests for reader.ingest.dates: the five seed pages, then one rule at a time."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.ingest import dates
from reader.ingest.dates import infer_issue_date
from reader.models import DATE_PRECISIONS, IssueDate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_paragraphs(number: str) -> list[str]:
    """A seed's body lines: non-blank, without quote-box lines (——…, ★…, **★…)."""
    (path,) = SEEDS.glob(f"{number}_*.txt")
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith(("——", "★", "**★"))]


def infer(*paragraphs: str) -> tuple[str | None, str]:
    date = infer_issue_date(paragraphs)
    return date.value, date.precision


# --- the seed pages ---------------------------------------------------------------------------

@pytest.mark.parametrize(("number", "expected", "cues"), [
    ("000", ("2024-01", "month"), ("1月10日 (→2024-01-10)", "寒冬腊月")),
    ("001", ("2021-01", "month"), ("2020年以来", "隆冬")),
    ("002", ("2022-07", "month"), ("喜迎二十大 (before 2022-10-16)", "6月底 (→2022-06-28)", "夏日")),
    ("003", ("2023-06", "month"), ("学习贯彻党的二十大 (after 2022-10-16)", "6月17日 (→2023-06-17)")),
    ("004", ("2025-01", "month"), ("2024年12月31日", "2025年如约而至")),
])
def test_seed(number, expected, cues):
    date = infer_issue_date(seed_paragraphs(number))
    assert (date.value, date.precision) == expected
    for cue in cues:
        assert cue in date.evidence


def test_seed_004_ignores_the_future_target():
    date = infer_issue_date(seed_paragraphs("004"))
    assert not any("2026" in e for e in date.evidence)


# --- explicit dates, year-months and past years -----------------------------------------------

def test_explicit_date_gives_its_month():
    assert infer("2024年3月10日,全市召开推进会。") == ("2024-03", "month")


def test_explicit_date_late_in_month_gives_next_month():
    assert infer("2024年3月28日,全市召开推进会。") == ("2024-04", "month")


def test_latest_explicit_date_wins():
    assert infer("2019年5月1日开工。", "2024年8月9日竣工。") == ("2024-08", "month")


def test_year_month_is_a_year_level_lower_bound():
    assert infer("2023年6月,她来到阿拉善工作。") == ("2023", "year")


@pytest.mark.parametrize("text", ["2021年以来,累计投入资金3亿元。", "自2021年以来,他主动请缨。"])
def test_past_year_phrase_closes_the_year(text):
    assert infer(text) == ("2022", "year")


@pytest.mark.parametrize("text", ["2021年,全旗集体经济收入翻番。", "数据显示,2021年,全旗收入翻番。",
                                  "“2021年,街道成立服务队。”", "２０２１年，全旗收入翻番。"])
def test_year_opening_a_clause_closes_the_year(text):
    assert infer(text) == ("2022", "year")


def test_year_inside_a_clause_is_not_a_past_year():
    assert infer("该村2021年,收入翻番。") == (None, "unknown")


@pytest.mark.parametrize("text", ["2025年如约而至。", "我们迎来2025年。", "2025年新年的钟声敲响。"])
def test_year_arrived_opens_the_year(text):
    assert infer(text) == ("2025", "year")


@pytest.mark.parametrize("text", ["1900年以来,当地人口稳定。", "2200年以来,无事。", "12023年以来"])
def test_absurd_years_are_ignored(text):
    assert infer(text) == (None, "unknown")


# --- future phrases ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "争取在2026年底实现村集体经济收入翻番。",
    "到2030年,全市森林覆盖率达到30%。",
    "新条例将于2027年5月1日起施行。",
    "力争2026年6月前完工。",
    "确保2026年3月31日前全部完成。",
])
def test_future_phrases_are_ignored(text):
    assert infer("2023年以来,成效明显。", text) == ("2024", "year")


def test_future_month_day_is_ignored():
    assert infer("2024年3月2日开工。", "预计到9月10日完工。") == ("2024-03", "month")


# --- year-less month-day mentions -------------------------------------------------------------

def test_month_day_resolves_after_the_lower_bound_across_the_year_boundary():
    date = infer_issue_date(["2024年12月20日,项目启动。", "1月3日,首批居民入住。"])
    assert (date.value, date.precision) == ("2025-01", "month")
    assert "1月3日 (→2025-01-03)" in date.evidence


def test_month_day_in_the_same_year():
    assert infer("2024年3月1日开工。", "5月6日,主体完工。") == ("2024-05", "month")


def test_month_end_is_the_28th_and_moves_to_next_month():
    assert infer("2023年以来,成效明显。", "3月底,全部完工。") == ("2024-04", "month")


def test_month_start_is_the_5th():
    assert infer("2023年以来,成效明显。", "3月初,全部完工。") == ("2024-03", "month")


def test_this_year_month():
    assert infer("2022年,全旗收入翻番。", "今年4月,新馆开放。") == ("2023-04", "month")


def test_last_year_month_day_is_not_resolved_forward():
    assert infer("2023年以来,成效明显。", "去年12月20日,项目启动。") == ("2024", "year")


def test_month_day_alone_gives_no_estimate():
    assert infer("1月10日,人才公寓揭牌。", "6月底,嘉年华开幕。") == (None, "unknown")


def test_invalid_month_day_is_ignored():
    assert infer("2023年以来,成效明显。", "13月40日,无此日。") == ("2024", "year")


# --- milestones -------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase", ["喜迎二十大", "迎接党的二十大", "喜迎党的二十大"])
def test_before_milestone_pins_2022(phrase):
    date = infer_issue_date([f"开展“{phrase}”主题党日活动。"])
    assert (date.value, date.precision) == ("2022", "year")
    assert any("before 2022-10-16" in e for e in date.evidence)


def test_before_milestone_resolves_month_days_in_its_year():
    assert infer("庆七一 喜迎二十大", "3月5日,活动启动。") == ("2022-03", "month")


def test_before_milestone_wins_over_contradicting_year_and_says_so():
    date = infer_issue_date(["喜迎二十大", "2022年以来,累计开展活动26次。"])
    assert (date.value, date.precision) == ("2022", "year")
    assert any(e.startswith("conflict: 2022年以来") and "kept 2022" in e for e in date.evidence)


def test_before_milestone_drops_month_day_past_it():
    date = infer_issue_date(["喜迎二十大", "2022年5月3日启动。", "11月5日,活动收官。"])
    assert (date.value, date.precision) == ("2022-05", "month")
    assert any(e.startswith("conflict: 11月5日") for e in date.evidence)


def test_before_milestone_keeps_only_the_year_when_the_season_lands_after_it():
    # 2022-05 moved to winter would be 2022-12, after the congress: only 2022 is certain.
    date = infer_issue_date(["喜迎二十大", "2022年5月3日启动。", "寒冬时节,走访慰问。"])
    assert (date.value, date.precision) == ("2022", "year")
    assert "conflict: 寒冬 after 喜迎二十大 (before 2022-10-16); kept 2022" in date.evidence


@pytest.mark.parametrize("phrase", ["学习贯彻党的二十大精神", "深入学习党的二十大精神", "党的二十大以来"])
def test_after_congress_milestone(phrase):
    assert infer(f"{phrase}。") == ("2022", "year")
    assert infer(f"{phrase}。", "3月5日,培训开班。") == ("2023-03", "month")


def test_third_plenum_milestone():
    assert infer("学习党的二十届三中全会精神。") == ("2024", "year")
    assert infer("学习党的二十届三中全会精神。", "8月2日,宣讲启动。") == ("2024-08", "month")


# --- seasons ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "month"), [
    ("隆冬", "2024-12"), ("寒冬", "2024-12"), ("腊月", "2024-12"), ("寒冬腊月", "2024-12"),
    ("夏日", "2024-06"), ("盛夏", "2024-06"), ("骄阳", "2024-06"),
    ("金秋", "2024-09"), ("秋收", "2024-09"),
])
def test_season_moves_the_estimate_forward(word, month):
    # L = 2024-04-10: the estimate April lies outside these seasons, each starts later in 2024.
    assert infer("2024年4月10日,项目开工。", f"{word}时节,村里一片繁忙。") == (month, "month")


def test_season_never_moves_back_past_the_lower_bound():
    # L = 2024-07-10: spring (春耕) already passed this year, so the next spring.
    assert infer("2024年7月10日,项目开工。", "春耕时节,村里一片繁忙。") == ("2025-03", "month")


def test_season_containing_the_estimate_does_not_move_it():
    assert infer("2023年以来,成效明显。", "隆冬时节,天寒地冻。") == ("2024-01", "month")


def test_season_gives_month_to_a_year_level_bound():
    assert infer("2023年以来,成效明显。", "盛夏时节,瓜果飘香。") == ("2024-06", "month")


def test_most_mentioned_season_wins():
    assert infer("2023年以来", "夏日炎炎", "骄阳似火", "隆冬") == ("2024-06", "month")


def test_autumn_harvest_uprising_is_not_a_season():
    assert infer("2023年以来,成效明显。", "参观秋收起义纪念馆。") == ("2024", "year")


def test_season_alone_gives_no_estimate():
    assert infer("隆冬时节,天寒地冻。") == (None, "unknown")


# --- width, datelines, no cues, garbage -------------------------------------------------------

def test_full_width_digits_and_punctuation():
    assert infer("２０２４年１２月３１日，社区食堂开饭。") == ("2025-01", "month")
    assert infer("２０２３年以来，成效明显。", "１月１０日，公寓揭牌。") == ("2024-01", "month")


def test_single_dateline_with_known_year_gives_the_day():
    date = infer_issue_date(["本报北京1月6日电 全国会议召开。", "2024年以来,成效明显。"])
    assert (date.value, date.precision) == ("2025-01-06", "day")
    assert date.evidence[0].startswith("本报北京1月6日电")


def test_two_datelines_give_only_the_month():
    assert infer("本报北京1月6日电 会议召开。", "新华社上海1月8日电 展会开幕。",
                 "2024年以来,成效明显。") == ("2025-01", "month")


def test_dateline_without_a_year_gives_nothing():
    assert infer("本报北京1月6日电 全国会议召开。") == (None, "unknown")


def test_no_cues_is_unknown():
    assert infer_issue_date(["社区居民围坐一起,增进了邻里感情。"]) == IssueDate()


@pytest.mark.parametrize("paragraphs", [[], [""], ["   "], iter(()), None])
def test_empty_input_is_unknown(paragraphs):
    assert infer_issue_date(paragraphs) == IssueDate()


_VALUE_FOR = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


def test_garbage_never_raises_and_stays_consistent():
    rng = random.Random(20240110)
    cue_chars = "0123456789０１２年月日底初今去以来如约而至迎新前到将争取,，、“喜二十大届三中全会隆冬夏日金秋本报电"
    for _ in range(500):
        chars = [rng.choice(cue_chars) if rng.random() < 0.7 else chr(rng.randrange(1, 0x30000))
                 for _ in range(rng.randrange(0, 80))]
        paragraphs = ["".join(chars).encode("utf-8", "replace").decode("utf-8", "replace")]
        date = infer_issue_date(paragraphs)
        assert date.precision in DATE_PRECISIONS
        if date.precision == "unknown":
            assert date.value is None and date.evidence == ()
        else:
            assert re.fullmatch(_VALUE_FOR[date.precision], date.value)
            assert date.evidence


def test_non_string_items_are_skipped():
    assert infer_issue_date([None, 42, "2023年以来,成效明显。"]) == infer_issue_date(["2023年以来,成效明显。"])


# The date patterns carry their look-behinds after the first digit (issue 17: the regex
# engine then skips to digits); they must find exactly what the plain form finds.
_PLAIN_Y, _PLAIN_M = r"(?<!\d)(?P<y>\d{4})", r"(?<!\d)(?<!\d年)(?P<m>\d{1,2})"
_PLAIN = [
    re.compile(_PLAIN_Y + r"年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"),
    re.compile(_PLAIN_Y + r"年(?P<m>\d{1,2})月(?!\d)(?P<edge>底|初)?"),
    re.compile(r"(?<![^\s,.。;:!?“\"‘'(、—…])" + _PLAIN_Y + r"年,"),
    *(re.compile(t.replace("{Y}", _PLAIN_Y)) for t in dates.PAST_YEAR),
    *(re.compile(t.replace("{Y}", _PLAIN_Y)) for t in dates.YEAR_ARRIVED),
    *(re.compile(t.replace("{M}", _PLAIN_M)) for t in dates.YEARLESS),
]
_FAST = [dates.EXPLICIT, dates.YEAR_MONTH, dates.CLAUSE_YEAR, *dates._PAST_RES,
         *dates._ARRIVED_RES, *(rx for rx, _day in dates._YEARLESS_RES)]


#: Pieces whose every sequence of up to four is tried: digits before and after years and
#: months, the words of every pattern, and punctuation.
_PIECES = ["2024", "6", "年", "6月", "12日", "底", "初", "今年", "以来", ",", "a", "迎来", "如约而至",
           "新年", "。"]


def test_the_date_patterns_match_as_their_plain_form():
    assert len(_PLAIN) == len(_FAST)
    texts, level = [], [""]
    for _ in range(4):
        level = [text + piece for text in level for piece in _PIECES]
        texts += level
    for text in texts:
        for plain, fast in zip(_PLAIN, _FAST, strict=True):
            assert ([(m.span(), m.groupdict()) for m in plain.finditer(text)]
                    == [(m.span(), m.groupdict()) for m in fast.finditer(text)]), (plain, text)


@given(st.text(alphabet="０１２９，：；（）！？09,年月\u3000", max_size=30))
def test_half_width_is_the_translation_table(text):
    assert dates._half_width(text) == text.translate(dates.FULL_TO_HALF)
