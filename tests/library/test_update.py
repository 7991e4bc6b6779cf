"""Re-parses update articles in place and keep the user's tags, notes and highlights attached."""

from __future__ import annotations

import dataclasses

import pytest

from reader.library import article_sync
from reader.library.articles import MISSING_DEFECT
from reader.models import Author

from .conftest import PARAGRAPHS_A, SEEDS, counts, import_seed, item, page, sample_page, sha


def _import(library, parsed, version=1, reparse=False, name="/pages/p.txt"):
    return library.imports.import_page(name, sha("p"), 100, parsed, version, reparse=reparse)


def test_update_in_place_by_key_keeps_ids_and_keys(library):
    first = _import(library, sample_page())
    before = [(a.id, a.key) for a in library.articles.in_issue(first.issue_id)]
    changed = sample_page()
    retitled = dataclasses.replace(changed.items[1], title="新标题", authors=(Author("作者", "李四"),))
    changed = dataclasses.replace(changed, items=(changed.items[0], retitled, changed.items[2]))
    result = _import(library, changed, version=2)
    assert result.status == "updated"
    after = library.articles.in_issue(first.issue_id)
    assert [(a.id, a.key) for a in after] == before
    assert after[1].title == "新标题"
    assert [a.name for a in after[1].authors] == ["李四"]
    names = {r[0] for r in library.db.execute("SELECT name FROM authors")}
    assert "郝佳丽" not in names, "authors no article credits any more are dropped"


def test_reparsing_the_seeds_keeps_every_id(seeded):
    before = {a.id: a.key for a in seeded.articles.iter_all()}
    results = [import_seed(seeded, path, parser_version=2) for path in SEEDS]
    assert [r.status for r in results] == ["updated"] * 5
    assert {a.id: a.key for a in seeded.articles.iter_all()} == before


def _changed_parse():
    """The sample page as a new parser might see it.

    Article A: title changed, a paragraph added at the start (offsets move, its
    key changes), its first paragraph reworded slightly, its last paragraph
    rewritten (a highlighted quote vanishes).  The commentary (B) vanished;
    the briefs box (C) vanished; a new photo (D) appeared.
    """
    old = sample_page().items
    paragraphs = (
        "本报讯 记者日前从乌兰察布市委组织部获悉。",
        PARAGRAPHS_A[0].replace("围绕", "紧紧围绕"),
        PARAGRAPHS_A[1],
        PARAGRAPHS_A[2],
        "全市上下干劲十足。",
    )
    a = dataclasses.replace(old[0], title="破解机关党建“灯下黑”难题", paragraphs=paragraphs)
    d = item("守初心担使命", ("图为党员志愿者在社区服务。",), kind="photo")
    return page(a, d)


def test_a_changed_parse_keeps_user_data_attached(library):
    first = _import(library, sample_page())
    a, b, c = library.articles.in_issue(first.issue_id)
    text = a.text
    library.tags.add(a.id, ["党建"])
    library.notes.set(a.id, "灯下黑的笔记")
    moved_start = text.index("流动党建红旗")
    moved = library.highlights.add(a.id, moved_start, moved_start + 6, color="green",
                                  note="评比")
    library.tags.set_color("党建", "red")
    gone_start = text.index("帆帆劲")
    gone = library.highlights.add(a.id, gone_start, gone_start + 3)
    library.tags.add(b.id, ["观潮"])
    generation = library.generation()

    result = _import(library, _changed_parse(), version=2)

    assert result.status == "updated"
    assert library.generation() > generation
    new_a = library.articles.get(a.id)
    assert new_a.key == a.key, "the similar article keeps its old key"
    assert new_a.title == "破解机关党建“灯下黑”难题"
    assert new_a.tags == ("党建",)
    assert new_a.note == "灯下黑的笔记"
    marks = {h.id: h for h in new_a.highlights}
    assert set(marks) == {moved.id, gone.id}, "highlights are never deleted"
    re_anchored = marks[moved.id]
    assert re_anchored.start != moved.start
    assert new_a.text[re_anchored.start : re_anchored.end] == "流动党建红旗"
    assert not re_anchored.orphaned and re_anchored.note == "评比"
    assert (re_anchored.color, re_anchored.created_at) == ("green", moved.created_at)
    assert [(t.name, t.color) for t in library.tags.summaries()] == [("党建", "red"), ("观潮", None)]
    summaries = {s.article_id: s for s in library.annotations.annotated_articles()}
    assert summaries[a.id].has_note and summaries[a.id].highlight_count == 2
    assert marks[gone.id].orphaned and marks[gone.id].quote == "帆帆劲"

    # B vanished but carries a tag: kept, marked missing, listed after the page's items.
    kept = library.articles.get(b.id)
    assert kept.tags == ("观潮",)
    assert MISSING_DEFECT in kept.defects
    assert library.filters.ids_missing() == {b.id}
    # C vanished with nothing attached: deleted.
    assert c.id not in library.articles.ids()
    listed = library.articles.in_issue(first.issue_id)
    assert [x.id for x in listed][0] == a.id
    assert [x.kind for x in listed] == ["article", "photo", "commentary"]
    assert library.issues.get(first.issue_id).article_count == 3


