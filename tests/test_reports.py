"""The reports folder: a cleaning, fidelity and ambiguity report per article,
fidelity.json, one summary line per seed, a note per duplicate."""
from __future__ import annotations

import json
import shutil

from conftest import SEEDS
from pipeline import reports
from pipeline.build import build, process
from pipeline.duplicates import Duplicate


def test_every_report_of_a_build_is_written(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("000_bd77a70b367ecf3a.txt", "004_bd78ec46800fc640.txt"):
        shutil.copy(SEEDS / name, seeds / name)
    (seeds / "empty.txt").write_text("", encoding="utf-8")
    result = build(seeds, tmp_path / "docs", tmp_path / "reports")
    written = {path.name for path in (tmp_path / "reports").iterdir()}
    for article in result.articles:
        assert {f"{article.slug}.txt", f"ambiguity-{article.slug}.txt"} <= written
    assert {"summary.txt", "fidelity.json"} <= written
    summary = (tmp_path / "reports" / "summary.txt").read_text(encoding="utf-8").splitlines()
    assert [line.split(":")[0] for line in summary[:2]] == ["000_bd77a70b367ecf3a.txt", "004_bd78ec46800fc640.txt"]
    assert summary[2].startswith("skipped empty.txt")
    figures = json.loads((tmp_path / "reports" / "fidelity.json").read_text(encoding="utf-8"))
    for article in result.articles:
        if article.fidelity is not None:
            assert f"fidelity-{article.slug}.txt" in written
            assert figures[article.seed.path.name]["han_chars"] == article.fidelity.han_chars


def test_a_duplicate_is_noted_in_the_summary_and_its_own_report():
    article = process(SEEDS / "000_bd77a70b367ecf3a.txt", None)
    duplicate = Duplicate("copy.txt", "copy", article.seed.path.name, 0.97, "某报")
    out = reports.reports([article], [duplicate], [])
    assert "copy.txt: duplicate of 000_bd77a70b367ecf3a.txt (97% the same); credited on its page as 某报" in out["summary.txt"]
    assert out["copy.txt"] == "seed: copy.txt\nduplicate of: 000_bd77a70b367ecf3a.txt (97.0% of the body the same)\ncredited as: 某报\n"


def test_summary_counts_the_conversion_spans_to_check():
    article = process(SEEDS / "004_bd78ec46800fc640.txt", None)
    assert reports.summary(article).endswith(" conversion spans to check")
    assert reports.cleaning_report(article).startswith("seed: 004_bd78ec46800fc640.txt\nencoding: ")
