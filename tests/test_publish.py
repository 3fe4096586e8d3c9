"""The per-variant search indexes publish writes: what an entry carries, and
that a query in either script still reaches every word."""
from __future__ import annotations

import json
import re

import pytest

from bench.search_index import breakdown
from pipeline.article import HANS, HANT
from pipeline.publish import SEPARATOR, WIRE_SEPARATOR, split_search_index, variant_folder
from pipeline.text import HAN
from pipeline.variants import converter

S = SEPARATOR
CONFIG = {"lang": ["zh"], "separator": "[\\s\\u200b\\u3000\\-、。，．？！；]+", "pipeline": ["stemmer"],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}
# The project's own sentences, cut into words the way Material's search plugin cuts them.
MERGED = [
    {"location": "articles/a/", "title": f"软件{S}测试{S}手记",
     "text": f"<p>我们{S}的{S}软件{S}很{S}好{S}。{S}这个{S}模型{S}每天{S}读取{S}网络{S}信息{S}。</p>"},
    {"location": "glossary/model/", "title": "模型",
     "text": f"<p>模型{S}是{S}一种{S}方法{S}。</p><ul><li>这个{S}模型{S}每天{S}读取{S}网络{S}信息{S}。 —— 软件{S}测试{S}手记</li></ul>"},
    {"location": "zh-Hant/articles/a/", "title": f"軟體{S}測試{S}手記",
     "text": f"<p>我們{S}的{S}軟體{S}很{S}好{S}。{S}這個{S}模型{S}每天{S}讀取{S}網路{S}資訊{S}。</p>"},
    {"location": "zh-Hant/glossary/model/", "title": "模型",
     "text": f"<p>模型{S}是{S}一種{S}方法{S}。</p><ul><li>這個{S}模型{S}每天{S}讀取{S}網路{S}資訊{S}。 —— 軟體{S}測試{S}手記</li></ul>"},
]
_WORD = re.compile(f"[{HAN}]{{2,}}")


def _indexes(site) -> dict:
    return {variant: json.loads((site / variant_folder(variant) / "search" / "search_index.json").read_text(encoding="utf-8"))
            for variant in (HANS, HANT)}


@pytest.fixture
def small_site(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": CONFIG, "docs": MERGED}, ensure_ascii=False), encoding="utf-8")
    split_search_index(tmp_path)
    return _indexes(tmp_path)


def _query_map(index: dict) -> dict:
    pairs = index["config"]["query_map"]
    return dict(zip(pairs[::2], pairs[1::2]))


def _words(value: str) -> set:
    return set(_WORD.findall(re.sub("<[^>]+>", " ", value).replace(WIRE_SEPARATOR, " ")))


def _alt(doc: dict) -> list:
    return [word for word in doc.get("alt", "").split(WIRE_SEPARATOR) if word]


def _doc(index: dict, location: str) -> dict:
    return next(doc for doc in index["docs"] if doc["location"] == location)


def test_a_page_quoting_an_article_keeps_only_its_own_text(small_site):
    for variant, own in ((HANS, "一种"), (HANT, "一種")):
        term = _doc(small_site[variant], "glossary/model/")
        assert own in term["text"]
        assert "读取" not in term["text"] and "讀取" not in term["text"], term["text"]
        assert "手记" not in term["text"] and "手記" not in term["text"], term["text"]
        assert "<li>" not in term["text"]
        article = _doc(small_site[variant], "articles/a/")
        assert ("读取" if variant == HANS else "讀取") in article["text"]


def test_the_query_map_only_respells_characters_the_articles_never_use(small_site):
    for variant, index in small_site.items():
        article = _doc(index, "articles/a/")
        used = set(article["title"] + article["text"])
        mapping = _query_map(index)
        assert mapping, variant
        assert not used & set(mapping), variant
        assert set(mapping.values()) <= used, variant


def test_a_word_differing_only_by_characters_needs_no_alt_spelling(small_site):
    hant = small_site[HANT]
    mapping = str.maketrans(_query_map(hant))
    assert "这个".translate(mapping) == "這個"  # a Simplified query, respelt in the page
    assert "這個" not in _alt(_doc(hant, "articles/a/"))


def test_a_word_the_other_script_says_differently_is_in_alt(small_site):
    hant, hans = small_site[HANT], small_site[HANS]
    alt = _alt(_doc(hant, "articles/a/"))
    assert "软件".translate(str.maketrans(_query_map(hant))) in alt      # 软件 finds 軟體
    alt = _alt(_doc(hans, "articles/a/"))
    assert "軟體".translate(str.maketrans(_query_map(hans))) in alt      # 軟體 finds 软件


def _worker_words(value: str) -> list:
    """The words Material's worker reads: text between tags, cut at its separator."""
    return [word for block in re.split("<[^>]*>", value) for word in re.split(CONFIG["separator"], block) if word]


def test_the_worker_reads_the_same_words_from_fewer_bytes(small_site):
    for variant, prefix in ((HANS, ""), (HANT, "zh-Hant/")):
        before = next(doc for doc in MERGED if doc["location"] == prefix + "articles/a/")
        after = _doc(small_site[variant], "articles/a/")
        for field in ("title", "text"):
            assert SEPARATOR not in after[field]
            readable = after[field].replace(WIRE_SEPARATOR, SEPARATOR)  # as docs/assets/search-query.js does
            assert _worker_words(readable) == _worker_words(before[field]), (variant, field)
        assert len(after["text"].encode("utf-8")) < len(before["text"].encode("utf-8"))


def _check_reachable(indexes: dict) -> None:
    """Every word of every entry, as either script spells it and the page
    respells the query, is the word itself or in that entry's alt; and no alt
    spelling repeats a word the entry already has."""
    for variant, index in indexes.items():
        other = HANT if variant == HANS else HANS
        mapping = str.maketrans(_query_map(index))
        for doc in index["docs"]:
            words = _words(doc.get("title", "") + " " + doc.get("text", ""))
            alt = set(_alt(doc))
            assert not alt & words, (variant, doc["location"], alt & words)
            for word in words:
                for spelling in (word, converter(other).convert(word)):
                    query = spelling.translate(mapping)
                    assert query in words or query in alt, (variant, doc["location"], word, spelling, query)


def test_either_scripts_spelling_reaches_every_word(small_site):
    _check_reachable(small_site)


def test_on_the_real_site_either_scripts_spelling_reaches_every_word(site):
    _check_reachable(_indexes(site))


ARTICLES_OVER_TEXT = 1.5  # the target `make bench` checks at every corpus size


def test_on_the_real_site_the_index_stays_near_the_text_it_indexes(site):
    """The articles' entries (what grows with the corpus; the glossary's pages
    do not) weigh at most 1.5x the article text, and the other script's
    spellings a small part of the whole."""
    for variant in (HANS, HANT):
        figures = breakdown(site / variant_folder(variant) / "search" / "search_index.json")
        assert figures["text_bytes"] > 0
        assert figures["articles_over_text"] <= ARTICLES_OVER_TEXT, (variant, figures)
        assert figures["fields"].get("alt", 0) < 0.1 * figures["bytes"], (variant, figures["fields"])
