"""The built site in a real browser (Debian's chromium through Playwright):
search per variant in either script, the language switcher, glossary
tooltips, no console errors or outside requests, accessibility (axe-core),
screenshots and the light/dark palette."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from browser import ARTIFACTS, search, search_finds_nothing, search_translations
from pipeline.publish import FULL_INDEX, INDEX, SEPARATOR, WIRE_SEPARATOR
from pipeline.text import HAN
from test_site import SLUGS, VARIANT_ROOT

ARTICLE = "001_f5076b2d9f848529"
DATED = "003_50ce4e93d524b5f0"  # dated 2025-12-22
MONTH = "months/2025-12/"
PAGES = ["", "glossary/", "months/", "outlets/", MONTH, *(f"articles/{slug}/" for slug in SLUGS)]
VARIANT_PAGES = [(variant, path) for variant in VARIANT_ROOT for path in PAGES]


def _id(value) -> str:
    return value.replace("articles/", "").rstrip("/") or "home"


# --- search -------------------------------------------------------------------

def site_file(site: Path, href: str) -> Path:
    path = unquote(urlsplit(href).path).lstrip("/")
    target = site / path
    return target / "index.html" if target.is_dir() or path.endswith("/") or not path else target


SEARCHES = [
    # (variant, query, same-script whole term to see highlighted?)
    ("zh-Hans", "世界模型", True),
    ("zh-Hans", "杨立昆", True),
    ("zh-Hans", "楊立昆", False),
    ("zh-Hans", "JEPA", False),
    ("zh-Hans", "FAIR", False),
    ("zh-Hans", "Meta", False),
    ("zh-Hans", "联合嵌入预测架构", False),
    ("zh-Hant", "世界模型", False),
    ("zh-Hant", "楊立昆", True),
    ("zh-Hant", "杨立昆", False),
    ("zh-Hant", "大语言模型", False),   # must find pages saying 大型語言模型
    ("zh-Hant", "聯合嵌入預測架構", False),
    ("zh-Hant", "JEPA", False),
]
SEARCH_PARAMS = [pytest.param(v, q, h, id=f"{v}-{q}", )
                 for v, q, h in SEARCHES]


@pytest.mark.parametrize("variant,query,highlighted", SEARCH_PARAMS)
def test_search_finds_pages_of_the_readers_variant(page, site, variant, query, highlighted):
    page.open(VARIANT_ROOT[variant], wait_until="load")
    results = search(page, query)
    assert results, f"no results for {query!r} in {variant}"
    hrefs = [r["href"] for r in results]
    assert all(h for h in hrefs), hrefs
    if variant == "zh-Hant":
        assert all("/zh-Hant/" in h for h in hrefs), hrefs
    else:
        assert not any("/zh-Hant/" in h for h in hrefs), hrefs
    for href in hrefs:
        assert site_file(site, href).is_file(), f"result leads nowhere: {href}"
    if highlighted:
        marks = [m for r in results for m in r["marks"]]
        assert any(query in m for m in marks), f"{query!r} not highlighted whole; marks: {marks}"
    if query == "大语言模型":
        pages = {site_file(site, h) for h in hrefs}
        assert any("大型語言模型" in p.read_text(encoding="utf-8") for p in pages), hrefs


@pytest.mark.parametrize("variant,query,spelt", [
    ("zh-Hans", "楊立昆", "杨立昆"), ("zh-Hant", "杨立昆", "楊立昆"), ("zh-Hant", "联合嵌入预测架构", "聯合嵌入預測架構"),
])
def test_a_query_in_the_other_script_highlights_the_variants_spelling(page, variant, query, spelt):
    """The page spells the query's characters as the variant does, so the
    results show the variant's own words, marked."""
    page.open(VARIANT_ROOT[variant], wait_until="load")
    results = search(page, query)
    marks = [m for r in results for m in r["marks"]]
    assert any(spelt in m for m in marks), marks


def test_each_variant_searches_only_its_own_index(page, site):
    """The same query gives the same number of results in each variant, each
    variant's results in its own folder: no merged index."""
    found = {}
    for variant in VARIANT_ROOT:
        page.open(VARIANT_ROOT[variant], wait_until="load")
        found[variant] = [urlsplit(r["href"]).path for r in search(page, "JEPA")]
    hans, hant = found["zh-Hans"], found["zh-Hant"]
    assert hans and hant
    assert not any(p.startswith("/zh-Hant/") for p in hans), hans
    assert all(p.startswith("/zh-Hant/") for p in hant), hant
    # the two lists are the same pages, one variant each
    assert len(hans) == len(hant), (hans, hant)
    assert sorted(set(hans)) == sorted({p.removeprefix("/zh-Hant") for p in hant}), (hans, hant)


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_search_says_so_when_nothing_matches(page, variant):
    """The ready index answers a query it cannot match with its 'no results' line."""
    page.open(VARIANT_ROOT[variant], wait_until="load")
    assert search_finds_nothing(page, "Zqxjvw")


