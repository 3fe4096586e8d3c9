"""Rules about text stated once: Han characters, sentence ends, link schemes."""
from __future__ import annotations

from pipeline.text import HAN_CHARACTER, KeptCharacters, is_web_url, sentence_spans


def test_han_characters_of_every_block_the_site_meets():
    assert HAN_CHARACTER.findall("世界模型 㐀 﨑 JEPA，。") == ["世", "界", "模", "型", "㐀", "﨑"]
    assert not HAN_CHARACTER.search("䷀ ABC ｱ ㄅ")  # hexagram, Latin, kana, bopomofo


def test_links_leave_the_site_over_http_or_https_only():
    assert is_web_url("https://example.org/") and is_web_url("http://yann.lecun.com/")
    assert not is_web_url("javascript:alert(1)") and not is_web_url("mailto:a@b.c")
    assert not is_web_url(None) and not is_web_url("")


def test_a_sentence_mark_inside_a_title_or_quote_does_not_end_it():
    text = "量子位在《忍无可忍！离职》中写道：“他说：够了。”随后世界模型成为焦点。下一句。"
    spans = [text[a:b] for a, b in sentence_spans(text)]
    assert spans == ["量子位在《忍无可忍！离职》中写道：“他说：够了。”随后世界模型成为焦点。", "下一句。"]


def test_kept_characters_drop_what_the_test_refuses_and_remember_each_answer():
    asked = []
    table = KeptCharacters(lambda char: asked.append(char) or char.isdigit())
    assert "a1b2a3".translate(table) == "123"
    assert "1a".translate(table) == "1"
    assert sorted(asked) == ["1", "2", "3", "a", "b"]  # once per distinct character
