"""Write: page rendering and the atomic sync into docs/<variant>/."""
import os
from pathlib import Path

import markdown
import pytest
import yaml

from pipeline import termpages, write
from pipeline.glossary import load_glossary
from pipeline.article import HANS, HANT, VARIANTS
from pipeline.build import process
from pipeline.metadata import load_metadata_file
from pipeline.write import pages, sync

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OLD = 1_000_000_000_000_000_000  # an mtime in 2001, in ns


@pytest.fixture(scope="module")
def articles():
    entries = load_metadata_file(SEEDS)
    return [process(path, entries.get(path.name)) for path in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def site_pages(articles):
    return {**pages(articles), **termpages.pages(articles)}


def front(page):
    assert page.startswith("---\n")
    head, _, body = page[4:].partition("\n---\n")
    return yaml.safe_load(head), body


# --- sync -------------------------------------------------------------------------

def test_sync_writes_files(tmp_path):
    files = {"zh-Hans/index.md": "首页\n", "zh-Hant/articles/a.md": "文章\n"}
    changed = sync(files, tmp_path, VARIANTS)
    assert sorted(changed) == sorted(files)
    assert (tmp_path / "zh-Hans/index.md").read_text(encoding="utf-8") == "首页\n"
    assert (tmp_path / "zh-Hant/articles/a.md").read_bytes() == "文章\n".encode("utf-8")
    # No temporary files are left behind.
    assert not [p for p in tmp_path.rglob(".tmp-*")]


def test_sync_leaves_unchanged_files_untouched(tmp_path):
    files = {"zh-Hans/index.md": "首页\n", "zh-Hans/glossary.md": "术语\n"}
    sync(files, tmp_path, VARIANTS)
    for relative in files:
        os.utime(tmp_path / relative, ns=(OLD, OLD))
    inode = (tmp_path / "zh-Hans/index.md").stat().st_ino

    changed = sync({**files, "zh-Hans/glossary.md": "术语（新）\n"}, tmp_path, VARIANTS)

    assert changed == ["zh-Hans/glossary.md"]
    index = (tmp_path / "zh-Hans/index.md").stat()
    assert index.st_mtime_ns == OLD
    assert index.st_ino == inode
    assert (tmp_path / "zh-Hans/glossary.md").stat().st_mtime_ns != OLD
    assert (tmp_path / "zh-Hans/glossary.md").read_text(encoding="utf-8") == "术语（新）\n"


def test_sync_twice_changes_nothing(tmp_path):
    files = {"zh-Hans/index.md": "首页\n"}
    sync(files, tmp_path, VARIANTS)
    assert sync(files, tmp_path, VARIANTS) == []


def test_sync_removes_stale_files_in_managed_folders_only(tmp_path):
    (tmp_path / "zh-Hans/articles").mkdir(parents=True)
    (tmp_path / "zh-Hans/articles/stale.md").write_text("旧", encoding="utf-8")
    (tmp_path / "zh-Hant/old").mkdir(parents=True)
    (tmp_path / "zh-Hant/old/stale.md").write_text("舊", encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/site.css").write_text("body{}", encoding="utf-8")
    (tmp_path / "index.md").write_text("根", encoding="utf-8")

    changed = sync({"zh-Hans/articles/new.md": "新\n"}, tmp_path, VARIANTS)

    assert not (tmp_path / "zh-Hans/articles/stale.md").exists()
    assert not (tmp_path / "zh-Hant/old/stale.md").exists()
    assert not (tmp_path / "zh-Hant/old").exists()  # emptied folders go too
    assert (tmp_path / "zh-Hans/articles/new.md").exists()
    # Outside the managed folders nothing is removed.
    assert (tmp_path / "assets/site.css").read_text(encoding="utf-8") == "body{}"
    assert (tmp_path / "index.md").exists()
    assert set(changed) == {"zh-Hans/articles/new.md", "zh-Hans/articles/stale.md", "zh-Hant/old/stale.md"}


def test_sync_missing_managed_folder_is_fine(tmp_path):
    assert sync({}, tmp_path, VARIANTS) == []


# --- pages ----------------------------------------------------------------------------

def test_pages_for_both_variants(site_pages, articles):
    expected = set()
    terms = [term.id for term in load_glossary()]
    for variant in VARIANTS:
        expected |= {f"{variant}/glossary.md", f"{variant}/404.md"}
        expected |= {f"{variant}/articles/{article.slug}.md" for article in articles}
        expected |= {f"{variant}/glossary/{term_id}.md" for term_id in terms}
    assert set(site_pages) == expected
    assert len(articles) == 5
    assert len(site_pages) == 2 * (2 + 5 + len(terms))


def test_article_slugs(articles):
    assert [a.slug for a in articles] == [
        "000_bd77a70b367ecf3a",
        "001_f5076b2d9f848529",
        "002_845811e626afcf28",
        "003_50ce4e93d524b5f0",
        "004_bd78ec46800fc640",
    ]


def test_article_page_front_matter_and_byline(site_pages):
    fields, body = front(site_pages["zh-Hans/articles/002_845811e626afcf28.md"])
    assert fields["title"] == "图灵奖得主 LeCun 最后警告 Meta：我搞了 40 年 AI，大模型是死路"
    assert fields["source_script"] == HANS
    assert fields["converted"] is False
    assert fields["description"]
    assert "远方的家 · 2025-11-18" in body
    assert "# 图灵奖得主 LeCun 最后警告 Meta：我搞了 40 年 AI，大模型是死路" in body

    fields, body = front(site_pages["zh-Hant/articles/002_845811e626afcf28.md"])
    assert fields["converted"] is True
    assert fields["source_script"] == HANS
    assert fields["title"].startswith("圖靈獎得主 LeCun")


def test_traditional_seed_pages(site_pages):
    fields, body = front(site_pages["zh-Hant/articles/003_50ce4e93d524b5f0.md"])
    assert fields["converted"] is False
    assert fields["title"] == "Yann LeCun 65 歲創業宣言——為什麼他要與整個矽谷對賭？"
    assert "## 為什麼離開 Meta？" in body
    assert "[原文連結](<https://www.youtube.com/watch?v=7u-DXVADyhc>)" in body
    fields, body = front(site_pages["zh-Hans/articles/003_50ce4e93d524b5f0.md"])
    assert fields["converted"] is True
    assert "## 为什么离开 Meta？" in body


def test_article_pages_render_term_links_and_anchors(site_pages):
    page = site_pages["zh-Hant/articles/003_50ce4e93d524b5f0.md"]
    assert "](../glossary/world-model.md " in page
    assert "{#mention-world-model}" in page
    html = markdown.markdown(front(page)[1], extensions=["admonition", "attr_list", "toc"])
    assert 'id="mention-jepa"' in html
    assert "<script" not in html


def test_term_pages_lead_back_to_first_mentions(site_pages, articles):
    index = site_pages["zh-Hans/glossary.md"]
    assert "### [世界模型（World Model）](glossary/world-model.md) {#world-model}" in index
    assert "(../articles/003_50ce4e93d524b5f0.md#mention-world-model)" in site_pages["zh-Hans/glossary/world-model.md"]
    # Every mention link on a term page points at an anchor that exists on the article's page.
    for article in articles:
        page = site_pages[f"zh-Hans/articles/{article.slug}.md"]
        for term_id in article.meta["terms"]:
            assert f"(../articles/{article.slug}.md#mention-{term_id})" in site_pages[f"zh-Hans/glossary/{term_id}.md"]
            assert "{#mention-" + term_id + "}" in page


def test_traditional_glossary_is_converted(site_pages):
    glossary = site_pages["zh-Hant/glossary.md"]
    assert front(glossary)[0]["title"] == "術語表"
    assert "### [大型語言模型（Large Language Model (LLM)）](glossary/llm.md) {#llm}" in glossary
    assert front(site_pages["zh-Hant/glossary/llm.md"])[0]["title"] == "大型語言模型（Large Language Model (LLM)）"


def test_not_found_page(site_pages):
    fields, body = front(site_pages["zh-Hant/404.md"])
    assert fields["search"] == {"exclude": True}
    assert "](index.md)" in body


def test_pages_sync_into_tmp_docs(site_pages, tmp_path):
    changed = sync(site_pages, tmp_path, VARIANTS)
    assert sorted(changed) == sorted(site_pages)
    assert sync(site_pages, tmp_path, VARIANTS) == []


def test_sync_files_get_ordinary_permissions(tmp_path):
    previous = os.umask(0o022)
    try:
        sync({"zh-Hans/index.md": "首页\n"}, tmp_path, VARIANTS)
    finally:
        os.umask(previous)
    assert (tmp_path / "zh-Hans/index.md").stat().st_mode & 0o777 == 0o644


# --- show the original wording ---------------------------------------------------------

def test_converted_pages_mark_changed_words_and_offer_the_toggle(site_pages, articles):
    for article in articles:
        for variant in VARIANTS:
            page = site_pages[f"{variant}/articles/{article.slug}.md"]
            if variant == article.script:
                assert 'class="converted"' not in page and "original-toggle" not in page
    converted = site_pages[f"{HANT}/articles/{next(a for a in articles if a.script == HANS).slug}.md"]
    assert 'class="converted"' in converted
    assert 'class="original-toggle" aria-pressed="false" hidden data-label="原文：">顯示原文用詞</button>' in converted


def test_glossary_quoted_source_forms_survive_conversion(site_pages):
    hant = site_pages[f"{HANT}/glossary/alexandr-wang.md"] + site_pages[f"{HANT}/glossary/agi.md"]
    hans = site_pages[f"{HANS}/glossary/alexandr-wang.md"] + site_pages[f"{HANS}/glossary/agi.md"]
    # 001 calls Alexandr Wang by a nickname; converting it must not turn it into his real name
    assert "「亚历山大王」" in hant and "「汪滔」" in hant and "「AlexWang」" in hant
    assert "“亚历山大王”" in hans and "“AlexWang”" in hans
    assert "「通用人工智能」" in hant  # how 002 wrote it, not 通用人工智慧
    assert "⟦" not in hant + hans


def test_glossary_converted_text_is_marked(site_pages):
    for page in (f"{HANT}/glossary.md", f"{HANT}/glossary/world-model.md"):
        assert 'class="converted"' in site_pages[page] and "original-toggle" in site_pages[page]
        assert 'class="converted"' not in site_pages[page.replace(HANT, HANS)]


def test_a_hong_kong_original_is_named_as_such(articles):
    import copy
    article = copy.deepcopy(next(a for a in articles if a.script == HANT))
    article.region = "HK"  # the pages kept from the build showed Taiwan's name
    assert "繁体中文（香港）写成" in write.article_page(article, HANS)
    assert "繁體中文（香港）寫成" in write.article_page(article, HANT)
    article.region = "TW"
    assert "繁体中文（台湾）写成" in write.article_page(article, HANS)


def test_a_kept_page_is_reused_while_what_it_shows_is_the_same(articles, monkeypatch):
    import copy
    article = copy.deepcopy(articles[0])
    write.keep_pages(article, {})
    assert set(article.pages) == set(VARIANTS)
    rendered = []
    original = write._article_page
    monkeypatch.setattr(write, "_article_page", lambda a, variant: rendered.append(variant) or original(a, variant))
    kept = {variant: write.article_page(article, variant) for variant in VARIANTS}
    assert rendered == []
    # a duplicate credited on the byline: that page is rendered again, and shows it
    article.variant_meta[HANT]["also_published_by"] = ["另一家媒體"]
    assert "另一家媒體" in write.article_page(article, HANT) and rendered == [HANT]
    assert write.article_page(article, HANS) == kept[HANS]
