"""The Chinese words the window shows for dates, kinds, match types and extraction defects.

Kept as data in one place so the tree, the result list and the article pane
say the same thing.
"""

from __future__ import annotations

from reader.app.display import display_date, untitled  # noqa: F401  (the window's words too)
from reader.models import ArticleKind, MatchKind

#: A one-character mark and a name for each item kind.
KIND_LABELS: dict[str, tuple[str, str]] = {
    ArticleKind.ARTICLE: ("文", "文章"),
    ArticleKind.COMMENTARY: ("评", "评论"),
    ArticleKind.PHOTO: ("图", "图片"),
    ArticleKind.BRIEFS: ("讯", "简讯"),
    ArticleKind.QUOTES: ("言", "语录"),
    ArticleKind.LETTER: ("信", "来信"),
}

#: How a search hit matched (a filter-only hit has no label).
MATCH_LABELS: dict[str, str] = {
    MatchKind.WORD: "词语匹配",
    MatchKind.SUBSTRING: "精确匹配",
    MatchKind.NOTE: "笔记匹配",
}

#: The parser's defect phrases (English, before any ": detail") in the reader's words.
DEFECT_LABELS: dict[str, str] = {
    "opening lost": "开头缺失",
    "joined split paragraph": "段落已拼接",
    "title lost": "标题缺失",
    "paragraph cut off": "段落不完整",
    "duplicate paragraph dropped": "重复段落已删",
    "interleaved": "与他文穿插",
    "title displaced": "标题错位",
    "caption lost": "图片说明缺失",
    "label displaced": "栏目标签错位",
    "not in the latest parse": "最新解析中已无此文",
}


def kind_mark(kind: str) -> str:
    return KIND_LABELS.get(kind, ("文", kind))[0]


def kind_name(kind: str) -> str:
    return KIND_LABELS.get(kind, ("文", kind))[1]


def defect_labels(defects) -> list[str]:
    """Each distinct defect once, in Chinese, in the order first met."""
    seen: list[str] = []
    for defect in defects:
        head = defect.split(":", 1)[0].strip()
        # "interleaved with …" carries its detail in the phrase itself.
        if head not in DEFECT_LABELS and head.startswith("interleaved"):
            head = "interleaved"
        label = DEFECT_LABELS.get(head, defect)
        if label not in seen:
            seen.append(label)
    return seen
