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


# --- region, stray characters, pinyin glosses -----------------------------------

from pipeline.article import Article, Seed  # noqa: E402
from pipeline.script import detect_region, script_stage  # noqa: E402


@pytest.mark.parametrize("text, script, region", [
    ("这家公司的软件和网络服务都很受欢迎。", HANS, "CN"),
    ("這家公司的軟體和網路服務都很受歡迎，執行長今天在臉書上說明。", HANT, "TW"),
    ("呢間公司嘅軟件同網絡服務好受歡迎，行政總裁今日喺立法會講。", HANT, "HK"),
    ("陳師傅揸的士已經二十五年，一更下來往往只剩幾百港元。", HANT, "HK"),
    ("捷運通車後，台北的公車路線也跟著調整。", HANT, "TW"),
    # a tour bus is a 巴士 in Taiwan too: the transit card and the county say where
    ("觀光巴士新路線上路，觀光巴士假日每小時一班，#觀光巴士 持悠遊卡搭乘半價。", HANT, "TW"),
    # Macau writes to the Hong Kong standard
    ("本澳多間圖書館下月起延長開放時間，氹仔館更增設自修室。", HANT, "HK"),
    ("天文台發出黃色暴雨警告後，不少打工仔都擔心強積金戶口的回報。", HANT, "HK"),
    # the market's own index and an analyst as Hong Kong names one
    ("恒指今早高開，分析員指美股隔晚造好。", HANT, "HK"),
    ("圖書館延長開放，方便放工後的市民使用自修室，減少輪候時間。", HANT, "HK"),
    ("長者醫療券金額增至三千元。", HANT, "HK"),
    ("協會現正招募新一批義工，義工每月探訪獨居長者。", HANT, "HK"),
])
def test_region_from_usage_cues(text, script, region):
    assert detect_region(text, script)[0] == region


def test_region_without_cues_is_the_default_for_traditional():
    region, evidence = detect_region("這是一句話。", HANT)
    assert region == "TW" and "no regional cue" in evidence


def seed_article(text, script=HANT):
    article = Article(seed=Seed(Path("s.txt"), text.encode("utf-8"), text), slug="s", script=script)
    article.body = [(number, line) for number, line in enumerate(text.split("\n"), start=1)]
    return article


def test_stray_simplified_characters_become_traditional_one_by_one():
    article = seed_article("市府表示，藍線將串連台中港与市區，并帶動沿線產業發展，后續仍待觀察，全長二十公里。")
    script_stage(article)
    assert article.body[0][1] == "市府表示，藍線將串連台中港與市區，並帶動沿線產業發展，後續仍待觀察，全長二十公里。"
    assert [(before, after) for _, before, after, _ in article.changes] == [("与", "與"), ("并", "並"), ("后", "後")]
    assert article.region == "TW"


def test_hong_kong_standard_characters_are_not_stray():
    article = seed_article("佢笑着話，試吓先，啲湯飲晒喇，巴士站喺港鐵站隔籬。")
    script_stage(article)
    assert article.region == "HK"
    assert article.changes == []


def test_simplified_text_is_not_converted():
    article = seed_article("后来他并没有去。", HANS)
    script_stage(article)
    assert article.body[0][1] == "后来他并没有去。" and article.changes == []


def test_pinyin_glosses_are_removed_and_reported():
    article = seed_article("最近(jìn)不少(shǎo)市民发现(xiàn)价格(gé)变了，AI(ai)和函数(x)不动。", HANS)
    script_stage(article)
    assert article.body[0][1] == "最近不少市民发现价格变了，AI(ai)和函数(x)不动。"
    assert [r.text for r in article.removed if r.rule == "pinyin-gloss"] == ["(jìn)", "(shǎo)", "(xiàn)", "(gé)"]


def test_characters_that_are_also_traditional_stay_on_a_clean_page():
    # 鄰里 and a name's 郁 are Traditional; no leftovers mark this page as converted
    article = seed_article("記者黃郁芳報導，老社區的鄰里關係越來越好，大家會分享家裡種的菜。")
    script_stage(article)
    assert article.body[0][1] == "記者黃郁芳報導，老社區的鄰里關係越來越好，大家會分享家裡種的菜。"
    assert article.changes == []


def test_on_a_converted_page_they_change_in_context():
    article = seed_article("這篇文章的后續與結論，并沒有在這里說明。")
    script_stage(article)
    assert article.body[0][1] == "這篇文章的後續與結論，並沒有在這裡說明。"


def test_a_taiwan_standard_form_is_no_stray_character():
    from pipeline.script import _traditional_line
    line = "勞動部提醒，雇主不得因員工未出勤而扣薪。"
    assert _traditional_line(line, "TW") == (line, [])


def test_a_name_on_its_credit_line_keeps_its_characters_on_a_converted_page():
    # 郁 and 于 are names' characters; the leftovers (这, 并) mark the page as converted
    article = seed_article("採訪：王郁青\n這篇文章的后續并沒有說明。\n記者／余于真")
    script_stage(article)
    assert article.body[0][1] == "採訪：王郁青" and article.body[2][1] == "記者／余于真"
    assert article.body[1][1] == "這篇文章的後續並沒有說明。"
