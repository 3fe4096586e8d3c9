"""Benchmark of the seed -> site pipeline and the MkDocs build around it.

    .venv/bin/python scripts/bench.py               # 10, 100 and 1,000 seeds
    .venv/bin/python scripts/bench.py --sizes 10,100  # a quick run

Not a test: it prints figures and a PASS / MISSED line per target (with the
margin), writes everything to build/bench.json and exits 0 even when a target
is missed (1 only when something could not be measured at all, e.g. a build
failed). Everything is built in temporary folders; the working tree's docs/
and site/ are never touched.

How things are measured
-----------------------
* Corpora: seed i is real seed i % 5 with its header (front matter, chrome,
  title line) kept and its paragraphs rotated and partly shuffled by
  random.Random(i), two sentences swapped in from another seed, a unique
  marker sentence, and every seed with (i // 5) % 5 == 0 converted to the
  other script with OpenCC (s2twp / tw2sp), so both scripts occur in every
  corpus. A metadata.yml gives each seed a unique title. Seed i is the same
  in every corpus size and the same bytes on every run (the corpus SHA-256
  is recorded).
* Stages: called directly, in this process, stage by stage over all seeds
  (stage-major, as the pipeline's write step needs all articles anyway):
    ingest     = read_seed + detect_script
    clean      = split_front_matter + clean + complete_metadata + structure
    link_terms = link_terms
    convert    = make_variants
    checks     = fidelity.round_trip + conserve.check (not one of the five
                 named stages, but part of every build; listed so the stages
                 add up to the pipeline)
    write      = write.pages + write.sync (into an empty temporary docs dir)
  Wall time: time.perf_counter in a pass without tracemalloc. Memory: a
  second, identical pass under tracemalloc; per stage the peak of traced
  Python memory (everything the pipeline holds at that moment, inputs of
  earlier stages included) and the part allocated during the stage. Lazy
  set-up (data files, OpenCC, automata) is warmed up on the real seeds
  first, so it is not charged to the first corpus.
* Cold / no-change: pipeline.build.build(seeds, docs, reports, cache) with an
  empty cache folder, then again with the same folders and unchanged seeds.
* MkDocs: `python -m mkdocs build --strict -d <tmp>` in a throwaway project
  copy (tests/conftest.py's make_project idea) with SEEDS_DIR=<corpus>, the
  pipeline cache emptied first (a fresh build). Each build runs in a fresh
  wrapper process that reports wall time and the child's peak RSS
  (resource.getrusage(RUSAGE_CHILDREN).ru_maxrss).
* Floors: raw opencc.OpenCC('s2twp' / 'tw2sp') converting the same text the
  convert stage converts (every text node and text metadata field of each
  seed, joined into one string per seed; best of 3 for both sides of the
  ratio); and plain MkDocs: the project's config without `hooks:` and with
  an explicit nav, building the docs folder the pipeline already filled.
* Noise: wall times are what the targets use; CPU seconds (process time,
  children's rusage) are recorded alongside, and --repeat N takes the best
  of N for the cold / no-change pipeline runs and the MkDocs builds.
* Units: MB = 1,000,000 bytes, KB = 1,000 bytes. Page weight counts the
  (gzip-compressed) body bytes the server sent per path, headers excluded.
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import gzip
import hashlib
import http.server
import json
import mimetypes
import os
import platform
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import opencc  # noqa: E402
import yaml  # noqa: E402

from pipeline import conserve, write  # noqa: E402
from reader.plugin import output_folder  # noqa: E402
from project_copy import make_project  # noqa: E402
from pipeline.article import HANS, HANT, VARIANTS, Article, Link, SeedError, Strong, TermLink, Text  # noqa: E402
from pipeline.build import build, process, seed_files, slug_for  # noqa: E402
from pipeline.clean import clean  # noqa: E402
from pipeline.fidelity import round_trip  # noqa: E402
from pipeline.ingest import read_seed  # noqa: E402
from pipeline.metadata import complete_metadata, load_metadata_file, split_front_matter  # noqa: E402
from pipeline.script import detect_script  # noqa: E402
from pipeline.structure import structure  # noqa: E402
from pipeline.terms import link_terms  # noqa: E402
from pipeline.variants import DIRECTION, TEXT_FIELDS, make_variants  # noqa: E402

SEEDS = ROOT / "seeds"
OUTPUT = ROOT / "build" / "bench.json"
PYTHON = sys.executable
HOST = "127.0.0.1"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
MB = 1_000_000
KB = 1_000
STAGES = ("ingest", "clean", "link_terms", "convert", "checks", "write")
SEVERAL = 3  # repetitions of the convert stage and its OpenCC floor

# Targets
THROUGHPUT_MB_S = 1.0
CONVERT_OVER_OPENCC = 2.0
SCALING_PER_10X = 12.0  # time of a 10x corpus <= 12x
NO_CHANGE_SHARE = 0.10
SERVE_SECONDS = 3.0
PAGE_WEIGHT_KB = 200.0

SERVE_START_TIMEOUT = 900  # seconds for `mkdocs serve` to serve the first build
SERVE_EDIT_TIMEOUT = 180  # seconds for an edited seed to show

_WRAPPER = (
    "import json, resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "seconds = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "sys.stdout.write(json.dumps({'rc': done.returncode, 'seconds': seconds, 'maxrss_kb': usage.ru_maxrss,"
    " 'cpu_seconds': usage.ru_utime + usage.ru_stime,"
    " 'stderr': done.stderr.decode('utf-8', 'replace')[-6000:]}))\n"
)


class BenchError(RuntimeError):
    pass


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# --------------------------------------------------------------------------
# Synthetic corpora


_SENTENCE = re.compile(r"[^。！？]*[。！？]")
_MARKUP_START = ("#", ">", "-", "*", "!", "[", "{", "<", "|")


class Base:
    """One real seed, split into what stays in place and what gets shuffled."""

    def __init__(self, path: Path, entry: dict | None):
        article = process(path, entry)
        lines = article.seed.text.split("\n")
        first_body = min(number for number, line in article.body if line.strip())  # 1-based
        self.name = path.name
        self.hash = path.stem.split("_")[-1]
        self.script = article.script
        self.title = article.title
        self.not_headings = list((entry or {}).get("not_headings", []))
        self.header = "\n".join(lines[: first_body - 1]).rstrip("\n")
        body = "\n".join(lines[first_body - 1:])
        if re.search(r"\n\s*\n", body):
            units = re.split(r"\n\s*\n", body)
        else:
            units = body.split("\n")
        self.units = [unit.strip("\n") for unit in units if unit.strip()]
        self.sentences = [
            sentence.strip() for unit in self.units if "\n" not in unit and not unit.lstrip().startswith(_MARKUP_START)
            for sentence in _SENTENCE.findall(unit) if 12 <= len(sentence.strip()) <= 90
        ]


_CONVERTERS: dict = {}


def _opencc(config: str) -> opencc.OpenCC:
    if config not in _CONVERTERS:
        _CONVERTERS[config] = opencc.OpenCC(config)
    return _CONVERTERS[config]


def to_script(text: str, source: str, target: str) -> str:
    if source == target:
        return text
    return _opencc(DIRECTION[target]).convert(text)


def load_bases() -> list[Base]:
    entries = load_metadata_file(SEEDS)
    bases = [Base(path, entries.get(path.name)) for path in seed_files(SEEDS)]
    if len(bases) != 5:
        raise BenchError(f"expected the 5 real seeds in {SEEDS}, found {len(bases)}")
    return bases


def make_seed(i: int, bases: list[Base]) -> tuple[str, str, dict]:
    """(file name, text, metadata entry) of synthetic seed i."""
    rng = random.Random(i)
    base = bases[i % len(bases)]
    units = list(base.units)
    shift = rng.randrange(len(units))
    units = units[shift:] + units[:shift]
    for _ in range(max(1, len(units) // 6)):  # a few local swaps on top of the rotation
        a = rng.randrange(len(units))
        b = min(len(units) - 1, a + rng.randint(1, 3))
        units[a], units[b] = units[b], units[a]
    # Two sentences of this seed give way to sentences of another seed.
    candidates = [k for k, unit in enumerate(units) if "\n" not in unit and not unit.lstrip().startswith(_MARKUP_START) and _SENTENCE.search(unit)]
    for _ in range(2):
        donor = bases[(i % len(bases) + rng.randint(1, len(bases) - 1)) % len(bases)]
        if not candidates or not donor.sentences:
            break
        k = rng.choice(candidates)
        sentences = _SENTENCE.findall(units[k])
        old = rng.choice(sentences)
        new = to_script(rng.choice(donor.sentences), donor.script, base.script)
        if new in "\n".join(units):
            continue  # never the same sentence twice in one seed
        units[k] = units[k].replace(old, new, 1)
    marker = to_script(f"这是基准测试语料的第 {i} 篇样本，校验码 {hashlib.sha1(str(i).encode()).hexdigest()[:8]}。", HANS, base.script)
    units.insert(rng.randint(1, len(units)), marker)
    script = base.script
    text = (base.header + "\n\n" if base.header else "") + "\n\n".join(units) + "\n"
    title = f"{base.title}（样本 {i}）" if base.script == HANS else f"{base.title}（樣本 {i}）"
    not_headings = list(base.not_headings)
    if (i // 5) % 5 == 0:  # one seed in five in the other script
        other = HANT if script == HANS else HANS
        text, title = to_script(text, script, other), to_script(title, script, other)
        not_headings = [to_script(line, script, other) for line in not_headings]
        script = other
    entry = {"title": title}
    if not_headings:
        entry["not_headings"] = not_headings
    return f"bench{i:04d}_{base.hash}.txt", text, entry


def make_corpus(folder: Path, count: int, bases: list[Base]) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    metadata = {}
    total = 0
    for i in range(count):
        name, text, entry = make_seed(i, bases)
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        metadata[name] = entry
        total += len(data)
        digest.update(name.encode() + b"\0" + data)
    meta_text = "# Synthetic benchmark corpus (scripts/bench.py)\n" + yaml.safe_dump(metadata, allow_unicode=True, sort_keys=True, width=1000)
    (folder / "metadata.yml").write_text(meta_text, encoding="utf-8")
    digest.update(meta_text.encode())
    scripts = {HANS: 0, HANT: 0}
    for path in seed_files(folder):
        scripts[detect_script(path.read_text(encoding="utf-8"))[0]] += 1
    return {"seeds": count, "seed_bytes": total, "sha256": digest.hexdigest(), "scripts": scripts}


# --------------------------------------------------------------------------
# Stages in-process


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


def _texts(nodes: list, out: list) -> None:
    for node in nodes:
        if isinstance(node, (Text, TermLink)):
            out.append(node.text)
        elif isinstance(node, (Strong, Link)):
            _texts(node.children, out)


def conversion_input(article: Article) -> tuple[str, str]:
    """(OpenCC config, the text make_variants converts for this seed) in one string."""
    target = HANT if article.script == HANS else HANS
    parts: list[str] = []
    for block in article.blocks:
        _texts(block.inlines, parts)
        for item in block.items:
            _texts(item, parts)
    for key, value in article.meta.items():
        if key in TEXT_FIELDS and value:
            parts.append(str(value))
        elif key == "tags":
            parts.extend(str(tag) for tag in value)
    return DIRECTION[target], "\n".join(parts)


def run_stages(seeds_dir: Path, docs_dir: Path, memory: bool) -> tuple[dict, dict]:
    """One pass of every stage over every seed. Returns (stage figures, extras)."""
    entries = load_metadata_file(seeds_dir)
    paths = seed_files(seeds_dir)
    results: dict = {}
    extras: dict = {}

    skipped: list[str] = []

    def ingest():
        articles = []
        for path in paths:
            try:
                seed = read_seed(path)
            except SeedError as error:
                skipped.append(str(error))
                continue
            script, report = detect_script(seed.text)
            articles.append(Article(seed=seed, slug=slug_for(path), script=script, script_report=report))
        return articles

    articles = _measured(results, "ingest", memory, ingest)

    def clean_stage():
        kept = []
        for article in articles:
            split_front_matter(article)
            clean(article)
            complete_metadata(article, entries.get(article.seed.path.name))
            structure(article)
            if not article.blocks:
                skipped.append(f"{article.seed.path.name}: no article text after cleaning")
                continue
            kept.append(article)
        articles[:] = kept

    _measured(results, "clean", memory, clean_stage)
    _measured(results, "link_terms", memory, lambda: [link_terms(article) for article in articles])
    floor_input = [conversion_input(article) for article in articles] if not memory else []
    _measured(results, "convert", memory, lambda: [make_variants(article) for article in articles])

    if not memory:
        # The convert stage again and its floor, raw OpenCC on the same text; best of several.
        stage_times, floor_times = [], []
        raw = {config: opencc.OpenCC(config) for config in set(DIRECTION.values())}
        for _ in range(SEVERAL):
            gc.collect()
            start = time.perf_counter()
            for article in articles:
                make_variants(article)
            stage_times.append(time.perf_counter() - start)
            gc.collect()
            start = time.perf_counter()
            for config, text in floor_input:
                raw[config].convert(text)
            floor_times.append(time.perf_counter() - start)
        extras["convert_best_seconds"] = min(stage_times)
        extras["opencc_floor_seconds"] = min(floor_times)
        extras["opencc_floor_chars"] = sum(len(text) for _, text in floor_input)

    def checks():
        kept = []
        for article in articles:
            article.fidelity = round_trip(article)
            try:
                conserve.check(article, write.article_page(article, article.script))
            except SeedError as error:
                skipped.append(str(error))
                continue
            kept.append(article)
        articles[:] = kept

    _measured(results, "checks", memory, checks)

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
        for name in STAGES
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


def _cold_and_no_change(seeds_dir: Path, work: Path) -> dict:
    docs, reports, cache = work / "docs", work / "reports", work / "cache"
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    cold = build(seeds_dir, docs, reports, cache)
    cold_seconds, cold_cpu = time.perf_counter() - start, time.process_time() - cpu
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    again = build(seeds_dir, docs, reports, cache)
    no_change_seconds, no_change_cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "skipped_seeds": len(cold.errors),
        "cold_seconds": cold_seconds,
        "cold_cpu_seconds": cold_cpu,
        "no_change_seconds": no_change_seconds,
        "no_change_cpu_seconds": no_change_cpu,
        "no_change_over_cold": no_change_seconds / cold_seconds,
        "no_change_pages_rewritten": len(again.changed),
    }


# --------------------------------------------------------------------------
# MkDocs in throwaway project copies


def environment(seeds_dir: Path | None = None) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("SITE_URL", None)
    env.pop("OFFLINE", None)
    if seeds_dir is None:
        env.pop("SEEDS_DIR", None)
    else:
        env["SEEDS_DIR"] = str(seeds_dir)
    return env


def timed_child(command: list[str], cwd: Path, env: dict, timeout: float = 7200) -> dict:
    """Run command in a fresh wrapper process: wall seconds and the child's peak RSS."""
    done = subprocess.run([PYTHON, "-c", _WRAPPER, *command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise BenchError(f"measurement wrapper failed: {done.stderr[-2000:]}")
    result = json.loads(done.stdout)
    if result["rc"] != 0:
        raise BenchError(f"{' '.join(command[2:])} failed in {cwd} (exit {result['rc']}):\n{result['stderr']}")
    return {"seconds": result["seconds"], "cpu_seconds": result["cpu_seconds"], "peak_rss_mb": result["maxrss_kb"] * 1024 / MB}


def reset_generated(project: Path) -> None:
    """Generated pages, reports and caches of every seeds folder (jieba's
    dictionaries, made once per code version, stay)."""
    for path in (project / "build").glob("*"):
        if path.name != "jieba":
            shutil.rmtree(path, ignore_errors=True)


def best_of(runs: list[dict]) -> dict:
    return {
        "seconds": min(run["seconds"] for run in runs),
        "cpu_seconds": min(run["cpu_seconds"] for run in runs),
        "peak_rss_mb": max(run["peak_rss_mb"] for run in runs),
        "runs": len(runs),
    }


def mkdocs_with_pipeline(project: Path, seeds_dir: Path, site_dir: Path, repeat: int = 1) -> dict:
    runs = []
    for _ in range(repeat):
        reset_generated(project)  # a fresh build: no pipeline cache, no generated pages
        shutil.rmtree(site_dir, ignore_errors=True)
        runs.append(timed_child([PYTHON, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)], project, environment(seeds_dir)))
    return best_of(runs)


def plain_config(project: Path, seeds_dir: Path) -> Path:
    """The project's config without the reader plugin, reading the pages it
    generated for seeds_dir, with the nav it sets."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text, removed = re.subn(r"(?m)^  - reader:[ \t]*\n(?:[ \t]{6,}\S.*\n)*", "", text)
    if not removed:
        raise BenchError("no `- reader:` plugin entry found in mkdocs.yml")
    docs = output_folder(project.resolve(), (project / "build").resolve(), Path(seeds_dir).resolve()) / "docs"
    articles = sorted((docs / HANS / "articles").glob("*.md"))
    nav = ["index.md", {"文章": [f"articles/{path.name}" for path in articles]}, write.GLOSSARY_PAGE]
    text = re.sub(r"(?m)^docs_dir:.*$", f"docs_dir: {docs}", text)
    config = project / "mkdocs-plain.yml"
    config.write_text(text.rstrip("\n") + "\n\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True, width=1000), encoding="utf-8")
    return config


def plain_mkdocs(project: Path, seeds_dir: Path, site_dir: Path, repeat: int = 1) -> dict:
    config = plain_config(project, seeds_dir)
    runs = []
    for _ in range(repeat):
        shutil.rmtree(site_dir, ignore_errors=True)
        runs.append(timed_child([PYTHON, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)], project, environment()))
    return best_of(runs)


def index_sizes(site_dir: Path) -> dict:
    return {
        variant: (site_dir / ("" if variant == HANS else f"{variant}/") / "search" / "search_index.json").stat().st_size
        for variant in VARIANTS
    }


# --------------------------------------------------------------------------
# `mkdocs serve`: how long until an edited seed shows


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 10) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, socket.timeout, OSError):
        return 0, ""


def _han_number(number: int) -> str:
    return "".join("零一二三四五六七八九"[int(digit)] for digit in str(number))


def measure_serve(project: Path, corpus: Path, work: Path) -> dict:
    seeds = work / "serve-seeds"
    shutil.copytree(corpus, seeds)
    reset_generated(project)
    # A seed in Simplified, shown as written on its zh-Hans page.
    target = next(path for path in seed_files(seeds) if detect_script(path.read_text(encoding="utf-8"))[0] == HANS)
    port = free_port()
    url = f"http://{HOST}:{port}/articles/{slug_for(target)}/"
    log_path = work / "serve.log"
    with open(log_path, "wb") as log_file:
        server = subprocess.Popen(
            [PYTHON, "-m", "mkdocs", "serve", "-a", f"{HOST}:{port}"],
            cwd=project, env=environment(seeds), stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            start = time.perf_counter()
            while True:
                if server.poll() is not None:
                    raise BenchError(f"mkdocs serve exited with {server.returncode}: {log_path.read_text(errors='replace')[-3000:]}")
                status, _ = fetch(url, timeout=5)
                if status == 200:
                    break
                if time.perf_counter() - start > SERVE_START_TIMEOUT:
                    raise BenchError(f"mkdocs serve did not serve {url} within {SERVE_START_TIMEOUT} s")
                time.sleep(0.5)
            first_served = time.perf_counter() - start
            time.sleep(2.0)  # let the watcher settle after the first build
            sentence = f"实时预览检验句第{_han_number(time.time_ns() % 10**9)}号已经送达。"
            wanted = sentence[:-1]
            edit_start = time.perf_counter()
            with open(target, "a", encoding="utf-8") as stream:
                stream.write("\n" + sentence + "\n")
            seconds = None
            polls = 0
            while time.perf_counter() - edit_start < SERVE_EDIT_TIMEOUT:
                if server.poll() is not None:
                    raise BenchError(f"mkdocs serve exited with {server.returncode}: {log_path.read_text(errors='replace')[-3000:]}")
                status, body = fetch(url, timeout=5)
                polls += 1
                if status == 200 and wanted in body:
                    seconds = time.perf_counter() - edit_start
                    break
                time.sleep(0.1)
        finally:
            stop(server)
    rebuilds = re.findall(r"Documentation built in ([\d.]+) seconds", log_path.read_text(errors="replace"))
    return {
        "seeds": len(seed_files(seeds)),
        "first_build_served_seconds": first_served,
        "edit_to_visible_seconds": seconds,
        "timed_out": seconds is None,
        "edited_seed": target.name,
        "url": url,
        "mkdocs_reported_build_seconds": [float(value) for value in rebuilds],
    }


def stop(process: subprocess.Popen) -> None:
    """End the server we started, and only it (its own process group)."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


# --------------------------------------------------------------------------
# Reading weight: one article page in chromium, served with gzip


_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest")


class GzipServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path):
        self.root = root
        self.sent: dict[str, int] = {}
        self.lock = threading.Lock()
        super().__init__((HOST, 0), GzipHandler)

    def count(self, path: str, size: int) -> None:
        with self.lock:
            self.sent[path] = self.sent.get(path, 0) + size

    def reset(self) -> dict:
        with self.lock:
            sent, self.sent = self.sent, {}
        return sent


class GzipHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: GzipServer

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self._serve(body=True)

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def _serve(self, body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        file = (self.server.root / path.lstrip("/")).resolve()
        if self.server.root not in (file, *file.parents):
            return self._reply(403, b"forbidden", "text/plain", body)
        if file.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            file = file / "index.html"
        if not file.is_file():
            return self._reply(404, (self.server.root / "404.html").read_bytes() if (self.server.root / "404.html").is_file() else b"", "text/html", body)
        return self._reply(200, file.read_bytes(), mimetypes.guess_type(file.name)[0] or "application/octet-stream", body, file.suffix)

    def _reply(self, status: int, data: bytes, content_type: str, body: bool, suffix: str = ".html") -> None:
        self.send_response(status)
        if content_type.startswith("text/") or content_type in ("application/javascript", "application/json"):
            content_type += "; charset=utf-8"
        self.send_header("Content-Type", content_type)
        if suffix in _COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body:
            self.wfile.write(data)
            self.server.count(urlsplit(self.path).path, len(data))


@contextlib.contextmanager
def gzip_server(site_dir: Path):
    server = GzipServer(site_dir.resolve())
    thread = threading.Thread(target=server.serve_forever, name="bench-gzip-server", daemon=True)
    thread.start()
    try:
        yield server, f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def config_base(site_dir: Path, page: str, root_url: str) -> tuple[str, str]:
    """A page's __config base, and the search index URL Material derives from it:
    new URL("search/search_index.json", new URL(base, location))."""
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.DOTALL)
    if not match:
        raise BenchError(f"no __config in {page}")
    base = json.loads(match.group(1))["base"]
    absolute = urljoin(root_url + page, base)
    return base, urlsplit(urljoin(absolute, "search/search_index.json")).path


def measure_page_weight(site_dir: Path) -> dict:
    from playwright.sync_api import sync_playwright

    slug = sorted(path.name for path in (site_dir / "articles").iterdir() if path.is_dir())[0]
    pages = {HANS: f"articles/{slug}/", HANT: f"{HANT}/articles/{slug}/"}
    out: dict = {"article": slug, "variants": {}}
    with gzip_server(site_dir) as (server, root), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for variant, page_path in pages.items():
                context = browser.new_context()
                page = context.new_page()
                external: list[str] = []
                headers_total = {"bytes": 0}

                def route(route_, external=external):
                    if urlsplit(route_.request.url).hostname != HOST:
                        external.append(route_.request.url)
                        return route_.abort()
                    return route_.continue_()

                def on_response(response, headers_total=headers_total):
                    length = response.headers.get("content-length")
                    if length and "search_index.json" not in response.url:
                        headers_total["bytes"] += int(length)

                context.route("**/*", route)
                page.on("response", on_response)
                server.reset()
                page.goto(root + page_path, wait_until="networkidle", timeout=60_000)
                page.wait_for_timeout(1500)  # the search worker fetches its index after load
                with contextlib.suppress(Exception):
                    page.wait_for_load_state("networkidle", timeout=10_000)
                sent = server.reset()
                context.close()
                indexes = sorted(path for path in sent if path.endswith("search_index.json"))
                weight = sum(size for path, size in sent.items() if not path.endswith("search_index.json"))
                out["variants"][variant] = {
                    "page": page_path,
                    "compressed_bytes_without_index": weight,
                    "content_length_sum_seen_by_page": headers_total["bytes"],
                    "requests": len(sent),
                    "largest": sorted(sent.items(), key=lambda item: -item[1])[:5],
                    "search_index_requested": indexes,
                    "search_index_compressed_bytes": {path: sent[path] for path in indexes},
                    "external_requests_blocked": external,
                }
                base, index_url = config_base(site_dir, page_path, root)
                out["variants"][variant].update(config_base=base, index_url_from_config=index_url)
        finally:
            browser.close()
    hant = out["variants"][HANT]
    hans = out["variants"][HANS]
    own = {HANS: "/search/search_index.json", HANT: f"/{HANT}/search/search_index.json"}
    out["own_index_only"] = all(
        figure["index_url_from_config"] == own[variant] and figure["search_index_requested"] in ([], [own[variant]])
        for variant, figure in out["variants"].items()
    )
    return out


