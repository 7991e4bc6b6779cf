"""One rule of ../shared/PAGE-FORMAT.md at a time, each on a small hand-written page.

Every input is invented (not taken from the seeds) and every test checks text
conservation as well as the exact outcome of the rule it is named after.
Cases the parser gets wrong are kept, marked `xfail(strict=True)`, with the
expected outcome unchanged.
"""

from __future__ import annotations

import pytest

from reader.ingest import parse_page
from reader.models import Author, Credit, Entry, Item, ParsedPage
from tests.ingest.conservation import check_conservation

#: Paragraphs are separated by one blank line; three blank lines mark an image.
J = "\n\n".join
GAP = "\n\n\n\n"


def parse(text: str) -> ParsedPage:
    """Parse a page and insist that every input line ends up in exactly one place."""
    page = parse_page(text)
    assert check_conservation(text, page) == []
    return page


def only(page: ParsedPage) -> Item:
    """The single item of a one-item page."""
    assert len(page.items) == 1, page.items
    return page.items[0]


def of_kind(page: ParsedPage, kind: str) -> Item:
    """The single item of `kind` on the page."""
    found = [item for item in page.items if item.kind == kind]
    assert len(found) == 1, page.items
    return found[0]


# A complete, well-formed article to put in front of the item under test.
LEAD_ARTICLE = [
    "知行合一",
    "党建引领促发展",
    "□本报记者 王明",
    "近日,某旗召开党建工作推进会,部署今年重点任务。",
]


# --- labels, titles and bylines ---------------------------------------------------------------

def test_column_label_title_and_byline_open_an_article():
    page = parse(J([
        "知行合一",
        "扩大服务圈 筑牢“连心桥”",
        "□本报记者 王明",
        "近日,记者走进呼和浩特市新城区某社区,看到党员志愿者正在为居民义务理发。",
        "社区党委书记李红说:“我们要把服务送到群众家门口。”",
    ]))
    assert only(page) == Item(
        kind="article",
        column="知行合一",
        title="扩大服务圈 筑牢“连心桥”",
        authors=(Author("本报记者", "王明"),),
        paragraphs=(
            "近日,记者走进呼和浩特市新城区某社区,看到党员志愿者正在为居民义务理发。",
            "社区党委书记李红说:“我们要把服务送到群众家门口。”",
        ),
    )
    assert page.page_name is None
    assert page.unassigned == ()


def test_label_with_circle_mark_gives_the_bare_column():
    item = only(parse(J([
        "◎学思践悟",
        "让理论学习走深走实",
        "□本报记者 周宁",
        "今年以来,某旗委组织部坚持把理论学习摆在首位,推动学习常态化。",
    ])))
    assert item.column == "学思践悟"
    assert item.title == "让理论学习走深走实"
    assert item.authors == (Author("本报记者", "周宁"),)
    assert item.defects == ()


def test_unknown_short_line_over_a_title_is_a_column_label():
    item = only(parse(J([
        "乡村新貌",
        "小村庄里的大变化",
        "□本报记者 孙杰",
        "近日,记者来到某嘎查,只见一排排新房整齐排列,道路干净整洁。",
    ])))
    assert item.column == "乡村新貌"
    assert item.title == "小村庄里的大变化"
    assert item.subtitle is None
    assert item.authors == (Author("本报记者", "孙杰"),)
    assert item.paragraphs == ("近日,记者来到某嘎查,只见一排排新房整齐排列,道路干净整洁。",)
    assert item.defects == ()


def test_series_label_with_circled_number():
    item = only(parse(J([
        "◎五化协同 大抓基层③",
        "支部建在网格上",
        "□本报记者 王明",
        "近日,某区把党支部建在网格上,让服务更精准。",
    ])))
    assert item.series == "五化协同 大抓基层③"
    assert item.column is None
    assert item.title == "支部建在网格上"


