"""The whole site, built by MkDocs from the five seeds (issue: seed-to-site pipeline)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SEED_NAMES
from htmltext import page_links, page_text, squash

VARIANT_ROOT = {"zh-Hans": "", "zh-Hant": "zh-Hant/"}
SLUGS = [name.rsplit(".", 1)[0] for name in SEED_NAMES]

# Platform chrome and promotion that must not survive cleaning anywhere.
BOILERPLATE = [
    "关于ZAKER", "8小时前", "一键三连", "欢迎在评论区", "年度榜单", "共设立了", "一键关注", "点亮星标",
    "科技前沿进展每日见", "特别声明", "Notice:", "NetEase", "图片来源", "版权归原作者所有", "集锦来自",
    "微信号", "homeofcaes", "amssmadis", "LISTEN TO ARTICLE", "{{<", "![]", "](#)", "13:18",
    # an embedded card's leftovers and a caption of a picture the page does not have
    "Read his letter in full", "July 30, 2025", "贝尔实验室发明晶体管",
]

# Sentences of each seed that must appear in its own-script page.
SAMPLES = {
    "000_bd77a70b367ecf3a": ["LeCun 的离职绝非偶然，而是 Meta 内部战略路线分歧长期发酵的必然结果。", "这揭示了硬核科技的发展规律"],
    "001_f5076b2d9f848529": ["金融时报消息，LeCun 向同事透露了自己的离职计划，下一步打算创业。", "君子不立危墙之下，Yann LeCun 是可忍孰不可忍？"],
    "002_845811e626afcf28": ["但人类学习的主要方式，并不是读文本。", "Personal Superintelligence for Everyone", "what they value in their own lives."],
    "003_50ce4e93d524b5f0": ["LeCun 對矽谷 AI 產業的批評毫不客氣。", "「我有使命感。」"],
    "004_bd78ec46800fc640": ["开源与商业化的矛盾，从来都没有标准答案。", "至于 Meta 能不能逆袭，咱们不妨拭目以待。"],
}
OWN_SCRIPT = {slug: ("zh-Hant" if slug.startswith("003") else "zh-Hans") for slug in SLUGS}


def article_html(site: Path, variant: str, slug: str) -> Path:
    return site / f"{VARIANT_ROOT[variant]}articles/{slug}/index.html"


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_article_in_both_variants(site):
    built = sorted(p.relative_to(site).as_posix() for p in site.rglob("articles/*/index.html"))
    expected = sorted(f"{VARIANT_ROOT[v]}articles/{slug}/index.html" for v in VARIANT_ROOT for slug in SLUGS)
    assert built == expected


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_html_lang(site, variant):
    for page in [site / f"{VARIANT_ROOT[variant]}index.html", site / f"{VARIANT_ROOT[variant]}glossary/index.html",
                 *(article_html(site, variant, slug) for slug in SLUGS)]:
        assert re.search(rf'<html lang="{variant}"', page.read_text(encoding="utf-8")), page


def test_no_boilerplate_in_any_page(site):
    for page in all_pages(site):
        text = page_text(page, None)
        for phrase in BOILERPLATE:
            assert phrase not in text, f"{phrase!r} left in {page.relative_to(site)}"


@pytest.mark.parametrize("slug", SLUGS)
def test_sample_sentences_in_own_script_page(site, slug):
    text = squash(page_text(article_html(site, OWN_SCRIPT[slug], slug)))
    for sentence in SAMPLES[slug]:
        assert squash(sentence) in text


def test_traditional_original_is_the_cleaned_seed(site):
    """003's zh-Hant page holds exactly the seed's text: no round trip through Simplified."""
    seed = (Path(__file__).parent.parent / "seeds" / "003_50ce4e93d524b5f0.txt").read_text(encoding="utf-8")
    body = seed.split("---", 2)[2]
    lines = [line for line in body.splitlines() if line.strip() and not line.startswith(("{{<", "---"))]
    expected = squash("".join(re.sub(r"^(#+|>)\s*", "", line) for line in lines))
    html = article_html(site, "zh-Hant", "003_50ce4e93d524b5f0").read_text(encoding="utf-8")
    article = html.split('<div class="admonition note">', 1)[1].split("</div>", 1)[1]
    page = squash(page_text_from(article)).replace("¶", "")
    page = page.split("▶")[0] + page.split("▶", 1)[1].split("影片", 1)[1]  # the video link is the site's
    assert page.startswith(expected[:200])
    assert page[: len(expected)] == expected


def page_text_from(fragment: str) -> str:
    from htmltext import _Collector
    collector = _Collector(None)
    collector.feed(fragment)
    return "".join(collector.parts)


@pytest.mark.parametrize("slug", SLUGS)
def test_converted_variant_is_labelled(site, slug):
    own = OWN_SCRIPT[slug]
    other = "zh-Hant" if own == "zh-Hans" else "zh-Hans"
    assert "OpenCC" in page_text(article_html(site, other, slug))
    assert "本页是原文" in page_text(article_html(site, own, slug)) or "本頁是原文" in page_text(article_html(site, own, slug))


def test_converted_variant_is_in_the_other_script(site):
    hant = page_text(article_html(site, "zh-Hant", "001_f5076b2d9f848529"))
    assert "離職" in hant and "离职" not in hant
    hans = page_text(article_html(site, "zh-Hans", "003_50ce4e93d524b5f0"))
    assert "离开" in hans and "離開" not in hans


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_language_switcher_leads_to_same_page(site, variant):
    other = "zh-Hant" if variant == "zh-Hans" else "zh-Hans"
    for slug in SLUGS:
        page = article_html(site, variant, slug)
        links = [a for a in page_links(page) if a.get("hreflang") == other]
        assert links, f"no switcher link in {page}"
        target = (page.parent / links[0]["href"]).resolve()
        target = target / "index.html" if target.is_dir() else target
        assert target == article_html(site, other, slug).resolve()


def test_home_page_lists_articles_with_outlet_and_date(site):
    home = page_text(site / "index.html")
    for title in ["忍无可忍，LeCun 离职！Meta 市值应声蒸发 1400 亿", "图灵奖得主 LeCun 最后警告 Meta"]:
        assert title in home
    assert "量子位" in home and "远方的家 · 2025-11-18" in home and "2025-12-22" in home
    links = {a["href"] for a in page_links(site / "index.html", "md-content")}
    for slug in SLUGS:
        assert f"articles/{slug}/" in links


def test_home_page_and_navigation_in_zh_hant(site):
    home = (site / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    assert "楊立昆離開 Meta" in home and "術語表" in home
    assert "雙語閱讀" in home  # site name


def test_structure_headings_lists_and_superscript(site):
    page = article_html(site, "zh-Hans", "000_bd77a70b367ecf3a").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="[^"_][^"]*">决裂根源：Meta 内部的“路线战争”', page)
    assert re.search(r'<h3 id="[^"]+">1\. 权力重构：学术泰斗的“降维打击”', page)
    assert "<ol" not in page.split('class="md-content"')[1]
    page = article_html(site, "zh-Hans", "002_845811e626afcf28").read_text(encoding="utf-8")
    assert "10<sup>14</sup>" in page
    assert "<strong>因为它们拥有关于世界的因果模型</strong>" in page
    assert re.search(r"<blockquote>\s*<p>Personal Superintelligence for Everyone</p>", page)
    assert ">META<" not in page
    # the interviewee's first-person words after "直言：" are a block quotation
    assert re.search(r"直言：</p>\s*<blockquote>\s*<p>这些年，我在硅谷", page)


def test_references_become_working_links(site):
    links = {a.get("href") for a in page_links(article_html(site, "zh-Hans", "001_f5076b2d9f848529"), "md-content")}
    assert "https://www.ft.com/content/c586eb77-a16e-4363-ab0b-e877898b70de" in links
    links = {a.get("href") for a in page_links(article_html(site, "zh-Hans", "002_845811e626afcf28"), "md-content")}
    assert "https://gizmodo.com/yann-lecun-world-models-2000685265" in links


def test_youtube_shortcode_becomes_a_link_not_an_iframe(site):
    for variant in VARIANT_ROOT:
        page = article_html(site, variant, "003_50ce4e93d524b5f0")
        assert "<iframe" not in page.read_text(encoding="utf-8")
        assert "https://www.youtube.com/watch?v=7u-DXVADyhc" in {a.get("href") for a in page_links(page)}


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_not_found_page_per_variant(site, variant):
    page = site / f"{VARIANT_ROOT[variant]}404.html"
    assert page.is_file()
    text = page.read_text(encoding="utf-8")
    assert f'lang="{variant}"' in text
    assert ("找不到页面" if variant == "zh-Hans" else "找不到頁面") in text
