"""Typography of Chinese prose: full-width punctuation, quotes, spacing, glued words."""
import pytest

from pipeline.typography import full_width_parentheses, repair_quotes, typeset


@pytest.mark.parametrize(
    "source, expected",
    [
        # 000
        ("决裂根源:Meta 内部的 “路线战争”", "决裂根源：Meta 内部的“路线战争”"),
        (
            "图灵奖得主、深度学习三巨头之一的杨立昆(Yann LeCun),因抵制 Meta“重产品、轻研究” 的激进转向,选择在 65 岁高龄辞职创业",
            "图灵奖得主、深度学习三巨头之一的杨立昆（Yann LeCun），因抵制 Meta“重产品、轻研究”的激进转向，选择在 65 岁高龄辞职创业",
        ),
        (
            "消息曝光后,Meta 盘前股价暴跌 4.2%,市值瞬间蒸发超 200 亿美元(折合人民币 1400 亿元),开盘后跌幅进一步扩大至 5.7%。",
            "消息曝光后，Meta 盘前股价暴跌 4.2%，市值瞬间蒸发超 200 亿美元（折合人民币 1400 亿元），开盘后跌幅进一步扩大至 5.7%。",
        ),
        # 001
        ("忍无可忍,LeCun 离职!Meta 市值应声蒸发 1400 亿", "忍无可忍，LeCun 离职！Meta 市值应声蒸发 1400 亿"),
        ("欢迎在评论区留下你的想法!", "欢迎在评论区留下你的想法！"),
        # 004
        ("但这样的改革,能让MetaAI起死回生吗?", "但这样的改革，能让 Meta AI 起死回生吗？"),
        (
            "特别声明:以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布,本平台仅提供信息存储服务。",
            "特别声明：以上内容（如有图片或视频亦包括在内）为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。",
        ),
        ("2025年10月底,MetaAI部门的一则消息炸翻了硅谷。", "2025 年 10 月底，Meta AI 部门的一则消息炸翻了硅谷。"),
    ],
)
def test_real_lines(source, expected):
    assert typeset(source) == expected


@pytest.mark.parametrize("mark, full", [(",", "，"), (":", "："), ("!", "！"), ("?", "？"), (";", "；")])
def test_ascii_mark_between_han_becomes_full_width(mark, full):
    assert typeset(f"第一部分{mark}第二部分") == f"第一部分{full}第二部分"


def test_ascii_mark_after_han_before_latin():
    assert typeset("决裂根源:Meta") == "决裂根源：Meta"


def test_parentheses_full_width():
    assert full_width_parentheses("杨立昆(Yann LeCun)") == "杨立昆（Yann LeCun）"
    assert full_width_parentheses("美元( 折合人民币 )") == "美元（折合人民币）"
    # Latin on both sides and inside: left alone.
    assert full_width_parentheses("PV=nRT (ideal gas)") == "PV=nRT (ideal gas)"


def test_broken_quotes_are_repaired():
    assert typeset('实现其 " 世界模型 " 愿景') == "实现其“世界模型”愿景"
    assert repair_quotes('" 世界模型 "') == "“世界模型”"


def test_two_adjacent_broken_quote_pairs():
    source = '尽管 Meta 对外声称 "LeCun 的职务未变 "" 研究仍是核心支柱 ",但在组织权力结构上'
    result = typeset(source)
    assert "“LeCun 的职务未变”“研究仍是核心支柱”" in result
    assert '"' not in result
    assert result.count("“") == result.count("”") == 2


def test_odd_quotes_left_alone():
    assert repair_quotes('他说 "世界模型') == '他说 "世界模型'


@pytest.mark.parametrize(
    "source, expected",
    [
        ("Meta现在", "Meta 现在"),
        ("图灵奖得主LeCun最后警告Meta", "图灵奖得主 LeCun 最后警告 Meta"),
        ("我搞了40年AI", "我搞了 40 年 AI"),
        ("在7月", "在 7 月"),
    ],
)
def test_space_between_han_and_latin_or_digits(source, expected):
    assert typeset(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "Meta 盘前股价暴跌 4.2%",
        "市值蒸发了 1.4 亿",
        "资本支出提升至 700-720 亿美元",
        "远方的家 13:18 北京",
        "处理了高达 1.4×10 字节",
    ],
)
def test_numbers_untouched(source):
    assert typeset(source) == source


def test_time_without_spaces_keeps_ascii_colon():
    assert typeset("时间是13:18了") == "时间是 13:18 了"


def test_english_sentence_unchanged_byte_for_byte():
    source = (
        "Today, Meta Founder & CEO Mark Zuckerberg shared his vision to bring personal superintelligence "
        "to everyone.  We believe (really) , ok ! ?  ... \"quoted\" MetaAI"
    )
    assert typeset(source) == source


@pytest.mark.parametrize(
    "source, expected",
    [
        ("MetaAI部门", "Meta AI 部门"),
        ("连图灵奖得主YannLeCun都被传自身难保。", "连图灵奖得主 Yann LeCun 都被传自身难保。"),
        ("由AlexWang直接掌管", "由 Alex Wang 直接掌管"),
        ("还挖来前GitHubCEO帮忙", "还挖来前 GitHub CEO 帮忙"),
    ],
)
def test_glued_words_split(source, expected):
    assert typeset(source) == expected


@pytest.mark.parametrize("word", ["MetaAIX", "XMetaAI", "YannLeCuns", "MetaAI2"])
def test_glued_word_inside_longer_word_untouched(word):
    result = typeset(f"提到{word}的时候")
    assert word in result
    assert "Meta AI" not in result and "Yann LeCun" not in result


def test_ellipsis_normalised():
    assert typeset("还是爆发了...") == "还是爆发了……"
    assert typeset("还是爆发了…") == "还是爆发了……"


@pytest.mark.parametrize(
    "source, expected",
    [
        # spaced dashes in Chinese sentences (000) become the solid double dash
        ("被多次推迟发表 —— 对视学术探索", "被多次推迟发表——对视学术探索"),
        ("“技术突破 – 场景落地 – 价值反哺” 的闭环", "“技术突破——场景落地——价值反哺”的闭环"),
        ("在 1-2 年内", "在 1-2 年内"),  # a range keeps its hyphen
        ("2015–2016 年", "2015–2016 年"),
        # a half-width comma between Latin words in a Chinese sentence (001)
        ("以追赶谷歌和 OpenAI,LeCun 领导了", "以追赶谷歌和 OpenAI，LeCun 领导了"),
        ("英文里写 Hello, world 就好", "英文里写 Hello, world 就好"),
        # a product's version number glued to its name (004)
        ("Llama4的失败", "Llama 4 的失败"),
        ("再到Llama3连发三个版本", "再到 Llama 3 连发三个版本"),
        ("Llama 模型", "Llama 模型"),
        # no space after a full-width mark
        ("首页， 这里收录", "首页，这里收录"),
    ],
)
def test_typography_rules_after_autocorrect(source, expected):
    assert typeset(source) == expected


def test_english_text_is_left_alone():
    assert typeset("A dash — and a comma,here") == "A dash — and a comma,here"
