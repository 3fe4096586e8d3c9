"""Term pages (scripts/pipeline/termpages.py): a page per glossary term in
each variant, with the sentences that mention it, and the glossary index."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.article import Block, Converted, Strong, TermLink, Text
from pipeline.glossary import load_glossary
from pipeline.termpages import _sentence_around
from test_site import VARIANT_ROOT

IDS = [term.id for term in load_glossary()]


def test_the_sentence_around_a_mention():
    nodes = [Text("第一句。第二句里有"), Strong([TermLink("世界模型", "world-model")]), Text("和"),
             Converted("軟體", "软件"), Text("。第三句。")]
    assert _sentence_around(nodes, "world-model") == ("第二句里有", "世界模型", "和軟體。")
    assert _sentence_around(nodes, "jepa") is None


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_every_term_has_a_page_and_an_anchor_in_the_index(site, variant):
    index = (site / VARIANT_ROOT[variant] / "glossary" / "index.html").read_text(encoding="utf-8")
    for term_id in IDS:
        page = site / VARIANT_ROOT[variant] / "glossary" / term_id / "index.html"
        assert page.is_file(), term_id
        assert re.search(f'<h3 id="{term_id}"', index), term_id  # glossary/#<id> keeps working
        assert f'href="{term_id}/"' in index, term_id  # ... and leads to the term's page


def test_term_page_in_each_script(site):
    hans = (site / "glossary" / "llm" / "index.html").read_text(encoding="utf-8")
    hant = (site / "zh-Hant" / "glossary" / "llm" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in hans and "大语言模型" in re.search(r"<h1[^>]*>(.*?)</h1>", hans).group(1)
    assert "大型語言模型" in re.search(r"<h1[^>]*>(.*?)</h1>", hant).group(1)
    assert "Large Language Model" in hans and "Large Language Model" in hant


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_concordance_lines_quote_the_sentence_and_lead_to_the_mention(site, variant):
    page = site / VARIANT_ROOT[variant] / "glossary" / "world-model" / "index.html"
    html = page.read_text(encoding="utf-8")
    lines = re.findall(r"<li>(.*?)</li>", html, flags=re.S)
    concordance = [line for line in lines if "<mark>" in line]
    assert len(concordance) >= 3
    for line in concordance:
        sentence = line.split("<br />")[0]
        assert re.search(r"[。！？；]$|[^。！？；]$", sentence)
        target = re.search(r'href="\.\./\.\./articles/([^/]+)/#mention-world-model"', line)
        assert target, line
        article = (site / VARIANT_ROOT[variant] / "articles" / target.group(1) / "index.html").read_text(encoding="utf-8")
        assert 'id="mention-world-model"' in article
        marked = re.search(r"<mark>(.*?)</mark>", line).group(1)
        assert marked in re.sub(r"<[^>]+>", "", article)


def test_article_term_links_lead_to_term_pages(site):
    html = (site / "articles" / "001_f5076b2d9f848529" / "index.html").read_text(encoding="utf-8")
    targets = re.findall(r'href="\.\./\.\./glossary/([^"/#]+)/"[^>]*id="mention-', html)
    assert "world-model" in targets and set(targets) <= set(IDS), targets
    assert not re.search(r'href="\.\./\.\./glossary/#', html)


def test_term_pages_are_in_the_sitemap_with_alternates(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(r"<url>\s*<loc>[^<]*/glossary/jepa/</loc>(.*?)</url>", sitemap, flags=re.S)
    assert entry, "glossary/jepa/ is not in the sitemap"
    assert 'hreflang="zh-Hant"' in entry.group(1) and "zh-Hant/glossary/jepa/" in entry.group(1)


def test_term_pages_are_in_the_search_index(site):
    import json
    docs = json.loads((site / "zh-Hant" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert any(doc["location"] == "glossary/jepa/" for doc in docs)


def test_first_mentions_are_each_terms_first_sentence_in_reading_order():
    """Found in one pass per article; the same as looking for each term in turn."""
    from pipeline.article import HANS, HANT
    from pipeline.build import process
    from pipeline.metadata import load_metadata_file
    from pipeline.termpages import first_mentions

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    entries = load_metadata_file(seeds)
    checked = 0
    for path in sorted(seeds.glob("*.txt")):
        article = process(path, entries.get(path.name))
        for variant in (HANS, HANT):
            expected = {}
            for term_id in article.meta.get("terms", []):
                for block in article.variants[variant]:
                    found = next((s for nodes in [block.inlines, *block.items] if (s := _sentence_around(nodes, term_id))), None)
                    if found:
                        expected[term_id] = found
                        break
            assert first_mentions(article, variant) == expected
            checked += len(expected)
    assert checked > 10


def test_a_term_mentioned_by_more_articles_than_a_page_lists_gets_further_pages():
    from pipeline import navigation, termpages
    from pipeline.article import HANS, HANT, Article, Seed
    size = navigation.settings()["mentions_page_size"]

    def mentioning(n: int) -> Article:
        blocks = [Block("paragraph", [Text(f"第{n}篇笔记说，"), TermLink("世界模型", "world-model"), Text("要预测行动的后果。")])]
        meta = {"title": f"笔记{n}", "date": f"2025-04-{n % 28 + 1:02d}", "terms": ["world-model"]}
        return Article(seed=Seed(Path(f"n{n}.txt"), b""), slug=f"n{n:02d}", meta=meta,
                       variants={HANS: blocks, HANT: blocks}, variant_meta={HANS: meta, HANT: meta})

    pages = termpages.pages([mentioning(n) for n in range(size + 1)])
    first, second = pages[f"{HANT}/glossary/world-model.md"], pages[f"{HANT}/glossary/world-model/2.md"]
    assert f"{HANT}/glossary/world-model/3.md" not in pages and f"{HANT}/glossary/jepa/2.md" not in pages
    listed = re.findall(r"\]\(\.\./articles/(n\d+)\.md#mention-world-model\)", first)
    listed += re.findall(r"\]\(\.\./\.\./articles/(n\d+)\.md#mention-world-model\)", second)
    assert sorted(listed) == sorted(f"n{n:02d}" for n in range(size + 1))
    assert 'href="world-model/2.md"' not in first and "(world-model/2.md){" in first and 'rel="next"' in first
    assert "(../world-model.md){" in second and 'rel="prev"' in second
    assert "exclude: true" in second and "boost: 2" in first  # the term is found by its first page
