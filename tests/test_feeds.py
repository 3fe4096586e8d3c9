"""The Atom feeds (scripts/pipeline/feeds.py), read back by feedparser."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from test_site import SLUGS, VARIANT_ROOT

SITE_URL = "http://127.0.0.1:8000/"


def page_of(site: Path, url: str) -> Path:
    path = urlsplit(url).path.lstrip("/")
    return site / path / "index.html" if path.endswith("/") or not path else site / path


@pytest.fixture(scope="module", params=list(VARIANT_ROOT))
def parsed(request, site):
    variant = request.param
    feed = feedparser.parse((site / VARIANT_ROOT[variant] / "feed.xml").read_bytes())
    return variant, feed


def test_feed_parses_without_errors(parsed):
    variant, feed = parsed
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == variant
    assert feed.feed.title and "Meta" in feed.feed.title


def test_every_article_once_newest_first(parsed, site):
    variant, feed = parsed
    assert len(feed.entries) == len(SLUGS)
    slugs = [urlsplit(entry.link).path.rstrip("/").rsplit("/", 1)[-1] for entry in feed.entries]
    assert sorted(slugs) == sorted(SLUGS)
    dates = [entry.get("published", "") for entry in feed.entries]  # undated articles last
    assert dates == sorted(dates, reverse=True)
    for entry in feed.entries:
        assert entry.link.startswith(SITE_URL + VARIANT_ROOT[variant] + "articles/")
        assert page_of(site, entry.link).is_file(), entry.link


def test_entries_carry_the_variants_full_text_and_credits(parsed, site):
    variant, feed = parsed
    for entry in feed.entries:
        page = page_of(site, entry.link).read_text(encoding="utf-8")
        title = re.search(r'<meta property="og:title" content="([^"]*)"', page).group(1)
        assert entry.title == title
        text = entry.content[0].value
        assert len(text) > 1000 and "<p>" in text
        last_paragraph = re.findall(r"<p>([^<]{12,})</p>", page)[-1]
        assert last_paragraph in text  # the whole article, to its end
        assert 'href="../' not in text and "headerlink" not in text  # absolute addresses, no page furniture
        assert entry.author
    words = {"zh-Hans": "简体", "zh-Hant": "繁體"}[variant]
    assert words in feed.feed.title


def test_every_page_announces_its_variants_feed(site):
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        link = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]*)"', html)
        assert link, page
        relative = page.relative_to(site).as_posix()
        target = urlsplit(urljoin("http://site.invalid/" + relative, link.group(1))).path.lstrip("/")
        variant = "zh-Hant" if relative.startswith("zh-Hant/") else "zh-Hans"
        assert target == VARIANT_ROOT[variant] + "feed.xml", (relative, target)
