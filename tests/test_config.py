"""Data files are checked when loaded: an error names the file, the key and what was expected."""
from pathlib import Path

import pytest

from pipeline.article import SeedError
from pipeline.config import DATA_DIR, load_data, read_data
from pipeline.metadata import load_metadata_file
from pipeline.schema import SCHEMAS, DataError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize("name", sorted(p.name for p in DATA_DIR.glob("*.yml")))
def test_every_real_data_file_loads(name):
    assert name in SCHEMAS, f"{name} has no schema"
    assert load_data(name)


def test_real_metadata_file_loads():
    assert load_metadata_file(SEEDS)


def test_data_is_loaded_once():
    assert load_data("glossary.yml") is load_data("glossary.yml")


BROKEN = [
    ("glossary.yml", "terms:\n  - {id: jepa, term: JEPA, definition: [a, list]}\n",
     ["glossary.yml", "terms[0].definition", "expected a string, got a list"]),
    ("glossary.yml", "terms:\n  - {id: jepa, term: JEPA}\n",
     ["glossary.yml", "terms[0].definition", "missing, expected a string"]),
    ("glossary.yml", "terms:\n  - {id: jepa, term: JEPA, definition: x, defintion: y}\n",
     ["glossary.yml", "terms[0].defintion", "unknown key"]),
    ("ingest.yml", "max_bytes: lots\n", ["ingest.yml", "max_bytes", "expected a whole number, got a string"]),
    ("duplicates.yml", "{}\n", ["duplicates.yml", "same_body", "missing, expected a number"]),
    ("variants.yml", "quotes: {zh-Hans: ['“', '”'], zh-Hant: ['「']}\n",
     ["variants.yml", "quotes.zh-Hant", "expected 2 to 2 items, got 1"]),
    ("bylines.yml", "datelines: ['(unclosed']\nfields: []\nnot_names: []\ndate_label: x\ndate: x\n"
     "english_date: x\nwrite_up: x\nroc_date: x\nnumeral_date: x\nmonth_day_year: x\nday_month_year: x\nenglish_day_first: x\nedition_words: x\nevent_date_label: x\nupdate_date_label: x\noffice: x\ngovernment_level: x\nbureau: x\nlink_date: x\ncalendar_line: x\nboard: x\ndate_only: x\nplatforms: []\nplatform_words: x\ndesk_words: x\nstaff_roles: x\n",
     ["bylines.yml", "datelines[0]", "expected a regular expression"]),
    ("script.yml", "shared_characters: 著\nregion_cues: {HK: {}, TW: {}}\ndefault_traditional_region: CN\n"
     "hk_min_score: 3\nalso_traditional: 里\nstandard_in_region: {}\ncredit_name: x\n",
     ["script.yml", "default_traditional_region", "expected one of TW, HK, got a string"]),
    ("site.yml", "- a list\n", ["site.yml", "(top level)", "expected a mapping, got a list"]),
]


@pytest.mark.parametrize("name, text, expected", BROKEN, ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(BROKEN)])
def test_broken_data_file_names_file_key_and_expectation(tmp_path, name, text, expected):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_data(path)
    for part in expected:
        assert part in str(info.value)


def test_data_file_that_is_not_yaml(tmp_path):
    path = tmp_path / "ingest.yml"
    path.write_text("max_bytes: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match="ingest.yml: not valid YAML"):
        read_data(path)


@pytest.mark.parametrize("text, expected", [
    ("a.txt:\n  tags: {one: two}\n", "a.txt.tags: expected a list or nothing, got a mapping"),
    ("a.txt:\n  headings: 一行\n", "a.txt.headings: expected a list of strings, got a string"),
    ("a.txt:\n  titel: 标题\n", "a.txt.titel: unknown key"),
    ("a.txt:\n  conversion:\n    - {zh-Hans: 项目}\n", "a.txt.conversion[0].zh-Hant: missing, expected a string"),
])
def test_broken_metadata_file_is_a_seed_error_naming_the_file(tmp_path, text, expected):
    (tmp_path / "metadata.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SeedError) as info:
        load_metadata_file(tmp_path)
    assert info.value.path.name == "metadata.yml"
    assert "metadata.yml" in str(info.value) and expected in str(info.value)


def test_build_with_a_broken_metadata_file_reports_it_and_keeps_the_pages(tmp_path):
    import shutil

    from pipeline.build import build
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "003_50ce4e93d524b5f0.txt", seeds)
    docs = tmp_path / "docs"
    build(seeds, docs)
    before = {p: p.read_bytes() for p in docs.rglob("*.md")}
    (seeds / "metadata.yml").write_text("003_50ce4e93d524b5f0.txt:\n  title: [a, list]\n", encoding="utf-8")
    with pytest.raises(SeedError, match=r"metadata.yml: 003_50ce4e93d524b5f0.txt.title: expected a string"):
        build(seeds, docs)
    assert {p: p.read_bytes() for p in docs.rglob("*.md")} == before
