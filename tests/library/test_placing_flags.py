"""A publication's flags (user_set, placeholder) stay what all its pages say, though a page
joining a paper only updates them from that page (placing.py: a scan of the paper's pages
for every page imported grew with the square of the archive)."""

from __future__ import annotations

from dataclasses import replace

from reader.library import Library
from reader.models import IssueDate, PageMeta
from tests.library.conftest import PARAGRAPHS_A, item, page, sha

#: Every publication's flags read from all its pages (what placing.py did for each page).
_FROM_PAGES = """
SELECT pub.id,
       EXISTS (SELECT 1 FROM issues i JOIN pages p ON p.issue_id = i.id
               WHERE i.publication_id = pub.id AND TRIM(COALESCE(p.user_paper, '')) != ''),
       NOT EXISTS (SELECT 1 FROM issues i JOIN pages p ON p.issue_id = i.id
                   WHERE i.publication_id = pub.id
                   AND TRIM(COALESCE(p.user_paper, p.paper, '')) != '')
FROM publications pub ORDER BY pub.id
"""


def _flags(library: Library) -> dict[str, tuple[bool, bool]]:
    stored = library.db.execute(
        "SELECT id, user_set, placeholder FROM publications ORDER BY id").fetchall()
    assert [tuple(map(int, row)) for row in stored] == [
        tuple(map(int, row)) for row in library.db.execute(_FROM_PAGES).fetchall()]
    names = dict(library.db.execute("SELECT id, name FROM publications").fetchall())
    return {names[row[0]]: (bool(row[1]), bool(row[2])) for row in stored}


def _page(n: int, paper: str | None, name: str = "先锋"):
    parsed = page(item(f"标题{n}", PARAGRAPHS_A[n % 4:]), page_name=name)
    return replace(parsed, paper=paper, date=IssueDate(f"2025-01-{n:02d}", "day", ("header",)),
                   date_source="header")


def _import(library: Library, n: int, paper: str | None, name: str = "先锋",
            user: PageMeta | None = None):
    result = library.imports.import_page(f"/pages/{n}.txt", sha(str(n)), 100,
                                         _page(n, paper, name), 1, user=user)
    assert result.status == "imported"
    return result


def test_flags_follow_pages_joining_and_leaving(library):
    # Pages with no paper: a placeholder publication named by the page name.
    _import(library, 1, None)
    _import(library, 2, None)
    assert _flags(library) == {"先锋": (False, True)}
    # A paper named 先锋 by its header joins it: no longer a placeholder.
    _import(library, 3, "先锋")
    assert _flags(library) == {"先锋": (False, False)}
    # The user's paper on an imported page of an existing paper makes it user_set.
    _import(library, 4, None, name="要闻")
    _import(library, 5, "人民日报")
    assert _flags(library)["人民日报"] == (False, False)
    _import(library, 6, None, user=PageMeta(paper="人民日报"))
    assert _flags(library)["人民日报"] == (True, False)
    assert _flags(library)["要闻"] == (False, True)
    # A new page without the user's paper leaves the flag as the others set it.
    _import(library, 7, "人民日报")
    assert _flags(library)["人民日报"] == (True, False)


def test_flags_are_read_again_when_pages_leave(library):
    first = _import(library, 1, "人民日报")
    _import(library, 2, None, user=PageMeta(paper="人民日报"))
    assert _flags(library)["人民日报"] == (True, False)
    # The user's page moves to another paper: the flag comes from the pages left.
    second = library.db.execute("SELECT id FROM pages WHERE user_paper IS NOT NULL").fetchone()[0]
    library.imports.set_page_meta(second, PageMeta(paper="经济日报"))
    flags = _flags(library)
    assert flags["人民日报"] == (False, False) and flags["经济日报"] == (True, False)
    # The last page of a paper leaves: the paper goes.
    library.imports.set_page_meta(first.page_id, PageMeta(paper="经济日报"))
    assert set(_flags(library)) == {"经济日报"}
