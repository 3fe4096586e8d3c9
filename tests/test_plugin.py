"""The reader plugin (scripts/reader): its typed settings, and the output of
each seeds folder kept apart, by `mkdocs build` and `mkdocs serve` alike."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import SEEDS, mkdocs_build

OTHER_SEED = "其他文件夹的文章.txt"
OTHER_TEXT = "另一个文件夹里的文章标题\n\n这是另一个种子文件夹里唯一的一篇文章，用来确认它不会出现在默认文件夹的页面里。\n"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def other_seeds(tmp_path_factory) -> Path:
    seeds = tmp_path_factory.mktemp("elsewhere") / "more-seeds"
    seeds.mkdir()
    (seeds / OTHER_SEED).write_text(OTHER_TEXT, encoding="utf-8")
    return seeds


def test_another_seeds_folder_leaves_the_default_output_alone(site, project, other_seeds, tmp_path):
    default = project / "build" / "seeds"
    before = {name: snapshot(default / name) for name in ("docs", "reports")}
    assert any(name.startswith("zh-Hant/articles/") for name in before["docs"]) and before["reports"]
    out = tmp_path / "out"
    mkdocs_build(project, out, env={"SEEDS_DIR": str(other_seeds)})
    assert {name: snapshot(default / name) for name in ("docs", "reports")} == before
    # the other folder's pages, reports and site hold its one article only
    others = [p for p in (project / "build").iterdir() if p.name.startswith("more-seeds-")]
    assert len(others) == 1, others
    pages = sorted(p.name for p in (others[0] / "docs" / "zh-Hans" / "articles").iterdir())
    assert len(pages) == 1 and pages[0].endswith(".md")
    assert (others[0] / "reports" / "summary.txt").read_text(encoding="utf-8").startswith(OTHER_SEED)
    built = sorted(p.name for p in (out / "articles").iterdir())
    assert built == [pages[0].removesuffix(".md")]
    assert not (project / "docs" / "zh-Hans").exists()  # nothing generated among the project's own files


def test_a_setting_of_the_wrong_type_is_refused(project, tmp_path):
    config = project / "mkdocs-wrong.yml"
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(text.replace("  - reader:\n", "  - reader:\n      strict: sometimes\n", 1), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "-f", str(config), check=False)
    assert result.returncode != 0
    assert re.search(r"reader.*strict", result.stdout + result.stderr), result.stdout + result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, deadline: float) -> str:
    """The page at url, retrying while the server is still starting."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)  # polling a server that is starting, not waiting a fixed time


def test_serve_shows_the_default_folder_after_another_was_built(site, project, other_seeds, tmp_path):
    mkdocs_build(project, tmp_path / "out", env={"SEEDS_DIR": str(other_seeds)})
    port = _free_port()
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    environment.pop("SEEDS_DIR", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        home = _get(f"http://127.0.0.1:{port}/", time.monotonic() + 120)
    finally:
        server.terminate()
        server.wait(timeout=30)
    seeds = sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert all(f"articles/{seed}/" in home for seed in seeds), seeds
    assert "另一个文件夹里的文章标题" not in home


def test_heading_permalinks_are_titled_in_the_pages_variant(site):
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "Permanent link" not in html, page
    hant = (site / "zh-Hant" / "glossary" / "index.html").read_text(encoding="utf-8")
    hans = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'class="headerlink"' in hans and 'title="本节链接"' in hans and 'title="本節連結"' in hant


def test_templates_compile_once_per_process_and_again_when_edited():
    """Each MkDocs build (static-i18n's second pass, every serve rebuild) makes
    a new template environment; the plugin's bytecode cache spares compiling."""
    import jinja2

    from reader.plugin import CompiledTemplates

    cache = CompiledTemplates()
    templates = {"page.html": "<p>{{ word }}</p>"}

    def render():
        env = jinja2.Environment(loader=jinja2.DictLoader(templates), bytecode_cache=cache)
        compiled = []
        original = env.compile
        env.compile = lambda *args, **kwargs: compiled.append(1) or original(*args, **kwargs)
        return env.get_template("page.html").render(word="词"), len(compiled)

    assert render() == ("<p>词</p>", 1)
    assert render() == ("<p>词</p>", 0)
    templates["page.html"] = "<b>{{ word }}</b>"
    assert render() == ("<b>词</b>", 1)