# --- search in two stages (docs/assets/search-query.js) --------------------------

def _index(site: Path, variant: str, name: str) -> dict:
    return json.loads((site / VARIANT_ROOT[variant] / name).read_text(encoding="utf-8"))


def _tokens(index: dict, docs: list) -> list[set]:
    """Per entry, the words Material's worker indexes: every indexed field,
    without markup, cut at the index's separator, lower-cased."""
    separator = re.compile(index["config"]["separator"])
    return [{word.lower() for name in index["config"]["fields"] for word in separator.split(
             re.sub("<[^>]*>", " ", str(doc.get(name, ""))).replace(WIRE_SEPARATOR, SEPARATOR)) if word}
            for doc in docs]


def _found_by_segments(word: str, tokens: set) -> bool:
    """Whether Material's worker could match a query for `word`: it cuts the
    query into indexed words found in it (never the whole query), else asks
    for words beginning with the whole query."""
    pieces = {word[i:j] for i in range(len(word)) for j in range(i + 1, len(word))}
    return bool(pieces & tokens) or any(token.startswith(word) for token in tokens)


def _title_and_body_words(site: Path, variant: str) -> tuple[str, str, str]:
    """An article, a word of its title, and a word only its body has: a word
    of the whole index's entries for that article alone, which no query the
    first stage can answer reaches."""
    first, whole = _index(site, variant, INDEX), _index(site, variant, FULL_INDEX)
    first_words = set().union(*_tokens(first, first["docs"]))
    whole_words = _tokens(whole, whole["docs"])
    han = re.compile(f"^[{HAN}]{{2,}}$")
    for doc in first["docs"]:
        if not doc["location"].startswith("articles/"):
            continue
        page = doc["location"]
        title = sorted((w for w in _tokens(first, [{"title": doc["title"]}])[0] if han.match(w)), key=len, reverse=True)
        own = set().union(*(words for entry, words in zip(whole["docs"], whole_words) if entry["location"].startswith(page)))
        others = set().union(*(words for entry, words in zip(whole["docs"], whole_words) if not entry["location"].startswith(page)))
        body = sorted(w for w in own - others if han.match(w) and not _found_by_segments(w, first_words))
        if title and body:
            return page, title[0], body[0]
    raise AssertionError(f"no article in {variant} has a title word and a word only its body has")


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_search_answers_from_the_first_stage_then_fills_in_from_the_whole_index(page, site, variant):
    """A page loads only the first stage; once the reader turns to search,
    a title query is answered while the whole index is still on its way
    (held here); a query for a word only an article's body has finds nothing
    then, and lists the article once the whole index arrives, without being
    typed again."""
    article, title_word, body_word = _title_and_body_words(site, variant)
    held = []
    page.route(f"**/{FULL_INDEX}", lambda route: held.append(route))
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.open(VARIANT_ROOT[variant])  # network idle
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(search_translations(page)["search.result.placeholder"])  # the first stage is ready
    assert f"/{VARIANT_ROOT[variant]}{INDEX}" in requested and held == []  # a reader who never searches never fetches the whole

    results = search(page, title_word, whole_index=False)
    assert any(article in r["href"] for r in results), (title_word, [r["href"] for r in results])
    assert [urlsplit(route.request.url).path for route in held] == [f"/{VARIANT_ROOT[variant]}{FULL_INDEX}"]
    assert page.locator("html").get_attribute("data-search-index") is None

    box = page.locator("input.md-search__input")
    box.fill(body_word)
    box.press("End")
    expect(meta).to_have_text(search_translations(page)["search.result.none"])
    held[0].continue_()
    expect(page.locator("html")).to_have_attribute("data-search-index", "complete")
    expect(page.locator(f".md-search-result__item a[href*='{article}']").first).to_be_visible()
    expect(page.locator("input.md-search__input")).to_have_value(body_word)


# --- language switcher ----------------------------------------------------------

def switch_language(page, name: str) -> None:
    selector = page.locator(".md-header__option .md-select")
    selector.hover()
    link = selector.locator("a.md-select__link", has_text=name)
    expect(link).to_be_visible()
    with page.expect_navigation():
        link.click()


def test_switcher_goes_to_same_article_in_other_variant(page, server):
    page.open(f"articles/{ARTICLE}/", wait_until="load")
    switch_language(page, "繁體中文")
    assert page.url == f"{server}zh-Hant/articles/{ARTICLE}/"
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    switch_language(page, "简体中文")
    assert page.url == f"{server}articles/{ARTICLE}/"
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")


