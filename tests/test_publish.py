"""The per-variant search indexes publish writes, in two stages: what an
entry carries, what the first stage holds of each page, and that a query in
either script still reaches every word of both."""
from __future__ import annotations

import gzip
import json
import re

import pytest

from bench.search_index import breakdown
from pipeline.article import HANS, HANT
from pipeline.publish import FULL_INDEX, INDEX, SEPARATOR, WIRE_SEPARATOR, lead, split_search_index, variant_folder
from pipeline.text import HAN
from pipeline.variants import converter

S = SEPARATOR
CONFIG = {"lang": ["zh"], "separator": "[\\s\\u200b\\u3000\\-、。，．？！；]+", "pipeline": ["stemmer"],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}
# The project's own sentences, cut into words the way Material's search plugin cuts them.
MERGED = [
    {"location": "articles/a/", "title": f"软件{S}测试{S}手记",
     "text": f"<p>我们{S}的{S}软件{S}很{S}好{S}。{S}这个{S}模型{S}每天{S}读取{S}网络{S}信息{S}。</p>"},
    {"location": "articles/a/#letters", "title": f"读者{S}来信",
     "text": f"<p>编辑部{S}收到{S}很多{S}来信{S}。</p>"},
    {"location": "glossary/model/", "title": "模型",
     "text": f"<p>模型{S}是{S}一种{S}方法{S}。</p><ul><li>这个{S}模型{S}每天{S}读取{S}网络{S}信息{S}。 —— 软件{S}测试{S}手记</li></ul>"},
    {"location": "zh-Hant/articles/a/", "title": f"軟體{S}測試{S}手記",
     "text": f"<p>我們{S}的{S}軟體{S}很{S}好{S}。{S}這個{S}模型{S}每天{S}讀取{S}網路{S}資訊{S}。</p>"},
    {"location": "zh-Hant/articles/a/#letters", "title": f"讀者{S}來信",
     "text": f"<p>編輯部{S}收到{S}很多{S}來信{S}。</p>"},
    {"location": "zh-Hant/glossary/model/", "title": "模型",
     "text": f"<p>模型{S}是{S}一種{S}方法{S}。</p><ul><li>這個{S}模型{S}每天{S}讀取{S}網路{S}資訊{S}。 —— 軟體{S}測試{S}手記</li></ul>"},
]
_WORD = re.compile(f"[{HAN}]{{2,}}")


def _indexes(site, name: str = FULL_INDEX) -> dict:
    return {variant: json.loads((site / variant_folder(variant) / name).read_text(encoding="utf-8"))
            for variant in (HANS, HANT)}


@pytest.fixture
def small_site(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / INDEX).write_text(json.dumps({"config": CONFIG, "docs": MERGED}, ensure_ascii=False), encoding="utf-8")
    split_search_index(tmp_path)
    return _indexes(tmp_path)


@pytest.fixture
def first_stage(small_site, tmp_path):
    return _indexes(tmp_path, INDEX)


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
        used = {c for doc in index["docs"] if doc["location"].startswith("articles/") for c in doc["title"] + doc["text"]}
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
            words = _words(" ".join(doc.get(field, "") for field in ("title", "text", "headings")))
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
    _check_reachable(_indexes(site, INDEX))


# --- the first stage: what a page fetches before a first result ---------------------

def test_the_first_stage_holds_each_page_once_with_its_headings(first_stage, small_site):
    for variant, heading, body in ((HANS, "来信", "编辑部"), (HANT, "來信", "編輯部")):
        first, whole = first_stage[variant], small_site[variant]
        assert [doc["location"] for doc in first["docs"]] == ["articles/a/", "glossary/model/"]
        article = _doc(first, "articles/a/")
        assert heading in _words(article["headings"]) and body not in _words(article["text"] + article["headings"])
        assert body in _words(_doc(whole, "articles/a/#letters")["text"])  # the whole index keeps the section
        assert first["config"]["full_index"] == FULL_INDEX and "full_index" not in whole["config"]
        assert "headings" in first["config"]["fields"] and first["config"]["query_map"] == whole["config"]["query_map"]


def test_either_scripts_spelling_reaches_every_word_of_the_first_stage(first_stage):
    _check_reachable(first_stage)


SENTENCES = f"<p>第一{S}句话{S}很{S}短{S}。{S}第二{S}句话{S}也{S}不长{S}。</p><p>第三{S}句话{S}。</p>"


def test_a_lead_ends_at_the_sentence_end_after_its_characters():
    separators = re.compile(CONFIG["separator"])
    assert lead(SENTENCES, 3, separators) == f"第一{S}句话{S}很{S}短{S}。"
    assert lead(SENTENCES, 8, separators) == f"第一{S}句话{S}很{S}短{S}。{S}第二{S}句话{S}也{S}不长{S}。"
    assert lead(SENTENCES, 100, separators) == f"第一{S}句话{S}很{S}短{S}。{S}第二{S}句话{S}也{S}不长{S}。 第三{S}句话{S}。"
    assert lead(SENTENCES, 3, separators, re.compile("第一句话很短。第二句话也不长。")) == f"第三{S}句话{S}。"


def test_on_the_real_site_the_first_stage_is_a_part_of_the_whole(site):
    """Every page of the whole index has its one entry in the first stage,
    which weighs a part of the whole, compressed as a server sends it."""
    for variant in (HANS, HANT):
        first, whole = (site / variant_folder(variant) / name for name in (INDEX, FULL_INDEX))
        pages = [doc["location"] for doc in json.loads(whole.read_text(encoding="utf-8"))["docs"] if "#" not in doc["location"]]
        assert pages and [doc["location"] for doc in json.loads(first.read_text(encoding="utf-8"))["docs"]] == pages
        sizes = [len(gzip.compress(path.read_bytes())) for path in (first, whole)]
        assert sizes[0] < sizes[1] / 2, (variant, sizes)


ARTICLES_OVER_TEXT = 1.5  # the target `make bench` checks at every corpus size


def test_on_the_real_site_the_index_stays_near_the_text_it_indexes(site):
    """The articles' entries (what grows with the corpus; the glossary's pages
    do not) weigh at most 1.5x the article text, and the other script's
    spellings a small part of the whole."""
    for variant in (HANS, HANT):
        figures = breakdown(site / variant_folder(variant) / FULL_INDEX)
        assert figures["text_bytes"] > 0
        assert figures["articles_over_text"] <= ARTICLES_OVER_TEXT, (variant, figures)
        assert figures["fields"].get("alt", 0) < 0.1 * figures["bytes"], (variant, figures["fields"])


def test_on_the_real_site_an_articles_lead_is_its_own_text_not_the_sites_note(site):
    from pipeline.config import load_data
    for variant in (HANS, HANT):
        words = load_data("site.yml")[variant]
        first = json.loads((site / variant_folder(variant) / INDEX).read_text(encoding="utf-8"))
        leads = [doc["text"].replace(WIRE_SEPARATOR, "") for doc in first["docs"] if doc["location"].startswith("articles/")]
        assert leads and all(leads), variant
        for text in leads:
            assert not any(words[key] in text for key in ("note_title", "show_originals", "video_label")), (variant, text)
            assert re.search("[。！？!?]", text), (variant, text)  # past the byline: a sentence of the article's own
