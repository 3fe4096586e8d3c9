"""Every internal link and anchor of both variants resolves: checked over the
built files (tests/sitelinks.py, deterministic), and by LinkChecker crawling
the site over HTTP. Each check is shown to catch a planted broken anchor."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from serve import serve
from sitelinks import check_site

RC = Path(__file__).parent / "linkcheckerrc"
NOT_FOUND_PAGES = ("404.html", "zh-Hant/404.html")


def linkcheck(*urls: str) -> subprocess.CompletedProcess:
    runner = Path(__file__).parent / "linkchecker_run.py"  # why not the plain command: see there
    return subprocess.run([sys.executable, str(runner), "-f", str(RC), "--no-status", "-o", "text", *urls],
                          capture_output=True, text=True, timeout=600)


def assert_clean(result: subprocess.CompletedProcess) -> None:
    """A broken anchor is a LinkChecker warning, a missing page an error: both fail."""
    tail = result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"\b0 warnings found", result.stdout), tail
    assert re.search(r"\b0 errors found", result.stdout), tail
    assert result.returncode == 0, tail


@pytest.fixture(scope="module")
def planted(site, tmp_path_factory) -> Path:
    """A copy of the site whose home page links to a glossary anchor that does not exist."""
    copy = tmp_path_factory.mktemp("planted") / "site"
    shutil.copytree(site, copy)
    page = copy / "index.html"
    text = page.read_text(encoding="utf-8")
    assert 'href="glossary/"' in text
    page.write_text(text.replace('href="glossary/"', 'href="glossary/#no-such-term"', 1), encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def bundle_root(bundle, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("bundle-links")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(target)
    return next(target.iterdir())


# --- over the files ----------------------------------------------------------------

def test_hosted_site_links_and_anchors_over_files(site):
    broken, checked = check_site(site)
    assert not broken, "\n".join(map(str, broken))
    assert checked > 1000  # every page of both variants, 404 pages included


def test_offline_bundle_links_and_anchors_over_files(bundle_root):
    broken, checked = check_site(bundle_root)
    assert not broken, "\n".join(map(str, broken))
    assert checked > 1000


def test_file_check_catches_planted_anchor(planted):
    broken, _ = check_site(planted)
    assert [(b.page, b.href) for b in broken] == [("index.html", "glossary/#no-such-term")]


def test_file_check_catches_missing_page(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / "zh-Hant" / "glossary" / "jepa" / "index.html").unlink()
    broken, _ = check_site(copy)
    assert {b.reason for b in broken} == {"no such page or file"}
    assert any(b.page.startswith("zh-Hant/articles/") and b.href.endswith("glossary/jepa/") for b in broken)  # term links
    assert any(b.page == "zh-Hant/glossary/index.html" for b in broken)  # the glossary index
    assert any(b.page == "glossary/jepa/index.html" for b in broken)  # the other variant's language switcher


def test_not_found_pages_switch_to_each_other(site):
    for name in NOT_FOUND_PAGES:
        text = (site / name).read_text(encoding="utf-8")
        assert 'href="/404.html"' in text and 'href="/zh-Hant/404.html"' in text, name
        assert not re.search(r'="[^"]*/404/"', text), name


# --- over HTTP, by LinkChecker -------------------------------------------------------

def test_hosted_site_links_and_anchors_by_linkchecker(site):
    with serve(site) as base:
        result = linkcheck(base, *(base + page for page in NOT_FOUND_PAGES))
    assert_clean(result)
    checked = int(re.search(r"(\d+) links in", result.stdout).group(1))
    assert checked > 100  # the whole site was crawled, both variants


def test_offline_bundle_links_and_anchors_by_linkchecker(bundle_root):
    with serve(bundle_root) as base:
        result = linkcheck(base + "index.html")
    assert_clean(result)


def test_linkchecker_catches_planted_anchor(planted):
    with serve(planted) as base:
        result = linkcheck(base)
    assert "no-such-term" in result.stdout and re.search(r"\b1 warning found", result.stdout), result.stdout[-4000:]
    with pytest.raises(AssertionError):
        assert_clean(result)
