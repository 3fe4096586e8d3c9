"""Metadata: front matter, dates, seeds/metadata.yml and titles from the text."""
import datetime as dt
from pathlib import Path

import pytest

from pipeline.article import Article, Seed, SeedError
from pipeline.build import process
from pipeline.clean import clean
from pipeline.ingest import read_seed
from pipeline.metadata import (
    complete_metadata,
    load_metadata_file,
    chinese_number,
    gregorian,
    is_platform,
    normalise_date,
    split_front_matter,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_path(prefix):
    return next(SEEDS.glob(prefix + "_*.txt"))


def article_from_text(text, name="sample.txt"):
    article = Article(seed=Seed(Path(name), text.encode("utf-8"), text), slug="sample")
    split_front_matter(article)
    return article


def body_text(article):
    return "\n".join(line for _, line in article.body)


# --- front matter -----------------------------------------------------------

def test_seed_003_front_matter():
    article = Article(seed=read_seed(seed_path("003")), slug="003")
    split_front_matter(article)
    meta = article.meta
    assert meta["title"] == "Yann LeCun 65歲創業宣言——為什麼他要與整個矽谷對賭？"
    assert meta["date"] == "2025-12-22"
    assert meta["description"].startswith("圖靈獎得主 Yann LeCun 在 65 歲離開 Meta")
    assert meta["tags"] == ["Yann LeCun", "World Model", "JEPA", "Meta", "AI 創業"]
    assert meta["source_url"] == "https://www.youtube.com/watch?v=7u-DXVADyhc"
    assert meta["source_name"] == "Information Bottleneck Podcast"
    # Unknown keys (categories, draft) are not copied into meta.
    assert "categories" not in meta and "draft" not in meta
    body = body_text(article)
    assert "title:" not in body
    assert "source_url:" not in body
    assert "{{< youtube 7u-DXVADyhc >}}" in body
    # The body keeps original line numbers: front matter was lines 1-10.
    assert article.body[0][0] == 11
    assert any(r.rule == "front-matter" for r in article.removed)


def test_invalid_yaml_front_matter_stays_in_body():
    article = article_from_text("---\n: : bad [\n---\n正文第一句。")
    assert article.meta == {}
    lines = [line for _, line in article.body]
    assert lines == ["---", ": : bad [", "---", "正文第一句。"]
    assert any("invalid" in r.rule for r in article.removed)


def test_invalid_yaml_front_matter_survives_the_whole_pipeline(tmp_path):
    path = tmp_path / "bad_front.txt"
    path.write_text("---\n: : bad [\n---\n正文第一句，写得很长的一句话。\n", encoding="utf-8")
    # With a title from metadata.yml the bad line is not taken as the title,
    # so it must reach the page as paragraph text.
    article = process(path, {"title": "条目标题"})
    assert article.meta["title"] == "条目标题"
    texts = [
        node.text
        for block in article.blocks
        for nodes in [block.inlines, *block.items]
        for node in nodes
        if hasattr(node, "text")
    ]
    assert any(": : bad [" in text for text in texts)


def test_front_matter_that_is_not_a_mapping_stays_in_body():
    article = article_from_text("---\njust a string\n---\n正文。")
    assert article.meta == {}
    assert "just a string" in body_text(article)


def test_unclosed_front_matter_stays_in_body():
    article = article_from_text("---\ntitle: 无结尾\n正文。")
    assert "title" not in article.meta
    assert "title: 无结尾" in body_text(article)


def test_toml_front_matter():
    article = article_from_text('+++\ntitle = "TOML 标题"\ndate = 2025-11-18\ntags = ["甲", "乙"]\n+++\n正文。')
    assert article.meta == {"title": "TOML 标题", "date": "2025-11-18", "tags": ["甲", "乙"]}
    assert [line for _, line in article.body] == ["正文。"]
    assert article.body[0][0] == 6


def test_front_matter_after_leading_blank_lines():
    article = article_from_text("\n\n---\ntitle: 标题\n---\n正文。")
    assert article.meta["title"] == "标题"
    assert "title: 标题" not in body_text(article)


# --- dates ------------------------------------------------------------------

@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025年11月18日", "2025-11-18"),
        ("远方的家 2025年11月18日 13:18", "2025-11-18"),
        ("2025年1月2日", "2025-01-02"),
        ("2025/3/4", "2025-03-04"),
        (dt.date(2025, 12, 22), "2025-12-22"),
        (dt.datetime(2025, 12, 22, 22, 10), "2025-12-22"),
        ("2025-02-30", "2025-02-30"),  # not a date: left as written
        ("日期不详", "日期不详"),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


# --- metadata.yml -------------------------------------------------------------

def test_metadata_file_entry_overrides_title():
    entries = load_metadata_file(SEEDS)
    path = seed_path("004")
    entry = entries[path.name]
    with_entry = process(path, entry)
    without_entry = process(path, None)
    assert with_entry.meta["title"] == "从封神到翻车：Meta AI 的双轨困局与重组豪赌"
    assert without_entry.meta["title"] != with_entry.meta["title"]


def test_entry_beats_front_matter():
    article = article_from_text("---\ntitle: 前言标题\ndate: 2024-01-01\n---\n正文。")
    complete_metadata(article, {"title": "条目标题", "date": "2025年1月2日"})
    assert article.meta["title"] == "条目标题"
    assert article.meta["date"] == "2025-01-02"


def test_entry_not_headings_are_passed_on():
    article = article_from_text("正文。")
    complete_metadata(article, {"not_headings": ["1947年，贝尔实验室发明晶体管"]})
    assert article.meta["not_headings"] == ["1947年，贝尔实验室发明晶体管"]


def test_source_name_becomes_outlet_when_none():
    article = article_from_text("---\nsource_name: 某播客\n---\n正文。")
    complete_metadata(article, None)
    assert article.meta["outlet"] == "某播客"
    assert article.provenance["outlet"] == "front matter source_name"


def test_load_metadata_file_real():
    entries = load_metadata_file(SEEDS)
    assert "000_bd77a70b367ecf3a.txt" in entries
    assert "001_f5076b2d9f848529.txt" not in entries


def test_load_metadata_file_missing_is_empty(tmp_path):
    assert load_metadata_file(tmp_path) == {}


def test_load_metadata_file_invalid_yaml(tmp_path):
    (tmp_path / "metadata.yml").write_text("a.txt:\n  title: [unclosed\n", encoding="utf-8")
    with pytest.raises(SeedError) as info:
        load_metadata_file(tmp_path)
    assert "metadata.yml" in str(info.value)


def test_load_metadata_file_wrong_shape(tmp_path):
    (tmp_path / "metadata.yml").write_text("a.txt: just a title\n", encoding="utf-8")
    with pytest.raises(SeedError) as info:
        load_metadata_file(tmp_path)
    assert "metadata.yml" in str(info.value)


# --- titles from the text -------------------------------------------------------

def test_seed_without_entry_titled_from_its_headline():
    path = seed_path("001")
    assert path.name not in load_metadata_file(SEEDS)
    article = process(path, None)
    assert article.meta["title"] == "忍无可忍，LeCun 离职！Meta 市值应声蒸发 1400 亿"
    assert article.meta["outlet"] == "量子位"
    # The title line (line 4) has left the body; the similar sentence on line 6 stays.
    numbers = [number for number, _ in article.body]
    assert 4 not in numbers
    assert 6 in numbers
    assert any(r.rule.startswith("title-line") and r.line == 4 for r in article.removed)


def test_title_from_first_sentence_when_first_line_is_a_sentence():
    article = article_from_text("杨立昆宣布离开 Meta，创办一家新公司。\n第二段。")
    complete_metadata(article, None)
    assert article.meta["title"] == "杨立昆宣布离开 Meta"
    # A sentence is article text: it stays in the body.
    assert article.body[0] == (1, "杨立昆宣布离开 Meta，创办一家新公司。")


def test_title_from_long_first_sentence_is_cut_at_a_word():
    sentence = "这是" + "非常" * 30 + "长的一句话。"
    article = article_from_text(sentence)
    complete_metadata(article, None)
    title = article.meta["title"]
    assert title.endswith("…")
    assert len(title) <= 41
    assert sentence.startswith(title[:-1])
    assert title[-2] == "常"  # not cut inside the word 非常


def test_title_line_skips_leading_blank_lines():
    article = article_from_text("\n\n短标题\n正文第一句。")
    clean(article)
    complete_metadata(article, None)
    assert article.meta["title"] == "短标题"
    assert "短标题" not in body_text(article)


# --- metadata from the text (bylines, notices, headlines) ------------------------

PARAGRAPHS = [
    "十月以来，多家企业陆续公布三季度数据，整体呈现回升态势。",
    "业内人士指出，上半年的价格战压缩了利润空间，部分品牌调整了产品结构。",
    "分析人士认为，四季度传统旺季到来，终端需求有望继续释放。",
]


def from_lines(lines, entry=None, name="sample.txt"):
    article = article_from_text("\n".join(lines), name)
    clean(article)
    complete_metadata(article, entry)
    return article


@pytest.mark.parametrize("line, date", [
    ("星期日, 十一月 02, 2025", "2025-11-02"),
    ("（編輯：陳大明）1141107", "2025-11-07"),  # a news agency's editor with a 民國 date code
    ("2025-10-23 09:15", "2025-10-23"),
    ("2025/10/23 10:32", "2025-10-23"),
    ("2025.10.23 發布", "2025-10-23"),
    ("2025年10月23日 星期四", "2025-10-23"),
    ("发布时间：2025-09-19 08:45:00", "2025-09-19"),
    ("出版時間：2025/09/28 06:00", "2025-09-28"),
    (" date 2025-10-24", "2025-10-24"),
    ("远方的家 2025年11月18日 13:18 北京", "2025-11-18"),
    # Taiwan's 民國 years and dates in Chinese numerals
    # the day first, as Hong Kong, Singapore and Malaysia write it
    ("05/11/2025 14:32", "2025-11-05"),
    # dotted, as European-hosted sites print the day first
    ("05.11.2025  14:32", "2025-11-05"),
    ("5 November 2025", "2025-11-05"),
    ("05-11-2025 16:20", "2025-11-05"),
    ("05.11.2025", "2025-11-05"),
    ("Published on 5 Nov 2025", "2025-11-05"),
    # English dates with a weekday, a time and a zone; an ISO time with its offset
    ("Wed, 5 Nov 2025 14:30 HKT", "2025-11-05"),
    ("Nov 5, 2025 | 3:30 PM", "2025-11-05"),
    ("2025-11-05T14:30:00+08:00", "2025-11-05"),
    ("114年11月5日（星期三）下午 03:20", "2025-11-05"),
    ("Nov 05 Wed 2025 21:30", "2025-11-05"),
    ("5th November 2025", "2025-11-05"),
    ("November 5th, 2025", "2025-11-05"),
    ("5/11/2025 6:20 PM", "2025-11-05"),
    # a weekday in brackets or after a bar
    ("05/11/2025 (星期三) 16:20", "2025-11-05"),
    ("2025年11月5日 (三) 10:30", "2025-11-05"),
    ("2025年11月05日 | 星期三", "2025-11-05"),
    ("週三, 2025-11-05 16:30", "2025-11-05"),
    ("發布時間 中華民國114年11月5日", "2025-11-05"),
    ("By 林晓云 | 05 Nov 2025, 4:30 pm", "2025-11-05"),
    ("By 阿傑 2025年11月5日 下午 3:40", "2025-11-05"),
    ("中華民國114年10月22日 星期三", "2025-10-22"),
    ("民國114年10月22日", "2025-10-22"),
    ("發布日期：114-10-21", "2025-10-21"),
    ("114/10/21 14:30", "2025-10-21"),
    ("114年10月21日", "2025-10-21"),
    ("中華民國一一四年十月十八日", "2025-10-18"),
    ("二〇二五年十月二十日", "2025-10-20"),
    ("二○二五年十二月三十一日", "2025-12-31"),
])
def test_date_forms_in_the_head(line, date):
    article = from_lines(["某地新闻标题在这里出现", line, *PARAGRAPHS])
    assert article.meta["date"] == date
    assert article.provenance["date"].startswith("line 2")


def test_a_date_inside_the_story_is_not_the_date():
    article = from_lines(["某地新闻标题在这里出现", "根据2024年12月发布的数据，2024年12月3日起实施新规。", *PARAGRAPHS])
    assert "date" not in article.meta


def test_labelled_date_beats_an_earlier_one():
    article = from_lines(["某地新闻标题在这里出现", "更新 2025-10-01", *PARAGRAPHS, "发布时间：2025-09-30"])
    assert article.meta["date"] == "2025-09-30"


@pytest.mark.parametrize("lines, outlet, author", [
    (["記者林怡君／台北報導"], None, "林怡君"),
    (["經濟日報 記者陳建志／新竹即時報導"], "經濟日報", "陳建志"),
    (["澎湃新闻记者 王丽", "2025-10-21 08:30 来源：澎湃新闻"], "澎湃新闻", "王丽"),
    (["文｜刘洋", "编辑｜陈晨"], None, "刘洋"),
    (["生活中心／綜合報導"], None, "生活中心"),
    (["原创 周小舟 跑者笔记 2025年10月19日 21:30 浙江"], "跑者笔记", "周小舟"),
    # an editor is not the author
    (["编辑：孙悦"], None, None),
    (["编辑 | 夏天 审核 | 秋水"], None, None),
    # the reporter with an intern after the name
    (["城市晚报记者 周岚 实习生 何畅", "2025-10-21 08:30"], "城市晚报", "周岚"),
    # a byline run into the paper's name
    (["記者陳思妤／嘉義報導南方日報"], "南方日報", "陳思妤"),
    # a WeChat header without the 原创 mark: date, author, account
    (["2025-10-20 李然 街区观察"], "街区观察", "李然"),
    # a column the text was first published in
    (["首发于通勤笔记"], "通勤笔记", None),
    # a credit naming the outlet before the writer
    (["晨光网", "文｜晨光 吴迪", "2025年10月22日 20:31"], "晨光网", "吴迪"),
    # a site, then the paper it took the text from
    (["2025年10月28日08:30 | 来源：江城网－江城日报"], "江城网", None),
    # a blog engine's line: posted on a date by someone
    (["发表于 2025年10月18日 由 小林"], None, "小林"),
    # a newsletter's publisher
    (["發行單位：社區環保協會"], "社區環保協會", None),
    # a name, then the date with its weekday and an afternoon time
    (["王小明 2025年10月29日 週三 下午3:15"], None, "王小明"),
    # a person's name alone above the date
    (["小林", "2025-10-28 21:15:32"], None, "小林"),
    # a province after a post's time is where it was sent from
    (["2025-10-28 21:15:32 浙江"], None, None),
    # an outlet's reporter credit with a bar
    (["晨光新闻记者 | 孙晓", "2025/10/30 11:02"], "晨光新闻", "孙晓"),
    # an English platform's byline
    (["Oct 30, 2025", "Written by 阿晴"], None, "阿晴"),
    # a print edition's notice names the paper
    (["本报记者 韩冰", "《城市周报》（2025年11月01日 第 07 版）"], "城市周报", "韩冰"),
    # a repost header's source with the account's ID
    (["来源 | 读城笔记（ID：duchengbiji）", "作者 | 沈川"], "读城笔记", "沈川"),
    # a published-on label is no one's name
    (["刊登於 2025-11-02"], None, None),
    # a writer's affiliation in brackets is not part of the name
    (["文：吳小明（某大學副教授）"], None, "吳小明"),
    # an editor's credit in brackets names no outlet
    (["2025年11月03日 10:26", "【编辑：于晓】"], None, None),
    # the paper first, then the site, joined by a hyphen
    (["2025年11月04日 07:52   来源：江城日报-江城信息网   作者：邵文"], "江城日报", "邵文"),
    # a profession before the writer's name
    (["文／營養師 李小珊"], None, "李小珊"),
    # a developer blog's header: the original mark, the writer, a modified time
    (["原创 山间码农 已于 2025-11-05 10:12:01 修改 阅读量1.2k 收藏 12"], None, "山间码农"),
    # the studio that produced the piece
    (["文 | 刘畅 编辑 | 周舟 出品 | 晨光工作室"], "晨光工作室", "刘畅"),
    # an anonymous poster names no one
    (["匿名", "2025年11月6日 14:05"], None, None),
    # an outlet and the time joined by a dot
    (["晨光科技 · 2025-11-07 10:00"], "晨光科技", None),
    # an English blog engine's byline
    (["Posted on 2025-11-07 by 小凱"], None, "小凱"),
    # a writer's department before the name; the account's header names an institution, not the writer
    (["原创 江城市中医院 杏林小报 2025年11月03日 08:00", "作者：儿科 吴敏"], "杏林小报", "吴敏"),
    # the platform a post was sent from is not its outlet
    (["2025-11-04 15:12 · 来自雪球"], "雪球", None),
    # a labelled credit before a bar and the date is the writer's, no outlet's
    (["作者：阿凱 ｜ 2025/11/05 ｜ 分類：手機"], None, "阿凱"),
    # an English byline with the date after a bar
    (["By 黃嘉怡 | 2025年11月5日"], None, "黃嘉怡"),
    # one person credited for words and pictures
    (["2025-11-03 09:15", "文/图 周雅"], None, "周雅"),
    # a date's label is no one's name
    (["最後更新 2025-11-06 16:12"], None, None),
    # a reporter credited with a bar, a correspondent after
    (["记者 | 孙立 通讯员 | 赵青"], None, "孙立"),
    # the site's reporter, the place and the time on one line
    (["財經速報網記者王志明 台北 2025-11-06 14:05"], "財經速報網", "王志明"),
    # where the facts came from is no publisher
    (["資料來源：衞生防護中心"], None, None),
    # a writer's title after the name is not part of it
    (["撰稿人：王淑芬護理師　審閱：陳建宏醫師"], None, "王淑芬"),
    # a writer credited with a middle dot; a programme's host
    (["文 · 郑慧敏"], None, "郑慧敏"),
    (["主播：叶子"], None, "叶子"),
    # the name before the role; a print paper's box before the credit
    (["李明/文　陈刚/图"], None, "李明"),
    (["□本报记者 王丽 通讯员 张强"], None, "王丽"),
    # the paper and its web edition before the reporter, after a writer's label
    (["作者 | 江城日报·江城网记者 杨晓"], "江城日报·江城网", "杨晓"),
    (["作者：江城日报记者 杨晓"], "江城日报", "杨晓"),
    # two writers: the first is credited
    (["作者：陳怡如、林佳慧（發稿時間：2025/11/05 10:00）"], None, "陳怡如"),
    (["By 阿傑 2025年11月5日 下午 3:40"], None, "阿傑"),
    # the print issue the piece ran in names the magazine; a paper's web edition names the paper
    (["2025-11-04", "本文刊于《生活周刊》第45期"], "生活周刊", None),
    (["江城日报数字报 2025年11月05日"], "江城日报", None),
    # a related list's heading in brackets credits no one
    (["2025年11月4日", "【相關報道】"], None, None),
    # the holder after the copyright's words; a magazine's issue with its name in brackets
    (["本文章版權屬消費者委員會所有，如欲轉載，請先取得書面同意。"], "消費者委員會", None),
    (["《選擇》月刊第589期"], "選擇", None),
    # a journal mirror names the issue by its year (某刊 2024年3期) and runs the
    # date (and time) into the writer's name
    (["2025-11-04林晚晴", "灣區經貿評論 2024年3期"], "灣區經貿評論", "林晚晴"),
    (["2025-11-04 00:00:00周若水"], None, "周若水"),
    # an English name before the next role on one line
    (["文字：Amy Chen　攝影：林志明　編輯：黃小芸"], None, "Amy Chen"),
    # a publishing company named in English holds the copyright; it names no outlet
    (["Copyright © 2025 Star Island Media Sdn Bhd. All rights reserved."], None, None),
    # a repost by licence names the original publisher
    (["本文由《嘉南週報》授權轉載"], "嘉南週報", None),
    # an official who interprets a policy wrote the interpretation
    (["发布机构：江城市住房和城乡建设局　解读人：刘建国　发布日期：2025-11-04"], "江城市住房和城乡建设局", "刘建国"),
    # a sponsored label in brackets credits no one
    (["【Sponsored】"], None, None),
    # English credits; a site's administrator is no one; an office is no outlet
    (["Text: 陳美琪 | Photo: 受訪者提供"], None, "陳美琪"),
    (["发布者：管理员　发布时间：2025-11-05　点击：356次"], None, None),
    (["发布时间：2025-11-04　来源：宣传科"], None, None),
    # a video's source is no publisher
    (["影片來源：江城電視台"], None, None),
    # credits joined by full-width dots; a paper's news mark naming it, the reporter in brackets
    (["文．林佩君　圖．莊志豪"], None, "林佩君"),
    (["（江城晚报记者 王丽）"], "江城晚报", "王丽"),
    # words and photographs by one person, a slash then a colon: the role after the slash is no name
    (["文/摄影：杨慧敏"], None, "杨慧敏"),
])
def test_outlet_and_author_from_bylines(lines, outlet, author):
    article = from_lines(["某地新闻标题在这里出现", *lines, *PARAGRAPHS])
    assert article.meta.get("outlet") == outlet
    assert article.meta.get("author") == author
    # byline lines leave the body
    assert not any(line in body_text(article) for line in lines)


def test_a_repost_credits_the_original_publisher():
    article = from_lines(["某地新闻标题在这里出现", "来源：聚合平台", *PARAGRAPHS,
                          "本文来自微信公众号“硬件观察”（ID：yingjianguancha），作者：刘洋，36氪经授权发布。"])
    assert article.meta["outlet"] == "硬件观察"
    assert article.meta["author"] == "刘洋"


def test_agency_dateline_names_outlet_and_reporter():
    article = from_lines(["颱風外圍環流影響 北部山區週末嚴防豪雨", "（中央社記者張瑞芳台北23日電）中央氣象署今天表示，週末北部山區可能出現豪雨。", *PARAGRAPHS])
    assert article.meta["outlet"] == "中央社"
    assert article.meta["author"] == "張瑞芳"
    assert body_text(article).startswith("中央氣象署今天表示")


def test_headline_after_lead_is_the_title_never_a_chrome_line():
    article = from_lines(["首页 > 财经", "登录 注册", PARAGRAPHS[0], "课后服务延时半小时 家长接送难题能否破解", "2025年10月20日 来源：江城日报 记者 赵敏", *PARAGRAPHS[1:]])
    assert article.meta["title"] == "课后服务延时半小时 家长接送难题能否破解"
    assert article.provenance["title"] == "line 4 (headline)"
    assert article.meta["date"] == "2025-10-20" and article.meta["outlet"] == "江城日报"


def test_title_from_metadata_file_is_editorial():
    article = from_lines(["某地新闻标题在这里出现", *PARAGRAPHS], {"title": "编辑定的标题"})
    assert article.meta["title"] == "编辑定的标题"
    assert article.provenance["title"] == "seeds/metadata.yml (editorial)"
    assert "某地新闻标题在这里出现" not in body_text(article)  # a headline is not article text


def test_title_from_opening_sentence_cut_at_a_clause():
    article = from_lines(["去年冬天第一次去哈尔滨，零下二十五度的早晨让我明白了什么叫冻透了。", "第二段写的是中央大街上的游客，比想象中多。"])
    assert article.meta["title"] == "去年冬天第一次去哈尔滨"
    assert article.provenance["title"].startswith("opening sentence")


def test_write_up_names_its_source_not_its_outlet():
    path = SEEDS / "003_50ce4e93d524b5f0.txt"
    article = process(path, None)
    assert article.meta["source_name"] == "Information Bottleneck Podcast"
    assert "outlet" not in article.meta  # "本文整理自" the podcast: it is the source


def test_opening_title_adds_a_clause_to_a_bare_date():
    article = from_lines(["2025年10月底,某公司的一则消息炸翻了整个行业。", "第二段写的是后来的事情，写得比较长一些。"])
    assert article.meta["title"] == "2025年10月底,某公司的一则消息炸翻了整个行业"


def test_description_is_cut_at_a_sentence_or_clause_end():
    from pipeline.article import Block, Text
    from pipeline.write import _summary
    blocks = [Block("paragraph", [Text("第一句话写得比较长，讲的是一家公司在今年秋天做出的决定。" * 2)]),
              Block("paragraph", [Text("第二段继续讲这件事情的来龙去脉，以及业内人士的看法和评论，还有更多细节。" * 2)])]
    description = _summary(blocks)
    assert description.endswith("。") or description.endswith("……")
    assert len(description) <= 112
    assert description.rstrip("。…") in "".join(b.text for b in blocks)


def test_an_outlets_reports_credit_names_the_outlet_not_the_title():
    article = from_lines(["中央社報導", "某地新闻标题在这里出现", *PARAGRAPHS])
    assert article.meta["title"] == "某地新闻标题在这里出现"
    assert article.meta["outlet"] == "中央社"


def test_date_and_translator_byline():
    article = from_lines(["某地新闻标题在这里出现", "2025-11-12 10:20 编译：张三", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["date"], article.meta["author"]) == ("某地新闻标题在这里出现", "2025-11-12", "张三")


def test_a_short_name_above_a_date_is_the_author_a_long_one_the_outlet():
    article = from_lines(["台灣醒報", "NBA新賽季將至 外媒預測最佳防守獎", "宋秉謙 2022/09/15 14:16", *PARAGRAPHS])
    assert (article.meta["author"], article.meta["outlet"], article.meta["date"]) == ("宋秉謙", "台灣醒報", "2022-09-15")
    article = from_lines(["某地新闻标题在这里出现", "远方的家 2025年11月18日 13:18 北京", *PARAGRAPHS])
    assert article.meta["outlet"] == "远方的家" and "author" not in article.meta


def test_bulleted_bylines():
    article = from_lines(["港聞", "- 有線新聞", "- 2025年06月22日", "指本港經濟連升九季 收入有實質增長", "【有線新聞】財政司司長說，本港經濟整體的基本面穩健，連續九季保持增長。", *PARAGRAPHS])
    assert (article.meta["outlet"], article.meta["date"]) == ("有線新聞", "2025-06-22")


def test_labels_written_after_their_values():
    article = from_lines(["首页 科技资讯 观点", "基带芯片的往事", "行业观察 | 来源", "L晨光 | 作者", "不提供二次转载", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["outlet"], article.meta["author"]) == ("基带芯片的往事", "行业观察", "L晨光")
    assert body_text(article).strip().startswith(PARAGRAPHS[0])


# --- 民國 years and Chinese numerals ------------------------------------------

@pytest.mark.parametrize("text, number", [
    ("114", 114), ("一一四", 114), ("二〇二五", 2025), ("二○二五", 2025), ("十", 10), ("十八", 18),
    ("二十", 20), ("二十三", 23), ("三十一", 31), ("一百一十四", 114), ("年", None), ("", None),
])
def test_chinese_number(text, number):
    assert chinese_number(text) == number


@pytest.mark.parametrize("text, rewritten", [
    ("中华民国114年10月22日 星期三", "2025年10月22日 星期三"),
    ("发布日期：114-10-21", "发布日期：2025年10月21日"),
    ("民国一一四年十月十八日", "2025年10月18日"),
    ("二〇二五年十月二十日", "2025年10月20日"),
    # a Gregorian date, a price range, a count stay as they are
    ("2025年10月23日", "2025年10月23日"),
    ("价格在114.5-10.2之间", "价格在114.5-10.2之间"),
    # a day-first dotted date is rewritten; a year-first one and a version number stay
    ("05.11.2025", "2025年11月5日"),
    ("2025.11.05", "2025.11.05"),
    ("版本 1.2.3", "版本 1.2.3"),
    ("共114人参加", "共114人参加"),
])
def test_gregorian(text, rewritten):
    assert gregorian(text) == rewritten


def test_normalise_date_reads_roc_years():
    assert normalise_date("民國114年10月23日") == "2025-10-23"
    assert normalise_date("二〇二五年十月二十三日") == "2025-10-23"


def test_a_notice_signed_at_the_tail_gives_outlet_and_date():
    article = from_lines(["关于做好冬季供热保障工作的通知", *PARAGRAPHS, "市住房和城乡建设局", "二〇二五年十月二十日", "【打印本页】【关闭窗口】"])
    assert (article.meta["outlet"], article.meta["date"]) == ("市住房和城乡建设局", "2025-10-20")
    assert "市住房和城乡建设局" not in body_text(article)


def test_button_words_in_brackets_name_no_outlet():
    article = from_lines(["某地新闻标题在这里出现", *PARAGRAPHS, "【打印本页】【关闭窗口】"])
    assert "outlet" not in article.meta


def test_site_name_after_the_headline_when_the_page_names_it_again():
    article = from_lines(["国产扫地机器人出海三年：从拼价格到拼专利｜数码前线", "2025-10-22 08:30", *PARAGRAPHS,
                          "本文为数码前线原创，未经授权不得转载。"])
    assert (article.meta["title"], article.meta["outlet"]) == ("国产扫地机器人出海三年：从拼价格到拼专利", "数码前线")


def test_section_and_site_after_the_headline():
    article = from_lines(["银行理财收益率连续三个月回落 稳健型产品受追捧_财经频道_东南商报网", "2025-10-23 10:12", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["outlet"]) == ("银行理财收益率连续三个月回落 稳健型产品受追捧", "东南商报网")


def test_a_series_name_before_the_bar_stays_in_the_title():
    article = from_lines(["山城慢旅｜一個人的九份平日散步", *PARAGRAPHS, "文／小凡"])
    assert article.meta["title"] == "山城慢旅｜一個人的九份平日散步"


def test_a_signature_needs_the_closing_date_under_it():
    article = from_lines(["某地新闻标题在这里出现", "2025-10-24 15:32", *PARAGRAPHS, "更多地方新闻", "臺南舊城區徒步區週末試辦"])
    assert "outlet" not in article.meta
    article = from_lines(["某县人民政府办公室关于开展森林防火检查的通知", *PARAGRAPHS, "某县人民政府办公室", "2025年10月21日"])
    assert (article.meta["outlet"], article.meta["date"]) == ("某县人民政府办公室", "2025-10-21")


def test_copyright_line_names_the_outlet():
    article = from_lines(["網路小說遭大量轉載盜版 作者聯名呼籲平台把關", "2025/10/22 18:05", *PARAGRAPHS,
                          "版權所有 © 2025 台灣日日新聞 All Rights Reserved."])
    assert article.meta["outlet"] == "台灣日日新聞"
    assert article.meta["title"] == "網路小說遭大量轉載盜版 作者聯名呼籲平台把關"


def test_an_email_pasted_with_its_headers():
    article = from_lines(["发件人：社区服务中心", "发送时间：2025年10月24日 星期五 9:30", "收件人：各楼栋志愿者",
                          "主题：转发：社区秋季义诊活动安排", "各位志愿者：",
                          "本周六上午八点半至十一点半，社区将联合区人民", "医院在中心广场举办秋季义诊活动，届时将提供量",
                          "血压、测血糖和中医问诊等服务。", "请各楼栋志愿者提前通知楼内的老年住户，行动不",
                          "便的老人可以联系中心，我们会安排工作人员上门", "接送。", "社区服务中心"])
    assert (article.meta["title"], article.meta["date"], article.meta["outlet"]) == ("社区秋季义诊活动安排", "2025-10-24", "社区服务中心")
    text = body_text(article)
    assert "本周六上午八点半至十一点半，社区将联合区人民医院在中心广场举办秋季义诊活动" in text
    assert "发件人" not in text and not text.rstrip().endswith("社区服务中心")


def test_a_platform_is_not_the_outlet_of_its_own_original():
    article = from_lines(["智能手表续航大比拼：谁能撑过一周", "数码前线观察 2025-10-16 10:20", *PARAGRAPHS, "本文为百家号原创，未经授权不得转载。"])
    assert article.meta["outlet"] == "数码前线观察"


def test_a_wechat_notice_with_a_colon_names_the_account():
    article = from_lines(["某地新闻标题在这里出现", "本文来自微信公众号：菜场研究社（ID：caichang_lab），作者：方圆，题图来自：图库",
                          *PARAGRAPHS])
    assert article.meta["outlet"] == "菜场研究社"
    assert article.meta["author"] == "方圆"


def test_a_blog_platform_byline_and_the_blog_name_without_the_platform():
    article = from_lines(["阿青的旅行筆記 :: 部落平台 ::", "首頁", "秋天到花東騎單車的三天兩夜",
                          "阿青 發表在 部落平台 留言(2) 人氣(830)", "2025年10月12日 23:40", *PARAGRAPHS])
    assert article.meta["outlet"] == "阿青的旅行筆記"
    assert article.meta["author"] == "阿青"
    assert article.meta["title"] == "秋天到花東騎單車的三天兩夜"


def test_a_bracketed_credit_ending_in_a_station_name_is_the_outlet():
    article = from_lines(["西貢新設單車徑下月開放｜某入口網", "【城市新聞台】" + PARAGRAPHS[0], *PARAGRAPHS[1:]])
    assert article.meta["outlet"] == "城市新聞台"
    assert article.meta["title"] == "西貢新設單車徑下月開放"


def test_a_column_tag_after_the_headline_leaves_the_title():
    article = from_lines(["社区菜园开到第三年：谁在照料这片地 | 深度", "2025-10-20 李然 街区观察", *PARAGRAPHS])
    assert article.meta["title"] == "社区菜园开到第三年：谁在照料这片地"


def test_a_site_dateline_names_the_outlet_and_reporter():
    article = from_lines(["某地新闻标题在这里出现", "2025年10月28日08:30",
                          "江城网武汉10月28日电 （记者金桥）" + PARAGRAPHS[0], *PARAGRAPHS[1:]])
    assert article.meta["outlet"] == "江城网"
    assert article.meta["author"] == "金桥"


def test_a_bilingual_masthead_gives_its_chinese_name():
    article = from_lines(["城市週報 CityWeekly", "科技", "社區共享單車站點再增百處", "撰文者：林子晴",
                          "發布日期：2025.10.27", *PARAGRAPHS])
    assert article.meta["outlet"] == "城市週報"


def test_a_section_is_not_an_outlet():
    article = from_lines(["深度報導", "山區行動診所的最後一哩路", "文字 林子晴 攝影 陳大文", "2025/10/25", *PARAGRAPHS])
    assert article.meta.get("outlet") is None
    assert article.meta["author"] == "林子晴"


def test_a_bracketed_writer_credit_opening_the_lead():
    article = from_lines(["某地新闻标题在这里出现", "2025-10-28 18:40:12", "【文/晨光网 吴迪】" + PARAGRAPHS[0], *PARAGRAPHS[1:]])
    assert article.meta["outlet"] == "晨光网"
    assert article.meta["author"] == "吴迪"
    assert body_text(article).startswith(PARAGRAPHS[0])


def test_a_copyright_kept_by_the_writer_names_the_writer():
    article = from_lines(["某平台", "搬回小城的第一年", "2025-10-28 21:15:32", *PARAGRAPHS,
                          "©本文版权归作者 小林 所有，任何形式转载请联系作者。"])
    assert article.meta["author"] == "小林"
    assert article.meta.get("outlet") != "本文版权归作者"


def test_a_list_heading_in_brackets_is_no_outlet():
    article = from_lines(["某地新闻标题在这里出现", "2025年10月29日 12:30", *PARAGRAPHS, "【延伸閱讀】港鐵十月乘客量創新高"])
    assert article.meta.get("outlet") != "延伸閱讀"


def test_an_account_above_a_follow_button_is_the_outlet_not_the_platform():
    article = from_lines(["某笔记平台", "周末露营的小林", "关注", "带娃第一次露营，这几样东西一定要带", *PARAGRAPHS])
    assert article.meta["outlet"] == "周末露营的小林"


def test_a_sites_name_gives_the_outlet_it_is_the_site_of():
    article = from_lines(["城市電台網站", "即時新聞", "2025-10-30 HKT 14:20", "公園增設寵物共享區 試行半年", *PARAGRAPHS])
    assert article.meta["outlet"] == "城市電台"


def test_a_markdown_signature_date_names_no_one():
    article = from_lines(["# 我的第一台胶片相机", *PARAGRAPHS, "*写于 2025 年 10 月 26 日*"])
    assert article.meta["date"] == "2025-10-26"
    assert "author" not in article.meta and "outlet" not in article.meta


def test_a_news_credit_opening_the_text_names_the_outlet_without_its_news_word():
    article = from_lines(["快讯", "2025年10月31日 09:30", "晨光科技讯 10月31日消息，" + PARAGRAPHS[0], *PARAGRAPHS[1:]])
    assert article.meta["outlet"] == "晨光科技"
    assert article.meta["title"].startswith("十月以来")


def test_the_holder_before_a_copyright_notice_is_the_outlet():
    article = from_lines(["某地新闻标题在这里出现", *PARAGRAPHS, "晨光時報版權所有不得轉載 © 2025 Morning Times. All Rights Reserved."])
    assert article.meta["outlet"] == "晨光時報"


def test_a_name_above_its_agreement_count_is_the_authors():
    article = from_lines(["装修时最容易后悔的事情是什么？", "关注者", "1,234", "木工老李", "十年装修经验",
                          "123 人赞同了该回答", *PARAGRAPHS, "发布于 2025-11-01 09:12・IP 属地广东"])
    assert article.meta["author"] == "木工老李"
    assert article.meta.get("outlet") != "关注者"
    assert article.meta["date"] == "2025-11-01"


def test_a_brand_run_into_its_english_name_gives_the_chinese_name():
    article = from_lines(["晨光頭條morning", "2025.11.01 | 14:20", "記者黃小明／台北報導",
                          "台北市公車動態App改版 可查車上擁擠程度", *PARAGRAPHS])
    assert article.meta["outlet"] == "晨光頭條"


def test_a_bracketed_credit_and_the_reporter_both_leave_the_lead():
    article = from_lines(["沙田馬場周日開放日 逾兩萬市民入場", "2025年11月02日 09:15",
                          "【城市報訊】記者鄭明報道：" + PARAGRAPHS[0], *PARAGRAPHS[1:]])
    assert article.meta["outlet"] == "城市報"
    assert article.meta["author"] == "鄭明"
    assert body_text(article).startswith(PARAGRAPHS[0])


def test_a_site_dateline_and_an_apps_name_give_the_outlet():
    article = from_lines(["某地新闻标题在这里出现", "2025年11月03日 10:26", "城市网11月3日电 " + PARAGRAPHS[0], *PARAGRAPHS[1:]])
    assert article.meta["outlet"] == "城市网"
    article = from_lines(["晨光视点客户端", "打开客户端", "2025-11-03 16:20", "“智慧农场”里的秋收", *PARAGRAPHS])
    assert article.meta["outlet"] == "晨光视点"


def test_a_latin_first_bilingual_masthead_gives_the_chinese_name():
    article = from_lines(["The City Lens 城市評論網", "觀點", "2025/11/03", "社區參與式預算推了十年，為什麼居民還是不知道？", *PARAGRAPHS])
    assert article.meta["outlet"] == "城市評論網"


def test_an_outlet_and_two_reporters_in_brackets_open_the_lead():
    article = from_lines(["聚合新聞", "晨光新聞網", "台中花毯節週末登場 百萬株花海迎賓",
                          "〔晨光新聞／王小明、李大華 台中報導〕" + PARAGRAPHS[0], *PARAGRAPHS[1:]])
    assert article.meta["author"] == "王小明"
    assert article.meta["outlet"] == "晨光新聞網"  # the credit's short name, in full as the masthead prints it
    assert body_text(article).startswith(PARAGRAPHS[0])


def test_a_modified_on_note_gives_the_date_and_is_no_headline():
    article = from_lines(["文章已于2025-11-04修改", "作者：陆遥 来源：小城故事会", "在县城开一家书店，能坚持多久？", *PARAGRAPHS])
    assert article.meta["date"] == "2025-11-04"
    assert article.meta["title"] == "在县城开一家书店，能坚持多久？"
    assert article.meta["outlet"] == "小城故事会"


def test_a_reporter_credited_at_the_end_is_the_author():
    article = from_lines(["老城区新增十处口袋公园", PARAGRAPHS[0], PARAGRAPHS[1] + "（记者 王川）"])
    assert article.meta["author"] == "王川"


def test_a_company_holding_the_copyright_leaves_the_outlet_to_the_masthead():
    article = from_lines(["晨光雜誌", "小鎮書店轉型社區客廳", "2025-11-05", *PARAGRAPHS, "晨光文化出版股份有限公司 版權所有"])
    assert article.meta["outlet"] == "晨光雜誌"


@pytest.mark.parametrize("value, platform", [
    ("小紅書", True), ("方格子 vocus", True), ("搜狐首页", True), ("Yahoo奇摩新聞", True), ("medium", True),
    ("晨光新闻", False), ("小樹的散步筆記", False), ("香港電台", False),
])
def test_platform_names_in_both_scripts(value, platform):
    assert is_platform(value) is platform


@pytest.mark.parametrize("lines, outlet", [
    # an account's name under the platform's: the account published the page
    (["小紅書", "山城散步的阿青", "关注", "2025-11-02 07:30"], "山城散步的阿青"),
    # a source label naming the platform gives way to the column the page names
    (["来源：今日头条", "城南旧事馆 2025-11-03 09:10"], "城南旧事馆"),
    # a platform's page that names no publisher: the platform is the outlet
    (["来源：豆瓣", "2025-11-03 09:10"], "豆瓣"),
])
def test_a_platform_is_the_outlet_only_when_no_publisher_is_named(lines, outlet):
    article = from_lines(["某地新闻标题在这里出现", *lines, *PARAGRAPHS])
    assert article.meta.get("outlet") == outlet


def test_an_institution_news_section_names_no_outlet():
    article = from_lines(["校园新闻", "作者：宋佳  发布时间：2025-11-06", "某地新闻标题在这里出现", *PARAGRAPHS])
    assert article.meta.get("outlet") is None
    assert article.meta.get("author") == "宋佳"


def test_a_forum_header_gives_title_author_and_time():
    article = from_lines(["看板 Hiking", "作者 treeline (林線)", "標題 [問題] 合歡山冬季要帶冰爪嗎",
                          "時間 Sun Nov  9 10:02:41 2025", *PARAGRAPHS])
    assert article.meta["title"] == "合歡山冬季要帶冰爪嗎"
    assert article.meta["date"] == "2025-11-09"
    assert article.meta["author"] == "treeline"
    assert article.meta.get("outlet") is None  # a board is a place, not a name


def test_a_name_under_the_headline_above_the_time_is_the_poster():
    article = from_lines(["小紅書", "週末去哪裡爬山比較不擠", "山腳下的阿哲", "3 小時前", *PARAGRAPHS])
    assert article.meta["author"] == "山腳下的阿哲"
    assert article.meta["outlet"] == "小紅書"


def test_a_category_with_its_english_name_is_no_outlet():
    article = from_lines(["Mobile01", "Android 手機", "中階手機用了半年的電池表現", "小林哥", "2025-11-02 22:15", *PARAGRAPHS])
    assert article.meta["outlet"] == "Mobile01"
    assert article.meta["author"] == "小林哥"


def test_a_name_above_a_floor_number_is_the_poster():
    article = from_lines(["贴吧", "老城区哪里能修旧收音机", "河边散步的人", "1楼", "来自iPhone客户端", *PARAGRAPHS])
    assert article.meta["author"] == "河边散步的人"
    assert article.meta["outlet"] == "贴吧"


@pytest.mark.parametrize("lines, outlet", [
    # an institution's office issues the text; the institution is the outlet
    (["東嶺大學", "新聞中心", "發布單位：秘書室", "發布日期：2025-11-03"], "東嶺大學"),
    # a newsletter's kind and number name no outlet
    (["青松社區中心", "通訊 第 12 期"], "青松社區中心"),
])
def test_an_office_or_a_publication_kind_gives_way_to_the_institution(lines, outlet):
    article = from_lines([*lines, "某地新闻标题在这里出现", *PARAGRAPHS])
    assert article.meta.get("outlet") == outlet


def test_a_menu_item_under_the_site_s_name_is_no_outlet():
    article = from_lines(["知乎", "首页", "圈子", "等你来答", "冬天阳台的绿萝怎么养才不黄叶？", "关注问题", "写回答",
                          "窗边的猫", "植物爱好者", "56 人赞同了该回答", *PARAGRAPHS])
    assert article.meta["outlet"] == "知乎"
    assert article.meta["author"] == "窗边的猫"


def test_a_site_s_desk_gives_way_to_its_masthead():
    article = from_lines(["晨星財經", "台股", "某公司九月營收創新高 法人看好後市", "晨星新聞中心 2025/10/08 14:10", *PARAGRAPHS])
    assert article.meta["outlet"] == "晨星財經"


@pytest.mark.parametrize("lines, outlet, author", [
    # a translation names the original's writer and, in its licence notice, the original publication
    (["原文作者：馬克．霍夫曼", "譯者：周佳穎", "2025.10.20", *PARAGRAPHS, "本文原刊載於《萊茵評論》，經授權翻譯轉載。"],
     "萊茵評論", "馬克．霍夫曼"),
    # a writer in Latin letters keeps the surname; a reporter labelled 報道
    (["撰文：Ivy Chan｜攝影：本網", "2025年10月20日", *PARAGRAPHS], None, "Ivy Chan"),
    (["报道：林佩珊", "摄影：何国良", "2025-10-20 09:30", *PARAGRAPHS], None, "林佩珊"),
    # a writer, their role and the date joined by dots
    (["周宁 · 工程师 · 2025年10月20日", *PARAGRAPHS], None, "周宁"),
])
def test_credits_in_unfamiliar_shapes(lines, outlet, author):
    article = from_lines(["某网站", "某地新闻标题在这里出现", *lines])
    assert article.meta.get("author") == author
    if outlet:
        assert article.meta.get("outlet") == outlet


def test_a_reporter_s_place_after_a_division_slash_is_no_outlet():
    article = from_lines(["海港日報", "台南運河夜間點燈 延長到年底", "記者陳怡君∕台南報導", "2025-10-21 09:00", *PARAGRAPHS])
    assert article.meta["author"] == "陳怡君"
    assert article.meta["outlet"] == "海港日報"


def test_credits_with_the_bar_radical_name_the_writer_and_leave_the_page():
    # 丨 printed as the bar between a credit's label and its name
    article = from_lines(["撰文丨河畔跑者", "編輯丨林小舟", "（資料圖片）", *PARAGRAPHS])
    assert article.meta["author"] == "河畔跑者"
    assert article.meta.get("title") != "撰文丨河畔跑者"


def test_a_staff_credit_names_no_author_and_an_update_label_no_outlet():
    article = from_lines(["晨曦地產網", "東區新盤下周開售 首批六十伙", "撰文：晨曦地產網記者", "2025年10月20日 12:00",
                          *PARAGRAPHS, "本页最后更新于 2025年10月20日"])
    assert article.meta.get("author") is None
    assert article.meta["outlet"] == "晨曦地產網"


@pytest.mark.parametrize("lines, field, value", [
    (["2025-10-12 by 阿哲", *PARAGRAPHS], "author", "阿哲"),  # the date, then the writer
    (["【本報消息】", "2025-10-12", *PARAGRAPHS], "outlet", "某网站"),  # "this paper's news" names no one
    (["高清", "2025-10-12 19:30:05", *PARAGRAPHS], "author", None),  # a player's control is no poster
])
def test_bylines_in_more_shapes(lines, field, value):
    article = from_lines(["某网站", "某地新闻标题在这里出现", *lines])
    assert article.meta.get(field) == value


def test_a_field_is_no_outlet_and_a_qualified_reporter_names_the_writer():
    article = from_lines(["查證中心", "網傳喝熱水能預防感冒？專家：沒有根據", "查證結果：錯誤", "查核記者：林育賢",
                          "發布日期：2025-10-12", *PARAGRAPHS])
    assert article.meta["outlet"] == "查證中心"
    assert article.meta["author"] == "林育賢"


def test_a_poster_labelled_on_a_message_board():
    article = from_lines(["某市留言板", "小区门前积水无人处理", "留言人：刘女士  留言时间：2025-10-12", *PARAGRAPHS])
    assert article.meta["author"] == "刘女士"
    assert article.meta["date"] == "2025-10-12"


def test_without_a_headline_the_paragraph_under_a_section_heading_gives_the_title():
    article = from_lines(["秋天的書單", *PARAGRAPHS])
    assert article.meta["title"].startswith("十月以来")


@pytest.mark.parametrize("lines, outlet, author", [
    # a short Latin tail run into a name is part of it (a station's FM, a reviewer's given name)
    (["江声FM", "某地新闻标题在这里出现", *PARAGRAPHS], "江声FM", None),
    (["食在香港", "某地新闻标题在这里出现", "美食家阿Ben", "2025年11月3日", *PARAGRAPHS], "食在香港", "美食家阿Ben"),
])
def test_a_short_latin_tail_belongs_to_the_name(lines, outlet, author):
    article = from_lines(lines)
    assert (article.meta.get("outlet"), article.meta.get("author")) == (outlet, author)


def test_a_menus_last_item_above_the_date_is_no_author():
    article = from_lines(["狮城资讯", "首页", "退休", "住房", "医疗", "最后更新日期: 2025年11月5日", "某地新闻标题在这里出现", *PARAGRAPHS])
    assert article.meta.get("author") is None
    assert article.meta["outlet"] == "狮城资讯"


def test_a_print_headline_between_its_kicker_and_subtitle():
    article = from_lines(["江城日报", "首页 > 要闻", "让更多老人在家门口享受医疗服务", "全市家庭医生签约覆盖八成社区",
                          "——今年新增签约居民二十万人", "2025年11月05日 07:30　来源：江城日报",
                          "本报讯（记者 周敏 通讯员 钱程）" + PARAGRAPHS[0], *PARAGRAPHS[1:]])
    assert article.meta["title"] == "全市家庭医生签约覆盖八成社区"
    assert article.meta["author"] == "周敏"
    # the kicker and the subtitle stay with the text; the paper's mark leaves the lead
    assert body_text(article).startswith("让更多老人在家门口享受医疗服务\n——今年新增签约居民二十万人\n" + PARAGRAPHS[0])


def test_a_date_labelled_as_another_events_is_not_the_pages():
    article = from_lines(["某地新闻标题在这里出现", "文：麥家豪", "2025年11月5日", "上映日期：2025年11月13日", *PARAGRAPHS])
    assert article.meta["date"] == "2025-11-05"


@pytest.mark.parametrize("signature, author", [
    ("林志强（退休教师）", "林志强"),
    # an office in the brackets is a contact's, not a writer's
    ("陈家豪（企业传讯署）", None),
])
def test_a_letter_signed_at_its_end(signature, author):
    article = from_lines(["某地新闻标题在这里出现", "2025年11月4日", *PARAGRAPHS, signature, "本栏文章观点不代表本报立场"])
    assert article.meta.get("author") == author
    assert signature not in body_text(article)


def test_a_papers_news_mark_naming_it_opens_the_lead():
    article = from_lines(["某地新闻标题在这里出现", "江城文匯報訊（記者 梁家欣）" + PARAGRAPHS[0], *PARAGRAPHS[1:]])
    assert (article.meta.get("outlet"), article.meta.get("author")) == ("江城文匯報", "梁家欣")
    assert body_text(article).startswith(PARAGRAPHS[0])


def test_a_wires_name_under_the_headline_on_an_aggregator_is_the_outlet():
    article = from_lines(["Yahoo股市", "台股新聞", "某地新闻标题在这里出现", "財訊快報", "2025年11月5日 週三 下午2:30", *PARAGRAPHS])
    assert (article.meta.get("outlet"), article.meta.get("author")) == ("財訊快報", None)


def test_a_short_question_is_a_headline():
    article = from_lines(["港人生活台", "主頁", "港聞", "財經", "颱風假點計？", "2025年11月5日", "撰文：張樂怡", *PARAGRAPHS])
    assert article.meta["title"] == "颱風假點計？"


def test_a_stations_bracket_credit_opening_the_lead_names_the_original_publisher():
    article = from_lines(["港聞網", "某地新闻标题在这里出现", "2025年11月5日 下午5:10", "【江城電視】" + PARAGRAPHS[0], *PARAGRAPHS[1:]])
    assert article.meta["outlet"] == "江城電視"
    assert body_text(article).startswith(PARAGRAPHS[0])


@pytest.mark.parametrize("lines", [
    ["更新日期：114年11月6日", "某地新闻标题在这里出现", "發布日期：114年11月5日"],
    ["某地新闻标题在这里出现", "2025年11月5日", "最後更新：2025-11-06T09:05:00+08:00"],
])
def test_the_date_is_when_the_page_was_published_not_updated(lines):
    article = from_lines([*lines, *PARAGRAPHS])
    assert article.meta["date"] == "2025-11-05"


def test_an_updated_date_is_the_date_when_the_page_states_no_other():
    article = from_lines(["某地新闻标题在这里出现", "更新時間：2025-11-06 10:00", *PARAGRAPHS])
    assert article.meta["date"] == "2025-11-06"


def test_an_english_weekday_date_with_its_zone_is_no_headline():
    article = from_lines(["某地新闻标题在这里出现 - 港島焦點", "港島焦點", "某地新闻标题在这里出现",
                          "Wed, 5 Nov 2025 14:30 HKT", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["date"]) == ("某地新闻标题在这里出现", "2025-11-05")


def test_an_issuing_office_names_no_outlet_its_governments_site_does():
    article = from_lines(["嘉南縣政府全球資訊網", "首頁 > 縣府新聞", "某地新闻标题在这里出现", "發布日期：114年11月5日",
                          "發布單位：社會處", *PARAGRAPHS])
    assert article.meta["outlet"] == "嘉南縣政府"


def test_a_headlines_bracket_tag_stays_and_its_share_prompt_leaves():
    headline = "【打風消息】天文台：今晚考慮改發八號風球"
    article = from_lines(["港島焦點網", "港聞", headline, "2025年11月5日 星期三 下午4:12", f"分享：{headline}", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["outlet"]) == (headline, "港島焦點網")
    assert body_text(article).startswith(PARAGRAPHS[0])


def test_a_long_deck_under_the_headline_stays_as_text():
    deck = "州政府拨款五百万令吉，首阶段工程明年初展开，涵盖十二个住宅区和两个传统市场"
    article = from_lines(["光华新闻网", "地方", "焦点新闻", "怡保老街区排水系统提升 减少水灾", deck, "2025年11月5日 星期三", *PARAGRAPHS])
    assert article.meta["title"] == "怡保老街区排水系统提升 减少水灾"
    assert body_text(article).startswith(deck)


def test_a_summary_above_the_headline_under_the_masthead_alone():
    summary = "住在三坪小套房，也能有一張好好吃飯的桌子。收納師分享五個方法。"
    article = from_lines(["生活設計月刊", "首頁", "居家", summary, "小套房收納術｜向牆壁借空間的五個方法",
                          "文／陳宜君　攝影／黃冠傑", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["author"]) == ("小套房收納術｜向牆壁借空間的五個方法", "陳宜君")
    assert article.meta["outlet"] == "生活設計月刊"
    assert body_text(article).startswith(summary)


def test_a_short_headline_above_its_byline_beats_a_longer_tagline():
    article = from_lines(["錢潮網", "最懂台灣投資人的財經新聞平台", "台股", "台積電股價再創新高", "2025.11.5（三） 14:10",
                          "記者陳柏宇／台北報導", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["outlet"]) == ("台積電股價再創新高", "錢潮網")


def test_a_bloggers_name_under_the_headline_that_the_blogs_name_opens_with():
    article = from_lines(["阿秀的手作生活 :: 痞客邦 ::", "Nov 05 Wed 2025 21:30", "秋天做一瓶桂花釀 簡單三步驟", "阿秀", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["author"]) == ("秋天做一瓶桂花釀 簡單三步驟", "阿秀")
    assert body_text(article).startswith(PARAGRAPHS[0])


@pytest.mark.parametrize("line", ["2025年11月5日 3:30 PM", "2025-11-05 09:35 HKT"])
def test_a_times_half_of_the_day_or_zone_names_no_outlet(line):
    article = from_lines(["早安狮城", "新闻", "某地新闻标题在这里出现", line, *PARAGRAPHS])
    assert (article.meta["outlet"], article.meta["date"]) == ("早安狮城", "2025-11-05")


def test_an_original_mark_with_only_the_account_names_the_outlet():
    article = from_lines(["好消息！江城12个公园冬季免费开放", "原创 江城发布 2025年11月05日 20:15 湖北", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["outlet"], article.meta.get("author")) == (
        "好消息！江城12个公园冬季免费开放", "江城发布", None)


def test_a_bureaus_short_name_as_source_gives_way_to_its_masthead():
    article = from_lines(["江城市人力资源和社会保障局", "首页 > 政策解读", "退休金怎么算？一图读懂养老金计发新办法",
                          "发布时间：2025-11-05 10:00:00　来源：市人社局", *PARAGRAPHS])
    assert article.meta["outlet"] == "江城市人力资源和社会保障局"


@pytest.mark.parametrize("link", ["原文链接：http://js.example.cn/n1/2025/1105/c360300-41234567.html",
                                  "本文地址：https://www.example.cn/a/20251105/889900.html"])
def test_a_date_only_in_the_pages_address(link):
    article = from_lines(["某地新闻标题在这里出现", *PARAGRAPHS, link])
    assert article.meta["date"] == "2025-11-05"


def test_a_bilingual_masthead_and_the_headlines_english_version_are_no_headline():
    article = from_lines(["文化康體署 Culture and Leisure Department", "新聞稿", "公共圖書館延長開放時間",
                          "Public libraries to extend opening hours", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["outlet"]) == ("公共圖書館延長開放時間", "文化康體署")
    assert body_text(article).startswith(PARAGRAPHS[0])


@pytest.mark.parametrize("section", ["社区新闻", "江苏频道"])
def test_a_section_or_a_channel_names_no_outlet(section):
    article = from_lines([section, "某地新闻标题在这里出现", *PARAGRAPHS])
    assert article.meta.get("outlet") is None


def test_a_page_title_with_the_section_first_is_the_headline_again():
    article = from_lines(["港聞 | 深水埗舊樓火警 消防救出三人 | 晨光新聞", "晨光新聞", "港聞", "深水埗舊樓火警 消防救出三人",
                          "2025年11月5日 星期三 晚上10:10", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["outlet"]) == ("深水埗舊樓火警 消防救出三人", "晨光新聞")


def test_an_essays_title_ending_with_a_full_stop_above_its_byline():
    article = from_lines(["有些告别，来不及说再见。", "原创 林小满 小满的夜读 2025年11月05日 22:10 浙江", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["date"]) == ("有些告别，来不及说再见。", "2025-11-05")
    assert (article.meta["outlet"], article.meta["author"]) == ("小满的夜读", "林小满")


def test_a_threads_poster_and_its_edited_note():
    article = from_lines(["江城论坛", "家居装修", "老房子墙面返潮怎么处理？", "楼主 阿强", "发表于 2025-11-05 20:15 | 只看该作者",
                          "本帖最后由 阿强 于 2025-11-06 08:00 编辑", *PARAGRAPHS])
    assert (article.meta["outlet"], article.meta["author"], article.meta["date"]) == ("江城论坛", "阿强", "2025-11-05")


def test_a_boards_name_above_an_anonymous_post_names_no_one():
    article = from_lines(["心情板", "匿名 · 3 天前", "第一次一個人去看電影，其實很自在", *PARAGRAPHS])
    assert (article.meta.get("author"), article.meta.get("date")) == (None, None)


@pytest.mark.parametrize("credit, author", [("By 陈美玲", "陈美玲"), ("By Tan Mei Ling", "Tan Mei Ling")])
def test_an_english_by_before_a_name_alone(credit, author):
    article = from_lines(["新报在线", "某地新闻标题在这里出现", "05 Nov 2025 10:30AM", credit, *PARAGRAPHS])
    assert article.meta["author"] == author
    assert body_text(article).startswith(PARAGRAPHS[0])


@pytest.mark.parametrize("calendar", ["今天是：2025年11月5日 星期三 农历九月十六", "今日：2025年11月5日"])
def test_a_sites_calendar_is_not_the_pages_date(calendar):
    article = from_lines(["江城在线", calendar, "某地新闻标题在这里出现", "2025-11-04 18:20　来源：江城在线", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["date"]) == ("某地新闻标题在这里出现", "2025-11-04")


def test_an_english_headline_above_the_chinese_leaves():
    article = from_lines(["国家图书馆管理局", "新闻稿", "Libraries to open till midnight during exam period",
                          "考试期间图书馆开放至午夜", "2025年11月5日", *PARAGRAPHS])
    assert article.meta["title"] == "考试期间图书馆开放至午夜"
    assert body_text(article).startswith(PARAGRAPHS[0])


def test_a_posts_bracketed_headline_titles_it_and_stays_in_the_text():
    article = from_lines(["江城气象", "11月5日 18:20 来自 微博网页版", "【暴雨红色预警】" + PARAGRAPHS[0], *PARAGRAPHS[1:]])
    assert (article.meta["title"], article.meta.get("date")) == ("暴雨红色预警", None)
    assert body_text(article).startswith("【暴雨红色预警】")


def test_a_papers_name_and_date_joined_by_a_slash_on_an_aggregator():
    article = from_lines(["Yahoo奇摩新聞", "生活", "某地新闻标题在这里出现", "北城日報 / 2025年11月5日 週三 下午3:20", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["outlet"], article.meta["date"]) == (
        "某地新闻标题在这里出现", "北城日報", "2025-11-05")


def test_a_dates_label_before_a_slash_names_no_outlet():
    article = from_lines(["新传媒新闻", "某地新闻标题在这里出现", "发布 / 2025年11月5日 10:20 AM", *PARAGRAPHS])
    assert article.meta["outlet"] == "新传媒新闻"


def test_a_blogs_name_after_the_headline_leaves_the_title():
    article = from_lines(["某地新闻标题在这里出现 - 阿明的部落格", "2025-11-05 10:00", *PARAGRAPHS])
    assert article.meta["title"] == "某地新闻标题在这里出现"


def test_a_date_line_under_an_editors_note_dates_the_page_when_nothing_else_does():
    note = "编者按：这是一个长期关注的话题。"
    article = from_lines(["江城新闻网", "本地新闻", "某地新闻标题在这里出现", note, "2025-11-05 10:00", *PARAGRAPHS])
    assert article.meta["date"] == "2025-11-05"
    assert body_text(article).startswith(note)


def test_a_channel_named_by_its_own_name_is_the_outlet():
    article = from_lines(["港視頻道", "新聞", "某地新闻标题在这里出现", "上載日期：2025年11月5日", *PARAGRAPHS])
    assert article.meta["outlet"] == "港視頻道"


@pytest.mark.parametrize("line", ["阿明 于 2025-11-05 10:20:31 发布", "李明·2025年11月05日 10:20"])
def test_a_writers_name_before_the_date(line):
    article = from_lines(["晨星科技", "某地新闻标题在这里出现", line, *PARAGRAPHS])
    assert (article.meta["title"], article.meta["date"], article.meta["author"], article.meta["outlet"]) == (
        "某地新闻标题在这里出现", "2025-11-05", line[:2], "晨星科技")


def test_a_date_and_credit_in_markdown_emphasis():
    article = from_lines(["# 某地新闻标题在这里出现", "*2025年11月5日*", "**文／黄丽珠**", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["date"], article.meta["author"]) == ("某地新闻标题在这里出现", "2025-11-05", "黄丽珠")
    assert "*2025年11月5日*" not in body_text(article) and "**文／黄丽珠**" not in body_text(article)


def test_the_byline_under_a_summary_under_the_headline():
    summary = "历时两年的改造工程让这条老街重新热闹起来。"
    article = from_lines(["江城新闻客户端", "某地新闻标题在这里出现", summary, "2025-11-05 09:30", "记者 孙梅", *PARAGRAPHS])
    assert (article.meta["date"], article.meta["author"]) == ("2025-11-05", "孙梅")
    assert body_text(article).startswith(summary + "\n" + PARAGRAPHS[0])


def test_a_headline_with_a_time_before_a_lamp_is_no_share_prompt():
    headline = "江城长江大桥夜景灯光升级 每晚七点亮灯"
    article = from_lines(["江城晚报", "江城晚报官方账号", "2025-11-05 18:20·湖北", headline, *PARAGRAPHS])
    assert (article.meta["title"], article.meta["outlet"]) == (headline, "江城晚报")


@pytest.mark.parametrize("line", ["B12 · 2025年11月5日 14:20", "週三, 2025-11-05 16:30"])
def test_a_floor_or_a_weekday_before_the_date_names_no_outlet(line):
    article = from_lines(["某地新闻标题在这里出现", line, *PARAGRAPHS])
    assert article.meta.get("outlet") is None


def test_a_governments_office_as_source_gives_way_to_the_government():
    article = from_lines(["江城市人民政府", "政务要闻", "某地新闻标题在这里出现",
                          "发布时间：2025年11月05日 18时20分　来源：市政府办公室", *PARAGRAPHS])
    assert article.meta["outlet"] == "江城市人民政府"


def test_an_english_share_prompt_quoting_the_headline_leaves():
    article = from_lines(["早报观点", "某地新闻标题在这里出现", "2025年11月5日", "Share this article: 某地新闻标题在这里出现", *PARAGRAPHS])
    assert body_text(article).startswith(PARAGRAPHS[0])


def test_a_page_saved_with_only_its_title_and_a_short_sites_name():
    article = from_lines(["新界東巴士新線下月開辦 直達機場 | 港聞速遞", "2025年11月5日", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["outlet"]) == ("新界東巴士新線下月開辦 直達機場", "港聞速遞")


def test_a_tag_before_a_bar_stays_in_the_title():
    article = from_lines(["開箱 | 入門降噪耳機新選擇 千元價位也有通透模式", "2025年11月5日", *PARAGRAPHS])
    assert article.meta["title"] == "開箱 | 入門降噪耳機新選擇 千元價位也有通透模式"


def test_a_bureau_named_without_its_government_on_the_governments_site():
    article = from_lines(["北城市政府", "市政新聞", "某地新闻标题在这里出现", "發布日期：2025-11-05", "發布單位：教育局", *PARAGRAPHS])
    assert article.meta["outlet"] == "北城市政府"


def test_a_lunar_date_beside_the_articles_date_is_no_calendar():
    article = from_lines(["大埔街坊報", "某地新闻标题在这里出现", "2025年11月5日（星期三）農曆九月十六", *PARAGRAPHS])
    assert article.meta["date"] == "2025-11-05"


def test_credits_joined_by_middle_dots_are_no_headline():
    article = from_lines(["城市散步誌", "專題", "某地新闻标题在这里出现", "文・李曉雯　攝影・張書豪", "2025.11.05", *PARAGRAPHS])
    assert (article.meta["title"], article.meta["author"]) == ("某地新闻标题在这里出现", "李曉雯")


def test_reporters_in_brackets_on_a_line_of_their_own():
    article = from_lines(["江城新闻网", "某地新闻标题在这里出现", "2025-11-05 10:00", "（记者 李明）", *PARAGRAPHS])
    assert article.meta["author"] == "李明"
    assert body_text(article).startswith(PARAGRAPHS[0])


def test_a_podcasts_host_is_its_author():
    article = from_lines(["午後咖啡館", "EP37｜在家工作三年後，我們還想回辦公室嗎？", "2025-10-12 ・ 41:05", "主持人：小魚",
                          "這一集我們聊聊在家工作三年的心得，以及大家最常遇到的困擾。", "後半段也回答了幾位聽眾的來信，謝謝大家的分享。"])
    assert article.meta["author"] == "小魚"


def test_a_company_in_a_copyright_line_gives_way_to_its_blogs_name():
    article = from_lines(["青木科技工程部落格", "文章", "我們如何把日誌系統搬上雲端", "林子晴 · 2025 年 10 月 3 日",
                          "去年我們的日誌量成長了三倍，舊的機器已經撐不住了。", "搬遷花了兩個月，過程中也踩了不少坑。",
                          "© 2025 青木科技股份有限公司"])
    assert article.meta["outlet"] == "青木科技工程部落格"


def test_a_question_and_answer_page_dates_and_credits_the_answer():
    article = from_lines(["问答社区", "首页", "数码", "旧手机还值得修吗？", "写回答", "查看全部 58 个回答", "老陈修机", "维修店店主",
                          "先说结论：电池鼓包换电池就行，主板坏了才考虑换新机。", "我开店十几年，见过太多花冤枉钱的顾客，所以写下来给大家参考。",
                          "发布于 2025-10-30 21:14・IP 属地广东", "更多回答", "手机进水后第一时间该做什么？"])
    assert (article.meta["title"], article.meta["date"], article.meta["author"]) == ("旧手机还值得修吗？", "2025-10-30", "老陈修机")


def test_a_reviews_meal_date_and_the_reviewers_level_name_no_one():
    article = from_lines(["食記網", "香港", "灣仔 日本菜", "灣仔新開壽司店 午市套餐抵食", "大胃阿晴", "等級3", "2025-10-20",
                          "今日同同事去食午飯，呢間壽司店開咗冇耐，午市套餐一百蚊有找。", "魚生幾新鮮，飯都捏得唔錯，下次會再嚟。",
                          "用餐日期 2025-10-17", "讚好 8"])
    assert (article.meta["date"], article.meta["author"]) == ("2025-10-20", "大胃阿晴")
    assert article.meta.get("outlet") == "食記網"


def test_a_byline_with_a_section_editor_and_time_is_no_headline():
    article = from_lines(["解读:家用路由器为什么越用越慢", "", "数码 | 编辑: 林小文 2024-03-08 09:30:00 转载 返回原文", "",
                          *PARAGRAPHS])
    assert (article.meta["title"], article.meta["date"]) == ("解读:家用路由器为什么越用越慢", "2024-03-08")


def test_a_two_character_headline_above_a_byline_naming_the_writer():
    article = from_lines(["归途", "2024-01-15 00:00:00周小川", "城市观察 2024年2期", *PARAGRAPHS])
    assert article.meta["title"] == "归途"


def test_a_speakers_label_is_no_headline_and_a_short_headline_is():
    article = from_lines(["首页> 社会> 正文", "看,街坊新貌", "江城晚报 2024-05-06 07:20 大字",
                          "河口社区三号楼居民李阿姨:", *PARAGRAPHS])
    assert article.meta["title"] == "看,街坊新貌"
    assert "河口社区三号楼居民李阿姨:" in body_text(article)


def test_a_quoted_print_headline_over_its_subtitle():
    article = from_lines(["当前位置:晚报电子版", "“咱们街上有群好邻居”", "修剪绿篱、清理小广告、陪老人聊天,他们样样都做",
                          "• 2024年04月06日 作者:", "• 【PDF版】", *PARAGRAPHS])
    assert article.meta["title"] == "“咱们街上有群好邻居”"
    assert article.meta.get("outlet") is None
    assert "修剪绿篱、清理小广告、陪老人聊天,他们样样都做" in body_text(article)


@pytest.mark.parametrize("headline", [
    # a headline longer than a short label, with a colon after a group named for reporters
    "兩名社區獨立記者被拘 涉撰文揭發地方官員違規 國際記者聯會：凸顯對在地報道的打壓",
    # a headline with a comma and a question opening the page
    "城市水患之謎①老城區率先亮起紅燈,多少排水口早已堵塞?",
])
def test_a_long_headline_opening_the_page_is_the_title(headline):
    article = from_lines([headline, *PARAGRAPHS])
    assert article.meta["title"] == headline
    # (also as a page's title, the site's name after a bar)
    article = from_lines([headline + "｜江城新聞", *PARAGRAPHS])
    assert article.meta["title"] == headline


def test_a_papers_news_mark_with_the_day_names_the_reporter():
    article = from_lines(["老街骑楼修缮完工", "2024年04月06日", "本报4月5日讯(见习记者 周小川) " + PARAGRAPHS[0], *PARAGRAPHS[1:]])
    assert article.meta["author"] == "周小川"


def test_a_cover_pictures_source_names_no_outlet():
    article = from_lines(["科讯", "社区团购平台完成新一轮融资，下沉市场订单翻倍", "文｜林小文", "2025-11-22 10:03",
                          "封面来源｜企业官网", *PARAGRAPHS])
    assert article.meta.get("outlet") != "企业官网"


def test_a_share_button_before_the_headline_leaves_the_title():
    article = from_lines(["分享 | 城市内涝预警体系建设探讨", "发布于 2024-06-01 09:30", "本文选自《城市规划研究》2024年第3期",
                          "作者:", "王明远,李思琪,陈晓东,赵一鸣,刘子涵", *PARAGRAPHS])
    assert article.meta["title"] == "城市内涝预警体系建设探讨"
    # a list of the paper's authors is no outlet
    assert article.meta.get("outlet") != "王明远,李思琪,陈晓东,赵一鸣,刘子涵"
    assert "本文选自《城市规划研究》2024年第3期" not in body_text(article)


def test_a_video_pages_crew_with_the_role_run_into_the_name():
    article = from_lines(["11月5日 第88集・觀看次數:1024", "老街的新生意", "影片敘述", PARAGRAPHS[0], "文字周小川", "攝影林大同",
                          "分享影片"])
    assert article.meta["author"] == "周小川"
    assert "攝影林大同" not in body_text(article)


def test_a_paper_selected_from_a_journal_names_the_journal():
    article = from_lines(["城市内涝预警体系建设探讨", "发布于 2024-06-01 09:30", "本文选自规划学会会刊《城市规划研究》2024年第3期",
                          *PARAGRAPHS])
    assert article.meta["outlet"] == "城市规划研究"
