"""Publish: finishing touches to the site MkDocs built, run once after every
variant is built. Each variant gets its own search index, a 404 page that
works at any depth, and robots.txt; 404 pages leave the sitemap.

A query in either script finds a variant's pages: the page spells the query's
characters as the variant does (docs/assets/search-query.js, with the map the
index carries), and the index keeps the other script's spelling only of the
words that character mapping cannot reach (大语言模型 for 大型語言模型).

Search comes in two stages, so a first result never waits for the whole
index: search/search_index.json, the file Material fetches, holds one entry
per page (title, section headings, opening characters); the page's script
fetches the whole index (FULL_INDEX) once the reader turns to search and
hands it to a worker that takes over when it is ready.
The offline bundle's search/search_index.js holds the whole index at once:
from file:// there is nothing to wait for."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .article import HANS, HANT, VARIANTS
from .config import load_data
from .files import write_atomic
from .variants import DIRECTION, characters, converter
from .text import HAN, HAN_CHARACTER

NOT_FOUND = "404"
SEPARATOR = "\u200b"  # what Material's search puts between the words jieba cut
# The index carries each U+200B as this one byte (U+200B is three in UTF-8);
# docs/assets/search-query.js puts U+200B back before the worker reads it.
WIRE_SEPARATOR = "\x7f"
_TAG = re.compile(r"<[^>]+>")
_HAN_TOKEN = re.compile(f"[{HAN}]{{2,}}")
_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
# A quoted piece: a sentence, or the text between two tags (a list item, a cell)
_PIECE = re.compile(r"<[^>]*>|[^<。！？!?]+[。！？!?]*|[。！？!?]+|<")
_NOT_KEY = re.compile(r"[\s\u200b—–-]+")
_EMPTY_BLOCK = re.compile(r"<(li|p|td|th)>\s*</\1>")
_MIN_QUOTE = 4  # characters: shorter pieces are too common to call a quotation
ARTICLES = "articles/"  # the folder of write.article_path, in every variant
INDEX = "search/search_index.json"  # what Material fetches, relative to the page's base: the first stage
FULL_INDEX = "search/search_index.full.json"  # the whole index, fetched by docs/assets/search-query.js
_HEADINGS = "headings"  # the first stage's field of section headings: indexed, never shown
_SENTENCE_PIECE = re.compile(r"[^。！？!?]+[。！？!?”」』）)]*|[。！？!?]+")


def variant_folder(variant: str) -> str:
    """Where a variant lives in the site: zh-Hans at the root, others in a folder."""
    return "" if variant == HANS else f"{variant}/"


def split_search_index(site_dir: Path) -> dict[str, int]:
    """One index per variant, each under its own folder, locations relative
    to it, in two stages (the first at INDEX, the whole at FULL_INDEX).
    Returns the number of entries of each variant's whole index."""
    merged_path = site_dir / INDEX
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    by_variant: dict[str, list] = {variant: [] for variant in VARIANTS}
    for doc in merged["docs"]:
        variant = next((v for v in VARIANTS if v != HANS and doc["location"].startswith(variant_folder(v))), HANS)
        if variant != HANS:
            doc = dict(doc, location=doc["location"][len(variant_folder(variant)):])
        by_variant[variant].append(doc)
    inline_script = (site_dir / "search" / "search_index.js").exists()
    counts = {}
    separators = re.compile(merged["config"]["separator"])
    for variant, docs in by_variant.items():
        _drop_quotations(docs)
        for doc in docs:
            for field in ("title", "text"):
                if field in doc:
                    doc[field] = _needed_separators(doc[field], separators)
        mapping = query_map(docs, variant)
        _add_other_script(docs, variant, mapping)
        config = dict(merged["config"], fields=dict(merged["config"]["fields"], alt={"boost": 0.5}),
                      query_map="".join(source + target for source, target in sorted(mapping.items())),
                      wire_separator=WIRE_SEPARATOR)
        first = first_stage(docs, separators, variant)
        _add_other_script(first, variant, mapping)
        first_config = dict(config, full_index=FULL_INDEX,
                            fields=dict(config["fields"], **{_HEADINGS: {"boost": _settings()["headings_boost"]}}))
        folder = site_dir / variant_folder(variant)
        data = _serialised(config, docs)
        write_atomic(folder / FULL_INDEX, data)
        write_atomic(folder / INDEX, _serialised(first_config, first))
        if inline_script:  # the offline bundle reads the whole index from a script at once
            write_atomic(folder / "search" / "search_index.js", f"var __index = {data}")
        counts[variant] = len(docs)
    return counts


def _settings() -> dict:
    return load_data("site.yml")["search"]