def test_one_role_governs_every_name_until_the_next_role():
    item = only(parse(J([
        "北疆党旗红",
        "党员带头闯新路",
        "□本报记者 陈琳 实习生 高远 韩梅 通讯员 刘洋",
        "近年来,某苏木党委带领牧民发展特色养殖,收入逐年提高。",
    ])))
    assert item.authors == (
        Author("本报记者", "陈琳"),
        Author("实习生", "高远"),
        Author("实习生", "韩梅"),
        Author("通讯员", "刘洋"),
    )
    assert item.title == "党员带头闯新路"


def test_byline_before_the_title():
    item = only(parse(J([
        "知行合一",
        "□本报记者 马丽",
        "红色阵地焕新颜",
        "近日,某社区党群服务中心完成改造,吸引了不少居民前来参观。",
    ])))
    assert item.kind == "article"
    assert item.column == "知行合一"
    assert item.title == "红色阵地焕新颜"
    assert item.authors == (Author("本报记者", "马丽"),)
    assert item.paragraphs == ("近日,某社区党群服务中心完成改造,吸引了不少居民前来参观。",)
    assert item.subheads == ()
    assert item.defects == ()


def test_byline_without_box_and_with_padded_names():
    item = only(parse(J([
        "基层治理有新招",
        "本报记者  张  洋  何昭宇",
        "近日,某街道推行“网格+党建”模式,让矛盾纠纷化解在基层。",
    ])))
    assert item.title == "基层治理有新招"
    assert item.authors == (Author("本报记者", "张洋"), Author("本报记者", "何昭宇"))
    assert item.paragraphs == ("近日,某街道推行“网格+党建”模式,让矛盾纠纷化解在基层。",)
    assert item.defects == ()


# --- commentary, photos -----------------------------------------------------------------------

def test_signed_commentary_under_guanchao():
    item = only(parse(J([
        "观潮",
        "把实事办到群众心坎上",
        "◎李四",
        "为群众办实事,贵在一个“实”字。",
        "只有俯下身子,才能听到群众的真声音。",
    ])))
    assert item == Item(
        kind="commentary",
        column="观潮",
        title="把实事办到群众心坎上",
        authors=(Author("作者", "李四"),),
        paragraphs=("为群众办实事,贵在一个“实”字。", "只有俯下身子,才能听到群众的真声音。"),
    )


def test_photo_after_an_image_gap_with_caption_and_credit():
    text = J(LEAD_ARTICLE) + GAP + J([
        "冰雪课堂进校园",
        "近日,某小学组织学生开展冰雪运动体验活动。图为学生们在操场上滑冰。",
        "王五 摄",
    ])
    page = parse(text)
    assert len(page.items) == 2
    article, photo = page.items
    assert article.title == "党建引领促发展"
    assert article.paragraphs == ("近日,某旗召开党建工作推进会,部署今年重点任务。",)
    assert photo == Item(
        kind="photo",
        title="冰雪课堂进校园",
        authors=(Author("摄影", "王五"),),
        paragraphs=("近日,某小学组织学生开展冰雪运动体验活动。图为学生们在操场上滑冰。",),
    )


def test_photo_credit_with_reporter_role_names_the_photographer():
    page = parse(J(LEAD_ARTICLE) + GAP + J([
        "冬日送温暖",
        "日前,志愿者为独居老人送去米面油等生活物资。",
        "本报记者 赵六 摄",
    ]))
    photo = of_kind(page, "photo")
    assert photo.title == "冬日送温暖"
    assert photo.authors == (Author("摄影", "赵六"),)
    assert photo.paragraphs == ("日前,志愿者为独居老人送去米面油等生活物资。",)
    assert photo.defects == ()


