"""Read a seed file: decode it, normalise it, refuse what is not text."""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from .article import Seed, SeedError
from .config import load_data
from .text import KeptCharacters

# Control and format characters (zero-width spaces, bidi overrides, BOMs) carry
# nothing a reader sees and confuse every later stage; newline and tab stay.
_INVISIBLE = re.compile(
    "[" + "".join(
        re.escape(chr(c)) for c in range(0x110000)
        if chr(c) not in "\n\t" and unicodedata.category(chr(c)) in ("Cc", "Cf")
    ) + "]"
)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _odd(char: str) -> bool:
    category = unicodedata.category(char)
    return category in ("Cn", "Co", "Cs") or (category == "Cc" and char not in "\n\r\t")


_ODD = KeptCharacters(_odd)


def _garbled(text: str) -> bool:
    """Bytes forced through a decoder they were not written for come out as
    unassigned, private-use or control characters."""
    sample = text[:200000]
    return len(sample.translate(_ODD)) > max(2, len(sample) // 100)


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Return (text, encoding name) or raise SeedError naming the file."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as error:
                raise SeedError(path, f"starts with a {encoding} byte-order mark but is not {encoding}: {error.reason} at byte {error.start}")
            if _garbled(text):
                raise SeedError(path, f"not text: starts with a {encoding} byte-order mark but decodes to garbage")
            return text, encoding
    if b"\x00" in raw:
        raise SeedError(path, "binary file (contains NUL bytes), not text")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _garbled(text):
            return text, encoding
    raise SeedError(path, "not text in UTF-8, UTF-16 (with BOM) or GB18030/GBK")


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return _INVISIBLE.sub("", text)


def read_seed(path: Path) -> Seed:
    """The read stage: one seed file in, a decoded and normalised Seed out."""
    path = Path(path)
    limits = load_data("ingest.yml")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SeedError(path, f"cannot be read: {error.strerror}")
    if len(raw) > limits["max_bytes"]:
        raise SeedError(path, f"too large: {len(raw) / 1e6:.1f} MB, the limit is {limits['max_bytes'] / 1e6:.1f} MB")
    text, encoding = decode(raw, path)
    text = normalise(text)
    if not text.strip():
        raise SeedError(path, "empty seed (no text)" if not text else "whitespace-only seed (no text)")
    return Seed(path=path, raw=raw, text=text, encoding=encoding)
