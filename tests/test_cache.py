"""The build cache: one entry per seed, reused while nothing it was built from
changed; a change to the seed, its metadata, the code or the data rebuilds it."""
from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

import pipeline.build as build_module
from conftest import SEEDS
from pipeline import cache as cache_module
from pipeline.build import build
from pipeline.cache import Cache, fingerprint, stamp

NAMES = ["000_bd77a70b367ecf3a.txt", "004_bd78ec46800fc640.txt"]


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(SEEDS / name, folder / name)
    return folder


@pytest.fixture
def processed(monkeypatch) -> list:
    """The names of the seeds build() processed rather than took from the cache."""
    names: list[str] = []
    original = build_module.process
    monkeypatch.setattr(build_module, "process", lambda path, entry: names.append(path.name) or original(path, entry))
    return names


def test_a_rebuild_with_no_change_reuses_every_entry(seeds, tmp_path, processed):
    build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    assert sorted(processed) == NAMES
    processed.clear()
    result = build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    assert processed == []
    assert result.changed == []  # the same pages, not rewritten
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 2


def test_a_changed_data_file_invalidates_every_entry(seeds, tmp_path, processed, monkeypatch):
    build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    processed.clear()
    data = tmp_path / "data"
    shutil.copytree(cache_module.DATA_DIR, data)
    before = stamp()
    monkeypatch.setattr(cache_module, "DATA_DIR", data)
    assert stamp() == before  # the same files: the same stamp
    with open(data / "site.yml", "a", encoding="utf-8") as stream:
        stream.write("\n# an edit\n")
    assert stamp() != before
    build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    assert sorted(processed) == NAMES
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 2  # the old entries pruned


def test_the_stamp_does_not_depend_on_where_the_checkout_lives(tmp_path, monkeypatch):
    before = stamp()
    # code sorting after the data, then before it, in folders unlike the checkout's
    for code, data in [("a/pipeline", "z/data"), ("z/pipeline", "a/data")]:
        shutil.copytree(cache_module.CODE_DIR, tmp_path / code, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(cache_module.DATA_DIR, tmp_path / data)
        monkeypatch.setattr(cache_module, "CODE_DIR", tmp_path / code)
        monkeypatch.setattr(cache_module, "DATA_DIR", tmp_path / data)
        assert stamp() == before


def test_a_changed_metadata_entry_rebuilds_that_seed_only(seeds, tmp_path, processed):
    build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    processed.clear()
    (seeds / "metadata.yml").write_text(f"{NAMES[1]}:\n  title: 编辑定的标题\n", encoding="utf-8")
    build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    assert processed == [NAMES[1]]


def test_a_damaged_entry_is_rebuilt(seeds, tmp_path, processed):
    build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    processed.clear()
    for entry in (tmp_path / "cache").glob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[:40])
    result = build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    assert sorted(processed) == NAMES
    assert len(result.articles) == 2
    for entry in (tmp_path / "cache").glob("*.pickle"):
        assert pickle.loads(entry.read_bytes()).slug in {"000_bd77a70b367ecf3a", "004_bd78ec46800fc640"}


def test_prune_removes_what_this_build_did_not_use(seeds, tmp_path):
    folder = tmp_path / "cache"
    build(seeds, tmp_path / "docs", cache_dir=folder)
    (folder / "stale.pickle").write_bytes(b"old")
    (seeds / NAMES[0]).unlink()
    build(seeds, tmp_path / "docs", cache_dir=folder)
    assert len(list(folder.glob("*.pickle"))) == 1
    assert not (folder / "stale.pickle").exists()


def test_key_follows_strictness_name_bytes_and_entry(seeds, tmp_path):
    path = seeds / NAMES[0]
    cache, strict = Cache(tmp_path / "cache"), Cache(tmp_path / "cache", strict=True)
    key = cache.key(path, None)
    assert cache.key(path, None) == key
    assert strict.key(path, None) != key
    assert cache.key(path, {"title": "标题"}) != key
    renamed = seeds / "renamed.txt"
    shutil.copy(path, renamed)
    assert cache.key(renamed, None) != key