def first_stage(docs: list, separators: re.Pattern, variant: str) -> list:
    """One entry per page: its title, its sections' headings and its lead
    (the opening characters of its own text, to the next sentence end, past
    the site's own note on an article's script). A query for a page's name
    or subject finds it before the whole index arrives."""
    site_words = _site_words(variant)
    pages: dict[str, dict] = {}
    for doc in docs:
        page, _, section = doc["location"].partition("#")
        if not section:
            entry = {key: value for key, value in doc.items() if key not in ("text", "alt")}
            pages[page] = dict(entry, text=lead(doc.get("text", ""), _settings()["lead_chars"], separators, site_words))
        elif page in pages and doc.get("title"):
            headings = pages[page].get(_HEADINGS)
            pages[page][_HEADINGS] = f"{headings} {doc['title']}" if headings else doc["title"]
    return list(pages.values())


def _site_words(variant: str) -> re.Pattern:
    """The site's own words atop an article (scripts/data/site.yml): its note
    on the script, whatever script names it holds, the note's button, a
    video's link (after its symbol)."""
    strings = load_data("site.yml")[variant]
    templates = (strings[key] for key in ("note_title", "original_note", "converted_note", "show_originals", "video_label"))
    return re.compile(r"\W*(?:" + "|".join(re.sub(r"\\\{\w+\\\}", ".+?", re.escape(template)) for template in templates) + ")")


def lead(text: str, chars: int, separators: re.Pattern, skipped: re.Pattern | None = None) -> str:
    """The first sentences of an entry's text, without markup, until they hold
    `chars` characters (word separators not counted), leaving out blocks
    `skipped` matches whole; its blocks joined by a space, which the worker
    splits words at as it does at a tag."""
    kept, count = [], 0
    for block in _TAG.split(text):
        if skipped and skipped.fullmatch(block.strip().replace(SEPARATOR, "")):
            continue
        sentences = []
        for sentence in _SENTENCE_PIECE.findall(block.strip()):
            if count >= chars:
                break
            sentences.append(sentence)
            count += len(separators.sub("", sentence))
        if sentences:
            kept.append("".join(sentences).strip())
        if count >= chars:
            break
    return " ".join(kept)


def _serialised(config: dict, docs: list) -> str:
    return json.dumps({"config": config, "docs": [_on_the_wire(doc) for doc in docs]},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _on_the_wire(doc: dict) -> dict:
    return {key: value.replace(WIRE_SEPARATOR, "").replace(SEPARATOR, WIRE_SEPARATOR) if isinstance(value, str) else value
            for key, value in doc.items()}


def _needed_separators(value: str, separators: re.Pattern) -> str:
    """Material puts U+200B around every run of Han characters as well as
    between its words; where punctuation, a space or a tag already ends the
    word, the worker splits there anyway, and the U+200B is only bytes.
    The words the worker reads stay the same."""
    def run(match: re.Match) -> str:
        others = match.group(0).replace(SEPARATOR, "")
        if others:
            return others
        start, end = match.span()
        at_edge = start == 0 or end == len(value) or value[start - 1] == ">" or value[end] == "<"
        return "" if at_edge else SEPARATOR
    return separators.sub(run, value)


def _plain(value: str) -> str:
    return _TAG.sub(" ", value).replace(SEPARATOR, "")


def _quote_key(piece: str) -> str:
    return _NOT_KEY.sub("", _plain(piece))


def _is_article(doc: dict) -> bool:
    return doc["location"].startswith(ARTICLES)


def _drop_quotations(docs: list) -> None:
    """Text a page quotes from an article (a term's concordance, a list of
    opening sentences) leaves that page's entries: the article itself is
    found by it, and the index carries it once."""
    quoted = {
        key for doc in docs if _is_article(doc) for field in ("title", "text")
        for key in map(_quote_key, _PIECE.findall(doc.get(field, ""))) if len(key) >= _MIN_QUOTE
    }
    for doc in docs:
        if _is_article(doc) or not doc.get("text"):
            continue
        kept = "".join(piece for piece in _PIECE.findall(doc["text"]) if _quote_key(piece) not in quoted)
        doc["text"] = _EMPTY_BLOCK.sub("", kept).strip()


def query_map(docs: list, variant: str) -> dict[str, str]:
    """Characters a query may hold that the variant writes otherwise (楊 -> 杨
    on a zh-Hans page), one character each: only characters the variant's
    articles never use, mapped to characters they do, so a query in the
    articles' own spelling never changes. (Other pages may quote the other
    script, as a glossary note on each article's wording does.)"""
    articles = [doc for doc in docs if _is_article(doc)] or docs
    own = set(HAN_CHARACTER.findall(" ".join(doc.get(field, "") for doc in articles for field in ("title", "text"))))
    candidates = "".join(chr(code) for start, stop in _HAN_RANGES for code in range(start, stop))
    mapped = characters(DIRECTION[variant]).convert(candidates)
    if len(mapped) != len(candidates):  # a one-character-at-a-time map keeps the length
        raise ValueError(f"character conversion to {variant} changed the text's length")
    return {source: target for source, target in zip(candidates, mapped)
            if source != target and source not in own and target in own}


def _add_other_script(docs: list, variant: str, mapping: dict[str, str]) -> None:
    """Each entry gets an `alt` field: the words a query for one of its
    words becomes after the character mapping (query_map), where that is not
    the word itself: the other script's spelling (大語言模型 for 大型語言模型)
    and, for a word quoting the other script, its own. Indexed, never shown."""
    other = HANT if variant == HANS else HANS
    words_of = [_HAN_TOKEN.findall(_TAG.sub(" ", " ".join(doc.get(field, "") for field in ("title", "text", _HEADINGS))).replace(SEPARATOR, " "))
                for doc in docs]
    tokens = sorted({token for words in words_of for token in words})
    if not tokens:
        return
    spelt = str.maketrans(mapping)
    converted = dict(zip(tokens, converter(other).convert("\n".join(tokens)).translate(spelt).split("\n")))
    for doc, words in zip(docs, words_of):
        own = set(words)
        alt = dict.fromkeys(query for word in words for query in (converted[word], word.translate(spelt)) if query not in own)
        if alt:
            doc["alt"] = SEPARATOR.join(alt)


def not_found_pages(site_dir: Path, site_url: str) -> None:
    """Each variant's 404 page, rendered by MkDocs at <variant>/404/index.html
    with relative links, becomes <variant>/404.html with links from the site
    root, so the host can serve it for a missing page at any depth."""
    root_path = urlsplit(site_url or "/").path or "/"
    root_path = root_path if root_path.endswith("/") else root_path + "/"
    for variant in VARIANTS:
        source = site_dir / variant_folder(variant) / NOT_FOUND / "index.html"
        if not source.is_file():
            continue
        page_url = root_path + variant_folder(variant) + NOT_FOUND + "/"
        html = source.read_text(encoding="utf-8")

        def absolute(match: re.Match) -> str:
            url = match.group(2)
            if re.match(r"^([a-z][a-z0-9+.-]*:|/|#)", url, re.IGNORECASE):
                return match.group(0)
            return f'{match.group(1)}="{urljoin(page_url, url)}"'

        html = re.sub(r'\b(href|src)="([^"]*)"', absolute, html)
        # the page lives at 404.html: the language switcher, canonical and og:url say so
        html = re.sub(f'(="[^"]*/){NOT_FOUND}/"', f'\\g<1>{NOT_FOUND}.html"', html)
        html = html.replace('new URL("..",location)', f'new URL("{root_path}",location)')
        html = re.sub(r'("base":\s*)"([^"]*)"', lambda m: m.group(1) + json.dumps(urljoin(page_url, m.group(2).rstrip("/") + "/")), html)
        write_atomic(site_dir / variant_folder(variant) / "404.html", html)
        source.unlink()
        source.parent.rmdir()


_URL_ENTRY = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.DOTALL)


