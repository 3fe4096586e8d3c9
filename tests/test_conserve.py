"""No article lost to a check: a line missing from its page is put back in
place with a warning; strict mode fails instead; reports say what happened."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

import pipeline.structure as structure_module
from pipeline.article import SeedError
from pipeline.build import build
from pipeline.conserve import comparable, page_text
from pipeline.reports import cleaning_report, summary

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LINES = [
    "一座城市的早餐摊，藏着多少人的生计",
    "城市观察 2025年10月08日 07:00 湖北",
    "清晨五点半，武汉汉口的一条小巷里，热干面的香味已经飘了出来。",
    "摊主老周夫妇做这门生意快二十年了，每天要卖出三百多碗。",
    "他们的儿子在外地读大学，学费几乎全靠这个小摊。",
]


@pytest.fixture
def lossy_structure(monkeypatch):
    """A structure stage that drops the paragraph about the son."""
    original = structure_module.structure

    def dropping(article):
        original(article)
        article.blocks = [b for b in article.blocks if "儿子" not in b.text]

    monkeypatch.setattr("pipeline.stages.structure", dropping)  # the structure stage calls it from there


def seeds_with(tmp_path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "stall.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return seeds


def test_a_lost_line_is_put_back_in_place_with_a_warning(tmp_path, lossy_structure, caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs.pipeline"):
        result = build(seeds_with(tmp_path), tmp_path / "docs", tmp_path / "reports")
    [article] = result.articles
    texts = [b.text for b in article.blocks]
    assert texts.index("他们的儿子在外地读大学，学费几乎全靠这个小摊。") == len(texts) - 1
    assert texts.index("他们的儿子在外地读大学，学费几乎全靠这个小摊。") > texts.index("摊主老周夫妇做这门生意快二十年了，每天要卖出三百多碗。")
    [record] = [r for r in caplog.records if "stall.txt" in r.getMessage()]
    assert "line 5" in record.getMessage() and "structure stage" in record.getMessage()
    page = (tmp_path / "docs" / "zh-Hans" / "articles" / "stall.md").read_text(encoding="utf-8")
    assert "他们的儿子在外地读大学" in page
    report = (tmp_path / "reports" / "stall.txt").read_text(encoding="utf-8")
    assert "put back by the conservation check" in report


def test_strict_mode_fails_the_seed_instead(tmp_path, lossy_structure):
    result = build(seeds_with(tmp_path), tmp_path / "docs", strict=True)
    assert result.articles == []
    [error] = result.errors
    assert isinstance(error, SeedError) and "line 5" in str(error) and "stall.txt" in str(error)


def test_report_says_where_each_field_came_from(tmp_path):
    result = build(seeds_with(tmp_path), tmp_path / "docs", tmp_path / "reports")
    report = cleaning_report(result.articles[0])
    assert "title: 一座城市的早餐摊，藏着多少人的生计  [from line 1 (headline)]" in report
    assert "date: 2025-10-08  [from line 2" in report
    assert "outlet: 城市观察  [from line 2" in report
    assert "region: CN" in report
    line = summary(result.articles[0])
    assert line.startswith("stall.txt: zh-Hans CN,") and "date 2025-10-08" in line and "outlet 城市观察" in line


def test_editorial_title_is_marked_in_the_summary(tmp_path):
    seeds = seeds_with(tmp_path)
    (seeds / "metadata.yml").write_text("stall.txt:\n  title: 编辑定的标题\n", encoding="utf-8")
    result = build(seeds, tmp_path / "docs")
    assert "title 编辑定的标题 (editorial)" in summary(result.articles[0])


def test_removed_lines_are_reported_with_rule_and_evidence():
    from pipeline.build import process
    article = process(SEEDS / "001_f5076b2d9f848529.txt", None)
    report = cleaning_report(article)
    assert "[interface]\t关于ZAKER 合作\t(cues interface" in report
    assert "[share_prompt]\t一键关注 点亮星标" in report
    assert "zone tail" in report


def test_comparable_keeps_letters_and_digits_of_every_script_case_folded():
    import unicodedata
    from pipeline.conserve import comparable

    text = "".join(chr(code) for code in range(0x20, 0x3400)) + "世界模型 JEPA，２０２５年！Straße①"
    expected = "".join(c for c in text.casefold() if unicodedata.category(c)[0] in "LN")
    assert comparable(text) == expected
    assert comparable("杨立昆：JEPA（2025）。") == "杨立昆jepa2025"


def test_page_text_keeps_nothing_from_the_page_before():
    """One Markdown instance renders every page; a page's link definitions
    and footnotes must not reach the next one."""
    from pipeline.conserve import page_text

    first = page_text("---\ntitle: 一\n---\n[世界模型][ref]\n\n[ref]: https://example.org/a\n")
    assert "https://example.org/a" in first
    second = page_text("---\ntitle: 二\n---\n[世界模型][ref]\n")
    assert "https://example.org/a" not in second and "[世界模型][ref]" in second


def test_page_text_keeps_every_word_around_emphasis_breaks_links_and_tags():
    page = "---\ntitle: 标题\n---\n前文**加粗的词**与*斜体*后文  \n新的一行，[链接文字](https://example.org/v1)。\n\n<span>标签里的话</span>\n"
    text = page_text(page)
    assert "<" not in text
    assert comparable(text) == comparable("前文加粗的词与斜体后文新的一行， https://example.org/v1 链接文字。标签里的话")
