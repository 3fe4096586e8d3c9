"""Floors on the conversion measures (scripts/evaluation/conversion.py), computed
in-process on the dev set and the vocabulary set; `make eval` prints them."""
import pytest

from evaluation import conversion


@pytest.fixture(scope="module")
def rates():
    return conversion.dev_rates()


def test_dev_set_is_large_enough(rates):
    assert rates["zh-Hant"]["all"]["project"]["han_chars"] >= 3000
    assert rates["zh-Hans"]["all"]["project"]["han_chars"] >= 3000
    for variant in ("zh-Hant", "zh-Hans"):
        assert {"tune", "heldout", "all"} < set(rates[variant])  # tuned and held-out parts, measured apart


@pytest.mark.parametrize("variant", ["zh-Hant", "zh-Hans"])
def test_error_rate_within_target(rates, variant):
    row = rates[variant]["all"]
    assert row["project"]["per_1000"] <= conversion.TARGETS[variant]
    assert row["project"]["errors"] < row["opencc"]["errors"]  # better than plain OpenCC


@pytest.mark.parametrize("variant", ["zh-Hans (TW)", "zh-Hans (HK)"])
def test_regional_sentences_convert_better_than_opencc(rates, variant):
    row = rates[variant]["all"]
    assert row["project"]["errors"] < row["opencc"]["errors"]


def test_taiwan_words_left_in_zh_hans_count_as_errors(rates):
    # character-only conversion leaves every Taiwan word, so the pairs must score it worst
    row = rates["zh-Hans (TW)"]["all"]
    assert row["characters"]["errors"] > row["opencc"]["errors"] > 0


def test_error_count_reports_words_not_punctuation():
    assert conversion.errors("台灣「好」", "台灣“好”") == []
    assert len(conversion.errors("臺灣很好，軟件", "台灣很好，軟體")) == 2


def test_forms_taiwan_writes_both_ways_count_as_one():
    pairs = conversion.equivalent_forms()
    assert all(len(form) == len(house) for form, house in pairs)  # the diff stays aligned
    output, reference = "學習平台與營業秘密", "學習平臺與營業祕密"
    assert len(conversion.errors(output, reference)) == 2
    assert conversion.errors(conversion.as_one(output, pairs), conversion.as_one(reference, pairs)) == []
    # a word outside the list is still an error: 布 (cloth) is not 佈
    assert conversion.errors(conversion.as_one("棉佈", pairs), conversion.as_one("棉布", pairs))
    # 周/週 is one around and over a year (週邊, 周年), not for the week or a surname
    assert conversion.errors(conversion.as_one("週邊商品，創校周年", pairs),
                             conversion.as_one("周邊商品，創校週年", pairs)) == []
    assert len(conversion.errors(conversion.as_one("下週，週先生", pairs), conversion.as_one("下周，周先生", pairs))) == 2
    # variants the MoE lists as one character (汙/污, 歎/嘆, 餚/肴)
    assert conversion.errors(conversion.as_one("汙染，驚歎，菜餚", pairs), conversion.as_one("污染，驚嘆，菜肴", pairs)) == []


def test_vocabulary_set_floor():
    words = conversion.vocabulary_accuracy()
    assert words["sentences"] >= 300
    assert words["project"]["accuracy"] >= conversion.TARGETS["vocabulary"]
    assert words["project"]["accuracy"] > words["opencc"]["accuracy"]


def test_main_writes_the_figures(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(conversion, "OUT", tmp_path / "conversion.json")
    monkeypatch.setattr(conversion, "ROOT", tmp_path)
    assert conversion.main() == 0
    assert (tmp_path / "conversion.json").is_file()
    assert "errors per 1,000 Han characters" in capsys.readouterr().out
