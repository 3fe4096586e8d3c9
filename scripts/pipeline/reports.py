"""What a build tells an editor, in the reports folder: per article its
cleaning report (<slug>.txt), conversion fidelity (fidelity-<slug>.txt and
fidelity.json for Traditional originals) and the converted spans to check
(ambiguity-<slug>.txt); one summary line per seed (summary.txt, printed by
`make site`); and a note per seed published under another seed's page."""
from __future__ import annotations

import json

from .article import Article
from .variants import ambiguity_report


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
        f"{article.seed.path.name}: {article.script} {article.region}, {block_count(article)} blocks, "
        f"{len(article.removed)} removed ({', '.join(rules) or 'nothing'}); {guessed}"
        + (f"; {len(article.warnings)} line(s) put back" if article.warnings else "")
        + f"; {ambiguity_report(article)[1]} conversion spans to check"
    )


def block_count(article: Article) -> int:
    """Counted once with the article (build.derive): a rebuild from the cache then reads no block."""
    return article.derive("block count", lambda: len(article.blocks))


def fidelity_reports(articles: list[Article]) -> dict[str, str]:
    """fidelity-<slug>.txt per article with a round trip, and fidelity.json with every figure."""
    reports, figures = {}, {}
    for article in articles:
        trip = article.fidelity
        if trip is not None:
            reports[f"fidelity-{article.slug}.txt"] = trip.report()
            figures[article.seed.path.name] = {"han_chars": trip.han_chars, "differing": trip.differing, "error_rate": round(trip.error_rate, 6), "terms_lost": trip.terms_lost}
    reports["fidelity.json"] = json.dumps(figures, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return reports


def summary_text(articles: list[Article], duplicates: list, errors: list) -> str:
    return "".join(summary(a) + "\n" for a in articles) + "".join(
        f"{d.seed}: duplicate of {d.kept} ({d.similarity:.0%} the same); credited on its page as {d.credit}\n" for d in duplicates
    ) + "".join(f"skipped {error}\n" for error in errors)


def duplicate_report(duplicate) -> str:
    return f"seed: {duplicate.seed}\nduplicate of: {duplicate.kept} ({duplicate.similarity:.1%} of the body the same)\ncredited as: {duplicate.credit}\n"


def reports(articles: list[Article], duplicates: list, errors: list) -> dict[str, str]:
    """Every report of a build, keyed by its file name in the reports folder."""
    out = {f"{a.slug}.txt": cleaning_report(a) for a in articles}
    out.update(fidelity_reports(articles))
    for article in articles:
        out[f"ambiguity-{article.slug}.txt"] = ambiguity_report(article)[0]
    out["summary.txt"] = summary_text(articles, duplicates, errors)
    for duplicate in duplicates:
        out[f"{duplicate.slug}.txt"] = duplicate_report(duplicate)
    return out
