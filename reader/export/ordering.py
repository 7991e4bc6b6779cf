"""The order exported articles come in (see `options.ORDERS`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reader.export.items import ExportItem
from reader.models import IssueRecord


def ordered(items: Sequence[ExportItem], issues: Sequence[IssueRecord],
            order: str) -> list[ExportItem]:
    """`items` in `order`; `issues` is the library's issue list, in its own (the tree's) order."""
    if order == "rank":
        return list(items)
    rank: Mapping[int, int] = {issue.id: n for n, issue in enumerate(issues)}
    if order == "date":
        # Newest first; undated issues last, as in the tree.  Same-date issues keep tree order.
        dated = sorted((i for i in issues if i.date), key=lambda i: (i.date, -rank[i.id]),
                       reverse=True)
        undated = [i for i in issues if not i.date]
        rank = {issue.id: n for n, issue in enumerate(dated + undated)}
    last = len(rank)
    # Within an issue: page by page in printed order, each page's articles in order.
    return sorted(items, key=lambda it: (rank.get(it.article.issue_id, last),
                                         it.article.page_number is None,
                                         it.article.page_number or 0, it.article.page_id or 0,
                                         it.article.position, it.article.id))
