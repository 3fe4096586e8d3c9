"""Rendering blocks as Markdown: escaping, links, term links."""
import html
import re

import markdown
import pytest
import yaml

from pipeline import render
from pipeline.article import Block, Converted, Link, Strong, Sup, TermLink, Text
from pipeline.config import load_data

# The extensions mkdocs.yml enables.
EXTENSIONS = ["admonition", "attr_list", "toc"]
STRINGS = load_data("site.yml")["zh-Hans"]


def to_html(md):
    return markdown.markdown(md, extensions=EXTENSIONS)


def visible(md):
    """The text a reader sees once the Markdown is rendered."""
    return html.unescape(re.sub(r"<[^>]+>", "", to_html(md))).strip()


def paragraph(text):
    return render.blocks([Block("paragraph", [Text(text)])], STRINGS, "../glossary.md", {})


# --- escape -----------------------------------------------------------------------

def test_script_tag_is_harmless():
    out = render.escape("<script>alert(1)</script>")
    assert "<script" not in out
    assert "<script" not in to_html(paragraph("<script>alert(1)</script>"))
    assert visible(paragraph("<script>alert(1)</script>")) == "<script>alert(1)</script>"


def test_html_attribute_injection_is_harmless():
    rendered = to_html(paragraph('<img src=x onerror="alert(1)">'))
    assert "<img" not in rendered


@pytest.mark.parametrize("char", list("\\`*_[]{}#"))
def test_markdown_special_chars_escaped(char):
    assert render.escape(f"a{char}b") == f"a\\{char}b"


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("*强调* 和 _强调_", "<em>"),
        ("**粗体**", "<strong>"),
        ("[链接](https://evil.example)", "<a "),
        ("`代码`", "<code>"),
        ("正文 {: #injected .cls}", 'id="injected"'),
        ("![图](https://evil.example/x.png)", "<img"),
        ("<https://evil.example>", "<a "),
    ],
)
def test_seed_text_never_becomes_markup(text, forbidden):
    out = to_html(paragraph(text))
    assert forbidden not in out
    assert visible(paragraph(text)) == text


def test_ampersand_is_shown_as_written():
    assert visible(paragraph("Meta Founder & CEO, &amp; entity")) == "Meta Founder & CEO, &amp; entity"


@pytest.mark.parametrize(
    "text, tag",
    [
        ("1. 第一点是这样的", "<ol"),
        ("12) 第十二点", "<ol"),
        ("# 不是标题", "<h1"),
        ("## 也不是标题", "<h2"),
        ("> 不是引用", "<blockquote"),
        ("- 不是列表", "<ul"),
        ("+ 不是列表", "<ul"),
        ("* 不是列表", "<ul"),
        ("***", "<hr"),
        ("---", "<hr"),
    ],
)
def test_paragraph_start_is_not_block_syntax(text, tag):
    out = to_html(paragraph(text))
    assert tag not in out
    assert out.startswith("<p>")


def test_paragraph_start_not_block_syntax_inside_lists_and_quotes():
    blocks = [
        Block("quote", items=[[Text("1. 引文里的一点")], [Text("# 引文")]]),
        Block("list", items=[[Text("- 项目里的横线")]]),
    ]
    out = to_html(render.blocks(blocks, STRINGS, "g.md", {}))
    assert out.count("<blockquote>") == 1
    assert "<ol" not in out
    assert out.count("<ul>") == 1
    assert "<h1" not in out


@pytest.mark.parametrize("text", ["# 标题样", "> 引用样", "- 列表样", "+ 加号样", "* 星号样"])
def test_escaped_line_start_shows_text_as_written(text):
    assert visible(paragraph(text)) == text


@pytest.mark.parametrize("text", ["1. 第一点", "12) 第十二点"])
def test_ordered_list_start_shows_text_as_written(text):
    assert visible(paragraph(text)) == text


@pytest.mark.parametrize("text", ["预计需要 5~10 年", "A|B 测试", "x^2 的增长", "= 等号开头"])
def test_chars_not_escapable_in_site_markdown_show_as_written(text):
    assert visible(paragraph(text)) == text


def test_admonition_syntax_in_seed_text_is_not_markup():
    out = to_html(paragraph("!!! note 标题"))
    assert "admonition" not in out


# --- inline nodes ---------------------------------------------------------------------

def test_term_link_with_title_and_mention_anchor():
    definitions = {"world-model": '能预测"行动后果"的 <AI> 系统'}
    md = render.inlines([TermLink("世界模型", "world-model")], "../glossary/{id}.md", definitions)
    assert md == '[世界模型](../glossary/world-model.md "能预测&quot;行动后果&quot;的 &lt;AI&gt; 系统"){#mention-world-model}'
    out = to_html(md)
    assert 'href="../glossary/world-model.md"' in out
    assert 'id="mention-world-model"' in out
    assert 'title="能预测&quot;行动后果&quot;的 &lt;AI&gt; 系统"' in out
    assert "<AI>" not in out


