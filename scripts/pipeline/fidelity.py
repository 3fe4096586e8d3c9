"""Conversion fidelity of Traditional originals: zh-Hant -> zh-Hans with the
site's converter for the original's region, back with the site's zh-Hant
converter, and what did not come back."""
from __future__ import annotations

from dataclasses import dataclass, field

import cydifflib  # difflib's algorithm compiled: the same opcodes

from .article import HANS, HANT, Article
from .terms import find_terms
from .variants import article_converter, converter
from .text import HAN_CHARACTER as _HAN



@dataclass
class Fidelity:
    seed: str
    han_chars: int = 0
    differing: int = 0
    spans: list = field(default_factory=list)  # (original, round trip)
    terms_lost: list = field(default_factory=list)  # glossary surfaces that did not come back

    @property
    def error_rate(self) -> float:
        return self.differing / self.han_chars if self.han_chars else 0.0

    def report(self) -> str:
        lines = [
            f"seed: {self.seed}",
            f"han characters: {self.han_chars}",
            f"differing after zh-Hant -> zh-Hans -> zh-Hant: {self.differing} ({self.error_rate:.2%})",
            f"glossary terms not restored: {', '.join(self.terms_lost) or 'none'}",
            "",
        ]
        lines += [f"{original}\t->\t{back}" for original, back in self.spans]
        return "\n".join(lines) + "\n"


def plain_text(article: Article) -> str:
    return "".join(block.text + "\n" for block in article.blocks)


def round_trip(article: Article) -> Fidelity | None:
    """None for Simplified originals: their own-script page is the original."""
    if article.script != HANT:
        return None
    original = plain_text(article)
    back = converter(HANT).convert(article_converter(article, HANS).convert(original))
    result = Fidelity(seed=article.seed.path.name, han_chars=len(_HAN.findall(original)))
    matcher = cydifflib.SequenceMatcher(None, original, back, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        result.differing += max(len(_HAN.findall(original[a0:a1])), len(_HAN.findall(back[b0:b1])))
        result.spans.append((original[max(0, a0 - 4):a1 + 4], back[max(0, b0 - 4):b1 + 4]))
    for start, end, _ in find_terms(original):
        surface = original[start:end]
        if back.count(surface) < original.count(surface) and surface not in result.terms_lost:
            result.terms_lost.append(surface)
    return result
