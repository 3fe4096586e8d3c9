"""Cleaning: chrome told from article text by general evidence (data/chrome.yml)."""
import copy
from pathlib import Path

import pytest

import pipeline.clean as clean_module
from pipeline.article import Article, Seed
from pipeline.clean import clean, is_prose
from pipeline.config import load_data

PARAGRAPHS = [
    "十月以来，多家企业陆续公布三季度数据，整体呈现回升态势。",
    "业内人士指出，上半年的价格战压缩了利润空间，部分品牌调整了产品结构。",
    "分析人士认为，四季度传统旺季到来，终端需求有望继续释放。",
]


def make_article(lines):
    text = "\n".join(lines)
    article = Article(seed=Seed(Path("sample.txt"), text.encode("utf-8"), text), slug="sample")
    article.body = [(number, line) for number, line in enumerate(lines, start=1)]
    return article


def kept(article):
    return [line for _, line in article.body if line.strip()]


def removed(article):
    return {r.text: r.rule for r in article.removed}


# Chrome of kinds the cue vocabulary names, in both scripts, around real paragraphs.
HEAD_CHROME = [
    ("首页 > 财经 > 产经", "navigation"),
    ("首頁 / 產業 / 科技產業", "navigation"),
    ("登录 注册", "interface"),
    ("分享至 Facebook", "interface"),
    ("阅读量：12,386", "counter"),
    ("阅读时长约 6 分钟", "counter"),
    ("瀏覽人次：1,532", "counter"),
    # an episode line on a video page, items joined by a katakana dot
    ("5月3日 第88集・觀看次數：1024", "counter"),
    # a journal issue named by its year
    ("灣區經貿評論 2024年3期", "byline"),
    # a video page's heading over the clip's description
    ("影片簡介", "interface"),
    ("味道 5 環境 3 服務 4 衞生 4 抵食 5", "fields"),
    ("人均消費：$58", "fields"),
    ("廣告", "advert"),
    ("2025年10月", "date_line"),
    ("2025/10/23 10:32", "byline"),
    ("記者林怡君／台北報導", "byline"),
    ("文｜刘洋", "credit"),
    # a search box's placeholder, a platform's badge under the account, a section's link
    ("Hi, what are you looking for?", "english_interface"),
    ("优质美食领域创作者", "account_badge"),
    ("街道新闻>>", "navigation"),
    ("4 上一篇 放大 缩小 默认", "navigation"),
    # a section, the editor and the time on one line
    ("数码 | 编辑：林小文 2024-03-08 09:30:00 转载", "byline"),
]
TAIL_CHROME = [
    ("责任编辑：李娜", "credit"),
    ("（作者為註冊理財規劃師）", "credit"),
    ("我是廣告 請繼續往下閱讀", "advert"),
    ("附件：1. 参会单位名单.xlsx", "download"),
    ("影片來源：江城電視台", "player"),
    ("More from 城市生活誌", "english_interface"),
    ("Newsletter|星洲快讯 Newsletter 联络我们|星洲快讯 联络我们 登广告|星洲快讯 登广告", "navigation"),
    ("（宣传科供稿）", "credit"),
    ("2025年11月號", "date_line"),
    ("分類｜AI", "related"),
    ("NT$399", "price"),
    ("Published on 5 Nov 2025", "date_line"),
    ("这篇文章对您有帮助吗？", "feedback"),
    ("這篇文章還沒有人回應，成為第一個回應的人吧！", "comment_form"),
    ("（综合报道）", "byline"),
    ("（編輯：李明）1141023", "credit"),
    ("延伸閱讀", "related"),
    ("相关阅读", "related"),
    ("看更多", "related"),
    ("點我下載APP", "share_prompt"),
    ("本文来自微信公众号“硬件观察”（ID：yingjianguancha），作者：刘洋，36氪经授权发布。", "byline"),
    ("免责声明：本站所有文章来源于网络，如有侵权请联系删除。", "reprint"),
    ("商务合作请联系：biz@example.com", "contact"),
    ("爆料热线：0571-88888888", "contact"),
    ("Advertisement", "advert"),
    # a social page's counts with their measure words and reactions drawn as symbols
    ("38則留言", "counter"),
    ("7次分享", "counter"),
    ("👍😮 152", "counter"),
    ("查看翻譯", "interface"),
    # a forum's sign-off and its readers' comments with a user ID and a time
    ("※ 發信站: 某某實業坊(example.tw), 來自: 10.0.0.1", "reprint"),
    ("推 riverside: 寫得很清楚，謝謝分享 11/09 08:12", "comment_line"),
    ("噓 nightowl: 路線好像不太對 11/09 09:30", "comment_line"),
    # a newsletter platform's prompts and counts in English
    ("Thanks for reading 山城札記! Subscribe for free to receive new posts.", "newsletter_prompt"),
    ("8 Likes", "english_interface"),
    ("Discussion about this post", "english_interface"),
    # an editor of one medium, a reviewing doctor, a health-advice disclaimer, a fiction site's buttons
    ("图片编辑：孙可", "credit_line"),
    ("审核专家：赵明 副主任医师", "credit"),
    ("以上内容仅供了解，不能代替医生诊断。", "reprint"),
    ("投推荐票", "interface"),
    ("阅读 2.4k", "counter"),
    # a further-reading lead-in carrying the other page's headline, a prompt to tell one's story
    ("你还可以阅读：【周末去哪儿！】城郊三条步道一次看完，秋天走最舒服！", "read_next"),
    ("你家附近也有这样的小店吗？最后找到了没有？来说说看吧！", "comment_form"),
    # a link to the print file, a messaging app's channel, a gallery's count of pictures
    ("• 【PDF版】", "download"),
    ("加入河口晚報WhatsApp頻道，第一時間掌握最新消息！", "channel_prompt"),
    ("（6張）", "caption"),
    ("听全文", "interface"),
    ("3 下一篇", "navigation"),
    # a writing platform's plea for claps and their count
    ("覺得有幫助嗎？給作者一點掌聲吧", "support_prompt"),
    ("拍手 57", "counter"),
]


@pytest.mark.parametrize("line, rule", HEAD_CHROME)
def test_head_chrome_is_removed_with_its_rule(line, rule):
    article = make_article([line, *PARAGRAPHS])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert removed(article) == {line: rule}
    assert "zone head" in article.removed[0].evidence


@pytest.mark.parametrize("line, rule", TAIL_CHROME)
def test_tail_chrome_is_removed_with_its_rule(line, rule):
    article = make_article([*PARAGRAPHS, line])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert removed(article)[line] == rule