def test_photo_column_with_image_and_no_caption_lost_its_caption():
    page = parse(J(LEAD_ARTICLE) + GAP + J([
        "掠影",
        "草原晨光",
        "视点",
        "社区里的红色课堂",
        "□本报记者 刘云",
        "近日,某社区开设红色课堂,党员群众齐聚一堂。",
    ]))
    assert [item.kind for item in page.items] == ["article", "photo", "article"]
    photo = page.items[1]
    assert photo == Item(kind="photo", column="掠影", title="草原晨光", defects=("caption lost",))
    after = page.items[2]
    assert (after.column, after.title) == ("视点", "社区里的红色课堂")
    assert after.paragraphs == ("近日,某社区开设红色课堂,党员群众齐聚一堂。",)


# --- briefs and quotes boxes ------------------------------------------------------------------

def test_briefs_box_with_trailing_attributions():
    item = only(parse(J([
        "信息集装箱",
        "●近日,某旗委组织部举办基层党组织书记培训班,120余人参加。(本报记者 郝明)",
        "●日前,某市开展“党员进社区”活动,为居民解决实际困难30余件。(雷雷)",
        "●某区启动年轻干部“墩苗”计划,选派50名干部到基层锻炼。",
    ])))
    assert item == Item(
        kind="briefs",
        column="信息集装箱",
        entries=(
            Entry("近日,某旗委组织部举办基层党组织书记培训班,120余人参加。", "本报记者 郝明"),
            Entry("日前,某市开展“党员进社区”活动,为居民解决实际困难30余件。", "雷雷"),
            Entry("某区启动年轻干部“墩苗”计划,选派50名干部到基层锻炼。", None),
        ),
    )


def test_brief_attribution_on_its_own_next_line():
    item = only(parse(J([
        "信息集装箱",
        "◆近日,某盟举办新任村党组织书记示范培训班。",
        "(本报记者 韩冰)",
        "◆日前,某县组织党员开展冬季植绿护绿活动。",
    ])))
    assert item.kind == "briefs"
    assert item.entries == (
        Entry("近日,某盟举办新任村党组织书记示范培训班。", "本报记者 韩冰"),
        Entry("日前,某县组织党员开展冬季植绿护绿活动。", None),
    )
    assert item.paragraphs == ()
    assert item.authors == ()


def test_quotes_box_with_dash_sources_and_closing_source():
    item = only(parse(J([
        "每周一学",
        "★为政之要,莫先于得人。",
        "——《习近平谈治国理政》",
        "★人民就是江山,江山就是人民。",
        "——习近平在某次会议上的讲话",
        "(来源:共产党员网)",
    ])))
    assert item == Item(
        kind="quotes",
        column="每周一学",
        authors=(Author("来源", "共产党员网"),),
        entries=(
            Entry("为政之要,莫先于得人。", "《习近平谈治国理政》"),
            Entry("人民就是江山,江山就是人民。", "习近平在某次会议上的讲话"),
        ),
    )


def test_box_label_stacked_on_an_article_label_goes_to_the_later_box():
    page = parse(J([
        "每周一学",
        "知行合一",
        "党建引领促发展",
        "□本报记者 王明",
        "近日,某旗召开党建工作推进会,部署今年重点任务。",
        "★为政之要,莫先于得人。",
        "——《习近平谈治国理政》",
        "(来源:共产党员网)",
    ]))
    assert page.unassigned == ()
    article = of_kind(page, "article")
    assert article == Item(
        column="知行合一",
        title="党建引领促发展",
        authors=(Author("本报记者", "王明"),),
        paragraphs=("近日,某旗召开党建工作推进会,部署今年重点任务。",),
    )
    quotes = of_kind(page, "quotes")
    assert quotes == Item(
        kind="quotes",
        column="每周一学",
        authors=(Author("来源", "共产党员网"),),
        entries=(Entry("为政之要,莫先于得人。", "《习近平谈治国理政》"),),
        defects=("label displaced",),
    )
    assert 1 in quotes.lines  # the label line itself went to the box


# --- letters and markdown ---------------------------------------------------------------------

