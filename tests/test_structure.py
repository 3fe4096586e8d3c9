"""Structure: cleaned lines become blocks of inline nodes."""
from pathlib import Path

import pytest

from pipeline.article import Article, Link, Seed, Strong, Sup, TermLink, Text
from pipeline.build import process
from pipeline.metadata import load_metadata_file
from pipeline.structure import parse_inline, structure

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def articles():
    entries = load_metadata_file(SEEDS)
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        out[path.name[:3]] = process(path, entries.get(path.name))
    return out


def plain(nodes):
    out = []
    for node in nodes:
        if isinstance(node, (Text, TermLink, Sup)):
            out.append(node.text)
        elif isinstance(node, (Strong, Link)):
            out.append(plain(node.children))
    return "".join(out)


def headings(article):
    return [(block.level, plain(block.inlines)) for block in article.blocks if block.kind == "heading"]


def all_nodes(nodes):
    for node in nodes:
        yield node
        if isinstance(node, (Strong, Link)):
            yield from all_nodes(node.children)


def structured(lines, meta=None):
    text = "\n".join(lines)
    article = Article(seed=Seed(Path("s.txt"), text.encode(), text), slug="s", meta=dict(meta or {}))
    article.body = list(enumerate(lines, start=1))
    structure(article)
    return article


# --- seed 000: plain text with guessed headings -------------------------------

def test_000_headings(articles):
    found = headings(articles["000"])
    assert (2, "决裂根源：Meta 内部的“路线战争”") in found
    assert (3, "1. 权力重构：学术泰斗的“降维打击”") in found
    assert (3, "悖论一：短期商业回报与长期基础研究的平衡之困") in found
    assert (2, "结语：AI 的“长期主义”从未过时") in found
    assert len(found) == 17


def test_000_numbered_headings_are_not_a_list(articles):
    blocks = articles["000"].blocks
    assert not [block for block in blocks if block.kind == "list"]
    heading = next(b for b in blocks if b.kind == "heading" and plain(b.inlines).startswith("1. 权力重构"))
    assert heading.level == 3


def test_000_long_sentences_are_paragraphs(articles):
    paragraphs = [plain(b.inlines) for b in articles["000"].blocks if b.kind == "paragraph"]
    assert any(p.startswith("LeCun 的离职绝非偶然，") for p in paragraphs)
    assert all(len(p) > 32 for p in paragraphs)


# --- seed 003: Markdown with front matter ---------------------------------------

def test_003_headings_only_from_markdown_lines(articles):
    source = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8").splitlines()
    expected = [(2, line[3:].strip()) for line in source if line.startswith("## ")]
    assert len(expected) == 5
    assert headings(articles["003"]) == expected


def test_003_short_lines_not_guessed_as_headings(articles):
    paragraphs = [plain(b.inlines) for b in articles["003"].blocks if b.kind == "paragraph"]
    assert "但他選擇創業。" in paragraphs
    assert "「我有使命感。」" in paragraphs


def test_003_youtube_shortcode_is_video(articles):
    videos = [b for b in articles["003"].blocks if b.kind == "video"]
    assert len(videos) == 1
    assert videos[0].url == "https://www.youtube.com/watch?v=7u-DXVADyhc"
    assert articles["003"].blocks[0] is videos[0]


def test_003_markdown_quote(articles):
    quote = next(b for b in articles["003"].blocks if b.kind == "quote")
    assert plain(quote.items[0]) == "本文整理自 Information Bottleneck Podcast EP20 對 Yann LeCun 的專訪。"


# --- references -----------------------------------------------------------------

def test_001_references(articles):
    blocks = articles["001"].blocks
    index = next(i for i, b in enumerate(blocks) if b.kind == "references")
    heading = blocks[index - 1]
    assert heading.kind == "heading" and plain(heading.inlines) == "参考链接"
    items = blocks[index].items
    assert len(items) == 2
    links = [item[0] for item in items]
    assert all(isinstance(link, Link) for link in links)
    assert links[0].url == "https://www.ft.com/content/c586eb77-a16e-4363-ab0b-e877898b70de"
    assert links[1].url.startswith("https://www.investing.com/news/company-news/meta-stock-falls-on-news")
    # The [ 1 ] marks are gone.
    assert all(len(item) == 1 for item in items)