def test_a_missing_article_comes_back_when_a_later_parse_finds_it(library):
    first = _import(library, sample_page())
    b = library.articles.in_issue(first.issue_id)[1]
    library.notes.set(b.id, "留着")
    _import(library, _changed_parse(), version=2)
    assert library.filters.ids_missing() == {b.id}
    _import(library, sample_page(), version=3)
    back = library.articles.get(b.id)
    assert MISSING_DEFECT not in back.defects and back.note == "留着"
    assert library.filters.ids_missing() == set()
    assert back.position == 1


def test_an_orphaned_highlight_is_recovered_when_its_quote_returns(library):
    first = _import(library, sample_page())
    a = library.articles.in_issue(first.issue_id)[0]
    start = a.text.index("帆帆劲")
    mark = library.highlights.add(a.id, start, start + 3)
    _import(library, _changed_parse(), version=2)
    assert library.highlights.of_article(a.id)[0].orphaned
    _import(library, sample_page(), version=3)
    back = library.highlights.of_article(a.id)[0]
    assert not back.orphaned and (back.start, back.end) == (mark.start, mark.end)


def test_issue_date_override_survives_reimport(library):
    first = _import(library, sample_page())
    library.issues.set_date(first.issue_id, "2024-01-06")
    _import(library, page(*sample_page().items, date="2023", precision="year"), version=2)
    issue = library.issues.get(first.issue_id)
    assert (issue.date, issue.date_precision, issue.date_overridden) == ("2024-01-06", "day", True)
    library.issues.set_date(first.issue_id, None)
    issue = library.issues.get(first.issue_id)
    assert (issue.date, issue.date_precision, issue.date_overridden) == ("2023", "year", False)


def test_issue_title_override_survives_reimport(library):
    first = _import(library, sample_page())
    library.issues.set_title(first.issue_id, "我的标题")
    _import(library, sample_page(), version=2)
    assert library.issues.get(first.issue_id).title == "我的标题"
    assert library.articles.in_issue(first.issue_id)[0].issue_title == "我的标题"


def test_a_failure_inside_import_leaves_nothing_half_written(library, monkeypatch):
    _import(library, sample_page(), name="/other.txt")
    before, generation = counts(library), library.generation()

    def failing(db, articles):  # after the page's articles are written, before their bylines
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] > before["articles"]
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(article_sync, "write_bylines", failing)
    with pytest.raises(RuntimeError):
        library.imports.import_page("/new.txt", sha("new"), 1, sample_page(), 1)
    assert counts(library) == before
    assert library.generation() == generation
    assert library.sources.by_sha(sha("new")) is None
    monkeypatch.undo()
    assert library.imports.import_page("/new.txt", sha("new"), 1, sample_page(), 1).status == "imported"


def test_a_failure_inside_an_update_rolls_back_to_the_old_articles(library, monkeypatch):
    first = _import(library, sample_page())
    before = library.articles.in_issue(first.issue_id)

    def failing(self, *args):
        raise RuntimeError("boom")

    monkeypatch.setattr(article_sync, "reanchor_changed", failing)
    with pytest.raises(RuntimeError):
        _import(library, _changed_parse(), version=2)
    assert library.articles.in_issue(first.issue_id) == before
    assert library.sources.by_sha(sha("p"))["parser_version"] == 1