def test_letter_to_readers_signed_by_the_editors():
    item = only(parse(J([
        "致读者",
        "亲爱的读者朋友们,新的一年,我们将继续用心办好本版,讲好基层党建故事。",
        "感谢您一直以来的陪伴与支持。",
        "——编者",
    ])))
    assert item == Item(
        kind="letter",
        title="致读者",
        authors=(Author("编者", "编者"),),
        paragraphs=(
            "亲爱的读者朋友们,新的一年,我们将继续用心办好本版,讲好基层党建故事。",
            "感谢您一直以来的陪伴与支持。",
        ),
    )


def test_markdown_headings_are_titles():
    page = parse(J([
        "# 社区党建 暖心服务",
        "□本报记者 王明",
        "近日,某社区党委组织党员开展入户走访活动。",
        "## 抓好基层组织建设",
        "□本报记者 刘云",
        "日前,某社区开设红色课堂,党员群众齐聚一堂。",
    ]))
    assert [(i.kind, i.title, i.authors) for i in page.items] == [
        ("article", "社区党建 暖心服务", (Author("本报记者", "王明"),)),
        ("article", "抓好基层组织建设", (Author("本报记者", "刘云"),)),
    ]
    assert page.items[0].paragraphs == ("近日,某社区党委组织党员开展入户走访活动。",)
    assert page.items[1].paragraphs == ("日前,某社区开设红色课堂,党员群众齐聚一堂。",)


def test_markdown_heading_can_title_a_photo():
    page = parse(J(LEAD_ARTICLE) + GAP + J([
        "## 剪羊毛送服务",
        "日前,某苏木党员志愿者走进牧户家中,帮助牧民剪羊毛。",
        "本报记者 苏和 摄",
    ]))
    photo = of_kind(page, "photo")
    assert photo.title == "剪羊毛送服务"
    assert photo.authors == (Author("摄影", "苏和"),)
    assert photo.paragraphs == ("日前,某苏木党员志愿者走进牧户家中,帮助牧民剪羊毛。",)


def test_markdown_bold_photo_title_in_a_hard_break_block():
    block = "**冰雪课堂进校园**  \n 近日,某小学组织学生开展冰雪运动体验活动。  \n 王五 摄"
    page = parse(J(LEAD_ARTICLE) + GAP + block)
    assert len(page.items) == 2
    assert page.items[1] == Item(
        kind="photo",
        title="冰雪课堂进校园",
        authors=(Author("摄影", "王五"),),
        paragraphs=("近日,某小学组织学生开展冰雪运动体验活动。",),
    )


# --- kickers, subtitles, subheads -------------------------------------------------------------

def test_kicker_above_the_title():
    item = only(parse(J([
        "知行合一",
        "目标同心 行动同向",
        "党建联盟激活发展新动能",
        "□本报记者 王明",
        "近日,某旗成立区域党建联盟,整合辖区资源。",
    ])))
    assert item.column == "知行合一"
    assert item.kicker == "目标同心 行动同向" and item.subtitle is None
    assert item.title == "党建联盟激活发展新动能"
    assert item.subheads == ()


def test_dash_ji_line_below_the_title_is_the_subtitle():
    item = only(parse(J([
        "初心如磐",
        "扎根草原的“牧民书记”",
        "——记某嘎查党支部书记巴特尔",
        "□本报记者 苏和",
        "近日,记者来到某嘎查党群服务中心,巴特尔正在给牧民讲政策。",
        "二十年来,他带领牧民走上了致富路。",
    ])))
    assert item.title == "扎根草原的“牧民书记”"
    assert item.subtitle == "——记某嘎查党支部书记巴特尔"
    assert item.authors == (Author("本报记者", "苏和"),)
    assert item.subheads == ()
    assert len(item.paragraphs) == 2
    assert item.defects == ()


