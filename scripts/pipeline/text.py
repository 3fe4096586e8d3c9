"""Rules about text stated once: what a Han character is, where a sentence
ends, and which links may leave the site."""
from __future__ import annotations

import re

# CJK Unified Ideographs, Extension A and the compatibility ideographs: a
# character class body, for patterns that combine it with other characters.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHARACTER = re.compile(f"[{HAN}]")

# A source address, a glossary reference or a byline link is shown as a link
# only with one of these schemes.
WEB_SCHEMES = ("http://", "https://")


class KeptCharacters(dict):
    """A str.translate table keeping the characters `keep` accepts and
    dropping the rest, filled in as characters are first met: the loop over
    the text runs in C, `keep` once per distinct character."""

    def __init__(self, keep):
        super().__init__()
        self.keep = keep

    def __missing__(self, code: int):
        self[code] = code if self.keep(chr(code)) else None
        return self[code]


def is_web_url(url) -> bool:
    return str(url or "").startswith(WEB_SCHEMES)


_SENTENCE_END = "。！？!?；;"
_OPENING = "《「『“（([〈"
_CLOSING = "》」』”）)]〉"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph; an end mark inside 《》「」“”（） does not
    end the sentence that quotes it."""
    spans, start, depth = [], 0, 0
    for index, char in enumerate(text):
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(0, depth - 1)
        elif char in _SENTENCE_END and depth == 0:
            spans.append((start, index + 1))
            start = index + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans
