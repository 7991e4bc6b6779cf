"""Print conventions of other papers than 《先锋》, one at a time, from real printed lines.

The lines are those of national and provincial dailies (人民日报, 新华每日电讯,
黑龙江日报 …) quoted in the parser issue and in tests/eval/corpus; each test
checks text conservation as well as the reading of its convention.
"""

from __future__ import annotations

from reader.ingest import parse_page
from reader.models import Author, Credit, ParsedPage
from tests.ingest.conservation import check_conservation

J = "\n\n".join
GAP = "\n\n\n\n"

BODY_A = "“大家平日工作都很辛苦，就想过节聚个餐犒劳一下。”某县一单位负责人说。"
BODY_B = "此前，县纪委监委开展明察暗访，发现该单位以会议名义套取资金用于聚餐。"
BODY_C = "前不久，甘肃省白银市靖远县若笠乡牛庄村50户群众收到了退还的会费。"
BODY_D = "村党支部书记说，会费是大家的钱，每一笔都要有明白账，不能让群众吃亏。"


def parse(text: str) -> ParsedPage:
    page = parse_page(text)
    assert check_conservation(text, page) == []
    return page


def titles(page: ParsedPage) -> list[str | None]:
    return [item.title for item in page.items]


# --- headlines with their column ------------------------------------------------------------

def test_headline_with_bracketed_column_mid_page_starts_a_new_item():
    page = parse(J([
        "年节严把“廉洁关”（前沿观察）",
        "本报记者  张  洋  何昭宇",
        "近日，中纪委印发通知，要求各级纪检监察机关做好元旦春节期间监督检查工作。",
        "如此犒劳，要不得（监督哨）",
        BODY_A, BODY_B,
        "（郭  帅）",
        "私占会费，吐出来（监督哨）",
        BODY_C, BODY_D,
        "（张丽敏）",
    ]))
    assert titles(page) == ["年节严把“廉洁关”", "如此犒劳，要不得", "私占会费，吐出来"]
    first, second, third = page.items
    assert first.column == "前沿观察"
    assert second.column == "监督哨" and second.paragraphs == (BODY_A, BODY_B)
    assert second.authors == (Author("作者", "郭帅"),)
    assert third.column == "监督哨" and third.authors == (Author("作者", "张丽敏"),)


def test_headline_column_may_hold_a_middle_dot():
    page = parse(J([
        "石头山种出果满园（美丽中国·这里的荒漠化这样治）",
        "本报记者  苏  滨",
        BODY_C,
    ]))
    item = page.items[0]
    assert (item.title, item.column) == ("石头山种出果满园", "美丽中国·这里的荒漠化这样治")


def test_bracketed_note_after_a_title_is_not_a_column():
    page = parse(J(["《“以竹代塑”主要产品名录（2025年版）》发布", "本报记者 王明", BODY_C]))
    assert page.items[0].title == "《“以竹代塑”主要产品名录（2025年版）》发布"
    assert page.items[0].column is None


# --- kicker, title, subtitle ----------------------------------------------------------------

def test_kicker_with_commas_above_a_headline_and_its_column():
    page = parse(J([
        "经国家组织集中带量采购，价格平均下降60%，2024年在全国落地执行",
        "如何确保人工晶体“降价不降质”（一线调研）",
        "本报记者  杨  迅",
        BODY_C,
    ]))
    item = page.items[0]
    assert item.kicker == "经国家组织集中带量采购，价格平均下降60%，2024年在全国落地执行"
    assert (item.title, item.column, item.subtitle) == ("如何确保人工晶体“降价不降质”", "一线调研", None)


def test_kicker_title_and_subtitle_around_a_headline_with_its_column():
    page = parse(J([
        "呼吸道传染病流行规模低于去年同期",
        "感染流感后，尽量在48小时内用药（服务窗）",
        "抗菌药没有作用，不建议自行使用",
        "本报记者  白剑峰",
        BODY_C,
    ]))
    item = page.items[0]
    assert item.kicker == "呼吸道传染病流行规模低于去年同期"
    assert item.title == "感染流感后，尽量在48小时内用药"
    assert item.subtitle == "抗菌药没有作用，不建议自行使用"
    assert item.authors == (Author("本报记者", "白剑峰"),)