def test_switcher_keeps_glossary_fragment(page, server):
    page.open("glossary/#jepa", wait_until="load")
    switch_language(page, "繁體中文")
    page.wait_for_load_state("load")
    assert page.url == f"{server}zh-Hant/glossary/#jepa"
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    expect(page.locator("[id='jepa']")).to_be_in_viewport()


def test_switcher_goes_to_the_same_month(page, server):
    page.open(MONTH, wait_until="load")
    switch_language(page, "繁體中文")
    assert page.url == f"{server}zh-Hant/{MONTH}"
    expect(page.locator("article h1")).to_have_text(re.compile("2025年12月"))


# --- browsing: month pages, an article's way back and its neighbours ------------------

@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_an_article_leads_to_its_month_and_its_month_back_to_it(page, server, variant):
    root = server + VARIANT_ROOT[variant]
    page.open(VARIANT_ROOT[variant] + f"articles/{DATED}/", wait_until="load")
    with page.expect_navigation():
        page.locator(".article-groups a").first.click()
    assert page.url == root + MONTH
    # the sidebar shows where the reader is: the month, inside its open section
    expect(page.locator(".md-sidebar--primary .md-nav__link--active")).to_contain_text("2025年12月")
    with page.expect_navigation():
        page.locator(f"article a[href$='articles/{DATED}/']").click()
    assert page.url == root + f"articles/{DATED}/"


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_previous_and_next_lead_to_neighbouring_articles(page, server, variant):
    page.open(VARIANT_ROOT[variant] + f"articles/{ARTICLE}/", wait_until="load")
    neighbours = page.get_by_role("navigation", name=neighbours_label(variant))
    older = neighbours.locator("a[rel=prev]")
    expect(older).to_be_visible()
    title = older.inner_text().split("：", 1)[1]
    with page.expect_navigation():
        older.click()
    assert page.url.startswith(server + VARIANT_ROOT[variant] + "articles/") and ARTICLE not in page.url
    expect(page.locator("article h1")).to_contain_text(title)
    with page.expect_navigation():
        page.get_by_role("navigation", name=neighbours_label(variant)).locator("a[rel=next]").click()
    assert page.url == server + VARIANT_ROOT[variant] + f"articles/{ARTICLE}/"


def neighbours_label(variant: str) -> str:
    return "相鄰的文章" if variant == "zh-Hant" else "相邻的文章"


# --- glossary tooltips ------------------------------------------------------------

def test_glossary_link_tooltip_and_target(page, server):
    page.open(f"articles/{ARTICLE}/", wait_until="load")
    link = page.locator('article a[href*="glossary/world-model/"][title]').first
    definition = link.get_attribute("title")
    assert definition and "世界" in definition
    link = page.locator(f"#{link.get_attribute('id')}")  # hovering moves the title away
    link.scroll_into_view_if_needed()
    link.hover()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_attribute("role", "tooltip")
    expect(tooltip).to_contain_text(definition)
    with page.expect_navigation():
        link.click()
    assert page.url == f"{server}glossary/world-model/"
    expect(page.locator("article h1")).to_contain_text("世界模型")


# --- term pages -----------------------------------------------------------------------

def test_term_page_switcher_leads_to_the_same_term(page, server):
    page.open("glossary/llm/", wait_until="load")
    switch_language(page, "繁體中文")
    assert page.url == f"{server}zh-Hant/glossary/llm/"
    expect(page.locator("article h1")).to_contain_text("大型語言模型")


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_concordance_line_lands_on_the_mention(page, server, variant):
    page.open(VARIANT_ROOT[variant] + "glossary/world-model/", wait_until="load")
    line = page.locator("article li:has(mark)").first
    expect(line).to_be_visible()
    marked = line.locator("mark").inner_text()
    with page.expect_navigation():
        line.locator("a").click()
    assert page.url.startswith(server + VARIANT_ROOT[variant] + "articles/") and page.url.endswith("#mention-world-model")
    mention = page.locator("[id='mention-world-model']")
    expect(mention).to_be_in_viewport()
    expect(mention).to_have_text(marked)


@pytest.mark.parametrize("variant,query,term", [
    ("zh-Hans", "JEPA", "jepa"), ("zh-Hans", "世界模型", "world-model"),
    ("zh-Hant", "大型語言模型", "llm"), ("zh-Hant", "World Model", "world-model"),
])
def test_search_lists_the_term_page_first(page, variant, query, term):
    page.open(VARIANT_ROOT[variant], wait_until="load")
    results = search(page, query)
    first = urlsplit(results[0]["href"]).path
    assert first.endswith(f"glossary/{term}/"), [r["href"] for r in results]


# --- no console errors, no outside requests -------------------------------------------

