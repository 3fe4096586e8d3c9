"""Read stage: decoding, normalisation and refusal of what is not text."""
import codecs

import pytest

import pipeline.ingest as ingest
from pipeline.article import SeedError
from pipeline.ingest import read_seed

# Longer than a few characters so that GBK bytes cannot pass for UTF-8 by chance.
TEXT = "杨立昆离开 Meta，创办专注世界模型的新公司。\n第二段：图灵奖得主、深度学习三巨头之一。\n"


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name, data, encoding",
    [
        ("utf8.txt", TEXT.encode("utf-8"), "utf-8"),
        ("utf8bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        ("utf16le.txt", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        ("utf16be.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        ("gb18030.txt", TEXT.encode("gb18030"), "gb18030"),
        ("gbk.txt", TEXT.encode("gbk"), "gb18030"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path, name, data, encoding):
    seed = read_seed(write(tmp_path, name, data))
    assert seed.text == TEXT
    assert seed.encoding == encoding
    assert seed.raw == data
    assert "\ufeff" not in seed.text


def test_gbk_sample_is_not_valid_utf8():
    # Guards the test above: the GBK case must really exercise the GB18030 path.
    with pytest.raises(UnicodeDecodeError):
        TEXT.encode("gbk").decode("utf-8")


def test_crlf_and_lone_cr_become_lf(tmp_path):
    seed = read_seed(write(tmp_path, "eol.txt", "第一行\r\n第二行\r第三行\n第四行".encode("utf-8")))
    assert seed.text == "第一行\n第二行\n第三行\n第四行"
    assert "\r" not in seed.text


def test_crlf_is_one_newline_not_two(tmp_path):
    seed = read_seed(write(tmp_path, "eol.txt", "甲\r\n\r\n乙".encode("utf-8")))
    assert seed.text == "甲\n\n乙"


def test_nfc_normalisation(tmp_path):
    seed = read_seed(write(tmp_path, "nfc.txt", "Le\u0301on Bottou 说".encode("utf-8")))
    assert seed.text == "Léon Bottou 说"
    assert "\u0301" not in seed.text


def test_invisible_and_control_characters_removed_newline_and_tab_kept(tmp_path):
    raw = "世界\u200b模型\ufeff很\u200d重要\x07\x1b。\n\t缩进\u202e行\x00".encode("utf-8")
    # (NUL inside would make it binary; strip it from this sample)
    raw = raw.replace(b"\x00", b"")
    seed = read_seed(write(tmp_path, "zw.txt", raw))
    assert seed.text == "世界模型很重要。\n\t缩进行"


def test_empty_file_raises_naming_file(tmp_path):
    path = write(tmp_path, "empty_seed.txt", b"")
    with pytest.raises(SeedError) as info:
        read_seed(path)
    message = str(info.value)
    assert "empty_seed.txt" in message
    assert "empty" in message
    assert info.value.path == path


def test_whitespace_only_file_raises_naming_file(tmp_path):
    path = write(tmp_path, "blank_seed.txt", " \n\t\r\n\u3000 \n".encode("utf-8"))
    with pytest.raises(SeedError) as info:
        read_seed(path)
    message = str(info.value)
    assert message.startswith("blank_seed.txt: ")
    assert "whitespace" in message


def test_only_invisible_characters_is_empty(tmp_path):
    path = write(tmp_path, "zw_only.txt", "\u200b\ufeff\u200b".encode("utf-8"))
    with pytest.raises(SeedError) as info:
        read_seed(path)
    assert "zw_only.txt" in str(info.value)


def test_nul_bytes_are_binary(tmp_path):
    path = write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(SeedError) as info:
        read_seed(path)
    message = str(info.value)
    assert "image.png" in message
    assert "binary" in message


def test_undecodable_bytes_raise(tmp_path):
    data = b"abc\xfd\x80\x80 \xff"
    # Guard: the sample must really fail both decoders (and carry no BOM).
    for encoding in ("utf-8", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            data.decode(encoding)
    assert not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    path = write(tmp_path, "garbage.txt", data)
    with pytest.raises(SeedError) as info:
        read_seed(path)
    message = str(info.value)
    assert "garbage.txt" in message
    assert "GB18030" in message


def test_bom_that_lies_raises(tmp_path):
    # A UTF-16 BOM followed by an odd number of bytes is not UTF-16.
    path = write(tmp_path, "liar.txt", codecs.BOM_UTF16_LE + b"\x41\x00\x42")
    with pytest.raises(SeedError) as info:
        read_seed(path)
    assert "liar.txt" in str(info.value)


def test_over_size_limit_raises(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "load_data", lambda name: {"max_bytes": 16})
    small = write(tmp_path, "small.txt", "短文".encode("utf-8"))
    assert read_seed(small).text == "短文"
    big = write(tmp_path, "big_seed.txt", ("很长的文章" * 10).encode("utf-8"))
    with pytest.raises(SeedError) as info:
        read_seed(big)
    message = str(info.value)
    assert "big_seed.txt" in message
    assert "too large" in message


def test_real_limit_is_applied(tmp_path, monkeypatch):
    # Without monkeypatching, the configured limit is a positive number and a
    # file just over it is refused.
    limit = ingest.load_data("ingest.yml")["max_bytes"]
    assert limit > 0
    monkeypatch.setattr(ingest, "load_data", lambda name: {"max_bytes": 100})
    path = write(tmp_path, "edge.txt", b"a" * 101)
    with pytest.raises(SeedError):
        read_seed(path)
    path.write_bytes(b"a" * 100)
    assert read_seed(path).text == "a" * 100


def test_missing_file_raises_naming_file(tmp_path):
    with pytest.raises(SeedError) as info:
        read_seed(tmp_path / "nowhere.txt")
    assert "nowhere.txt" in str(info.value)


def test_garbled_counts_unassigned_private_and_control_characters_but_not_line_breaks():
    prose = "这是项目自己写的一段文字，用来检查解码。" * 20  # 400 characters: more than 4 odd ones is garbage
    assert not ingest._garbled(prose + "\n\t\r" * 50)
    assert not ingest._garbled(prose + "\ue000\x07\U0010fffe\x1b")
    assert ingest._garbled(prose + "\ue000\x07\U0010fffe\x1b\ue001")
    assert ingest._garbled("ab\ue000\ue001\ue002")  # a short text: more than two
