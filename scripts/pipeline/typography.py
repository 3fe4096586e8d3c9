"""Chinese copywriting conventions for one run of prose text.

autocorrect-py does the bulk (spacing between Han and Latin or digits,
full-width commas and periods); the rules here, driven by
data/typography.yml, cover what it leaves. Text without Han characters, such
as an English sentence, is returned unchanged.
"""
from __future__ import annotations

import functools
import re

import autocorrect_py

from .config import load_data
from .text import HAN, HAN_CHARACTER as _HAN_CHAR

# Han characters and the full-width punctuation that lives among them.
_CJK = HAN + r"\u3000-\u303f\uff00-\uffef“”‘’—…"


@functools.lru_cache(maxsize=1)
def _rules():
    data = load_data("typography.yml")
    glued = data["glued_words"]
    glued_re = re.compile(r"(?<![A-Za-z0-9])(" + "|".join(map(re.escape, sorted(glued, key=len, reverse=True))) + r")(?![A-Za-z0-9])") if glued else None
    marks = "".join(re.escape(mark) for mark in data["full_width"])
    # A mark is Chinese punctuation when Han text is on its left, or when it
    # opens Han text on its right (":Meta" after Han is caught by the left).
    # A mark ending a Chinese sentence after a Latin word (这是 Meta!) too.
    full_width_re = re.compile(rf"(?<=[{_CJK}])\s*([{marks}])|([{marks}])(?:\s*(?=[{_CJK}])|$)")
    after = [(re.compile(rule["pattern"]), rule["replace"]) for rule in data.get("after", [])]
    names = data.get("spaced_versions", [])
    if names:
        versions = re.compile(r"(?<![A-Za-z])(" + "|".join(map(re.escape, names)) + r")(\d{1,2}(?:\.\d)?)(?![\dA-Za-z])")
        after.insert(0, (versions, r"\1 \2"))
    return glued, glued_re, data["full_width"], full_width_re, after


def repair_quotes(text: str) -> str:
    """Pair ASCII double quotes into “ ” and drop the spaces scrapers put inside them:
    ' " 世界模型 " ' -> '“世界模型”'. Left alone when the quotes do not pair up."""
    if text.count('"') % 2:
        return text
    parts = text.split('"')
    out = [parts[0]]
    for index, part in enumerate(parts[1:]):
        if index % 2 == 0:
            out.append("“" + part.strip())
        else:
            out.append("”" + part)
    return "".join(out)


_PAREN = re.compile(r"\(([^()]*)\)")


def full_width_parentheses(text: str) -> str:
    """A parenthesis pair inside a Chinese sentence becomes （ ）."""
    def swap(match: re.Match) -> str:
        before = text[match.start() - 1: match.start()].strip()
        inner = match.group(1)
        if _HAN_CHAR.search(inner) or (before and re.match(f"[{_CJK}]", before)):
            return "（" + inner.strip() + "）"
        return match.group(0)
    return _PAREN.sub(swap, text)


_ELLIPSIS = re.compile(r"\s*(?:\.{2,}\s*…*|…+)\s*")


def typeset(text: str) -> str:
    if not _HAN_CHAR.search(text):
        return text
    glued, glued_re, full_width, full_width_re, after = _rules()
    if glued_re:
        text = glued_re.sub(lambda m: glued[m.group(1)], text)
    text = repair_quotes(text)
    text = full_width_parentheses(text)
    text = full_width_re.sub(lambda m: full_width[m.group(1) or m.group(2)], text)
    text = _ELLIPSIS.sub("……", text)
    text = autocorrect_py.format(text)
    for pattern, replace in after:
        text = pattern.sub(replace, text)
    return text