def test_an_entry_holds_no_seed_bytes(seeds, tmp_path):
    build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    for entry in (tmp_path / "cache").glob("*.pickle"):
        article = pickle.loads(entry.read_bytes())
        assert article.seed.raw == b"" and article.seed.text


def test_fingerprint_changes_with_a_seed(seeds):
    before = fingerprint(seeds)
    assert fingerprint(seeds) == before
    (seeds / "new.txt").write_text("新的种子\n\n一段正文。\n", encoding="utf-8")
    assert fingerprint(seeds) != before
    assert fingerprint(seeds / "missing") == ()


def test_a_rebuild_with_no_change_renders_and_derives_nothing_again(seeds, tmp_path, monkeypatch):
    """Pages, term mentions, ambiguity reports and duplicate texts come from the
    cache with their articles; no generated file is written again."""
    from pipeline import duplicates, termpages, variants, write

    build(seeds, tmp_path / "docs", tmp_path / "reports", tmp_path / "cache")
    files = [path for path in (tmp_path / "docs").rglob("*") if path.is_file()]
    times = {path: path.stat().st_mtime_ns for path in files}
    calls: list[str] = []
    for module, name in ((write, "_article_page"), (termpages, "_sentence_around"),
                         (variants, "_ambiguity_report"), (duplicates, "simplified"), (duplicates, "similarity")):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *args, original=original, name=name: calls.append(name) or original(*args))
    result = build(seeds, tmp_path / "docs", tmp_path / "reports", tmp_path / "cache")
    assert calls == []
    assert result.changed == [] and len(result.articles) == 2
    assert {path: path.stat().st_mtime_ns for path in files} == times


def test_an_edited_seed_renders_only_its_own_pages(seeds, tmp_path, monkeypatch):
    from pipeline import write

    build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    edited = seeds / NAMES[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n补上的一段话。\n", encoding="utf-8")
    rendered: list[str] = []
    original = write._article_page
    monkeypatch.setattr(write, "_article_page", lambda article, variant: rendered.append(article.seed.path.name) or original(article, variant))
    result = build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    assert set(rendered) == {NAMES[1]}
    changed_articles = {path for path in result.changed if "/articles/" in path}
    assert changed_articles and all(Path(path).stem == Path(NAMES[1]).stem for path in changed_articles)


def test_a_rebuild_reads_no_block_and_an_entry_still_holds_them_all(seeds, tmp_path):
    """The blocks, body and variants stay packed through a no-change rebuild
    (reports and pages included); read, they are those of a fresh build."""
    build(seeds, tmp_path / "docs", tmp_path / "reports", tmp_path / "cache")
    result = build(seeds, tmp_path / "docs", tmp_path / "reports", tmp_path / "cache")
    assert result.articles and all("packed" in vars(article) for article in result.articles)
    fresh = {article.slug: article for article in build(seeds, tmp_path / "fresh").articles}
    for article in result.articles:
        assert article.variants == fresh[article.slug].variants and article.variants[article.script]
        assert article.blocks == fresh[article.slug].blocks and article.body == fresh[article.slug].body
        assert "packed" not in vars(article)


def test_a_cold_build_reads_no_block_and_its_entries_hold_them_all(seeds, tmp_path):
    """A built seed comes back to the building process packed, as from the
    cache: its pages, the lists of articles (their opening sentences were
    worked out with it) and the reports read none of its blocks; its entry,
    stored from the pickle it came with, holds all of them."""
    result = build(seeds, tmp_path / "docs", tmp_path / "reports", tmp_path / "cache")
    assert result.articles and all("packed" in vars(article) for article in result.articles)
    cache = Cache(tmp_path / "cache")
    for article in result.articles:
        stored = cache.load(cache.key(seeds / article.seed.path.name, None))
        assert "packed" in vars(stored)
        assert stored.blocks == article.blocks and stored.body == article.body and stored.variants == article.variants
        assert article.variants[article.script] and "packed" not in vars(article)


def test_an_article_loaded_packed_is_stored_again_whole(seeds, tmp_path):
    build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    cache = Cache(tmp_path / "cache")
    key = cache.key(seeds / NAMES[0], None)
    article = cache.load(key)
    cache.store("again", article)
    assert cache.load("again") == cache.load(key) and cache.load("again").blocks