@pytest.mark.parametrize("variant,path", VARIANT_PAGES, ids=[f"{v}-{_id(p)}" for v, p in VARIANT_PAGES])
def test_page_loads_clean_and_offline(page, variant, path):
    response = page.open(VARIANT_ROOT[variant] + path)
    assert response and response.ok, response and response.status
    expect(page.locator("html")).to_have_attribute("lang", variant)
    # open() waited for network idle: deferred scripts and their requests have run
    assert page.log.problems() == {}


# --- accessibility ------------------------------------------------------------------

AXE_PAGES = [(variant, path) for variant in VARIANT_ROOT for path in ("", f"articles/{ARTICLE}/", "glossary/", "glossary/jepa/", MONTH)]


@pytest.mark.parametrize("variant,path", AXE_PAGES, ids=[f"{v}-{_id(p)}" for v, p in AXE_PAGES])
def test_no_serious_accessibility_violations(page, variant, path):
    from axe_playwright_python.sync_playwright import Axe
    page.open(VARIANT_ROOT[variant] + path, wait_until="load")
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    report = "\n".join(
        f"[{v['impact']}] {v['id']}: {v['help']}\n" + "\n".join(f"    {n['target']}: {n.get('failureSummary', '')}"
                                                                 for n in v["nodes"][:5])
        for v in serious)
    print(report)
    assert not serious, report


# --- screenshots ----------------------------------------------------------------------

@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_article_screenshot(page, variant):
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{variant}-{ARTICLE}.png"
    target.unlink(missing_ok=True)
    page.open(VARIANT_ROOT[variant] + f"articles/{ARTICLE}/", wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.screenshot(path=str(target), full_page=True)
    assert target.is_file()
    assert target.stat().st_size > 50_000, target.stat().st_size


# --- palette --------------------------------------------------------------------------

@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_palette_toggles_light_and_dark(page, variant):
    page.open(VARIANT_ROOT[variant], wait_until="load")
    body = page.locator("body")
    toggle = page.locator("form[data-md-component=palette] label:visible")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    expect(toggle).to_have_count(1)
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    toggle = page.locator("form[data-md-component=palette] label:visible")
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != background


# --- keyboard focus -------------------------------------------------------------------

FOCUS_STATE = """() => {
  const ring = el => { const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; };
  const e = document.activeElement, r = e.getBoundingClientRect();
  const drawn = r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  let shown = drawn && ring(e);
  if (!drawn && e.matches('[data-md-component=palette] .md-option')) {
    // a palette radio is never drawn: its visible icon carries the ring
    const icon = [...e.form.querySelectorAll('label')].find(l => l.getBoundingClientRect().width > 0);
    shown = !!icon && ring(icon);
  }
  return {name: (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 24),
          inHeader: !!e.closest('.md-header'), shown};
}"""


@pytest.mark.parametrize("variant,scheme", [("zh-Hans", "light"), ("zh-Hant", "dark")])
def test_every_header_focus_stop_shows_a_ring(page, variant, scheme):
    page.emulate_media(color_scheme=scheme)
    page.open(VARIANT_ROOT[variant] + f"articles/{ARTICLE}/", wait_until="load")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    stops = []
    for _ in range(12):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS_STATE))
        if len(stops) > 2 and not stops[-1]["inHeader"]:
            break  # past the header, into the page
    header = [stop for stop in stops if stop["inHeader"]]
    assert len(header) >= 5, stops  # logo, palette, language, its two items, search
    assert all(stop["shown"] for stop in stops), [s for s in stops if not s["shown"]]


# --- the search dialog's contrast -------------------------------------------------------

@pytest.mark.parametrize("variant,scheme", [("zh-Hans", "light"), ("zh-Hans", "dark"), ("zh-Hant", "light"), ("zh-Hant", "dark")])
def test_search_dialog_with_results_meets_contrast(page, variant, scheme):
    from axe_playwright_python.sync_playwright import Axe
    page.emulate_media(color_scheme=scheme)
    page.open(VARIANT_ROOT[variant], wait_until="load")
    results = search(page, "JEPA")
    assert results and any(r["marks"] for r in results)
    checked = Axe().run(page, context=".md-search", options={"runOnly": ["color-contrast"]})
    violations = checked.response["violations"]
    assert not violations, [(n["target"], n.get("failureSummary")) for v in violations for n in v["nodes"]]
    assert checked.response["passes"], "axe found no text to check in the dialog"


# --- print ----------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_article_prints_alone(page, variant):
    page.open(VARIANT_ROOT[variant] + f"articles/{ARTICLE}/", wait_until="load")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    external = page.locator('article a[href^="http"]').first
    shown = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert external.get_attribute("href") in shown, shown
    term = page.locator('article a[href*="glossary"]').first
    colours = term.evaluate("a => [getComputedStyle(a).color, getComputedStyle(a.closest('p')).color, getComputedStyle(a).textDecorationLine]")
    assert colours[0] == colours[1] and colours[2] == "none", colours
