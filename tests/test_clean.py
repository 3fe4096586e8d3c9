"""Cleaning: boilerplate lines and fragments removed by data/boilerplate.yml."""
import copy
from pathlib import Path

import pytest

import pipeline.clean as clean_module
from pipeline.article import Article, Seed
from pipeline.clean import clean
from pipeline.config import load_data

KEEP = "这是正文的一句话，不应被删除。"

# (rule name, a line taken from the seeds)
RULE_SAMPLES = [
    ("zaker-chrome", "关于ZAKER 合作"),
    ("byline-relative-time", "量子位 8小时前"),
    ("qbitai-like-share", "一键三连「点赞」「转发」「小心心」"),
    ("qbitai-comment-invite", "欢迎在评论区留下你的想法!"),
    ("qbitai-award-promotion", "年度科技风向标「2025 人工智能年度榜单」申报即将于 11 月 17 日截止点击了解详情"),
    ("qbitai-award-promotion", "企业、产品、人物 3 大维度,共设立了 5 类奖项,最后时刻一起冲刺"),
    ("qbitai-follow", "一键关注 点亮星标"),
    ("qbitai-slogan", "科技前沿进展每日见"),
    ("byline-dated", "远方的家 2025年11月18日 13:18 北京"),
    ("wechat-image-credit", "【图片来源】微信公众号：新智元"),
    (
        "wechat-copyright-notice",
        "本文图片来源网络，版权归原作者所有，内容为作者观点，并不代表本公众号赞同其观点及其真实性负责。"
        "如有版权等问题，请与管理员邮箱联系，将立刻进行相应处理。",
    ),
    ("wechat-account-introduction", "【远方的家】集锦来自中国科学院汪寿阳研究员及其学生们的日常随笔，分享各类热点新闻、趣闻、消息。"),
    ("wechat-account-id", "微信号：homeofcaes"),
    ("wechat-submission-email", "投稿、意见，请直接回复或发信至：amssmadis@163.com"),
    ("netease-disclaimer", "特别声明:以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布,本平台仅提供信息存储服务。"),
    (
        "netease-notice",
        "Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of "
        "NetEase Hao, which is a social media platform and only provides information storage services.",
    ),
    ("listen-to-article", " LISTEN TO ARTICLE"),
    ("empty-image-line", "![]()"),
    ("thematic-break", "---"),
]


def make_article(lines):
    text = "\n".join(lines)
    article = Article(seed=Seed(Path("sample.txt"), text.encode("utf-8"), text), slug="sample")
    article.body = [(number, line) for number, line in enumerate(lines, start=1)]
    return article


@pytest.fixture
def fresh_rules():
    clean_module.rules.cache_clear()
    yield
    clean_module.rules.cache_clear()


def test_every_rule_has_a_sample():
    names = {rule["name"] for rule in load_data("boilerplate.yml")["lines"]}
    assert names == {name for name, _ in RULE_SAMPLES}


@pytest.mark.parametrize("rule, line", RULE_SAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(RULE_SAMPLES)])
def test_rule_removes_line_and_records_it(rule, line):
    article = make_article([KEEP, line, KEEP])
    clean(article)
    assert article.body == [(1, KEEP), (3, KEEP)]
    assert len(article.removed) == 1
    removal = article.removed[0]
    assert removal.rule == rule
    assert removal.line == 2
    assert removal.text == line.strip()


def test_relative_byline_fills_outlet():
    article = make_article(["量子位 8小时前", KEEP])
    clean(article)
    assert article.meta["outlet"] == "量子位"
    assert "date" not in article.meta


def test_dated_byline_fills_outlet_date_time_place():
    article = make_article(["远方的家 2025年11月18日 13:18 北京", KEEP])
    clean(article)
    assert article.meta["outlet"] == "远方的家"
    assert article.meta["date"] == "2025-11-18"
    assert article.meta["time"] == "13:18"
    assert article.meta["place"] == "北京"


def test_byline_does_not_overwrite_front_matter():
    article = make_article(["远方的家 2025年11月18日 13:18 北京", KEEP])
    article.meta["date"] = "2025-11-17"
    clean(article)
    assert article.meta["date"] == "2025-11-17"
    assert article.meta["outlet"] == "远方的家"


def test_netease_disclaimer_names_outlet():
    article = make_article([KEEP, RULE_SAMPLES[14][1]])
    clean(article)
    assert article.meta["outlet"] == "网易号"


def test_dead_link_keeps_label():
    line = "We believe in it. Read his letter in full [here](#)."
    article = make_article([line])
    clean(article)
    assert article.body == [(1, "We believe in it. Read his letter in full here.")]
    assert [(r.rule, r.text) for r in article.removed] == [("dead-link", "[here](#)")]


def test_real_link_is_not_a_dead_link():
    line = "见[原文](https://example.com/a)。"
    article = make_article([line])
    clean(article)
    assert article.body == [(1, line)]
    assert article.removed == []


def test_empty_image_inside_line_removed():
    article = make_article(["前面的文字![]()后面的文字"])
    clean(article)
    assert article.body == [(1, "前面的文字后面的文字")]
    assert [(r.rule, r.text, r.line) for r in article.removed] == [("empty-image", "![]()", 1)]