def test_dash_subtitle_below_the_title():
    page = parse(J(["以品牌赋能高质量发展", "——二〇二六世界品牌莫干山大会观察", "新华社记者 夏亮 吕昂", BODY_C]))
    item = page.items[0]
    assert (item.kicker, item.title) == (None, "以品牌赋能高质量发展")
    assert item.subtitle == "——二〇二六世界品牌莫干山大会观察"


def test_an_event_headline_keeps_its_detail_below_as_subtitle():
    page = parse(J([
        "新疆巩固拓展塔克拉玛干沙漠锁边成果",
        "新增植绿扩边479万亩",
        "本报乌鲁木齐7月14日电  （记者阿尔达克）记者从近日召开的推进会上获悉：新疆持续巩固锁边成果。",
    ]))
    item = page.items[0]
    assert (item.title, item.subtitle, item.kicker) == (
        "新疆巩固拓展塔克拉玛干沙漠锁边成果", "新增植绿扩边479万亩", None
    )


def test_an_announcing_line_is_the_kicker():
    page = parse(J([
        "习近平致信中国红十字会第十二次全国会员代表大会强调",
        "聚焦高质量发展提高人道服务能力 为强国建设民族复兴和人类和平与进步事业作出新的更大贡献",
        "韩正出席开幕式并会见全体代表",
        "新华社北京10月9日电  在中国红十字会第十二次全国会员代表大会开幕之际，习近平致信表示热烈祝贺。",
    ]))
    item = page.items[0]
    assert item.kicker == "习近平致信中国红十字会第十二次全国会员代表大会强调"
    assert item.title.startswith("聚焦高质量发展") and item.subtitle == "韩正出席开幕式并会见全体代表"
    assert item.dateline == "新华社北京10月9日电"


# --- commentators and other bylines ---------------------------------------------------------

def test_commentator_lines_are_bylines_not_headlines():
    page = parse(J([
        "坚定不移推进高水平对外开放",
        "本报评论员",
        BODY_C,
        "以钉钉子精神抓好落实",
        "徐明辉  黑龙江日报评论员",
        BODY_D,
    ]))
    assert titles(page) == ["坚定不移推进高水平对外开放", "以钉钉子精神抓好落实"]
    assert page.items[0].authors == (Author("本报评论员", "本报评论员"),)
    assert page.items[1].authors == (Author("黑龙江日报评论员", "徐明辉"),)


def test_dialogue_byline_with_a_colon():
    page = parse(J(["如何读懂中国经济", "对话人：张  三  李四光", BODY_C]))
    assert page.items[0].authors == (Author("对话人", "张三"), Author("对话人", "李四光"))


def test_name_alone_under_a_title_signs_a_commentary():
    page = parse(J(["不搞“政策洼地”，精心打造“营商环境高地”（人民时评）", "杨  柳", BODY_C, BODY_D]))
    item = page.items[0]
    assert item.kind == "commentary" and item.column == "人民时评"
    assert item.authors == (Author("作者", "杨柳"),)
    assert item.paragraphs == (BODY_C, BODY_D)


def test_recorded_interview_keeps_its_role_words():
    page = parse(J(["“好房子”怎么造", "范兴雷", BODY_C, "（作者为某集团产品管理中心负责人，本报记者李建广采访整理）"]))
    item = page.items[0]
    assert item.authors == (Author("作者", "范兴雷"), Author("本报记者采访整理", "李建广"))
    assert item.paragraphs[-1].endswith("本报记者李建广采访整理）")


def test_bracketed_byline_with_closing_role_words_after_the_body():
    page = parse(J(["接诉即办暖民心", BODY_C, "（本报记者杨迅采访整理）"]))
    assert page.items[0].authors == (Author("本报记者采访整理", "杨迅"),)


def test_role_printed_alone_takes_the_names_given_at_the_end():
    page = parse(J(["如何确保人工晶体“降价不降质”（一线调研）", "本报记者", BODY_C, "（本报记者杨迅、李蕊）"]))
    assert page.items[0].authors == (Author("本报记者", "杨迅"), Author("本报记者", "李蕊"))


def test_names_at_the_end_of_the_last_paragraph_sign_the_story():
    text = "截至目前，东阳市已实现干部下沉服务全覆盖。　　　　 （本报记者刘婧宇）"
    page = parse(J(["浙江东阳：干部“沉下去”，治理“活起来”", BODY_C, text, "重庆綦江：红色薪火在乡村传承", BODY_D]))
    first, second = page.items
    assert first.paragraphs[-1] == "截至目前，东阳市已实现干部下沉服务全覆盖。"
    assert first.authors == (Author("本报记者", "刘婧宇"),)
    assert second.title == "重庆綦江：红色薪火在乡村传承"


