"""Real-browser helpers: the built site served on 127.0.0.1 and Debian's
chromium driven by Playwright. Every page records its console errors, page
errors and every request to a host other than 127.0.0.1 (which is aborted,
so a test can assert the site works offline and leaks nothing)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from serve import serve

from chromium import CHROMIUM, CHROMIUM_ARGS  # shared with the benchmark (scripts/chromium.py)

HOST = "127.0.0.1"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def server(site):
    """The built site served over HTTP on 127.0.0.1; yields its root URL."""
    with serve(site) as root:
        yield root


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    playwright = sync_playwright().start()
    try:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()
    finally:
        playwright.stop()


@dataclass
class PageLog:
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def problems(self) -> dict[str, list[str]]:
        return {name: items for name, items in vars(self).items() if items}


@pytest.fixture
def context(browser):
    """One fresh browser context per test (no shared storage, e.g. palette)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", color_scheme="light")
    ctx.set_default_timeout(10_000)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def page(context, server):
    """A page whose `log` (PageLog) records console errors, page errors,
    failed requests and every request to a host other than 127.0.0.1, which
    is aborted. `page.open(path)` loads a site path and waits for network idle."""
    log = PageLog()

    def guard(route):
        url = route.request.url
        if urlsplit(url).hostname != HOST:
            log.external.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)  # context-wide: also covers the search worker
    tab = context.new_page()
    tab.on("console", lambda msg: msg.type == "error" and log.console_errors.append(f"{msg.text} @ {msg.location}"))
    tab.on("pageerror", lambda exc: log.page_errors.append(str(exc)))
    tab.on("requestfailed", lambda req: urlsplit(req.url).hostname == HOST
           and log.failed.append(f"{req.url}: {req.failure}"))
    tab.on("response", lambda res: res.status >= 400 and log.failed.append(f"{res.url}: HTTP {res.status}"))

    def open_(path: str, wait_until: str = "networkidle"):
        return tab.goto(server + path.lstrip("/"), wait_until=wait_until)

    tab.log = log
    tab.open = open_
    tab.root = server
    yield tab


def search_translations(page) -> dict:
    """Material's words for the search dialog in the page's own variant."""
    return page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations")


def _run_query(page, query: str, whole_index: bool = True) -> dict:
    """Type a query once the search index is ready; return the translations.
    Material answers an empty query as soon as its worker has the index and
    then shows the placeholder line; before that, a typed query may be
    answered late or its 'no results' line may belong to the empty query.
    With whole_index, also once the worker holds the whole index, not only
    the first stage (docs/assets/search-query.js marks <html> then), so the
    list cannot change under the test."""
    words = search_translations(page)
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.click()
    expect(meta).to_have_text(words["search.result.placeholder"])
    if whole_index:
        expect(page.locator("html")).to_have_attribute("data-search-index", "complete")
    box.fill(query)       # Chinese text arrives without key events ...
    box.press("End")      # ... so a key press makes Material run the search
    return words


def search(page, query: str, whole_index: bool = True) -> list[dict]:
    """The results of a query that has some (href, text and highlighted
    marks of each), once Material has rendered the list for this query."""
    words = _run_query(page, query, whole_index)
    meta = page.locator(".md-search-result__meta")
    one, other = words["search.result.one"], words["search.result.other"]
    counted = re.compile("^(?:" + re.escape(one) + "|" + re.escape(other).replace("\\#", "#").replace("#", r"(\d+)") + ")$")
    expect(meta).to_have_text(counted)
    match = counted.match(meta.inner_text().strip())
    count = int(match.group(1)) if match.group(1) else 1
    items = page.locator(".md-search-result__item")
    expect(items).to_have_count(min(count, 10))  # Material renders ten, the rest on scrolling
    return [
        {"href": item.locator("a.md-search-result__link").first.get_attribute("href"),
         "text": item.inner_text(),
         "marks": item.locator("mark").all_inner_texts()}
        for item in items.all()
    ]


def search_finds_nothing(page, query: str, whole_index: bool = True) -> bool:
    """True once Material says this query has no results."""
    words = _run_query(page, query, whole_index)
    expect(page.locator(".md-search-result__meta")).to_have_text(words["search.result.none"])
    return page.locator(".md-search-result__item").count() == 0
