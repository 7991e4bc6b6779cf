"""Paper, date, page number and page name: every source, and which wins when they disagree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.catalogue import Code
from reader.errors import IngestError
from reader.ingest import parse_page, read_page
from reader.ingest.pagemeta import (
    header_meta,
    parse_date,
    parse_page_number,
    path_meta,
)
from reader.ingest.sidecar import read_sidecar
from reader.models import PageMeta
from tests.ingest.conservation import check_conservation

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))

BODY = (
    "坚持以人民为中心的发展思想\n\n"
    "本报记者  张  洋\n\n"
    "2023年以来，各地把基层治理放在突出位置。记者近日在多地采访看到，网格员走村入户，把问题解决在家门口。\n\n"
    "群众说，现在办事方便多了。\n"
)


def page_text(header: str | None = None) -> str:
    return (f"{header}\n\n" if header else "") + BODY


# -- the header line ------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("人民日报 2025年3月5日 星期三 第10版 理论", PageMeta("人民日报", "2025-03-05", 10, "理论")),
    ("光明日报  2025年01月07日  第11版  理论", PageMeta("光明日报", "2025-01-07", 11, "理论")),
    ("2025年7月15日 星期二 第13版：综合", PageMeta(None, "2025-07-15", 13, "综合")),
    ("第5版：评论", PageMeta(None, None, 5, "评论")),
    ("第05版：要闻", PageMeta(None, None, 5, "要闻")),
    ("《 人民日报 》（ 2025年01月07日   第 19 版）", PageMeta("人民日报", "2025-01-07", 19, None)),
    ("经济日报 | 2025年01月07日 | 第05版 | 要闻", PageMeta("经济日报", "2025-01-07", 5, "要闻")),
    ("黑龙江日报 2025-07-15 第A03版：评论", PageMeta("黑龙江日报", "2025-07-15", 3, "评论")),
    ("版次：19  版名：党建  日期：2025-01-07", PageMeta(None, "2025-01-07", 19, "党建")),
    ("人民日报海外版 ２０２５年０１月０７日 第０３版", PageMeta("人民日报海外版", "2025-01-07", 3, None)),
    ("2025年3月5日 星期三", PageMeta(None, "2025-03-05", None, None)),
    ("人民日报", PageMeta("人民日报", None, None, None)),
    ("鹤壁日报 2016年2月3日 星期三 第RB01版: 日报01版", PageMeta("鹤壁日报", "2016-02-03", 1, "日报01版")),
    ("A01 重点  2025年4月29日 星期二  齐鲁晚报", PageMeta("齐鲁晚报", "2025-04-29", 1, "重点")),
    ("《柚都平和》 第434期 第4版:五江之源", PageMeta("柚都平和", None, 4, "五江之源")),
    ("国际  8" + " " * 36 + "新华每日电讯  2026年5月12日 星期二",
     PageMeta("新华每日电讯", "2026-05-12", 8, "国际")),
])
def test_header_lines_are_recognised(line, expected):
    assert header_meta(line) == expected


@pytest.mark.parametrize("line", [
    "知行合一",
    "“红色业委会”激活小区治理“一池春水”",
    "2025年1月6日，记者来到村里，看到了新变化。",
    "本报北京7月14日电（记者 董丝雨）",
    "赤峰市 2025年 工作要点",
    "本报记者  张  洋",
    "北京青年报",  # a paper's name alone is a header only for a paper we know
    "2025年2月30日 星期三",  # not a date
    "要闻 2025年3月5日",  # a word before a date, with no page number after it
    "2025年3月5日 8",
])
def test_text_lines_are_not_headers(line):
    assert header_meta(line) is None


def test_a_header_line_is_page_metadata_not_a_title_and_no_text_is_lost():
    header = "人民日报 2025年3月5日 星期三 第10版 理论"
    text = page_text(header)
    page = parse_page(text, source="page.txt")
    assert page.header == header
    assert [item.title for item in page.items] == ["坚持以人民为中心的发展思想"]
    assert all(header not in p for item in page.items for p in item.paragraphs)
    assert (page.paper, page.page_number, page.page_name) == ("人民日报", 10, "理论")
    assert (page.date.value, page.date.precision, page.date_source) == ("2025-03-05", "day",
                                                                         "header")
    assert check_conservation(text, page) == []


def test_header_lines_at_the_top_combine_and_later_dates_stay_text():
    text = "人民日报\n2025年3月5日 星期三\n第10版 理论\n\n" + BODY + "\n2025年3月6日\n"
    page = parse_page(text)
    assert page.header == "人民日报\n2025年3月5日 星期三\n第10版 理论"
    assert (page.paper, page.date.value, page.page_number) == ("人民日报", "2025-03-05", 10)
    assert check_conservation(text, page) == []


def test_without_a_header_the_page_parses_as_before():
    page = parse_page(page_text(), source="page.txt")
    assert page.header is None and page.paper is None and page.page_number is None
    assert page.date_source == "inferred"


# -- the file name and folders ----------------------------------------------------------------


@pytest.mark.parametrize(("path", "expected"), [
    ("rmrb_20250107_p19.txt", PageMeta("人民日报", "2025-01-07", 19, None)),
    ("人民日报/2025/01/07/19-党建.txt", PageMeta("人民日报", "2025-01-07", 19, "党建")),
    ("2025-01-07_第19版_党建.txt", PageMeta(None, "2025-01-07", 19, "党建")),
    ("20250107-19.txt", PageMeta(None, "2025-01-07", 19, None)),
    ("rmrb2025010719.txt", PageMeta("人民日报", "2025-01-07", 19, None)),
    ("gmrb-2025-01-07-11.txt", PageMeta("光明日报", "2025-01-07", 11, None)),
    ("hljrb_20250715_A03.txt", PageMeta("黑龙江日报", "2025-07-15", 3, None)),
    ("JJRB_20250107_P05.md", PageMeta("经济日报", "2025-01-07", 5, None)),
    ("/home/u/xxsb/2025-01-07/05.txt", PageMeta("学习时报", "2025-01-07", 5, None)),
    ("C:\\报纸\\湖北日报\\20250107\\19.txt", PageMeta("湖北日报", "2025-01-07", 19, None)),
    ("glrb_20250301_第3版_要闻.txt", PageMeta("桂林日报", "2025-03-01", 3, "要闻")),
    ("第19版.txt", PageMeta(None, None, 19, None)),
])
def test_file_names_and_folders(path, expected):
    assert path_meta(path) == expected


@pytest.mark.parametrize("path", [
    *(str(seed) for seed in SEEDS),          # 000_56361530f2265878.txt: no page 0, no date
    "001_f647707586ad7244.txt",
    "我的笔记.txt", "hostile.txt", "page.txt", "tests/eval/pages/renmin_style.txt",
    "/tmp/pytest-of-root/pytest-12/test_import0/page.txt",
    "56361530f2265878.txt", "20250230_19.txt",
])
def test_names_without_metadata_say_nothing(path):
    assert path_meta(path) == PageMeta()


def test_the_seeds_keep_their_inferred_dates():
    for seed in SEEDS:
        page = parse_page(read_page(seed), source=seed.name, path=str(seed))
        assert page.date_source == "inferred", seed.name
        assert page.paper is None and page.page_number is None and page.header is None
        assert page.page_name == "先锋" or page.page_name is None


# -- the sidecar ----------------------------------------------------------------------------


def test_a_sidecar_gives_folder_fields_and_a_files_own_entry_wins(tmp_path):
    (tmp_path / "page.json").write_text(json.dumps({
        "paper": "人民日报", "date": "2025-01-07", "page_name": "要闻",
        "files": {"b.txt": {"page_number": 19, "page_name": "党建"}},
    }, ensure_ascii=False), encoding="utf-8")
    assert read_sidecar(tmp_path / "a.txt") == PageMeta("人民日报", "2025-01-07", None, "要闻")
    assert read_sidecar(tmp_path / "b.txt") == PageMeta("人民日报", "2025-01-07", 19, "党建")


def test_no_sidecar_says_nothing(tmp_path):
    assert read_sidecar(tmp_path / "a.txt") == PageMeta()


@pytest.mark.parametrize(("content", "words", "code"), [
    ("{not json", "not valid JSON", Code.SIDECAR_NOT_JSON),
    ("[1, 2]", "one JSON object", Code.SIDECAR_NOT_OBJECT),
    ('{"files": [1]}', "must map file names", Code.SIDECAR_BAD_FILES),
    ('{"files": {"a.txt": 5}}', "the entry of a.txt", Code.SIDECAR_BAD_ENTRY),
    ('{"date": "someday"}', "is not a date", Code.SIDECAR_BAD_DATE),
    ('{"files": {"a.txt": {"page_number": "x"}}}', "is not a page number", Code.SIDECAR_BAD_PAGE),
    ('{"paper": ["人民日报"]}', "must be text", Code.SIDECAR_NOT_TEXT),
])
def test_a_broken_sidecar_is_reported_in_one_sentence(tmp_path, content, words, code):
    (tmp_path / "page.json").write_text(content, encoding="utf-8")
    with pytest.raises(IngestError, match=words) as error:
        read_sidecar(tmp_path / "a.txt")
    assert error.value.code == Code.CANNOT_READ and error.value.params["reason"].code == code
    assert str(error.value).startswith("Cannot read ") and str(error.value).endswith(".")


# -- which source wins ----------------------------------------------------------------------


def test_each_source_alone_is_marked_with_its_name():
    side = PageMeta("学习时报", "2025-02-03", 7, "理论")
    cases = [
        (parse_page(page_text(), user=side), "user"),
        (parse_page(page_text("学习时报 2025年2月3日 第7版 理论")), "header"),
        (parse_page(page_text(), source="xxsb_20250203_p7.txt"), "filename"),
        (parse_page(page_text(), sidecar=side), "sidecar"),
    ]
    for page, source in cases:
        assert (page.paper, page.date.value, page.page_number) == ("学习时报", "2025-02-03", 7)
        assert page.date_source == source
        assert dict(page.meta_sources)["paper"] == source
    inferred = parse_page(page_text())
    assert inferred.date_source == "inferred" and inferred.date.value == "2024"  # 2023年以来
    assert dict(inferred.meta_sources) == {"date": "inferred"}


def test_a_header_wins_over_the_file_name():
    page = parse_page(page_text("光明日报 2025年1月8日 第11版 理论"),
                      source="rmrb_20250107_p19.txt")
    assert (page.paper, page.date.value, page.page_number, page.page_name) == (
        "光明日报", "2025-01-08", 11, "理论")
    assert page.date_source == "header"


def test_the_user_wins_over_header_and_file_name():
    page = parse_page(page_text("光明日报 2025年1月8日 第11版 理论"),
                      source="rmrb_20250107_p19.txt",
                      user=PageMeta("经济日报", "2025-01-09", 3, "评论"))
    assert (page.paper, page.date.value, page.page_number, page.page_name) == (
        "经济日报", "2025-01-09", 3, "评论")
    assert page.date_source == "user"
    assert set(dict(page.meta_sources).values()) == {"user"}


def test_the_file_name_wins_over_a_sidecar_and_a_sidecar_over_the_text():
    side = PageMeta("学习时报", "2024-12-30", 2, "要闻")
    page = parse_page(page_text(), source="rmrb_20250107_p19.txt", sidecar=side)
    assert (page.paper, page.date.value, page.page_number) == ("人民日报", "2025-01-07", 19)
    assert page.page_name == "要闻"  # the name gives no page name: the sidecar's fills it
    assert dict(page.meta_sources) == {"paper": "filename", "date": "filename",
                                       "page_number": "filename", "page_name": "sidecar"}
    seed = SEEDS[0]
    over_seed = parse_page(read_page(seed), source=seed.name, sidecar=PageMeta(date="2024-01-15"))
    assert (over_seed.date.value, over_seed.date_source) == ("2024-01-15", "sidecar")
    assert over_seed.page_name == "先锋"  # from the page's own masthead
    assert dict(over_seed.meta_sources)["page_name"] == "text"


def test_fields_combine_across_sources():
    # The user names the paper only; the header gives the date, the file name the page.
    page = parse_page(page_text("2025年7月15日 星期二"), source="p13.txt",
                      user=PageMeta(paper="人民日报"))
    assert (page.paper, page.date.value, page.page_number) == ("人民日报", "2025-07-15", 13)
    assert dict(page.meta_sources) == {"paper": "user", "date": "header",
                                       "page_number": "filename"}


def test_a_user_date_keeps_its_precision():
    page = parse_page(page_text(), user=PageMeta(date="2025-01"))
    assert (page.date.value, page.date.precision, page.date_source) == ("2025-01", "month", "user")


# -- what the user may type -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("2025-01-07", "2025-01-07"), ("2025/1/7", "2025-01-07"), ("20250107", "2025-01-07"),
    ("2025年1月7日", "2025-01-07"), ("2025-01", "2025-01"), ("2025年1月", "2025-01"),
    ("2025", "2025"), ("2025-02-30", None), ("明天", None), ("25-01-07", None),
])
def test_dates_the_user_types(text, value):
    assert parse_date(text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("19", 19), ("019", 19), ("第19版", 19), ("p19", 19), ("A03", 3), ("RB01", 1), (19, 19),
    ("0", None), ("十九", None), ("1234", None),
])
def test_page_numbers_the_user_types(text, value):
    assert parse_page_number(text) == value


@pytest.mark.parametrize("path", ["工作简报/2025年/会议.txt", "/home/u/剪报/文章.txt",
                                  "情况通报/第3期.txt"])
def test_folders_named_like_reports_are_not_papers(path):
    assert path_meta(path).paper is None


def test_a_header_names_a_paper_by_its_ending():
    assert header_meta("北方新报 2017年3月7日 星期二 01版") == PageMeta(
        "北方新报", "2017-03-07", 1, None)
