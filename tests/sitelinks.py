"""Every internal link and #anchor of a built site, checked over its files:
no server, no crawler, the same answer every run. Resolves links the way a
browser does (relative to the page's own address; a folder address serves
its index.html) and looks each #fragment up among the target's ids."""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

BASE = "http://site.invalid/"  # a stand-in origin, only for resolving
LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


@dataclass(frozen=True)
class Broken:
    page: str
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.href} ({self.reason})"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.ids.add(attrs[name])
        wanted = LINK_ATTRIBUTES.get(tag)
        if wanted and attrs.get(wanted) is not None and not (tag == "link" and "canonical" in (attrs.get("rel") or "")):
            self.links.append(attrs[wanted])


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def _target(site: Path, path: str) -> Path | None:
    candidate = site / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_site(site: Path) -> tuple[list[Broken], int]:
    """(broken links, number of links checked) for every HTML page under site."""
    site = Path(site)
    pages: dict[Path, _Page] = {}

    def parsed(path: Path) -> _Page:
        if path not in pages:
            pages[path] = _parse(path)
        return pages[path]

    broken, checked = [], 0
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        address = urljoin(BASE, relative)
        for href in parsed(path).links:
            if not href or href.startswith(("mailto:", "javascript:", "data:", "tel:")):
                continue
            resolved = urlsplit(urljoin(address, href))
            if f"{resolved.scheme}://{resolved.netloc}/" != BASE:
                continue  # another host: not this site's to answer for
            checked += 1
            target = path if not resolved.path and not resolved.query else _target(site, resolved.path)
            if target is None:
                broken.append(Broken(relative, href, "no such page or file"))
            elif resolved.fragment and target.suffix == ".html" and unquote(resolved.fragment) not in parsed(target).ids:
                broken.append(Broken(relative, href, f"no element with id {unquote(resolved.fragment)!r}"))
    return broken, checked
