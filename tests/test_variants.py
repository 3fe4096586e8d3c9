"""Variants: the seed's own script kept as is, the other made with OpenCC."""
from pathlib import Path

import opencc
import pytest

from pipeline.article import HANS, HANT, Block, Link, Strong, Sup, TermLink, Text
from pipeline.build import process
from pipeline.metadata import load_metadata_file
from pipeline.variants import Converter, convert_blocks, converter

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def article_003():
    return process(next(SEEDS.glob("003_*.txt")), None)


@pytest.fixture(scope="module")
def article_000():
    path = next(SEEDS.glob("000_*.txt"))
    return process(path, load_metadata_file(SEEDS).get(path.name))


def texts(blocks):
    out = []
    for block in blocks:
        for nodes in [block.inlines, *block.items]:
            stack = list(nodes)
            while stack:
                node = stack.pop(0)
                if isinstance(node, (Text, TermLink, Sup)):
                    out.append(node.text)
                elif isinstance(node, (Strong, Link)):
                    stack[:0] = node.children
    return out


def links(blocks):
    out = []
    for block in blocks:
        for nodes in [block.inlines, *block.items]:
            stack = list(nodes)
            while stack:
                node = stack.pop(0)
                if isinstance(node, Link):
                    out.append(node)
                if isinstance(node, (Strong, Link)):
                    stack[:0] = node.children
    return out


# --- the converter ----------------------------------------------------------------

def test_glossary_forms_override_opencc():
    to_hant = Converter("s2twp")
    assert to_hant.convert("大语言模型") == "大型語言模型"
    assert to_hant.convert("扎克伯格") == "祖克柏"
    # OpenCC alone would not give these: the glossary is what makes the difference.
    plain = opencc.OpenCC("s2twp")
    assert plain.convert("大语言模型") != "大型語言模型"
    assert plain.convert("扎克伯格") != "祖克柏"


def test_forms_inside_sentences():
    to_hant = Converter("s2twp")
    assert to_hant.convert("扎克伯格押注大语言模型。") == "祖克柏押注大型語言模型。"


def test_back_conversion():
    to_hans = Converter("tw2sp")
    assert to_hans.convert("大型語言模型") == "大语言模型"
    assert to_hans.convert("祖克柏") == "扎克伯格"
    assert to_hans.convert("祖克柏押注大型語言模型。") == "扎克伯格押注大语言模型。"


def test_phrase_conversion_exactly_once():
    to_hant = Converter("s2twp")
    assert to_hant.convert("算法") == "演算法"
    result = to_hant.convert("计算机视觉算法与大语言模型算法")
    assert result.count("演算法") == 2
    assert "演演" not in result


def test_empty_text():
    assert Converter("s2twp").convert("") == ""


def test_converter_cached_per_variant():
    assert converter(HANT) is converter(HANT)
    assert converter(HANT).convert("软件") == "軟體"
    assert converter(HANS).convert("軟體") == "软件"


# --- blocks -----------------------------------------------------------------------------

def test_urls_in_links_unchanged():
    url = "https://zh.wikipedia.org/wiki/楊立昆?ref=資訊"
    blocks = [
        Block("paragraph", [Text("見"), Link([Text("維基百科")], url)]),
        Block("references", items=[[Link([Text(url)], url)]]),
        Block("video", [Text("7u-DXVADyhc")], url="https://www.youtube.com/watch?v=資訊"),
    ]
    converted = convert_blocks(blocks, converter(HANS).convert)
    link = converted[0].inlines[1]
    assert link.url == url
    assert link.children == [Text("维基百科")]
    assert converted[1].items[0][0].url == url
    assert converted[2].url == "https://www.youtube.com/watch?v=資訊"
    # The originals were not changed in place.
    assert blocks[0].inlines[1].children == [Text("維基百科")]


def test_term_link_keeps_id_and_first():
    blocks = [Block("paragraph", [TermLink("大语言模型", "llm", False)])]
    converted = convert_blocks(blocks, converter(HANT).convert)
    assert converted[0].inlines == [TermLink("大型語言模型", "llm", False)]


# --- whole articles ---------------------------------------------------------------------

def test_003_own_variant_is_the_original(article_003):
    assert article_003.script == HANT
    variant = article_003.variants[HANT]
    assert variant is article_003.blocks
    assert all(a is b for a, b in zip(variant, article_003.blocks))
    assert texts(variant) == texts(article_003.blocks)
    assert article_003.variant_meta[HANT]["title"] == article_003.meta["title"]


def test_003_simplified_variant_is_converted(article_003):
    variant = article_003.variants[HANS]
    assert variant is not article_003.blocks
    assert len(variant) == len(article_003.blocks)
    headings = [texts([b])[0] for b in variant if b.kind == "heading"]
    assert headings[0] == "为什么离开 Meta？"
    assert "为什么离开 Meta？" not in texts(article_003.blocks)
    assert "為什麼離開 Meta？" in texts(article_003.blocks)
    meta = article_003.variant_meta[HANS]
    assert meta["title"].startswith("Yann LeCun 65 岁创业宣言")
    assert meta["date"] == "2025-12-22"
    assert meta["source_url"] == "https://www.youtube.com/watch?v=7u-DXVADyhc"
    assert meta["tags"][-1] == "AI 创业"


def test_003_links_and_video_unchanged_in_conversion(article_003):
    original = [(l.url) for l in links(article_003.blocks)]
    converted = [(l.url) for l in links(article_003.variants[HANS])]
    assert converted == original
    videos = [b.url for b in article_003.variants[HANS] if b.kind == "video"]
    assert videos == ["https://www.youtube.com/watch?v=7u-DXVADyhc"]


def test_000_traditional_variant_converted_once(article_000):
    assert article_000.script == HANS
    assert article_000.variants[HANS] is article_000.blocks
    source = "".join(texts(article_000.blocks))
    converted = "".join(texts(article_000.variants[HANT]))
    assert source.count("算法") == converted.count("演算法") >= 1
    assert "演演算法" not in converted
    assert "扎克伯格" in source and "扎克伯格" not in converted
    assert converted.count("祖克柏") == source.count("扎克伯格")
    assert article_000.variant_meta[HANT]["title"].startswith("LeCun 離職 Meta")
