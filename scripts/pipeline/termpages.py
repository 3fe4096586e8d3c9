"""Term pages: every glossary term on a page of its own in each variant
(glossary/<id>/), with the article sentences that mention it (paged like
the month and outlet pages, more to a page: glossary/<id>/2/ onwards), and the
glossary page as the index of them all, grouped by the English name's
initial so both scripts share one order."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from . import navigation, render
from .article import VARIANTS, Article, Block, Converted, Link, Strong, TermLink, Text, inline_text
from .config import load_data
from .glossary import Term, load_glossary
from .write import GLOSSARY_PAGE, glossary_markdown, newest_first, original_toggle, variant_text
from .text import is_web_url, sentence_spans


def term_path(term_id: str) -> str:
    return f"glossary/{term_id}.md"


@dataclass
class Mention:
    article: Article
    before: str
    surface: str
    after: str


def _flatten(nodes: list) -> list:
    """Inline nodes in reading order, Strong and Link opened up."""
    out = []
    for node in nodes:
        if isinstance(node, (Strong, Link)):
            out.extend(_flatten(node.children))
        else:
            out.append(node)
    return out


def _sentence_around(nodes: list, term_id: str) -> tuple[str, str, str] | None:
    flat = [n for n in _flatten(nodes) if isinstance(n, (Text, TermLink, Converted))]
    text = inline_text(nodes)  # the same words, in the same order, as flat
    offset = 0
    for node in flat:
        if isinstance(node, TermLink) and node.term_id == term_id:
            end = offset + len(node.text)
            start, stop = next((a, b) for a, b in sentence_spans(text) if a <= offset < b)
            return text[start:offset].lstrip(), node.text, text[end:stop]
        offset += len(node.text)
    return None


def first_mentions(article: Article, variant: str) -> dict[str, tuple[str, str, str]]:
    """term id -> (before, surface, after): the sentence of each linked
    term's first mention (the one its page anchors as #mention-<id>)."""
    def find() -> dict[str, tuple[str, str, str]]:
        found: dict[str, tuple[str, str, str]] = {}
        wanted = article.meta.get("terms", [])
        for block in article.variants[variant]:
            for nodes in [block.inlines, *block.items]:
                for term_id in {node.term_id for node in _flatten(nodes) if isinstance(node, TermLink)}:
                    if term_id in wanted and term_id not in found:
                        found[term_id] = _sentence_around(nodes, term_id)
        return found
    return article.derive(("mentions", variant), find)


def mentions(articles: list[Article], term_id: str, variant: str) -> list[Mention]:
    """The sentence of each article's first mention, newest article first."""
    found = []
    for article in newest_first(articles):
        sentence = first_mentions(article, variant).get(term_id)
        if sentence:
            found.append(Mention(article, *sentence))
    return found


def _facts(term: Term, variant: str, strings: dict) -> list[str]:
    facts = []
    if term.english:
        facts.append(f"**{strings['english']}**：{render.escape(term.english)}")
    return ["  \n".join(facts + [f"**{glossary_markdown(term.definition, variant)}**"]) + "\n"]


def term_pages(term: Term, articles: list[Article], variant: str, headwords: dict) -> list[str]:
    """The term's page, then, when more articles mention it than a page
    lists, its further pages of mentions (glossary/<id>/<n>/)."""
    strings = load_data("site.yml")[variant]
    title = _title(term, headwords[term.id])
    out = list(_term_head(term.id, variant, headwords[term.id]))
    found = navigation.paged(mentions(articles, term.id, variant), navigation.settings()["mentions_page_size"])
    out += _concordance(found, 1, term.id, variant, strings)
    if not found[0]:
        out.append(strings["not_mentioned"] + "\n")
    if term.related:
        related = "、".join(f"[{render.escape(headwords[r])}]({r}.md)" for r in term.related)
        out.append(f"**{strings['related']}**：{related}\n")
    if term.references:
        refs = "、".join(
            f"[{render.escape(ref['title'])}](<{ref['url']}>)" for ref in term.references if is_web_url(ref.get("url"))
        )
        out.append(f"**{strings['references']}**：{refs}\n")
    out.append(f"[{strings['all_terms']}](../{GLOSSARY_PAGE}#{term.id})\n")
    further = []
    for number in range(2, len(found) + 1):
        # the mentions only: searching finds the term by its first page
        heading = strings["page_title"].format(name=title, page=number)
        further.append(_with_toggle([
            render.front_matter({"title": heading, "description": variant_text(variant)(term.definition), "search": {"exclude": True}}),
            f"# {render.escape(heading)}\n",
            f"## {strings['in_articles']}\n",
            *_concordance(found, number, term.id, variant, strings),
            f"[{render.escape(title)}](../{term.id}.md) · [{strings['all_terms']}](../../{GLOSSARY_PAGE}#{term.id})\n",
        ], strings))
    return [_with_toggle(out, strings), *further]


