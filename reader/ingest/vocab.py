"""The parser's knowledge of newspaper print conventions, kept as data.

Everything a page parser recognises by its printed words lives here, so that
supporting another paper means extending these tables, not the algorithm
(the trafilatura habit).  Each table says what it is for; the parser modules
import them by name.
"""

from __future__ import annotations

import re

#: Page names (mastheads of a page) that can stand alone on a line.
PAGE_NAMES = ("先锋",)

#: A page speaking of itself: 《先锋》版 names the page 先锋.
PAGE_SELF_REFERENCE = re.compile(r"《([\u4e00-\u9fff]{1,8})》(?:版|专版|周刊)")

#: Column labels (栏目) seen in print.  Unknown short stand-alone lines in label
#: position are recognised too; this list only makes the common ones certain.
COLUMN_LABELS = (
    "知行合一", "学思践悟", "北疆党旗红", "初心如磐", "观潮", "视点", "阵地", "近邻", "广角",
    "掠影", "红船初心", "评论", "观察", "调查", "声音", "一线", "纵深", "言论", "时评", "短评",
    "深读", "特写", "走基层", "新闻眼", "图片新闻", "人物", "来信", "读者来信", "经验交流",
)

#: Box labels head special items; the value is the item kind they make.
BOX_LABELS = {
    "信息集装箱": "briefs",
    "简讯": "briefs",
    "新闻简讯": "briefs",
    "简讯速递": "briefs",
    "动态": "briefs",
    "每周一学": "quotes",
    "金句": "quotes",
    "学习园地": "quotes",
}

#: Column labels under which the items are photos (a title, a caption, a credit).
PHOTO_COLUMNS = ("掠影", "图片新闻", "光影", "镜头")

#: Column labels whose items are signed opinion pieces.
COMMENTARY_COLUMNS = ("观潮", "评论", "言论", "时评", "短评", "声音")

#: Titles that make an item a letter to readers.
LETTER_TITLES = ("致读者", "致读者的一封信", "新年献词", "编者按", "编后语")

#: Printed role words of bylines, longest first so that 本报记者 wins over 记者.
ROLES = tuple(sorted((
    "本报记者", "本报通讯员", "本报特约记者", "本报实习生", "本报评论员", "特约记者", "见习记者",
    "新华社记者", "新华社通讯员", "人民日报记者", "中新社记者", "央视记者", "记者", "通讯员",
    "实习生", "特约撰稿人", "撰稿", "摄影", "摄影记者", "作者", "编者", "文/图",
), key=len, reverse=True))

#: Words that close an attribution and are not part of a name: (本报记者王迪采访整理).
NAME_SUFFIXES = ("采访整理", "整理", "报道", "撰文", "供稿", "摄影")

#: Bracketed editorial notes that look like a short name but are not one.
EDITORIAL_NOTES = ("有删节", "资料图片", "资料图", "完", "待续", "未完待续", "下转", "上接", "图片来源网络")
#: Openings of bracketed notes that are sources or remarks, not names (据新华社电).
EDITORIAL_NOTE_OPENERS = ("据", "转自", "摘自", "下转", "上接", "见第", "详见", "图为")

#: Role given to a `XX 摄` photo credit, a `◎名字` signature, a `——编者` signature
#: and a box's `(来源:…)` line.
PHOTO_ROLE = "摄影"
SIGNATURE_ROLE = "作者"
EDITOR_ROLE = "编者"
SOURCE_ROLE = "来源"

#: Page-level credit lines (本版编辑：李明): role words before the colon.
PAGE_CREDIT = re.compile(r"^(本版(?:编辑|责编|制图|设计|校对|美编|摄影|统筹|策划|图片|供图))\s*[:：]\s*(.+)$")

#: Marks that open a briefs entry and a quotes entry.
BRIEF_MARKS = "●◆■▲◇○"
QUOTE_MARKS = "★☆"

#: Circled numbers mark a series label (◎五化协同 大抓基层③).
CIRCLED_NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

#: A paragraph ending in one of these is complete; anything else was cut by the
#: print columns and continues on a later line (PAGE-FORMAT.md).  The colon is
#: added because a lead-in ending in a colon is followed by a list or a quote.
SENTENCE_END = "。！？!?…”」)）』’\":："

#: Sentence-final punctuation that no title carries.
TITLE_FORBIDDEN_END = "。！？!?；;，,、：:"

#: Discourse openers and time words that can legitimately open a report with a
#: short first clause ("近日,…"); a short first clause without one of these
#: suggests the opening sentence was lost (色教育基地,…).
OPENERS = (
    "近日", "日前", "近年来", "近期", "目前", "此外", "同时", "如今", "当天", "当日", "去年", "今年",
    "过去", "随后", "前不久", "眼下", "连日来", "近来", "多年来", "长期以来", "一直以来", "为此",
    "对此", "然而", "但是", "因此", "另外", "其中", "据悉", "据了解", "记者了解到", "截至目前",
    "一方面", "另一方面", "首先", "其次", "最后", "与此同时", "入冬以来", "入夏以来", "今年以来",
    "新年伊始", "开年以来", "每当", "每逢", "每年", "每天", "每到", "自从", "随着", "春节期间", "一年来", "一直以来", "当前", "现在", "以前", "从前",
)

#: Endings of a first clause that make it a time or place setting, not a fragment.
SETTING_SUFFIXES = (
    "年", "月", "日", "时", "来", "前", "后", "间", "初", "底", "季", "节", "天", "晚", "早",
    "上", "下", "里", "中", "内", "外", "旁", "边", "处", "点", "分", "晨", "夜", "午", "际",
    "期",
)

#: Datelines that open a body: 新华社北京1月6日电, 本报北京1月6日电 （记者王迪）.
DATELINE = re.compile(
    r"^(?P<agency>新华社|本报|中新社|人民日报|央视|光明日报|经济日报)(?P<place>[\u4e00-\u9fff]{0,8}?)"
    r"(?P<month>\d{1,2}|[０-９]{1,2})月(?P<day>\d{1,2}|[０-９]{1,2})日(?:电|讯)"
    r"\s*(?:[（(](?P<credit>[^()（）]{1,40})[)）])?"
)

#: Box source line closing a quotes box: (来源:共产党员网).
BOX_SOURCE = re.compile(r"^[(（]\s*来源\s*[:：]\s*(?P<name>[^()（）]+?)\s*[)）]$")

#: Whole-line bracketed attribution: (本报记者 郝佳丽), （郭  帅）, （作者为…）.
ATTRIBUTION_LINE = re.compile(r"^[(（](?P<body>[^()（）]{1,40})[)）]$")

#: Trailing bracketed attribution at the end of a brief entry: …氛围。(雷雷)
TRAILING_ATTRIBUTION = re.compile(r"^(?P<text>.*?[。！？!?”…])\s*[(（](?P<body>[^()（）]{1,30})[)）]$")

#: Column name in brackets after a headline: 乡村振兴一线见闻（观察）, 【视点】…
HEADLINE_COLUMN = re.compile(r"^(?P<title>.+?)\s*[（(【\[](?P<column>[\u4e00-\u9fff]{2,6})[）)】\]]$")

#: An author's note closing a signed piece: （作者为某大学教授）.
AUTHOR_NOTE = re.compile(r"^[(（]作者(?:为|系|是|单位)")

#: The letter's signature line.
EDITOR_SIGNATURE = re.compile(r"^[—－-]{1,2}\s*(本报)?编者$")
