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

#: Labels of a summary box at the head of a story (核心阅读): a subhead of the story, never a title.
LEAD_LABELS = ("核心阅读", "阅读提示", "内容提要", "新闻提要")

#: Column labels under which the items are photos (a title, a caption, a credit).
PHOTO_COLUMNS = ("掠影", "图片新闻", "光影", "镜头")

#: Column labels whose items are signed opinion pieces.
COMMENTARY_COLUMNS = (
    "观潮", "评论", "言论", "时评", "短评", "声音", "今日谈", "人民时评", "金台随笔", "评论员观察",
    "现场评论", "民生观", "编辑点评", "金台潮声", "锐见", "人民论坛", "望海楼", "钟声",
)

#: Titles that make an item a letter to readers.
LETTER_TITLES = ("致读者", "致读者的一封信", "新年献词", "编者按", "编后语", "开栏的话", "开篇的话", "卷首语")

#: Printed role words of bylines, longest first so that 本报记者 wins over 记者.
ROLES = tuple(sorted((
    "本报记者", "本报通讯员", "本报特约记者", "本报实习生", "本报评论员", "特约记者", "见习记者",
    "新华社记者", "新华社通讯员", "人民日报记者", "中新社记者", "央视记者", "记者", "通讯员",
    "实习生", "特约撰稿人", "撰稿", "摄影", "摄影记者", "作者", "编者", "文/图", "全媒体记者",
    "融媒体记者", "首席记者", "本报全媒体记者", "本报融媒体记者", "读者", "文/", "文／",
), key=len, reverse=True))
#: Any other desk's role word: 广西云-广西日报记者, 内蒙古日报社融媒体记者.
ROLE_PATTERN = re.compile(r"[\u4e00-\u9fff\-－·]{1,14}?(?:记者|通讯员|评论员|实习生)")
#: Slash markers inside one byline: □文/本报记者 郭俊峰 摄/本报记者 郭俊峰 张澍.  The
#: value is the role the names after the marker take (None: their own role words).
SLASH_ROLES = {"文": None, "摄": "摄影", "图": "摄影", "摄影": "摄影"}
SLASH_MARKER = re.compile(r"(?:^|(?<=[\s\u3000]))(?P<marker>摄影|文|摄|图)[/／]")

#: Words that close an attribution and are not part of a name: (本报记者王迪采访整理).
#: They are printed text and join the role: 本报记者采访整理 王迪.
NAME_SUFFIXES = ("采访整理", "参与采写", "整理", "口述", "报道", "撰文", "供稿", "摄影", "采写")

#: Role words printed before a colon or slash: 对话人：张三 李四, 文/王五.
COLON_ROLES = (
    "对话人", "主持人", "作者", "撰文", "文", "图", "整理", "口述", "策划", "统筹", "参与采写", "采写",
    "执笔", "摄影", "图片",
)
COLON_BYLINE = re.compile(
    r"^(?P<role>" + "|".join(sorted(COLON_ROLES, key=len, reverse=True)) + r")\s*[:：/／]\s*(?P<names>.+)$"
)

#: A commentator's line: 本报评论员, 黑龙江日报评论员, 徐明辉  黑龙江日报评论员.
COMMENTATOR = re.compile(
    r"^(?:(?P<name>[\u4e00-\u9fff·]{1,5}(?:[ \u3000]+[\u4e00-\u9fff]{1,2})?)[ \u3000]+)?"
    r"(?P<role>[\u4e00-\u9fff]{0,10}?(?:特约评论员|评论员|观察员))$"
)

