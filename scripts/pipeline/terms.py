"""Link terms: the first mention of each glossary term in an article becomes a
TermLink. One Aho-Corasick automaton holds every alias in both scripts, so the
cost follows the text, not terms x text."""
from __future__ import annotations

import functools
import re

import ahocorasick

from .article import HANS, HANT, Article, Strong, TermLink, Text
from .glossary import load_glossary
from .typography import typeset
from .variants import converter

_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
# Blocks whose text may carry term links; headings, references and video
# links never do.
LINKED_BLOCKS = ("paragraph", "quote", "list")


def printed(surface: str) -> list[str]:
    """A surface as typography prints it: alone, and between Han characters
    (AlexWang stays as it is alone, but a sentence prints it Alex Wang)."""
    return [typeset(surface), typeset(f"中{surface}中")[1:-1].strip()]


def surfaces(term) -> list[str]:
    """How a term may be written: aliases, the headword, the glossary's
    per-variant forms, as typography prints them, and each of them in the
    other script with the site's own converters."""
    found = [term.term, *term.aliases]
    for form in term.forms:
        found += [form["zh-Hans"], form["zh-Hant"]]
    found += [printed_form for s in found for printed_form in printed(s)]
    to_hant, to_hans = converter(HANT), converter(HANS)
    found += [to_hant.convert(s) for s in found] + [to_hans.convert(s) for s in found]
    return list(dict.fromkeys(s for s in found if len(s) > 1))


@functools.lru_cache(maxsize=1)
def automaton() -> ahocorasick.Automaton:
    """Every surface form of every term -> term id."""
    forms: dict[str, str] = {}
    for term in load_glossary():
        for surface in surfaces(term):
            forms.setdefault(surface, term.id)
    machine = ahocorasick.Automaton()
    for surface, term_id in forms.items():
        machine.add_word(surface, (surface, term_id))
    machine.make_automaton()
    return machine


def _at_word_boundary(text: str, start: int, end: int) -> bool:
    """A Latin term must not sit inside a longer Latin word (FAIR in FAIRNESS)."""
    if _ASCII_WORD.match(text[start]) and start > 0 and _ASCII_WORD.match(text[start - 1]):
        return False
    if _ASCII_WORD.match(text[end - 1]) and end < len(text) and _ASCII_WORD.match(text[end]):
        return False
    return True


def find_terms(text: str) -> list[tuple[int, int, str]]:
    """(start, end, term id) of each longest, non-overlapping mention."""
    machine = automaton()
    if not len(machine):
        return []
    candidates = sorted(
        ((end - len(surface) + 1, end + 1, term_id) for end, (surface, term_id) in machine.iter(text)),
        key=lambda match: (match[0], match[0] - match[1]),
    )
    found, covered = [], 0
    for start, end, term_id in candidates:  # leftmost, then longest, at a word boundary
        if start >= covered and _at_word_boundary(text, start, end):
            found.append((start, end, term_id))
            covered = end
    return found


def _link_nodes(nodes: list, linked: set) -> list:
    out = []
    for node in nodes:
        if isinstance(node, Text):
            position = 0
            for start, end, term_id in find_terms(node.text):
                if term_id in linked:
                    continue
                linked.add(term_id)
                if start > position:
                    out.append(Text(node.text[position:start]))
                out.append(TermLink(node.text[start:end], term_id))
                position = end
            if position < len(node.text):
                out.append(Text(node.text[position:]))
        elif isinstance(node, Strong):
            out.append(Strong(_link_nodes(node.children, linked)))
        else:
            out.append(node)  # links, superscripts: never linked inside
    return out


def link_terms(article: Article) -> None:
    """The link-terms stage: the first mention of each term, in reading order."""
    linked: set[str] = set()
    for block in article.blocks:
        if block.kind not in LINKED_BLOCKS:
            continue
        block.inlines = _link_nodes(block.inlines, linked)
        block.items = [_link_nodes(item, linked) for item in block.items]
    article.meta["terms"] = sorted(linked)
