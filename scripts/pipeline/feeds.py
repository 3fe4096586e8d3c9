"""Feeds: an Atom feed per variant (feed.xml, zh-Hant/feed.xml), newest
article first, each entry the article's full text as its page shows it, in
the variant's script, with its date, outlet and a link to the original."""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator
from lxml import etree

from .article import VARIANTS, Article
from .config import load_data
from .files import write_atomic
from .publish import variant_folder
from .text import is_web_url
from .write import newest_first

FEED = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_H1 = re.compile(r"<h1[^>]*>.*?</h1>", re.S)
# page furniture a feed reader has no use for: the note about the page, buttons
_NOTE = re.compile(r'<div class="admonition note">.*?</div>', re.S)
_BUTTON = re.compile(r"<p>\s*<button\b.*?</button>\s*</p>|<button\b.*?</button>", re.S)
_URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _page_file(site_dir: Path, variant: str, slug: str) -> tuple[Path, str] | None:
    """The article's built page and its path in the site (directory URLs or,
    in the offline bundle, .html files)."""
    for relative in (f"{variant_folder(variant)}articles/{slug}/", f"{variant_folder(variant)}articles/{slug}.html"):
        path = site_dir / relative / "index.html" if relative.endswith("/") else site_dir / relative
        if path.is_file():
            return path, relative
    return None


def _content(page_html: str, page_url: str) -> str:
    """The article body as the page shows it, minus its title and permalink
    marks, every address made absolute so a feed reader can follow it."""
    match = _ARTICLE.search(page_html)
    body = match.group(1) if match else ""
    body = _HEADERLINK.sub("", _H1.sub("", body, count=1))
    body = _BUTTON.sub("", _NOTE.sub("", body, count=1))
    return _URL_ATTRIBUTE.sub(lambda m: f'{m.group(1)}="{urljoin(page_url, m.group(2))}"', body).strip()


def _when(date: str) -> dt.datetime | None:
    if date and _DATE.match(date):
        return dt.datetime.fromisoformat(date).replace(tzinfo=dt.timezone.utc)
    return None


def _build_time() -> dt.datetime:
    """SOURCE_DATE_EPOCH when set, so two builds write the same feed."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or 0
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc)


def feed(articles: list[Article], variant: str, site_dir: Path, site_url: str) -> str | None:
    """The Atom feed of one variant, or None when no article page was built."""
    strings = load_data("site.yml")[variant]
    root = urljoin(site_url or "http://localhost/", "./") + variant_folder(variant)
    dated = newest_first(articles)
    entries = []
    for article in dated:
        found = _page_file(site_dir, variant, article.slug)
        if found is None:
            continue
        path, relative = found
        url = urljoin(root, relative[len(variant_folder(variant)):])
        entries.append((article, url, _content(path.read_text(encoding="utf-8"), url)))
    if not entries:
        return None
    generator = FeedGenerator()
    generator.id(urljoin(root, FEED))
    generator.title(strings["feed_title"])
    generator.subtitle(strings["feed_subtitle"])
    generator.language(variant)
    generator.link(href=root, rel="alternate", type="text/html")
    generator.link(href=urljoin(root, FEED), rel="self", type="application/atom+xml")
    newest = [when for when in (_when(a.variant_meta[variant].get("date", "")) for a, _, _ in entries) if when]
    generator.updated(max(newest) if newest else _build_time())
    for article, url, content in entries:
        meta = article.variant_meta[variant]
        entry = generator.add_entry(order="append")
        entry.id(url)
        entry.title(meta["title"])
        entry.link(href=url, rel="alternate", type="text/html")
        if is_web_url(meta.get("source_url")):
            entry.link(href=meta["source_url"], rel="via", title=strings["source_link"])
        when = _when(meta.get("date", ""))
        if when:
            entry.published(when)
        entry.updated(when or _build_time())  # Atom requires one; an undated article gets the build's time
        # the outlet published the text; a named writer is credited beside it
        entry.author({"name": meta.get("outlet") or strings["outlet_unknown"]})
        if meta.get("author"):
            entry.contributor({"name": meta["author"]})
        if meta.get("description"):
            entry.summary(meta["description"])
        entry.content(content, type="html")
    return _entry_link_attributes(generator.atom_str(pretty=True), [entry.link() for entry in generator.entry()])


def _entry_link_attributes(atom: bytes, links: list[list[dict]]) -> str:
    """feedgen 1.0.0 writes an entry's links with their href only (its
    writer shadows the link it reads from); put rel, type and title back."""
    root = etree.fromstring(atom)
    for element, wanted in zip(root.iterfind(f"{{{ATOM}}}entry"), links):
        for written, link in zip(element.iterfind(f"{{{ATOM}}}link"), wanted):
            for name in ("rel", "type", "title"):
                if link.get(name):
                    written.set(name, link[name])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


def write_feeds(articles: list[Article], site_dir: Path, site_url: str) -> list[Path]:
    written = []
    for variant in VARIANTS:
        text = feed(articles, variant, Path(site_dir), site_url)
        if text is None:
            continue
        target = Path(site_dir) / variant_folder(variant) / FEED
        write_atomic(target, text)
        written.append(target)
    return written
