"""Export from a real (seeded) library: selections resolved, an issue written and read back."""

from __future__ import annotations

import pytest

from reader.app.exporting import export_selection, load_items, resolve_selection
from reader.errors import ReaderError
from reader.export import ExportOptions


def first_issue(session):
    """先锋 · 2024-01 (seed 000): its third article is the photo 入户调查 by 董海."""
    return next(i for i in session.library.issues.all() if i.title == "先锋 · 2024-01")


def test_sources_are_joined_in_order_each_article_once(session):
    issue = first_issue(session)
    in_issue = [a.id for a in session.library.articles.in_issue(issue.id)]
    session.library.tags.add(in_issue[5], ["专题"])
    session.library.tags.add(in_issue[0], ["专题"])
    picked = resolve_selection(session, ids=[in_issue[2]], issue=issue.id, tag="专题")
    assert picked.ids == [in_issue[2]] + [i for i in in_issue if i != in_issue[2]]
    assert picked.heading == "先锋 · 2024-01；标签：专题"
    assert resolve_selection(session, tag="专题").ids == sorted([in_issue[0], in_issue[5]])


def test_a_query_selects_its_hits_in_rank_order(session):
    outcome = session.search("网格员", limit=100)
    picked = resolve_selection(session, query="网格员")
    assert picked.ids == [hit.id for hit in outcome.hits] and len(picked.ids) == outcome.total > 1
    assert picked.heading == "搜索：网格员"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"ids": [99999]}, "No article with id 99999."),
    ({"issue": 99999}, "No issue with id 99999."),
    ({"tag": "没有"}, "No articles are tagged 没有."),
    ({"query": "不存在的词语啊"}, "No articles match 不存在的词语啊."),
    ({}, "Nothing to export: name article ids, --tag, --query or --issue."),
])
def test_a_bad_selection_is_one_sentence(session, kwargs, message):
    with pytest.raises(ReaderError) as raised:
        resolve_selection(session, **kwargs)
    assert str(raised.value) == message


def test_an_issue_exports_with_the_annotations_of_its_articles(session, tmp_path):
    issue = first_issue(session)
    photo = session.library.articles.in_issue(issue.id)[2]
    assert photo.title == "入户调查"
    session.library.tags.add(photo.id, ["文明城市"])
    session.library.notes.set(photo.id, "可作封面")
    start = photo.text.index("开展全国文明城市宣传")
    session.library.highlights.add(photo.id, start, start + len("开展全国文明城市宣传"), note="主题")
    picked = resolve_selection(session, issue=issue.id)
    target = tmp_path / "issue.txt"
    report = export_selection(session, picked.ids, ExportOptions(), target, heading=picked.heading)
    text = target.read_text(encoding="utf-8")
    assert report.articles == 8 and report.characters == len(text)
    assert text.startswith("先锋 · 2024-01\n共 8 篇\n\n" + "=" * 40 + "\n\n“红色业委会”")
    block = text.split("=" * 40)[3]
    assert block == (
        "\n\n入户调查\n"
        "作者：摄影 董海\n"
        "出处：约2024年1月 · 先锋\n"
        "标签：文明城市\n\n"
        "日前,巴彦淖尔市乌拉特中旗组织党员干部深入包联片区,开展全国文明城市宣传和志愿服务活动。"
        "图为乌拉特中旗旗委编办干部深入包联门店开展问卷调查。\n\n"
        "笔记：可作封面\n\n"
        "划线：\n「开展全国文明城市宣传」\n  批注：主题\n\n"
        "引用：董海. 入户调查[N]. [2024-01](先锋).\n\n"
    )


def test_loading_can_be_cancelled(session):
    ids = session.library.articles.ids()
    assert load_items(session.library, ids, cancelled=lambda: True) is None
    loaded = load_items(session.library, list(reversed(ids)))
    assert [i.article.id for i in loaded.items] == list(reversed(ids))
    untitled = next(i for i in loaded.items if i.article.title is None and i.article.paragraphs)
    assert untitled.title.startswith("(无标题) ")