def test_related_list_items_go_with_their_heading():
    items = ["多地出台汽车以旧换新补贴细则", "二手车出口量同比增长超三成"]
    article = make_article([*PARAGRAPHS, "相关阅读", *items, "打开APP，阅读全文"])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert all(removed(article)[item] == "related" for item in items)


@pytest.mark.parametrize("heading, items", [
    ("大家都在看", ["河堤步道明年春天全線開放", "老街夜市週末試辦行人徒步區"]),
    ("你还可以阅读：", ["社区菜园第二期开始报名"]),
    ("新闻推荐", ["河口湿地公园下月试开放", "旧城区改造第二批项目公示"]),
])
def test_a_what_others_read_box_goes_with_its_items(heading, items):
    article = make_article([*PARAGRAPHS, heading, *items])
    clean(article)
    assert kept(article) == PARAGRAPHS
    # (a lead-in naming the next page on its own line is read_next's; its items are the list's)
    assert removed(article)[heading] in ("related", "read_next")
    assert all(removed(article)[item] == "related" for item in items)


def test_captions_of_missing_pictures_go_even_between_paragraphs():
    captions = ["▲新款電動機車今日在台北亮相。（圖／記者林怡君攝）", "图为男子100米决赛现场。新华社记者 刘洋 摄", "图1"]
    article = make_article([PARAGRAPHS[0], captions[0], PARAGRAPHS[1], captions[1], captions[2], PARAGRAPHS[2]])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert {removed(article)[c] for c in captions} == {"caption"}


def test_dated_caption_line_between_paragraphs():
    article = make_article([PARAGRAPHS[0], "1947年，贝尔实验室发明晶体管", PARAGRAPHS[1]])
    clean(article)
    assert removed(article) == {"1947年，贝尔实验室发明晶体管": "caption"}


def test_prose_mentioning_cue_words_is_kept():
    prose = [
        "他在微博上分享到，这家公司因为版权纠纷被起诉，编辑部也收到了投稿。",
        "记者从市场监管部门了解到，相关阅读材料已经发到每所学校。",
        "一家头部企业的销售负责人对记者表示：“我们不会再单纯靠降价换销量。”",
    ]
    article = make_article([PARAGRAPHS[0], *prose, PARAGRAPHS[1]])
    clean(article)
    assert kept(article) == [PARAGRAPHS[0], *prose, PARAGRAPHS[1]]
    assert article.removed == []


