"""Share cards (scripts/pipeline/cards.py): Chinese line breaking, the image
itself, and the cards the built site's pages point at."""
from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from conftest import mkdocs_build
from pipeline import cards, workers

CLOSING = cards.settings()["no_line_start"]
OPENING = cards.settings()["no_line_end"]


@pytest.fixture(scope="module")
def face():
    return cards.font("bold", "zh-Hans", 62)


def test_lines_fit_and_keep_every_character(face):
    text = "世界模型让机器先理解物理世界如何运作，再去规划行动；这条路线与只靠预测下一个词的大语言模型截然不同。"
    lines = cards.break_lines(text, face, 600, 10)
    assert len(lines) > 2
    assert "".join(lines) == text
    assert all(face.getlength(line) <= 600 + face.getlength("，") for line in lines)


@pytest.mark.parametrize("mark", ["，", "。", "」", "）", "、"])
def test_closing_punctuation_never_starts_a_line(face, mark):
    # a run of characters that fills the line exactly, then the mark
    filler = "模" * 9
    width = face.getlength(filler)
    lines = cards.break_lines(filler + mark + "型世界", face, width, 5)
    assert not any(line[0] in CLOSING for line in lines[1:]), lines


@pytest.mark.parametrize("mark", ["「", "（", "《"])
def test_opening_punctuation_never_ends_a_line(face, mark):
    filler = "模" * 8
    width = face.getlength(filler + "模")
    lines = cards.break_lines(filler + mark + "世界模型」", face, width, 5)
    assert not any(line[-1] in OPENING for line in lines[:-1]), lines


def test_latin_words_stay_whole(face):
    lines = cards.break_lines("杨立昆在 Meta 工作了十二年后离开去创办 Advanced Machine Intelligence Labs 公司", face, 500, 10)
    words = " ".join(lines).split()
    for word in ("Meta", "Advanced", "Machine", "Intelligence", "Labs"):
        assert any(word in w for w in words), lines


def test_too_long_a_title_ends_in_an_ellipsis(face):
    lines = cards.break_lines("很长的标题" * 40, face, 800, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")


def test_a_card_is_the_size_asked_and_the_same_every_time():
    one = cards.draw("联合嵌入预测架构", "一种在表征空间里做预测的自监督学习架构。", "杨立昆离开 Meta · 双语阅读", "zh-Hans")
    two = cards.draw("联合嵌入预测架构", "一种在表征空间里做预测的自监督学习架构。", "杨立昆离开 Meta · 双语阅读", "zh-Hans")
    assert one == two
    image = Image.open(io.BytesIO(one))
    assert image.format == "PNG" and image.size == (1200, 630)
    # the words are drawn: far more than the background and the band
    assert len(image.convert("L").getcolors(maxcolors=256) or range(257)) > 20


def test_cards_drawn_on_several_cores_are_the_ones_drawn_in_turn(monkeypatch):
    jobs = [{"title": f"第{n}篇：世界模型与大语言模型之争", "subtitle": "某报 · 2025-11-0{n}", "site_name": "双语阅读",
             "variant": "zh-Hant" if n % 2 else "zh-Hans"} for n in range(1, 9)]
    in_turn = [cards.draw(**words) for words in jobs]
    monkeypatch.setattr(cards, "PER_WORKER", 2)  # eight cards: four processes' worth
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    assert cards._draw_all(jobs) == in_turn
    assert len(set(in_turn)) == len(jobs)


def test_the_variants_glyph_forms_differ():
    """The same characters drawn in the SC and TC faces differ where the
    regions' standard forms do (骨, 真, 说)."""
    hans = cards.draw("骨真说", "", "", "zh-Hans")
    hant = cards.draw("骨真说", "", "", "zh-Hant")
    assert hans != hant


def _head(page: str) -> dict:
    return dict(re.findall(r'<meta (?:property|name)="([a-z:_]+)" content="([^"]*)"', page))


def test_every_page_has_its_own_card_and_tags(site):
    seen = set()
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        head = _head(page.read_text(encoding="utf-8"))
        if "404" in relative:
            assert "og:image" not in head
            continue
        image_url = head["og:image"]
        assert head["twitter:card"] == "summary_large_image" and head["twitter:image"] == image_url
        assert head["og:title"] and head["twitter:title"] == head["og:title"]
        path = site / image_url.split("://", 1)[-1].split("/", 1)[1]
        assert path.is_file(), relative
        assert Image.open(path).size == (1200, 630)
        seen.add(path)
    assert len(seen) >= 14  # home, glossary and every article, in both variants
    article = _head((site / "articles" / "001_f5076b2d9f848529" / "index.html").read_text(encoding="utf-8"))
    assert article["og:type"] == "article"


def test_a_rebuild_draws_no_card_again(site, project, tmp_path):
    result = mkdocs_build(project, tmp_path / "again")
    log = result.stdout + result.stderr
    assert re.search(r"Share cards: 0 drawn, \d+ from the cache", log), log[-2000:]


def _page(title: str) -> str:
    return (f'<html lang="zh-Hans"><head><meta property="og:title" content="{title}">'
            f'<meta property="og:description" content="一段说明">'
            f'<meta property="og:image" content="/cards/{title}.png"></head></html>')


def test_a_page_not_rebuilt_keeps_its_card_and_a_rebuilt_one_is_drawn(tmp_path):
    """What a dirty `mkdocs serve` rebuild needs: only pages written since it
    began get their cards drawn; the others keep the card beside them."""
    import os
    import time

    (tmp_path / "a.html").write_text(_page("甲"), encoding="utf-8")
    (tmp_path / "b.html").write_text(_page("乙"), encoding="utf-8")
    assert cards.draw_cards(tmp_path, "", None)["drawn"] == 2
    old = time.time_ns() - 3600 * 10**9
    for name in ("a.html", "b.html"):
        os.utime(tmp_path / name, ns=(old, old))
    before = (tmp_path / "cards" / "乙.png").read_bytes()
    started = time.time_ns()
    (tmp_path / "b.html").write_text(_page("乙").replace("一段说明", "改过的说明"), encoding="utf-8")
    counts = cards.draw_cards(tmp_path, "", None, written_since_ns=started)
    assert (counts["drawn"], counts["kept"]) == (1, 1)
    assert (tmp_path / "cards" / "乙.png").read_bytes() != before
    (tmp_path / "cards" / "甲.png").unlink()  # a card gone missing is drawn again
    assert cards.draw_cards(tmp_path, "", None, written_since_ns=started)["drawn"] == 2
