"""Nothing lost: every character of a seed's body that cleaning kept must
appear, in order, in the article's own-script page. Typography may change
spaces and punctuation, so both sides are compared without them."""
from __future__ import annotations

import html
import re
import unicodedata

import markdown

from .article import Article, SeedError

_TAG = re.compile(r"<(?:a\s[^>]*href=\"([^\"]*)\"[^>]*|[^>]*)>")


def comparable(text: str) -> str:
    """Letters, digits and Han characters only, case-folded."""
    return "".join(c for c in text.casefold() if unicodedata.category(c)[0] in "LN")


def page_text(page_markdown: str) -> str:
    """The page as a reader gets it: rendered, tags dropped, link targets kept
    (a shortcode's video id survives as the link's address)."""
    body = page_markdown.split("\n---\n", 1)[-1]
    rendered = markdown.markdown(body, extensions=["attr_list", "admonition"])
    return html.unescape(_TAG.sub(lambda m: f" {m.group(1)} " if m.group(1) else " ", rendered))


def check(article: Article, page_markdown: str) -> None:
    """Raise SeedError naming the seed and the first passage missing from its page."""
    page = comparable(page_text(page_markdown))
    position = 0
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
            raise SeedError(article.seed.path, f"conservation check failed: line {number} is missing from its page: {line.strip()[:80]!r}")
        position += matched


def _subsequence_end(wanted: str, text: str) -> int | None:
    index = 0
    for char in wanted:
        index = text.find(char, index)
        if index < 0:
            return None
        index += 1
    return index
