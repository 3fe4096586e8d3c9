"""Conversion quality on the project's own dev sets (tests/conversion/).

Dev set, over-conversion measure. Native text of one region is moved to the
other script one character at a time (OpenCC's character tables only, no
phrases: data/conversion/*-characters.json), converted back by a system, and
compared with the native original:
  - Taiwan text (tw-*.txt): to Simplified characters, then to zh-Hant;
  - mainland text (cn-*.txt): to Traditional characters, then to zh-Hans;
  - Taiwan and Hong Kong sentences (tw-pairs.tsv, hk-pairs.tsv): converted to
    zh-Hans, compared with a mainland rendering written beside each sentence.
    The character-moved mainland text above only catches words rewritten that
    should have stayed; these pairs also catch regional words left behind
    (軟體, 透過, 新創公司 in a zh-Hans page).
An error is one maximal stretch where the output and the original differ
(difflib opcodes on characters), counted only if a Han character is on
either side of it: one wrong word is one error, punctuation is not counted.
Rates are errors per 1,000 Han characters of the original. zh-Hant is
counted twice: strictly, and with the forms Taiwan writes both ways
(data/conversion/tw-equivalent-forms.txt: 台/臺, 秘/祕, 計畫/計劃...) read as one,
so the house style is not an error where a native writer chose the other
form; the target applies to the second figure.

Systems side by side: the project (data/conversion/*.json), plain OpenCC
(s2twp / tw2sp / hk2s) and character-only OpenCC. Each region's text comes
in parts, written in this order: `tune` (entries were written looking at its
errors), `heldout` and `heldout2` (each was unseen when first measured; its
errors were then read and led to general rules, so it no longer counts as
unseen) and `fresh` (written after the last entries that were made while
reading dev-set errors, and not read since): the fresh figures are the
honest estimate for text the project has never seen. The sentence-pair files
mark their parts with `# part: <name>` lines.

Vocabulary set (vocabulary.tsv): sentences with the exact rendering a native
reader of the target region expects; exact-sentence accuracy (quotation
marks aside) for the project and plain OpenCC.

`make eval` prints the figures and writes build/eval/conversion.json."""
from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from pipeline.article import HANS, HANT  # noqa: E402
from pipeline.variants import DIRECTION, Converter, characters, config_for, shipped  # noqa: E402
from pipeline.text import HAN_CHARACTER as _HAN  # noqa: E402

DEV_DIR = ROOT / "tests" / "conversion"
OUT = ROOT / "build" / "eval" / "conversion.json"
TARGETS = {"zh-Hant": 1.0, "zh-Hans": 0.5, "vocabulary": 0.97}
_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})
EQUIVALENT = ROOT / "scripts" / "data" / "conversion" / "tw-equivalent-forms.txt"
PLAIN = {"s2tw": DIRECTION[HANT], "tw2s": DIRECTION[HANS], "hk2s": "hk2s"}


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


