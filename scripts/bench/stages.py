"""The pipeline's stages in this process: time and memory per stage, and
whole builds from cold and with nothing changed."""
from __future__ import annotations

import gc
import json
import resource
import shutil
import time
import tracemalloc
from pathlib import Path

import opencc

from pipeline import conserve, variants, write
from pipeline.article import HANS, HANT, VARIANTS, Article, SeedError
from pipeline.build import build, seed_files
from pipeline.metadata import load_metadata_file
from pipeline.stages import STAGES, new_article
from pipeline.variants import DIRECTION

from . import MB, SEEDS, BenchError

# The figures group the pipeline's stages as the targets name them; "checks"
# adds the conservation check and "write" the pages, which build.py runs on
# the finished articles.
GROUPS = {
    "ingest": ("read", "detect script"),
    "clean": ("front matter", "region", "clean", "metadata", "structure"),
    "link_terms": ("link terms",),
    "convert": ("variants",),
    "checks": ("fidelity",),
    "write": (),
}
SEVERAL = 3  # repetitions of the convert stage and its OpenCC floor


def grouped() -> dict:
    """GROUPS with each name replaced by its Stage. The groups must list the
    pipeline's stages in its order, so a stage added there is never left out here."""
    stages = {stage.name: stage for stage in STAGES}
    named = [name for names in GROUPS.values() for name in names]
    if named != list(stages):
        raise BenchError(f"bench.stages.GROUPS does not list the pipeline's stages in order: {list(stages)}")
    return {group: [stages[name] for name in names] for group, names in GROUPS.items()}


def _measured(results: dict, name: str, memory: bool, function):
    gc.collect()
    if memory:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
    start, cpu = time.perf_counter(), time.process_time()
    value = function()
    seconds = time.perf_counter() - start
    record = {"seconds": seconds, "cpu_seconds": time.process_time() - cpu}
    if memory:
        current, peak = tracemalloc.get_traced_memory()
        record.update(peak_mb=peak / MB, stage_mb=(peak - before) / MB, held_after_mb=current / MB)
    results[name] = record
    return value


def conversion_input(article: Article) -> tuple[variants.Converter, str, str]:
    """(the converter make_variants runs for this seed, OpenCC's own
    configuration for the same direction, the text make_variants converts in
    one string). The floor is the converter's OpenCC configuration alone on
    the same text, so the ratio is what the project's own code adds."""
    target = HANT if article.script == HANS else HANS
    return variants.article_converter(article, target), DIRECTION[target], "\n".join(variants.article_texts(article))


def forget_memos() -> None:
    """A build converts each text once; repeated runs of the stage over the
    same texts would otherwise find the word bounds and same-word checks of
    the run before."""
    variants.word_bounds.cache_clear()
    variants.Converter.same_words.cache_clear()


def run_stages(seeds_dir: Path, docs_dir: Path, memory: bool) -> tuple[dict, dict]:
    """One pass of every stage over every seed. Returns (stage figures, extras)."""
    entries = load_metadata_file(seeds_dir)
    groups = grouped()
    articles = [new_article(path) for path in seed_files(seeds_dir)]
    results: dict = {}
    extras: dict = {}
    skipped: list[str] = []

    def run(group: str) -> None:
        kept = []
        for article in articles:
            try:
                for stage in groups[group]:
                    stage.run(article, entries.get(article.seed.path.name) or {})
                if group == "checks":
                    conserve.check(article, write.article_page(article, article.script))
            except SeedError as error:
                skipped.append(str(error))
                continue
            kept.append(article)
        articles[:] = kept

    for group in ("ingest", "clean", "link_terms"):
        _measured(results, group, memory, lambda group=group: run(group))
    floor_input = [conversion_input(article) for article in articles] if not memory else []
    _measured(results, "convert", memory, lambda: run("convert"))

    if not memory:
        # The convert stage again and its floor, raw OpenCC on the same text;
        # best of several. For reference: OpenCC's own s2twp / tw2sp, and the
        # script-only conversion marking compares the result with.
        stage_times, floor_times, shipped_times, script_only_times = [], [], [], []
        shipped = {config: opencc.OpenCC(config) for config in set(DIRECTION.values())}

        def timed(function, times: list) -> None:
            gc.collect()
            start, cpu = time.perf_counter(), time.process_time()
            function()
            times.append((time.perf_counter() - start, time.process_time() - cpu))

        for _ in range(SEVERAL):
            forget_memos()
            timed(lambda: run("convert"), stage_times)
            timed(lambda: [converter.opencc.convert(text) for converter, _, text in floor_input], floor_times)
            timed(lambda: [shipped[config].convert(text) for _, config, text in floor_input], shipped_times)
            timed(lambda: [converter.script_only.convert(text) for converter, _, text in floor_input], script_only_times)
        extras["convert_best_seconds"], extras["convert_best_cpu_seconds"] = (min(times) for times in zip(*stage_times))
        extras["opencc_floor_seconds"], extras["opencc_floor_cpu_seconds"] = (min(times) for times in zip(*floor_times))
        extras["opencc_shipped_floor_seconds"] = min(seconds for seconds, _ in shipped_times)
        extras["opencc_script_only_seconds"] = min(seconds for seconds, _ in script_only_times)
        extras["opencc_floor_chars"] = sum(len(text) for _, _, text in floor_input)

    _measured(results, "checks", memory, lambda: run("checks"))

    def write_stage():
        files = write.pages(articles)
        return write.sync(files, docs_dir, VARIANTS)

    changed = _measured(results, "write", memory, write_stage)
    extras["pages_written"] = len(changed)
    extras["skipped_seeds"] = skipped
    extras["articles"] = len(articles)
    return results, extras