def prune_sitemap(site_dir: Path) -> None:
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file():
        text = sitemap.read_text(encoding="utf-8")
        text = _URL_ENTRY.sub(lambda m: "" if re.search(r"/404(?:/|\.html)$", m.group(1)) else m.group(0), text)
        write_atomic(sitemap, text)
        _gzip(sitemap)


def variant_sitemaps(site_dir: Path, site_url: str) -> None:
    """A sitemap in each variant's folder listing that folder's pages: Material
    looks for sitemap.xml beside every <link rel="alternate"> (the variant's
    feed), and a sitemap may list only the pages under its own folder."""
    root = site_dir / "sitemap.xml"
    if not root.is_file() or not site_url:
        return
    text = root.read_text(encoding="utf-8")
    base = site_url if site_url.endswith("/") else site_url + "/"
    for variant in VARIANTS:
        if variant == HANS:
            continue
        prefix = base + variant_folder(variant)
        own = _URL_ENTRY.sub(lambda m: m.group(0) if m.group(1).startswith(prefix) else "", text)
        write_atomic(site_dir / variant_folder(variant) / "sitemap.xml", own)


def _gzip(path: Path) -> None:
    import gzip
    gz = path.with_suffix(path.suffix + ".gz")
    if gz.exists():
        with gzip.GzipFile(gz, "wb", mtime=0) as stream:
            stream.write(path.read_bytes())


def robots(site_dir: Path, site_url: str) -> None:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {urljoin(site_url if site_url.endswith('/') else site_url + '/', 'sitemap.xml')}")
    write_atomic(site_dir / "robots.txt", "\n".join(lines) + "\n")


def publish(site_dir: Path, site_url: str) -> dict:
    site_dir = Path(site_dir)
    counts = split_search_index(site_dir) if (site_dir / INDEX).exists() else {}
    not_found_pages(site_dir, site_url)
    prune_sitemap(site_dir)
    variant_sitemaps(site_dir, site_url)
    robots(site_dir, site_url)
    return counts