def _concordance(pages: list[list[Mention]], number: int, term_id: str, variant: str, strings: dict) -> list[str]:
    """Page `number` of the mentions: each sentence, the term marked, and the
    article it leads to; the links to the other pages when there are more."""
    root = "../" * term_path(term_id).count("/") + ("../" if number > 1 else "")
    out = []
    for mention in pages[number - 1]:
        title = render.escape(mention.article.variant_meta[variant]["title"])
        link = f"{root}articles/{mention.article.slug}.md#mention-{term_id}"
        sentence = f"{render.escape(mention.before)}<mark>{render.escape(mention.surface)}</mark>{render.escape(mention.after)}"
        out.append(f"- {render.escape_line_start(sentence)}  \n  —— [{title}]({link})")
    if out:
        out.append("")
    if len(pages) > 1:
        out.append(navigation.pagination(term_path(term_id), number, len(pages), strings))
    return out


def _title(term: Term, headword: str) -> str:
    # the English name in the title too: a search in either language finds the page by its title
    return headword + (f"（{term.english}）" if term.english and term.english != headword else "")


@functools.lru_cache(maxsize=None)  # the same for every build of a process (mkdocs serve)
def _term_head(term_id: str, variant: str, headword: str) -> tuple[str, ...]:
    """A term page up to its mentions: what the glossary alone says."""
    term = next(term for term in load_glossary() if term.id == term_id)
    strings = load_data("site.yml")[variant]
    title = _title(term, headword)
    out = [
        render.front_matter({"title": title, "description": variant_text(variant)(term.definition), "search": {"boost": 2}}),
        f"# {render.escape(title)}\n",
        *_facts(term, variant, strings),
    ]
    if term.explanation:
        out.append(glossary_markdown(term.explanation.strip(), variant) + "\n")
    if term.note:
        out.append(f'!!! info "{strings["note"]}"\n\n    {glossary_markdown(term.note.strip(), variant)}\n')
    out.append(f"## {strings['in_articles']}\n")
    return tuple(out)


def _with_toggle(parts: list[str], strings: dict) -> str:
    """The page, with the show-originals button under its title when
    conversion changed any of its words."""
    page = "\n".join(parts)
    if 'class="converted"' in page:
        parts = [parts[0], parts[1], original_toggle(strings), *parts[2:]]
        page = "\n".join(parts)
    return page


def _initial(term: Term) -> str:
    letter = (term.english or term.id)[:1].upper()
    return letter if letter.isascii() and letter.isalpha() else "#"


def glossary_index(articles: list[Article], variant: str) -> str:
    """Every term, short: its headword (the #<id> anchor old links use), its
    definition, how many articles mention it, and its page."""
    strings = load_data("site.yml")[variant]
    convert = variant_text(variant)
    terms = sorted(load_glossary(), key=lambda t: ((t.english or t.id).casefold(), t.id))
    out = [render.front_matter({"title": strings["glossary_title"]}), f"# {strings['glossary_title']}\n",
           render.escape(strings["glossary_intro"]) + "\n"]
    initials = sorted({_initial(term) for term in terms})
    out.append(" · ".join(f"[{letter}](#letter-{letter.lower() if letter != '#' else 'other'})" for letter in initials)
               + "\n")
    current = None
    for term in terms:
        letter = _initial(term)
        if letter != current:
            current = letter
            out.append(f"## {letter} {{#letter-{letter.lower() if letter != '#' else 'other'}}}\n")
        headword = render.escape(convert(term.term))
        count = sum(term.id in a.meta.get("terms", []) for a in articles)
        english = f"（{render.escape(term.english)}）" if term.english else ""
        out.append(f"### [{headword}{english}]({term_path(term.id)}) {{#{term.id}}}\n")
        out.append(glossary_markdown(term.definition, variant) + "  \n"
                   + (strings["mentioned_count"].format(count=count) if count else strings["not_mentioned"]) + "\n")
    return _with_toggle(out, strings)


def pages(articles: list[Article]) -> dict[str, str]:
    """The glossary index and every term page of both variants, keyed by path under docs/."""
    out = {}
    for variant in VARIANTS:
        headwords = {term.id: variant_text(variant)(term.term) for term in load_glossary()}
        out[f"{variant}/{GLOSSARY_PAGE}"] = glossary_index(articles, variant)
        for term in load_glossary():
            for number, page in enumerate(term_pages(term, articles, variant, headwords), 1):
                out[f"{variant}/{navigation.page_path(term_path(term.id), number)}"] = page
    return out
