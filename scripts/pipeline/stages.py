"""The pipeline's stages, declared once and in order. process() runs them
for one seed; the cache and the benchmark iterate the same list.

read -> detect script -> front matter -> region -> clean -> metadata ->
structure -> link terms -> variants -> fidelity. (Writing pages and the
conservation check work on the finished article: build.py.)"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from .article import Article, Seed, SeedError
from .clean import clean
from .fidelity import round_trip
from .ingest import read_seed
from .metadata import complete_metadata, split_front_matter
from .script import detect_script, script_stage
from .structure import structure
from .terms import link_terms
from .variants import make_variants


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Article, dict], None]  # (article, the seed's seeds/metadata.yml entry)


def slug_for(path: Path) -> str:
    """The page name of a seed, from its file name alone, so adding or renaming
    one seed never moves another. Names that need changing to be URL-safe get
    a short hash of the full name to stay unique."""
    stem = path.stem if path.suffix.lower() in (".txt", ".md", ".markdown", "") else path.name
    safe = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-")
    if safe != stem or path.suffix.lower() not in (".txt", ""):
        digest = hashlib.sha1(path.name.encode("utf-8")).hexdigest()[:8]
        safe = f"{safe}-{digest}" if safe else f"seed-{digest}"
    return safe


def _read(article: Article, entry: dict) -> None:
    # the bytes are done with once decoded; kept, they would be pickled into
    # every cache entry
    article.seed = replace(read_seed(article.seed.path), raw=b"")


def _detect_script(article: Article, entry: dict) -> None:
    article.script, article.script_report = detect_script(article.seed.text)


def _clean(article: Article, entry: dict) -> None:
    clean(article)
    if not any(line.strip() for _, line in article.body):
        raise SeedError(article.seed.path, "nothing left after cleaning (only boilerplate)")


def _structure(article: Article, entry: dict) -> None:
    structure(article)
    if not article.blocks:
        raise SeedError(article.seed.path, "no article text after cleaning")


def _fidelity(article: Article, entry: dict) -> None:
    article.fidelity = round_trip(article)


STAGES: tuple[Stage, ...] = (
    Stage("read", _read),
    Stage("detect script", _detect_script),
    Stage("front matter", lambda article, entry: split_front_matter(article)),
    Stage("region", lambda article, entry: script_stage(article)),
    Stage("clean", _clean),
    Stage("metadata", lambda article, entry: complete_metadata(article, entry)),
    Stage("structure", _structure),
    Stage("link terms", lambda article, entry: link_terms(article)),
    Stage("variants", lambda article, entry: make_variants(article)),
    Stage("fidelity", _fidelity),
)


def new_article(path: Path) -> Article:
    """The article a seed file starts as, before its first stage."""
    return Article(seed=Seed(path=Path(path), raw=b""), slug=slug_for(Path(path)))


def process(path: Path, entry: dict | None, stages: tuple[Stage, ...] = STAGES) -> Article:
    """One seed through every stage up to its variants."""
    article = new_article(path)
    for stage in stages:
        stage.run(article, entry or {})
    return article
