"""Script detection: Simplified or Traditional, and the mixed-script report."""
from pathlib import Path

import pytest

from pipeline.article import HANS, HANT
from pipeline.ingest import read_seed
from pipeline.script import detect_script

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(p for p in SEEDS.glob("*.txt"))


def test_all_five_seeds_present():
    assert [p.name[:3] for p in SEED_FILES] == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_real_seed_script(path):
    script, report = detect_script(read_seed(path).text)
    expected = HANT if path.name.startswith("003") else HANS
    assert script == expected
    assert report == ""


def test_mostly_simplified_with_a_few_traditional():
    # Simplified-only: 这 简 体 写 们 说 话 时 间 长 还 (11); Traditional-only: 這 個 與 體 (4).
    text = "这是一篇用简体中文写的文章，我们说话时间很长，还有這個與體。"
    script, report = detect_script(text)
    assert script == HANS
    assert report
    assert "11 Simplified-only" in report
    assert "4 Traditional-only" in report
    # The minority characters are named.
    for char in "這個與體":
        assert char in report


def test_mostly_traditional_with_a_few_simplified():
    text = "這是一篇用繁體中文寫的文章，我們說話時間很長，还有这个。"
    script, report = detect_script(text)
    assert script == HANT
    assert "Traditional-only" in report and "Simplified-only" in report
    assert "还" in report and "这" in report


def test_pure_simplified_has_empty_report():
    assert detect_script("这些说话时间很长。") == (HANS, "")


def test_shared_characters_say_nothing():
    # 著 and 覆 are mapped by OpenCC but standard in Simplified too.
    script, report = detect_script("这位著名的科学家覆盖了这个领域，说话时间长。")
    assert script == HANS
    assert report == ""


def test_text_without_han_defaults_to_simplified():
    assert detect_script("Only English here.") == (HANS, "")
