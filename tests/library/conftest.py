"""Fixtures for the library tests: a fresh library in tmp_path, pages by hand and from seeds."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reader.ingest import parse_page, read_page
from reader.library import Library
from reader.models import Author, Entry, IssueDate, Item, ParsedPage

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))

PARAGRAPHS_A = (
    "乌兰察布市围绕解决基层党建工作突出问题，编制了基层党建组织效能建设项目建设书。",
    "制度的生命力在执行。各单位党组书记研究部署具体实施细则，形成市委统筹、单位谋划、支部主抓的系统工程。",
    "在推进整治过程中，市公安局率先开展流动党建红旗评比模式，教育党员干部强化自我约束。",
    "党旗飘扬帆帆劲，凝心聚力万象新。全市高质量发展之路越走越宽。",
)


def item(
    title: str | None = "标题",
    paragraphs: tuple[str, ...] = (),
    kind: str = "article",
    column: str | None = None,
    authors: tuple[Author, ...] = (),
    entries: tuple[Entry, ...] = (),
    **extra,
) -> Item:
    return Item(kind=kind, column=column, title=title, paragraphs=paragraphs,
                authors=authors, entries=entries, **extra)


def page(*items: Item, page_name: str | None = "先锋", date: str | None = "2024-01",
         precision: str = "month") -> ParsedPage:
    return ParsedPage(
        source="page.txt",
        page_name=page_name,
        date=IssueDate(date, precision if date else "unknown", ("evidence",) if date else ()),
        items=tuple(items),
    )


def sample_page() -> ParsedPage:
    """Three items: a long article with authors, a commentary, a briefs box."""
    return page(
        item("破解机关党建“灯下黑”", PARAGRAPHS_A, column="视点",
             authors=(Author("本报记者", "皇甫美鲜"), Author("实习生", "郭羽"))),
        item("党群关系好 党建根基牢", ("联系群众“鱼得水”，脱离群众“树断根”。人民群众是我们党的力量源泉。",),
             kind="commentary", column="观潮", authors=(Author("作者", "郝佳丽"),)),
        item(None, (), kind="briefs", column="信息集装箱",
             entries=(Entry("阿拉善盟人才公寓正式揭牌。", "阿拉善盟委组织部"),
                      Entry("包头市开展党员志愿服务活动。"))),
    )


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def import_seed(library: Library, path: Path, reparse: bool = False, parser_version: int = 1):
    data = path.read_bytes()
    parsed = parse_page(read_page(path), source=path.name)
    return library.imports.import_page(str(path), hashlib.sha256(data).hexdigest(), len(data), parsed,
                               parser_version, reparse=reparse)


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "library.sqlite3") as lib:
        yield lib


@pytest.fixture
def seeded(library):
    for path in SEEDS:
        import_seed(library, path)
    return library


def counts(library: Library) -> dict[str, int]:
    """Row counts of every table, to prove nothing was written."""
    tables = ["sources", "issues", "articles", "authors", "article_authors", "tags",
              "article_tags", "notes", "highlights"]
    return {t: library.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
