"""The GB/T 7714 newspaper citation: what is known is cited, what is not is left out."""

from __future__ import annotations

from reader.export.citation import citation, copy_with_citation_text, newspaper_name
from reader.models import Author
from tests.export.conftest import make_article


def test_a_full_citation_has_every_part_in_gbt7714_order():
    article = make_article(paper="人民日报", date="2026-08-14", date_precision="day",
                           date_source="header", page_number=7, page_name="要闻")
    assert citation(article) == "宋爽, 李宝乐. 红色物业暖人心[N]. 人民日报, 2026-08-14(7)."


def test_a_known_paper_without_a_page_number_is_cited_with_the_page_name():
    article = make_article(paper="内蒙古日报", date="2024-01-05", date_precision="day",
                           date_source="user")
    assert citation(article) == "宋爽, 李宝乐. 红色物业暖人心[N]. 内蒙古日报, 2024-01-05(先锋)."


def test_an_inferred_date_is_bracketed_and_cut_to_its_precision():
    assert citation(make_article()) == "宋爽, 李宝乐. 红色物业暖人心[N]. [2024-01](先锋)."
    year = make_article(date="2024", date_precision="year", page_name=None)
    assert citation(year) == "宋爽, 李宝乐. 红色物业暖人心[N]. [2024]."


def test_unknown_parts_are_dropped_with_their_punctuation():
    unknown = dict(page_name=None, date=None, date_precision="unknown", date_source=None)
    assert citation(make_article(authors=(), **unknown)) == "红色物业暖人心[N]."
    assert citation(make_article(authors=(), title=None, column=None, **unknown)) == "[N]."


def test_role_words_sources_and_editors_are_not_authors():
    article = make_article(authors=(Author("来源", "共产党员网"), Author("编者", "编者"),
                                    Author("摄影", "董海"), Author("作者", "郝佳丽")))
    assert citation(article).startswith("郝佳丽. 红色物业暖人心[N].")


def test_a_photo_is_cited_by_its_photographer():
    photo = make_article(kind="photo", title="入户调查", authors=(Author("摄影", "董海"),))
    assert citation(photo) == "董海. 入户调查[N]. [2024-01](先锋)."


def test_more_than_three_authors_become_three_and_deng():
    names = [Author("本报记者", n) for n in ("甲", "乙", "丙", "丁")]
    assert citation(make_article(authors=tuple(names))).startswith(
        "甲, 乙, 丙, 等. 红色物业暖人心[N].")


def test_an_untitled_box_is_cited_by_its_column_label():
    box = make_article(kind="quotes", title=None, column="每周一学", authors=())
    assert citation(box) == "每周一学[N]. [2024-01](先锋)."


def test_an_unknown_paper_is_a_page_name_only_when_it_reads_as_a_paper():
    assert newspaper_name(make_article().origin) is None
    assert newspaper_name(make_article(page_name="《人民日报》").origin) == "人民日报"
    assert newspaper_name(make_article(page_name="参考消息").origin) == "参考消息"
    # A masthead parsed as the page name is the paper, not a page.
    masthead = make_article(authors=(), page_name="北方新报")
    assert citation(masthead) == "红色物业暖人心[N]. 北方新报, [2024-01]."


def test_copy_with_citation_turns_qt_separators_into_newlines():
    text = copy_with_citation_text(make_article(), " 第一段。\u2029第二段。\u2028 ")
    assert text == "第一段。\n第二段。\n\n宋爽, 李宝乐. 红色物业暖人心[N]. [2024-01](先锋)."
    assert copy_with_citation_text(make_article(), "  ") == (
        "宋爽, 李宝乐. 红色物业暖人心[N]. [2024-01](先锋).")