# --- datelines -----------------------------------------------------------------------------

def test_dateline_with_its_credit_is_read_and_the_text_stays_in_the_body():
    first = "本报北京7月14日电  （记者李蕊、张文豪）近日，山东省向河南省兑现生态补偿金6207万元。"
    page = parse(J(["山东兑现河南生态补偿金6207万元", first, BODY_D]))
    item = page.items[0]
    assert item.dateline == "本报北京7月14日电"
    assert item.authors == (Author("记者", "李蕊"), Author("记者", "张文豪"))
    assert item.paragraphs == (first, BODY_D)


def test_dateline_on_its_own_line_closes_the_story_it_ends():
    page = parse(J([
        "英国地方选举折射欧洲政治“碎片化”趋势",
        "新华社记者 于艾岑",
        BODY_C,
        "新华社伦敦/布鲁塞尔5月11日电",
        "欧元区制造业“虚火”之下有隐忧",
        BODY_D,
        "据新华社法兰克福5月11日电",
    ]))
    first, second = page.items
    assert first.dateline == "新华社伦敦/布鲁塞尔5月11日电" and first.paragraphs == (BODY_C,)
    assert second.title == "欧元区制造业“虚火”之下有隐忧"
    assert second.dateline == "据新华社法兰克福5月11日电"


def test_dateline_at_the_end_of_the_last_paragraph():
    last = "下一步海关总署将加强协同监管。新华社北京5月11日电"
    page = parse(J(["进出口化妆品监管新规十二月一日施行", "新华社记者 戴锦镕", BODY_C, last]))
    item = page.items[0]
    assert item.dateline == "新华社北京5月11日电"
    assert item.paragraphs[-1] == "下一步海关总署将加强协同监管。"


def test_a_subhead_after_a_dateline_story_is_not_its_title():
    page = parse(J([
        "多措并举稳就业",
        "新华社北京3月5日电（记者 刘晓）春节过后，各地人社部门和用人单位密集开展春季招聘活动。",
        "线上线下齐发力",
        "走进南方某市的一场大型招聘会现场，300余家企业设置展位，提供岗位近万个。",
    ]))
    assert len(page.items) == 1
    assert page.items[0].title == "多措并举稳就业"
    assert page.items[0].subheads == ("线上线下齐发力",)


# --- photos and credits ---------------------------------------------------------------------

def test_photo_credits_in_their_printed_forms():
    page = parse(J([
        "湖南省湘潭市中心医院眼科主任在进行人工晶体植入手术。",
        "杨  迅  刘  超摄影报道",
        "甘肃省兰州市市场监管局工作人员在企业仓库内检查人工晶体。",
        "本报记者  宋朝军摄",
        "今年11月，陕西西安首家市内免税店正式开业。图为顾客在店内选购商品。",
        "彭  华摄（人民视觉）",
        "图①：群山环绕中的古胜村。",
        "陈  彬摄",
    ]))
    assert [item.kind for item in page.items] == ["photo"] * 4
    assert [item.authors for item in page.items] == [
        (Author("摄影报道", "杨迅"), Author("摄影报道", "刘超")),
        (Author("摄影", "宋朝军"),),
        (Author("摄影", "彭华"), Author("来源", "人民视觉")),
        (Author("摄影", "陈彬"),),
    ]


def test_credit_at_the_end_of_a_caption():
    caption = "图为降拥扎西（右一）与群众合力救助野鹿。　　甘孜州公安局供图"
    page = parse(J(["警民破冰救野鹿", caption]))
    item = page.items[0]
    assert item.paragraphs == ("图为降拥扎西（右一）与群众合力救助野鹿。",)
    assert item.authors == (Author("供图", "甘孜州公安局"),)


def test_chart_and_page_credits():
    page = parse(J([
        "年节严把“廉洁关”（前沿观察）",
        "本报记者  张  洋",
        "数据来源：中央纪委国家监委网站",
        "核心阅读",
        BODY_C,
        "制图：张丹峰",
        "本版责编：程  宏  版式设计：沈亦伶",
    ]))
    item = page.items[0]
    assert item.authors == (
        Author("本报记者", "张洋"), Author("数据来源", "中央纪委国家监委网站"), Author("制图", "张丹峰"),
    )
    assert item.subheads == ("核心阅读",)
    assert page.credits == (Credit("本版责编", "程宏"), Credit("版式设计", "沈亦伶"))


