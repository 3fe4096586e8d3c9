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
