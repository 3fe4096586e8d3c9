"""Reading built HTML pages in tests: visible text, links, attributes."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


class _Collector(HTMLParser):
    SKIP = {"script", "style", "template"}

    def __init__(self, root_selector: str | None):
        super().__init__(convert_charrefs=True)
        self.root_selector = root_selector
        self.depth = 0 if root_selector is None else -1
        self.stack: list[str] = []
        self.skip = 0
        self.parts: list[str] = []
        self.links: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.depth < 0 and self.root_selector and self.root_selector in (attributes.get("class") or "").split():
            self.depth = 0
        if self.depth >= 0 and tag not in ("br", "img", "meta", "link", "input", "hr"):
            self.depth += 1
        if tag in self.SKIP:
            self.skip += 1
        if tag == "a" and self.depth >= 0:
            self.links.append(attributes)

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if self.depth > 0 and tag not in ("br", "img", "meta", "link", "input", "hr"):
            self.depth -= 1
            if self.depth == 0 and self.root_selector:
                self.depth = -2  # done with the root element

    def handle_data(self, data):
        if self.depth > 0 and not self.skip:
            self.parts.append(data)


def page_text(path: Path, root_class: str | None = "md-content") -> str:
    collector = _Collector(root_class)
    collector.feed(Path(path).read_text(encoding="utf-8"))
    return "".join(collector.parts)


def page_links(path: Path, root_class: str | None = None) -> list[dict]:
    collector = _Collector(root_class)
    collector.feed(Path(path).read_text(encoding="utf-8"))
    return collector.links


def squash(text: str) -> str:
    """Text without whitespace (typography may add or drop spaces)."""
    return re.sub(r"\s+", "", text)