# --------------------------------------------------------------------------
# Fidelity of the real seeds


def measure_fidelity(work: Path) -> dict:
    result = build(SEEDS, work / "fidelity-docs", work / "fidelity-reports")
    path = work / "fidelity-reports" / "fidelity.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return {"seeds": len(result.articles), "per_traditional_seed": data}


# --------------------------------------------------------------------------
# Targets and printing


def target(name: str, measured, limit: float, unit: str, at_least: bool = False, note: str = "") -> dict:
    if measured is None:
        return {"name": name, "measured": None, "limit": limit, "unit": unit, "pass": False, "margin": None, "note": note or "not measured"}
    passed = measured >= limit if at_least else measured <= limit
    margin = (measured - limit) if at_least else (limit - measured)
    return {
        "name": name, "measured": measured, "limit": limit, "unit": unit, "at_least": at_least, "pass": passed,
        "margin": margin, "margin_percent": 100 * margin / limit if limit else None, "note": note,
    }


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
    for stage in STAGES:
        row(f"stage {stage}: s", lambda s, stage=stage: s["stages"][stage]["seconds"], 3)
        row(f"stage {stage}: peak MB (+during)", lambda s, stage=stage: f"{s['stages'][stage]['peak_mb']:.1f} (+{s['stages'][stage]['stage_mb']:.1f})")
    row("stages total, s", lambda s: s["stages_total_seconds"], 3)
    row("pipeline cold (build()), s", lambda s: s["pipeline"]["cold_seconds"], 3)
    row("pipeline cold, CPU s", lambda s: s["pipeline"]["cold_cpu_seconds"], 3)
    row("pipeline throughput, MB/s", lambda s: s["pipeline"]["throughput_mb_s"], 2)
    row("pipeline no-change, s", lambda s: s["pipeline"]["no_change_seconds"], 3)
    row("no-change / cold", lambda s: f"{100 * s['pipeline']['no_change_over_cold']:.1f}%")
    row("convert (best of 3), s", lambda s: s["convert_best_seconds"], 3)
    row("raw OpenCC floor, s", lambda s: s["opencc_floor_seconds"], 3)
    row("convert / raw OpenCC", lambda s: s["convert_over_opencc"], 2)
    row("mkdocs build + pipeline, s", lambda s: s["mkdocs"]["seconds"], 2)
    row("mkdocs build + pipeline, CPU s", lambda s: s["mkdocs"]["cpu_seconds"], 2)
    row("mkdocs build + pipeline, peak RSS MB", lambda s: s["mkdocs"]["peak_rss_mb"], 0)
    row("plain mkdocs (no hook), s", lambda s: s["plain_mkdocs"]["seconds"], 2)
    row("plain mkdocs, CPU s", lambda s: s["plain_mkdocs"]["cpu_seconds"], 2)
    row("plain mkdocs, peak RSS MB", lambda s: s["plain_mkdocs"]["peak_rss_mb"], 0)
    row("mkdocs+pipeline / plain", lambda s: s["mkdocs_over_plain"], 2)
    row("search index zh-Hans, KB", lambda s: s["search_index_bytes"][HANS] / KB, 1)
    row("search index zh-Hant, KB", lambda s: s["search_index_bytes"][HANT] / KB, 1)
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


# --------------------------------------------------------------------------


def warm_up(work: Path) -> None:
    """Load every lazily built table (data files, OpenCC, automata) once."""
    run_stages(SEEDS, work / "warm-docs", memory=False)
    build(SEEDS, work / "warm-docs2", work / "warm-reports", work / "warm-cache")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
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
        "method": __doc__.split("How things are measured")[1].strip(),
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
    print(f"wrote {args.output} ({report.get('elapsed_seconds', 0) / 60:.1f} min)")
    return 1 if failures else 0


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
            out.append(target(f"convert stage / raw OpenCC, {size} seeds", figures["convert_over_opencc"], CONVERT_OVER_OPENCC, "x"))
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
        weight = per_size[str(size)].get("page_weight")
        if weight:
            for variant, figure in weight["variants"].items():
                out.append(target(f"article page weight {variant} (gzip, without search index), {size} seeds", figure["compressed_bytes_without_index"] / KB, PAGE_WEIGHT_KB, "KB"))
    return out


if __name__ == "__main__":
    sys.exit(main())
