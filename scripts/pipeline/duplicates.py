"""Duplicates: the same article reposted by two outlets is published once.
The seed whose page stays credits the other's outlet (meta
"also_published_by"); the other is reported as a duplicate, not published."""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from .article import HANS, HANT, Article
from .cache import SHARED
from .config import load_data
from .conserve import comparable
from .clean import simplified

SHINGLE = 5


@dataclass
class Duplicate:
    seed: str  # file name of the seed not published
    slug: str
    kept: str  # file name of the seed whose page holds the text
    similarity: float
    credit: str  # the outlet credited on the kept page


def body_text(article: Article) -> str:
    """The body as duplicates are compared: Simplified letters and digits only."""
    return article.derive("comparable body", lambda: comparable(simplified("".join(line for _, line in article.body))))


def shingles(article: Article) -> set:
    text = body_text(article)
    return {text[i: i + SHINGLE] for i in range(max(1, len(text) - SHINGLE + 1))}


def body_digest(article: Article) -> str:
    return article.derive("body digest", lambda: hashlib.sha256(body_text(article).encode()).hexdigest())


def shingle_count(article: Article) -> int:
    return article.derive("shingle count", lambda: len(shingles(article)))


def similarity(a: set, b: set) -> float:
    """Share of the longer body's passages found in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


# An editor's rebuild brings a few new bodies: each is compared with the
# published ones as sets. More than this many, and every body is first made a
# bit string of the passages it shares with another body.
FEW_NEW_BODIES = 8


def shared_bits(sets: list) -> list[int]:
    """Each body's passages that some other body also holds, as the bits of
    one integer: two bodies' common passages are then the bits of their AND.
    A passage only one body holds is in no intersection, so it is left out."""
    counts: Counter = Counter()
    for passages in sets:
        counts.update(passages)
    position = {passage: n for n, passage in enumerate(p for p, count in counts.items() if count > 1)}
    bits = []
    for passages in sets:
        mask = bytearray((len(position) + 7) // 8)
        for passage in passages:
            n = position.get(passage)
            if n is not None:
                mask[n >> 3] |= 1 << (n & 7)
        bits.append(int.from_bytes(mask, "little"))
    return bits


def matches(articles: list, threshold: float, known: dict | None = None, seen: frozenset = frozenset()) -> list:
    """Per article, (index of the earlier published article it repeats,
    similarity), or None when it is published itself. `known` holds the
    similarity of pairs of bodies compared before (by their digests) and
    gets the pairs compared now: an edited seed is compared again, no other.
    With more than a few new bodies (not in `seen`) the passages are compared
    as bit strings, which gives the same shares many times faster."""
    known = {} if known is None else known
    sets: dict[int, set] = {}
    bits = None
    if sum(1 for article in articles if body_digest(article) not in seen) > FEW_NEW_BODIES:
        sets = {k: shingles(article) for k, article in enumerate(articles)}
        bits = shared_bits(list(sets.values()))
    kept: list[int] = []
    out: list = []
    for index, article in enumerate(articles):
        match = None
        for other in kept:
            smaller, larger = sorted((shingle_count(article), shingle_count(articles[other])))
            if smaller < threshold * larger:
                continue  # the share found in the other is at most the ratio of their sizes
            pair = tuple(sorted((body_digest(article), body_digest(articles[other]))))
            if pair not in known:
                if bits is not None:
                    known[pair] = (bits[index] & bits[other]).bit_count() / larger
                else:
                    for k in (index, other):
                        if k not in sets:
                            sets[k] = shingles(articles[k])
                    known[pair] = similarity(sets[index], sets[other])
            if known[pair] >= threshold:
                match = (other, known[pair])
                break
        if match is None:
            kept.append(index)
        out.append(match)
    return out


def publish_once(articles: list, cache=None) -> tuple[list, list]:
    """(articles to publish, duplicates). Of two bodies at least
    `same_body` alike, the one first in seed order is published. With a
    cache.Cache, pairs of bodies compared by an earlier build are not
    compared again, and bodies in the same order as last time are not
    compared at all."""
    threshold = float(load_data("duplicates.yml")["same_body"])
    order = tuple(body_digest(article) for article in articles)
    # what the last build kept: its pairs' similarities, its bodies in order and their outcome
    known, last_order, last_matches = {}, (), None
    if cache is not None:
        key = cache.named("duplicates: similarity of pairs of bodies")
        stored = cache.load(key, SHARED)
        if isinstance(stored, tuple) and len(stored) == 3:
            known, last_order, last_matches = stored
    if last_matches is not None and order == last_order:
        found_matches = last_matches
    else:
        found_matches = matches(articles, threshold, known, frozenset(last_order))
        if cache is not None:
            present = frozenset(order)
            kept_pairs = {pair: score for pair, score in known.items() if pair[0] in present and pair[1] in present}
            cache.store(key, (kept_pairs, order, found_matches), SHARED)
    kept: list[int] = []
    found: list[Duplicate] = []
    for index, (article, match) in enumerate(zip(articles, found_matches)):
        if match is None:
            kept.append(index)
            continue
        original = articles[match[0]]
        credit = article.meta.get("outlet") or article.meta.get("source_name") or article.seed.path.stem
        if credit != original.meta.get("outlet"):
            _credit(original, credit)
        found.append(Duplicate(article.seed.path.name, article.slug, original.seed.path.name, match[1], credit))
    return [articles[i] for i in kept], found


def _credit(article: Article, outlet: str) -> None:
    from .variants import article_converter
    names = article.meta.setdefault("also_published_by", [])
    if outlet not in names:
        names.append(outlet)
    for variant in (HANS, HANT):
        if variant not in article.variant_meta:
            continue
        convert = (lambda text: text) if variant == article.script else article_converter(article, variant).convert
        article.variant_meta[variant]["also_published_by"] = [convert(name) for name in names]
