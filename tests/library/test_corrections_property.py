"""Property: random corrections, re-parses and undos never lose a character of the page nor
an annotation.

Every non-space character of the page as parsed now is in exactly one live article (title,
kicker/subtitle line, subheads, paragraphs, entries, authors) or in the page's furniture;
every highlight is still there, found in its article's text (or, when a role took its line
out of the body into a headline or the furniture, kept and flagged orphaned), every note's
text is still in a note, every tag still on an article of the page.  Text edits, new titles
and bylines are left out: they change characters by design (the old text stays in the
correction and comes back with undo).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.app.corrections import CorrectionServices
from reader.app.undo import History
from reader.errors import ReaderError
from reader.library import Library
from reader.models import Author, Entry, IssueDate, Item, ParsedPage
from tests.library.conftest import sha

ROLES = ("title", "kicker", "subtitle", "subhead", "caption", "furniture")
ACTIONS = ("split", "merge", "role", "move", "kind", "undo", "reparse", "reparse")

# Paragraphs of distinct words (no ASCII comma: the changed parser turns commas full-width).
_WORDS = ["乌兰察布", "基层党建", "组织效能", "制度执行", "党组书记", "统筹谋划", "支部主抓",
          "流动党建", "红旗评比", "自我约束", "凝心聚力", "高质量发展", "联系群众", "力量源泉",
          "人才公寓", "志愿服务", "小区治理", "业主委员会", "物业公司", "议事会"]


def _paragraph(n: int) -> str:
    return f"第{n}段,{_WORDS[n % len(_WORDS)]}和{_WORDS[(n * 7 + 3) % len(_WORDS)]}的故事{n}。"


def _page(full_width: bool = False) -> ParsedPage:
    def text(t: str) -> str:
        return t.replace(",", "，") if full_width else t

    n = iter(range(100))
    items = (
        Item(title="第一篇", authors=(Author("本报记者", "王明"),),
             paragraphs=tuple(text(_paragraph(next(n))) for _ in range(5))),
        Item(title="第二篇", kind="commentary", subheads=("小标题",),
             paragraphs=tuple(text(_paragraph(next(n))) for _ in range(3))),
        Item(title=None, paragraphs=tuple(text(_paragraph(next(n))) for _ in range(2))),
        Item(kind="briefs", entries=(Entry("简讯一条。", "来源"), Entry("简讯两条。"))),
    )
    return ParsedPage(source="page.txt", page_name="先锋",
                      date=IssueDate("2024-01", "month", ("e",)), items=items)


def _chars(texts) -> Counter:
    return Counter(ch for t in texts if t for ch in t if not ch.isspace())


def _item_texts(item: Item) -> list[str]:
    return [item.title, item.kicker, item.subtitle, *item.subheads, *item.paragraphs,
            *(e.text for e in item.entries), *(e.source for e in item.entries),
            *(a.role + a.name for a in item.authors)]


def _library_texts(library: Library, page_id: int) -> list[str]:
    texts: list[str] = []
    for a in library.articles.on_page(page_id):
        if "not in the latest parse" in a.defects:
            continue
        texts += [a.title, a.subtitle, *a.subheads, *a.paragraphs,
                  *(e.text for e in a.entries), *(e.source for e in a.entries),
                  *(x.role + x.name for x in a.authors)]
    return texts + library.corrections.furniture(page_id)


def _check(library: Library, page_id: int, parse: ParsedPage, notes: set[str],
           tags: set[str], highlights: int) -> None:
    expected = _chars(t for item in parse.items for t in _item_texts(item))
    assert _chars(_library_texts(library, page_id)) == expected
    articles = library.articles.on_page(page_id)
    marks = [h for a in articles for h in a.highlights]
    assert len(marks) == highlights
    by_key = {a.key: a for a in articles}
    for mark in marks:
        if mark.orphaned:  # its words left every article's body
            assert all(mark.quote not in a.text for a in articles)
            continue
        text = next(a.text for a in articles if mark in a.highlights)
        assert text[mark.start:mark.end] == mark.quote
    assert set(by_key)  # the page still has articles
    bodies = [a.note or "" for a in articles]
    assert all(any(note in body for body in bodies) for note in notes)
    assert tags <= {t for a in articles for t in a.tags}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(0, 9), st.integers(1, 6),
                          st.sampled_from(ROLES), st.booleans()), max_size=10))
def test_corrections_reparses_and_undos_lose_nothing(steps):
    with tempfile.TemporaryDirectory() as folder:
        library = Library.open(Path(folder) / "lib.sqlite3")
        try:
            _run(library, steps)
        finally:
            library.close()


def _run(library: Library, steps) -> None:
    history = History()
    fixes = CorrectionServices(library, history)
    parse = _page()
    version = 1
    page_id = library.imports.import_page("/p/page.txt", sha("page"), 1, parse, version).page_id
    assert page_id is not None
    first, second, *_ = library.articles.on_page(page_id)
    library.tags.add(first.id, ["甲"])
    library.tags.add(second.id, ["乙"])
    library.notes.set(first.id, "笔记一")
    library.notes.set(second.id, "笔记二")
    quote_at = first.text.index("故事3")
    library.highlights.add(first.id, quote_at, quote_at + 3)
    quote_at = second.text.index("故事6")
    library.highlights.add(second.id, quote_at, quote_at + 3)
    notes, tags = {"笔记一", "笔记二"}, {"甲", "乙"}
    for action, which, number, role, flag in steps:
        articles = [a for a in library.articles.on_page(page_id)
                    if "not in the latest parse" not in a.defects]
        article = articles[which % len(articles)]
        try:
            if action == "split":
                fixes.split(article.id, number)
            elif action == "merge":
                fixes.merge(article.id, "next" if flag else "previous")
            elif action == "role":
                fixes.set_role(article.id, number, role)
            elif action == "move":
                fixes.move_paragraph(article.id, number, "next" if flag else "previous")
            elif action == "kind":
                fixes.set_kind(article.id, "letter" if flag else "article")
            elif action == "undo":
                history.undo()
            else:
                version += 1
                parse = _page(full_width=flag)
                library.imports.import_page("/p/page.txt", sha("page"), 1, parse, version,
                                            reparse=True)
        except ReaderError:
            pass  # a step that does not fit the page (paragraph 6 of a 2-paragraph article)
        _check(library, page_id, parse, notes, tags, highlights=2)
    statuses = json.dumps([c.status for c in fixes.list()])
    assert "stale" not in statuses  # nothing here should stop applying
