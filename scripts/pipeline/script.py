"""Detect whether a text is written in Simplified or Traditional characters."""
from __future__ import annotations

import functools
import re

import opencc

from .article import HANS, HANT
from .config import load_data

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_S2T = opencc.OpenCC("s2tw")
_T2S = opencc.OpenCC("tw2s")


@functools.lru_cache(maxsize=65536)
def _kind(char: str) -> str:
    """'s' for a Simplified-only character, 't' for a Traditional-only one, '' if shared."""
    if char in load_data("script.yml")["shared_characters"]:
        return ""
    if _S2T.convert(char) != char:
        return "s"
    if _T2S.convert(char) != char:
        return "t"
    return ""


def detect_script(text: str) -> tuple[str, str]:
    """Return (script, report). The report is empty unless both scripts occur;
    machine-converted pages leave characters like 并, 后, 于 behind, so the
    majority decides and the minority is reported."""
    counts = {"s": 0, "t": 0}
    minority_examples = {"s": [], "t": []}
    for char in _HAN.findall(text):
        kind = _kind(char)
        if kind:
            counts[kind] += 1
            if len(minority_examples[kind]) < 8 and char not in minority_examples[kind]:
                minority_examples[kind].append(char)
    script = HANT if counts["t"] > counts["s"] else HANS
    minority = "s" if script == HANT else "t"
    report = ""
    if counts[minority]:
        names = {"s": "Simplified", "t": "Traditional"}
        report = (
            f"mixed script: {counts['s']} Simplified-only and {counts['t']} Traditional-only characters; "
            f"read as {script}, {names[minority]} ones include {''.join(minority_examples[minority])}"
        )
    return script, report
