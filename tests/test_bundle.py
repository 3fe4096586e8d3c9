"""The offline bundle from file:// in a real browser, with every request that
is not a file aborted (issue: offline HTML bundle)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from browser import search

ARTICLE = "001_f5076b2d9f848529"


@pytest.fixture(scope="module")
def unpacked(bundle, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("bundle")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(target)
    (root,) = list(target.iterdir())
    return root


@pytest.fixture
def offline_page(browser, unpacked):
    """A page that may load file:// URLs only; `aborted` lists everything else."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    aborted: list[str] = []

    def guard(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            aborted.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.aborted, tab.errors = aborted, errors
    tab.open = lambda path: tab.goto((unpacked / path).as_uri(), wait_until="load")
    yield tab
    context.close()


def test_home_page_from_file(offline_page, unpacked):
    offline_page.open("index.html")
    assert offline_page.locator("h1").first.inner_text().startswith("杨立昆离开 Meta")
    links = offline_page.locator(".md-content a[href*='articles/']")
    assert links.count() == 5
    links.first.click()
    assert offline_page.url.startswith((unpacked / "articles").as_uri())
    assert offline_page.aborted == [] and offline_page.errors == []


@pytest.mark.parametrize("variant,query,expected", [
    ("", "世界模型", "articles/"), ("", "楊立昆", "articles/"),
    ("zh-Hant/", "世界模型", "zh-Hant/"), ("zh-Hant/", "杨立昆", "zh-Hant/"),
])
def test_search_in_both_variants(offline_page, unpacked, variant, query, expected):
    offline_page.open(f"{variant}index.html")
    results = search(offline_page, query)
    assert results, query
    for result in results:
        href = result["href"]
        assert href.startswith("file://")
        assert ("/zh-Hant/" in href) == (variant == "zh-Hant/"), href
    assert offline_page.aborted == []


def test_switcher_from_file(offline_page, unpacked):
    offline_page.open(f"articles/{ARTICLE}.html")
    offline_page.locator(".md-header__option .md-select").first.hover()
    offline_page.locator(".md-select a[hreflang='zh-Hant']").click()
    offline_page.wait_for_load_state("load")
    assert offline_page.url == (unpacked / "zh-Hant" / "articles" / f"{ARTICLE}.html").as_uri()
    assert offline_page.aborted == []


def test_glossary_link_lands_on_its_term_page(offline_page, unpacked):
    offline_page.open("zh-Hant/articles/003_50ce4e93d524b5f0.html")
    link = offline_page.locator(".md-content a[href*='glossary/jepa.html']").first
    assert link.get_attribute("title")
    link.click()
    offline_page.wait_for_load_state("load")
    assert offline_page.url == (unpacked / "zh-Hant" / "glossary" / "jepa.html").as_uri()
    assert "JEPA" in offline_page.locator("h1").inner_text()
    # its concordance line leads back to the mention
    back = offline_page.locator("article li a[href*='003_50ce4e93d524b5f0.html#mention-jepa']")
    back.click()
    offline_page.wait_for_load_state("load")
    assert offline_page.url.endswith("zh-Hant/articles/003_50ce4e93d524b5f0.html#mention-jepa")
    assert offline_page.locator("#mention-jepa").is_visible()
    assert offline_page.aborted == []


def test_old_glossary_anchor_from_file(offline_page, unpacked):
    offline_page.open("zh-Hant/glossary.html")
    offline_page.goto((unpacked / "zh-Hant" / "glossary.html").as_uri() + "#jepa", wait_until="load")
    assert offline_page.locator("[id='jepa']").is_visible()


def test_no_remote_references_in_bundle(unpacked):
    """No page, style or script of the bundle asks for anything remote when loaded."""
    for path in unpacked.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "unpkg.com" not in html and "fonts.googleapis" not in html, path
        assert "<script src=\"http" not in html and "<link rel=\"stylesheet\" href=\"http" not in html


def test_bundle_is_reproducible(bundle, tmp_path):
    """The same inputs give a byte-identical zip."""
    import os
    import subprocess
    import sys
    project = bundle.parent.parent
    second = tmp_path / "dist"
    subprocess.run([sys.executable, str(project / "scripts" / "bundle.py"), "--dist", str(second)], cwd=project, check=True,
                   capture_output=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
    assert (second / bundle.name).read_bytes() == bundle.read_bytes()