def test_002_references(articles):
    blocks = articles["002"].blocks
    refs = next(b for b in blocks if b.kind == "references")
    urls = [item[0].url for item in refs.items]
    assert urls == [
        "https://gizmodo.com/yann-lecun-world-models-2000685265",
        "https://www.linkedin.com/feed/update/urn:li:activity:7395602392169488384/",
        "https://www.wsj.com/tech/ai/yann-lecun-ai-meta-0058b13c?mod=e2tw",
    ]


def test_references_end_at_first_line_without_link():
    article = structured(["参考资料：", "https://a.example/x", "这是后面的正文，并不是参考资料的一部分。"])
    kinds = [b.kind for b in article.blocks]
    assert kinds == ["heading", "references", "paragraph"]
    assert len(article.blocks[1].items) == 1


# --- seed 002 ---------------------------------------------------------------------

def test_002_english_announcement_is_quoted_without_its_card_leftovers(articles):
    # The embedded card's logo text, date line and the sentence that only
    # pointed to its emptied link are chrome; the announcement is quoted.
    quote = next(b for b in articles["002"].blocks if b.kind == "quote" and b.level == 1)
    texts = [plain(item) for item in quote.items]
    assert texts[0] == "Personal Superintelligence for Everyone"
    assert texts[1].startswith("Today, Meta Founder & CEO Mark Zuckerberg shared his vision")
    assert texts[1].endswith("what they value in their own lives.")
    page = " ".join(b.text for b in articles["002"].blocks)
    assert "META" not in page.split() and "July 30, 2025" not in page and "Read his letter" not in page


def test_002_caption_is_not_a_heading_or_paragraph(articles):
    found = [text for _, text in headings(articles["002"])]
    assert not any("晶体管" in b.text for b in articles["002"].blocks)
    assert any(r.rule == "caption" and "晶体管" in r.text for r in articles["002"].removed)
    assert "他为何对世界模型如此沉迷？" in found


def test_002_first_person_passage_after_a_colon_is_quoted(articles):
    blocks = articles["002"].blocks
    intro = next(i for i, b in enumerate(blocks) if b.text.endswith("直言："))
    assert blocks[intro + 1].kind == "quote"
    assert plain(blocks[intro + 1].items[0]).startswith("这些年，我在硅谷")
    assert blocks[intro + 2].kind == "paragraph"  # "但他坚信……" speaks of him again


def test_first_person_quote_needs_the_first_person():
    article = Article(seed=Seed(Path("q.txt"), b"", ""), slug="q")
    article.body = [(1, "他在会上说："), (2, "这个方案明年就会推出。"), (3, "她回答："), (4, "我们会尽快回复。")]
    structure(article)
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph", "paragraph", "quote"]


def test_002_bold_and_superscript(articles):
    nodes = [n for b in articles["002"].blocks for n in all_nodes(b.inlines)]
    strongs = [plain(n.children) for n in nodes if isinstance(n, Strong)]
    assert "思想实验" in strongs
    assert any(isinstance(n, Sup) and n.text == "14" for n in nodes)


# --- inline parsing ----------------------------------------------------------------

def test_bold_becomes_strong():
    nodes = parse_inline("这是**粗体**文字")
    assert nodes == [Text("这是"), Strong([Text("粗体")]), Text("文字")]


def test_superscript():
    nodes = parse_inline("高达 1.4×10^{14} 字节")
    assert Sup("14") in nodes
    assert "^{" not in plain(nodes)


@pytest.mark.parametrize(
    "source",
    [
        "[x](javascript:alert(1))",
        "点[这里](javascript:alert(1))看看",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x](JAVASCRIPT:alert(1))",
        "[x](//evil.example/)",
        "[x](vbscript:msgbox)",
    ],
)
def test_unsafe_links_never_become_links(source):
    nodes = parse_inline(source)
    assert not any(isinstance(n, Link) for n in all_nodes(nodes))
    # The text is shown as written, not dropped.
    assert "[x]" in plain(nodes) or "[这里]" in plain(nodes)


def test_safe_link_becomes_link():
    nodes = parse_inline("见[原文](https://example.com/a)。")
    links = [n for n in nodes if isinstance(n, Link)]
    assert links == [Link([Text("原文")], "https://example.com/a")]