def test_subhead_inside_body_and_inline_lead_in_stays_a_paragraph():
    item = only(parse(J([
        "学思践悟",
        "建强堡垒夯实根基",
        "□本报记者 王明",
        "近年来,某市坚持大抓基层的鲜明导向,推动基层党组织全面进步。",
        "组织体系更加健全",
        "该市持续优化党组织设置,实现党的组织全覆盖。",
        "强班子,选优配强村党组织书记是关键。该市通过换届选拔了一批能人。",
    ])))
    assert item.title == "建强堡垒夯实根基"
    assert item.subheads == ("组织体系更加健全",)
    assert item.paragraphs == (
        "近年来,某市坚持大抓基层的鲜明导向,推动基层党组织全面进步。",
        "该市持续优化党组织设置,实现党的组织全覆盖。",
        "强班子,选优配强村党组织书记是关键。该市通过换届选拔了一批能人。",
    )
    assert item.defects == ()


# --- split paragraphs -------------------------------------------------------------------------

def test_split_paragraph_is_joined():
    item = only(parse(J([
        "知行合一",
        "党建引领促发展",
        "□本报记者 王明",
        "近日,某旗推行党员联系户制度,这是密切党群关系的一项务实",
        "举措。",
        "目前,全旗已有800余名党员结对帮扶困难群众。",
    ])))
    assert item.paragraphs == (
        "近日,某旗推行党员联系户制度,这是密切党群关系的一项务实举措。",
        "目前,全旗已有800余名党员结对帮扶困难群众。",
    )
    assert item.defects == ("joined split paragraph",)
    assert item.title == "党建引领促发展"
    assert item.subheads == ()


def test_continuation_starting_with_a_closing_quote_is_joined():
    item = only(parse(J([
        "初心如磐",
        "牧民身边的贴心人",
        "□本报记者 苏和",
        "近日,记者来到某嘎查,牧民们都把党支部书记巴特尔称为“贴心人",
        "”。如今,嘎查里大事小情都离不开他。",
    ])))
    assert item.paragraphs == (
        "近日,记者来到某嘎查,牧民们都把党支部书记巴特尔称为“贴心人”。如今,嘎查里大事小情都离不开他。",
    )
    assert item.defects == ("joined split paragraph",)


def test_title_between_the_halves_of_a_split_paragraph_is_the_displaced_title():
    # The seam words (倾听群众心声) are printed again further down the page.
    item = only(parse(J([
        "知行合一",
        "□本报记者 王明",
        "近日,某旗推行党员联系户制度,党员们走村入户倾听",
        "党员联系户 架起连心桥",
        "群众心声,帮助解决急难愁盼问题。",
        "目前,全旗已有800余名党员结对帮扶困难群众,倾听群众心声成为常态。",
    ])))
    assert item.title == "党员联系户 架起连心桥"
    assert item.subheads == ()
    assert item.paragraphs == (
        "近日,某旗推行党员联系户制度,党员们走村入户倾听群众心声,帮助解决急难愁盼问题。",
        "目前,全旗已有800余名党员结对帮扶困难群众,倾听群众心声成为常态。",
    )
    assert item.defects == ("title displaced", "joined split paragraph")


def test_displaced_title_without_the_seam_repeated_elsewhere():
    item = only(parse(J([
        "知行合一",
        "□本报记者 王明",
        "近日,某旗推行党员联系户制度,这是密切党群关系的一项务实",
        "党员联系户 架起连心桥",
        "举措。目前,全旗已有800余名党员结对帮扶困难群众。",
    ])))
    assert item.paragraphs == (
        "近日,某旗推行党员联系户制度,这是密切党群关系的一项务实举措。目前,全旗已有800余名党员结对帮扶困难群众。",
    )
    assert item.title == "党员联系户 架起连心桥"
    assert item.subheads == ()
    assert item.defects == ("title displaced", "joined split paragraph")


# --- cut-off paragraphs and duplicates --------------------------------------------------------

