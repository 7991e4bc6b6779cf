"""The words the window shows for dates, kinds, match types and extraction defects.

Kept as data in one place so the tree, the result list and the article pane
say the same thing; written in Chinese and marked for Qt's translation tools
(context ``Labels``), so the English window says them in English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.app.display import display_date, untitled  # noqa: F401  (the window's words too)
from reader.models import ArticleKind, MatchKind
from reader.ui.noop import QT_TRANSLATE_NOOP

#: A one-character mark and a name for each item kind.
KIND_LABELS: dict[str, tuple[str, str]] = {
    ArticleKind.ARTICLE: (QT_TRANSLATE_NOOP("Labels", "文"), QT_TRANSLATE_NOOP("Labels", "文章")),
    ArticleKind.COMMENTARY: (QT_TRANSLATE_NOOP("Labels", "评"), QT_TRANSLATE_NOOP("Labels", "评论")),
    ArticleKind.PHOTO: (QT_TRANSLATE_NOOP("Labels", "图"), QT_TRANSLATE_NOOP("Labels", "图片")),
    ArticleKind.BRIEFS: (QT_TRANSLATE_NOOP("Labels", "讯"), QT_TRANSLATE_NOOP("Labels", "简讯")),
    ArticleKind.QUOTES: (QT_TRANSLATE_NOOP("Labels", "言"), QT_TRANSLATE_NOOP("Labels", "语录")),
    ArticleKind.LETTER: (QT_TRANSLATE_NOOP("Labels", "信"), QT_TRANSLATE_NOOP("Labels", "来信")),
}

#: How a search hit matched (a filter-only hit has no label).
MATCH_LABELS: dict[str, str] = {
    MatchKind.WORD: QT_TRANSLATE_NOOP("Labels", "词语匹配"),
    MatchKind.SUBSTRING: QT_TRANSLATE_NOOP("Labels", "精确匹配"),
    MatchKind.NOTE: QT_TRANSLATE_NOOP("Labels", "笔记匹配"),
}

#: The parser's defect phrases (English, before any ": detail") in the reader's words.
DEFECT_LABELS: dict[str, str] = {
    "opening lost": QT_TRANSLATE_NOOP("Labels", "开头缺失"),
    "joined split paragraph": QT_TRANSLATE_NOOP("Labels", "段落已拼接"),
    "title lost": QT_TRANSLATE_NOOP("Labels", "标题缺失"),
    "paragraph cut off": QT_TRANSLATE_NOOP("Labels", "段落不完整"),
    "duplicate paragraph dropped": QT_TRANSLATE_NOOP("Labels", "重复段落已删"),
    "interleaved": QT_TRANSLATE_NOOP("Labels", "与他文穿插"),
    "title displaced": QT_TRANSLATE_NOOP("Labels", "标题错位"),
    "caption lost": QT_TRANSLATE_NOOP("Labels", "图片说明缺失"),
    "label displaced": QT_TRANSLATE_NOOP("Labels", "栏目标签错位"),
    "not in the latest parse": QT_TRANSLATE_NOOP("Labels", "最新解析中已无此文"),
}


#: A title after its kind's mark: 〔图〕入户调查 (English: [Pic] …).
MARKED_TITLE = QT_TRANSLATE_NOOP("Labels", "〔{mark}〕{title}")
#: An article's title, the kind most items are: English leaves the mark out (room in the tree).
ARTICLE_TITLE = QT_TRANSLATE_NOOP("Labels", "〔文〕{title}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def kind_mark(kind: str) -> str:
    return _tr(KIND_LABELS.get(kind, ("文", kind))[0])


def kind_name(kind: str) -> str:
    return _tr(KIND_LABELS.get(kind, ("文", kind))[1])


def marked_title(kind: str, title: str) -> str:
    """〔文〕标题: a title with its kind's one-character mark in front."""
    if kind == ArticleKind.ARTICLE:
        return _tr(ARTICLE_TITLE).format(title=title)
    return _tr(MARKED_TITLE).format(mark=kind_mark(kind), title=title)


def match_label(match: str) -> str:
    """How a hit matched, in words (the match's own name if it has none)."""
    label = MATCH_LABELS.get(match)
    return _tr(label) if label else match


def defect_labels(defects) -> list[str]:
    """Each distinct defect once, in the window's words, in the order first met."""
    seen: list[str] = []
    for defect in defects:
        head = defect.split(":", 1)[0].strip()
        # "interleaved with …" carries its detail in the phrase itself.
        if head not in DEFECT_LABELS and head.startswith("interleaved"):
            head = "interleaved"
        label = _tr(DEFECT_LABELS[head]) if head in DEFECT_LABELS else defect
        if label not in seen:
            seen.append(label)
    return seen