def test_headline_among_head_labels_is_marked_and_labels_leave():
    article = make_article(["Yahoo奇摩新聞", "颱風外圍環流影響 北部山區週末嚴防豪雨", "中央社", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"] == (2, "颱風外圍環流影響 北部山區週末嚴防豪雨")
    assert "颱風外圍環流影響 北部山區週末嚴防豪雨" in kept(article)  # metadata takes it
    assert removed(article) == {"Yahoo奇摩新聞": "head-label", "中央社": "head-label"}
    assert [label[1:3] for label in article.evidence["labels"]] == [("Yahoo奇摩新聞", "before"), ("中央社", "after")]


def test_headline_after_the_lead():
    article = make_article([PARAGRAPHS[0], "课后服务延时半小时 家长接送难题能否破解", "2025年10月20日 来源：江城日报 记者 赵敏", *PARAGRAPHS[1:]])
    clean(article)
    assert article.evidence["headline"][1] == "课后服务延时半小时 家长接送难题能否破解"
    assert removed(article) == {"2025年10月20日 来源：江城日报 记者 赵敏": "byline"}


def test_a_short_heading_between_paragraphs_is_kept():
    article = make_article([PARAGRAPHS[0], "决裂根源：内部的路线战争", *PARAGRAPHS[1:]])
    clean(article)
    assert "决裂根源：内部的路线战争" in kept(article)
    assert "headline" not in article.evidence


def test_repeated_title_is_removed():
    article = make_article(["便利商店咖啡又漲價", PARAGRAPHS[0], "便利商店咖啡又漲價", *PARAGRAPHS[1:]])
    clean(article)
    assert removed(article) == {"便利商店咖啡又漲價": "repeated"}
    assert kept(article)[0] == "便利商店咖啡又漲價"  # the first is the headline


def test_close_calls_are_reported():
    article = make_article([PARAGRAPHS[0], "欢迎订阅全年刊物", *PARAGRAPHS[1:]])
    clean(article)
    assert "欢迎订阅全年刊物" in kept(article)
    assert article.evidence["near"][0][1] == "欢迎订阅全年刊物"
    assert "score 1.0" in article.evidence["near"][0][2]


def test_dateline_credit_leaves_the_paragraph():
    line = "【明報專訊】市建局昨日公布新一輪舊區重建計劃，涉及約三百個住戶。"
    article = make_article([line, *PARAGRAPHS])
    clean(article)
    assert kept(article)[0] == "市建局昨日公布新一輪舊區重建計劃，涉及約三百個住戶。"
    assert removed(article) == {"【明報專訊】": "dateline"}


def test_dead_link_prompt_sentence_is_removed():
    line = "We believe in it. Read his letter in full [here](#)."
    article = make_article([line])
    clean(article)
    assert kept(article) == ["We believe in it."]
    assert [r.rule for r in article.removed] == ["dead-link-prompt"]


def test_dead_link_keeps_label():
    article = make_article(["见[这份报告](#)的第三章。"])
    clean(article)
    assert kept(article) == ["见这份报告的第三章。"]


def test_empty_image_and_reference_marks():
    url = "https://www.ft.com/content/c586eb77"
    article = make_article(["前面的文字![]()后面的文字。", "参考链接：", f"[ 1 ] {url}"])
    clean(article)
    assert kept(article) == ["前面的文字后面的文字。", "参考链接：", url]


def test_references_are_protected_in_the_tail():
    article = make_article([*PARAGRAPHS, "参考资料：", "<https://gizmodo.com/x>", "https://www.wsj.com/y"])
    clean(article)
    assert kept(article) == [*PARAGRAPHS, "参考资料：", "<https://gizmodo.com/x>", "https://www.wsj.com/y"]


def test_text_without_paragraphs_keeps_its_lines():
    article = make_article(["短标题", "正文第一句。"])
    clean(article)
    assert kept(article) == ["短标题", "正文第一句。"]
    assert article.evidence["headline"] == (1, "短标题")


def test_only_chrome_leaves_nothing():
    article = make_article(["关于ZAKER 合作", "量子位 8小时前", "一键三连「点赞」「转发」「小心心」", "欢迎在评论区留下你的想法!", "一键关注 点亮星标", "科技前沿进展每日见"])
    clean(article)
    assert kept(article) == []


@pytest.mark.parametrize("text, prose", [
    ("十月以来，多家企业陆续公布三季度数据。", True),
    ("手搖飲店一年關掉三千家 老闆們做錯了什麼？", False),  # a headline's question
    ("君子不立危墙之下，他是可忍孰不可忍？", True),
    ("2025年10月14日（星期二）", False),  # digits are not words
])
def test_is_prose(text, prose):
    assert is_prose(text, load_data("chrome.yml")["prose"]) is prose


def test_new_cue_word_is_data(monkeypatch):
    line = "本站快讯每日推送入口"
    article = make_article([*PARAGRAPHS, line])
    clean(article)
    assert line in kept(article)
    data = copy.deepcopy(load_data("chrome.yml"))
    data["cues"]["share_prompt"]["patterns"].append("每日推送")
    monkeypatch.setattr(clean_module, "load_data", lambda name: data if name == "chrome.yml" else load_data(name))
    clean_module.config.cache_clear()
    try:
        article = make_article([*PARAGRAPHS, line])
        clean(article)
        assert removed(article) == {line: "share_prompt"}
    finally:
        clean_module.config.cache_clear()


def test_bad_pattern_names_the_file(monkeypatch):
    data = copy.deepcopy(load_data("chrome.yml"))
    data["cues"]["advert"]["patterns"].append("(unclosed")
    monkeypatch.setattr(clean_module, "load_data", lambda name: data if name == "chrome.yml" else load_data(name))
    clean_module.config.cache_clear()
    try:
        with pytest.raises(ValueError, match="chrome.yml cue advert"):
            clean(make_article(PARAGRAPHS))
    finally:
        clean_module.config.cache_clear()


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize("prefix, expected", [
    ("001", {"关于ZAKER 合作", "量子位 8小时前", "一键三连「点赞」「转发」「小心心」", "欢迎在评论区留下你的想法!",
             "年度科技风向标「2025 人工智能年度榜单」申报即将于 11 月 17 日截止点击了解详情",
             "企业、产品、人物 3 大维度,共设立了 5 类奖项,最后时刻一起冲刺", "一键关注 点亮星标", "科技前沿进展每日见"}),
    ("002", {"远方的家 2025年11月18日 13:18 北京", "META", "July 30, 2025", "LISTEN TO ARTICLE", "1947年，贝尔实验室发明晶体管",
             "【图片来源】微信公众号：新智元", "微信号：homeofcaes", "投稿、意见，请直接回复或发信至：amssmadis@163.com"}),
    ("004", {"特别声明:以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布,本平台仅提供信息存储服务。"}),
])
def test_real_seed_chrome_goes_and_nothing_else(prefix, expected):
    from pipeline.ingest import read_seed
    from pipeline.metadata import split_front_matter

    article = Article(seed=read_seed(next(SEEDS.glob(prefix + "_*.txt"))), slug=prefix)
    split_front_matter(article)
    clean(article)
    lines = {r.text for r in article.removed if r.evidence != "inline fragment" and r.rule != "dateline"}
    assert expected <= lines
    # Everything else removed is chrome too: footers and notices, never a paragraph of the article.
    for text in lines - expected:
        assert not is_prose(text, load_data("chrome.yml")["prose"]) or any(
            r.rule in ("reprint", "account_intro", "contact") for r in article.removed if r.text == text
        ), text


def test_real_seeds_keep_their_paragraphs():
    from pipeline.ingest import read_seed
    from pipeline.metadata import split_front_matter

    for path in sorted(SEEDS.glob("*.txt")):
        article = Article(seed=read_seed(path), slug=path.stem)
        split_front_matter(article)
        before = [line.strip() for _, line in article.body if is_prose(line.strip(), load_data("chrome.yml")["prose"])]
        clean(article)
        after = {line.strip() for _, line in article.body}
        lost = [line for line in before if line not in after and not any(r.text == line and r.rule in ("reprint", "account_intro", "contact") for r in article.removed)]
        assert lost == [], (path.name, lost)


def test_menu_of_links_and_bullets_before_the_article():
    menu = ["* [首页](https://example.com/)", "* [财经](https://example.com/finance)", "- 科技", "[登录](https://example.com/login) | [注册](https://example.com/reg)"]
    article = make_article([*menu, "新能源车企三季度交付量普遍回升", "2025-10-23 09:15", *PARAGRAPHS])
    clean(article)
    assert kept(article) == ["新能源车企三季度交付量普遍回升", *PARAGRAPHS]
    assert article.evidence["headline"][1] == "新能源车企三季度交付量普遍回升"


def test_headline_is_the_label_above_the_byline_not_the_longest():
    article = make_article(["热门文章", "另一篇很长很长的热门文章的标题在这里出现", "今日看点", "短一点的真正标题在此", "记者 王丽", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == "短一点的真正标题在此"


def test_page_title_with_site_name():
    article = make_article(["新能源车企交付量回升_网易科技", "新能源车企交付量回升", "2025-10-23", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == "新能源车企交付量回升"
    assert removed(article)["新能源车企交付量回升_网易科技"] == "repeated"


def test_a_video_page_title_with_a_box_drawing_bar_before_the_channel_and_its_date():
    # video sites print the channel after a box-drawing bar │, often with the air date
    article = make_article(["河濱自行車道週末湧人潮 攤商樂開懷│晨光新聞 20240512", "晨光新聞 | 2024/05/12 10:20:00", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == "河濱自行車道週末湧人潮 攤商樂開懷"


def test_headline_naming_a_social_network_is_not_a_share_prompt():
    article = make_article(["Facebook 母公司宣布重组人工智能部门", "2025-10-23", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == "Facebook 母公司宣布重组人工智能部门"


def test_a_short_sentence_opening_the_article_is_not_a_label():
    article = make_article(["但他选择创业。", *PARAGRAPHS])
    clean(article)
    assert kept(article) == ["但他选择创业。", *PARAGRAPHS]


def test_links_in_the_tail_go_unless_they_are_references():
    article = make_article([*PARAGRAPHS, "参考链接：", "https://www.ft.com/content/a", "[上一篇](https://example.com/1)", "https://example.com/share"])
    clean(article)
    assert kept(article) == [*PARAGRAPHS, "参考链接：", "https://www.ft.com/content/a"]


def test_a_related_list_between_paragraphs_goes_with_its_items():
    article = make_article([PARAGRAPHS[0], "推荐阅读", "跑鞋到底多久该换一双", "新手第一次参加越野赛要注意什么", *PARAGRAPHS[1:]])
    clean(article)
    assert kept(article) == PARAGRAPHS


@pytest.mark.parametrize("line, rule", [
    ("36氪 logo", "logo_text"),
    ("广告位", "advert"),
    ("首页 - 科技 - 正文", "navigation"),
    ("中央社報導", "byline"),
])
def test_lines_the_issue_saw_as_titles_are_chrome(line, rule):
    article = make_article([line, "某地新闻标题在这里出现", *PARAGRAPHS])
    clean(article)
    assert removed(article) == {line: rule}
    assert article.evidence["headline"][1] == "某地新闻标题在这里出现"


def test_short_lines_leading_into_the_article_stay():
    # after the headline and its byline, a first section heading is article text
    article = make_article(["当前位置：首页 » 知识", "新三板竞价交易和做市交易", "发布时间: 2024-10-21 15:59:17", "⑴ 新三板交易时间", "法律主观:", *PARAGRAPHS])
    clean(article)
    assert kept(article) == ["新三板竞价交易和做市交易", "⑴ 新三板交易时间", "法律主观:", *PARAGRAPHS]


def test_a_credit_alone_on_its_line_goes_even_between_paragraphs():
    article = make_article([PARAGRAPHS[0], "文:徐展元", *PARAGRAPHS[1:]])
    clean(article)
    assert removed(article) == {"文:徐展元": "credit"}


@pytest.mark.parametrize("headline", ["杨立昆2013年加入Facebook 十年后离开", "播放量破十亿的视频背后是谁", "他为何关注世界模型而非大模型"])
def test_headlines_with_cue_words_stay_headlines(headline):
    article = make_article(["首页 > 科技", headline, "2025-11-12 10:20", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == headline


@pytest.mark.parametrize("tail, rule", [
    ("（本文仅代表作者个人观点）", "notice-fragment"),
    ("（編輯：李明）1141023", "editor-fragment"),
    ("（完）", "end-mark"),
])
def test_a_fragment_tacked_onto_the_last_paragraph_leaves_it_alone(tail, rule):
    last = "这正是他坚持了十多年的原因，也是他离开的原因。"
    article = make_article([*PARAGRAPHS, last + tail])
    clean(article)
    assert kept(article) == [*PARAGRAPHS, last]
    assert [(r.rule, r.text.strip()) for r in article.removed] == [(rule, tail)]


# --- notice words, menus, forum pages -------------------------------------------

def test_a_headline_about_copyright_is_not_a_notice():
    article = make_article(["短视频“二创”版权纠纷增多 平台转载规则亟待细化", "2025-10-20 16:45 来源：法治观察网",
                            "近年来，影视剧片段在短视频平台传播，由此引发的著作权纠纷明显增多。", *PARAGRAPHS,
                            "本文为原创内容，未经授权不得转载。"])
    clean(article)
    assert article.evidence["headline"][1] == "短视频“二创”版权纠纷增多 平台转载规则亟待细化"
    assert "近年来，影视剧片段在短视频平台传播，由此引发的著作权纠纷明显增多。" in kept(article)
    assert removed(article)["本文为原创内容，未经授权不得转载。"] == "reprint"


def test_a_menu_of_section_names_is_navigation_not_the_headline():
    article = make_article(["每日新聞 要聞 港聞 經濟 娛樂 副刊 體育", "2025年10月23日 星期四",
                            "屋邨街市翻新後租金升 老字號菜檔考慮結業", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == "屋邨街市翻新後租金升 老字號菜檔考慮結業"
    assert removed(article)["每日新聞 要聞 港聞 經濟 娛樂 副刊 體育"] == "navigation"


def test_forum_counters_buttons_and_tags():
    article = make_article(["查看: 5623|回复: 48", "[转帖] 入门级无反相机怎么选？三款热门机型上手对比",
                            *PARAGRAPHS, "回复", "使用道具 举报"])
    clean(article)
    assert article.evidence["headline"][1] == "入门级无反相机怎么选？三款热门机型上手对比"
    assert {"查看: 5623|回复: 48", "回复", "使用道具 举报"} <= set(removed(article))


@pytest.mark.parametrize("line", ["— 3 —", "- 12 -", "第 3 页", "第3页 共12页"])
def test_printed_page_numbers_are_chrome(line):
    article = make_article([PARAGRAPHS[0], line, *PARAGRAPHS[1:]])
    clean(article)
    assert removed(article)[line] in ("page_number", "counter")  # "- 12 -" is also a numbers-only line


@pytest.mark.parametrize("line, rule", [
    ("請繼續往下閱讀...", "navigation"),
    ("关注晨光财经（chenguang88），获取更多机会", "share_prompt"),
    ("会员可畅读全文", "paywall"),
    ("成为会员", "paywall"),
    ("已是会员？登录", "paywall"),
    ("#本地 city.example 新聞 ・ 3 小時前", "byline"),
    ("查看原文", "interface"),
    ("搜狐首页", "navigation"),
    ("« 上一篇 下一篇 »", "navigation"),
    ("前往專題", "navigation"),
    ("小字号", "interface"),
    ("取消回复", "interface"),
    ("分类：读书", "related"),
    ("熱門關鍵字：單車 通勤", "related"),
    ("要发表评论，您必须先登录。", "comment_form"),
    ("如果無法正常閱讀本電子報，請點此", "share_prompt"),
    ("責任編輯 林子晴", "credit_line"),
    ("相关内容", "related"),
    ("記者 王小明 / 攝影 陳大文 報導", "byline"),
    ("打开晨光新闻APP，查看原文", "share_prompt"),
    ("【加入城市週刊LINE好友】", "share_prompt"),
    ("在小说阅读器中沉浸阅读", "share_prompt"),
    ("3 跟贴", "counter"),
    ("#城市观察 12个", "related"),
    ("晨光新闻编辑 | 李想", "byline"),
    ("更多內容，歡迎城市週刊紙本雜誌、數位訂閱、了解內容授權資訊。", "reprint"),
    ("风险提示：股市有风险，投资需谨慎。", "reprint"),
    ("5 min read", "english_interface"),
    ("Written by 阿晴", "english_interface"),
    ("---------- 转发的邮件 ----------", "mail_header"),
    ("（此文章只供訂戶閱讀）", "paywall"),
    ("上一版  下一版", "navigation"),
    ("▸ 北市單車站點再增五十處", "link_marker"),
    ("《城市周报》（2025年11月01日 第 07 版）", "byline"),
    ("【纠错】", "interface"),
    ("已关注", "interface"),
    ("張貼者： 阿明 於 下午3:20", "byline"),
    ("較新的文章 首頁 較舊的文章", "interface"),
    ("訂閱： 發佈留言 (Atom)", "interface"),
    ("文章已于2025-11-04修改", "byline"),
    ("【你點睇？】", "share_prompt"),
    ("本文链接：https://blog.example.net/a/article/details/1", "reprint"),
    ("下一条：我院召开研究生培养工作会议", "navigation"),
    ("回應 12", "counter"),
    ("愛心 230", "counter"),
    ("Categories: 生活, 單車", "english_interface"),
    ("Leave a comment", "english_interface"),
])
def test_prompts_paywalls_forms_and_feed_tails_after_the_article_are_chrome(line, rule):
    article = make_article([*PARAGRAPHS, line])
    clean(article)
    assert removed(article)[line] == rule


@pytest.mark.parametrize("caption", ["市區新設的自行車道。（資料照）", "老街改造後的街景（示意圖）",
                                     "图像来源，某图片社", "图像加注文字，城市新建的自行车道。",
                                     "長廊沿途設有休憩座椅。（點圖放大瀏覽）", "题图 | 图片社"])
def test_captions_of_file_pictures_are_chrome_between_paragraphs(caption):
    article = make_article([PARAGRAPHS[0], caption, *PARAGRAPHS[1:]])
    clean(article)
    assert removed(article)[caption] == "caption"
    assert kept(article) == PARAGRAPHS


def test_a_sentence_mentioning_a_file_picture_is_kept():
    line = "市府表示，相關資料照已提供給媒體，並會在官網公布完整名單。"
    article = make_article([PARAGRAPHS[0], line, *PARAGRAPHS[1:]])
    clean(article)
    assert line in kept(article)


def test_a_reporter_and_intern_byline_is_not_the_headline():
    article = make_article(["菜场改造后摊位费上涨，摊主怎么看", "晨报记者 周岚 实习生 何畅", "2025-10-23 07:12", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == "菜场改造后摊位费上涨，摊主怎么看"
    assert removed(article)["晨报记者 周岚 实习生 何畅"] == "byline"


def test_a_comment_prompt_inside_the_article_is_kept():
    line = "不少网友在评论区留言，认为新规实施得太仓促，希望给商家更长的过渡期。"
    article = make_article([PARAGRAPHS[0], line, *PARAGRAPHS[1:]])
    clean(article)
    assert line in kept(article)


def test_a_short_question_above_a_byline_is_the_headline():
    headline = "小区快递柜要收费了，你会用吗？"
    article = make_article(["资讯平台", headline, "街坊生活家", "2025-10-28 17:22发布于浙江", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == headline
    assert "街坊生活家" in removed(article)


def test_a_short_question_between_paragraphs_stays():
    question = "那么，问题出在哪里？"
    article = make_article([PARAGRAPHS[0], question, *PARAGRAPHS[1:]])
    clean(article)
    assert question in kept(article)


def test_an_outlets_name_above_tail_chrome_is_chrome():
    article = make_article([*PARAGRAPHS, "城市生活電子報", "訂閱電子報", "加入LINE好友"])
    clean(article)
    assert removed(article)["城市生活電子報"] == "tail-label"
    assert kept(article) == PARAGRAPHS


def test_the_poster_above_a_social_posts_time_is_no_headline():
    article = make_article(["微博正文", "骑行小队", "10-28 21:05 来自 Android客户端", *PARAGRAPHS, "转发 12", "赞 215"])
    clean(article)
    assert "headline" not in article.evidence
    assert {"微博正文", "骑行小队", "10-28 21:05 来自 Android客户端", "转发 12", "赞 215"} <= set(removed(article))
    assert kept(article) == PARAGRAPHS


def test_a_bilingual_masthead_is_not_the_headline():
    article = make_article(["城市週刊 City Weekly", "社會", "文｜張小明", "發布時間：2025.10.30 10:05",
                            "捷運站機車格不夠停 市府研議收費管理", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == "捷運站機車格不夠停 市府研議收費管理"


def test_a_closing_sentence_giving_a_phone_number_is_kept():
    line = "如有疑问，可拨打社区服务中心电话0571-85551234咨询。"
    article = make_article([*PARAGRAPHS, line, "商务合作请联系：biz@example.com"])
    clean(article)
    assert line in kept(article)
    assert removed(article)["商务合作请联系：biz@example.com"] == "contact"


def test_an_interviews_first_question_is_kept():
    lines = ["记者：您做竹编多少年了？", "答：从十五岁跟着父亲学，到今年已经四十二年了。",
             "记者：最难的是什么？", "答：是坚持。一件复杂的作品要编一个多月。"]
    article = make_article(["对话手艺人：竹编如何走进年轻人的生活", "2025-10-30 16:00", *lines, "编辑：高洁"])
    clean(article)
    assert article.evidence["headline"][1] == "对话手艺人：竹编如何走进年轻人的生活"
    assert kept(article)[1:] == lines  # the headline leaves the body in the metadata stage


def test_a_channel_name_opening_a_page_without_headline_is_chrome():
    article = make_article(["晨光財經", "〔記者林小明／台北報導〕" + PARAGRAPHS[0], *PARAGRAPHS[1:]])
    clean(article)
    assert removed(article)["晨光財經"] == "head-label"
    assert "headline" not in article.evidence


def test_two_dashes_carry_no_text():
    article = make_article([PARAGRAPHS[0], "--", *PARAGRAPHS[1:]])
    clean(article)
    assert removed(article)["--"] == "thematic-break"
    assert kept(article) == PARAGRAPHS


def test_a_brand_run_into_its_english_name_is_not_the_headline():
    article = make_article(["晨光頭條morning", "2025.11.01 | 14:20", "記者黃小明／台北報導",
                            "台北市公車動態App改版 可查車上擁擠程度", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == "台北市公車動態App改版 可查車上擁擠程度"


def test_a_short_question_just_below_the_byline_is_the_headline():
    headline = "社區參與式預算推了十年，為什麼居民還是不知道？"
    article = make_article(["The City Lens 城市評論網", "觀點", "文：吳小明（大學副教授）", "2025/11/03", headline, *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == headline


def test_a_reporter_credited_at_the_end_of_the_text_leaves_it():
    last = "这些公园面积不大，附近居民步行几分钟就能到达。"
    article = make_article([*PARAGRAPHS[:2], last + "（记者 王川）"])
    clean(article)
    assert kept(article) == [*PARAGRAPHS[:2], last]
    assert removed(article)["（记者 王川）"] == "reporter-fragment"


def test_a_masthead_run_after_its_latin_name_is_not_the_headline():
    article = make_article(["TODAYnews晨光新聞", "記者許小明／綜合報導", "2025年11月6日 上午9:30",
                            "冬季電費不調漲 經濟部：明年四月再檢討", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == "冬季電費不調漲 經濟部：明年四月再檢討"


def test_a_run_of_single_words_after_chrome_is_a_tag_list():
    tags = ["露营", "装备", "亲子"]
    article = make_article(["帐篷选购的几点经验", "2025年11月02日 19:32", *tags, *PARAGRAPHS])
    clean(article)
    assert kept(article)[-3:] == PARAGRAPHS and not set(tags) & set(kept(article))
    assert all(removed(article)[tag] == "tags" for tag in tags)


def test_one_short_subtitle_after_the_byline_stays():
    article = make_article(["帐篷选购的几点经验", "2025年11月02日 19:32", "上篇", *PARAGRAPHS])
    clean(article)
    assert "上篇" in kept(article)


def test_forum_post_header_fields_leave_and_the_time_is_a_date_line():
    header = ["看板 Hiking", "標題 [問題] 合歡山冬季要帶冰爪嗎", "時間 Sun Nov  9 10:02:41 2025"]
    article = make_article([*header, *PARAGRAPHS])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert removed(article) == {header[0]: "post_header", header[1]: "post_header", header[2]: "date_line"}


def test_a_transcript_keeps_its_speakers_labels_though_they_repeat():
    lines = ["主持人：", PARAGRAPHS[0], "发言人：", PARAGRAPHS[1], "主持人：", PARAGRAPHS[2]]
    article = make_article(["某市发布会实录", *lines])
    clean(article)
    assert kept(article)[-6:] == lines


def test_short_lines_closing_the_page_are_its_furniture_whatever_their_words():
    closing = ["尚無回應", "寫下回應", "本站文章列表"]
    article = make_article([*PARAGRAPHS, *closing])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert {removed(article)[line] for line in closing} == {"closing-run"}


def test_a_list_closing_the_text_with_a_full_stop_stays():
    closing = ["一是早出门", "二是带雨具", "三是结伴而行。"]
    article = make_article([*PARAGRAPHS, *closing])
    clean(article)
    assert kept(article) == [*PARAGRAPHS, *closing]


def test_a_short_line_just_above_tail_chrome_leads_into_it():
    article = make_article([*PARAGRAPHS, "把這篇傳給朋友", "Facebook"])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert removed(article)["把這篇傳給朋友"] == "lead-in"


@pytest.mark.parametrize("line, rule", HEAD_CHROME + TAIL_CHROME)
def test_a_line_judged_again_has_its_features_again_with_cues_of_its_own(line, rule):
    cfg = clean_module.config()
    first = clean_module._features(0, 1, line, cfg)
    assert rule in [name for name, _ in first.cues]
    first.cues.append(("navigation", line))  # what the menu check does to a line
    again = clean_module._features(7, 9, line, cfg)
    assert (again.index, again.number) == (7, 9)
    assert again.cues == first.cues[:-1]


def test_cues_read_a_link_s_label_not_its_address():
    cfg = clean_module.config()
    def names(line):
        return {name for name, _ in clean_module._features(0, 1, line, cfg).cues}
    assert "related" in names("[更多科技报道](https://e.com/a)")  # ^更多…报道$ holds for the label alone
    assert "related" not in names("[新款手机发布](https://example.com/related-reading)")


def test_a_question_between_chrome_and_its_buttons_is_the_headline():
    # a question-and-answer page: the question holds a comma and ends with ？
    question = "第一次去高原旅行，要提前准备哪些药品？"
    article = make_article(["问答社区", "登录 注册", question, "写回答", "3 个回答", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == question
    assert kept(article) == [question, *PARAGRAPHS]  # the metadata stage takes the headline
    assert removed(article)["3 个回答"] == "counter"


def test_a_question_opening_the_article_stays_a_sentence():
    opening = "为什么秋天的早晚温差这么大？"
    article = make_article(["天气小课堂", opening, *PARAGRAPHS])
    clean(article)
    assert opening in kept(article)


@pytest.mark.parametrize("line, rule", [
    ("基金代码：161725  基金简称：城市成长", "fields"),  # a data sheet's fields, not a headline
    ("文档 / 更新日志", "navigation"),  # a two-step path
    ("譯者：林雅雯", "credit"),
    ("報道：陳志強", "credit"),
])
def test_labelled_fields_short_paths_and_credits_leave_the_head(line, rule):
    article = make_article(["山城晚报", line, "老街区改造完成 居民下月回迁", *PARAGRAPHS])
    clean(article)
    assert removed(article)[line] == rule
    assert article.evidence["headline"][1] == "老街区改造完成 居民下月回迁"


def test_a_headline_naming_customer_service_is_no_contact_line():
    headline = "银行客服排队太久 市民建议增加线上渠道"
    article = make_article(["滨海网", headline, "客服热线：96000", *PARAGRAPHS])
    clean(article)
    assert article.evidence["headline"][1] == headline
    assert removed(article)["客服热线：96000"] == "contact_words"


def test_a_game_s_score_above_the_story_is_chrome_a_numbered_heading_between_paragraphs_is_not():
    article = make_article(["球場快訊", "冠軍賽第七戰 主隊延長賽勝出", "主隊 3", "客隊 2", PARAGRAPHS[0], "階段 2", *PARAGRAPHS[1:]])
    clean(article)
    assert removed(article)["主隊 3"] == "score_line"
    assert removed(article)["客隊 2"] == "score_line"
    assert "階段 2" in kept(article)
    assert not [name for name, _ in clean_module._features(0, 1, "Windows 11", clean_module.config()).cues if name == "score_line"]


def test_a_media_contact_and_the_name_under_it_leave_the_tail():
    article = make_article([*PARAGRAPHS, "媒体询问请联系：", "林美玲（公共事务部）", "电邮：press@example.org"])
    clean(article)
    assert kept(article) == PARAGRAPHS


def test_a_division_slash_reads_as_a_slash():
    assert clean_module.simplified("記者陳怡君∕台南報導") == "记者陈怡君/台南报导"


def test_the_bar_radical_reads_as_a_bar_and_its_credits_leave_the_page():
    assert clean_module.simplified("編輯丨林小舟") == "编辑｜林小舟"
    article = make_article(["撰文丨河畔跑者", "編輯丨林小舟", *PARAGRAPHS])
    clean(article)
    assert kept(article) == PARAGRAPHS


def test_an_opening_question_above_a_section_heading_stays_a_sentence():
    opening = "周末去哪里走走，才能避开人潮？"
    article = make_article(["城市生活", "登录 注册", opening, "一、郊野公园", *PARAGRAPHS])
    clean(article)
    assert opening in kept(article)


def test_a_table_of_contents_leaves_and_the_headings_it_repeats_stay():
    article = make_article(["山居手記", "三天兩夜的宜蘭行程整理", "文章目錄", "行前準備", "第一天行程",
                            PARAGRAPHS[0], "行前準備", PARAGRAPHS[1], "第一天行程", PARAGRAPHS[2]])
    clean(article)
    assert kept(article) == ["三天兩夜的宜蘭行程整理", PARAGRAPHS[0], "行前準備", PARAGRAPHS[1], "第一天行程", PARAGRAPHS[2]]
    assert [r.rule for r in article.removed if r.text == "行前準備"] == ["contents"]


@pytest.mark.parametrize("line, rule", [
    ("本文含有聯盟行銷連結，讀者透過連結購買，本站會獲得少量分潤。", "reprint"),
    ("附件：會議紀錄（PDF）", "download"),
    ("文件編號：A-2025/118", "fields"),
    ("特約記者：吳宗翰", "credit_line"),  # a reporter with a qualifier
    ("单位：江城师范学院文学院", "credit"),  # an author's affiliation
    ("满意度评价：基本满意", "counter"),  # a rating
    ("收看新聞片段", "share_prompt"),
])
def test_affiliate_notices_file_links_coded_fields_and_credits_are_chrome(line, rule):
    article = make_article(["港灣週報", "舊區重建諮詢會下月舉行", line, *PARAGRAPHS])
    clean(article)
    assert removed(article)[line] == rule
    assert article.evidence["headline"][1] == "舊區重建諮詢會下月舉行"


def test_a_coded_field_between_paragraphs_stays():
    article = make_article([PARAGRAPHS[0], "报名电话：2345 6789", *PARAGRAPHS[1:]])
    clean(article)
    assert "报名电话：2345 6789" in kept(article)


def test_a_request_for_tips_leaves_the_tail_even_as_a_sentence():
    prompt = "讀者如有相關資訊，請來信提供線索。"
    article = make_article([*PARAGRAPHS, prompt])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert removed(article)[prompt] == "tip_prompt"


def test_an_issue_s_contents_leave_and_its_headings_stay():
    article = make_article(["社區書房電子報 第 12 期", "本期內容", "新書到館", "週末講座",
                            "新書到館", PARAGRAPHS[0], "週末講座", *PARAGRAPHS[1:]])
    clean(article)
    assert kept(article)[:2] == ["新書到館", PARAGRAPHS[0]]
    assert "週末講座" in kept(article)


def test_a_contact_prompt_without_a_number_still_leaves_the_tail():
    prompt = "商务合作请添加小编微信"
    article = make_article([*PARAGRAPHS, prompt])
    clean(article)
    assert removed(article)[prompt] == "contact_words"


def test_readers_comments_under_their_heading_leave_with_it():
    # a remark reads as a sentence; under the comments' heading it is still the readers'
    comments = ["网友评论", "已有 12 条评论", "老读者：这篇写得很清楚，谢谢作者。", "回复　点赞 3", "查看更多评论"]
    article = make_article(["某地新闻标题在这里出现", *PARAGRAPHS, *comments])
    clean(article)
    assert kept(article)[1:] == PARAGRAPHS
    assert removed(article)["老读者：这篇写得很清楚，谢谢作者。"] == "comments"


def test_a_comments_heading_before_the_article_takes_nothing_with_it():
    article = make_article(["某地新闻标题在这里出现", "热门评论", *PARAGRAPHS])
    clean(article)
    assert kept(article)[1:] == PARAGRAPHS


def test_a_box_about_the_writer_leaves_up_to_the_next_chrome_line():
    box = ["關於作者", "林小雨，寵物行為訓練師，從事犬隻訓練工作超過十年。", "你可能也會喜歡", "貓咪不愛喝水怎麼辦"]
    article = make_article(["某地新闻标题在这里出现", *PARAGRAPHS, *box])
    clean(article)
    assert kept(article)[1:] == PARAGRAPHS
    assert removed(article)["林小雨，寵物行為訓練師，從事犬隻訓練工作超過十年。"] == "author_box"


def test_a_press_releases_boilerplate_about_the_company_leaves():
    box = ["关于江川科技", "江川科技成立于二〇〇八年，总部设在江城，业务遍及十五个国家和地区。", "媒体联络：", "黄丽华"]
    article = make_article(["某地新闻标题在这里出现", *PARAGRAPHS, *box])
    clean(article)
    assert kept(article)[1:] == PARAGRAPHS


def test_an_about_heading_over_other_text_stays():
    # a section heading "关于X" whose next line does not open with X is the article's
    lines = ["某地新闻标题在这里出现", PARAGRAPHS[0], "关于续航", PARAGRAPHS[1], PARAGRAPHS[2]]
    article = make_article(lines)
    clean(article)
    assert "关于续航" in kept(article)


def test_a_product_card_between_paragraphs_leaves():
    article = make_article(["某地新闻标题在这里出现", PARAGRAPHS[0], "江川折疊收納箱", "NT$399", "立即購買", PARAGRAPHS[1], PARAGRAPHS[2]])
    clean(article)
    assert kept(article)[1:] == PARAGRAPHS
    assert removed(article)["江川折疊收納箱"] == "price"


def test_a_threads_replies_after_the_opening_post_are_chrome():
    replies = ["山城阿明", "沙发", "发表于 2025-10-08 19:02 | 只看该作者", "写得很实在，收藏了，回头慢慢看。",
               "小周", "3楼", "发表于 2025-10-09 07:45 | 只看该作者", "同意楼主说的第二点，我家当时也是这样处理的。"]
    article = make_article(["楼主", "发表于 2025-10-08 18:30 | 只看该作者", *PARAGRAPHS, *replies])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert removed(article)["山城阿明"] == "comments"


def test_a_stock_quote_widget_between_paragraphs_is_chrome():
    quotes = ["相关个股", "2417 华邦精工 86.4 ▲1.2 (+1.41%)", "8046 远东光电 312 ▼5.5 (-1.73%)"]
    article = make_article([PARAGRAPHS[0], *quotes, *PARAGRAPHS[1:]])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert removed(article)[quotes[1]] == "quote"


@pytest.mark.parametrize("caption", ["新館外觀以清水模打造，入口設有大片落地窗。記者陳怡如／攝影",
                                     "志工在河堤旁撿拾垃圾。圖／環保局提供",
                                     "游客在古镇的石桥上拍照留念。图片来源：县文旅局",
                                     "救援人员在山路上清理落石。攝：江城通訊社"])
def test_a_caption_closed_by_its_credit_goes_between_paragraphs(caption):
    article = make_article([PARAGRAPHS[0], caption, *PARAGRAPHS[1:]])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert removed(article)[caption] == "caption"


def test_a_newsletter_box_share_row_and_community_rules_are_chrome():
    tail = ["订阅晨读早报，工作日每天一封，十分钟看完", "输入你的邮箱", "分享这篇文章", "LinkedIn",
            "留言前請先詳閱本站的討論區規則：請保持理性，不得人身攻擊。"]
    article = make_article([*PARAGRAPHS, *tail, "这三个城市的共同点是什么？"])
    clean(article)
    assert PARAGRAPHS == kept(article)[:3]
    assert set(tail) <= set(removed(article))


def test_numbered_contents_entries_go_and_their_headings_stay():
    article = make_article(["目录", "1. 为什么要换", "2. 换了以后", "为什么要换", PARAGRAPHS[0], "换了以后", *PARAGRAPHS[1:]])
    clean(article)
    assert kept(article) == ["为什么要换", PARAGRAPHS[0], "换了以后", *PARAGRAPHS[1:]]
    assert removed(article)["2. 换了以后"] == "contents"


def test_a_chapter_timeline_under_its_heading_is_chrome_and_times_elsewhere_stay():
    chapters = ["本集时间轴", "00:00 开场", "12:40 为什么要搬到乡下", "1:02:15 听众来信"]
    article = make_article([*PARAGRAPHS, *chapters, "07:30 的早班车总是挤满了学生，我们只好改搭下一班。"])
    clean(article)
    assert set(chapters) <= set(removed(article))
    assert kept(article)[-1].startswith("07:30")


def test_a_question_and_answer_page_titles_the_question_and_credits_the_answerer():
    article = make_article(["问答社区", "首页", "数码", "旧手机还值得修吗？", "电池鼓包了，换电池和换新机哪个划算？",
                            "写回答", "查看全部 58 个回答", "老陈修机", "维修店店主", *PARAGRAPHS,
                            "发布于 2025-10-30 21:14・IP 属地广东", "更多回答", "手机进水后第一时间该做什么？"])
    clean(article)
    assert article.evidence["headline"][1] == "旧手机还值得修吗？"
    # (the headline leaves with the metadata stage; the question's description stays)
    assert kept(article) == ["旧手机还值得修吗？", "电池鼓包了，换电池和换新机哪个划算？", *PARAGRAPHS]
    assert ("老陈修机" in [text for _, text, *_ in article.evidence["labels"]])


def test_a_caption_credited_to_a_picture_source_in_brackets_goes():
    caption = "河堤步道入口新設了無障礙坡道。（圖片來源／示意圖庫）"
    article = make_article([PARAGRAPHS[0], caption, *PARAGRAPHS[1:]])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert removed(article)[caption] == "caption"


@pytest.mark.parametrize("block", [
    # an app's lottery prompt and its two buttons between paragraphs
    ["不用抽 不用搶 打開APP看新聞 天天有獎", "點我下載APP", "按我看活動辦法"],
    # a statement above the page's buttons, an app prompt between them and a list
    ["作者声明：内容仅供参考", "举报", "百度APP内打开"],
])
def test_chrome_cues_standing_together_between_paragraphs_go(block):
    article = make_article([PARAGRAPHS[0], *block, *PARAGRAPHS[1:]])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert set(block) <= set(removed(article))


def test_one_weak_cue_alone_between_paragraphs_stays():
    # a short heading that mentions an app, standing alone between paragraphs, is the text's
    heading = "打开APP之后"
    article = make_article([PARAGRAPHS[0], heading, *PARAGRAPHS[1:]])
    clean(article)
    assert heading in kept(article)


def test_a_list_entrys_excerpt_cut_with_an_ellipsis_goes_with_the_list():
    entry = ["河口湿地公园下月试开放", "11月2日,记者从市园林部门获悉,河口湿地公园一期工程已完成验收,预计下月..."]
    article = make_article([*PARAGRAPHS, "新闻推荐", *entry])
    clean(article)
    assert kept(article) == PARAGRAPHS
    assert all(removed(article)[line] == "related" for line in entry)


def test_a_pull_quote_repeating_the_paragraph_above_goes():
    quote = "「路再遠，只要每天走一點，總會走到。」"
    paragraph = "一位參與修步道的志工笑說，大家常互相打氣：" + quote
    article = make_article([PARAGRAPHS[0], paragraph, quote, *PARAGRAPHS[1:]])
    clean(article)
    assert kept(article) == [PARAGRAPHS[0], paragraph, *PARAGRAPHS[1:]]
    assert removed(article)[quote] == "repeated"


def test_a_quotation_on_its_own_line_stays_when_nothing_above_says_it():
    quote = "「路再遠，只要每天走一點，總會走到。」"
    article = make_article([PARAGRAPHS[0], quote, *PARAGRAPHS[1:]])
    clean(article)
    assert quote in kept(article)


def test_a_key_points_box_goes_with_its_entries():
    entries = ["河堤步道明年春天全線開放", "夜間照明改用節能燈具，電費省三成"]
    article = make_article(["河堤步道改造完工", "文／林小文", "2025-11-05 10:00", "重點一覽", *entries, *PARAGRAPHS])
    clean(article)
    assert kept(article) == ["河堤步道改造完工", *PARAGRAPHS]  # (the headline leaves at the metadata stage)
    assert all(removed(article)[line] == "related" for line in ["重點一覽", *entries])


def test_the_writers_name_again_after_the_article_opens_the_bio_box():
    bio = "住在海邊小鎮的插畫家，喜歡畫貓，也寫一些散步的故事。"
    article = make_article(["小鎮的第一場雨", "阿青", "追蹤", "2025/11/22", *PARAGRAPHS, "收藏", "阿青", bio])
    clean(article)
    assert bio not in kept(article)
    assert removed(article)[bio] == "author_box"