def test_last_paragraph_cut_off():
    item = only(parse(J([
        *LEAD_ARTICLE,
        "会议要求,各级党组织要把抓基层打基础作为长远之计和固本之举,切实把党的组织优势转化为",
    ])))
    assert item.paragraphs == (
        "近日,某旗召开党建工作推进会,部署今年重点任务。",
        "会议要求,各级党组织要把抓基层打基础作为长远之计和固本之举,切实把党的组织优势转化为",
    )
    assert item.defects == ("paragraph cut off",)


def test_short_last_paragraph_cut_off():
    item = only(parse(J([*LEAD_ARTICLE, "会议要求,各级党组织要把抓基层打基础作为"])))
    assert item.paragraphs == (
        "近日,某旗召开党建工作推进会,部署今年重点任务。",
        "会议要求,各级党组织要把抓基层打基础作为",
    )
    assert item.defects == ("paragraph cut off",)


def test_duplicate_paragraph_is_kept_once():
    repeated = "会议要求,各级党组织要把抓基层打基础作为长期任务。"
    item = only(parse(J([*LEAD_ARTICLE, repeated, repeated, "与会人员纷纷表示将认真抓好落实。"])))
    assert item.paragraphs == (
        "近日,某旗召开党建工作推进会,部署今年重点任务。",
        repeated,
        "与会人员纷纷表示将认真抓好落实。",
    )
    assert item.defects == ("duplicate paragraph dropped",)
    assert item.lines == (1, 3, 5, 7, 9, 11, 13)


# --- openings and lost titles -----------------------------------------------------------------

def test_body_starting_mid_word_lost_its_opening():
    item = only(parse(J([
        "阵地",
        "红色课堂育新人",
        "□本报记者 王明",
        "色教育基地,探索“行走的课堂”教学模式,让党员在现场接受教育。",
        "目前,已有2000余名党员参加学习。",
    ])))
    assert item.paragraphs[0] == "色教育基地,探索“行走的课堂”教学模式,让党员在现场接受教育。"
    assert item.defects == ("opening lost",)


@pytest.mark.parametrize("opening", [
    "近日,某旗党员教育基地迎来一批特殊的学员,他们是刚入党的年轻人。",
    "隆冬时节,某旗党员教育基地里依旧热闹,前来学习的党员络绎不绝。",
    "“这样的党课,我们爱听!”近日,在某旗党员教育基地,一名老党员说。",
    "冬日的清晨,某旗党员教育基地里已经坐满了前来学习的党员。",
], ids=["jinri", "longdong-shijie", "opening-quote", "dongri-de-qingchen"])
def test_normal_opening_is_not_lost(opening):
    item = only(parse(J(["阵地", "红色课堂育新人", "□本报记者 王明", opening])))
    assert item.paragraphs == (opening,)
    assert item.defects == ()


def test_label_and_byline_without_title_lost_the_title():
    item = only(parse(J([
        "近邻",
        "□本报记者 王明",
        "近日,某社区党委推行“楼栋长”制度,打通服务居民的最后一米。",
        "目前,社区已选出楼栋长60余名。",
    ])))
    assert item.title is None
    assert item.column == "近邻"
    assert item.authors == (Author("本报记者", "王明"),)
    assert len(item.paragraphs) == 2
    assert item.defects == ("title lost",)


# --- other papers: datelines, headline columns, attributions, page credits --------------------

def test_dateline_credit_names_the_reporters_and_stays_in_the_text():
    first = "新华社北京3月5日电（记者 刘晓 王毅）3月5日,来自基层的代表们走进会场,带来了群众的心声。"
    item = only(parse(J([
        "把党的建设贯穿乡村振兴全过程",
        first,
        "代表们表示,要把基层的声音带到会上。",
    ])))
    assert item.title == "把党的建设贯穿乡村振兴全过程"
    assert item.authors == (Author("记者", "刘晓"), Author("记者", "王毅"))
    assert item.paragraphs == (first, "代表们表示,要把基层的声音带到会上。")
    assert item.defects == ()


