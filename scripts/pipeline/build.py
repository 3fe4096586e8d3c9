"""The pipeline's one entry point: seeds folder in, generated pages out.
Each seed goes through the stages of stages.py, then the conservation
check; pages of every article are written once all of them are built."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import conserve, duplicates, termpages, write
from .article import VARIANTS, Article, SeedError
from .fidelity import round_trip
from .metadata import METADATA_FILE, load_metadata_file
from .stages import process, slug_for  # noqa: F401  (the stage list lives in stages.py)
from .variants import ambiguity_report, make_variants

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


def code_version() -> str:
    """Hash of the pipeline's code and data: a change to either invalidates the cache."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in [*here.glob("*.py"), *(here.parent / "data").rglob("*")] if p.is_file()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def conserved(article: Article, strict: bool = False) -> Article:
    """The conservation check. A body line missing from the page is put back
    at its place as a paragraph and the build warns, naming the seed, the
    line and the stage that lost it; in strict mode it fails the seed."""
    missing = conserve.missing(article, write.article_page(article, article.script))
    if not missing:
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


def _cached_process(path: Path, entry: dict | None, cache_dir: Path | None, version: str, used: set, strict: bool = False) -> Article:
    """process() plus the conservation check, skipped when the same seed bytes,
    metadata entry, code and data were built before."""
    if cache_dir is None:
        return conserved(process(path, entry), strict)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SeedError(path, f"cannot be read: {error.strerror}")
    key = hashlib.sha256(version.encode() + (b"strict" if strict else b"") + path.name.encode() + b"\0" + raw + json.dumps(entry, sort_keys=True, default=str).encode()).hexdigest()
    cached = Path(cache_dir) / f"{key}.pickle"
    used.add(cached.name)
    if cached.is_file():
        try:
            with open(cached, "rb") as stream:
                return pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a damaged cache entry is rebuilt
    article = conserved(process(path, entry), strict)
    cached.parent.mkdir(parents=True, exist_ok=True)
    temporary = cached.with_suffix(".tmp")
    with open(temporary, "wb") as stream:
        pickle.dump(article, stream, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, cached)
    return article


def build(seeds_dir: Path, docs_dir: Path, report_dir: Path | None = None, cache_dir: Path | None = None, strict: bool = False) -> BuildResult:
    """Build every seed; a seed without article text is skipped with one error
    naming it. Pages are written only after all of them rendered. With a cache
    folder, unchanged seeds are not processed again. `strict` makes a line the
    conservation check had to put back a failure instead of a warning."""
    result = BuildResult()
    entries = load_metadata_file(seeds_dir)
    slugs: dict[str, Path] = {}
    version = code_version()
    used: set[str] = set()
    for path in seed_files(seeds_dir):
        try:
            article = _cached_process(path, entries.get(path.name), cache_dir, version, used, strict)
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
        result.articles.append(article)
    result.articles, result.duplicates = duplicates.publish_once(result.articles)
    if cache_dir is not None and Path(cache_dir).is_dir():
        for stale in Path(cache_dir).glob("*.pickle"):
            if stale.name not in used:
                stale.unlink()
    files = {**write.pages(result.articles), **termpages.pages(result.articles)}
    result.changed = write.sync(files, docs_dir, VARIANTS)
    if report_dir is not None:
        reports = {f"{a.slug}.txt": cleaning_report(a) for a in result.articles}
        fidelity = {}
        for article in result.articles:
            trip = article.fidelity
            if trip is not None:
                reports[f"fidelity-{article.slug}.txt"] = trip.report()
                fidelity[article.seed.path.name] = {"han_chars": trip.han_chars, "differing": trip.differing, "error_rate": round(trip.error_rate, 6), "terms_lost": trip.terms_lost}
        for article in result.articles:
            reports[f"ambiguity-{article.slug}.txt"] = ambiguity_report(article)[0]
        reports["fidelity.json"] = json.dumps(fidelity, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        reports["summary.txt"] = "".join(summary(a) + "\n" for a in result.articles) + "".join(
            f"{d.seed}: duplicate of {d.kept} ({d.similarity:.0%} the same); credited on its page as {d.credit}\n" for d in result.duplicates
        ) + "".join(f"skipped {error}\n" for error in result.errors)
        for duplicate in result.duplicates:
            reports[f"{duplicate.slug}.txt"] = f"seed: {duplicate.seed}\nduplicate of: {duplicate.kept} ({duplicate.similarity:.1%} of the body the same)\ncredited as: {duplicate.credit}\n"
        write.sync(reports, report_dir, ("",))
    return result


def cleaning_report(article: Article) -> str:
    """What an editor needs to check a page: each field found and where it
    came from, every removed line with its rule and evidence, every character
    changed, and the kept lines that came close to being called chrome."""
    lines = [
        f"seed: {article.seed.path.name}",
        f"encoding: {article.seed.encoding}",
        f"script: {article.script}" + (f" ({article.script_report})" if article.script_report else ""),
        f"region: {article.region}" + (f" ({article.evidence['region']})" if article.evidence.get("region") else ""),
    ]
    for key in ("title", "date", "outlet", "author", "source_name"):
        value = article.meta.get(key)
        source = article.provenance.get(key, "")
        lines.append(f"{key}: {value or '(none)'}" + (f"  [from {source}]" if value and source else ""))
    if article.meta.get("also_published_by"):
        lines.append(f"also published by: {', '.join(article.meta['also_published_by'])}")
    lines += [f"removed: {len(article.removed)}", ""]
    for removal in sorted(article.removed, key=lambda r: r.line):
        lines.append(f"line {removal.line}\t[{removal.rule}]\t{removal.text}" + (f"\t({removal.evidence})" if removal.evidence else ""))
    if article.changes:
        lines += ["", f"characters converted: {len(article.changes)}"]
        lines += [f"line {number}\t{before} -> {after}\t({reason})" for number, before, after, reason in article.changes]
    if article.evidence.get("near"):
        lines += ["", "kept, but close to the chrome threshold:"]
        lines += [f"line {number}\t{text}\t({evidence})" for number, text, evidence in article.evidence["near"]]
    if article.warnings:
        lines += ["", "put back by the conservation check:"]
        lines += [f"line {number}\t(lost by the {stage} stage)\t{text}" for number, text, stage in article.warnings]
    return "\n".join(lines) + "\n"


def summary(article: Article) -> str:
    """One line per seed, printed by `make site`: what was guessed and how much was removed."""
    rules = sorted({removal.rule.split(" ")[0] for removal in article.removed})
    guessed = "; ".join(
        f"{key} {article.meta[key]!s:.30}" + (" (editorial)" if article.provenance.get(key, "").endswith("(editorial)") else "")
        for key in ("title", "date", "outlet", "author") if article.meta.get(key)
    )
    return (
        f"{article.seed.path.name}: {article.script} {article.region}, {len(article.blocks)} blocks, "
        f"{len(article.removed)} removed ({', '.join(rules) or 'nothing'}); {guessed}"
        + (f"; {len(article.warnings)} line(s) put back" if article.warnings else "")
        + f"; {ambiguity_report(article)[1]} conversion spans to check"
    )


def fingerprint(seeds_dir: Path) -> tuple:
    """Names, sizes and modification times of the seeds and of the pipeline's
    code and data: what a rebuild depends on."""
    here = Path(__file__).resolve().parent
    paths = [*Path(seeds_dir).glob("*"), *here.glob("*.py"), *(here.parent / "data").rglob("*")] if Path(seeds_dir).is_dir() else []
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in paths if p.is_file()))
