"""Hand-made articles and issues for the export tests (no library needed)."""

from __future__ import annotations

from reader.export.items import ExportItem
from reader.models import ArticleRecord, Author, Entry, Highlight, IssueRecord


def make_issue(id=1, title="先锋 · 2024-01", paper="先锋", date="2024-01",
               precision="month", source="inferred") -> IssueRecord:
    return IssueRecord(id=id, publication_id=1, paper=paper, title=title, date=date,
                       date_precision=precision, date_source=source if date else None,
                       edition=None, page_count=1, article_count=3, paper_known=False)


def make_article(id=1, issue_id=1, position=1, **fields) -> ArticleRecord:
    values = dict(
        key=f"k{id}", kind="article", column="知行合一", series=None, title="红色物业暖人心",
        subtitle=None, authors=(Author("本报记者", "宋爽"), Author("通讯员", "李宝乐")),
        subheads=(), paragraphs=("第一段。", "第二段。"), entries=(), defects=(),
        issue_title="先锋 · 2024-01", date="2024-01", date_precision="month",
        page_id=issue_id, paper=None, page_number=None, page_name="先锋",
        date_source="inferred",
    )
    values.update(fields)
    return ArticleRecord(id=id, issue_id=issue_id, position=position, **values)


def highlight(text: str, quote: str, note: str | None = None, id=1, orphaned=False) -> Highlight:
    start = text.index(quote)
    return Highlight(id=id, article_key="k", start=start, end=start + len(quote), quote=quote,
                     prefix="", suffix="", note=note, orphaned=orphaned)


def item(article: ArticleRecord, issue: IssueRecord | None = None) -> ExportItem:
    issue = issue or make_issue(article.issue_id)
    return ExportItem(article, issue, article.title or "(无标题)", "约2024年1月 · 先锋 · 知行合一")


__all__ = ["Entry", "item", "highlight", "make_article", "make_issue"]