def test_dateline_with_ascii_brackets_and_unspaced_name():
    first = "本报北京1月6日电 (记者王迪)1月6日,全国组织工作会议在京召开。"
    item = only(parse(J(["把党的建设贯穿乡村振兴全过程", first, "会议强调,要抓好基层党建。"])))
    assert item.authors == (Author("记者", "王迪"),)
    assert item.paragraphs[0] == first


def test_headline_with_column_in_brackets():
    item = only(parse(J([
        "乡村振兴一线见闻（观察）",
        "本报记者  张  洋  何昭宇",
        "初春时节,走进某县的田间地头,处处是忙碌的景象。",
        "村党支部书记说,今年要把产业做得更大。",
    ])))
    assert item.title == "乡村振兴一线见闻"
    assert item.column == "观察"
    assert item.authors == (Author("本报记者", "张洋"), Author("本报记者", "何昭宇"))
    assert item.defects == ()


def test_headline_with_column_in_brackets_after_an_article_opens_a_new_item():
    page = parse(J([
        "党建引领促发展",
        "□本报记者 王明",
        "近日,某旗召开党建工作推进会,部署今年重点任务。",
        "乡村振兴一线见闻（观察）",
        "初春时节,走进某县的田间地头,处处是忙碌的景象。",
    ]))
    assert [(i.column, i.title) for i in page.items] == [
        (None, "党建引领促发展"),
        ("观察", "乡村振兴一线见闻"),
    ]
    assert page.items[0].subheads == ()
    assert page.items[1].paragraphs == ("初春时节,走进某县的田间地头,处处是忙碌的景象。",)


def test_trailing_bracketed_name_is_the_author_and_page_credit_goes_to_the_page():
    page = parse(J([
        "让基层减负落到实处",
        "减负不是减责任,而是让干部把更多精力用在抓落实上。",
        "只有真减负,基层干部才能轻装上阵。",
        "（郭  帅）",
        "本版编辑：李  明",
    ]))
    item = only(page)
    assert item.title == "让基层减负落到实处"
    assert item.authors == (Author("作者", "郭帅"),)
    assert item.paragraphs == (
        "减负不是减责任,而是让干部把更多精力用在抓落实上。",
        "只有真减负,基层干部才能轻装上阵。",
    )
    assert page.credits == (Credit("本版编辑", "李明"),)
    assert page.unassigned == ()
    assert page.page_lines == (9,)
    assert 9 not in item.lines


def test_author_note_in_brackets_stays_text():
    item = only(parse(J([
        "声音",
        "年轻干部要多到基层墩墩苗",
        "基层是最好的课堂,年轻干部只有沉下身子,才能真正成长起来。",
        "（作者为某旗委党校讲师）",
    ])))
    assert item.kind == "commentary"
    assert item.authors == ()
    assert item.paragraphs[-1] == "（作者为某旗委党校讲师）"


def test_editorial_note_in_brackets_is_not_an_author():
    item = only(parse(J([*LEAD_ARTICLE, "（有删节）"])))
    assert item.authors == (Author("本报记者", "王明"),)


# --- full-width punctuation -------------------------------------------------------------------

def test_full_width_attribution_line_with_ideographic_spaces():
    item = only(parse(J([
        "视点",
        "党建引领促发展",
        "近日，某旗召开党建工作推进会，部署今年重点任务。",
        "会议强调：要把抓基层打基础作为长远之计；各级党组织要切实扛起责任。",
        "（本报记者　郝　明）",
    ])))
    assert item.authors == (Author("本报记者", "郝明"),)
    assert item.paragraphs == (
        "近日，某旗召开党建工作推进会，部署今年重点任务。",
        "会议强调：要把抓基层打基础作为长远之计；各级党组织要切实扛起责任。",
    )
    assert item.defects == ()


