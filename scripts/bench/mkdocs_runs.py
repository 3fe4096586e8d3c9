"""MkDocs in throwaway project copies: with the reader plugin, and plain (the
pages it generated, built without it) as the floor."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from pipeline import navigation
from pipeline.article import HANS, VARIANTS
from pipeline.publish import FULL_INDEX, variant_folder
from reader.plugin import output_folder

from . import MB, BenchError

PYTHON = sys.executable

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
    nav = navigation.site_nav(docs / HANS)
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
        variant: (site_dir / variant_folder(variant) / FULL_INDEX).stat().st_size
        for variant in VARIANTS
    }


_SIDEBAR = re.compile(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', re.DOTALL)


def article_pages(site_dir: Path) -> dict:
    """What every built zh-Hans article page carries whatever its text: the
    median page's HTML bytes, and the most links any one page's sidebar
    holds (it grows with the corpus when the nav lists every article)."""
    pages = sorted((site_dir / "articles").glob("*/index.html"))
    if not pages:
        raise BenchError(f"no article pages in {site_dir}")
    sizes = sorted(page.stat().st_size for page in pages)
    links = []
    for page in pages:
        sidebar = _SIDEBAR.search(page.read_text(encoding="utf-8"))
        links.append(sidebar.group(0).count("<a ") if sidebar else 0)
    return {"pages": len(pages), "median_html_bytes": sizes[len(sizes) // 2], "most_sidebar_links": max(links)}
