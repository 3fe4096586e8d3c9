"""The pipeline's entry point: slugs, skipping bad seeds, atomic pages, the cache,
conservation and reproducible sites."""
from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from conftest import SEEDS, make_project, mkdocs_build
from pipeline import conserve
from pipeline.article import Block, SeedError, Text
from pipeline.build import build, process, slug_for
from pipeline import workers, write


def copy_seeds(target: Path, names: list[str]) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SEEDS / name, target / name)
    return target


def test_slugs_are_stable_and_unique():
    assert slug_for(Path("000_bd77a70b367ecf3a.txt")) == "000_bd77a70b367ecf3a"
    assert slug_for(Path("with space.txt")) == slug_for(Path("with space.txt")).lower()
    assert slug_for(Path("with space.txt")).startswith("with-space-")
    assert slug_for(Path("a b.txt")) != slug_for(Path("a-b.md")) != slug_for(Path("a-b.txt"))
    assert slug_for(Path("世界模型.txt")).startswith("seed-")
    assert slug_for(Path("世界模型.txt")) != slug_for(Path("世界.txt"))


def test_adding_or_renaming_a_seed_moves_no_other_page(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds", ["000_bd77a70b367ecf3a.txt", "001_f5076b2d9f848529.txt"])
    first = {a.seed.path.name: a.slug for a in build(seeds, tmp_path / "docs").articles}
    shutil.copy(SEEDS / "004_bd78ec46800fc640.txt", seeds / "004 renamed.txt")
    (seeds / "001_f5076b2d9f848529.txt").rename(seeds / "001-new-name.txt")
    second = {a.seed.path.name: a.slug for a in build(seeds, tmp_path / "docs").articles}
    assert second["000_bd77a70b367ecf3a.txt"] == first["000_bd77a70b367ecf3a.txt"]
    assert (tmp_path / "docs" / "zh-Hans" / "articles" / "000_bd77a70b367ecf3a.md").is_file()
    assert not (tmp_path / "docs" / "zh-Hans" / "articles" / "001_f5076b2d9f848529.md").exists()  # nothing lingers


def test_bad_seed_is_skipped_and_named(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds", ["002_845811e626afcf28.txt"])
    (seeds / "blank.txt").write_text("  \n ", encoding="utf-8")
    result = build(seeds, tmp_path / "docs")
    assert [a.seed.path.name for a in result.articles] == ["002_845811e626afcf28.txt"]
    assert [str(e) for e in result.errors] == ["blank.txt: whitespace-only seed (no text)"]


def test_failed_build_leaves_pages_untouched(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds", ["003_50ce4e93d524b5f0.txt"])
    docs = tmp_path / "docs"
    build(seeds, docs)
    before = {p: p.read_bytes() for p in docs.rglob("*.md")}
    (seeds / "metadata.yml").write_text("003_50ce4e93d524b5f0.txt: [not, a, mapping\n", encoding="utf-8")
    shutil.copy(SEEDS / "000_bd77a70b367ecf3a.txt", seeds)
    with pytest.raises(SeedError, match="metadata.yml"):
        build(seeds, docs)
    assert {p: p.read_bytes() for p in docs.rglob("*.md")} == before


def test_cache_skips_unchanged_seeds(tmp_path, monkeypatch):
    seeds = copy_seeds(tmp_path / "seeds", ["000_bd77a70b367ecf3a.txt", "004_bd78ec46800fc640.txt"])
    cache = tmp_path / "cache"
    build(seeds, tmp_path / "docs", cache_dir=cache)
    processed = []
    import pipeline.build as build_module
    original = build_module.process
    monkeypatch.setattr(build_module, "process", lambda path, entry: processed.append(path.name) or original(path, entry))
    build(seeds, tmp_path / "docs", cache_dir=cache)
    assert processed == []
    (seeds / "004_bd78ec46800fc640.txt").write_text("改过的种子\n\n只有这一段。\n", encoding="utf-8")
    result = build(seeds, tmp_path / "docs", cache_dir=cache)
    assert processed == ["004_bd78ec46800fc640.txt"]
    assert len(list(cache.glob("*.pickle"))) == 2  # the stale entry is gone
    assert "只有这一段" in (tmp_path / "docs" / "zh-Hans" / "articles" / "004_bd78ec46800fc640.md").read_text(encoding="utf-8")
    assert len(result.articles) == 2


def test_conservation_catches_a_lost_passage():
    article = process(SEEDS / "001_f5076b2d9f848529.txt", None)
    conserve.check(article, write.article_page(article, article.script))  # the real page keeps everything
    lost = next(i for i, b in enumerate(article.variants[article.script]) if b.kind == "paragraph" and "硅谷最著名" in b.inlines[0].text)
    del article.variants[article.script][lost]
    with pytest.raises(SeedError) as error:
        conserve.check(article, write.article_page(article, article.script))
    assert "001_f5076b2d9f848529.txt" in str(error.value) and "硅谷最著名" in str(error.value)


def test_conservation_catches_a_changed_character():
    article = process(SEEDS / "000_bd77a70b367ecf3a.txt", None)
    block = next(b for b in article.blocks if b.kind == "paragraph")
    text = next(node for node in block.inlines if isinstance(node, Text))
    text.text = text.text.replace("的", "地", 1)
    with pytest.raises(SeedError, match="conservation check failed"):
        conserve.check(article, write.article_page(article, article.script))


def test_two_builds_are_byte_identical(site, project, tmp_path):
    second = tmp_path / "site"
    mkdocs_build(project, second)
    comparison = filecmp.dircmp(site, second)
    differing = []

    def walk(cmp, prefix=""):
        differing.extend(prefix + name for name in cmp.diff_files + cmp.left_only + cmp.right_only)
        for name, sub in cmp.subdirs.items():
            walk(sub, prefix + name + "/")

    walk(comparison)
    mismatched = [name for name in _all_files(site) if (site / name).read_bytes() != (second / name).read_bytes()]
    assert differing == [] and mismatched == []


def _all_files(root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()]


def _pages(docs: Path) -> dict[str, bytes]:
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in docs.rglob("*.md")}


def test_a_rebuild_of_the_same_articles_derives_no_site_wide_page(tmp_path, monkeypatch):
    from pipeline import navigation, termpages

    seeds = copy_seeds(tmp_path / "seeds", ["000_bd77a70b367ecf3a.txt", "004_bd78ec46800fc640.txt"])
    build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    before = _pages(tmp_path / "docs")
    calls: list[str] = []
    for module, name in ((termpages, "pages"), (navigation, "pages"), (navigation, "article_footers"), (write, "pages")):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *args, original=original, name=name: calls.append(name) or original(*args))
    result = build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    assert calls == [] and result.changed == []
    assert _pages(tmp_path / "docs") == before
    (tmp_path / "docs" / "zh-Hans" / "index.md").unlink()  # a page lost from docs/ is written again
    assert build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache").changed == ["zh-Hans/index.md"]
    assert _pages(tmp_path / "docs") == before


def test_a_changed_title_reaches_every_page_that_lists_the_article(tmp_path):
    """From the cache, the term pages citing it and the month page listing
    it change as a build without the cache makes them."""
    seeds = copy_seeds(tmp_path / "seeds", ["000_bd77a70b367ecf3a.txt", "004_bd78ec46800fc640.txt"])
    metadata = seeds / "metadata.yml"
    old, new = "研究与商业之间的一次转身", "实验室与市场的岔路口"
    metadata.write_text(f"000_bd77a70b367ecf3a.txt:\n  title: {old}\n", encoding="utf-8")
    build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    listing = [path for path, text in _pages(tmp_path / "docs").items()
               if old.encode() in text and path.startswith(("zh-Hans/glossary/", "zh-Hans/months/"))]
    metadata.write_text(metadata.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    result = build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    pages = _pages(tmp_path / "docs")
    assert any(path.startswith("zh-Hans/glossary/") for path in listing) and any(path.startswith("zh-Hans/months/") for path in listing)
    assert set(listing) <= set(result.changed)
    assert all(new.encode() in pages[path] and old.encode() not in pages[path] for path in listing)
    build(seeds, tmp_path / "fresh")
    assert pages == _pages(tmp_path / "fresh")


def test_seeds_built_on_several_cores_make_the_same_pages_and_errors(tmp_path, monkeypatch):
    import pipeline.build as build_module
    seeds = copy_seeds(tmp_path / "seeds", sorted(path.name for path in SEEDS.glob("*.txt")))
    (seeds / "empty.txt").write_bytes(b"")
    in_turn = build(seeds, tmp_path / "in-turn", tmp_path / "in-turn-reports", tmp_path / "in-turn-cache")
    monkeypatch.setattr(build_module, "PARALLEL_FROM", 2)  # six seeds: three processes' worth
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    spread = build(seeds, tmp_path / "spread", tmp_path / "spread-reports", tmp_path / "spread-cache")
    assert [a.slug for a in spread.articles] == [a.slug for a in in_turn.articles] and len(spread.articles) == 5
    assert [str(e) for e in spread.errors] == [str(e) for e in in_turn.errors] and "empty.txt" in str(spread.errors[0])
    for ours, theirs in (("in-turn", "spread"), ("in-turn-reports", "spread-reports")):
        files = {path.relative_to(tmp_path / ours): path.read_bytes() for path in (tmp_path / ours).rglob("*") if path.is_file()}
        assert len(files) > 10
        assert files == {path.relative_to(tmp_path / theirs): path.read_bytes() for path in (tmp_path / theirs).rglob("*") if path.is_file()}
    assert sorted(p.name for p in (tmp_path / "spread-cache").iterdir()) == sorted(p.name for p in (tmp_path / "in-turn-cache").iterdir())