def errors(output: str, reference: str) -> list[tuple[str, str]]:
    """(reference, output) of each differing stretch that holds a Han character."""
    found = []
    matcher = difflib.SequenceMatcher(None, reference, output, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal" and (_HAN.search(reference[a0:a1]) or _HAN.search(output[b0:b1])):
            found.append((reference[max(a0 - 3, 0):a1 + 3], output[max(b0 - 3, 0):b1 + 3]))
    return found


def equivalent_forms() -> list[tuple[str, str]]:
    """(form, house form) pairs Taiwan writes both ways, same length each."""
    pairs = []
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            form, house = line.split("\t")
            pairs.append((form, house))
    return pairs


def rate(count: int, chars: int) -> float:
    return round(1000 * count / chars, 3) if chars else 0.0


def as_one(text: str, pairs: list[tuple[str, str]]) -> str:
    for form, house in pairs:
        text = text.replace(form, house)
    return text


def systems(config: str) -> dict:
    """name -> convert function for one direction."""
    project = Converter(config)
    return {
        "project": project.convert,
        "opencc": shipped(PLAIN[config]).convert,
        "characters": characters(config).convert,
    }


def dev_pairs() -> dict[str, list[tuple[str, str, str, str]]]:
    """variant -> (set name, half, input, reference) of every dev text."""
    to_hans, to_hant = characters("tw2s").convert, characters("s2tw").convert
    out: dict[str, list] = {"zh-Hant": [], "zh-Hans": []}
    for path in sorted(DEV_DIR.glob("tw-*.txt")):
        text = path.read_text(encoding="utf-8")
        out["zh-Hant"].append(("tw", path.stem.split("-", 1)[1], to_hans(text), text))
    for path in sorted(DEV_DIR.glob("cn-*.txt")):
        text = path.read_text(encoding="utf-8")
        out["zh-Hans"].append(("cn", path.stem.split("-", 1)[1], to_hant(text), text))
    out["zh-Hans (TW)"] = sentence_pairs("tw")
    out["zh-Hans (HK)"] = sentence_pairs("hk")
    return out


def sentence_pairs(region: str) -> list[tuple[str, str, str, str]]:
    """(region, part, native sentence, mainland rendering) from <region>-pairs.tsv."""
    found, half = [], "tune"
    for line in (DEV_DIR / f"{region}-pairs.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("# part:"):
            half = line.split(":", 1)[1].strip()
        if not line.strip() or line.startswith("#"):
            continue
        source, reference = line.split("\t")
        found.append((region, half, source, reference))
    return found


CONFIG_OF = {"zh-Hant": config_for(HANS), "zh-Hans": config_for(HANT),
             "zh-Hans (TW)": config_for(HANT), "zh-Hans (HK)": config_for(HANT, "HK")}


def dev_rates(keep_errors: bool = False) -> dict:
    """{variant: {half: {system: {errors, han_chars, per_1000}}}} on the dev set."""
    results: dict = {}
    pairs = equivalent_forms()
    for variant, items in dev_pairs().items():
        convert = systems(CONFIG_OF[variant])
        table: dict = {}
        for half in [*dict.fromkeys(item[1] for item in items), "all"]:
            chosen = [item for item in items if half == "all" or item[1] == half]
            chars = sum(han_count(reference) for _, _, _, reference in chosen)
            row = {}
            for name, function in convert.items():
                outputs = [(function(text), reference) for _, _, text, reference in chosen]
                found = [e for output, reference in outputs for e in errors(output, reference)]
                row[name] = {"errors": len(found), "han_chars": chars, "per_1000": rate(len(found), chars)}
                if variant == "zh-Hant":
                    same = [e for output, reference in outputs
                            for e in errors(as_one(output, pairs), as_one(reference, pairs))]
                    row[name]["forms_as_one"] = {"errors": len(same), "per_1000": rate(len(same), chars)}
                if keep_errors and name == "project":
                    row[name]["examples"] = found
            table[half] = row
        results[variant] = table
    return results


def vocabulary() -> list[tuple[str, str, str]]:
    """(config, source sentence, expected sentence) of the vocabulary set."""
    rows = []
    for line in (DEV_DIR / "vocabulary.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        config, source, expected = line.split("\t")
        rows.append((config, source, expected))
    return rows


def vocabulary_accuracy(keep_misses: bool = False) -> dict:
    rows = vocabulary()
    out: dict = {"sentences": len(rows)}
    for name in ("project", "opencc"):
        misses = []
        for config, source, expected in rows:
            got = systems_cached(config)[name](source)
            if got.translate(_QUOTES) != expected.translate(_QUOTES):
                misses.append((config, source, expected, got))
        out[name] = {"exact": len(rows) - len(misses), "accuracy": round((len(rows) - len(misses)) / len(rows), 4)}
        if keep_misses:
            out[name]["misses"] = misses
    return out


_SYSTEMS: dict = {}


def systems_cached(config: str) -> dict:
    if config not in _SYSTEMS:
        _SYSTEMS[config] = systems(config)
    return _SYSTEMS[config]


def main() -> int:
    verbose = "-v" in sys.argv
    rates = dev_rates(keep_errors=verbose)
    words = vocabulary_accuracy(keep_misses=verbose)
    print("Conversion: errors per 1,000 Han characters (lower is better)")
    print("zh-Hant 'forms as one': 台/臺, 秘/祕, 計畫/計劃... read as one (data/conversion/tw-equivalent-forms.txt)")
    print(f"{'variant':14} {'half':9} {'Han chars':>9} {'project':>8} {'as one':>7} {'OpenCC':>8} {'char-only':>9}  target")
    for variant, table in rates.items():
        target = TARGETS.get(variant.split(" ")[0])
        for half, row in table.items():
            same = row["project"].get("forms_as_one")
            print(f"{variant:14} {half:9} {row['project']['han_chars']:9d} {row['project']['per_1000']:8.2f} "
                  f"{format(same['per_1000'], '7.2f') if same else '':>7} "
                  f"{row['opencc']['per_1000']:8.2f} {row['characters']['per_1000']:9.2f}  <= {target}")
    print(f"Vocabulary set: {words['sentences']} sentences, exact: project {words['project']['accuracy']:.1%}, "
          f"plain OpenCC {words['opencc']['accuracy']:.1%} (target >= {TARGETS['vocabulary']:.0%})")
    if verbose:
        for variant, table in rates.items():
            for reference, output in table["all"]["project"].get("examples", []):
                print(f"  {variant}: {reference} -> {output}")
        for config, source, expected, got in words["project"].get("misses", []):
            print(f"  miss {config}: {source}\n    want {expected}\n    got  {got}")
        for table in rates.values():
            table["all"]["project"].pop("examples", None)
        words["project"].pop("misses", None)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"dev": rates, "vocabulary": words, "targets": TARGETS}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
