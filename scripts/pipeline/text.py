"""Rules about text stated once: what a Han character is, and which links
may leave the site."""
from __future__ import annotations

import re

# CJK Unified Ideographs, Extension A and the compatibility ideographs: a
# character class body, for patterns that combine it with other characters.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHARACTER = re.compile(f"[{HAN}]")

# A source address, a glossary reference or a byline link is shown as a link
# only with one of these schemes.
WEB_SCHEMES = ("http://", "https://")


def is_web_url(url) -> bool:
    return str(url or "").startswith(WEB_SCHEMES)
