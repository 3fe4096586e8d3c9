"""The audit of OpenCC phrases that can match across a word boundary."""
from evaluation import phrase_audit


def test_rare_reading_phrases_hold_the_hair_and_calendar_phrases_not_ordinary_words():
    phrases = phrase_audit.rare_reading_phrases()
    # 生发 reads 髮 (hair) and 日历 reads 曆 (calendar), not the usual 發, 歷
    assert phrases["生发"] == "生髮"
    assert phrases["日历"] == "日曆"
    # 发展 and 历史 take each character's usual reading: no risk to audit
    assert "发展" not in phrases and "历史" not in phrases


def test_jieba_words_come_with_their_frequencies():
    words = phrase_audit.jieba_words()
    assert words["发现"] > words["生发"] > 0


def test_taiwan_phrases_are_keyed_by_simplified_characters_and_rewrite_their_key():
    phrases = phrase_audit.taiwan_phrases()
    # OpenCC's Taiwan table holds 界面 -> 介面 and 實時 -> 即時, looked up as Simplified
    assert phrases["界面"] == "介面"
    assert phrases["实时"] == "即時"
    # a key the table maps to itself, or one of other lengths, is not audited
    assert all(len(phrase) in (2, 3) and phrase != target for phrase, target in phrases.items())
    assert "软件" in phrases and "艾滋病人" not in phrases
