"""The targets, and each one's measured figure, limit and margin."""
from __future__ import annotations

from . import KB, MB
from .serve import SERVE_EDIT_TIMEOUT

# The limits of the issue "A site of 1,000 articles".
THROUGHPUT_MB_S = 1.0
CONVERT_OVER_OPENCC = 1.5
SCALING_PER_10X = 11.0  # time of a 10x corpus <= 11x
NO_CHANGE_SHARE = 0.05
SERVE_SECONDS = 2.0  # at 100 seeds
PAGE_WEIGHT_KB = 200.0
INDEX_OVER_TEXT = 1.5  # search index per variant / the variant's article text
# What the convert stage does beyond OpenCC's own conversion (profiled on the
# synthetic corpora; each part costs about as much as the floor itself).
CONVERT_NOTE = ("besides OpenCC, marking converts the script alone to tell changed words from changed "
                "characters, and cuts words (jieba) around each change")


def target(name: str, measured, limit: float, unit: str, at_least: bool = False, note: str = "") -> dict:
    if measured is None:
        return {"name": name, "measured": None, "limit": limit, "unit": unit, "pass": False, "margin": None, "note": note or "not measured"}
    passed = measured >= limit if at_least else measured <= limit
    margin = (measured - limit) if at_least else (limit - measured)
    return {
        "name": name, "measured": measured, "limit": limit, "unit": unit, "at_least": at_least, "pass": passed,
        "margin": margin, "margin_percent": 100 * margin / limit if limit else None, "note": note,
    }


def targets(sizes: list[int], per_size: dict, serve_size: int) -> list[dict]:
    out = []
    for size in sizes:
        figures = per_size[str(size)]
        if "pipeline" in figures:
            cpu = figures["corpus"]["seed_bytes"] / MB / figures["pipeline"]["cold_cpu_seconds"]
            out.append(target(f"pipeline throughput before MkDocs, {size} seeds", figures["pipeline"]["throughput_mb_s"], THROUGHPUT_MB_S, "MB/s", at_least=True,
                              note=f"{cpu:.2f} MB per CPU second"))
    for size in sizes:
        figures = per_size[str(size)]
        if "convert_over_opencc" in figures:
            notes = []
            if "convert_best_cpu_seconds" in figures:
                notes.append(f"{figures['convert_best_cpu_seconds'] / figures['opencc_floor_cpu_seconds']:.2f}x in CPU time")
            if "opencc_script_only_seconds" in figures:
                notes.append(f"the script-only conversion marks are measured against costs "
                             f"{figures['opencc_script_only_seconds'] / figures['opencc_floor_seconds']:.2f}x by itself")
            out.append(target(f"convert stage / raw OpenCC, {size} seeds", figures["convert_over_opencc"], CONVERT_OVER_OPENCC, "x",
                              note="; ".join([*notes, CONVERT_NOTE])))
    # Scaling: the largest corpus against the next one down (1,000 against 100 in a full run).
    if len(sizes) >= 2:
        big, small = sizes[-1], sizes[-2]
        b, s = per_size[str(big)], per_size[str(small)]
        limit = SCALING_PER_10X * (big / small) / 10
        bytes_ratio = b["corpus"]["seed_bytes"] / s["corpus"]["seed_bytes"]
        label = f"{big} vs {small} seeds"
        if "pipeline" in b and "pipeline" in s:
            out.append(target(f"pipeline time scaling, {label}", b["pipeline"]["cold_seconds"] / s["pipeline"]["cold_seconds"], limit, "x",
                              note=f"{b['pipeline']['cold_cpu_seconds'] / s['pipeline']['cold_cpu_seconds']:.2f}x in CPU time"))
        if "plain_mkdocs" in b and "plain_mkdocs" in s:
            out.append(target(f"MkDocs time scaling (plain mkdocs, no hook), {label}", b["plain_mkdocs"]["seconds"] / s["plain_mkdocs"]["seconds"], limit, "x",
                              note=f"{b['plain_mkdocs']['cpu_seconds'] / s['plain_mkdocs']['cpu_seconds']:.2f}x in CPU time"))
        if "mkdocs" in b and "mkdocs" in s:
            out.append(target(f"MkDocs-with-pipeline time scaling (informative), {label}", b["mkdocs"]["seconds"] / s["mkdocs"]["seconds"], limit, "x",
                              note=f"{b['mkdocs']['cpu_seconds'] / s['mkdocs']['cpu_seconds']:.2f}x in CPU time"))
        if "pipeline_peak_mb" in b and "pipeline_peak_mb" in s:
            out.append(target(f"pipeline peak memory growth (tracemalloc), {label}", b["pipeline_peak_mb"] / s["pipeline_peak_mb"], bytes_ratio, "x", note="limit = seed-bytes ratio"))
        if "mkdocs" in b and "mkdocs" in s:
            out.append(target(f"MkDocs build peak RSS growth, {label}", b["mkdocs"]["peak_rss_mb"] / s["mkdocs"]["peak_rss_mb"], bytes_ratio, "x", note="limit = seed-bytes ratio"))
    for size in sizes:
        figures = per_size[str(size)]
        if "pipeline" in figures:
            p = figures["pipeline"]
            out.append(target(f"no-change rebuild / cold, {size} seeds", 100 * p["no_change_over_cold"], 100 * NO_CHANGE_SHARE, "%",
                              note=f"{100 * p['no_change_cpu_seconds'] / p['cold_cpu_seconds']:.1f}% in CPU time"))
    serve = per_size.get(str(serve_size), {}).get("serve")
    out.append(target(
        f"mkdocs serve shows an edited seed, {serve_size} seeds",
        serve["edit_to_visible_seconds"] if serve else None, SERVE_SECONDS, "s",
        note=("no change seen within %d s" % SERVE_EDIT_TIMEOUT) if serve and serve["timed_out"] else "",
    ))
    for size in sizes:
        for variant, figure in per_size[str(size)].get("search_index", {}).items():
            before = figure["before_first_result"]
            out.append(target(f"search index {variant} / its article text, {size} seeds", figure["over_text"], INDEX_OVER_TEXT, "x",
                              note=f"{figure['bytes'] / KB:,.0f} KB for {figure['text_bytes'] / KB:,.0f} KB of text; the articles' entries "
                                   f"{figure['articles_over_text']:.2f}x, the glossary's pages (not growing with the corpus) "
                                   f"{(figure['by_page_kind'].get('term pages', 0) + figure['by_page_kind'].get('glossary', 0)) / KB:,.0f} KB"))
            # a first result never waits for the whole index: the first stage against the whole one
            whole, after = figure["before_first_result_with_whole_index"], figure["whole_index_after"]
            out.append(target(f"bytes before a first result {variant} (gzip), {size} seeds", before["compressed"]["gzip"] / KB,
                              whole["compressed"]["gzip"] / KB, "KB",
                              note=f"{before['bytes'] / KB:,.0f} KB uncompressed; limit = the same download with the whole index "
                                   f"({whole['bytes'] / KB:,.0f} KB uncompressed), which now follows the first result: "
                                   f"{after['compressed']['gzip'] / KB:,.0f} KB gzip, {after['bytes'] / KB:,.0f} KB uncompressed"))
    for size in sizes:
        weight = per_size[str(size)].get("page_weight")
        if weight:
            for variant, figure in weight["variants"].items():
                out.append(target(f"article page weight {variant} (gzip, without search index), {size} seeds", figure["compressed_bytes_without_index"] / KB, PAGE_WEIGHT_KB, "KB"))
    return out
