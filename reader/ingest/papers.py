"""Newspapers by name, kept as data: the abbreviations file names use, and the words of a page header.

`pagemeta` reads a page's paper, date and page number from its header line
and its file name; what it recognises lives here, so that another paper is
another row, not another rule.  Abbreviations are the pinyin initials the
papers' own digital editions and PDF files use (`rmrb2025010719.pdf`,
`gmrb_20250107_11`); an abbreviation two papers would share (hnrb: 河南 or
湖南日报) is left out rather than guessed.
"""

from __future__ import annotations

import re

#: File-name abbreviation -> paper.  Lower case; matched case-insensitively.
PAPER_ABBREVIATIONS = {
    # national
    "rmrb": "人民日报",
    "rmrbhwb": "人民日报海外版",
    "gmrb": "光明日报",
    "jjrb": "经济日报",
    "xxsb": "学习时报",
    "mrdx": "新华每日电讯",
    "zqb": "中国青年报",
    "zgqnb": "中国青年报",
    "jfjb": "解放军报",
    "kjrb": "科技日报",
    "grrb": "工人日报",
    "nmrb": "农民日报",
    "fzrb": "法治日报",
    "zgjwjcb": "中国纪检监察报",
    "zgzzrsb": "中国组织人事报",
    # provincial and city
    "hljrb": "黑龙江日报",
    "hbrb": "湖北日报",
    "hebrb": "河北日报",
    "glrb": "桂林日报",
    "nmgrb": "内蒙古日报",
    "bjrb": "北京日报",
    "tjrb": "天津日报",
    "jfrb": "解放日报",
    "whb": "文汇报",
    "xhrb": "新华日报",
    "zjrb": "浙江日报",
    "dzrb": "大众日报",
    "nfrb": "南方日报",
    "scrb": "四川日报",
    "jxrb": "江西日报",
    "ahrb": "安徽日报",
    "fjrb": "福建日报",
    "gxrb": "广西日报",
    "ynrb": "云南日报",
    "jlrb": "吉林日报",
    "lnrb": "辽宁日报",
    "cqrb": "重庆日报",
    "gsrb": "甘肃日报",
    "xjrb": "新疆日报",
    "hebirb": "鹤壁日报",
    "zkrb": "周口日报",
    "ykrb": "永康日报",
    "zjgrrb": "浙江工人日报",
    # evening and city papers
    "glwb": "桂林晚报",
    "qlwb": "齐鲁晚报",
    "qjwb": "钱江晚报",
    "xmwb": "新民晚报",
    "wfwb": "潍坊晚报",
    "tzwb": "天中晚报",
    "ldwb": "劳动午报",
    "bfxb": "北方新报",
    "ljdb": "兰江导报",
    # county papers
    "ydph": "柚都平和",
}

#: Papers named in full (a header's first word, a folder's name): every paper above, and
#: any short name ending in one of PAPER_ENDINGS.
KNOWN_PAPERS = frozenset(PAPER_ABBREVIATIONS.values())

#: A Chinese name ending like a newspaper's: 赤峰日报, 北京青年报, 新华每日电讯, 学习时报.
PAPER_ENDINGS = ("日报", "晚报", "午报", "时报", "早报", "晨报", "商报", "周报", "导报", "电讯", "青年报",
                 "报海外版", "特区报", "法制报", "农民报", "文汇报")
PAPER_NAME = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:" + "|".join(PAPER_ENDINGS) + r")$")
#: Any short name ending in 报 (北方新报): a paper in a header line, where the date and page
#: beside it say so, but not in a folder's name (工作简报 is not a paper).
ANY_PAPER_NAME = re.compile(r"^[\u4e00-\u9fff]{2,6}报$")

#: Weekday words that stand in a page header: 星期三, 周三, 星期日.
WEEKDAY = re.compile(r"^(?:星期|周|礼拜)[一二三四五六日天]$")

#: Header words that carry no field of their own but belong to the header: 农历乙巳年二月初六,
#: 总第25678期, 今日16版, 第25678号, 国内统一连续出版物号…
HEADER_EXTRAS = re.compile(
    r"^(?:农历\S+|(?:总)?第[0-9０-９]+(?:期|号)|今日[0-9０-９]+版|[A-Za-z]{0,4}CN[0-9-]+/?\S*|"
    r"国内统一连续出版物号\S*|邮发代号\S*|版面|版次|日期|版名|电子版|数字报)$"
)


def paper_for_abbreviation(token: str) -> str | None:
    """`rmrb` -> 人民日报; None for a word that is not a known abbreviation."""
    return PAPER_ABBREVIATIONS.get(token.lower())


def looks_like_paper(name: str, in_header: bool = False) -> bool:
    """A known paper's name, or a short Chinese name ending like one (赤峰日报); in a
    header line any short name ending in 报 (北方新报)."""
    return name in KNOWN_PAPERS or bool(PAPER_NAME.match(name)) or (
        in_header and bool(ANY_PAPER_NAME.match(name)))