def test_bare_url_in_chinese_stops_at_full_width_punctuation():
    nodes = parse_inline("原文见https://example.com/a，谢谢")
    links = [n for n in nodes if isinstance(n, Link)]
    assert [l.url for l in links] == ["https://example.com/a"]


def test_link_label_and_url_are_not_typeset():
    nodes = parse_inline("[Meta,AI](https://example.com/a,b)")
    link = nodes[0]
    assert link.url == "https://example.com/a,b"
    assert plain(link.children) == "Meta,AI"


# --- heading guesses ----------------------------------------------------------------

def test_short_question_is_heading_long_is_not():
    article = structured(["他为何对世界模型如此沉迷？", "那么，LeCun为何要离开Meta呢？只是因为Meta的人事动荡吗？"])
    assert [b.kind for b in article.blocks] == ["heading", "paragraph"]


def test_forced_heading_from_metadata():
    article = structured(["这是一句很普通但被指定为标题的话。"], meta={"headings": ["这是一句很普通但被指定为标题的话。"]})
    assert article.blocks[0].kind == "heading"


def test_markdown_seed_lists():
    article = structured(["## 标题", "- 第一项", "- 第二项", "中间一段正文，写得足够长以免被当成标题来处理。", "1. 有序一", "2. 有序二"])
    kinds = [(b.kind, b.level, [plain(item) for item in b.items]) for b in article.blocks]
    assert kinds == [
        ("heading", 2, []),
        ("list", 0, ["第一项", "第二项"]),
        ("paragraph", 0, []),
        ("list", 1, ["有序一", "有序二"]),
    ]


def test_title_is_typeset():
    article = structured(["正文。"], meta={"title": "图灵奖得主LeCun最后警告Meta:我搞了40年AI"})
    assert article.meta["title"] == "图灵奖得主 LeCun 最后警告 Meta：我搞了 40 年 AI"


# --- hard-wrapped text ----------------------------------------------------------

def test_hard_wrapped_paragraphs_are_joined():
    article = structured([
        "今年八月至九月，课题组走访了中部三个省份",
        "的十二个县城，访谈了近两百家个体商户和",
        "连锁门店负责人。",
        "第一个变化是，县城的连锁便利店数量明显",
        "增加，不少门店由原来的夫妻店加盟改造而来。",
        "第二个变化是，即时配送开始覆盖县城主城区，",
        "外卖平台上的商超订单比去年同期增长较快。",
    ])
    assert [b.text for b in article.blocks] == [
        "今年八月至九月，课题组走访了中部三个省份的十二个县城，访谈了近两百家个体商户和连锁门店负责人。",
        "第一个变化是，县城的连锁便利店数量明显增加，不少门店由原来的夫妻店加盟改造而来。",
        "第二个变化是，即时配送开始覆盖县城主城区，外卖平台上的商超订单比去年同期增长较快。",
    ]


def test_a_numbered_heading_after_a_wrapped_line_starts_its_own_paragraph():
    article = structured([
        "城市发展研究院 第三季度城市发展情况报告",
        "一、总体情况",
        "三季度，全市常住人口保持稳定，外来务工人员",
        "回流明显，主要集中在制造业和生活服务业。",
        "二、住房情况",
        "新建商品住宅成交面积同比下降，但二手房成交",
        "量有所回升，改善型需求成为市场主力。",
    ])
    texts = [b.text for b in article.blocks]
    assert "一、总体情况" in texts and "二、住房情况" in texts
    assert "三季度，全市常住人口保持稳定，外来务工人员回流明显，主要集中在制造业和生活服务业。" in texts


def test_headings_between_long_paragraphs_are_not_wrapped_lines():
    lines = [
        "一、供热设施检修进展情况",
        "各供热企业已经完成锅炉和换热站的检修工作，老旧管网的改造也在按计划推进，预计十一月上旬全部完工。",
        "二、投诉处置机制建设情况",
        "各区已经建立供热投诉快速处置机制，对群众反映的室温不达标问题，做到当日受理、三日内办结。",
        "三、极端天气应对准备情况",
        "遇到寒潮等极端天气，各单位要加强值班值守，确保信息报送及时准确，抢修队伍随时待命。",
    ]
    article = structured(lines)
    assert [b.kind for b in article.blocks] == ["heading", "paragraph"] * 3
