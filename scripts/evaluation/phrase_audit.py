"""Phrases of OpenCC's Simplified-to-Traditional tables that can match across
a word boundary with a rare reading (学生发现 read as 生髮 + 現).

`python -m evaluation.phrase_audit [--top N]` (from scripts/) prints them ranked;
`--table taiwan` audits OpenCC's Taiwan table instead (TWPhrases: 界面 介面,
免提 擴音, 模仿 模擬 across 模|仿真), whose keys the chain's second step
matches in the Traditional text.

OpenCC segments by longest match: a two- or three-character phrase whose
character takes a reading other than its usual one (STCharacters' first
candidate: 发 -> 發, but 生发 -> 生髮) fires wherever its characters meet,
also when one word ends in its first part and the next word starts with its
rest. For each such phrase, and each way of cutting it in two, jieba's
dictionary gives the words that end in the left part and the words that
start with the right part (words of two characters or more), with their
corpus frequencies. The most frequent
of those pairs are joined and converted with the project's zh-Hant chain
(context rules included); a pair is a crossing when the joined text converts
differently from its two words converted apart. A phrase's score is the sum,
over its crossing pairs, of the product of the two words' frequencies: how
often a reader would meet the error. Pairs that jieba does not cut
between the two words are not crossings.
"""
from __future__ import annotations

import argparse
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

import jieba

from pipeline.article import HANT
from pipeline.text import HAN_CHARACTER
from pipeline.variants import OPENCC_DIR, characters, converter

# OpenCC's tables the zh-Hant chain segments with (data/conversion/s2tw.json)
PHRASE_TABLES = ("STPhrases", "STPhrases_GeneratedFromRegionalPhrases")
OPENCC_DICT = OPENCC_DIR.parent.parent / "bin" / "opencc_dict"


def read_table(name: str) -> dict[str, list[str]]:
    """One of OpenCC's installed tables, as source -> readings (first used)."""
    with tempfile.TemporaryDirectory(prefix="phrase-audit-") as folder:
        text = Path(folder) / f"{name}.txt"
        subprocess.run([str(OPENCC_DICT), "-i", str(OPENCC_DIR / f"{name}.ocd2"), "-o", str(text),
                        "-f", "ocd2", "-t", "text"], check=True)
        entries = {}
        for line in text.read_text(encoding="utf-8").splitlines():
            source, _, values = line.partition("\t")
            entries[source] = values.split()
        return entries


def rare_reading_phrases(lengths=(2, 3)) -> dict[str, str]:
    """Phrases of the given lengths where a character reads other than its usual reading."""
    usual = {source: values[0] for source, values in read_table("STCharacters").items() if values}
    out: dict[str, str] = {}
    for table in PHRASE_TABLES:
        for source, values in read_table(table).items():
            target = values[0] if values else ""
            if len(source) in lengths and len(target) == len(source) and all(map(HAN_CHARACTER.match, source)) \
                    and any(target[i] != usual.get(c, c) for i, c in enumerate(source)):
                out.setdefault(source, target)
    return out


def taiwan_phrases(lengths=(2, 3)) -> dict[str, str]:
    """OpenCC's Taiwan table (TWPhrases), keyed by the Simplified characters of
    each Traditional key: every entry rewrites its key (界面 介面, 艾滋病人 愛滋病患)."""
    simplify = characters("tw2s").convert
    out: dict[str, str] = {}
    for source, values in read_table("TWPhrases").items():
        target = values[0] if values else ""
        if len(source) in lengths and target and target != source and all(map(HAN_CHARACTER.match, source)):
            out.setdefault(simplify(source), target)
    return out


def jieba_words() -> dict[str, int]:
    """jieba's dictionary: word -> frequency, Han words only."""
    words = {}
    with jieba.get_dict_file() as lines:  # jieba's own dict.txt, opened as bytes
        for line in lines:
            word, frequency, *_ = line.decode("utf-8").split()
            if all(map(HAN_CHARACTER.match, word)):
                words[word] = int(frequency)
    return words


def audit(per_side: int = 12, lengths=(2, 3), phrases: dict[str, str] | None = None) -> list[tuple[int, str, str, list[str]]]:
    """(score, phrase, its reading, crossing examples), highest score first;
    the phrases are STPhrases' rare readings unless given."""
    words = jieba_words()
    ending: dict[str, list[tuple[int, str]]] = defaultdict(list)
    starting: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for word, frequency in words.items():
        if len(word) < 2:
            continue  # a character alone converts without context: no word to compare
        for cut in range(1, min(len(word), 3) + 1):
            ending[word[-cut:]].append((frequency, word))
            starting[word[:cut]].append((frequency, word))
    for table in (ending, starting):
        for key in table:
            table[key] = sorted(table[key], reverse=True)[:per_side]
    convert = converter(HANT).convert

    def cuts(text: str) -> set[int]:
        ends, position = set(), 0
        for word in jieba.cut(text, HMM=False):
            position += len(word)
            ends.add(position)
        return ends

    found = []
    for phrase, target in sorted((rare_reading_phrases(lengths) if phrases is None else phrases).items()):
        score, examples = 0, []
        for cut in range(1, len(phrase)):
            left, right = phrase[:cut], phrase[cut:]
            for left_frequency, before in ending.get(left, []):
                for right_frequency, after in starting.get(right, []):
                    joined = before + after
                    if phrase in (before, after) or len(before) not in cuts(joined):
                        continue  # jieba reads the phrase (or more) as one word there
                    apart = convert(before) + convert(after)
                    if convert(joined) != apart:
                        score += left_frequency * right_frequency
                        # the phrase and the rest of the next word's first
                        # character: a keep-list line that stops the match
                        start = len(before) - len(left)
                        end = len(before) + len(right) + 1
                        kept = apart[start:end] if len(apart) == len(joined) else \
                            convert(before)[-len(left):] + convert(after)[:len(right) + 1]
                        examples.append((f"{before}|{after}", joined[start:end], kept))
        if score:
            found.append((score, phrase, target, examples))
    return sorted(found, reverse=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=60, help="how many phrases to print")
    parser.add_argument("--keep", action="store_true",
                        help="print keep-list lines (data/conversion/s2tw-keep.txt) for the crossings instead")
    parser.add_argument("--lines", type=int, default=6, help="keep-list lines per phrase, commonest first")
    parser.add_argument("--per-side", type=int, default=12,
                        help="most frequent words tried on each side of a cut")
    parser.add_argument("--table", choices=("st", "taiwan"), default="st",
                        help="STPhrases' rare readings (st) or OpenCC's Taiwan table (taiwan)")
    parser.add_argument("--length", type=int, action="append",
                        help="phrase lengths to audit (repeatable; default 2 and 3)")
    args = parser.parse_args(argv)
    lengths = tuple(args.length or (2, 3))
    found = audit(args.per_side, lengths, taiwan_phrases(lengths) if args.table == "taiwan" else None)
    if args.keep:
        for _, phrase, target, examples in found[: args.top]:
            lines = dict((source, kept) for _, source, kept in examples)
            lines = dict(list(lines.items())[: args.lines])
            print(f"# {phrase} ({target}) across " + ", ".join(pair for pair, _, _ in examples[:3]))
            print("\n".join(f"{source}\t{kept}" for source, kept in lines.items()))
        return 0
    print(f"{len(found)} phrases of OpenCC's tables convert differently across a word boundary")
    for score, phrase, target, examples in found[: args.top]:
        print(f"{score:>14,}  {phrase} -> {target}  {' '.join(pair for pair, _, _ in examples[:6])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