#: Endings of a photo credit and the role each gives: 杨迅摄 (摄影), 杨迅 刘超摄影报道,
#: 黔西市委宣传部提供.  Longest first.
PHOTO_ENDINGS = {
    "摄影报道": "摄影报道", "摄影": "摄影", "摄": "摄影", "供图": "供图", "提供": "提供", "绘": "绘",
}
#: The source in brackets after a photo credit: 张三 摄（人民视觉）, 洪琥绘（《讽刺与幽默》供图）.
PHOTO_AGENCY = re.compile(r"[（(](?P<agency>[^()（）]{2,16})[)）]$")
#: A credit printed at the end of a caption after a gap: …野鹿。　　甘孜州公安局供图.
TRAILING_CREDIT = re.compile(r"^(?P<text>.*[。！？!?”…])[ \t\u3000]+(?P<credit>[^。，,；;！？!?“”]{2,40})$")

#: Credits of a chart or box inside an item: 数据来源：国家统计局, 制图：张三.
ITEM_CREDIT = re.compile(r"^(?P<role>数据来源|资料来源|图片来源|制图|绘图|图表|供图|设计)\s*[:：]\s*(?P<name>\S.*)$")

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

#: Page-level credit lines (本版编辑：李明): role words before the colon.  One line can
#: hold several (本版责编：程  宏  版式设计：沈亦伶); `PAGE_CREDIT_PART` finds each.
_PAGE_ROLES = r"本版(?:编辑|责编|制图|设计|校对|美编|摄影|统筹|策划|图片|供图)|版式设计|美术编辑|责任编辑"
PAGE_CREDIT = re.compile(rf"^({_PAGE_ROLES})\s*[:：]\s*(.+)$")
PAGE_CREDIT_PART = re.compile(rf"(?P<role>{_PAGE_ROLES})\s*[:：]\s*(?P<name>.+?)\s*(?=(?:{_PAGE_ROLES})\s*[:：]|$)")

#: A pointer to another page, printed with a bullet: ●详见 3 版.  Text, not a brief.
JUMP_REFERENCE = re.compile(r"^[●◆■▲]?\s*(?:详见|见第|下转|转第|上接)\s*[第0-9０-９A-Z\-—、，, ]{1,16}版")

#: Marks that open a briefs entry and a quotes entry.
BRIEF_MARKS = "●◆■▲◇○"
QUOTE_MARKS = "★☆"

#: Circled numbers mark a series label (◎五化协同 大抓基层③).
CIRCLED_NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

#: A paragraph ending in one of these is complete; anything else was cut by the
#: print columns and continues on a later line (../shared/PAGE-FORMAT.md).  The colon is
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

#: Datelines that open a body: 新华社北京1月6日电, 本报北京1月6日电 （记者王迪）,
#: 据新华社法兰克福5月11日电, 新华社伦敦/布鲁塞尔5月11日电.  `dateline` is the
#: dateline proper, `credit` the reporters in brackets after it.
DATELINE = re.compile(
    r"^(?P<dateline>据?(?P<agency>新华社|本报|中新社|人民日报|央视|光明日报|经济日报)"
    r"(?P<place>[\u4e00-\u9fff/／·]{0,16}?)"
    r"(?P<month>\d{1,2}|[０-９]{1,2})月(?P<day>\d{1,2}|[０-９]{1,2})日(?:电|讯))"
    r"\s*(?:[（(](?P<credit>[^()（）]{1,40})[)）])?"
)
_SOURCE = r"据(?:新华社|中新社|央视|新闻联播|人民日报|[\u4e00-\u9fff]{2,8}?(?:日报|晚报|报|网|台|社))(?:电|报道|消息)?"
#: A dateline printed at the end of a story's last paragraph (新华每日电讯): …发展。新华社北京5月11日电.
TRAILING_DATELINE = re.compile(
    r"^(?P<text>.*[。！？!?”…])[ \t\u3000]*(?P<dateline>据?(?:新华社|本报|中新社)"
    r"[\u4e00-\u9fff/／·]{0,16}?(?:\d{1,2}|[０-９]{1,2})月(?:\d{1,2}|[０-９]{1,2})日电)$"
    r"|^(?P<text2>.*[。！？!?”…])[ \t\u3000]{2,}(?P<source>" + _SOURCE + r")$"
)
#: Undated datelines of local news: 本报讯（记者周绍瑜 刘健）, 新华社贵阳电(记者郑明鸿);
#: and the source a reprint names: 据新华社, 据新闻联播.
UNDATED_DATELINE = re.compile(
    r"^(?P<dateline>(?:本报|本刊|本台|新华社|中新社)(?!记者|评论员|通讯员)[\u4e00-\u9fff]{0,6}?[讯电])"
    r"\s*(?:[（(](?P<credit>[^()（）]{1,40})[)）])?"
)
#: A reprint's source on a line of its own (据新华社); inside prose 据… is only a source of a fact.
SOURCE_LINE = re.compile(r"^(?P<dateline>" + _SOURCE + r")(?P<credit>)$")

