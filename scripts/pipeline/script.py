"""The script stage: Simplified or Traditional characters, the region of the
original's usage (CN, TW, HK), stray characters and pinyin glosses."""
from __future__ import annotations

import functools
import re

from .article import HANS, HANT, Article, Removal
from .config import load_data
from .text import HAN, HAN_CHARACTER as _HAN
from .variants import CHARACTERS_ONLY, REGION_FORMS, SCRIPT_ONLY, shipped

_S2T = shipped(SCRIPT_ONLY[HANT])
_T2S = shipped(SCRIPT_ONLY[HANS])


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


@functools.lru_cache(maxsize=1)
def _region_cues():
    data = load_data("script.yml")
    cues = {region: {str(word): float(weight) for word, weight in words.items()} for region, words in data["region_cues"].items()}
    return cues, data["default_traditional_region"], float(data["hk_min_score"])


def detect_region(text: str, script: str) -> tuple[str, str]:
    """(region, evidence): "CN" for Simplified text; for Traditional text the
    region whose usage cues (data/script.yml) weigh most."""
    if script == HANS:
        return "CN", "Simplified text"
    cues, default, hk_min = _region_cues()
    scores = {}
    found = {}
    for region, words in cues.items():
        for word, weight in words.items():
            count = text.count(word)
            if count:
                scores[region] = scores.get(region, 0.0) + weight * min(count, 3)
                found.setdefault(region, []).append(f"{word}×{count}")
    if not scores:
        return default, "no regional cue; Traditional text read as " + default
    region = max(sorted(scores), key=lambda r: scores[r])
    if list(scores.values()).count(scores[region]) > 1 or (region == "HK" and scores["HK"] < hk_min):
        region = default
    evidence = "; ".join(f"{r} {scores[r]:g} ({', '.join(found[r][:6])})" for r in sorted(scores))
    return region, evidence


_PINYIN = re.compile(
    r"(?<=[" + HAN + r"])[（(]\s*([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,6}"
    r"(?:\s+[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,6}){0,3})\s*[)）]"
)
_TONE = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
_S2T_CHARS = shipped(CHARACTERS_ONLY[HANT])


_TO_REGION = {region: shipped(name) for region, name in REGION_FORMS.items()}


def has_stray(text: str, region: str = "") -> bool:
    """True when the text holds a character no Traditional text uses (这, 与,
    并): the mark of a machine conversion that left some behind."""
    data = load_data("script.yml")
    standard = data["standard_in_region"].get(region, "")
    also = data["also_traditional"]
    return any(_kind(char) == "s" and char not in standard and char not in also for char in set(_HAN.findall(text)))


def _traditional_line(line: str, region: str = "", converted_page: bool = True) -> tuple[str, list]:
    """The line with its Simplified-only characters made Traditional, one by
    one, in context where OpenCC keeps the line's length (后 -> 後 or 后), in
    the region's standard forms. Characters that are also Traditional (里,
    郁, 后) change only on a page that shows other leftovers (converted_page)."""
    data = load_data("script.yml")
    standard = data["standard_in_region"].get(region, "")
    also = "" if converted_page else data["also_traditional"]
    # each distinct character is judged once, then found in the line
    strays = {char for char in set(line) if _HAN.match(char) and _kind(char) == "s" and char not in standard and char not in also}
    stray = [i for i, char in enumerate(line) if char in strays] if strays else []
    if not stray:
        return line, []
    context = _TO_REGION.get(region, _S2T_CHARS).convert(line)
    chars = list(line)
    changes = []
    for i in stray:
        replacement = context[i] if len(context) == len(line) else _TO_REGION.get(region, _S2T_CHARS).convert(line[i])
        if replacement != line[i]:
            chars[i] = replacement
            changes.append((line[i], replacement))
    return "".join(chars), changes


def script_stage(article: Article) -> None:
    """Region of the original's usage; for a Traditional original, stray
    Simplified characters a machine conversion left behind become Traditional
    (each change recorded); pinyin glosses after Han characters are removed."""
    region, evidence = detect_region(article.seed.text, article.script)
    article.region = region
    article.evidence["region"] = evidence
    converted_page = article.script == HANT and has_stray("\n".join(line for _, line in article.body), region)
    credit_name = re.compile(load_data("script.yml")["credit_name"])
    body = []
    for number, line in article.body:
        for match in _PINYIN.finditer(line):
            if _TONE.search(match.group(1)):
                article.removed.append(Removal(number, match.group(0), "pinyin-gloss", "reading in brackets after a Han character"))
        line = _PINYIN.sub(lambda m: "" if _TONE.search(m.group(1)) else m.group(0), line)
        if article.script == HANT:
            # (a person's name keeps its characters: 林郁庭 is no leftover)
            converted, changes = _traditional_line(line, region, converted_page and not credit_name.match(line.strip()))
            for before, after in changes:
                article.changes.append((number, before, after, "stray Simplified character in a Traditional text"))
            line = converted
        body.append((number, line))
    article.body = body
    if article.script == HANT:
        for key in ("title", "description"):
            if isinstance(article.meta.get(key), str):
                article.meta[key] = _traditional_line(article.meta[key], region, converted_page)[0]
