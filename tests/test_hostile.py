"""Broken and hostile seeds (tests/hostile/): each builds safely or is skipped
with one error line naming it; nothing from a seed becomes live markup."""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import make_project, mkdocs_build

HOSTILE = Path(__file__).parent / "hostile"
SKIPPED = {
    "empty.txt": "empty seed",
    "whitespace-only.txt": "whitespace-only",
    "only-boilerplate.txt": "only boilerplate",
    "binary-nul.txt": "binary",
    "not-text.txt": "not text",
    "huge.txt": "too large",
}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """The hostile folder plus two generated giants, built without --strict."""
    seeds = tmp_path_factory.mktemp("hostile-seeds")
    shutil.copytree(HOSTILE, seeds, dirs_exist_ok=True)
    line = "世界模型是一种预测行动后果的系统，" * 70000  # one line of about 1 MB
    (seeds / "one-megabyte-line.txt").write_text(line[: 1_000_000 // 3] + "。\n", encoding="utf-8")
    with open(seeds / "huge.txt", "wb") as stream:  # 20 MB
        stream.write(("正文。" * 1000 + "\n").encode("utf-8") * 2300)
    project = make_project(tmp_path_factory.mktemp("hostile-project"), seeds)
    site = project / "site"
    result = mkdocs_build(project, site, strict=False)
    return project, site, result.stdout + result.stderr


def test_bad_seeds_are_skipped_with_one_line_each(hostile_build):
    _, _, log = hostile_build
    for name, reason in SKIPPED.items():
        lines = [line for line in log.splitlines() if f"Skipped seed {name}:" in line]
        assert len(lines) == 1, f"{name}: {lines}"
        assert reason in lines[0]
    assert log.count("Skipped seed") == len(SKIPPED)


def test_other_seeds_still_build(hostile_build):
    _, site, _ = hostile_build
    built = {p.parent.name for p in (site / "articles").glob("*/index.html")}
    for stem in ("raw-html", "template-lookalikes", "invalid-front-matter", "same-title-a", "same-title-b",
                 "mixed-script", "gbk-encoded", "utf16-bom", "one-megabyte-line", "no-extension"):
        assert stem in built, stem
    assert any(name.startswith("file-name-with-spaces-") for name in built)
    assert any(name.startswith("seed-") for name in built)  # 世界模型笔记.txt
    assert len(built) == 12  # 18 seeds, 6 skipped
    assert {p.parent.name for p in (site / "zh-Hant" / "articles").glob("*/index.html")} == built


class _LiveMarkup(HTMLParser):
    """Elements and attributes that would run or load something."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "style", "object", "embed"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if name in ("href", "src") and re.match(r"\s*(javascript|data|vbscript):", value or "", re.IGNORECASE):
                self.found.append(f"{tag}[{name}={value[:20]}]")


@pytest.mark.parametrize("stem", ["raw-html", "template-lookalikes"])
def test_no_seed_markup_becomes_live(hostile_build, stem):
    _, site, _ = hostile_build
    for page in [site / "articles" / stem / "index.html", site / "zh-Hant" / "articles" / stem / "index.html"]:
        html = page.read_text(encoding="utf-8")
        parser = _LiveMarkup()
        parser.feed(re.search(r"<article.*</article>", html, re.DOTALL).group(0))
        assert parser.found == [], parser.found
    text = (site / "articles" / "raw-html" / "index.html").read_text(encoding="utf-8")
    # shown to the reader, as text
    assert "&lt;script&gt;alert(&#39;seed-script&#39;)&lt;/script&gt;" in text or "&lt;script&gt;alert('seed-script')&lt;/script&gt;" in text
    assert "onerror=alert(&#39;seed-img&#39;)" in text or "onerror=alert('seed-img')" in text


def test_template_lookalikes_show_as_text(hostile_build):
    _, site, _ = hostile_build
    html = (site / "articles" / "template-lookalikes" / "index.html").read_text(encoding="utf-8")
    for literal in ["{{ config.site_name }}", "{% include", "[[世界模型]]", "&lt;!-- 隐藏的注释 --&gt;"]:
        assert literal in html, literal
    assert 'id="fake-id"' not in html and "danger" not in re.findall(r'class="([^"]*)"', html)


def test_mixed_script_seed_loses_its_stray_simplified_characters(hostile_build):
    # A mostly Traditional text with characters a machine conversion left
    # behind gets a Traditional page; each character changed is reported.
    project, site, log = hostile_build
    text = (site / "zh-Hant" / "articles" / "mixed-script" / "index.html").read_text(encoding="utf-8")
    assert "並、後、於" in text and "并、后、于" not in text
    report = (project / "build" / "seeds" / "reports" / "mixed-script.txt").read_text(encoding="utf-8")
    assert "mixed script" in report
    for change in ("并 -> 並", "后 -> 後", "于 -> 於"):
        assert change in report


def test_strict_mode_fails_on_a_bad_seed(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(HOSTILE / "empty.txt", seeds)
    shutil.copy(HOSTILE / "gbk-encoded.txt", seeds)
    project = make_project(tmp_path / "project", seeds)
    result = mkdocs_build(project, project / "site", check=False)
    assert result.returncode != 0
    assert "Skipped seed empty.txt: empty seed" in result.stdout + result.stderr