#: Box source line closing a quotes box: (来源:共产党员网).
BOX_SOURCE = re.compile(r"^[(（]\s*来源\s*[:：]\s*(?P<name>[^()（）]+?)\s*[)）]$")

#: Whole-line bracketed attribution: (本报记者 郝佳丽), （郭  帅）, （作者为…）.
ATTRIBUTION_LINE = re.compile(r"^[(（](?P<body>[^()（）]{1,40})[)）]$")

#: Trailing bracketed attribution at the end of a brief entry: …氛围。(雷雷)
TRAILING_ATTRIBUTION = re.compile(r"^(?P<text>.*?[。！？!?”…])\s*[(（](?P<body>[^()（）]{1,30})[)）]$")

#: Endings of a kicker (引题) that announces what the title says: 习近平…强调.
KICKER_ENDINGS = ("强调", "指出", "表示", "要求", "提出", "发表重要讲话", "寄语", "致信", "回信")
#: Endings of a headline that reports an event; a line under it is its subtitle (副题).
EVENT_ENDINGS = (
    "发布", "举行", "召开", "开幕", "闭幕", "启动", "开通", "出台", "印发", "成立", "揭晓", "签约",
    "落幕", "举办", "通过", "公布",
)
#: Words of a subtitle that lists who attended: 李楚刘士军…出席 卢新华致辞.
SUBTITLE_WORDS = ("出席", "致辞", "会见", "主持", "讲话")

#: Column name in brackets after a headline: 乡村振兴一线见闻（观察）, 石头山种出果满园
#: （美丽中国·这里的荒漠化这样治）.  Notes such as （上）, （有删节） are not columns.
HEADLINE_COLUMN = re.compile(
    r"^(?P<title>.+?)\s*[（(【\[](?P<column>[\u4e00-\u9fff·][\u4e00-\u9fff· \u3000]{0,18}[\u4e00-\u9fff])[）)】\]]$"
)

#: A headline led by the place or body it reports on: 浙江东阳：干部“沉下去”….
PLACE_HEADLINE = re.compile(r"^[\u4e00-\u9fff]{2,8}[：:]\S")

#: Common surnames: a line of two to four characters starting with one, standing
#: under a title, is the author's name (李秀菊, 杨  柳).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇"
    "桑郎甄丛仲虞敖巩明佘池查麻苑迟邝希"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "皇甫", "慕容", "令狐", "公孙", "尉迟", "端木", "东方")

#: An author's note closing a signed piece: （作者为某大学教授）.
AUTHOR_NOTE = re.compile(r"^[(（]作者(?:为|系|是|单位)")

#: The reporter who took down a signed piece, named in its closing note: …，本报记者李建广采访整理.
RECORDER_IN_NOTE = re.compile(r"(?:本报记者|记者|本报实习生|实习生)[\u4e00-\u9fff·]{2,5}?(?:采访整理|整理)$")

#: The letter's signature line.
EDITOR_SIGNATURE = re.compile(r"^[—－-]{1,2}\s*(本报)?编\s*者$")
