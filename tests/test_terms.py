"""Glossary term linking (data/glossary.yml)."""
from pathlib import Path

import pytest

from pipeline.article import Article, Block, Link, Seed, Strong, TermLink, Text
from pipeline.build import process
from pipeline.glossary import load_glossary
from pipeline.terms import find_terms, link_terms

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def ids(text):
    return [term_id for _, _, term_id in find_terms(text)]


def spans(text):
    return [(text[start:end], term_id) for start, end, term_id in find_terms(text)]


def article_with(blocks):
    return Article(seed=Seed(Path("s.txt"), b""), slug="s", blocks=blocks)


def term_links(nodes):
    out = []
    for node in nodes:
        if isinstance(node, TermLink):
            out.append(node)
        elif isinstance(node, (Strong, Link)):
            out.extend(term_links(node.children))
    return out


def test_glossary_aliases_used_below():
    terms = {term.id: term for term in load_glossary()}
    assert {"大语言模型", "语言模型", "大模型"} <= set(terms["llm"].aliases)
    assert "FAIR" in terms["fair"].aliases


def test_longest_match_wins():
    assert spans("大语言模型") == [("大语言模型", "llm")]
    assert spans("这个大语言模型很大") == [("大语言模型", "llm")]
    # The shorter alias still matches on its own.
    assert spans("语言模型很好") == [("语言模型", "llm")]


def test_latin_term_needs_word_boundary():
    assert ids("FAIRNESS 很重要") == []
    assert ids("UNFAIR 的做法") == []
    assert spans("FAIR 实验室") == [("FAIR", "fair")]
    assert spans("由FAIR实验室") == [("FAIR", "fair")]


def test_latin_terms_are_case_sensitive():
    assert ids("fair 实验室") == []
    assert ids("this is fair") == []


def test_chinese_without_spaces():
    assert spans("世界模型很重要") == [("世界模型", "world-model")]
    assert spans("他说世界模型是关键") == [("世界模型", "world-model")]


@pytest.mark.parametrize(
    "text, term_id",
    [
        ("世界模型", "world-model"),
        ("聯合嵌入預測架構", "jepa"),
        ("楊立昆", "yann-lecun"),
        ("大型語言模型", "llm"),
        ("祖克柏", "mark-zuckerberg"),
    ],
)
def test_traditional_forms_match(text, term_id):
    assert spans(f"他提到{text}。") == [(text, term_id)]


def test_link_terms_first_mention_only():
    article = article_with([
        Block("paragraph", [Text("世界模型很重要，世界模型是关键。")]),
        Block("paragraph", [Text("再说一次世界模型。")]),
    ])
    link_terms(article)
    first, second = article.blocks
    links = term_links(first.inlines)
    assert [(l.text, l.term_id) for l in links] == [("世界模型", "world-model")]
    assert first.inlines[0] == links[0]
    # The text around the link is kept whole.
    assert "".join(n.text for n in first.inlines) == "世界模型很重要，世界模型是关键。"
    assert term_links(second.inlines) == []
    assert article.meta["terms"] == ["world-model"]


def test_link_terms_never_in_headings():
    article = article_with([
        Block("heading", [Text("世界模型是什么")], level=2),
        Block("paragraph", [Text("世界模型很重要。")]),
    ])
    link_terms(article)
    heading, paragraph = article.blocks
    assert heading.inlines == [Text("世界模型是什么")]
    # The first mention outside headings is the one linked.
    assert [l.term_id for l in term_links(paragraph.inlines)] == ["world-model"]


def test_link_terms_never_inside_links_or_references():
    link = Link([Text("世界模型")], "https://example.com/world-model")
    article = article_with([
        Block("paragraph", [link, Text("，以及 FAIR 实验室。")]),
        Block("references", items=[[Link([Text("JEPA 论文")], "https://arxiv.org/abs/2301.08243")]]),
        Block("paragraph", [Text("世界模型与 JEPA。")]),
    ])
    link_terms(article)
    first, refs, last = article.blocks
    assert first.inlines[0] == Link([Text("世界模型")], "https://example.com/world-model")
    assert [l.term_id for l in term_links(first.inlines)] == ["fair"]
    assert term_links(refs.items[0]) == []
    assert [l.term_id for l in term_links(last.inlines)] == ["world-model", "jepa"]


def test_link_terms_inside_strong_and_list_items():
    article = article_with([
        Block("paragraph", [Strong([Text("世界模型")])]),
        Block("list", items=[[Text("FAIR 实验室")], [Text("FAIR 又一次")]]),
    ])
    link_terms(article)
    assert [l.term_id for l in term_links(article.blocks[0].inlines)] == ["world-model"]
    assert [l.term_id for l in term_links(article.blocks[1].items[0])] == ["fair"]
    assert term_links(article.blocks[1].items[1]) == []


def test_003_links_world_model_and_jepa():
    path = next(SEEDS.glob("003_*.txt"))
    article = process(path, None)
    assert {"world-model", "jepa"} <= set(article.meta["terms"])
    found = {}
    for block in article.blocks:
        for nodes in [block.inlines, *block.items]:
            for link in term_links(nodes):
                assert block.kind != "heading"
                assert link.term_id not in found, "a term is linked twice"
                found[link.term_id] = link.text
    assert found["world-model"] == "World Model"
    assert found["jepa"] == "JEPA"
    assert set(found) == set(article.meta["terms"])


def test_shorter_alias_tried_when_longest_fails_word_boundary():
    assert spans("TBD Labs 团队") == [("TBD", "tbd-lab")]


def test_alias_matches_as_typography_prints_it():
    # 004 writes AlexWang next to Chinese; typography prints it "Alex Wang"
    assert ids("把创始人 Alex Wang 挖过来") == ["alexandr-wang"]
    assert ids("AlexWang上任后") == ["alexandr-wang"]


def test_surfaces_use_the_sites_converters():
    # the site converts 大语言模型 to 大型語言模型, so a Taiwan original's wording links too
    assert ids("大型語言模型") == ["llm"]
    assert ids("閉源與開源") == ["closed-source", "open-source"]


def test_recurring_concepts_have_entries():
    assert ids("长期主义、闭源、算力、多模态与 NeurIPS") == ["long-termism", "closed-source", "compute", "multimodal", "neurips"]
