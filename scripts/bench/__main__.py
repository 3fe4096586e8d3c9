"""`python -m bench`: every measurement per corpus size, then build/bench.json and the targets."""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import bench
from project_copy import make_project

from . import MB, OUTPUT, ROOT, BenchError, log
from .corpus import load_bases, make_corpus
from .mkdocs_runs import PYTHON, article_pages, environment, index_sizes, mkdocs_with_pipeline, plain_mkdocs, timed_child
from .page_weight import measure_page_weight
from .search_index import measure as measure_search_index
from .report import print_report
from .serve import measure_serve
from .stages import measure_cold_and_no_change, measure_fidelity, measure_stages, warm_up
from .targets import targets


def main() -> int:
    parser = argparse.ArgumentParser(description=bench.__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="corpus sizes in seeds, comma-separated (default 10,100,1000)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"where the figures go (default {OUTPUT.relative_to(ROOT)})")
    parser.add_argument("--repeat", type=int, default=1, help="best of N for the pipeline cold/no-change runs and the MkDocs builds (default 1)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = parser.parse_args()
    sizes = sorted({int(size) for size in args.sizes.split(",") if size.strip()})
    if not sizes or sizes[0] < 1:
        parser.error("--sizes takes positive seed counts, e.g. 10,100")
    weight_sizes = [size for size in sizes if size >= 100] or sizes[-1:]
    serve_size = 100 if 100 in sizes else min(sizes, key=lambda size: abs(size - 100))

    started = time.perf_counter()
    temporary = tempfile.mkdtemp(prefix="bench-")
    work = Path(temporary)
    report: dict = {
        "generated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "python": platform.python_version(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "load_average_at_start": os.getloadavg()},
        "method": bench.__doc__.split("How things are measured")[1].strip(),
        "sizes": sizes,
        "repeat": args.repeat,
        "per_size": {},
    }
    failures: list[str] = []
    try:
        log(f"warming up on the real seeds (temporary folder {work})")
        warm_up(work / "warm")
        bases = load_bases()
        template = make_project(work / "template")
        log("first MkDocs build in a project copy (builds the jieba search dictionaries once)")
        timed_child([PYTHON, "-m", "mkdocs", "build", "--strict", "-d", str(work / "template-site")], template, environment())
        jieba = template / "build" / "jieba"
        report["fidelity"] = measure_fidelity(work / "fidelity")

        for size in sizes:
            folder = work / f"size-{size}"
            figures: dict = {}
            report["per_size"][str(size)] = figures
            corpus = folder / "seeds"
            figures["corpus"] = make_corpus(corpus, size, bases)
            log(f"{size} seeds: {figures['corpus']['seed_bytes'] / MB:.2f} MB; stages in-process")
            figures.update(measure_stages(corpus, folder))
            if figures["skipped_seeds"]:
                failures.append(f"{size} seeds: the pipeline skipped {len(figures['skipped_seeds'])} synthetic seed(s): {figures['skipped_seeds'][:3]}")
                log(f"WARNING: skipped seeds: {figures['skipped_seeds'][:3]}")
            figures["convert_over_opencc"] = figures["convert_best_seconds"] / figures["opencc_floor_seconds"]
            log(f"{size} seeds: cold and no-change pipeline")
            pipeline = measure_cold_and_no_change(corpus, folder, args.repeat)
            pipeline["throughput_mb_s"] = figures["corpus"]["seed_bytes"] / MB / pipeline["cold_seconds"]
            figures["pipeline"] = pipeline
            project = make_project(folder / "project", jieba_from=jieba)
            site = folder / "site"
            try:
                log(f"{size} seeds: mkdocs build --strict with the pipeline")
                figures["mkdocs"] = mkdocs_with_pipeline(project, corpus, site, args.repeat)
                figures["search_index_bytes"] = index_sizes(site)
                figures["search_index"] = measure_search_index(site)
                figures["article_pages"] = article_pages(site)
                log(f"{size} seeds: plain mkdocs build (no reader plugin) of the generated pages")
                figures["plain_mkdocs"] = plain_mkdocs(project, corpus, folder / "site-plain", args.repeat)
                figures["mkdocs_over_plain"] = figures["mkdocs"]["seconds"] / figures["plain_mkdocs"]["seconds"]
            except BenchError as error:
                failures.append(f"{size} seeds: {error}")
                log(f"FAILED: {error}")
                continue
            if size in weight_sizes:
                log(f"{size} seeds: page weight in chromium")
                try:
                    figures["page_weight"] = measure_page_weight(site)
                except Exception as error:  # noqa: BLE001 - reported, the rest still runs
                    failures.append(f"page weight at {size} seeds: {error}")
                    log(f"FAILED page weight: {error}")
            shutil.rmtree(folder / "site-plain", ignore_errors=True)
            if size == serve_size:
                log(f"{size} seeds: mkdocs serve, edit one seed, wait until it shows")
                try:
                    figures["serve"] = measure_serve(project, corpus, folder)
                except BenchError as error:
                    failures.append(f"serve at {size} seeds: {error}")
                    log(f"FAILED serve: {error}")
            for name in ("docs-timing", "docs-memory", "site", "project", "serve-seeds"):
                shutil.rmtree(folder / name, ignore_errors=True)

        report["targets"] = targets(sizes, report["per_size"], serve_size)
        report["failures"] = failures
        report["elapsed_seconds"] = time.perf_counter() - started
        report["machine"]["load_average_at_end"] = os.getloadavg()
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    print_report(report, sizes, failures, args.output)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