def test_box_source_is_the_boxs_source_not_an_author_name():
    page = parse(J(["每周一学", "★全面从严治党永远在路上。", "——习近平", "（来源:共产党员网）"]))
    box = page.items[0]
    assert box.kind == "quotes"
    assert box.authors == (Author("来源", "共产党员网"),)


def test_editors_note_is_a_letter_signed_by_the_editors():
    page = parse(J(["编者按", "文艺立时代潮头，也最感时代气息。本版推出系列评论。", "——编  者"]))
    item = page.items[0]
    assert (item.kind, item.title) == ("letter", "编者按")
    assert item.authors == (Author("编者", "编者"),)


def test_short_commentary_column():
    page = parse(J(["短评", "让基层干部把精力用在干实事上", BODY_D]))
    assert (page.items[0].kind, page.items[0].column) == ("commentary", "短评")


# --- the plainest page ----------------------------------------------------------------------

def test_headlines_without_bylines_each_start_an_item_flagged_uncertain():
    page = parse(J([
        "寒潮来袭各地积极应对",
        "受强冷空气影响，北方多地气温骤降，各地启动应急响应，保障群众温暖过冬。",
        "供热企业加大巡检力度，确保管网平稳运行。",
        "春运火车票今起开售",
        "铁路部门提醒旅客，春运首日车票将于今天开始发售，请通过官方渠道购票。",
        "博物馆里过大年",
        "春节将至，各地博物馆推出新春特展，吸引市民游客前来参观。",
    ]))
    assert titles(page) == ["寒潮来袭各地积极应对", "春运火车票今起开售", "博物馆里过大年"]
    assert [len(item.paragraphs) for item in page.items] == [2, 1, 1]
    assert "uncertain boundary" not in page.items[0].defects
    assert "uncertain boundary" in page.items[1].defects
    assert "uncertain boundary" in page.items[2].defects


def test_poem_lines_under_a_signed_title_are_its_body():
    verses = ["天快亮时雪落下来", "覆盖了故乡的一切", "也覆盖了来时的脚印", "但游子知道", "无论走多远"]
    page = parse(J(["久违的乡愁", "● 苗海川", *verses]))
    item = page.items[0]
    assert item.title == "久违的乡愁" and item.authors == (Author("作者", "苗海川"),)
    assert item.paragraphs == tuple(verses)


def test_desk_byline_alone_names_nobody_but_stays_with_its_story():
    page = parse(J(["十年十舟一新城", "——写在天舟十号发射成功之际", "新华社记者", BODY_C, BODY_D]))
    item = page.items[0]
    assert len(page.items) == 1 and item.authors == ()
    assert item.paragraphs == (BODY_C, BODY_D)


def test_caption_alone_after_an_image_is_a_photo():
    page = parse(J(["街头桂花飘香 市民莫要采摘", "□全媒体记者 王建成 文/图", BODY_C, BODY_D]) + GAP + "花好莫要采。")
    story, photo = page.items
    assert story.authors == (Author("全媒体记者", "王建成"),)
    assert (photo.kind, photo.paragraphs) == ("photo", ("花好莫要采。",))


def test_slash_roles_in_one_byline():
    page = parse(J(["冰天雪地 舞动龙江", "□文/本报记者 郭俊峰 摄/本报记者 郭俊峰 张澍", BODY_C]))
    assert page.items[0].authors == (
        Author("本报记者", "郭俊峰"), Author("摄影", "郭俊峰"), Author("摄影", "张澍"),
    )


def test_bracketed_byline_split_by_the_columns():
    page = parse(J(["我的家园，越来越美", "新华社记者", BODY_C, "（记者高敬", "王飞航 魏弘毅）", "新华社北京5月11日电"]))
    item = page.items[0]
    assert item.authors == (Author("记者", "高敬"), Author("记者", "王飞航"), Author("记者", "魏弘毅"))
    assert item.dateline == "新华社北京5月11日电"


def test_reprint_source_closes_the_story_as_its_dateline():
    page = parse(J(["中国人民银行将创设新的结构性货币政策工具", BODY_C, "据新华社", "济南起步区：“未来之城”崛起成势", BODY_D]))
    first, second = page.items
    assert first.dateline == "据新华社" and second.title == "济南起步区：“未来之城”崛起成势"
