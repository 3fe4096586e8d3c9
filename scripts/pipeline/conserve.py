"""Nothing lost: every character of a seed's body that cleaning kept must
appear, in order, in the article's own-script page. Typography may change
spaces and punctuation, so both sides are compared without them."""
from __future__ import annotations

import functools
import html
import re
import unicodedata

import markdown

from .article import Article, Block, SeedError, Text
from .text import KeptCharacters

_TAG = re.compile(r"<(?:a\s[^>]*href=\"([^\"]*)\"[^>]*|[^>]*)>")


_KEPT = KeptCharacters(lambda char: unicodedata.category(char)[0] in "LN")  # letters, digits, Han characters


def comparable(text: str) -> str:
    """Letters, digits and Han characters only, case-folded."""
    return text.casefold().translate(_KEPT)


@functools.lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    """One Markdown instance, reset for each page: setting one up costs more than many a page.
    Without what only adds tags or whitespace around words: emphasis (the
    last inline pattern, so no other sees its text otherwise), hard line
    breaks and indenting; the words a reader gets stay the same."""
    renderer = markdown.Markdown(extensions=["attr_list", "admonition"])
    for pattern in ("em_strong", "linebreak"):
        renderer.inlinePatterns.deregister(pattern)
    renderer.treeprocessors.deregister("prettify")
    return renderer


def page_text(page_markdown: str) -> str:
    """The page as a reader gets it: rendered, tags dropped, link targets kept
    (a shortcode's video id survives as the link's address)."""
    body = page_markdown.split("\n---\n", 1)[-1]
    rendered = _renderer().reset().convert(body)
    return html.unescape(_TAG.sub(lambda m: f" {m.group(1)} " if m.group(1) else " ", rendered))


def missing(article: Article, page_markdown: str) -> list[tuple[int, str, str]]:
    """(line number, line, stage that lost it) for every kept body line whose
    characters are not, in order, in the page."""
    page = comparable(page_text(page_markdown))
    blocks = None  # the blocks' own text, needed only to name the stage that lost a line
    position = 0
    lost = []
    for number, line in article.body:
        wanted = comparable(line)
        if not wanted:
            continue
        found = page.find(wanted, position)
        if found >= 0:
            position = found + len(wanted)
            continue
        # Structural rewrites (a shortcode becoming a link, reference marks)
        # keep the characters in order but not side by side.
        window = page[position: position + 4 * len(wanted) + 200]
        matched = _subsequence_end(wanted, window)
        if matched is None:
            if blocks is None:
                blocks = comparable("".join(block.text for block in article.blocks))
            lost.append((number, line, "render" if wanted in blocks else "structure"))
            continue
        position += matched
    return lost


def check(article: Article, page_markdown: str) -> None:
    """Raise SeedError naming the seed and the first passage missing from its page."""
    lost = missing(article, page_markdown)
    if lost:
        number, line, stage = lost[0]
        raise SeedError(article.seed.path, f"conservation check failed: line {number} is missing from its page (lost by the {stage} stage): {line.strip()[:80]!r}")


def restore(article: Article, lost: list) -> None:
    """Put each lost line back as a paragraph at its place among the blocks."""
    for number, line, _ in sorted(lost):
        position = len(article.blocks)
        for index, block in enumerate(article.blocks):
            if block.line and block.line > number:
                position = index
                break
        article.blocks.insert(position, Block("paragraph", [Text(line.strip())], line=number))


def _subsequence_end(wanted: str, text: str) -> int | None:
    index = 0
    for char in wanted:
        index = text.find(char, index)
        if index < 0:
            return None
        index += 1
    return index