def measure_stages(seeds_dir: Path, work: Path) -> dict:
    timing, extras = run_stages(seeds_dir, work / "docs-timing", memory=False)
    gc.collect()
    tracemalloc.start()
    try:
        memory, _ = run_stages(seeds_dir, work / "docs-memory", memory=True)
        peak = max(record["peak_mb"] for record in memory.values())
    finally:
        tracemalloc.stop()
    gc.collect()
    stages = {
        name: {"seconds": timing[name]["seconds"], "cpu_seconds": timing[name]["cpu_seconds"], "peak_mb": memory[name]["peak_mb"], "stage_mb": memory[name]["stage_mb"]}
        for name in GROUPS
    }
    return {"stages": stages, "stages_total_seconds": sum(s["seconds"] for s in stages.values()), "pipeline_peak_mb": peak, **extras}


def measure_cold_and_no_change(seeds_dir: Path, work: Path, repeat: int = 1) -> dict:
    """Best of `repeat` (each time with fresh, empty folders)."""
    runs = [_cold_and_no_change(seeds_dir, work / f"cold-{k}") for k in range(repeat)]
    for k in range(repeat):
        shutil.rmtree(work / f"cold-{k}", ignore_errors=True)
    best = {key: min(run[key] for run in runs) for key in runs[0]}
    best["no_change_over_cold"] = best["no_change_seconds"] / best["cold_seconds"]
    best["runs"] = len(runs)
    return best


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (the
    build's worker processes, when it starts any)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _cold_and_no_change(seeds_dir: Path, work: Path) -> dict:
    docs, reports, cache = work / "docs", work / "reports", work / "cache"
    gc.collect()
    start, cpu = time.perf_counter(), _cpu()
    cold = build(seeds_dir, docs, reports, cache)
    cold_seconds, cold_cpu = time.perf_counter() - start, _cpu() - cpu
    gc.collect()
    start, cpu = time.perf_counter(), _cpu()
    again = build(seeds_dir, docs, reports, cache)
    no_change_seconds, no_change_cpu = time.perf_counter() - start, _cpu() - cpu
    return {
        "skipped_seeds": len(cold.errors),
        "cold_seconds": cold_seconds,
        "cold_cpu_seconds": cold_cpu,
        "no_change_seconds": no_change_seconds,
        "no_change_cpu_seconds": no_change_cpu,
        "no_change_over_cold": no_change_seconds / cold_seconds,
        "no_change_pages_rewritten": len(again.changed),
    }


def measure_fidelity(work: Path) -> dict:
    """Round-trip conversion errors of the real seeds, from the build's fidelity report."""
    result = build(SEEDS, work / "fidelity-docs", work / "fidelity-reports")
    path = work / "fidelity-reports" / "fidelity.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return {"seeds": len(result.articles), "per_traditional_seed": data}


def warm_up(work: Path) -> None:
    """Load every lazily built table (data files, OpenCC, automata) once."""
    run_stages(SEEDS, work / "warm-docs", memory=False)
    build(SEEDS, work / "warm-docs2", work / "warm-reports", work / "warm-cache")