def test_reference_mark_removed_before_url():
    url = "https://www.ft.com/content/c586eb77-a16e-4363-ab0b-e877898b70de"
    article = make_article([f"[ 1 ] {url}", "[2] <https://gizmodo.com/x>"])
    clean(article)
    assert article.body == [(1, url), (2, "<https://gizmodo.com/x>")]
    assert [(r.rule, r.line) for r in article.removed] == [("reference-mark", 1), ("reference-mark", 2)]


def test_bracketed_number_in_prose_is_kept():
    line = "见文献 [1] 的说明。"
    article = make_article([line])
    clean(article)
    assert article.body == [(1, line)]


def test_every_inline_rule_is_tested():
    names = {rule["name"] for rule in load_data("boilerplate.yml")["inline"]}
    assert names == {"empty-image", "reference-mark", "dead-link"}


def test_blank_lines_are_kept_not_recorded():
    article = make_article(["", KEEP, "  "])
    clean(article)
    assert [line for _, line in article.body] == ["", KEEP, "  "]
    assert article.removed == []


ARTICLE_SENTENCES = [
    # 000
    "LeCun 的离职绝非偶然,而是 Meta 内部战略路线分歧长期发酵的必然结果。",
    "决裂根源:Meta 内部的 “路线战争”",
    "1. 权力重构:学术泰斗的 “降维打击”",
    # 001
    "忍无可忍,LeCun 离职 Meta。",
    "消息一出,Meta 的市值直接在盘前交易中蒸发了 1.5%,也就是 200 多亿美金,大致相当于 1400 多亿人民币,并且开盘后仍在持续下跌。",
    "LeCun 的 \" 黄金十年 \"",
    # 002
    "在7月，扎克伯格甚至宣称「超级智能已近在眼前」。",
    "Personal Superintelligence for Everyone",
    "1947年，贝尔实验室发明晶体管",
    "<https://gizmodo.com/yann-lecun-world-models-2000685265>",
    # 003
    "{{< youtube 7u-DXVADyhc >}}",
    "> 本文整理自 Information Bottleneck Podcast EP20 對 Yann LeCun 的專訪。",
    "## 為什麼離開 Meta？",
    # 004
    "2025年10月底,MetaAI部门的一则消息炸翻了硅谷。",
    "28岁的年轻人独揽大权,这波操作在硅谷也算是少见。",
    "至于Meta能不能逆袭,咱们不妨拭目以待。",
]


@pytest.mark.parametrize("line", ARTICLE_SENTENCES)
def test_article_sentences_are_kept(line):
    article = make_article([line])
    clean(article)
    assert article.body == [(1, line)]
    assert article.removed == []


def test_new_rule_removes_new_footer_without_code_change(monkeypatch, fresh_rules):
    footer = "本文由某某科技原创，转载请联系授权"
    article = make_article([KEEP, footer])
    clean(article)
    assert [line for _, line in article.body] == [KEEP, footer]  # not yet a rule

    data = copy.deepcopy(load_data("boilerplate.yml"))
    data["lines"].append({"name": "someoutlet-reprint", "pattern": "^本文由.*原创.*转载"})
    monkeypatch.setattr(clean_module, "load_data", lambda name: data)
    clean_module.rules.cache_clear()

    article = make_article([KEEP, footer])
    clean(article)
    assert [line for _, line in article.body] == [KEEP]
    assert [(r.rule, r.text) for r in article.removed] == [("someoutlet-reprint", footer)]


def test_new_outlet_signature_without_code_change(monkeypatch, fresh_rules):
    data = copy.deepcopy(load_data("boilerplate.yml"))
    data["lines"].append({"name": "toutiao-disclaimer", "pattern": "^声明：.*头条号"})
    data["outlet_signatures"].append({"pattern": "头条号", "outlet": "头条号"})
    monkeypatch.setattr(clean_module, "load_data", lambda name: data)
    article = make_article([KEEP, "声明：本文来自头条号作者"])
    clean(article)
    assert article.meta["outlet"] == "头条号"
    assert [line for _, line in article.body] == [KEEP]


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize(
    "prefix, expected",
    [
        ("001", {(1, "zaker-chrome"), (2, "byline-relative-time"), (116, "qbitai-like-share"),
                 (118, "qbitai-comment-invite"), (120, "qbitai-award-promotion"), (122, "qbitai-award-promotion"),
                 (124, "qbitai-follow"), (126, "qbitai-slogan")}),
        ("002", {(5, "byline-dated"), (23, "listen-to-article"), (25, "dead-link"), (191, "wechat-image-credit"),
                 (193, "wechat-copyright-notice"), (195, "wechat-account-introduction"),
                 (197, "wechat-account-id"), (199, "wechat-submission-email")}),
        ("004", {(73, "netease-disclaimer"), (74, "netease-notice")}
                | {(n, "empty-image-line") for n in (4, 9, 14, 20, 25, 30, 35, 41, 47, 52, 58, 63, 68)}),
    ],
)
def test_real_seed_removals(prefix, expected):
    from pipeline.ingest import read_seed
    from pipeline.metadata import split_front_matter

    article = Article(seed=read_seed(next(SEEDS.glob(prefix + "_*.txt"))), slug=prefix)
    split_front_matter(article)
    clean(article)
    found = {(r.line, r.rule) for r in article.removed}
    assert expected <= found
    # Anything else taken out was a fragment inside a line that stays, never a whole line.
    kept_lines = {number for number, _ in article.body}
    inline_rules = {rule["name"] for rule in load_data("boilerplate.yml")["inline"]}
    for line, rule in found - expected:
        assert rule in inline_rules and line in kept_lines