def test_term_link_not_first_has_no_anchor():
    md = render.inlines([TermLink("世界模型", "world-model", first=False)], "g.md", {"world-model": "定义"})
    assert "{#" not in md
    assert 'id="' not in to_html(md)


@pytest.mark.parametrize(
    "url, href",
    [
        ("https://en.wikipedia.org/wiki/Bell_Labs_(disambiguation)", "https://en.wikipedia.org/wiki/Bell_Labs_(disambiguation)"),
        ("https://example.com/a b/c", "https://example.com/a%20b/c"),
        ("https://example.com/x)y(z", "https://example.com/x)y(z"),
        ("https://www.wsj.com/tech/ai/yann-lecun-ai-meta-0058b13c?mod=e2tw&x=1", "https://www.wsj.com/tech/ai/yann-lecun-ai-meta-0058b13c?mod=e2tw&amp;x=1"),
    ],
)
def test_link_with_awkward_url(url, href):
    md = render.inlines([Link([Text("原文")], url)], "g.md", {})
    out = to_html(md)
    assert f'<a href="{href}">原文</a>' in out


def test_link_with_angle_bracket_in_url():
    md = render.inlines([Link([Text("原文")], "https://example.com/a<b")], "g.md", {})
    assert '<a href="https://example.com/a%3Cb">' in to_html(md)


def test_link_label_is_escaped():
    md = render.inlines([Link([Text("a]b*c")], "https://example.com")], "g.md", {})
    assert visible(md) == "a]b*c"


def test_strong_and_sup():
    md = render.inlines([Text("高达 1.4×10"), Sup("14"), Text(" 字节，"), Strong([Text("关键")])], "g.md", {})
    out = to_html(md)
    assert "<sup>14</sup>" in out
    assert "<strong>关键</strong>" in out


def test_sup_text_escaped():
    md = render.inlines([Sup("<b>")], "g.md", {})
    assert "<b>" not in md


# --- blocks ------------------------------------------------------------------------------

def test_blocks_of_every_kind():
    blocks = [
        Block("heading", [Text("决裂根源：Meta 内部的“路线战争”")], level=2),
        Block("heading", [Text("1. 权力重构")], level=3),
        Block("paragraph", [Text("正文。")]),
        Block("quote", items=[[Text("第一行")], [Text("第二行")]], level=1),
        Block("list", items=[[Text("甲")], [Text("乙")]]),
        Block("paragraph", [Text("隔开。")]),
        Block("list", items=[[Text("一")], [Text("二")]], level=1),
        Block("heading", [Text("参考资料")], level=2),
        Block("references", items=[[Link([Text("https://a.example")], "https://a.example")]]),
        Block("video", [Text("id")], url="https://www.youtube.com/watch?v=7u-DXVADyhc"),
    ]
    md = render.blocks(blocks, STRINGS, "g.md", {})
    out = to_html(md)
    assert "<h2" in out and "决裂根源：Meta 内部的“路线战争”</h2>" in out
    assert "<h3" in out and "1. 权力重构</h3>" in out
    assert "<blockquote>" in out and "第一行" in out and "第二行" in out
    assert "<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>" in out
    assert "<ol>\n<li>一</li>\n<li>二</li>\n</ol>" in out
    assert '<ol>\n<li><a href="https://a.example">https://a.example</a></li>\n</ol>' in out
    assert 'href="https://www.youtube.com/watch?v=7u-DXVADyhc"' in out
    assert 'class="video-link"' in out
    assert STRINGS["video_label"] in out
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_front_matter_round_trips():
    fields = {"title": "标题: 带冒号 # 和 \"引号\"", "converted": True}
    text = render.front_matter(fields)
    assert text.startswith("---\n") and text.endswith("---\n\n")
    assert yaml.safe_load(text.strip().strip("-")) == fields


# --- converted words ---------------------------------------------------------------

def test_converted_span_carries_its_original_in_an_attribute():
    md = render.blocks([Block("paragraph", [Text("一款"), Converted("軟體", "软件"), Text("。")])], STRINGS, "../glossary.md", {})
    out = to_html(md)
    assert '<span class="converted" tabindex="0" data-original="软件">軟體</span>' in out
    assert visible(md) == "一款軟體。"  # the original is not part of the page text


def test_converted_original_cannot_break_out_of_its_attribute():
    md = render.blocks([Block("paragraph", [Converted("*字*", '"><script>x</script>')])], STRINGS, "../glossary.md", {})
    out = to_html(md)
    assert "<script>" not in out
    assert 'data-original="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in out
    assert visible(md) == "*字*"
