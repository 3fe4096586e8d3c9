"""Variants: the seed's own script is kept as it is; the other script is made
with OpenCC (s2twp or tw2sp), the glossary's per-variant forms taking
precedence. Only Text nodes are converted, so URLs and anchors never are."""
from __future__ import annotations

import copy
import functools
import re

import ahocorasick
import opencc

from .article import HANS, HANT, Article, Block, Link, Strong, TermLink, Text
from .config import load_data
from .glossary import variant_forms

TEXT_FIELDS = ("title", "outlet", "author", "description", "place", "source_name")
DIRECTION = {HANT: "s2twp", HANS: "tw2sp"}  # target variant -> OpenCC config


class Converter:
    """OpenCC with a user dictionary in front: the longest glossary form found
    in the text is replaced by its target form, the text around it goes through
    OpenCC. Each character is converted exactly once."""

    def __init__(self, config: str):
        self.opencc = opencc.OpenCC(config)
        target = HANT if config == DIRECTION[HANT] else HANS
        opening, closing = load_data("variants.yml")["quotes"][target]
        self.quotes = str.maketrans({"“": opening, "「": opening, "”": closing, "」": closing})
        self.forms = variant_forms(config)
        self.automaton = None
        if self.forms:
            self.automaton = ahocorasick.Automaton()
            for source in self.forms:
                self.automaton.add_word(source, source)
            self.automaton.make_automaton()

    def punctuate(self, text: str) -> str:
        """The variant's quotation marks; only for text that is Chinese."""
        return text.translate(self.quotes)

    def convert(self, text: str) -> str:
        if not text:
            return text
        if self.automaton is None:
            return self.opencc.convert(text)
        out, position = [], 0
        for end, source in self.automaton.iter_long(text):
            start = end - len(source) + 1
            out.append(self.opencc.convert(text[position:start]))
            out.append(self.forms[source])
            position = end + 1
        out.append(self.opencc.convert(text[position:]))
        return "".join(out)


@functools.lru_cache(maxsize=None)
def converter(target: str) -> Converter:
    return Converter(DIRECTION[target])


def convert_inlines(nodes: list, convert) -> list:
    out = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(Text(convert(node.text)))
        elif isinstance(node, TermLink):
            out.append(TermLink(convert(node.text), node.term_id, node.first))
        elif isinstance(node, Strong):
            out.append(Strong(convert_inlines(node.children, convert)))
        elif isinstance(node, Link):
            out.append(Link(convert_inlines(node.children, convert), node.url))
        else:
            out.append(copy.copy(node))
    return out


def convert_blocks(blocks: list, convert, punctuate=None) -> list:
    """Blocks with every Text converted; punctuate, if given, applies to whole
    blocks that contain Chinese (a quote pair may span a term link)."""
    converted = [
        Block(
            block.kind,
            convert_inlines(block.inlines, convert),
            block.level,
            [convert_inlines(item, convert) for item in block.items],
            block.url,
            block.anchor,
        )
        for block in blocks
    ]
    if punctuate is not None:
        for block in converted:
            if _HAN.search(block.text):
                block.inlines = convert_inlines(block.inlines, punctuate)
                block.items = [convert_inlines(item, punctuate) for item in block.items]
    return converted


_HAN = re.compile("[\u3400-\u9fff]")


def make_variants(article: Article) -> None:
    """The variants stage: article.variants and article.titles for both scripts."""
    for variant in (HANS, HANT):
        if variant == article.script:
            article.variants[variant] = article.blocks
            article.variant_meta[variant] = dict(article.meta)
        else:
            target = converter(variant)
            article.variants[variant] = convert_blocks(article.blocks, target.convert, target.punctuate)

            def convert(text: str) -> str:
                text = target.convert(text)
                return target.punctuate(text) if _HAN.search(text) else text

            article.variant_meta[variant] = {
                key: convert(value) if key in TEXT_FIELDS else
                [convert(tag) for tag in value] if key == "tags" else value
                for key, value in article.meta.items()
            }
