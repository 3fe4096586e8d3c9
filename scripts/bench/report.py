"""What a run prints: the figures per corpus size, fidelity, search indexes,
and a PASS / MISSED line per target."""
from __future__ import annotations

from pathlib import Path

from pipeline.article import HANS, HANT

from . import KB, MB
from .stages import GROUPS

def fmt(value, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def print_table(sizes: list[int], per_size: dict) -> None:
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, getter, digits: int = 2):
        values = []
        for size in sizes:
            try:
                values.append(fmt(getter(per_size[str(size)]), digits))
            except (KeyError, TypeError):
                values.append("–")
        rows.append((label, values))

    row("seeds", lambda s: s["corpus"]["seeds"])
    row("seed text, MB", lambda s: s["corpus"]["seed_bytes"] / MB, 3)
    row("  of which zh-Hans / zh-Hant seeds", lambda s: f"{s['corpus']['scripts'][HANS]} / {s['corpus']['scripts'][HANT]}")
    for stage in GROUPS:
        row(f"stage {stage}: s", lambda s, stage=stage: s["stages"][stage]["seconds"], 3)
        row(f"stage {stage}: peak MB (+during)", lambda s, stage=stage: f"{s['stages'][stage]['peak_mb']:.1f} (+{s['stages'][stage]['stage_mb']:.1f})")
    row("stages total, s", lambda s: s["stages_total_seconds"], 3)
    row("pipeline cold (build()), s", lambda s: s["pipeline"]["cold_seconds"], 3)
    row("pipeline cold, CPU s", lambda s: s["pipeline"]["cold_cpu_seconds"], 3)
    row("pipeline throughput, MB/s", lambda s: s["pipeline"]["throughput_mb_s"], 2)
    row("pipeline no-change, s", lambda s: s["pipeline"]["no_change_seconds"], 3)
    row("no-change / cold", lambda s: f"{100 * s['pipeline']['no_change_over_cold']:.1f}%")
    row("no-change: pages rewritten", lambda s: s["pipeline"]["no_change_pages_rewritten"])
    row("convert (best of 3), s", lambda s: s["convert_best_seconds"], 3)
    row("raw OpenCC floor (the project's tables), s", lambda s: s["opencc_floor_seconds"], 3)
    row("  OpenCC's own s2twp / tw2sp, for reference, s", lambda s: s.get("opencc_shipped_floor_seconds"), 3)
    row("  the script-only conversion marking compares with, s", lambda s: s.get("opencc_script_only_seconds"), 3)
    row("convert / raw OpenCC", lambda s: s["convert_over_opencc"], 2)
    row("mkdocs build + pipeline, s", lambda s: s["mkdocs"]["seconds"], 2)
    row("mkdocs build + pipeline, CPU s", lambda s: s["mkdocs"]["cpu_seconds"], 2)
    row("mkdocs build + pipeline, peak RSS MB", lambda s: s["mkdocs"]["peak_rss_mb"], 0)
    row("plain mkdocs (no hook), s", lambda s: s["plain_mkdocs"]["seconds"], 2)
    row("plain mkdocs, CPU s", lambda s: s["plain_mkdocs"]["cpu_seconds"], 2)
    row("plain mkdocs, peak RSS MB", lambda s: s["plain_mkdocs"]["peak_rss_mb"], 0)
    row("mkdocs+pipeline / plain", lambda s: s["mkdocs_over_plain"], 2)
    row("article page HTML (median), KB", lambda s: s["article_pages"]["median_html_bytes"] / KB, 1)
    row("links in an article's sidebar (most)", lambda s: s["article_pages"]["most_sidebar_links"])
    row("search index zh-Hans, KB", lambda s: s["search_index_bytes"][HANS] / KB, 1)
    row("search index zh-Hant, KB", lambda s: s["search_index_bytes"][HANT] / KB, 1)
    for variant in (HANS, HANT):
        index = lambda s, variant=variant: s["search_index"][variant]
        row(f"search index {variant} / article text", lambda s, index=index: index(s)["over_text"], 2)
        row("  articles' entries / article text", lambda s, index=index: index(s)["articles_over_text"], 2)
        row("  word separators (U+200B, sent as U+007F), KB", lambda s, index=index: index(s)["word_separators"] / KB, 1)
        row("  alt field, KB", lambda s, index=index: index(s)["fields"].get("alt", 0) / KB, 1)
        row("  markup, KB", lambda s, index=index: index(s)["markup"] / KB, 1)
        row("  term pages / articles / glossary / other, KB", lambda s, index=index: " / ".join(
            f"{index(s)['by_page_kind'].get(kind, 0) / KB:.0f}" for kind in ("term pages", "articles", "glossary", "other pages")))
        row("  sentences repeated across entries (the corpus reuses its bases'), KB", lambda s, index=index: index(s)["repeated_sentences"] / KB, 1)
        for label, part in (("  bytes before a first result (first stage), KB (gzip)", "before_first_result"),
                            ("  the whole index, fetched after it, KB (gzip)", "whole_index_after"),
                            ("  before a first result had it waited for the whole index, KB (gzip)", "before_first_result_with_whole_index")):
            row(label, lambda s, index=index, part=part: f"{index(s)[part]['bytes'] / KB:,.0f} ({index(s)[part]['compressed']['gzip'] / KB:,.0f})")
    row("page weight zh-Hans (gzip, no index), KB", lambda s: s["page_weight"]["variants"][HANS]["compressed_bytes_without_index"] / KB, 1)
    row("page weight zh-Hant (gzip, no index), KB", lambda s: s["page_weight"]["variants"][HANT]["compressed_bytes_without_index"] / KB, 1)
    row("each variant loads only its own index", lambda s: "yes" if s["page_weight"]["own_index_only"] else "NO")
    row("serve: edit visible after, s", lambda s: s["serve"]["edit_to_visible_seconds"], 2)
    width = max(len(label) for label, _ in rows)
    columns = [max(12, *(len(values[k]) for _, values in rows)) for k in range(len(sizes))]
    header = " " * width + "  " + "  ".join(f"{size:>{columns[k]},} seeds".rjust(columns[k]) for k, size in enumerate(sizes))
    print()
    print(header)
    print("-" * len(header))
    for label, values in rows:
        print(label.ljust(width) + "  " + "  ".join(value.rjust(columns[k]) for k, value in enumerate(values)))
    print()


