"""The pipeline's one entry point: seeds folder in, generated pages out.
Each seed goes through the stages of stages.py, then the conservation
check (both skipped for a seed the cache already holds: cache.py); pages
of every article are written once all of them are built (from the cache
too when the same articles were built before), and the reports of
reports.py after them. This module only orchestrates."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from . import conserve, duplicates, navigation, reports, termpages, write
from .article import VARIANTS, Article, SeedError
from .cache import SHARED, Cache, packed, write_entry
from .fidelity import round_trip
from .metadata import METADATA_FILE, load_metadata_file
from .stages import process, slug_for  # noqa: F401  (the stage list lives in stages.py)
from .variants import ambiguity_report, make_variants
from .workers import map_in_order

log = logging.getLogger("mkdocs.pipeline")


@dataclass
class BuildResult:
    articles: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # SeedError
    changed: list = field(default_factory=list)  # generated paths written or removed
    duplicates: list = field(default_factory=list)  # duplicates.Duplicate: seeds published under another seed's page


def seed_files(seeds_dir: Path) -> list[Path]:
    """Every regular, visible file in the folder but the metadata file, by name."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise SeedError(seeds_dir, "seeds folder does not exist")
    return sorted(
        (path for path in seeds_dir.iterdir() if path.is_file() and not path.name.startswith(".") and path.name != METADATA_FILE),
        key=lambda path: path.name,
    )


def conserved(article: Article, strict: bool = False) -> Article:
    """The conservation check. A body line missing from the page is put back
    at its place as a paragraph and the build warns, naming the seed, the
    line and the stage that lost it; in strict mode it fails the seed."""
    page = write.article_page(article, article.script)
    missing = conserve.missing(article, page)
    if not missing:
        write.keep_pages(article, {article.script: page})  # the write (and every rebuild from the cache) reuses them
        return article
    if strict:
        number, line, stage = missing[0]
        raise SeedError(article.seed.path, f"conservation check failed: line {number} is missing from its page (lost by the {stage} stage): {line.strip()[:80]!r}")
    for number, line, stage in missing:
        article.warnings.append((number, line.strip(), stage))
    conserve.restore(article, missing)
    make_variants(article)
    article.fidelity = round_trip(article)
    return article


def derive(article: Article) -> None:
    """Work out now what later steps derive from each article, so a rebuild
    from the cache only assembles it: the first mention of each term (term
    pages), the opening sentence (lists of articles), the ambiguity report
    and block count, what duplicates are compared by."""
    for variant in VARIANTS:
        termpages.first_mentions(article, variant)
        navigation.opening_sentence_of(article, variant)
    ambiguity_report(article)
    reports.block_count(article)
    duplicates.body_digest(article)
    duplicates.shingle_count(article)


PARALLEL_FROM = 16  # seeds to build per process before one more process pays for itself


def _processed(job: tuple) -> Article | SeedError:
    """One seed through the stages, the conservation check and derive(), and
    its cache entry stored (where the job names one); a seed that cannot be
    built comes back as its error."""
    path, entry, strict, entry_file = job
    try:
        article = conserved(process(path, entry), strict)
    except SeedError as error:
        return error
    derive(article)
    # the building process reads little but what derive() worked out: the
    # blocks and variants cross over as one pickle, unpickled there if read
    article = packed(article)
    if entry_file is not None:
        write_entry(entry_file, article)
    return article


def _process_all(jobs: list[tuple]) -> list[Article | SeedError]:
    """_processed() for every job, in order; seeds do not depend on each
    other, so a large folder is built on every core."""
    return map_in_order(_processed, jobs, PARALLEL_FROM)


def _built_all(paths: list[Path], entries: dict, cache: Cache | None, strict: bool) -> list[tuple[Path, Article | SeedError, str]]:
    """Each seed's article (or error) and cache key ("" without a cache):
    taken from the cache when the same seed bytes, metadata entry, code and
    data were built before, else processed."""
    outcomes: dict[Path, Article | SeedError] = {}
    keys: dict[Path, str] = {}
    for path in paths:
        try:
            keys[path] = cache.key(path, entries.get(path.name)) if cache is not None else ""
        except SeedError as error:
            outcomes[path] = error
            continue
        article = cache.load(keys[path]) if cache is not None else None
        if article is not None:
            outcomes[path] = article
    todo = [path for path in paths if path not in outcomes]
    jobs = [(path, entries.get(path.name), strict, cache.entry(keys[path]) if cache is not None else None) for path in todo]
    outcomes.update(zip(todo, _process_all(jobs)))
    return [(path, outcomes[path], keys.get(path, "")) for path in paths]


def site_pages(articles: list[Article], cache: Cache | None, keys: list[str]) -> dict[str, str]:
    """Every page under docs/ (path -> Markdown). The pages that list
    articles (term, month, outlet pages, footers) depend on nothing but the
    articles, and so on their cache keys: a rebuild of the same articles
    reuses the pages the last one made instead of deriving them again."""
    def assemble() -> dict[str, str]:
        return {**write.pages(articles, navigation.article_footers(articles)),
                **termpages.pages(articles), **navigation.pages(articles)}
    if cache is None:
        return assemble()
    key = cache.named("site pages", *keys)
    files = cache.load(key, SHARED)
    if files is None:
        files = assemble()
        cache.store(key, files, SHARED)
    return files


def build(seeds_dir: Path, docs_dir: Path, report_dir: Path | None = None, cache_dir: Path | None = None, strict: bool = False) -> BuildResult:
    """Build every seed; a seed without article text is skipped with one error
    naming it. Pages are written only after all of them rendered. With a cache
    folder, unchanged seeds are not processed again. `strict` makes a line the
    conservation check had to put back a failure instead of a warning."""
    result = BuildResult()
    entries = load_metadata_file(seeds_dir)
    slugs: dict[str, Path] = {}
    keys: list[str] = []  # the cache keys of the articles built, in seed order
    cache = Cache(cache_dir, strict) if cache_dir is not None else None
    for path, article, key in _built_all(seed_files(seeds_dir), entries, cache, strict):
        try:
            if isinstance(article, SeedError):
                raise article
            if article.slug in slugs:
                raise SeedError(path, f"its page name {article.slug!r} is already taken by {slugs[article.slug].name}; rename one")
        except SeedError as error:
            log.warning("Skipped seed %s", error)
            result.errors.append(error)
            continue
        if article.script_report:
            log.info("Seed %s: %s", path.name, article.script_report)
        for number, line, stage in article.warnings:
            log.warning("Seed %s: line %d was missing from its page (lost by the %s stage); kept in place: %r", path.name, number, stage, line[:80])
        slugs[article.slug] = path
        keys.append(key)
        result.articles.append(article)
    result.articles, result.duplicates = duplicates.publish_once(result.articles, cache)
    files = site_pages(result.articles, cache, keys)
    if cache is not None:
        cache.prune()
    result.changed = write.sync(files, docs_dir, VARIANTS)
    if report_dir is not None:
        write.sync(reports.reports(result.articles, result.duplicates, result.errors), report_dir, ("",))
    return result
