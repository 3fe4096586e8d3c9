"""The glossary in the built site: anchors, term links, tooltips' titles, back-references."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from htmltext import page_links, page_text
from test_site import SLUGS, VARIANT_ROOT, article_html

GLOSSARY = yaml.safe_load((Path(__file__).parent.parent / "scripts" / "data" / "glossary.yml").read_text(encoding="utf-8"))
IDS = [entry["id"] for entry in GLOSSARY["terms"]]
REQUIRED = ["jepa", "world-model", "fair", "msl"]


def glossary_html(site: Path, variant: str) -> Path:
    return site / f"{VARIANT_ROOT[variant]}glossary/index.html"


_TERM_HREF = re.compile(r"(?:^|/)glossary/([a-z0-9-]+)/$")


def glossary_links(page: Path) -> list[dict]:
    """Links from an article to term pages (glossary/<id>/)."""
    return [a for a in page_links(page, "md-content") if _TERM_HREF.search(a.get("href") or "")]


def term_of(link: dict) -> str:
    return _TERM_HREF.search(link["href"]).group(1)


def term_html(site: Path, variant: str, term_id: str) -> Path:
    return site / f"{VARIANT_ROOT[variant]}glossary/{term_id}/index.html"


def test_required_ids_exist():
    assert set(REQUIRED) <= set(IDS)


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_every_term_has_its_anchor_in_both_variants(site, variant):
    html = glossary_html(site, variant).read_text(encoding="utf-8")
    for term_id in IDS:
        assert re.search(rf'<h3 id="{re.escape(term_id)}"', html), term_id


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_every_glossary_link_resolves(site, variant):
    for slug in SLUGS:
        page = article_html(site, variant, slug)
        for link in glossary_links(page):
            target = (page.parent / link["href"]).resolve() / "index.html"
            assert target == term_html(site, variant, term_of(link)).resolve(), link["href"]
            assert target.is_file(), link["href"]


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_required_terms_are_linked_from_articles(site, variant):
    linked = {term_of(link) for slug in SLUGS for link in glossary_links(article_html(site, variant, slug))}
    for term_id in REQUIRED:
        assert term_id in linked


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_term_links_carry_the_definition_as_title(site, variant):
    page = article_html(site, variant, "002_845811e626afcf28")
    links = glossary_links(page)
    assert links
    for link in links:
        assert link.get("title") and link["title"].endswith("。")
    if variant == "zh-Hant":
        assert all("们" not in link["title"] and "这" not in link["title"] for link in links)


@pytest.mark.parametrize("slug", SLUGS)
def test_each_term_linked_once_per_article(site, slug):
    hrefs = [link["href"] for link in glossary_links(article_html(site, "zh-Hans", slug))]
    assert hrefs and len(hrefs) == len(set(hrefs))


def test_traditional_original_gets_its_links(site):
    links = glossary_links(article_html(site, "zh-Hant", "003_50ce4e93d524b5f0"))
    by_id = {term_of(link) for link in links}
    assert {"world-model", "jepa"} <= by_id


def test_no_links_inside_headings_or_title(site):
    html = article_html(site, "zh-Hans", "000_bd77a70b367ecf3a").read_text(encoding="utf-8")
    for heading in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html, re.DOTALL):
        assert "glossary/" not in heading


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_term_pages_lead_back_to_first_mentions(site, variant):
    for term_id in ("jepa", "world-model"):
        page = term_html(site, variant, term_id)
        back = [a["href"] for a in page_links(page, "md-content") if "#mention-" in (a.get("href") or "")]
        assert back, term_id
        for href in back:
            path, fragment = href.split("#")
            target = (page.parent / path).resolve() / "index.html"
            assert target.is_file(), href
            assert fragment == f"mention-{term_id}" and f'id="{fragment}"' in target.read_text(encoding="utf-8"), href


def test_glossary_page_is_not_linked_to_itself(site):
    for variant in VARIANT_ROOT:
        links = [a for a in page_links(glossary_html(site, variant), "md-content") if a.get("title")]
        assert not [a for a in links if "glossary" in a.get("href", "")]


def test_taiwan_forms_in_converted_text_only(site):
    converted = page_text(article_html(site, "zh-Hant", "002_845811e626afcf28"))
    assert "大型語言模型" in converted and "大語言模型" not in converted
    assert "祖克柏" in converted and "扎克伯格" not in converted
    original = page_text(article_html(site, "zh-Hant", "003_50ce4e93d524b5f0"))
    assert "大型語言模型" not in original  # 003 never wrote it; its own words stay
    assert "超級智慧" in original


def test_zh_hant_glossary_uses_taiwan_forms(site):
    text = page_text(glossary_html(site, "zh-Hant"))
    assert "大型語言模型" in text and "祖克柏" in text
    assert "大语言模型" not in text


def test_quoted_source_forms_are_kept_as_written():
    from pipeline.glossary import load_glossary, split_quoted
    wang = next(term for term in load_glossary() if term.id == "alexandr-wang")
    quoted = [part for part, is_quoted in split_quoted(wang.note) if is_quoted]
    assert quoted == ["亚历山大王", "AlexWang", "汪滔"]  # typography did not space AlexWang
    assert not wang.forms  # the nickname is never replaced by the real name


def test_glossary_note_quotation_on_the_traditional_page(site):
    text = page_text(term_html(site, "zh-Hant", "alexandr-wang"))
    assert "「亚历山大王」" in text and "「AlexWang」" in text