def test_full_width_brief_attribution_and_box_source():
    page = parse(J([
        "信息集装箱",
        "●近日，某旗委组织部举办基层党组织书记培训班，120余人参加。（本报记者　郝明）",
        "●日前，某市开展“党员进社区”活动。（雷　雷）",
        "每周一学",
        "★为政之要，莫先于得人。",
        "——《习近平谈治国理政》",
        "（来源：共产党员网）",
    ]))
    briefs = of_kind(page, "briefs")
    # Sources are stored as printed, ideographic spaces included.
    assert briefs.entries == (
        Entry("近日，某旗委组织部举办基层党组织书记培训班，120余人参加。", "本报记者　郝明"),
        Entry("日前，某市开展“党员进社区”活动。", "雷　雷"),
    )
    quotes = of_kind(page, "quotes")
    assert quotes.column == "每周一学"
    assert quotes.entries == (Entry("为政之要，莫先于得人。", "《习近平谈治国理政》"),)
    assert quotes.authors == (Author("来源", "共产党员网"),)


# --- masthead ---------------------------------------------------------------------------------

def test_masthead_names_the_page_and_is_not_an_item():
    page = parse(J(["先锋", *LEAD_ARTICLE]))
    assert page.page_name == "先锋"
    assert page.page_lines == (1,)
    item = only(page)
    assert item.column == "知行合一"
    assert item.title == "党建引领促发展"
    assert 1 not in item.lines


# --- interleaving -----------------------------------------------------------------------------

A1 = "近日,记者来到额尔登苏木,党员其木格正带着牧民学习科学养畜技术。"
A2 = "额尔登苏木党委把党员示范户作为带动牧民增收的抓手,其木格就是其中之一。"
A3 = "如今,在其木格的带动下,额尔登苏木已有30多户牧民发展起了舍饲养殖。"
A4 = "其木格说,额尔登苏木的牧民日子越过越红火,她心里比谁都高兴。"
B1 = "红柳社区是一个老旧小区,社区民警张建军每天都要在楼栋间走上几圈。"
B3 = "挨家挨户走访,红柳社区今年没有发生一起民转刑案件,张建军也成了居民口中的“自家人”。"


def interleaved_page(b2: str) -> str:
    return J([
        "知行合一", "草原上的养畜能手", "□本报记者 王明", A1, A2,
        "视点", "警地携手护平安", "□本报记者 刘云", B1, b2,
        "牧民的贴心人", A3, A4, B3,
    ])


def test_interleaved_articles_are_untangled_by_topic():
    b2 = "为了把矛盾纠纷化解在萌芽状态,红柳社区民警张建军主动联系社区党委,每周都和网格员一起"
    page = parse(interleaved_page(b2))
    assert len(page.items) == 2
    first, second = page.items
    assert (first.column, first.title) == ("知行合一", "草原上的养畜能手")
    assert first.paragraphs == (A1, A2, A3, A4)
    assert "interleaved" in first.defects
    assert (second.column, second.title) == ("视点", "警地携手护平安")
    assert second.paragraphs == (B1, b2 + B3)
    assert "interleaved" in second.defects
    assert "joined split paragraph" in second.defects


@pytest.mark.xfail(strict=True, reason=(
    "when the unfinished paragraph is itself title-shaped (short, one comma), it and the "
    "title line after it are all read as text: title and the first article's paragraphs "
    "are glued onto the second article"
))
def test_interleaving_after_a_short_unfinished_paragraph():
    b2 = "为了把矛盾化解在萌芽状态,红柳社区民警张建军和网格员一起"
    page = parse(interleaved_page(b2))
    first, second = page.items
    assert first.paragraphs == (A1, A2, A3, A4)
    assert second.paragraphs == (B1, b2 + B3)
    assert "interleaved" in first.defects
    assert "interleaved" in second.defects
