"""`ExportItem`: one article as the exporter receives it, with the words the app chose for it.

The app names things (an untitled article's stand-in title, the issue with
its date and certainty) through `reader.app.display`, the same words as the
window and the CLI; the exporter only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.models import ArticleRecord, IssueRecord


@dataclass(frozen=True)
class ExportItem:
    article: ArticleRecord
    issue: IssueRecord | None
    #: The headline, or the app's name for an untitled article: (无标题) 您好,是您预约的…
    title: str
    #: Where the article is from, as a reader names it: 人民日报 · 2025-01-07 · 第19版 党建 · 栏目
    issue_label: str