def describe(t: dict) -> str:
    unit = t["unit"]
    if t["measured"] is None:
        return f"MISSED  {t['name']}: not measured ({t['note']})"
    comparison = "≥" if t.get("at_least") else "≤"
    figure = f"{fmt(float(t['measured']), 3)} {unit} (target {comparison} {fmt(float(t['limit']), 3)} {unit})"
    if t["pass"]:
        text = f"PASS    {t['name']}: {figure}, margin {fmt(float(t['margin']), 3)} {unit} ({t['margin_percent']:.0f}%)"
    else:
        text = f"MISSED  {t['name']}: {figure}, missed by {fmt(float(-t['margin']), 3)} {unit} ({-t['margin_percent']:.0f}%)"
    return text + (f" — {t['note']}" if t.get("note") else "")


def print_report(report: dict, sizes: list[int], failures: list[str], output: Path) -> None:
    print_table(sizes, report["per_size"])
    fidelity = report["fidelity"]["per_traditional_seed"]
    if fidelity:
        print("Conversion fidelity (real seeds, zh-Hant -> zh-Hans -> zh-Hant, Han characters differing):")
        for name, figure in sorted(fidelity.items()):
            lost = ", ".join(figure["terms_lost"]) or "none"
            print(f"  {name}: {figure['differing']} of {figure['han_chars']} = {100 * figure['error_rate']:.2f}% (glossary terms not restored: {lost})")
    else:
        print("Conversion fidelity: no Traditional seed among the real seeds (fidelity.json empty or missing)")
    print()
    for size in sizes:
        weight = report["per_size"].get(str(size), {}).get("page_weight")
        if weight:
            index = report["per_size"][str(size)]["search_index_bytes"]
            hans, hant = weight["variants"][HANS], weight["variants"][HANT]
            print(
                f"{size} seeds: search index zh-Hans {index[HANS] / KB:.1f} KB, zh-Hant {index[HANT] / KB:.1f} KB (uncompressed). "
                f"zh-Hant page: __config base {hant['config_base']!r} -> index URL {hant['index_url_from_config']}, fetched "
                f"{', '.join(hant['search_index_requested']) or 'no index'}; zh-Hans page: base {hans['config_base']!r} -> "
                f"{hans['index_url_from_config']}, fetched {', '.join(hans['search_index_requested']) or 'no index'}. "
                + ("Each reader downloads only their own variant's index." if weight["own_index_only"]
                   else "NOT each reader only their own variant's index.")
            )
    print()
    for t in report["targets"]:
        print(describe(t))
    for failure in failures:
        print(f"FAILED  {failure}")
    load = report["machine"]
    print(f"\nload average (1, 5, 15 min) at start {tuple(round(x, 1) for x in load['load_average_at_start'])}, "
          f"at end {tuple(round(x, 1) for x in load.get('load_average_at_end', ()))} on {load['cpus']} CPUs: wall times on a busy "
          "machine are noisy; CPU seconds are recorded alongside (--repeat N takes the best of N)")
    print(f"wrote {output} ({report.get('elapsed_seconds', 0) / 60:.1f} min)")
