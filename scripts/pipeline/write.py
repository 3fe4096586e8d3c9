"""Write: every page of both variants is rendered in memory first, then synced
into docs/<variant>/ only if all of it rendered. Unchanged files are not
touched, so `mkdocs serve` does not rebuild in a loop."""
from __future__ import annotations

import copy
import functools
import re
from pathlib import Path

from . import render
from .article import HANS, HANT, VARIANTS, Article
from .config import load_data
from .files import write_atomic
from .glossary import load_glossary, split_quoted
from .text import HAN_CHARACTER, is_web_url
from .variants import convert_inlines, converter

GLOSSARY_PAGE = "glossary.md"
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")


def article_path(article: Article) -> str:
    return f"articles/{article.slug}.md"


@functools.lru_cache(maxsize=None)  # one per variant: every glossary text of every build goes through it
def variant_text(variant: str):
    """zh-Hans is the glossary's own script; zh-Hant is converted from it.
    A quoted source form (glossary.split_quoted) keeps its words, in the
    variant's quotation marks."""
    opening, closing = load_data("variants.yml")["quotes"][variant]
    target = converter(HANT)

    @functools.lru_cache(maxsize=None)
    def convert(text: str) -> str:
        return "".join(
            opening + part + closing if quoted else part if variant == HANS else target.punctuate(target.convert(part))
            for part, quoted in split_quoted(text)
        )
    return convert


@functools.lru_cache(maxsize=None)  # the glossary's texts are the same for every term page of every build
def glossary_markdown(text: str, variant: str) -> str:
    """Glossary prose as Markdown: in zh-Hant, words conversion changed are
    marked like an article's; quoted source forms are never converted."""
    opening, closing = load_data("variants.yml")["quotes"][variant]
    out = []
    for part, quoted in split_quoted(text):
        if quoted:
            out.append(render.escape(opening + part + closing))
        elif variant == HANS:
            out.append(render.escape(part))
        else:
            target = converter(HANT)
            nodes = convert_inlines(target.convert_marked(part), target.punctuate)
            out.append(render.inlines(nodes, "", {}))
    return "".join(out)


@functools.lru_cache(maxsize=None)  # the glossary is loaded once too; every article shares it
def definitions(variant: str) -> dict:
    convert = variant_text(variant)
    return {term.id: convert(term.definition) for term in load_glossary()}


def reading_minutes(blocks: list) -> int:
    """Minutes a reader needs at a Chinese reading pace: Han characters and
    Latin words count alike."""
    text = "".join(block.text for block in blocks)
    units = len(HAN_CHARACTER.findall(text)) + len(_LATIN_WORD.findall(text))
    return max(1, round(units / load_data("site.yml")["reading"]["units_per_minute"]))


def _byline(meta: dict, strings: dict, minutes: int | None = None) -> str:
    parts = [render.escape(meta.get("outlet") or strings["outlet_unknown"])]
    if meta.get("author"):
        parts.append(render.escape(meta["author"]))
    parts.append(meta.get("date") or strings["date_unknown"])
    if minutes:
        parts.append(strings["reading_time"].format(minutes=minutes))
    if meta.get("source_name") and meta.get("source_name") != meta.get("outlet"):
        name = meta["source_name"]
        parts.append(strings["based_on"] + (" " if name[:1].isascii() else "") + render.escape(name))
    if meta.get("also_published_by"):
        parts.append(strings["also_published_by"] + "、".join(render.escape(name) for name in meta["also_published_by"]))
    if is_web_url(meta.get("source_url")):
        parts.append(f"[{strings['source_link']}](<{meta['source_url']}>)")
    return " · ".join(parts) + "\n{ .article-byline }"


def article_page(article: Article, variant: str) -> str:
    """An article's page in a variant. Both pages are rendered when the seed
    is built and kept with it in the cache (keep_pages), so a rebuild renders
    one again only when what it shows changed since (a duplicate credited on
    its byline)."""
    kept = article.pages.get(variant)
    if kept is not None and kept[0] == _shown(article, variant):
        return kept[1]
    return _article_page(article, variant)


def _shown(article: Article, variant: str) -> tuple:
    """What a kept page depends on that can change after its seed was built
    (the blocks, code and data cannot: a change to them rebuilds the article)."""
    return article.variant_meta[variant], article.script, article.region


