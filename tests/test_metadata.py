"""Metadata: front matter, dates, seeds/metadata.yml and titles from the text."""
import datetime as dt
from pathlib import Path

import pytest

from pipeline.article import Article, Seed, SeedError
from pipeline.build import process
from pipeline.clean import clean
from pipeline.ingest import read_seed
from pipeline.metadata import (
    complete_metadata,
    load_metadata_file,
    normalise_date,
    split_front_matter,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_path(prefix):
    return next(SEEDS.glob(prefix + "_*.txt"))


def article_from_text(text, name="sample.txt"):
    article = Article(seed=Seed(Path(name), text.encode("utf-8"), text), slug="sample")
    split_front_matter(article)
    return article


def body_text(article):
    return "\n".join(line for _, line in article.body)


# --- front matter -----------------------------------------------------------

def test_seed_003_front_matter():
    article = Article(seed=read_seed(seed_path("003")), slug="003")
    split_front_matter(article)
    meta = article.meta
    assert meta["title"] == "Yann LeCun 65歲創業宣言——為什麼他要與整個矽谷對賭？"
    assert meta["date"] == "2025-12-22"
    assert meta["description"].startswith("圖靈獎得主 Yann LeCun 在 65 歲離開 Meta")
    assert meta["tags"] == ["Yann LeCun", "World Model", "JEPA", "Meta", "AI 創業"]
    assert meta["source_url"] == "https://www.youtube.com/watch?v=7u-DXVADyhc"
    assert meta["source_name"] == "Information Bottleneck Podcast"
    # Unknown keys (categories, draft) are not copied into meta.
    assert "categories" not in meta and "draft" not in meta
    body = body_text(article)
    assert "title:" not in body
    assert "source_url:" not in body
    assert "{{< youtube 7u-DXVADyhc >}}" in body
    # The body keeps original line numbers: front matter was lines 1-10.
    assert article.body[0][0] == 11
    assert any(r.rule == "front-matter" for r in article.removed)


def test_invalid_yaml_front_matter_stays_in_body():
    article = article_from_text("---\n: : bad [\n---\n正文第一句。")
    assert article.meta == {}
    lines = [line for _, line in article.body]
    assert lines == ["---", ": : bad [", "---", "正文第一句。"]
    assert any("invalid" in r.rule for r in article.removed)


def test_invalid_yaml_front_matter_survives_the_whole_pipeline(tmp_path):
    path = tmp_path / "bad_front.txt"
    path.write_text("---\n: : bad [\n---\n正文第一句，写得很长的一句话。\n", encoding="utf-8")
    # With a title from metadata.yml the bad line is not taken as the title,
    # so it must reach the page as paragraph text.
    article = process(path, {"title": "条目标题"})
    assert article.meta["title"] == "条目标题"
    texts = [
        node.text
        for block in article.blocks
        for nodes in [block.inlines, *block.items]
        for node in nodes
        if hasattr(node, "text")
    ]
    assert any(": : bad [" in text for text in texts)


def test_front_matter_that_is_not_a_mapping_stays_in_body():
    article = article_from_text("---\njust a string\n---\n正文。")
    assert article.meta == {}
    assert "just a string" in body_text(article)


def test_unclosed_front_matter_stays_in_body():
    article = article_from_text("---\ntitle: 无结尾\n正文。")
    assert "title" not in article.meta
    assert "title: 无结尾" in body_text(article)


def test_toml_front_matter():
    article = article_from_text('+++\ntitle = "TOML 标题"\ndate = 2025-11-18\ntags = ["甲", "乙"]\n+++\n正文。')
    assert article.meta == {"title": "TOML 标题", "date": "2025-11-18", "tags": ["甲", "乙"]}
    assert [line for _, line in article.body] == ["正文。"]
    assert article.body[0][0] == 6


def test_front_matter_after_leading_blank_lines():
    article = article_from_text("\n\n---\ntitle: 标题\n---\n正文。")
    assert article.meta["title"] == "标题"
    assert "title: 标题" not in body_text(article)


# --- dates ------------------------------------------------------------------

@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025年11月18日", "2025-11-18"),
        ("远方的家 2025年11月18日 13:18", "2025-11-18"),
        ("2025年1月2日", "2025-01-02"),
        ("2025/3/4", "2025-03-04"),
        (dt.date(2025, 12, 22), "2025-12-22"),
        (dt.datetime(2025, 12, 22, 22, 10), "2025-12-22"),
        ("2025-02-30", "2025-02-30"),  # not a date: left as written
        ("日期不详", "日期不详"),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


# --- metadata.yml -------------------------------------------------------------

def test_metadata_file_entry_overrides_title():
    entries = load_metadata_file(SEEDS)
    path = seed_path("004")
    entry = entries[path.name]
    with_entry = process(path, entry)
    without_entry = process(path, None)
    assert with_entry.meta["title"] == "从封神到翻车：Meta AI 的双轨困局与重组豪赌"
    assert without_entry.meta["title"] != with_entry.meta["title"]


def test_entry_beats_front_matter():
    article = article_from_text("---\ntitle: 前言标题\ndate: 2024-01-01\n---\n正文。")
    complete_metadata(article, {"title": "条目标题", "date": "2025年1月2日"})
    assert article.meta["title"] == "条目标题"
    assert article.meta["date"] == "2025-01-02"


def test_entry_not_headings_are_passed_on():
    article = article_from_text("正文。")
    complete_metadata(article, {"not_headings": ["1947年，贝尔实验室发明晶体管"]})
    assert article.meta["not_headings"] == ["1947年，贝尔实验室发明晶体管"]


def test_source_name_becomes_outlet_when_none():
    article = article_from_text("---\nsource_name: 某播客\n---\n正文。")
    complete_metadata(article, None)
    assert article.meta["outlet"] == "某播客"


def test_load_metadata_file_real():
    entries = load_metadata_file(SEEDS)
    assert "000_bd77a70b367ecf3a.txt" in entries
    assert "001_f5076b2d9f848529.txt" not in entries


def test_load_metadata_file_missing_is_empty(tmp_path):
    assert load_metadata_file(tmp_path) == {}


def test_load_metadata_file_invalid_yaml(tmp_path):
    (tmp_path / "metadata.yml").write_text("a.txt:\n  title: [unclosed\n", encoding="utf-8")
    with pytest.raises(SeedError) as info:
        load_metadata_file(tmp_path)
    assert "metadata.yml" in str(info.value)


def test_load_metadata_file_wrong_shape(tmp_path):
    (tmp_path / "metadata.yml").write_text("a.txt: just a title\n", encoding="utf-8")
    with pytest.raises(SeedError) as info:
        load_metadata_file(tmp_path)
    assert "metadata.yml" in str(info.value)


# --- titles from the text -------------------------------------------------------

def test_seed_without_entry_titled_from_short_first_line():
    path = seed_path("001")
    assert path.name not in load_metadata_file(SEEDS)
    article = process(path, None)
    assert article.meta["title"] == "忍无可忍，LeCun 离职！Meta 市值应声蒸发 1400 亿"
    # The title line (line 4) has left the body; the similar sentence on line 6 stays.
    numbers = [number for number, _ in article.body]
    assert 4 not in numbers
    assert 6 in numbers
    assert any(r.rule.startswith("title-line") and r.line == 4 for r in article.removed)


def test_title_from_first_sentence_when_first_line_is_a_sentence():
    article = article_from_text("杨立昆宣布离开 Meta，创办一家新公司。\n第二段。")
    complete_metadata(article, None)
    assert article.meta["title"] == "杨立昆宣布离开 Meta"
    # A sentence is article text: it stays in the body.
    assert article.body[0] == (1, "杨立昆宣布离开 Meta，创办一家新公司。")


def test_title_from_long_first_sentence_is_shortened():
    sentence = "这是" + "非常" * 30 + "长的一句话。"
    article = article_from_text(sentence)
    complete_metadata(article, None)
    title = article.meta["title"]
    assert title.endswith("…")
    assert len(title) == 41
    assert sentence.startswith(title[:-1])


def test_title_line_skips_leading_blank_lines():
    article = article_from_text("\n\n短标题\n正文第一句。")
    clean(article)
    complete_metadata(article, None)
    assert article.meta["title"] == "短标题"
    assert "短标题" not in body_text(article)
