"""Helpers for correction tests (issue 15): the two classic parser mistakes, and re-parsing
with a changed parser.

- `TWO_STORIES`: a real seed page where the parser runs two stories together
  (`TWO_STORIES_TITLE` holds a second story from paragraph `TWO_STORIES_AT` on).
- `write_subhead_page(folder)`: a small page file whose subhead (with its own
  通讯员 credit) the parser takes for the headline of a new article
  (`SUBHEAD_TITLE`); merging it with the previous article fixes it.
- `parser_changed(change)`: while inside, every parse goes through `change`
  (default `punctuation_changed`: ASCII commas and question marks become
  full-width, as a newer parser normalising punctuation would do; paragraph
  texts and article keys shift).  Imports of fewer than 16 files parse in the
  calling process, so the window's re-import honours it too.
- `reparse_with_changed_parser(session, paths)`: `import --reparse` under it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from reader.models import ImportResult, ParsedPage
from reader.paths import seeds_dir

#: The seed page with two stories in one article, that article's title, and where the
#: second story starts (1-based paragraph).
TWO_STORIES = "000_56361530f2265878.txt"
TWO_STORIES_TITLE = "凝聚“银发”力量 浇灌团结之花"
TWO_STORIES_AT = 5

SUBHEAD_TITLE = "党员带头解难题 业主共商小区事"
SUBHEAD_PAGE = """先锋  2024年3月5日  第6版 党建

小区里的“红色管家”

本报记者 王明

去年以来,青山区把党支部建在小区里,推动党员业主参与小区治理,一批老旧小区的面貌焕然一新。

走进富强路街道的一个老小区,楼道干净整洁,停车井然有序,居民说起变化都竖起了大拇指。



党员带头解难题 业主共商小区事

通讯员 张丽

小区党支部书记李华介绍,过去小区没有物业,垃圾堆积、私搭乱建问题突出,居民意见很大。

党支部牵头成立业主委员会,党员业主带头缴纳物业费,很快引进了专业的物业公司。

如今,小区每月召开一次议事会,大事小情大家商量着办,居民的满意度明显提高。
"""


def two_stories_path() -> Path:
    return seeds_dir() / TWO_STORIES


def write_subhead_page(folder: Path) -> Path:
    """Write the subhead-as-headline page into `folder`; its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "subhead_page.txt"
    path.write_text(SUBHEAD_PAGE, encoding="utf-8")
    return path


def _full_width(text: str | None) -> str | None:
    return text.replace(",", "，").replace("?", "？") if text else text


def punctuation_changed(page: ParsedPage) -> ParsedPage:
    """What a newer parser might make of a page: full-width commas and question marks."""
    items = tuple(replace(item, title=_full_width(item.title),
                          paragraphs=tuple(_full_width(p) or "" for p in item.paragraphs))
                  for item in page.items)
    return replace(page, items=items)


@contextmanager
def parser_changed(
    change: Callable[[ParsedPage], ParsedPage] = punctuation_changed,
) -> Iterator[None]:
    """Every page parsed inside goes through `change` (in this process)."""
    from reader.app import importing

    original = importing.parse_page

    def changed(*args, **kwargs) -> ParsedPage:
        return change(original(*args, **kwargs))

    importing.parse_page = changed  # type: ignore[assignment]
    try:
        yield
    finally:
        importing.parse_page = original  # type: ignore[assignment]


def reparse_with_changed_parser(session, paths, change=punctuation_changed) -> list[ImportResult]:
    """`reader import --reparse PATHS` with a changed parser; the import results."""
    with parser_changed(change):
        return session.import_paths([Path(p) for p in paths], reparse=True)


def article_titled(session, title: str):
    """The article with this exact title (one must exist)."""
    row = session.library.connection.execute(
        "SELECT id FROM articles WHERE title = ? AND missing = 0", [title]).fetchone()
    assert row is not None, f"no article titled {title}"
    return session.library.articles.get(row[0])


def article_holding(session, text: str):
    """The article whose body holds `text` (one must)."""
    row = session.library.connection.execute(
        "SELECT id FROM articles WHERE text LIKE ? AND missing = 0",
        [f"%{text}%"]).fetchone()
    assert row is not None, f"no article holds {text}"
    return session.library.articles.get(row[0])