def keep_pages(article: Article, rendered: dict[str, str]) -> None:
    """Keep the article's pages: those given (variant -> Markdown, already
    rendered: the one the conservation check read) and the others rendered now."""
    for variant in VARIANTS:
        page = rendered.get(variant)
        if page is None:
            page = _article_page(article, variant)
        article.pages[variant] = (copy.deepcopy(_shown(article, variant)), page)


def _article_page(article: Article, variant: str) -> str:
    strings = load_data("site.yml")[variant]
    meta = article.variant_meta[variant]
    names = strings["script_name"]
    # the original's own name: a Hong Kong original is not written in Taiwan's usage
    original = strings["script_name_hk"] if article.script == HANT and article.region == "HK" else names[article.script]
    if variant == article.script:
        note = strings["original_note"].format(script=original)
    else:
        note = strings["converted_note"].format(script=original, variant_script=names[variant])
    fields = {
        "title": meta["title"],
        "description": meta.get("description") or _summary(article.variants[variant]),
        "source_script": article.script,
        "converted": variant != article.script,
        # who published it and when: the share card and article:* tags say so
        **{key: meta[key] for key in ("outlet", "date") if meta.get(key)},
    }
    body = render.blocks(article.variants[variant], strings, "../glossary/{id}.md", definitions(variant))
    return (
        render.front_matter(fields)
        + "# " + render.escape(meta["title"]) + "\n\n"
        + _byline(meta, strings, reading_minutes(article.variants[variant])) + "\n\n"
        + f'!!! note "{strings["note_title"]}"\n\n    {render.escape(note)}\n\n'
        + (original_toggle(strings) if 'class="converted"' in body else "")
        + body
    )


def original_toggle(strings: dict) -> str:
    """The button that shows every original wording inline; hidden until the
    script that drives it runs (docs/assets/show-original.js)."""
    return (
        f'<button type="button" class="original-toggle" aria-pressed="false" hidden '
        f'data-label="{render.attribute(strings["original_label"])}">{render.escape(strings["show_originals"])}</button>\n\n'
    )


def _summary(blocks: list, limit: int = 110) -> str:
    parts: list[str] = []
    for block in blocks:
        if block.kind == "paragraph":
            parts.append(block.text)
            if sum(map(len, parts)) >= limit:
                break
    return clip("".join(parts).strip(), limit)


def clip(text: str, limit: int) -> str:
    """The text cut to at most limit characters: at the last sentence end
    within it, else at the last clause end (marked ……), else hard."""
    if len(text) <= limit:
        return text
    for marks in ("。！？!?", "；;，,、：:"):
        end = max(text.rfind(mark, 0, limit) for mark in marks)
        if end >= limit // 3:
            return text[: end + 1] if marks[0] == "。" else text[:end] + "……"
    return text[:limit] + "……"


def newest_first(articles: list[Article]) -> list[Article]:
    """Articles by date, newest first; undated ones last."""
    return sorted(articles, key=lambda a: (a.meta.get("date") or "", a.slug), reverse=True)


def not_found_page(variant: str) -> str:
    strings = load_data("site.yml")[variant]
    return (
        render.front_matter({"title": strings["not_found_title"], "search": {"exclude": True}})
        + f"# {strings['not_found_title']}\n\n{strings['not_found_text']}\n\n[{strings['back_home']}](index.md)\n"
    )


def pages(articles: list[Article], footers: dict[str, str] | None = None) -> dict[str, str]:
    """Every article page and the 404 pages, keyed by their paths under docs/;
    `footers` (path -> Markdown) ends an article page with what surrounds it
    on the site (navigation.py)."""
    footers = footers or {}
    out = {}
    for variant in VARIANTS:
        out[f"{variant}/404.md"] = not_found_page(variant)
        for article in articles:
            path = f"{variant}/{article_path(article)}"
            out[path] = article_page(article, variant) + footers.get(path, "")
    return out


def sync(files: dict[str, str], root: Path, managed: tuple[str, ...]) -> list[str]:
    """Make the managed folders under root hold exactly `files` (path -> text).
    Each file is written aside and renamed into place; stale files go last.
    Returns the paths that changed."""
    root = Path(root)
    changed = []
    for relative, text in sorted(files.items()):
        if write_atomic(root / relative, text, if_changed=True):
            changed.append(relative)
    wanted = {Path(relative) for relative in files}
    for folder in managed:
        base = root / folder
        if not base.exists():
            continue
        for path in sorted(base.rglob("*"), reverse=True):
            relative = path.relative_to(root)
            if path.is_file() and relative not in wanted:
                path.unlink()
                changed.append(str(relative))
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed
